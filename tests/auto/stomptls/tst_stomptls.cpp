// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// STOMP over TLS (stomp+ssl:// and connectToHostEncrypted()).
//
// Against RabbitMQ's STOMP TLS listener (tests/brokers/rabbitmq.sh: a test CA, a server
// certificate for the DNS name "localhost" only, a client certificate required): the good
// certificate passes both ways of asking for TLS and carries messages; a host name mismatch
// (connecting by 127.0.0.1), an unknown CA and a missing client certificate fail, each with
// TlsError and a text naming the reason; the loudly named insecure switch accepts what
// verification refuses.
//
// RabbitMQ cannot present an expired certificate, so validity periods are checked against
// an in-process QSslServer whose certificates this test makes with `openssl ca` (which sets
// any start and end date) in a temporary folder.

#include "brokerenv.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qdebug.h>
#include <QtCore/qfile.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/quuid.h>
#include <QtNetwork/qsslcertificate.h>
#include <QtNetwork/qsslconfiguration.h>
#include <QtNetwork/qsslkey.h>
#include <QtNetwork/qsslserver.h>
#include <QtNetwork/qsslsocket.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <array>
#include <optional>

using namespace StompTest;

namespace {

constexpr int TimeoutMs = 15000;

// How the test asks for TLS.
enum class Api { Url, Encrypted };
// Which CA certificates the client trusts.
enum class Trust { BrokerCa, OtherCa, SystemOnly };

struct TlsFiles
{
    QString ca, clientCert, clientKey;
};

std::optional<TlsFiles> brokerTlsFiles()
{
    TlsFiles f{qEnvironmentVariable("STOMPQT_TLS_CA"), qEnvironmentVariable("STOMPQT_TLS_CLIENT_CERT"),
               qEnvironmentVariable("STOMPQT_TLS_CLIENT_KEY")};
    if (f.ca.isEmpty() || f.clientCert.isEmpty() || f.clientKey.isEmpty()
        || qEnvironmentVariableIntValue("STOMPQT_RABBITMQ_TLS_PORT") == 0)
        return std::nullopt;
    return f;
}

QSslKey readKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QSslKey(&file, QSsl::Rsa);
}

/// The client's TLS settings: \a caPath's certificates only (none: the system's), and the
/// client certificate when given.
QSslConfiguration clientConfiguration(const QString &caPath, const QString &certPath = {},
                                      const QString &keyPath = {})
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    if (!caPath.isEmpty())
        c.setCaCertificates(QSslCertificate::fromPath(caPath));
    if (!certPath.isEmpty()) {
        c.setLocalCertificate(QSslCertificate::fromPath(certPath).value(0));
        c.setPrivateKey(readKey(keyPath));
    }
    return c;
}

/// Runs openssl in \a dir; returns its output on failure (empty on success).
QString openssl(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(1000);
        return QStringLiteral("openssl %1: did not finish (%2)").arg(args.join(u' '), p.errorString());
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("openssl %1: %2").arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
    return {};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// A TLS server on 127.0.0.1 that answers CONNECT with CONNECTED and ignores everything else:
// just enough STOMP to show that a handshake succeeded.
class TlsStompServer : public QSslServer
{
public:
    explicit TlsStompServer(const QSslConfiguration &configuration)
    {
        setSslConfiguration(configuration);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++accepted;
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray data = socket->readAll();
                    if (data.startsWith("CONNECT") || data.startsWith("STOMP"))
                        socket->write(QByteArrayLiteral("CONNECTED\nversion:1.2\nheart-beat:0,0\n\n") + '\0');
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        connect(this, &QSslServer::errorOccurred, this, [this](QSslSocket *, QAbstractSocket::SocketError) {
            ++failedHandshakes;
        });
    }
    int accepted = 0;
    int failedHandshakes = 0;
};

} // namespace

