// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "cliconfig.h"

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qfile.h>
#if QT_CONFIG(ssl)
#include <QtNetwork/qsslcertificate.h>
#include <QtNetwork/qsslkey.h>
#endif

#include <algorithm>
#include <cstdio>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace StompCli {
namespace {

// All options of all commands. The first, lenient pass knows every one of them so that an
// option's value is never mistaken for the command name; the second pass knows only the
// options of the chosen command, so that a misplaced option is a usage error.
struct Options
{
    QCommandLineOption url{u"url"_s, u"Broker URL stomp://[user[:passcode]@]host[:port][/vhost], also "
                                     "stomp+ssl://, ws://host:port/path, wss://. Repeatable: the brokers "
                                     "are tried in the order given (failover)."_s, u"URL"_s};
    QCommandLineOption host{{u"H"_s, u"host"_s}, u"Broker host (default localhost)."_s, u"HOST"_s};
    QCommandLineOption port{{u"P"_s, u"port"_s}, u"Broker STOMP port (default 61613)."_s, u"PORT"_s};
    QCommandLineOption user{{u"u"_s, u"user"_s}, u"Login."_s, u"USER"_s};
    QCommandLineOption passcode{{u"p"_s, u"passcode"_s},
                                u"Passcode (default: from the URL, else $STOMP_PASSCODE)."_s, u"PASSCODE"_s};
    QCommandLineOption vhost{u"vhost"_s, u"Virtual host (the CONNECT 'host' header)."_s, u"VHOST"_s};
    QCommandLineOption heartbeat{u"heartbeat"_s, u"Heart-beat wish in ms, outgoing,incoming (0 = off)."_s,
                                 u"OUT,IN"_s};
    QCommandLineOption stompVersion{u"stomp-version"_s,
                                    u"STOMP version(s) to offer: 1.0, 1.1, 1.2 or a comma-separated list "
                                    "(default all three)."_s, u"VERSION"_s};
    QCommandLineOption header{u"header"_s, u"Extra header for SEND or SUBSCRIBE. Repeatable."_s,
                              u"NAME:VALUE"_s};
    QCommandLineOption connectTimeout{u"connect-timeout"_s,
                                      u"Timeout in ms for TCP connect, CONNECTED and DISCONNECT."_s, u"MS"_s};
    QCommandLineOption receiptTimeout{u"receipt-timeout"_s, u"Timeout in ms for each receipt."_s, u"MS"_s};
    QCommandLineOption verbose{{u"v"_s, u"verbose"_s},
                               u"Print every frame sent and received to stderr (passcode masked)."_s};
    QCommandLineOption version{u"version"_s, u"Print the version and exit."_s};
    QCommandLineOption ca{u"ca"_s, u"TLS: trust the PEM CA certificate(s) in FILE (in addition to the "
                                   "system's)."_s, u"FILE"_s};
    QCommandLineOption cert{u"cert"_s, u"TLS: the client certificate (PEM; more certificates in the file "
                                       "form its chain). Needs --key."_s, u"FILE"_s};
    QCommandLineOption key{u"key"_s, u"TLS: the client's private key (PEM, unencrypted RSA, EC or DSA)."_s,
                           u"FILE"_s};
    QCommandLineOption insecure{u"insecure"_s, u"TLS: accept any server certificate (no verification). "
                                               "Only for tests."_s};
    QCommandLineOption reconnect{u"reconnect"_s, u"Retry when the connection fails or is lost, going round "
                                                 "the --url list."_s};
    QCommandLineOption reconnectMax{u"reconnect-max"_s, u"At most N reconnect attempts in a row (implies "
                                                        "--reconnect; default unlimited)."_s, u"N"_s};

