// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "messageformat.h"

#include <StompQt/stompclient.h>

#include <QtCore/qlist.h>
#include <QtCore/qstring.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QtNetwork/qsslconfiguration.h>
#endif

namespace StompCli {

/// The process exit codes; USAGE.md documents them.
enum ExitCode {
    ExitSuccess = 0,
    ExitUsage = 1,      ///< bad command line, unreadable --file
    ExitConnection = 2, ///< connection, authentication or server ERROR
    ExitTimeout = 3,    ///< connect, receipt, or subscribe --count not reached within --timeout
};

struct ConnectionConfig
{
    /// Every --url given, in order, without passcodes; -H/-P already applied to the first.
    /// Empty when no --url was given. The broker list for failover when it has more than
    /// one entry or a TLS/WebSocket one (see usesBrokerList()).
    QList<QUrl> urls;
    QString host = QStringLiteral("localhost");
    quint16 port = 61613;
    QString login;
    QString passcode;
    QString virtualHost;
    bool hasPasscode = false;
    bool hasVirtualHost = false;
    int heartbeatOutgoing = 0;
    int heartbeatIncoming = 0;
    bool hasHeartbeat = false;
    StompClient::Versions versions = StompClient::Version1_0 | StompClient::Version1_1 | StompClient::Version1_2;
    int connectTimeout = -1; ///< ms; -1 = the library's default
    int receiptTimeout = -1; ///< ms; -1 = the library's default
    /// --header NAME:VALUE, in the order given; added to SEND or SUBSCRIBE.
    StompHeaders extraHeaders;
    bool verbose = false;

    // --reconnect, --reconnect-max
    bool reconnect = false;
    int reconnectMaxAttempts = -1; ///< -1: forever

    // TLS: --ca, --cert, --key, --insecure
    bool hasTlsOptions = false;
    bool insecure = false;
#if QT_CONFIG(ssl)
    QSslConfiguration sslConfiguration;
#endif

    /// True when the client gets the URL list (setBrokers()) rather than host and port: more
    /// than one --url, or one that is not plain stomp://.
    bool usesBrokerList() const
    {
        return urls.size() > 1 || (urls.size() == 1 && urls.first().scheme() != QLatin1String("stomp"));
    }

    /// host:port, or the broker URLs (without credentials) separated by ", ".
    QString endpoint() const
    {
        if (!usesBrokerList())
            return host + QLatin1Char(':') + QString::number(port);
        QStringList names;
        for (const QUrl &u : urls)
            names << u.toDisplayString(QUrl::RemoveUserInfo);
        return names.join(QLatin1String(", "));
    }
};

struct SendConfig
{
    QString destination;
    QByteArray body;
    int count = 1;
    /// {n} becomes the sequence number only when --count was given, so that a single send
    /// (a binary --file, say) goes out byte for byte.
    bool numberBodies = false;
    bool receiptEach = false;
    bool transaction = false;
    QString contentType;
    bool noContentLength = false;
    bool persistent = false;
};

struct SubscribeConfig
{
    QString destination;
    StompClient::AckMode ackMode = StompClient::AckAuto;
    int count = 0;           ///< 0 = until interrupted
    int idleTimeoutMs = -1;  ///< --timeout; -1 = none
    QString id;
    OutputFormat format = OutputFormat::Text;
};

struct CliConfig
{
    enum Command { NoCommand, Send, Subscribe };
    Command command = NoCommand;
    ConnectionConfig connection;
    SendConfig send;
    SubscribeConfig subscribe;
};

enum class ParseOutcome {
    Run,         ///< *config is complete
    ShowHelp,    ///< print *message to stdout, exit 0
    ShowVersion, ///< print *message to stdout, exit 0
    UsageError,  ///< print *message to stderr, exit 1
};

/// Parses \a arguments (argv, program name first) into \a config. Reads the body of `send`
/// from --file or stdin when no BODY argument is given. \a passcodeFromEnvironment is
/// STOMP_PASSCODE (null when unset).
ParseOutcome parseCommandLine(const QStringList &arguments, const QString &passcodeFromEnvironment,
                              CliConfig *config, QString *message);

} // namespace StompCli
