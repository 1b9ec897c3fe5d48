// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// STOMP over WebSocket (ws:// and wss://).
//
// Against RabbitMQ's Web-STOMP (ws://host:$STOMPQT_RABBITMQ_WS_PORT/ws): each accepted version
// set negotiates its version, and bodies with NUL bytes come back byte for byte.
//
// Against an in-process QWebSocketServer, what a broker cannot be made to do: the server
// cuts the byte stream CONNECTED + MESSAGEs + heart-beats into WebSocket messages however a
// row says (one frame per message, all in one, split at every n bytes, text or binary or
// both, fragmented into small WebSocket frames) and the client must parse the same frames
// every time. It also records the subprotocols the client offered and the messages the
// client sent (one frame per binary message). A wss:// server with a self-signed
// certificate shows TLS verification on this transport too.

#include "brokerenv.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompframeencoder.h>
#include <StompQt/stompframeparser.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qdebug.h>
#include <QtCore/qfile.h>
#include <QtCore/qprocess.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/quuid.h>
#include <QtNetwork/qsslcertificate.h>
#include <QtNetwork/qsslconfiguration.h>
#include <QtNetwork/qsslkey.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>
#include <QtWebSockets/qwebsocket.h>
#include <QtWebSockets/qwebsockethandshakeoptions.h>
#include <QtWebSockets/qwebsocketserver.h>

#include <array>

using namespace StompTest;
using Versions = StompClient::Versions;

namespace {

QByteArray allByteValues()
{
    QByteArray b;
    for (int i = 0; i < 256; ++i)
        b.append(char(i));
    return b;
}

// How the in-process server cuts its byte stream into WebSocket messages.
enum class Cut {
    PerFrame, // one STOMP frame (or heart-beat) per message
    AllInOne, // the whole stream in one message
    Every,    // every n bytes (text: moved forward to a UTF-8 character boundary)
};
enum class Kind { Text, Binary, Alternating };

// A WebSocket STOMP server on 127.0.0.1 that answers CONNECT by writing a scripted byte
// stream, cut into messages as told. It records what the client offered and sent.
class WsStompServer : public QObject
{
public:
    explicit WsStompServer(QWebSocketServer::SslMode mode = QWebSocketServer::NonSecureMode)
        : m_server(QStringLiteral("StompQt test"), mode)
    {
        m_server.setSupportedSubprotocols({QStringLiteral("v12.stomp"), QStringLiteral("v11.stomp"),
                                           QStringLiteral("v10.stomp")});
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                m_socket = socket;
                offered = socket->handshakeOptions().subprotocols();
                offeredHeader = socket->request().rawHeader("Sec-WebSocket-Protocol");
                chosen = socket->subprotocol();
                if (fragmentSize > 0)
                    socket->setOutgoingFrameSize(quint64(fragmentSize));
                connect(socket, &QWebSocket::binaryMessageReceived, this,
                        [this](const QByteArray &m) { onMessage(m, false); });
                connect(socket, &QWebSocket::textMessageReceived, this,
                        [this](const QString &m) { onMessage(m.toUtf8(), true); });
            }
        });
    }

    QWebSocketServer &server() { return m_server; }
    QUrl url(const char *scheme = "ws") const
    {
        return QUrl(QStringLiteral("%1://localhost:%2/ws").arg(QLatin1String(scheme)).arg(m_server.serverPort()));
    }

    /// Sends \a pieces, each as one message of the given kind.
    void sendPieces(const QByteArrayList &pieces, Kind kind)
    {
        for (int i = 0; i < pieces.size(); ++i) {
            const bool text = kind == Kind::Text || (kind == Kind::Alternating && i % 2 == 0);
            if (text)
                m_socket->sendTextMessage(QString::fromUtf8(pieces.at(i)));
            else
                m_socket->sendBinaryMessage(pieces.at(i));
        }
        m_socket->flush();
    }

    // Script and record.
    QByteArrayList reply;     // frames written in answer to CONNECT (cut as below)
    Cut cut = Cut::PerFrame;
    int every = 1;
    Kind kind = Kind::Binary;
    int fragmentSize = 0;     // >0: WebSocket frames of this size (continuation frames)
    QStringList offered;
    QByteArray offeredHeader;
    QString chosen;
    QList<QByteArray> messages; // every message the client sent, as received
    QList<bool> textMessages;
    QList<StompFrame> frames;   // what those messages parse to