// Declares `const TlsFiles files` and `const quint16 tlsPort` for the broker's TLS listener, or
// fails (CI) / skips like STOMPQT_REQUIRE_BROKER when the broker scripts did not export them.
#define REQUIRE_BROKER_TLS(files, tlsPort)                                                        \
    const std::optional<TlsFiles> files##_optional_ = brokerTlsFiles();                           \
    if (!files##_optional_) {                                                                     \
        STOMPQT_SKIP_UNLESS_CI("STOMPQT_RABBITMQ_TLS_PORT / STOMPQT_TLS_* unset (restart the brokers)"); \
    }                                                                                             \
    const TlsFiles files = *files##_optional_;                                                    \
    const quint16 tlsPort = quint16(qEnvironmentVariableIntValue("STOMPQT_RABBITMQ_TLS_PORT"))

Q_DECLARE_METATYPE(Api)
Q_DECLARE_METATYPE(Trust)

class tst_StompTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // ---- happy ----------------------------------------------------------------------------
    void verifiedConnection_data();
    void verifiedConnection();
    void insecureSkipVerification_data();
    void insecureSkipVerification();
    void validityPeriod_data();
    void validityPeriod();

    // ---- rainy day ------------------------------------------------------------------------
    void verificationRefuses_data();
    void verificationRefuses();
    void noClientCertificate_data();
    void noClientCertificate();

private:
    void configureBroker(StompClient &client, const StompBrokerEnv &env, Mode mode);
    /// Starts the TLS connection the way \a api says.
    static void startTls(StompClient &client, Api api, const QString &host, quint16 port,
                         const QSslConfiguration &configuration);
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QTemporaryDir m_dir;
    QString m_setupError;
};

