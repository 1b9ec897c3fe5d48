// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "monitorapp.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qlocale.h>
#include <QtCore/qtimer.h>
#include <QtCore/qurl.h>
#include <QtGui/qimage.h>
#include <QtQml/qqmlapplicationengine.h>
#include <QtQuick/qquickwindow.h>
#include <QtQuickControls2/qquickstyle.h>

using namespace Qt::StringLiterals;

static MonitorApp *s_instance = nullptr;
static const QStringList kLanguages{u"en"_s, u"de"_s, u"fr"_s};

MonitorApp::MonitorApp(QObject *parent) : QObject(parent)
{
    Q_ASSERT(!s_instance);
    s_instance = this;
}

MonitorApp::~MonitorApp()
{
    m_engine.reset();
    if (m_translatorInstalled)
        QCoreApplication::removeTranslator(&m_translator);
    s_instance = nullptr;
}

MonitorApp *MonitorApp::instance() { return s_instance; }

MonitorApp *MonitorApp::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

MonitorApp::ParseResult MonitorApp::parseArguments(const QStringList &arguments, QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QCoreApplication::translate("MonitorApp", "Watch, filter and send STOMP messages."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption url(u"url"_s,
            QCoreApplication::translate("MonitorApp", "Broker URL, e.g. stomp://user@localhost:61613/vhost; connects at start."),
            u"url"_s);
    const QCommandLineOption user({u"user"_s, u"login"_s},
            QCoreApplication::translate("MonitorApp", "Login name."), u"name"_s);
    const QCommandLineOption passcode(u"passcode"_s,
            QCoreApplication::translate("MonitorApp", "Passcode (or set STOMPQT_PASSCODE)."), u"passcode"_s);
    const QCommandLineOption vhost(u"vhost"_s,
            QCoreApplication::translate("MonitorApp", "Virtual host (the STOMP host header)."), u"vhost"_s);
    const QCommandLineOption subscribe(u"subscribe"_s,
            QCoreApplication::translate("MonitorApp", "Subscribe to a destination (repeatable)."), u"destination"_s);
    const QCommandLineOption history(u"history"_s,
            QCoreApplication::translate("MonitorApp", "How many messages to keep (default 10000)."), u"count"_s);
    const QCommandLineOption screenshot(u"screenshot"_s,
            QCoreApplication::translate("MonitorApp", "Save the window as a PNG image after --quit-after ms (3000 by default), with the newest message selected, then quit."), u"file"_s);
    const QCommandLineOption quitAfter(u"quit-after"_s,
            QCoreApplication::translate("MonitorApp", "Quit after this many milliseconds (after the screenshot)."), u"ms"_s);
    const QCommandLineOption lang(u"lang"_s,
            QCoreApplication::translate("MonitorApp", "Language: en, de or fr (default: the system's)."), u"language"_s);
    const QCommandLineOption caFile(u"ca"_s,
            QCoreApplication::translate("MonitorApp", "CA certificates (PEM) that TLS server certificates must chain to."), u"file"_s);
    const QCommandLineOption certFile(u"cert"_s,
            QCoreApplication::translate("MonitorApp", "Client certificate (PEM) for TLS."), u"file"_s);
    const QCommandLineOption keyFile(u"key"_s,
            QCoreApplication::translate("MonitorApp", "Private key (PEM) of the client certificate."), u"file"_s);
    parser.addOptions({url, user, passcode, vhost, caFile, certFile, keyFile, subscribe, history,
                       screenshot, quitAfter, lang});

    if (!parser.parse(arguments)) {
        *message = parser.errorText();
        return ParseResult::Error;
    }
    if (parser.isSet(help)) {
        *message = parser.helpText();
        return ParseResult::Exit;
    }
    if (parser.isSet(version)) {
        *message = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        return ParseResult::Exit;
    }

    if (parser.isSet(url)) {
        QString text = parser.value(url).trimmed();
        if (text.startsWith("failover:"_L1) || text.contains(u',')) {
            m_url = text; // a broker list; the client reads it as it is
        } else {
            if (!text.contains("://"_L1))
                text.prepend("stomp://"_L1);
            QUrl u(text);
            if (!u.isValid() || u.host().isEmpty()) {
                *message = QCoreApplication::translate("MonitorApp", "invalid --url '%1'").arg(parser.value(url));
                return ParseResult::Error;
            }
            // Credentials and the virtual host have their own fields. Over WebSocket the path
            // is the HTTP path and stays in the URL.
            m_login = u.userName();
            m_passcode = u.password();
            u.setUserInfo({});
            const QString path = u.path(QUrl::FullyDecoded);
            const bool webSocket = u.scheme() == "ws"_L1 || u.scheme() == "wss"_L1;
            if (!webSocket && path.size() > 1) {
                m_vhost = path.mid(1);
                u.setPath({});
            }
            m_url = u.toString();
        }
        m_autoConnect = true;
    }
    if (parser.isSet(user))
        m_login = parser.value(user);
    if (parser.isSet(passcode))
        m_passcode = parser.value(passcode);
    else if (m_passcode.isEmpty())
        m_passcode = qEnvironmentVariable("STOMPQT_PASSCODE");
    if (parser.isSet(vhost))
        m_vhost = parser.value(vhost);
    // TLS files: checked now, so that a typo is reported at start and not as a TLS error later.
    const std::pair<const QCommandLineOption *, QString *> files[] = {
        {&caFile, &m_caFile}, {&certFile, &m_certFile}, {&keyFile, &m_keyFile}};
    for (const auto &[option, target] : files) {
        if (!parser.isSet(*option))
            continue;
        const QFileInfo info(parser.value(*option));
        if (!info.isFile() || !info.isReadable()) {
            *message = QCoreApplication::translate("MonitorApp", "--%1: cannot read '%2'")
                               .arg(option->names().constFirst(), parser.value(*option));
            return ParseResult::Error;
        }
        *target = info.absoluteFilePath();
    }
    m_subscriptions = parser.values(subscribe);
    if (parser.isSet(history)) {
        bool ok = false;
        m_historyLimit = parser.value(history).toInt(&ok);
        if (!ok || m_historyLimit < 1) {
            *message = QCoreApplication::translate("MonitorApp", "invalid --history '%1'").arg(parser.value(history));
            return ParseResult::Error;
        }
    }
    if (parser.isSet(screenshot))
        m_screenshot = QFileInfo(parser.value(screenshot)).absoluteFilePath();
    if (parser.isSet(quitAfter)) {
        bool ok = false;
        m_quitAfter = parser.value(quitAfter).toInt(&ok);
        if (!ok || m_quitAfter < 0) {
            *message = QCoreApplication::translate("MonitorApp", "invalid --quit-after '%1'").arg(parser.value(quitAfter));
            return ParseResult::Error;
        }
    } else if (!m_screenshot.isEmpty()) {
        m_quitAfter = 3000;
    }
    if (parser.isSet(lang)) {
        const QString code = parser.value(lang).toLower();
        if (!kLanguages.contains(code)) {
            *message = QCoreApplication::translate("MonitorApp", "unknown --lang '%1' (en, de or fr)").arg(parser.value(lang));
            return ParseResult::Error;
        }
        m_language = code;
    }
    return ParseResult::Run;
}

bool MonitorApp::load()
{
    // Once per process (the headless test loads the monitor several times).
    static const bool styled = [] {
        if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
            QQuickStyle::setStyle(u"Fusion"_s);
        return true;
    }();
    Q_UNUSED(styled);
    installTranslator();
    m_engine = std::make_unique<QQmlApplicationEngine>();
    // Qt 6.4 does not look in qrc:/qt/qml on its own; StompQt and StompQtMonitor live there.
    m_engine->addImportPath(u"qrc:/qt/qml"_s);
    m_engine->load(QUrl(u"qrc:/qt/qml/StompQtMonitor/Main.qml"_s));
    if (m_engine->rootObjects().isEmpty())
        return false;
    scheduleQuit();
    return true;
}

QQuickWindow *MonitorApp::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
}