private:
    void onMessage(const QByteArray &message, bool text)
    {
        messages.append(message);
        textMessages.append(text);
        StompFrameParser parser;
        parser.feed(message);
        StompFrame frame;
        while (parser.next(&frame) == StompFrameParser::FrameReady)
            frames.append(frame);
        if (message.startsWith("CONNECT") || message.startsWith("STOMP"))
            sendPieces(cutReply(), kind);
    }

    QByteArrayList cutReply() const
    {
        const QByteArray stream = reply.join();
        switch (cut) {
        case Cut::PerFrame: return reply;
        case Cut::AllInOne: return {stream};
        case Cut::Every: break;
        }
        QByteArrayList pieces;
        qsizetype start = 0;
        while (start < stream.size()) {
            qsizetype end = qMin(stream.size(), start + every);
            // A text message must be valid UTF-8 on its own: never cut inside a character.
            if (kind != Kind::Binary) {
                while (end < stream.size() && (uchar(stream.at(end)) & 0xC0) == 0x80)
                    ++end;
            }
            pieces.append(stream.mid(start, end - start));
            start = end;
        }
        return pieces;
    }

    QWebSocketServer m_server;
    QWebSocket *m_socket = nullptr;
};

QByteArray encoded(const StompFrame &frame)
{
    return StompFrameEncoder::encode(frame, StompFrame::Version::V1_2);
}

QByteArray connectedFrame(const QByteArray &version = "1.2")
{
    return encoded(StompFrame(StompFrame::Connected,
                              {{"version", version}, {"session", "ws-1"}, {"heart-beat", "0,0"}}));
}

QByteArray messageFrame(const QByteArray &id, const QByteArray &body)
{
    return encoded(StompFrame(StompFrame::Message,
                              {{"destination", "/queue/ws"}, {"message-id", id}, {"subscription", "s-1"}},
                              body));
}

} // namespace

Q_DECLARE_METATYPE(Cut)
Q_DECLARE_METATYPE(Kind)

class tst_StompWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // ---- happy ----------------------------------------------------------------------------
    void brokerRoundTrip_data();
    void brokerRoundTrip();
    void subprotocolsOffered_data();
    void subprotocolsOffered();
    void messageBoundaries_data();
    void messageBoundaries();
    void oneFramePerMessage_data();
    void oneFramePerMessage();
    void secureWebSocket_data();
    void secureWebSocket();

    // ---- rainy day ------------------------------------------------------------------------
    void secureWebSocketUntrusted_data();
    void secureWebSocketUntrusted();
    void brokerTextFramesRefuseNonUtf8_data();
    void brokerTextFramesRefuseNonUtf8();
    void refusedAndClosed_data();
    void refusedAndClosed();

private:
    static void addModeRows();
    QSslConfiguration serverTls() const;

    QTemporaryDir m_dir;
};

void tst_StompWebSocket::initTestCase()
{
    qRegisterMetaType<StompFrame>();
    QVERIFY(m_dir.isValid());
    // A self-signed certificate for the DNS name localhost, for the wss:// server.
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-sha256"), QStringLiteral("-days"), QStringLiteral("2"),
             QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost"),
             QStringLiteral("-keyout"), QStringLiteral("ws.key"), QStringLiteral("-out"), QStringLiteral("ws.pem")});
    QVERIFY2(p.waitForFinished(30000), "openssl did not finish");
    QVERIFY2(p.exitCode() == 0, p.readAll().constData());
}

void tst_StompWebSocket::addModeRows()
{
    QTest::addColumn<Mode>("mode");
    for (const auto &[name, mode] : kModes)
        QTest::newRow(name) << mode;
}

QSslConfiguration tst_StompWebSocket::serverTls() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificate(QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ws.pem"))).value(0));
    QFile key(m_dir.filePath(QStringLiteral("ws.key")));
    if (key.open(QIODevice::ReadOnly))
        c.setPrivateKey(QSslKey(&key, QSsl::Rsa));
    c.setPeerVerifyMode(QSslSocket::VerifyNone);
    return c;
}

// ---- happy ------------------------------------------------------------------------------------

void tst_StompWebSocket::brokerRoundTrip_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Versions>("versions");
    QTest::addColumn<QString>("version");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("1.2 only/%s", name) << mode << Versions(StompClient::Version1_2) << QStringLiteral("1.2");
        QTest::addRow("1.1 only/%s", name) << mode << Versions(StompClient::Version1_1) << QStringLiteral("1.1");
        QTest::addRow("all/%s", name)
                << mode
                << (StompClient::Version1_0 | StompClient::Version1_1 | StompClient::Version1_2)
                << QStringLiteral("1.2");
    }
}