    // send
    QCommandLineOption file{u"file"_s, u"Read the body from FILE ('-' = stdin)."_s, u"FILE"_s};
    QCommandLineOption count{u"count"_s, u"send: send the message N times; with --count, {n} in the body becomes 1..N. "
                                         "subscribe: exit after N messages."_s, u"N"_s};
    QCommandLineOption receipt{u"receipt"_s, u"Wait for a receipt on every frame (default: on the last "
                                             "one only)."_s};
    QCommandLineOption transaction{u"transaction"_s, u"Wrap the sends in BEGIN/COMMIT (commit with a receipt)."_s};
    QCommandLineOption contentType{u"content-type"_s, u"The content-type header."_s, u"TYPE"_s};
    QCommandLineOption noContentLength{u"no-content-length"_s,
                                       u"Omit content-length (ActiveMQ then makes a TextMessage)."_s};
    QCommandLineOption persistent{u"persistent"_s, u"Add the header persistent:true."_s};

    // subscribe
    QCommandLineOption ack{u"ack"_s, u"auto, client or client-individual (default auto); client modes ack "
                                     "each message after printing it."_s, u"MODE"_s};
    QCommandLineOption timeout{u"timeout"_s, u"Exit after S seconds without a message (exit code 3 when "
                                             "--count was not reached)."_s, u"S"_s};
    QCommandLineOption id{u"id"_s, u"Subscription id (default: generated)."_s, u"ID"_s};
    QCommandLineOption format{u"format"_s, u"Output: text (body + newline), json (one object per line) or "
                                           "raw (bodies as bytes). Default text."_s, u"FORMAT"_s};

    QList<QCommandLineOption> common() const
    {
        return {url, host, port, user, passcode, vhost, heartbeat, stompVersion, header,
                connectTimeout, receiptTimeout, ca, cert, key, insecure, reconnect, reconnectMax,
                verbose, version};
    }
    QList<QCommandLineOption> sendOptions() const
    {
        return {file, count, receipt, transaction, contentType, noContentLength, persistent};
    }
    QList<QCommandLineOption> subscribeOptions() const { return {ack, count, timeout, id, format}; }
};

const QString kGeneralDescription = u"Send and receive STOMP messages.\n\n"
                                     "Commands:\n"
                                     "  send       Send a message (or N) to a destination.\n"
                                     "  subscribe  Print the messages of a destination.\n\n"
                                     "Run 'stompqt COMMAND --help' for the options of a command.\n"
                                     "Exit codes: 0 success, 1 usage, 2 connection/authentication/server "
                                     "error, 3 timeout."_s;

// Parses a whole decimal number in [min, max].
std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

bool parseVersions(const QString &text, StompClient::Versions *versions)
{
    StompClient::Versions result;
    const QStringList parts = text.split(u',');
    for (const QString &raw : parts) {
        const QString part = raw.trimmed();
        if (part == "1.0"_L1)
            result |= StompClient::Version1_0;
        else if (part == "1.1"_L1)
            result |= StompClient::Version1_1;
        else if (part == "1.2"_L1)
            result |= StompClient::Version1_2;
        else
            return false;
    }
    *versions = result;
    return true;
}

bool readBody(const QString &path, QByteArray *body, QString *message)
{
    QFile file;
    const bool fromStdin = path == "-"_L1;
    const QString name = fromStdin ? u"stdin"_s : path;
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *message = u"cannot open %1: %2"_s.arg(name, file.errorString());
        return false;
    }
    // readAll() on a pipe reads until end of file; a terminal ends at ^D.
    *body = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *message = u"cannot read %1: %2"_s.arg(name, file.errorString());
        return false;
    }
    return true;
}

bool isTlsScheme(const QString &scheme)
{
    return scheme == "stomp+ssl"_L1 || scheme == "wss"_L1;
}

int defaultPort(const QString &scheme)
{
    if (scheme == "stomp+ssl"_L1)
        return 61614;
    if (scheme == "ws"_L1)
        return 80;
    if (scheme == "wss"_L1)
        return 443;
    return 61613;
}