void tst_StompTls::initTestCase()
{
    qRegisterMetaType<StompFrame>();
    QVERIFY(QSslSocket::supportsSsl());
    QVERIFY(m_dir.isValid());
    const QString d = m_dir.path();

    // A CA that signed nothing the broker has ("unknown CA"), and a local CA whose server
    // certificates have chosen validity periods, issued with `openssl ca` (-startdate/-enddate).
    QVERIFY(writeFile(path("ca.cnf"), QByteArrayLiteral(
            "[ ca ]\ndefault_ca = local\n"
            "[ local ]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n"
            "default_md = sha256\npolicy = anything\nunique_subject = no\n"
            "[ anything ]\ncommonName = supplied\n")));
    QVERIFY(writeFile(path("index.txt"), {}));
    QVERIFY(writeFile(path("serial"), "1000\n"));
    QVERIFY(writeFile(path("server.ext"), QByteArrayLiteral(
            "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
            "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost\n")));
    const QStringList caArgs{QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                             QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")};
    for (const char *ca : {"other-ca", "local-ca"}) {
        const QString error = openssl(d, QStringList{QStringLiteral("req"), QStringLiteral("-x509"),
                QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                QStringLiteral("-sha256"), QStringLiteral("-days"), QStringLiteral("30"),
                QStringLiteral("-subj"), QStringLiteral("/CN=%1").arg(QLatin1String(ca)),
                QStringLiteral("-keyout"), QLatin1String(ca) + QStringLiteral(".key"),
                QStringLiteral("-out"), QLatin1String(ca) + QStringLiteral(".pem")} + caArgs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QString error = openssl(d, {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                QStringLiteral("-keyout"), QStringLiteral("server.key"),
                                QStringLiteral("-out"), QStringLiteral("server.csr")});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const struct
    {
        const char *name;
        QStringList period;
    } certificates[]{
            {"valid", {QStringLiteral("-days"), QStringLiteral("30")}},
            {"expired", {QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                         QStringLiteral("-enddate"), QStringLiteral("20200201000000Z")}},
            {"not-yet-valid", {QStringLiteral("-startdate"), QStringLiteral("20990101000000Z"),
                               QStringLiteral("-enddate"), QStringLiteral("20991231000000Z")}},
    };
    for (const auto &c : certificates) {
        error = openssl(d, QStringList{QStringLiteral("ca"), QStringLiteral("-batch"),
                QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-notext"),
                QStringLiteral("-cert"), QStringLiteral("local-ca.pem"),
                QStringLiteral("-keyfile"), QStringLiteral("local-ca.key"),
                QStringLiteral("-in"), QStringLiteral("server.csr"),
                QStringLiteral("-extfile"), QStringLiteral("server.ext"),
                QStringLiteral("-out"), QLatin1String(c.name) + QStringLiteral(".pem")} + c.period);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    const QSslCertificate expired = QSslCertificate::fromPath(path("expired.pem")).value(0);
    QVERIFY(!expired.isNull());
    QVERIFY(expired.expiryDate() < QDateTime::currentDateTimeUtc());
}

void tst_StompTls::configureBroker(StompClient &client, const StompBrokerEnv &env, Mode mode)
{
    client.setListenerMode(mode);
    client.setLogin(env.login);
    client.setPasscode(env.passcode);
    client.setVirtualHost(env.vhost);
    client.setSocketTimeout(TimeoutMs);
    client.setReceiptTimeout(TimeoutMs);
}

void tst_StompTls::startTls(StompClient &client, Api api, const QString &host, quint16 port,
                            const QSslConfiguration &configuration)
{
    if (api == Api::Url) {
        client.setUrl(QUrl(QStringLiteral("stomp+ssl://%1:%2").arg(host).arg(port)));
        client.setSslConfiguration(configuration);
        client.connectToHost();
    } else {
        client.setHost(host);
        client.setPort(port);
        client.connectToHostEncrypted(configuration);
    }
}

// ---- happy ------------------------------------------------------------------------------------

void tst_StompTls::verifiedConnection_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Api>("api");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("stomp+ssl:// URL/%s", name) << mode << Api::Url;
        QTest::addRow("connectToHostEncrypted()/%s", name) << mode << Api::Encrypted;
    }
}

void tst_StompTls::verifiedConnection()
{
    QFETCH(Mode, mode);
    QFETCH(Api, api);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    REQUIRE_BROKER_TLS(files, tlsPort);

    StompClient client;
    QVERIFY(!client.insecureSkipTlsVerification()); // verification is on by default
    configureBroker(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    startTls(client, api, QStringLiteral("localhost"), tlsPort,
             clientConfiguration(files.ca, files.clientCert, files.clientKey));
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected
                                      || client.state() == StompClient::Disconnected,
                              qPrintable(describe(errors)), TimeoutMs);
    QVERIFY2(client.state() == StompClient::Connected, qPrintable(describe(errors)));
    QCOMPARE(client.currentBroker(), QStringLiteral("stomp+ssl://localhost:%1").arg(tlsPort));
    QCOMPARE(client.versionString(), QStringLiteral("1.2"));

    // Messages go through, byte for byte.
    const QString queue = QStringLiteral("/queue/") + unique("tls");
    const QString subReceipt = unique("sub");
    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    StompSubscription *sub = client.subscribe(queue, StompClient::AckAuto, {{"receipt", subReceipt.toUtf8()}});
    QVERIFY(sub);
    QTRY_VERIFY_WITH_TIMEOUT(receipts.contains(QVariantList{subReceipt}), TimeoutMs);
    QSignalSpy received(sub, &StompSubscription::messageReceived);
    QByteArray body;
    for (int i = 0; i < 512; ++i)
        body.append(char(i % 256));
    client.send(queue, body);
    client.send(queue, "second");
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, TimeoutMs);
    QCOMPARE(received.at(0).at(0).value<StompFrame>().body(), body);
    QCOMPARE(received.at(1).at(0).value<StompFrame>().body(), QByteArray("second"));

    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, TimeoutMs);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompTls::insecureSkipVerification_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("host");
    QTest::addColumn<Trust>("trust");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("unknown CA/%s", name) << mode << Api::Url << QStringLiteral("localhost") << Trust::OtherCa;
        QTest::addRow("system CAs only/%s", name)
                << mode << Api::Encrypted << QStringLiteral("localhost") << Trust::SystemOnly;
        QTest::addRow("host name mismatch/%s", name)
                << mode << Api::Encrypted << QStringLiteral("127.0.0.1") << Trust::BrokerCa;
    }
}