void tst_StompWebSocket::brokerRoundTrip()
{
    QFETCH(Mode, mode);
    QFETCH(Versions, versions);
    QFETCH(QString, version);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    if (env.wsPort == 0)
        STOMPQT_SKIP_UNLESS_CI("no STOMPQT_RABBITMQ_WS_PORT");

    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(env.webSocketUrl());
    QCOMPARE(client.brokers(), QList<QUrl>{env.webSocketUrl()});
    client.setLogin(env.login);
    client.setPasscode(env.passcode);
    client.setVirtualHost(env.vhost);
    client.setAcceptedVersions(versions);
    client.setSocketTimeout(BrokerWaitMs);
    client.setReceiptTimeout(BrokerWaitMs);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    client.connectToHost();
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected
                                      || client.state() == StompClient::Disconnected,
                              qPrintable(describe(errors)), BrokerWaitMs);
    QVERIFY2(client.state() == StompClient::Connected, qPrintable(describe(errors)));
    QCOMPARE(client.versionString(), version);
    QCOMPARE(client.currentBroker(), env.webSocketUrl().toDisplayString());
    QVERIFY(client.server().startsWith(QLatin1String("RabbitMQ")));

    const QString queue = QStringLiteral("/queue/") + unique("ws");
    const QString subReceipt = unique("sub");
    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    StompSubscription *sub = client.subscribe(queue, StompClient::AckAuto, {{"receipt", subReceipt.toUtf8()}});
    QVERIFY(sub);
    QTRY_VERIFY_WITH_TIMEOUT(receipts.contains(QVariantList{subReceipt}), BrokerWaitMs);
    QSignalSpy received(sub, &StompSubscription::messageReceived);

    // RabbitMQ's Web-STOMP sends every frame as a *text* message (web_stomp.ws_frame = text by
    // default), which must be valid UTF-8: NUL bytes are, arbitrary bytes are not. Bodies
    // here are binary in the STOMP sense (content-length, NULs inside) and valid UTF-8.
    const QByteArrayList bodies{
            QByteArray("nul\0in the middle", 17),
            QByteArray("\0\0\0", 3),
            QByteArray("\0", 1),
            QByteArray("trailing nul\0", 13),
            QByteArray("utf-8 \xc3\xa9\0\xe2\x82\xac\0\xf0\x9f\x98\x80", 18),
            QByteArray(64 * 1024, '\0'),
            QByteArray(),
    };
    for (const QByteArray &body : bodies)
        client.send(queue, body);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), bodies.size(), BrokerWaitMs);
    QCOMPARE(bodiesOf(received), bodies);

    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, BrokerWaitMs);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompWebSocket::subprotocolsOffered_data()
{
    QTest::addColumn<Versions>("versions");
    QTest::addColumn<QStringList>("offered");
    QTest::addColumn<QByteArray>("acceptVersion");
    QTest::newRow("all") << (StompClient::Version1_0 | StompClient::Version1_1 | StompClient::Version1_2)
                         << QStringList{QStringLiteral("v12.stomp"), QStringLiteral("v11.stomp"), QStringLiteral("v10.stomp")}
                         << QByteArray("1.0,1.1,1.2");
    QTest::newRow("1.2 only") << Versions(StompClient::Version1_2)
                              << QStringList{QStringLiteral("v12.stomp")} << QByteArray("1.2");
    QTest::newRow("1.1 only") << Versions(StompClient::Version1_1)
                              << QStringList{QStringLiteral("v11.stomp")} << QByteArray("1.1");
    QTest::newRow("1.0 and 1.1") << (StompClient::Version1_0 | StompClient::Version1_1)
                                 << QStringList{QStringLiteral("v11.stomp"), QStringLiteral("v10.stomp")}
                                 << QByteArray("1.0,1.1");
}