// Checks one --url; \a c is filled from it (host, port, credentials, virtual host) when it is
// the first one. Returns the URL with its scheme in lower case.
bool applyUrl(const QString &text, ConnectionConfig *c, QUrl *result, QString *message)
{
    QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || !(scheme == "stomp"_L1 || scheme == "stomp+ssl"_L1 || scheme == "ws"_L1 || scheme == "wss"_L1)) {
        *message = u"invalid --url '%1': expected stomp://[user[:passcode]@]host[:port][/vhost], "
                   "stomp+ssl://..., ws://host[:port]/path or wss://host[:port]/path"_s.arg(text);
        return false;
    }
    url.setScheme(scheme);
    *result = url;
    if (!c)
        return true;
    c->host = url.host();
    if (url.port() != -1) {
        if (url.port() == 0) {
            *message = u"invalid port in --url '%1'"_s.arg(text);
            return false;
        }
        c->port = quint16(url.port());
    } else {
        c->port = quint16(defaultPort(scheme));
    }
    if (!url.userName().isEmpty())
        c->login = url.userName(QUrl::FullyDecoded);
    if (!url.password().isEmpty()) {
        c->passcode = url.password(QUrl::FullyDecoded);
        c->hasPasscode = true;
    }
    // The path minus its leading '/' is the virtual host; stomp://host// names RabbitMQ's "/".
    // For ws:// and wss:// the path is the HTTP path of the endpoint instead.
    const QString path = url.path(QUrl::FullyDecoded);
    if (path.size() > 1 && (scheme == "stomp"_L1 || scheme == "stomp+ssl"_L1)) {
        c->virtualHost = path.mid(1);
        c->hasVirtualHost = true;
    }
    return true;
}

#if QT_CONFIG(ssl)
bool readPemFile(const QString &option, const QString &path, QByteArray *data, QString *message)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *message = u"cannot open %1 '%2': %3"_s.arg(option, path, file.errorString());
        return false;
    }
    *data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *message = u"cannot read %1 '%2': %3"_s.arg(option, path, file.errorString());
        return false;
    }
    return true;
}

bool readCertificates(const QString &option, const QString &path, QList<QSslCertificate> *certificates,
                      QString *message)
{
    QByteArray data;
    if (!readPemFile(option, path, &data, message))
        return false;
    *certificates = QSslCertificate::fromData(data, QSsl::Pem);
    certificates->removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates->isEmpty()) {
        *message = u"%1 '%2' holds no PEM certificate (-----BEGIN CERTIFICATE-----)"_s.arg(option, path);
        return false;
    }
    return true;
}

bool readPrivateKey(const QString &option, const QString &path, QSslKey *key, QString *message)
{
    QByteArray data;
    if (!readPemFile(option, path, &data, message))
        return false;
    if (data.contains("ENCRYPTED")) {
        *message = u"%1 '%2' is an encrypted private key; stompqt needs an unencrypted one "
                   "(openssl pkey -in KEY -out PLAIN_KEY)"_s.arg(option, path);
        return false;
    }
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        const QSslKey candidate(data, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!candidate.isNull()) {
            *key = candidate;
            return true;
        }
    }
    *message = u"%1 '%2' holds no PEM private key (RSA, EC or DSA)"_s.arg(option, path);
    return false;
}
#endif

ParseOutcome usageError(QString *message, const QString &text)
{
    *message = text;
    return ParseOutcome::UsageError;
}

} // namespace