void tst_StompTls::insecureSkipVerification()
{
    QFETCH(Mode, mode);
    QFETCH(Api, api);
    QFETCH(QString, host);
    QFETCH(Trust, trust);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    REQUIRE_BROKER_TLS(files, tlsPort);
    const QString ca = trust == Trust::BrokerCa ? files.ca
            : trust == Trust::OtherCa           ? path("other-ca.pem")
                                                : QString();

    StompClient client;
    configureBroker(client, env, mode);
    QSignalSpy tlsChanged(&client, &StompClient::tlsChanged);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("verification is OFF")));
    client.setInsecureSkipTlsVerification(true);
    QVERIFY(client.insecureSkipTlsVerification());
    QCOMPARE(tlsChanged.count(), 1);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    // The broker still wants a client certificate.
    startTls(client, api, host, tlsPort, clientConfiguration(ca, files.clientCert, files.clientKey));
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected
                                      || client.state() == StompClient::Disconnected,
                              qPrintable(describe(errors)), TimeoutMs);
    QVERIFY2(client.state() == StompClient::Connected, qPrintable(describe(errors)));
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, TimeoutMs);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompTls::validityPeriod_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("reason"); // empty: connects
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("valid/%s", name) << mode << Api::Encrypted << QStringLiteral("valid") << false << QString();
        QTest::addRow("valid, URL/%s", name) << mode << Api::Url << QStringLiteral("valid") << false << QString();
        QTest::addRow("expired/%s", name)
                << mode << Api::Encrypted << QStringLiteral("expired") << false
                << QStringLiteral("The certificate has expired");
        QTest::addRow("expired, URL/%s", name)
                << mode << Api::Url << QStringLiteral("expired") << false
                << QStringLiteral("The certificate has expired");
        QTest::addRow("not yet valid/%s", name)
                << mode << Api::Encrypted << QStringLiteral("not-yet-valid") << false
                << QStringLiteral("The certificate is not yet valid");
        QTest::addRow("expired, insecure/%s", name)
                << mode << Api::Encrypted << QStringLiteral("expired") << true << QString();
    }
}

void tst_StompTls::validityPeriod()
{
    QFETCH(Mode, mode);
    QFETCH(Api, api);
    QFETCH(QString, certificate);
    QFETCH(bool, insecure);
    QFETCH(QString, reason);

    QSslConfiguration serverConfiguration = QSslConfiguration::defaultConfiguration();
    serverConfiguration.setLocalCertificate(
            QSslCertificate::fromPath(m_dir.filePath(certificate + QStringLiteral(".pem"))).value(0));
    serverConfiguration.setPrivateKey(readKey(path("server.key")));
    serverConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
    TlsStompServer server(serverConfiguration);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    StompClient client;
    client.setListenerMode(mode);
    client.setSocketTimeout(TimeoutMs);
    if (insecure) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("verification is OFF")));
        client.setInsecureSkipTlsVerification(true);
    }
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    startTls(client, api, QStringLiteral("localhost"), server.serverPort(),
             clientConfiguration(path("local-ca.pem")));
    // disconnected() comes after errorOccurred(), also across threads.
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected || disconnected.count() == 1,
                              qPrintable(describe(errors)), TimeoutMs);
    if (reason.isEmpty()) {
        QVERIFY2(client.state() == StompClient::Connected, qPrintable(describe(errors)));
        QCOMPARE(server.accepted, 1);
        client.abort();
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, TimeoutMs);
        QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
        return;
    }
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<StompClient::Error>(), StompClient::TlsError);
    const QString text = errors.at(0).at(1).toString();
    QVERIFY2(text.startsWith(QLatin1String("TLS handshake failed: ")), qPrintable(text));
    QVERIFY2(text.contains(reason), qPrintable(text));
    QCOMPARE(client.error(), StompClient::TlsError);
    QCOMPARE(client.errorString(), text);
    QCOMPARE(server.accepted, 0);
}

// ---- rainy day ---------------------------------------------------------------------------------