void tst_StompWebSocket::subprotocolsOffered()
{
    QFETCH(Versions, versions);
    QFETCH(QStringList, offered);
    QFETCH(QByteArray, acceptVersion);

    WsStompServer server;
    QVERIFY(server.server().listen(QHostAddress::LocalHost, 0));
    const QByteArray version = versions & StompClient::Version1_2 ? "1.2" : "1.1";
    server.reply = {connectedFrame(version)};

    StompClient client;
    client.setUrl(server.url());
    client.setAcceptedVersions(versions);
    client.setSocketTimeout(WaitMs);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    client.connectToHost();
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected, qPrintable(describe(errors)), WaitMs);
    QCOMPARE(server.offered, offered);
    QCOMPARE(server.offeredHeader.replace(' ', ""), offered.join(u',').toLatin1());
    QCOMPARE(server.chosen, offered.first());
    QCOMPARE(server.frames.size(), 1);
    QCOMPARE(server.frames.at(0).command(), StompFrame::Connect);
    QCOMPARE(server.frames.at(0).header("accept-version"), acceptVersion);
    // For ws:// the Host header names the host (no virtual host set).
    QCOMPARE(server.frames.at(0).header("host"), QByteArray("localhost"));
    QCOMPARE(client.versionString(), QString::fromLatin1(version));
    client.abort();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, WaitMs);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompWebSocket::messageBoundaries_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Cut>("cut");
    QTest::addColumn<int>("every");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("fragmentSize");

    const struct
    {
        const char *name;
        Cut cut;
        int every;
        int fragmentSize;
    } cuts[]{
            {"one frame per message", Cut::PerFrame, 0, 0},
            {"all frames in one message", Cut::AllInOne, 0, 0},
            {"split every byte", Cut::Every, 1, 0},
            {"split every 7 bytes", Cut::Every, 7, 0},
            {"split every 100 bytes", Cut::Every, 100, 0},
            {"split every 1000 bytes", Cut::Every, 1000, 0},
            {"all in one, 16-byte WebSocket frames", Cut::AllInOne, 0, 16},
    };
    const struct
    {
        const char *name;
        Kind kind;
    } kinds[]{{"binary", Kind::Binary}, {"text", Kind::Text}, {"alternating", Kind::Alternating}};
    for (const auto &[modeName, mode] : kModes) {
        for (const auto &c : cuts) {
            for (const auto &k : kinds) {
                QTest::addRow("%s/%s/%s", c.name, k.name, modeName)
                        << mode << c.cut << c.every << k.kind << c.fragmentSize;
            }
        }
    }
}

void tst_StompWebSocket::messageBoundaries()
{
    QFETCH(Mode, mode);
    QFETCH(Cut, cut);
    QFETCH(int, every);
    QFETCH(Kind, kind);
    QFETCH(int, fragmentSize);

    // Text messages must be valid UTF-8; binary ones carry anything.
    const bool anyBytes = kind == Kind::Binary;
    const QByteArrayList bodies{
            anyBytes ? allByteValues() : QByteArray("h\xc3\xa9llo\0w\xc3\xb6rld \xf0\x9f\x98\x80", 18),
            QByteArray("\0\0", 2),
            QByteArray(),
            QByteArray(700, 'z') + QByteArray("\0end", 4),
    };
    WsStompServer server;
    QVERIFY(server.server().listen(QHostAddress::LocalHost, 0));
    server.cut = cut;
    server.every = every;
    server.kind = kind;
    server.fragmentSize = fragmentSize;
    server.reply.append(connectedFrame());
    for (int i = 0; i < bodies.size(); ++i) {
        server.reply.append(messageFrame("m-" + QByteArray::number(i), bodies.at(i)));
        server.reply.append(QByteArray(i % 2 ? "\r\n" : "\n")); // heart-beats between frames
    }

    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(server.url());
    client.setSocketTimeout(WaitMs);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy received(&client, &StompClient::messageReceived);
    client.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), bodies.size(), WaitMs);
    QCOMPARE(client.state(), StompClient::Connected);
    QCOMPARE(client.sessionId(), QStringLiteral("ws-1"));
    QCOMPARE(bodiesOf(received), bodies);
    for (int i = 0; i < bodies.size(); ++i)
        QCOMPARE(received.at(i).at(0).value<StompFrame>().messageId(), QStringLiteral("m-%1").arg(i));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    client.abort();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, WaitMs);
}

void tst_StompWebSocket::oneFramePerMessage_data()
{
    addModeRows();
}

