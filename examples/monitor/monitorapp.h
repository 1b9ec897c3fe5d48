// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qtranslator.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqml.h>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

/*!
    The monitor application: command-line options, translations with a live language switch,
    the QML engine, and the headless screenshot. One per process; QML reaches it as the
    singleton `App`. main() and the headless test both drive it.
*/
class MonitorApp : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QString initialUrl READ initialUrl CONSTANT)
    Q_PROPERTY(QString initialLogin READ initialLogin CONSTANT)
    Q_PROPERTY(QString initialPasscode READ initialPasscode CONSTANT)
    Q_PROPERTY(QString initialVirtualHost READ initialVirtualHost CONSTANT)
    Q_PROPERTY(QString initialCaFile READ initialCaFile CONSTANT)
    Q_PROPERTY(QString initialCertFile READ initialCertFile CONSTANT)
    Q_PROPERTY(QString initialKeyFile READ initialKeyFile CONSTANT)
    Q_PROPERTY(QStringList initialSubscriptions READ initialSubscriptions CONSTANT)
    Q_PROPERTY(bool autoConnect READ autoConnect CONSTANT)
    Q_PROPERTY(int initialHistoryLimit READ initialHistoryLimit CONSTANT)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(QString effectiveLanguage READ effectiveLanguage NOTIFY languageChanged)
    Q_PROPERTY(QVariantList languages READ languages CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)

public:
    // No default argument: Qt 6.4 would then build the QML singleton itself instead of
    // calling create().
    explicit MonitorApp(QObject *parent);
    ~MonitorApp() override;

    static MonitorApp *instance();
    static MonitorApp *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    enum class ParseResult { Run, Exit, Error };
    /// Parses the command line; on Exit/Error \a message holds what to print.
    ParseResult parseArguments(const QStringList &arguments, QString *message);

    /// Creates the engine and shows the main window. False when QML failed to load.
    bool load();
    QQmlApplicationEngine *engine() const { return m_engine.get(); }
    QQuickWindow *window() const;

    QString initialUrl() const { return m_url; }
    QString initialLogin() const { return m_login; }
    QString initialPasscode() const { return m_passcode; }
    QString initialVirtualHost() const { return m_vhost; }
    /// --ca / --cert / --key: absolute paths of PEM files for stomp+ssl:// and wss://.
    QString initialCaFile() const { return m_caFile; }
    QString initialCertFile() const { return m_certFile; }
    QString initialKeyFile() const { return m_keyFile; }
    QStringList initialSubscriptions() const { return m_subscriptions; }
    bool autoConnect() const { return m_autoConnect; }
    int initialHistoryLimit() const { return m_historyLimit; }
    QString screenshotPath() const { return m_screenshot; }
    int quitAfter() const { return m_quitAfter; }

    /// "" follows the system locale; "en", "de", "fr".
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QString effectiveLanguage() const { return m_effectiveLanguage; }
    QVariantList languages() const;
    QString version() const;

    /// Renders the window and writes it to \a path (PNG). Works headless (offscreen).
    Q_INVOKABLE bool saveScreenshot(const QString &path);

Q_SIGNALS:
    void languageChanged();

private:
    void installTranslator();
    void scheduleQuit();

    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QTranslator m_translator;
    bool m_translatorInstalled = false;
    QString m_url, m_login, m_passcode, m_vhost;
    QString m_caFile, m_certFile, m_keyFile;
    QStringList m_subscriptions;
    bool m_autoConnect = false;
    int m_historyLimit = 0;
    QString m_screenshot;
    int m_quitAfter = -1;
    QString m_language;
    QString m_effectiveLanguage = QStringLiteral("en");
};