void tst_StompTls::verificationRefuses_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Api>("api");
    QTest::addColumn<QString>("host");
    QTest::addColumn<Trust>("trust");
    QTest::addColumn<QString>("reason");
    const QString mismatch = QStringLiteral("The host name did not match any of the valid hosts for this certificate");
    // RabbitMQ sends its CA along: the chain ends in a self-signed root nobody trusts.
    const QString unknownIssuer = QStringLiteral("The root certificate of the certificate chain is self-signed, and untrusted");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("by IP address, URL/%s", name)
                << mode << Api::Url << QStringLiteral("127.0.0.1") << Trust::BrokerCa << mismatch;
        QTest::addRow("by IP address, connectToHostEncrypted/%s", name)
                << mode << Api::Encrypted << QStringLiteral("127.0.0.1") << Trust::BrokerCa << mismatch;
        QTest::addRow("unknown CA, URL/%s", name)
                << mode << Api::Url << QStringLiteral("localhost") << Trust::OtherCa << unknownIssuer;
        QTest::addRow("unknown CA, connectToHostEncrypted/%s", name)
                << mode << Api::Encrypted << QStringLiteral("localhost") << Trust::OtherCa << unknownIssuer;
        QTest::addRow("system CAs only/%s", name)
                << mode << Api::Url << QStringLiteral("localhost") << Trust::SystemOnly << unknownIssuer;
    }
}

void tst_StompTls::verificationRefuses()
{
    QFETCH(Mode, mode);
    QFETCH(Api, api);
    QFETCH(QString, host);
    QFETCH(Trust, trust);
    QFETCH(QString, reason);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    REQUIRE_BROKER_TLS(files, tlsPort);
    const QString ca = trust == Trust::BrokerCa ? files.ca
            : trust == Trust::OtherCa           ? path("other-ca.pem")
                                                : QString();

    StompClient client;
    configureBroker(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    startTls(client, api, host, tlsPort, clientConfiguration(ca, files.clientCert, files.clientKey));
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, TimeoutMs);
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<StompClient::Error>(), StompClient::TlsError);
    const QString text = errors.at(0).at(1).toString();
    QVERIFY2(text.startsWith(QLatin1String("TLS handshake failed: ")), qPrintable(text));
    QVERIFY2(text.contains(reason), qPrintable(text));
    QCOMPARE(client.error(), StompClient::TlsError);
}

void tst_StompTls::noClientCertificate_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QSsl::SslProtocol>("protocol");
    QTest::addColumn<StompClient::Error>("error");
    QTest::addColumn<QString>("reason");
    for (const auto &[name, mode] : kModes) {
        // TLS 1.2: the server's certificate request is part of the handshake, which fails.
        QTest::addRow("TLS 1.2/%s", name)
                << mode << QSsl::TlsV1_2 << StompClient::TlsError << QStringLiteral("handshake failure");
        // TLS 1.3: the client's side of the handshake completes before the server has looked
        // at the (missing) certificate; the server's alert then arrives as a read error in
        // answer to CONNECT.
        QTest::addRow("TLS 1.3/%s", name)
                << mode << QSsl::TlsV1_3 << StompClient::TlsError << QStringLiteral("certificate required");
    }
}

void tst_StompTls::noClientCertificate()
{
    QFETCH(Mode, mode);
    QFETCH(QSsl::SslProtocol, protocol);
    QFETCH(StompClient::Error, error);
    QFETCH(QString, reason);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    REQUIRE_BROKER_TLS(files, tlsPort);

    StompClient client;
    configureBroker(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QSslConfiguration configuration = clientConfiguration(files.ca);
    configuration.setProtocol(protocol);
    startTls(client, Api::Encrypted, QStringLiteral("localhost"), tlsPort, configuration);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, TimeoutMs);
    QCOMPARE(client.state(), StompClient::Disconnected);
    QVERIFY2(errors.count() == 1, qPrintable(describe(errors)));
    QCOMPARE(errors.at(0).at(0).value<StompClient::Error>(), error);
    QVERIFY2(errors.at(0).at(1).toString().contains(reason, Qt::CaseInsensitive), qPrintable(describe(errors)));
}

QTEST_GUILESS_MAIN(tst_StompTls)
#include "tst_stomptls.moc"
