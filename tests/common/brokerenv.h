// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Where the real brokers of this test run are. ./run.sh test (and ./run.sh brokers start)
// starts a private RabbitMQ and ActiveMQ on free loopback ports and exports their addresses:
//
//   STOMPQT_RABBITMQ_HOST, _PORT, _WS_PORT, _USER, _PASSCODE, _VHOST, _CTL (rabbitmqctl wrapper)
//   STOMPQT_ACTIVEMQ_HOST, _PORT, _USER, _PASSCODE
//
// A test that needs a broker starts with
//   STOMPQT_REQUIRE_BROKER(broker, stompRabbitMq());
// which declares `const StompBrokerEnv broker`, or fails (CI set) / skips (otherwise) when the
// variables are missing.

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qurl.h>
#include <QtTest/qtest.h>

#include <optional>

struct StompBrokerEnv
{
    QString name;       // "RabbitMQ", "ActiveMQ"
    QString host;
    quint16 port = 0;   // STOMP over TCP
    quint16 wsPort = 0; // STOMP over WebSocket (ws://host:wsPort/ws), 0 when the broker has none
    QString login, passcode, vhost;
    QString ctl;        // RabbitMQ only: a rabbitmqctl command bound to this node (may be empty)

    bool isValid() const { return !host.isEmpty() && port != 0; }

    /// The value of the CONNECT host header: the vhost, or the host name when there is none.
    QString hostHeader() const { return vhost.isEmpty() ? host : vhost; }

    /// stomp://login:passcode@host:port/vhost
    QUrl url() const
    {
        QUrl u;
        u.setScheme(QStringLiteral("stomp"));
        u.setHost(host);
        u.setPort(port);
        u.setUserName(login);
        u.setPassword(passcode);
        if (!vhost.isEmpty())
            u.setPath(QLatin1Char('/') + vhost);
        return u;
    }

    /// ws://host:wsPort/ws, or an empty URL when the broker has no WebSocket listener.
    QUrl webSocketUrl() const
    {
        if (wsPort == 0)
            return {};
        QUrl u;
        u.setScheme(QStringLiteral("ws"));
        u.setHost(host);
        u.setPort(wsPort);
        u.setPath(QStringLiteral("/ws"));
        return u;
    }
};

namespace StompBrokerEnvDetail {

inline QString variable(const char *prefix, const char *suffix)
{
    return qEnvironmentVariable((QByteArray(prefix) + suffix).constData());
}

inline quint16 portVariable(const char *prefix, const char *suffix)
{
    bool ok = false;
    const uint value = variable(prefix, suffix).toUInt(&ok);
    return ok && value > 0 && value <= 65535 ? quint16(value) : quint16(0);
}

inline std::optional<StompBrokerEnv> read(const char *prefix, const char *name)
{
    StompBrokerEnv env;
    env.name = QString::fromLatin1(name);
    env.host = variable(prefix, "_HOST");
    env.port = portVariable(prefix, "_PORT");
    env.wsPort = portVariable(prefix, "_WS_PORT");
    env.login = variable(prefix, "_USER");
    env.passcode = variable(prefix, "_PASSCODE");
    env.vhost = variable(prefix, "_VHOST");
    env.ctl = variable(prefix, "_CTL");
    if (!env.isValid())
        return std::nullopt;
    return env;
}

/// CI=1/true/yes/anything but 0/false/no/empty.
inline bool isCi()
{
    const QString ci = qEnvironmentVariable("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != QLatin1String("0") && ci != QLatin1String("false")
        && ci != QLatin1String("no");
}

inline QByteArray missingMessage(const char *what)
{
    return QByteArray(what)
        + ": no broker configured (STOMPQT_*_HOST/_PORT unset); run via ./run.sh test, or "
          "export the variables printed by ./run.sh brokers start";
}

} // namespace StompBrokerEnvDetail

/// The private RabbitMQ of this run (STOMPQT_RABBITMQ_*), or nullopt.
inline std::optional<StompBrokerEnv> stompRabbitMq()
{
    return StompBrokerEnvDetail::read("STOMPQT_RABBITMQ", "RabbitMQ");
}

/// The private ActiveMQ of this run (STOMPQT_ACTIVEMQ_*), or nullopt.
inline std::optional<StompBrokerEnv> stompActiveMq()
{
    return StompBrokerEnvDetail::read("STOMPQT_ACTIVEMQ", "ActiveMQ");
}

/// Declares `const StompBrokerEnv var` from \a source (an std::optional<StompBrokerEnv>).
/// Missing broker: QFAIL when the CI environment variable is set, QSKIP otherwise.
/// Use it in a test function (it returns from it), not in an _data() function.
#define STOMPQT_REQUIRE_BROKER(var, source)                                                    \
    const std::optional<StompBrokerEnv> var##_optional_ = (source);                            \
    if (!var##_optional_) {                                                                    \
        const QByteArray var##_message_ = StompBrokerEnvDetail::missingMessage(#source);       \
        if (StompBrokerEnvDetail::isCi())                                                      \
            QFAIL(var##_message_.constData());                                                 \
        QSKIP(var##_message_.constData());                                                     \
    }                                                                                          \
    const StompBrokerEnv var = *var##_optional_

/// For a part of the broker setup that is missing (a port, a tool): QFAIL under CI, where
/// ./run.sh always provides it, QSKIP otherwise. Use in a test function.
#define STOMPQT_SKIP_UNLESS_CI(message)                                                        \
    do {                                                                                       \
        if (StompBrokerEnvDetail::isCi())                                                      \
            QFAIL(message);                                                                    \
        QSKIP(message);                                                                        \
    } while (false)
