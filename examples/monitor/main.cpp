// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// stompqt-monitor: a GUI to watch, filter, inspect and send STOMP messages.

#include "monitorapp.h"

#include <QtGui/qguiapplication.h>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(StompQtMonitorPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("StompQt"));
    QGuiApplication::setApplicationName(QStringLiteral("stompqt-monitor"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("StompQt Monitor"));
    QGuiApplication::setApplicationVersion(QStringLiteral(STOMPQT_VERSION));

    MonitorApp monitor(nullptr);
    QString message;
    switch (monitor.parseArguments(QCoreApplication::arguments(), &message)) {
    case MonitorApp::ParseResult::Exit:
        std::fprintf(stdout, "%s\n", qPrintable(message));
        return 0;
    case MonitorApp::ParseResult::Error:
        std::fprintf(stderr, "stompqt-monitor: %s\n", qPrintable(message));
        return 2;
    case MonitorApp::ParseResult::Run:
        break;
    }
    if (!monitor.load())
        return 1;
    return app.exec();
}