void tst_StompWebSocket::oneFramePerMessage()
{
    QFETCH(Mode, mode);
    WsStompServer server;
    QVERIFY(server.server().listen(QHostAddress::LocalHost, 0));
    server.reply = {connectedFrame()};

    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(server.url());
    client.setSocketTimeout(WaitMs);
    client.setVirtualHost(QStringLiteral("vh"));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    client.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Connected, WaitMs);
    client.subscribe(QStringLiteral("/queue/ws"), StompClient::AckAuto, {}, QStringLiteral("s-1"));
    client.send(QStringLiteral("/queue/ws"), allByteValues());
    client.send(QStringLiteral("/queue/ws"), QByteArray("\0", 1));
    // A burst: from another thread than the connection's (WorkerThread) plain SENDs are
    // encoded together into one block; a WebSocket must still get one message per frame.
    constexpr int Burst = 200;
    for (int i = 0; i < Burst; ++i)
        client.send(QStringLiteral("/queue/ws"), "burst-" + QByteArray::number(i));
    const int total = 4 + Burst;
    QTRY_COMPARE_WITH_TIMEOUT(server.messages.size(), total, WaitMs);
    QCOMPARE(server.frames.size(), total);
    const QList<StompFrame::Command> commands{StompFrame::Connect, StompFrame::Subscribe,
                                              StompFrame::Send, StompFrame::Send};
    for (int i = 0; i < total; ++i) {
        QCOMPARE(server.frames.at(i).command(), i < 4 ? commands.at(i) : StompFrame::Send);
        QVERIFY2(!server.textMessages.at(i), "frames go out as binary messages");
        QVERIFY2(server.messages.at(i).endsWith('\0'), "one whole frame per message");
        QCOMPARE(server.messages.at(i).count('\0') - (i == 2 || i == 3 ? 1 : 0), 1);
        if (i >= 4)
            QCOMPARE(server.frames.at(i).body(), "burst-" + QByteArray::number(i - 4));
    }
    QCOMPARE(server.frames.at(0).header("host"), QByteArray("vh"));
    QCOMPARE(server.frames.at(2).body(), allByteValues());
    QCOMPARE(server.frames.at(3).body(), QByteArray("\0", 1));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    client.abort();
}

void tst_StompWebSocket::secureWebSocket_data()
{
    addModeRows();
}

void tst_StompWebSocket::secureWebSocket()
{
    QFETCH(Mode, mode);
    WsStompServer server(QWebSocketServer::SecureMode);
    server.server().setSslConfiguration(serverTls());
    QVERIFY(server.server().listen(QHostAddress::LocalHost, 0));
    server.reply = {connectedFrame(), messageFrame("m-0", allByteValues())};

    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(server.url("wss"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(m_dir.filePath(QStringLiteral("ws.pem"))));
    client.setSslConfiguration(tls);
    client.setSocketTimeout(WaitMs);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy received(&client, &StompClient::messageReceived);
    client.connectToHost();
    QTRY_VERIFY2_WITH_TIMEOUT(received.count() == 1, qPrintable(describe(errors)), WaitMs);
    QCOMPARE(client.state(), StompClient::Connected);
    QCOMPARE(received.at(0).at(0).value<StompFrame>().body(), allByteValues());
    QCOMPARE(client.currentBroker(), server.url("wss").toDisplayString());
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    client.abort();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, WaitMs);
}

// ---- rainy day ---------------------------------------------------------------------------------

void tst_StompWebSocket::secureWebSocketUntrusted_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("insecure");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("verified/%s", name) << mode << false;
        QTest::addRow("insecureSkipTlsVerification/%s", name) << mode << true;
    }
}

void tst_StompWebSocket::secureWebSocketUntrusted()
{
    QFETCH(Mode, mode);
    QFETCH(bool, insecure);
    WsStompServer server(QWebSocketServer::SecureMode);
    server.server().setSslConfiguration(serverTls());
    QVERIFY(server.server().listen(QHostAddress::LocalHost, 0));
    server.reply = {connectedFrame()};

    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(server.url("wss"));
    client.setSocketTimeout(WaitMs);
    if (insecure) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("verification is OFF")));
        client.setInsecureSkipTlsVerification(true);
    }
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    client.connectToHost(); // the system CAs do not know the self-signed certificate
    // disconnected() comes after errorOccurred(), also across threads.
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected || disconnected.count() == 1,
                              qPrintable(describe(errors)), WaitMs);
    if (insecure) {
        QVERIFY2(client.state() == StompClient::Connected, qPrintable(describe(errors)));
        QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
        client.abort();
        return;
    }
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<StompClient::Error>(), StompClient::TlsError);
    const QString text = errors.at(0).at(1).toString();
    QVERIFY2(text.startsWith(QLatin1String("TLS handshake failed: ")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("self signed"), Qt::CaseInsensitive)
                     || text.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(text));
}

