// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// stompqt: send and subscribe to STOMP destinations from a shell. See tools/USAGE.md.
#include "cliconfig.h"
#include "command.h"
#include "sendcommand.h"
#include "signalwatcher.h"
#include "subscribecommand.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qtimer.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace StompCli;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"stompqt"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STOMPQT_CLI_VERSION));

    CliConfig config;
    QString message;
    switch (parseCommandLine(QCoreApplication::arguments(), qEnvironmentVariable("STOMP_PASSCODE"),
                             &config, &message)) {
    case ParseOutcome::ShowHelp:
    case ParseOutcome::ShowVersion:
        writeStdout(message.toUtf8());
        return ExitSuccess;
    case ParseOutcome::UsageError:
        writeStderr(u"stompqt: %1\nRun 'stompqt --help' for usage.\n"_s.arg(message));
        return ExitUsage;
    case ParseOutcome::Run:
        break;
    }

    // The tool reports every error itself, once; the library's own warnings would repeat it.
    // -v keeps them, and QT_LOGGING_RULES still overrides this.
    if (!config.connection.verbose)
        QLoggingCategory::setFilterRules(u"stompqt.*.warning=false"_s);

    std::unique_ptr<Command> command;
    if (config.command == CliConfig::Send)
        command = std::make_unique<SendCommand>(config.connection, config.send);
    else
        command = std::make_unique<SubscribeCommand>(config.connection, config.subscribe);

    QObject::connect(command.get(), &Command::finished, &app, [](int exitCode) {
        QCoreApplication::exit(exitCode);
    });
    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::interrupted, command.get(), &Command::interrupt);

    QTimer::singleShot(0, command.get(), &Command::start);
    return app.exec();
}