ParseOutcome parseCommandLine(const QStringList &arguments, const QString &passcodeFromEnvironment,
                              CliConfig *config, QString *message)
{
    const Options o;

    // Pass 1: find the command, --help and --version.
    QCommandLineParser first;
    first.setApplicationDescription(kGeneralDescription);
    const QCommandLineOption help1 = first.addHelpOption();
    first.addOptions(o.common());
    for (const QCommandLineOption &opt : o.sendOptions() + o.subscribeOptions()) {
        if (opt.names() != o.count.names()) // --count is in both lists
            first.addOption(opt);
    }
    first.addOption(o.count);
    first.addPositionalArgument(u"command"_s, u"send or subscribe"_s, u"COMMAND [ARGS]"_s);
    const bool firstOk = first.parse(arguments);
    const QString command = first.positionalArguments().value(0);

    if (first.isSet(o.version)) {
        *message = u"stompqt %1 (Qt %2)\n"_s.arg(QCoreApplication::applicationVersion(),
                                                 QString::fromLatin1(qVersion()));
        return ParseOutcome::ShowVersion;
    }
    if (command.isEmpty()) {
        QCommandLineParser general;
        general.setApplicationDescription(kGeneralDescription);
        general.addHelpOption();
        general.addOptions(o.common());
        general.addPositionalArgument(u"command"_s, u"send or subscribe"_s, u"COMMAND [ARGS]"_s);
        if (first.isSet(help1)) {
            *message = general.helpText();
            return ParseOutcome::ShowHelp;
        }
        return usageError(message, firstOk ? u"missing command (send or subscribe)"_s : first.errorText());
    }

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(o.common());
    if (command == "send"_L1) {
        config->command = CliConfig::Send;
        parser.setApplicationDescription(
                u"Send BODY (or the content of --file, or stdin when neither is given) to DESTINATION.\n"
                "Exits once the broker confirmed the last frame with a receipt."_s);
        parser.addOptions(o.sendOptions());
        parser.addPositionalArgument(u"send"_s, u"The command."_s, u"send"_s);
        parser.addPositionalArgument(u"destination"_s, u"Where to send, e.g. /queue/a."_s, u"DESTINATION"_s);
        parser.addPositionalArgument(u"body"_s, u"The message body (UTF-8); use -- before a body that "
                                                "starts with '-'."_s, u"[BODY]"_s);
    } else if (command == "subscribe"_L1) {
        config->command = CliConfig::Subscribe;
        parser.setApplicationDescription(u"Print the messages arriving at DESTINATION to stdout."_s);
        parser.addOptions(o.subscribeOptions());
        parser.addPositionalArgument(u"subscribe"_s, u"The command."_s, u"subscribe"_s);
        parser.addPositionalArgument(u"destination"_s, u"What to subscribe to, e.g. /queue/a."_s,
                                     u"DESTINATION"_s);
    } else {
        if (first.isSet(help1)) {
            // `stompqt --help bogus`: still help, not an error.
            QCommandLineParser general;
            general.setApplicationDescription(kGeneralDescription);
            general.addHelpOption();
            general.addOptions(o.common());
            general.addPositionalArgument(u"command"_s, u"send or subscribe"_s, u"COMMAND [ARGS]"_s);
            *message = general.helpText();
            return ParseOutcome::ShowHelp;
        }
        return usageError(message, u"unknown command '%1' (expected send or subscribe)"_s.arg(command));
    }

    // Pass 2: the chosen command's options only.
    const bool ok = parser.parse(arguments);
    if (parser.isSet(u"help"_s)) {
        *message = parser.helpText();
        return ParseOutcome::ShowHelp;
    }
    if (!ok)
        return usageError(message, parser.errorText());

    const QStringList positional = parser.positionalArguments(); // [command, destination, body?]
    ConnectionConfig &c = config->connection;

    // Connection: --url first, then the explicit options override its parts. The first URL
    // gives the credentials and the virtual host; every URL is a broker of the failover list.
    const QStringList urlTexts = parser.values(o.url);
    for (qsizetype i = 0; i < urlTexts.size(); ++i) {
        QUrl url;
        if (!applyUrl(urlTexts.at(i), i == 0 ? &c : nullptr, &url, message))
            return ParseOutcome::UsageError;
        c.urls.append(url.adjusted(QUrl::RemoveUserInfo));
    }
    if (parser.isSet(o.host)) {
        c.host = parser.value(o.host);
        if (c.host.isEmpty())
            return usageError(message, u"--host must not be empty"_s);
    }
    if (parser.isSet(o.port)) {
        const auto port = parseInteger(parser.value(o.port), 1, 65535);
        if (!port)
            return usageError(message, u"invalid --port '%1' (1-65535)"_s.arg(parser.value(o.port)));
        c.port = quint16(*port);
    }
    // -H and -P override the first URL's host and port.
    if (!c.urls.isEmpty()) {
        if (parser.isSet(o.host))
            c.urls.first().setHost(c.host);
        if (parser.isSet(o.port))
            c.urls.first().setPort(c.port);
    }
    if (parser.isSet(o.user))
        c.login = parser.value(o.user);
    if (parser.isSet(o.passcode)) {
        c.passcode = parser.value(o.passcode);
        c.hasPasscode = true;
    } else if (!c.hasPasscode && !passcodeFromEnvironment.isNull()) {
        c.passcode = passcodeFromEnvironment;
        c.hasPasscode = true;
    }
    if (parser.isSet(o.vhost)) {
        c.virtualHost = parser.value(o.vhost);
        c.hasVirtualHost = true;
    }
    if (parser.isSet(o.heartbeat)) {
        const QStringList parts = parser.value(o.heartbeat).split(u',');
        const auto out = parts.size() == 2 ? parseInteger(parts[0], 0, std::numeric_limits<int>::max()) : std::nullopt;
        const auto in = parts.size() == 2 ? parseInteger(parts[1], 0, std::numeric_limits<int>::max()) : std::nullopt;
        if (!out || !in)
            return usageError(message, u"invalid --heartbeat '%1' (expected OUT,IN in ms, e.g. 10000,10000)"_s
                                               .arg(parser.value(o.heartbeat)));
        c.heartbeatOutgoing = int(*out);
        c.heartbeatIncoming = int(*in);
        c.hasHeartbeat = true;
    }
    if (parser.isSet(o.stompVersion) && !parseVersions(parser.value(o.stompVersion), &c.versions))
        return usageError(message, u"invalid --stomp-version '%1' (1.0, 1.1, 1.2 or a comma-separated list)"_s
                                           .arg(parser.value(o.stompVersion)));
    for (const QString &h : parser.values(o.header)) {
        const qsizetype colon = h.indexOf(u':');
        if (colon <= 0)
            return usageError(message, u"invalid --header '%1' (expected NAME:VALUE)"_s.arg(h));
        c.extraHeaders.emplaceBack(h.left(colon).toUtf8(), h.mid(colon + 1).toUtf8());
    }
    if (parser.isSet(o.connectTimeout)) {
        const auto ms = parseInteger(parser.value(o.connectTimeout), 1, std::numeric_limits<int>::max());
        if (!ms)
            return usageError(message, u"invalid --connect-timeout '%1' (milliseconds > 0)"_s
                                               .arg(parser.value(o.connectTimeout)));
        c.connectTimeout = int(*ms);
    }
    if (parser.isSet(o.receiptTimeout)) {
        const auto ms = parseInteger(parser.value(o.receiptTimeout), 1, std::numeric_limits<int>::max());
        if (!ms)
            return usageError(message, u"invalid --receipt-timeout '%1' (milliseconds > 0)"_s
                                               .arg(parser.value(o.receiptTimeout)));
        c.receiptTimeout = int(*ms);
    }
    c.verbose = parser.isSet(o.verbose);

    c.reconnect = parser.isSet(o.reconnect) || parser.isSet(o.reconnectMax);
    if (parser.isSet(o.reconnectMax)) {
        const auto n = parseInteger(parser.value(o.reconnectMax), 0, std::numeric_limits<int>::max());
        if (!n)
            return usageError(message, u"invalid --reconnect-max '%1' (a whole number >= 0)"_s
                                               .arg(parser.value(o.reconnectMax)));
        c.reconnectMaxAttempts = int(*n);
    }

    c.insecure = parser.isSet(o.insecure);
    c.hasTlsOptions = c.insecure || parser.isSet(o.ca) || parser.isSet(o.cert) || parser.isSet(o.key);
    if (c.hasTlsOptions) {
        const bool anyTlsUrl = std::any_of(c.urls.cbegin(), c.urls.cend(),
                                           [](const QUrl &u) { return isTlsScheme(u.scheme()); });
        if (!anyTlsUrl)
            return usageError(message, u"--ca, --cert, --key and --insecure need a stomp+ssl:// or wss:// --url"_s);
#if QT_CONFIG(ssl)
        if (parser.isSet(o.cert) != parser.isSet(o.key))
            return usageError(message, u"--cert and --key go together (the client certificate and its "
                                         "private key)"_s);
        c.sslConfiguration = QSslConfiguration::defaultConfiguration();
        if (parser.isSet(o.ca)) {
            QList<QSslCertificate> cas;
            if (!readCertificates(u"--ca"_s, parser.value(o.ca), &cas, message))
                return ParseOutcome::UsageError;
            c.sslConfiguration.addCaCertificates(cas);
        }
        if (parser.isSet(o.cert)) {
            QList<QSslCertificate> chain;
            if (!readCertificates(u"--cert"_s, parser.value(o.cert), &chain, message))
                return ParseOutcome::UsageError;
            QSslKey key;
            if (!readPrivateKey(u"--key"_s, parser.value(o.key), &key, message))
                return ParseOutcome::UsageError;
            c.sslConfiguration.setLocalCertificateChain(chain);
            c.sslConfiguration.setPrivateKey(key);
        }
#else
        return usageError(message, u"this stompqt was built without TLS support"_s);
#endif
    }

    std::optional<qint64> count;
    if (parser.isSet(o.count)) {
        count = parseInteger(parser.value(o.count), 1, std::numeric_limits<int>::max());
        if (!count)
            return usageError(message, u"invalid --count '%1' (a whole number > 0)"_s.arg(parser.value(o.count)));
    }

    if (config->command == CliConfig::Send) {
        if (positional.size() < 2)
            return usageError(message, u"send: missing DESTINATION"_s);
        if (positional.size() > 3)
            return usageError(message, u"send: too many arguments (quote a BODY with spaces)"_s);
        SendConfig &s = config->send;
        s.destination = positional.at(1);
        if (s.destination.isEmpty())
            return usageError(message, u"send: DESTINATION must not be empty"_s);
        if (count) {
            s.count = int(*count);
            s.numberBodies = true;
        }
        s.receiptEach = parser.isSet(o.receipt);
        s.transaction = parser.isSet(o.transaction);
        s.contentType = parser.value(o.contentType);
        s.noContentLength = parser.isSet(o.noContentLength);
        s.persistent = parser.isSet(o.persistent);
        if (positional.size() == 3) {
            if (parser.isSet(o.file))
                return usageError(message, u"send: give either BODY or --file, not both"_s);
            s.body = positional.at(2).toUtf8();
        } else if (!readBody(parser.isSet(o.file) ? parser.value(o.file) : u"-"_s, &s.body, message)) {
            return ParseOutcome::UsageError;
        }
    } else {
        if (positional.size() < 2)
            return usageError(message, u"subscribe: missing DESTINATION"_s);
        if (positional.size() > 2)
            return usageError(message, u"subscribe: too many arguments"_s);
        SubscribeConfig &s = config->subscribe;
        s.destination = positional.at(1);
        if (s.destination.isEmpty())
            return usageError(message, u"subscribe: DESTINATION must not be empty"_s);
        if (count)
            s.count = int(*count);
        if (parser.isSet(o.ack)) {
            const QString mode = parser.value(o.ack);
            if (mode == "auto"_L1)
                s.ackMode = StompClient::AckAuto;
            else if (mode == "client"_L1)
                s.ackMode = StompClient::AckClient;
            else if (mode == "client-individual"_L1)
                s.ackMode = StompClient::AckClientIndividual;
            else
                return usageError(message, u"invalid --ack '%1' (auto, client or client-individual)"_s.arg(mode));
        }
        if (parser.isSet(o.timeout)) {
            bool ok = false;
            const double seconds = parser.value(o.timeout).toDouble(&ok);
            if (!ok || !(seconds > 0) || seconds > std::numeric_limits<int>::max() / 1000.0)
                return usageError(message, u"invalid --timeout '%1' (seconds > 0)"_s.arg(parser.value(o.timeout)));
            s.idleTimeoutMs = qMax(1, qRound(seconds * 1000));
        }
        s.id = parser.value(o.id);
        if (parser.isSet(o.format)) {
            const auto format = parseOutputFormat(parser.value(o.format));
            if (!format)
                return usageError(message, u"invalid --format '%1' (text, json or raw)"_s.arg(parser.value(o.format)));
            s.format = *format;
        }
    }
    return ParseOutcome::Run;
}

} // namespace StompCli