void tst_StompWebSocket::brokerTextFramesRefuseNonUtf8_data()
{
    addModeRows();
}

// What RabbitMQ's Web-STOMP does by default with a body that is not UTF-8: it sends the MESSAGE
// as a text WebSocket message anyway, QWebSocket refuses it and closes with 1007. The client
// must say so (not "the server closed the connection"). web_stomp.ws_frame = binary avoids it.
void tst_StompWebSocket::brokerTextFramesRefuseNonUtf8()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    if (env.wsPort == 0)
        STOMPQT_SKIP_UNLESS_CI("no STOMPQT_RABBITMQ_WS_PORT");

    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(env.webSocketUrl());
    client.setLogin(env.login);
    client.setPasscode(env.passcode);
    client.setVirtualHost(env.vhost);
    client.setSocketTimeout(BrokerWaitMs);
    client.setReceiptTimeout(BrokerWaitMs);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    client.connectToHost();
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected, qPrintable(describe(errors)),
                              BrokerWaitMs);
    const QString queue = QStringLiteral("/queue/") + unique("ws-bytes");
    const QString subReceipt = unique("sub");
    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    StompSubscription *sub = client.subscribe(queue, StompClient::AckAuto, {{"receipt", subReceipt.toUtf8()}});
    QVERIFY(sub);
    QTRY_VERIFY_WITH_TIMEOUT(receipts.contains(QVariantList{subReceipt}), BrokerWaitMs);
    client.send(queue, allByteValues()); // goes out fine: the client sends binary messages
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, BrokerWaitMs);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<StompClient::Error>(), StompClient::ProtocolError);
    const QString text = errors.at(0).at(1).toString();
    QVERIFY2(text.contains(QLatin1String("1007")) && text.contains(QLatin1String("UTF-8")), qPrintable(text));
}

void tst_StompWebSocket::refusedAndClosed_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("scenario"); // 0 refused, 1 host not found, 2 closed after CONNECT, 3 dropped
    QTest::addColumn<StompClient::Error>("error");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("connection refused/%s", name) << mode << 0 << StompClient::ConnectionRefused;
        QTest::addRow("host not found/%s", name) << mode << 1 << StompClient::HostNotFound;
        QTest::addRow("server closes after CONNECT/%s", name) << mode << 2 << StompClient::RemoteClosed;
        QTest::addRow("server drops the TCP connection/%s", name) << mode << 3 << StompClient::RemoteClosed;
    }
}

void tst_StompWebSocket::refusedAndClosed()
{
    QFETCH(Mode, mode);
    QFETCH(int, scenario);
    QFETCH(StompClient::Error, error);

    QWebSocketServer server(QStringLiteral("closing"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const quint16 port = server.serverPort();
    if (scenario == 0)
        server.close();
    connect(&server, &QWebSocketServer::newConnection, this, [&server, scenario] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            socket->setParent(&server);
            connect(socket, &QWebSocket::binaryMessageReceived, socket, [socket, scenario] {
                if (scenario == 3)
                    socket->abort();
                else
                    socket->close();
            });
        }
    });
    const QString url = QStringLiteral("ws://%1:%2/ws")
                                .arg(scenario == 1 ? QStringLiteral("nonexistent.invalid")
                                                   : QStringLiteral("127.0.0.1"))
                                .arg(port);

    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(QUrl(url));
    client.setSocketTimeout(WaitMs);
    StompReconnectPolicy policy;
    policy.enabled = true;
    policy.initialDelay = 50;
    policy.jitter = 0;
    policy.maxAttempts = 1;
    client.setReconnectPolicy(policy);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    client.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 2 * WaitMs);
    // Each attempt reports its own failure once, with the reason, and the next is scheduled.
    QCOMPARE(errors.count(), 2);
    for (const QList<QVariant> &args : std::as_const(errors)) {
        QVERIFY2(args.at(0).value<StompClient::Error>() == error, qPrintable(describe(errors)));
        QVERIFY(!args.at(1).toString().isEmpty());
    }
    QCOMPARE(scheduled.count(), 1);
    QCOMPARE(scheduled.at(0).at(2).toString(), url);
    QCOMPARE(client.error(), error);
}

QTEST_GUILESS_MAIN(tst_StompWebSocket)
#include "tst_stompwebsocket.moc"