void MonitorApp::scheduleQuit()
{
    if (m_quitAfter < 0)
        return;
    if (!m_screenshot.isEmpty()) {
        // Shortly before the picture: select the newest message, so the detail shows one.
        QTimer::singleShot(qMax(0, m_quitAfter - 700), this, [this] {
            if (QQuickWindow *w = window())
                QMetaObject::invokeMethod(w, "prepareScreenshot");
        });
    }
    QTimer::singleShot(m_quitAfter, this, [this] {
        int code = 0;
        if (!m_screenshot.isEmpty()) {
            if (saveScreenshot(m_screenshot)) {
                qInfo("screenshot: %s", qPrintable(QDir::toNativeSeparators(m_screenshot)));
            } else {
                qWarning("could not write the screenshot %s", qPrintable(m_screenshot));
                code = 1;
            }
        }
        QCoreApplication::exit(code);
    });
}

bool MonitorApp::saveScreenshot(const QString &path)
{
    QQuickWindow *w = window();
    if (!w)
        return false;
    const QImage image = w->grabWindow();
    if (image.isNull())
        return false;
    QDir().mkpath(QFileInfo(path).absolutePath());
    return image.save(path, "PNG");
}

void MonitorApp::setLanguage(const QString &language)
{
    const QString code = language.toLower();
    if (!code.isEmpty() && !kLanguages.contains(code))
        return;
    if (m_language == code)
        return;
    m_language = code;
    installTranslator();
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
}

void MonitorApp::installTranslator()
{
    QString effective = m_language;
    if (effective.isEmpty()) {
        effective = u"en"_s;
        for (const QString &ui : QLocale::system().uiLanguages()) {
            const QString two = ui.left(2).toLower();
            if (kLanguages.contains(two)) {
                effective = two;
                break;
            }
        }
    }
    if (m_translatorInstalled) {
        QCoreApplication::removeTranslator(&m_translator);
        m_translatorInstalled = false;
    }
    if (effective != "en"_L1) {
        if (m_translator.load(u":/i18n/stompqt_%1.qm"_s.arg(effective))) {
            m_translatorInstalled = QCoreApplication::installTranslator(&m_translator);
        } else {
            qWarning("no translation for '%s'; using English", qPrintable(effective));
            effective = u"en"_s;
        }
    }
    QLocale::setDefault(effective == "en"_L1 ? QLocale::system() : QLocale(effective));
    if (m_effectiveLanguage != effective) {
        m_effectiveLanguage = effective;
        emit languageChanged();
    }
}

QVariantList MonitorApp::languages() const
{
    // Each language is named in itself, so that anyone can find their own.
    return {
        QVariantMap{{u"code"_s, QString()}, {u"name"_s, QString()}},
        QVariantMap{{u"code"_s, u"en"_s}, {u"name"_s, u"English"_s}},
        QVariantMap{{u"code"_s, u"de"_s}, {u"name"_s, u"Deutsch"_s}},
        QVariantMap{{u"code"_s, u"fr"_s}, {u"name"_s, u"Français"_s}},
    };
}

QString MonitorApp::version() const
{
    return QCoreApplication::applicationVersion();
}
