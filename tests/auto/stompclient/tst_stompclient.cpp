// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// StompClient against the in-process FakeStompServer: what the client writes, how it reads
// what a server writes (split, coalesced, malformed), and how it fails. Every test that
// touches the connection driver runs in both listener modes.
//
// The fake server lives in the test's thread. In WorkerThread mode a blocking wait*() in
// that thread would stop the server too, so these tests wait with QTRY_* and call the
// blocking helpers only when the answer is already there (or never comes); the blocking
// paths across threads are covered by tst_stompclient_broker and tst_stompclient_threads.

#include "fakestompserver.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompframeencoder.h>
#include <StompQt/stompmessagequeue.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qdebug.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qpointer.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qthread.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>
#if QT_CONFIG(ssl)
#  include <QtNetwork/qsslconfiguration.h>
#endif

#include <array>
#include <optional>
#ifdef __GLIBC__
#  include <malloc.h>
#endif

#ifdef Q_OS_LINUX
#  include <netinet/in.h>
#  include <netinet/tcp.h>
#endif
#ifdef Q_OS_UNIX
#  include <sys/socket.h>
#endif

using namespace StompTest;
using Version = StompFrame::Version;

namespace {

QByteArray versionText(Version v)
{
    switch (v) {
    case Version::V1_0: return "1.0";
    case Version::V1_1: return "1.1";
    case Version::V1_2: break;
    }
    return "1.2";
}

// While the returned guard lives, glibc fills freed blocks with a pattern, so that code that
// reads freed memory goes wrong visibly instead of by luck (elsewhere: nothing).
auto scribbleOverFreedMemory()
{
#ifdef __GLIBC__
    mallopt(M_PERTURB, 0xa5);
#endif
    return qScopeGuard([] {
#ifdef __GLIBC__
        mallopt(M_PERTURB, 0);
#endif
    });
}

// \a count MESSAGE frames for subscription "s" with 1 KiB bodies numbered from 0, encoded
// back to back; their bodies go to \a bodies.
QByteArray numberedMessages(int count, QByteArrayList *bodies)
{
    QByteArray bytes;
    for (int i = 0; i < count; ++i) {
        bodies->append(QByteArray::number(i).leftJustified(1024, '.'));
        bytes += StompFrameEncoder::encode(
                StompFrame(StompFrame::Message,
                           {{"destination", "/queue/p"}, {"subscription", "s"}, {"message-id", QByteArray::number(i)}},
                           bodies->last()),
                Version::V1_2);
    }
    return bytes;
}

void configure(StompClient &client, const FakeStompServer &server, Mode mode)
{
    client.setListenerMode(mode);
    client.setHost(server.host());
    client.setPort(server.port());
    client.setSocketTimeout(WaitMs);
}

QString errorText(const QSignalSpy &spy, StompClient::Error error)
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<StompClient::Error>() == error)
            return args.at(1).toString();
    }
    return {};
}

QByteArray encoded(const StompFrame &frame, Version version = Version::V1_2)
{
    return StompFrameEncoder::encode(frame, version);
}

StompFrame message(const QByteArray &subscription, const QByteArray &id, const QByteArray &body)
{
    return StompFrame(StompFrame::Message,
                      {{"destination", "/queue/a"}, {"message-id", id}, {"subscription", subscription}},
                      body);
}

/// MESSAGE number \a i of subscription "s", with the ack header a client-ack subscription needs.
QByteArray ackableMessage(int i)
{
    StompFrame f = message("s", "m" + QByteArray::number(i), {});
    f.addHeader("ack", "a" + QByteArray::number(i));
    return encoded(f);
}

} // namespace

class tst_StompClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // First, before anything in this process touches TLS.
    void plainClientLoadsNoTls();
    void sslConfigurationFollowsDefaultUntilSet();

    // ---- happy ----------------------------------------------------------------------------
    void connectFrame_data();
    void connectFrame();
    void negotiatedSession_data();
    void negotiatedSession();
    void urlForm_data();
    void urlForm();
    void splitFrames_data();
    void splitFrames();
    void coalescedFrames_data();
    void coalescedFrames();
    void messagesKeptByHandlersStayIntact_data();
    void messagesKeptByHandlersStayIntact();
    void routingBySubscriptionId_data();
    void routingBySubscriptionId();
    void newSessionKeepsItsSubscriptions_data();
    void newSessionKeepsItsSubscriptions();
    void ackHeaders_data();
    void ackHeaders();
    void nackHeaders_data();
    void nackHeaders();
    void transactions_data();
    void transactions();
    void receipts_data();
    void receipts();
    void receiptsOutOfOrder_data();
    void receiptsOutOfOrder();
    void heartbeatNegotiation_data();
    void heartbeatNegotiation();
    void clientSendsHeartbeats_data();
    void clientSendsHeartbeats();
    void gracefulDisconnect_data();
    void gracefulDisconnect();
    void queuedWhileConnecting_data();
    void queuedWhileConnecting();
    void passcodeNeverShown_data();
    void passcodeNeverShown();
    void writeBufferHighWaterMark_data();
    void writeBufferHighWaterMark();
#ifdef Q_OS_UNIX
    void ackLeavesDuringLongRead();
#endif
#ifdef Q_OS_LINUX
    void tcpAcknowledgedWhileNoAckIsDue_data();
    void tcpAcknowledgedWhileNoAckIsDue();
#endif
    void sendBytesAsTheEncoderWrites_data();
    void sendBytesAsTheEncoderWrites();

    // ---- rainy day ------------------------------------------------------------------------
    void transactionAbortedOnDrop_data();
    void transactionAbortedOnDrop();
    void receiptTimeout_data();
    void receiptTimeout();
    void heartbeatTimeout_data();
    void heartbeatTimeout();
    void errorMidStream_data();
    void errorMidStream();
    void closedWhileReadingPaused_data();
    void closedWhileReadingPaused();
    void pausedReaderOutlivesTimeouts_data();
    void pausedReaderOutlivesTimeouts();
    void disconnectWhileReadingPaused_data();
    void disconnectWhileReadingPaused();
    void receiptWhileReadingPaused_data();
    void receiptWhileReadingPaused();
    void errorAnswersConnect_data();
    void errorAnswersConnect();
    void connectNeverAnswered_data();
    void connectNeverAnswered();
    void malformedFrame_data();
    void malformedFrame();
    void connectionRefused_data();
    void connectionRefused();
    void sendWhenDisconnected_data();
    void sendWhenDisconnected();
    void deletedSubscriptionIsForgotten_data();
    void deletedSubscriptionIsForgotten();
    void deletedInItsOwnHandler_data();
    void deletedInItsOwnHandler();
    void listenerModeChangedInDisconnectedHandler();

private:
    static void addModeRows();
};

void tst_StompClient::initTestCase()
{
    qRegisterMetaType<StompFrame>();
}

// What a plain TCP client maps into the process: QSslConfiguration::defaultConfiguration()
// loads Qt's TLS backend plugin and the system's CA certificates (tens of milliseconds), so a
// StompClient takes it only when a TLS connection is opened. The loaded libraries are read
// from /proc/self/maps: Linux only (CI runs on Debian; elsewhere the test says it cannot look,
// and under CI that is a failure).
#ifdef Q_OS_LINUX
static QByteArray processMaps()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    return maps.open(QIODevice::ReadOnly) ? maps.readAll() : QByteArray();
}
static bool tlsBackendIn(const QByteArray &maps)
{
    return maps.contains("tlsbackend") || maps.contains("libssl.so");
}
#endif

void tst_StompClient::plainClientLoadsNoTls()
{
#ifndef Q_OS_LINUX
    STOMPQT_SKIP_UNLESS_CI("the loaded libraries are read from /proc/self/maps (Linux only)");
#else
    const QByteArray before = processMaps();
    QVERIFY2(before.contains("libStompQt"), "/proc/self/maps does not list the loaded libraries");
    QVERIFY2(!tlsBackendIn(before), "the TLS backend was loaded before this test");
    for (const auto &[name, mode] : kModes) {
        FakeStompServer server;
        QVERIFY(server.listen());
        StompClient client;
        configure(client, server, mode);
        QVERIFY(connectTo(client, server));
        client.send("/queue/a", "x");
        client.disconnectFromHost();
    }
    QVERIFY2(!tlsBackendIn(processMaps()), "a plain TCP client loaded the TLS backend");
#endif
}

void tst_StompClient::sslConfigurationFollowsDefaultUntilSet()
{
#if !QT_CONFIG(ssl)
    // A Qt built without TLS has no QSslConfiguration to follow (CI's Qt has OpenSSL).
    STOMPQT_SKIP_UNLESS_CI("Qt built without TLS support");
#else
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    const auto restore = qScopeGuard([&] { QSslConfiguration::setDefaultConfiguration(original); });
    StompClient client;
    QSslConfiguration changed = original;
    changed.setPeerVerifyDepth(7);
    QSslConfiguration::setDefaultConfiguration(changed);
    QCOMPARE(client.sslConfiguration().peerVerifyDepth(), 7); // the default as it is now

    QSslConfiguration own = original;
    own.setPeerVerifyDepth(3);
    QSignalSpy tlsChanged(&client, &StompClient::tlsChanged);
    client.setSslConfiguration(own);
    QCOMPARE(tlsChanged.size(), 1);
    changed.setPeerVerifyDepth(9);
    QSslConfiguration::setDefaultConfiguration(changed);
    QCOMPARE(client.sslConfiguration().peerVerifyDepth(), 3); // set: no longer follows
#  ifdef Q_OS_LINUX
    // The default configuration did load the backend: plainClientLoadsNoTls() can see it.
    QVERIFY2(tlsBackendIn(processMaps()), "the TLS backend is not visible in /proc/self/maps");
#  endif
#endif
}

void tst_StompClient::addModeRows()
{
    QTest::addColumn<Mode>("mode");
    for (const auto &[name, mode] : kModes)
        QTest::newRow(name) << mode;
}

// ---- happy ------------------------------------------------------------------------------------

void tst_StompClient::connectFrame_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("vhost");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("passcode");
    QTest::addColumn<int>("heartbeatOut");
    QTest::addColumn<int>("heartbeatIn");
    QTest::addColumn<bool>("useStomp");
    QTest::addColumn<StompClient::Versions>("versions");
    QTest::addColumn<StompFrame::Command>("command");
    QTest::addColumn<QByteArray>("acceptVersion");
    QTest::addColumn<QByteArray>("hostHeader");
    QTest::addColumn<QByteArray>("heartBeat");

    const StompClient::Versions all = StompClient::Version1_0 | StompClient::Version1_1
            | StompClient::Version1_2;
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("defaults/%s", name)
                << mode << QString() << QString() << QString() << 0 << 0 << false << all
                << StompFrame::Connect << QByteArray("1.0,1.1,1.2") << QByteArray("127.0.0.1")
                << QByteArray("0,0");
        QTest::addRow("everything/%s", name)
                << mode << QStringLiteral("my-vhost") << QStringLiteral("guest")
                << QStringLiteral("s:ecret\\") << 1000 << 2500 << false << all
                << StompFrame::Connect << QByteArray("1.0,1.1,1.2") << QByteArray("my-vhost")
                << QByteArray("1000,2500");
        QTest::addRow("stomp command/%s", name)
                << mode << QStringLiteral("/") << QStringLiteral("u") << QStringLiteral("p")
                << 0 << 0 << true << all << StompFrame::Stomp << QByteArray("1.0,1.1,1.2")
                << QByteArray("/") << QByteArray("0,0");
        QTest::addRow("1.1 and 1.2 only/%s", name)
                << mode << QString() << QString() << QString() << 0 << 0 << false
                << StompClient::Versions(StompClient::Version1_1 | StompClient::Version1_2)
                << StompFrame::Connect << QByteArray("1.1,1.2") << QByteArray("127.0.0.1")
                << QByteArray("0,0");
    }
}

void tst_StompClient::connectFrame()
{
    QFETCH(Mode, mode);
    QFETCH(QString, vhost);
    QFETCH(QString, login);
    QFETCH(QString, passcode);
    QFETCH(int, heartbeatOut);
    QFETCH(int, heartbeatIn);
    QFETCH(bool, useStomp);
    QFETCH(StompClient::Versions, versions);
    QFETCH(StompFrame::Command, command);
    QFETCH(QByteArray, acceptVersion);
    QFETCH(QByteArray, hostHeader);
    QFETCH(QByteArray, heartBeat);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    client.setVirtualHost(vhost);
    client.setLogin(login);
    client.setPasscode(passcode);
    client.setHeartbeat(heartbeatOut, heartbeatIn);
    client.setUseStompCommand(useStomp);
    client.setAcceptedVersions(versions);

    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    const QList<StompFrame> frames = connection->frames();
    QCOMPARE(frames.size(), 1);
    const StompFrame connect = frames.first();
    QCOMPARE(connect.command(), command);
    QCOMPARE(connect.header("accept-version"), acceptVersion);
    QCOMPARE(connect.header("host"), hostHeader);
    QCOMPARE(connect.hasHeader("login"), !login.isEmpty());
    QCOMPARE(connect.header("login"), login.toUtf8());
    QCOMPARE(connect.hasHeader("passcode"), !passcode.isEmpty());
    // CONNECT headers are never escaped: the passcode arrives exactly as given.
    QCOMPARE(connect.header("passcode"), passcode.toUtf8());
    QCOMPARE(connect.header("heart-beat"), heartBeat);
    QVERIFY(connect.body().isEmpty());
}

void tst_StompClient::negotiatedSession_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QByteArray>("versionHeader"); // empty: none (a STOMP 1.0 server)
    QTest::addColumn<Version>("version");
    QTest::addColumn<QString>("versionString");

    for (const auto &[name, mode] : kModes) {
        QTest::addRow("1.0/%s", name) << mode << QByteArray("1.0") << Version::V1_0 << "1.0";
        QTest::addRow("no version header/%s", name) << mode << QByteArray() << Version::V1_0 << "1.0";
        QTest::addRow("1.1/%s", name) << mode << QByteArray("1.1") << Version::V1_1 << "1.1";
        QTest::addRow("1.2/%s", name) << mode << QByteArray("1.2") << Version::V1_2 << "1.2";
    }
}

void tst_StompClient::negotiatedSession()
{
    QFETCH(Mode, mode);
    QFETCH(QByteArray, versionHeader);
    QFETCH(Version, version);
    QFETCH(QString, versionString);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompHeaders connected{{"session", "session-42"}, {"server", "FakeBroker/9.9"}};
    if (!versionHeader.isEmpty())
        connected.emplaceBack("version", versionHeader);
    server.setConnectedHeaders(connected);

    StompClient client;
    configure(client, server, mode);
    QSignalSpy stateSpy(&client, &StompClient::stateChanged);
    QSignalSpy connectedSpy(&client, &StompClient::connected);
    QSignalSpy errorSpy(&client, &StompClient::errorOccurred);
    QVERIFY(client.versionString().isEmpty());

    QVERIFY(connectTo(client, server));
    QTRY_COMPARE(connectedSpy.count(), 1);
    QCOMPARE(client.state(), StompClient::Connected);
    QCOMPARE(client.version(), version);
    QCOMPARE(client.versionString(), versionString);
    QCOMPARE(client.sessionId(), QStringLiteral("session-42"));
    QCOMPARE(client.server(), QStringLiteral("FakeBroker/9.9"));
    QCOMPARE(client.error(), StompClient::NoError);
    QVERIFY(errorSpy.isEmpty());
    QCOMPARE(stateSpy.count(), 2);
    QCOMPARE(stateSpy.at(0).at(0).value<StompClient::State>(), StompClient::Connecting);
    QCOMPARE(stateSpy.at(1).at(0).value<StompClient::State>(), StompClient::Connected);
    // Once the answer is there, the blocking helper answers at once in every mode.
    QVERIFY(client.waitForConnected(0));
}

void tst_StompClient::urlForm_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("vhost");
    QTest::addColumn<QByteArray>("hostHeader");

    for (const auto &[name, mode] : kModes) {
        QTest::addRow("vhost/%s", name) << mode << "/vh" << "vh" << QByteArray("vh");
        QTest::addRow("rabbitmq default vhost/%s", name) << mode << "/%2F" << "/" << QByteArray("/");
        QTest::addRow("no vhost/%s", name) << mode << "" << "" << QByteArray("127.0.0.1");
    }
}

void tst_StompClient::urlForm()
{
    QFETCH(Mode, mode);
    QFETCH(QString, path);
    QFETCH(QString, vhost);
    QFETCH(QByteArray, hostHeader);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    client.setListenerMode(mode);
    QSignalSpy urlSpy(&client, &StompClient::urlChanged);
    const QUrl url(QStringLiteral("stomp://alice:pa%3Ass@127.0.0.1:%1%2").arg(server.port()).arg(path));
    QVERIFY(url.isValid());
    client.setUrl(url);

    QVERIFY(urlSpy.count() >= 1);
    QCOMPARE(client.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(client.port(), server.port());
    QCOMPARE(client.login(), QStringLiteral("alice"));
    QCOMPARE(client.passcode(), QStringLiteral("pa:ss"));
    QCOMPARE(client.virtualHost(), vhost);
    QVERIFY(client.url().password().isEmpty()); // the URL never gives the passcode back
    QCOMPARE(client.url().userName(), QStringLiteral("alice"));
    QCOMPARE(client.url().port(), int(server.port()));

    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    const StompFrame connect = connection->frames().first();
    QCOMPARE(connect.header("login"), QByteArray("alice"));
    QCOMPARE(connect.header("passcode"), QByteArray("pa:ss"));
    QCOMPARE(connect.header("host"), hostHeader);
}

void tst_StompClient::splitFrames_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("chunkSize");
    for (const auto &[name, mode] : kModes) {
        for (int chunk : {1, 2, 7, 64})
            QTest::addRow("%d bytes/%s", chunk, name) << mode << chunk;
    }
}

void tst_StompClient::splitFrames()
{
    QFETCH(Mode, mode);
    QFETCH(int, chunkSize);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy messages(&client, &StompClient::messageReceived);

    // Heart-beat EOLs (LF and CRLF) between frames, a body with NUL bytes and escapes.
    const QByteArray nulBody("a\0b\0\0c", 6);
    QByteArray stream = encoded(message("s", "1", "first"));
    stream += "\n\r\n";
    stream += encoded(message("s", "2", nulBody));
    stream += "\n";
    StompFrame escaped = message("s", "3", "third");
    escaped.addHeader("x-odd", "a:b\nc\\d");
    stream += encoded(escaped);
    // CRLF line ends, as STOMP 1.2 allows.
    stream += QByteArray("MESSAGE\r\ndestination:/queue/a\r\nmessage-id:4\r\nsubscription:s\r\n\r\ncrlf")
            + '\0';
    connection->drip(stream, chunkSize, 1);

    QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 4, 20000);
    QCOMPARE(bodiesOf(messages), (QByteArrayList{"first", nulBody, "third", "crlf"}));
    QCOMPARE(messages.at(2).at(0).value<StompFrame>().header("x-odd"), QByteArray("a:b\nc\\d"));
    QCOMPARE(messages.at(3).at(0).value<StompFrame>().messageId(), QStringLiteral("4"));
    QCOMPARE(client.state(), StompClient::Connected);
}

void tst_StompClient::coalescedFrames_data()
{
    addModeRows();
}

void tst_StompClient::coalescedFrames()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy messages(&client, &StompClient::messageReceived);
    QSignalSpy receipts(&client, &StompClient::receiptReceived);

    // Many frames in one write, the last one followed by a receipt in the same segment.
    constexpr int count = 500;
    QByteArray stream;
    QByteArrayList expected;
    for (int i = 0; i < count; ++i) {
        const QByteArray body = "message " + QByteArray::number(i);
        expected.append(body);
        stream += encoded(message("s", QByteArray::number(i), body));
        if (i % 7 == 0)
            stream += '\n';
    }
    stream += encoded(StompFrame(StompFrame::Receipt, {{"receipt-id", "after-all"}}));
    connection->sendRaw(stream);

    QTRY_COMPARE(receipts.count(), 1);
    QCOMPARE(messages.count(), count);
    QCOMPARE(bodiesOf(messages), expected);
    QCOMPARE(receipts.first().first().toString(), QStringLiteral("after-all"));
}

void tst_StompClient::messagesKeptByHandlersStayIntact_data()
{
    addModeRows();
}

void tst_StompClient::messagesKeptByHandlersStayIntact()
{
    // The parser builds each message in the storage of one nobody holds any more (in
    // WorkerThread mode, ones the client's thread handed back after routing them). What a
    // handler kept, a whole frame or only its body, must never change; every message must
    // arrive whole whatever the one whose storage it reuses held.
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);

    const auto expectedFrame = [](int i) {
        StompFrame f = message("s", QByteArray::number(i),
                               QByteArray(1 + (i * 131) % 3000, char('a' + i % 26)));
        for (int h = 0; h < (i * 5) % 17; ++h)
            f.addHeader("x-" + QByteArray::number(h), QByteArray(1 + (i + h) % 90, char('A' + h)));
        if (i % 4 == 0)
            f.addHeader("x-escaped", "a:b\\c\nd");
        return f;
    };
    int received = 0;
    QStringList wrong;
    QList<QPair<int, StompFrame>> keptFrames;
    QList<QPair<int, QByteArray>> keptBodies;
    connect(&client, &StompClient::messageReceived, this, [&](const StompFrame &f) {
        const int i = received++;
        const StompFrame want = expectedFrame(i);
        if (f.body() != want.body() || f.header("message-id") != want.header("message-id")
            || f.header("x-escaped") != want.header("x-escaped")
            || f.header("x-3") != want.header("x-3") || f.headerCount() != want.headerCount() + 1)
            wrong << QStringLiteral("message %1").arg(i);
        if (i % 3 == 0)
            keptFrames.append({i, f});
        else if (i % 5 == 0)
            keptBodies.append({i, f.body()});
    });

    // Bursts, each handled before the next: storage goes round between them.
    constexpr int bursts = 12, perBurst = 150;
    for (int b = 0; b < bursts; ++b) {
        QByteArray stream;
        for (int i = b * perBurst; i < (b + 1) * perBurst; ++i)
            stream += encoded(expectedFrame(i));
        connection->sendRaw(stream);
        QTRY_COMPARE_WITH_TIMEOUT(received, (b + 1) * perBurst, 10000);
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 5).join(QStringLiteral(", "))));
    for (const auto &[i, f] : std::as_const(keptFrames)) {
        const StompFrame want = expectedFrame(i);
        QCOMPARE(f.body(), want.body());
        QCOMPARE(f.header("message-id"), want.header("message-id"));
        QCOMPARE(f.header("x-escaped"), want.header("x-escaped"));
        QCOMPARE(f.headerCount(), want.headerCount() + 1); // + content-length
    }
    for (const auto &[i, body] : std::as_const(keptBodies))
        QCOMPARE(body, expectedFrame(i).body());
}

void tst_StompClient::routingBySubscriptionId_data()
{
    addModeRows();
}

void tst_StompClient::routingBySubscriptionId()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);

    StompSubscription *first = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckClient);
    StompSubscription *second = client.subscribe(QStringLiteral("/queue/a"),
                                                 StompClient::AckClientIndividual,
                                                 {{"prefetch-count", "5"}}, QStringLiteral("mine"));
    QVERIFY(first);
    QVERIFY(second);
    QVERIFY(first->id() != second->id());
    QCOMPARE(second->id(), QStringLiteral("mine"));
    QCOMPARE(client.subscriptions().size(), 2);
    // An id in use is refused.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("already in use")));
    QCOMPARE(client.subscribe(QStringLiteral("/queue/b"), StompClient::AckAuto, {}, QStringLiteral("mine")),
             nullptr);

    const StompFrame sub1 = connection->takeFrame(StompFrame::Subscribe);
    const StompFrame sub2 = connection->takeFrame(StompFrame::Subscribe);
    QCOMPARE(sub1.header("id"), first->id().toUtf8());
    QCOMPARE(sub1.destination(), QStringLiteral("/queue/a"));
    QCOMPARE(sub1.header("ack"), QByteArray("client"));
    QCOMPARE(sub2.header("id"), QByteArray("mine"));
    QCOMPARE(sub2.header("ack"), QByteArray("client-individual"));
    QCOMPARE(sub2.header("prefetch-count"), QByteArray("5"));

    QSignalSpy all(&client, &StompClient::messageReceived);
    QSignalSpy spy1(first, &StompSubscription::messageReceived);
    QSignalSpy spy2(second, &StompSubscription::messageReceived);
    QByteArrayList handled;
    first->setHandler([&](const StompFrame &m) { handled.append(m.body()); });

    connection->sendMessage("/queue/a", "mine", "m1", "for second");
    connection->sendMessage("/queue/a", first->id().toUtf8(), "m2", "for first");
    connection->sendMessage("/queue/a", "nobody", "m3", "orphan");
    connection->sendMessage("/queue/a", first->id().toUtf8(), "m4", "first again");

    QTRY_COMPARE(all.count(), 4);
    QCOMPARE(bodiesOf(all), (QByteArrayList{"for second", "for first", "orphan", "first again"}));
    QCOMPARE(bodiesOf(spy1), (QByteArrayList{"for first", "first again"}));
    QCOMPARE(bodiesOf(spy2), (QByteArrayList{"for second"}));
    QCOMPARE(handled, (QByteArrayList{"for first", "first again"}));
    QCOMPARE(first->messageCount(), 2);
    QCOMPARE(second->messageCount(), 1);

    // After UNSUBSCRIBE (confirmed by receipt) the subscription gets nothing more.
    QSignalSpy unsubscribed(second, &StompSubscription::unsubscribed);
    const QString receipt = client.unsubscribe(second);
    QVERIFY(!receipt.isEmpty());
    const StompFrame unsub = connection->takeFrame(StompFrame::Unsubscribe);
    QCOMPARE(unsub.header("id"), QByteArray("mine"));
    QCOMPARE(unsub.receipt(), receipt);
    QTRY_COMPARE(unsubscribed.count(), 1);
    QVERIFY(!second->isActive());
    connection->sendMessage("/queue/a", "mine", "m5", "too late");
    connection->sendMessage("/queue/a", first->id().toUtf8(), "m6", "first last");
    QTRY_COMPARE(spy1.count(), 3);
    QCOMPARE(spy2.count(), 1);
    QCOMPARE(all.count(), 6);
}

void tst_StompClient::newSessionKeepsItsSubscriptions_data()
{
    addModeRows();
}

// The end of one session must not end the subscriptions of the next one, even when its
// disconnected() notice reaches the client's thread after the next session began (in
// WorkerThread mode it is queued, while waitForDisconnected() returns at once).
void tst_StompClient::newSessionKeepsItsSubscriptions()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *first = connectTo(client, server);
    QVERIFY(first);
    StompSubscription *old = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckAuto, {},
                                              QStringLiteral("old"));
    QVERIFY(first->takeFrame(StompFrame::Subscribe).isValid());
    QSignalSpy oldEnded(old, &StompSubscription::unsubscribed);

    client.abort();
    QVERIFY(client.waitForDisconnected(WaitMs)); // needs nothing from the server
    // Straight on, as any caller may: a new session with a new subscription.
    client.connectToHost();
    StompSubscription *fresh = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckAuto,
                                                {}, QStringLiteral("fresh"));
    QVERIFY(fresh);
    QSignalSpy freshEnded(fresh, &StompSubscription::unsubscribed);
    QSignalSpy freshMessages(fresh, &StompSubscription::messageReceived);
    FakeStompConnection *second = server.waitForConnect(1);
    QVERIFY(second);
    QTRY_COMPARE(client.state(), StompClient::Connected);
    QCOMPARE(second->takeFrame(StompFrame::Subscribe).header("id"), QByteArray("fresh"));

    QTRY_COMPARE(oldEnded.count(), 1);
    QVERIFY(!old->isActive());
    second->sendMessage("/queue/a", "fresh", "m1", "for the new session");
    QTRY_COMPARE(freshMessages.count(), 1);
    QVERIFY(fresh->isActive());
    QVERIFY(freshEnded.isEmpty());
    QCOMPARE(client.subscriptions(), QList<StompSubscription *>{fresh});
}

void tst_StompClient::sendBytesAsTheEncoderWrites_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Version>("version");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("1.0/%s", name) << mode << Version::V1_0;
        QTest::addRow("1.1/%s", name) << mode << Version::V1_1;
        QTest::addRow("1.2/%s", name) << mode << Version::V1_2;
    }
}

// A plain SEND is written without building a StompFrame: from the connection's thread
// (CallerThread) straight to the socket, from any other thread (WorkerThread) encoded in the
// caller's thread into a block shared with the SENDs around it. Either way the bytes on the
// wire must be exactly what StompFrameEncoder makes of StompFrame::makeSend() - also for the
// cases the direct ways hand back to the frame path (escapes, non-ASCII, a receipt), and in
// the order of the calls when both paths alternate.
void tst_StompClient::sendBytesAsTheEncoderWrites()
{
    QFETCH(Mode, mode);
    QFETCH(Version, version);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectedHeaders({{"version", versionText(version)}});
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy errors(&client, &StompClient::errorOccurred);

    struct Case
    {
        QString destination;
        QByteArray body;
        StompHeaders headers;
        QString transaction;
        StompClient::SendOptions options;
    };
    const QByteArray binary("a\0b\xff", 4);
    const QList<Case> cases{
        {QStringLiteral("/queue/plain"), "body", {}, {}, {}},
        {QStringLiteral("/queue/h"), "", {{"x-a", "1"}, {"content-type", "text/plain"}, {"x-a", "dup"}}, {}, {}},
        {QStringLiteral("/queue/tx"), "in tx", {{"x", "y"}}, QStringLiteral("tx-1"), {}},
        {QStringLiteral("/queue/tx-replaced"), "b", {{"transaction", "old"}, {"z", "1"}}, QStringLiteral("tx-2"), {}},
        {QStringLiteral("/queue/no-length"), "text", {}, {}, StompClient::NoContentLength},
        {QStringLiteral("/queue/binary"), binary, {}, {}, {}},
        {QStringLiteral("/queue/\u00e4"), "non-ASCII destination", {}, {}, {}},
        {QStringLiteral("/queue/colon"), "b", {{"x-time", "12:00"}}, {}, {}},
        {QStringLiteral("/queue/own-length"), "four", {{"content-length", "99"}}, {}, {}},
        {QStringLiteral("/queue/receipt"), "r", {}, {}, StompClient::WithReceipt},
    };
    QByteArray expected;
    QStringList receipts;
    for (const Case &c : cases) {
        const QString r = client.send(c.destination, c.body, c.headers, c.options, c.transaction);
        StompFrame frame = StompFrame::makeSend(c.destination, c.body, c.headers, c.transaction);
        if (c.options & StompClient::WithReceipt) {
            QVERIFY(!r.isEmpty());
            frame.setHeader("receipt", r.toUtf8());
            receipts << r;
        } else {
            QVERIFY(r.isEmpty());
        }
        const auto encOptions = (c.options & StompClient::NoContentLength)
                ? StompFrameEncoder::OmitContentLength
                : StompFrameEncoder::NoOption;
        expected += StompFrameEncoder::encode(frame, version, encOptions);
    }
    QVERIFY(connection->waitForFrameCount(StompFrame::Send, int(cases.size()), WaitMs));
    const QByteArray wire = connection->receivedBytes();
    const qsizetype first = wire.indexOf("SEND\n");
    QVERIFY(first > 0);
    QCOMPARE(wire.mid(first), expected);
    QVERIFY2(errors.isEmpty(), qPrintable(errorText(errors, StompClient::InvalidFrame)));
}

void tst_StompClient::ackHeaders_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Version>("version");
    QTest::addColumn<StompHeaders>("expected");

    for (const auto &[name, mode] : kModes) {
        QTest::addRow("1.0/%s", name) << mode << Version::V1_0
                                      << StompHeaders{{"message-id", "mid-7"}};
        QTest::addRow("1.1/%s", name) << mode << Version::V1_1
                                      << StompHeaders{{"message-id", "mid-7"}, {"subscription", "sub-x"}};
        QTest::addRow("1.2/%s", name) << mode << Version::V1_2 << StompHeaders{{"id", "ack-99"}};
    }
}

void tst_StompClient::ackHeaders()
{
    QFETCH(Mode, mode);
    QFETCH(Version, version);
    QFETCH(StompHeaders, expected);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectedHeaders({{"version", versionText(version)}});
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QCOMPARE(client.version(), version);
    StompSubscription *sub = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckClientIndividual,
                                              {}, QStringLiteral("sub-x"));
    QVERIFY(sub);
    QSignalSpy received(sub, &StompSubscription::messageReceived);
    StompHeaders extra;
    if (version == Version::V1_2)
        extra.emplaceBack("ack", "ack-99");
    connection->sendMessage("/queue/a", "sub-x", "mid-7", "payload", extra);
    QTRY_COMPARE(received.count(), 1);
    const StompFrame m = received.first().first().value<StompFrame>();

    QVERIFY(client.ack(m).isEmpty()); // no receipt asked for
    StompFrame ack = connection->takeFrame(StompFrame::Ack);
    QVERIFY(ack.isValid());
    QCOMPARE(ack.headers(), expected);

    // With a transaction and a receipt, both headers are added.
    const QString receipt = client.ack(m, QStringLiteral("tx-1"), StompClient::WithReceipt);
    QVERIFY(!receipt.isEmpty());
    ack = connection->takeFrame(StompFrame::Ack);
    QVERIFY(ack.isValid());
    StompHeaders withTx = expected;
    withTx.emplaceBack("transaction", "tx-1");
    withTx.emplaceBack("receipt", receipt.toUtf8());
    QCOMPARE(ack.headers(), withTx);
    QTRY_VERIFY(client.waitForReceipt(receipt, 0));
}

void tst_StompClient::nackHeaders_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<Version>("version");
    QTest::addColumn<StompHeaders>("expected"); // empty: NACK refused

    for (const auto &[name, mode] : kModes) {
        QTest::addRow("1.0 refused/%s", name) << mode << Version::V1_0 << StompHeaders{};
        QTest::addRow("1.1/%s", name) << mode << Version::V1_1
                                      << StompHeaders{{"message-id", "mid-7"}, {"subscription", "sub-x"}};
        QTest::addRow("1.2/%s", name) << mode << Version::V1_2 << StompHeaders{{"id", "ack-99"}};
    }
}

void tst_StompClient::nackHeaders()
{
    QFETCH(Mode, mode);
    QFETCH(Version, version);
    QFETCH(StompHeaders, expected);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectedHeaders({{"version", versionText(version)}});
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy messages(&client, &StompClient::messageReceived);
    StompHeaders extra;
    if (version == Version::V1_2)
        extra.emplaceBack("ack", "ack-99");
    connection->sendMessage("/queue/a", "sub-x", "mid-7", "payload", extra);
    QTRY_COMPARE(messages.count(), 1);
    const StompFrame m = messages.first().first().value<StompFrame>();

    const QString receipt = client.nack(m, {}, StompClient::WithReceipt);
    QVERIFY(!receipt.isEmpty());
    // A marker frame behind the NACK: once it is at the server, so would the NACK be.
    const QString marker = client.send(QStringLiteral("/queue/marker"), "m", {}, StompClient::WithReceipt);
    QVERIFY(connection->takeFrame(StompFrame::Send).isValid());

    if (expected.isEmpty()) {
        QCOMPARE(connection->frameCount(StompFrame::Nack), 0);
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(errorsOf(errors).first(), StompClient::InvalidFrame);
        QVERIFY(!client.waitForReceipt(receipt, 0)); // failed at once, never pending
        QCOMPARE(client.state(), StompClient::Connected); // a refused frame does not end the session
    } else {
        const StompFrame nack = connection->takeFrame(StompFrame::Nack, 0);
        QVERIFY(nack.isValid());
        StompHeaders withReceipt = expected;
        withReceipt.emplaceBack("receipt", receipt.toUtf8());
        QCOMPARE(nack.headers(), withReceipt);
        QTRY_VERIFY(client.waitForReceipt(receipt, 0));
        QVERIFY(errors.isEmpty());
    }
    QTRY_VERIFY(client.waitForReceipt(marker, 0));
}

void tst_StompClient::transactions_data()
{
    addModeRows();
}

void tst_StompClient::transactions()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy aborted(&client, &StompClient::transactionAborted);
    QSignalSpy errors(&client, &StompClient::errorOccurred);

    const QString tx = client.begin();
    QVERIFY(!tx.isEmpty());
    client.send(QStringLiteral("/queue/t"), "in tx", {{"x-h", "v"}}, {}, tx);
    connection->sendMessage("/queue/a", "s", "m1", "to ack", {{"ack", "a1"}});
    QSignalSpy messages(&client, &StompClient::messageReceived);
    QTRY_COMPARE(messages.count(), 1);
    client.ack(messages.first().first().value<StompFrame>(), tx);
    const QString commitReceipt = client.commit(tx, StompClient::WithReceipt);
    QVERIFY(!commitReceipt.isEmpty());

    QCOMPARE(client.begin(QStringLiteral("my-tx"), {{"x-begin", "1"}}), QStringLiteral("my-tx"));
    client.send(QStringLiteral("/queue/t"), "dropped", {}, {}, QStringLiteral("my-tx"));
    QVERIFY(client.abort(QStringLiteral("my-tx")).isEmpty());

    QVERIFY(connection->waitForFrameCount(StompFrame::Abort, 1));
    QList<StompFrame::Command> commands;
    for (const StompFrame &f : connection->frames())
        commands.append(f.command());
    QCOMPARE(commands, (QList<StompFrame::Command>{StompFrame::Connect, StompFrame::Begin,
                                                   StompFrame::Send, StompFrame::Ack,
                                                   StompFrame::Commit, StompFrame::Begin,
                                                   StompFrame::Send, StompFrame::Abort}));
    const QList<StompFrame> f = connection->frames();
    QCOMPARE(f.at(1).transaction(), tx);
    QCOMPARE(f.at(2).transaction(), tx);
    QCOMPARE(f.at(2).header("x-h"), QByteArray("v"));
    QCOMPARE(f.at(3).transaction(), tx);
    QCOMPARE(f.at(3).header("id"), QByteArray("a1"));
    QCOMPARE(f.at(4).transaction(), tx);
    QCOMPARE(f.at(4).receipt(), commitReceipt);
    QCOMPARE(f.at(5).transaction(), QStringLiteral("my-tx"));
    QCOMPARE(f.at(5).header("x-begin"), QByteArray("1"));
    QCOMPARE(f.at(6).transaction(), QStringLiteral("my-tx"));
    QCOMPARE(f.at(7).transaction(), QStringLiteral("my-tx"));
    QTRY_VERIFY(client.waitForReceipt(commitReceipt, 0));

    // Both transactions are closed: ending the connection reports none.
    client.disconnectFromHost();
    QTRY_COMPARE(client.state(), StompClient::Disconnected);
    QVERIFY(aborted.isEmpty());
    QVERIFY(errors.isEmpty());
}

void tst_StompClient::receipts_data()
{
    addModeRows();
}

void tst_StompClient::receipts()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy receipts(&client, &StompClient::receiptReceived);

    const QString generated = client.send(QStringLiteral("/queue/r"), "1", {}, StompClient::WithReceipt);
    const QString fromHeader = client.send(QStringLiteral("/queue/r"), "2", {{"receipt", "my-receipt"}});
    const QString both = client.send(QStringLiteral("/queue/r"), "3", {{"receipt", "given"}},
                                     StompClient::WithReceipt);
    const QString none = client.send(QStringLiteral("/queue/r"), "4");
    QVERIFY(!generated.isEmpty());
    QCOMPARE(fromHeader, QStringLiteral("my-receipt"));
    QCOMPARE(both, QStringLiteral("given"));
    QVERIFY(none.isEmpty());

    QVERIFY(connection->waitForFrameCount(StompFrame::Send, 4));
    const QList<StompFrame> sends = connection->frames(StompFrame::Send);
    QCOMPARE(sends.at(0).receipt(), generated);
    QCOMPARE(sends.at(1).receipt(), fromHeader);
    QCOMPARE(sends.at(2).receipt(), both);
    QVERIFY(!sends.at(3).hasHeader("receipt"));

    QTRY_COMPARE(receipts.count(), 3);
    QCOMPARE(receipts.at(0).at(0).toString(), generated);
    QCOMPARE(receipts.at(1).at(0).toString(), fromHeader);
    QCOMPARE(receipts.at(2).at(0).toString(), both);
    QVERIFY(client.waitForReceipt(generated, 0));
    QVERIFY(client.waitForReceipt(fromHeader, 0));
    QVERIFY(client.waitForReceipt(both, 0));
    QVERIFY(!client.waitForReceipt(QStringLiteral("never-asked"), 0));

    // Receipts on other commands.
    const QString subReceipt = client.sendFrame(
            StompFrame(StompFrame::Subscribe, {{"destination", "/queue/r"}, {"id", "raw"}}),
            StompClient::WithReceipt);
    QVERIFY(!subReceipt.isEmpty());
    QTRY_VERIFY(client.waitForReceipt(subReceipt, 0));
    QCOMPARE(connection->takeFrame(StompFrame::Subscribe).receipt(), subReceipt);
}

void tst_StompClient::receiptsOutOfOrder_data()
{
    addModeRows();
}

void tst_StompClient::receiptsOutOfOrder()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setAutoReceipt(false);
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    QSignalSpy errors(&client, &StompClient::errorOccurred);

    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids << client.send(QStringLiteral("/queue/o"), QByteArray::number(i), {}, StompClient::WithReceipt);
    QVERIFY(connection->waitForFrameCount(StompFrame::Send, 3));
    QVERIFY(!client.waitForReceipt(ids.at(0), 0)); // pending, not there yet

    for (int i : {2, 0, 1})
        connection->sendReceipt(ids.at(i).toUtf8());
    QTRY_COMPARE(receipts.count(), 3);
    QCOMPARE(receipts.at(0).at(0).toString(), ids.at(2));
    QCOMPARE(receipts.at(1).at(0).toString(), ids.at(0));
    QCOMPARE(receipts.at(2).at(0).toString(), ids.at(1));
    for (const QString &id : ids)
        QVERIFY(client.waitForReceipt(id, 0));
    QVERIFY(errors.isEmpty());
}

void tst_StompClient::heartbeatNegotiation_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("clientOut");
    QTest::addColumn<int>("clientIn");
    QTest::addColumn<QByteArray>("serverHeartBeat"); // empty: no header
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<int>("expectedOut");
    QTest::addColumn<int>("expectedIn");

    for (const auto &[name, mode] : kModes) {
        QTest::addRow("both off/%s", name) << mode << 0 << 0 << QByteArray("0,0") << QByteArray("1.2") << 0 << 0;
        QTest::addRow("client only/%s", name) << mode << 1000 << 1000 << QByteArray("0,0") << QByteArray("1.2") << 0 << 0;
        QTest::addRow("server only/%s", name) << mode << 0 << 0 << QByteArray("1000,1000") << QByteArray("1.2") << 0 << 0;
        QTest::addRow("max of both/%s", name) << mode << 1000 << 3000 << QByteArray("2000,500") << QByteArray("1.2") << 1000 << 3000;
        QTest::addRow("server slower/%s", name) << mode << 100 << 200 << QByteArray("5000,6000") << QByteArray("1.1") << 6000 << 5000;
        QTest::addRow("outgoing only/%s", name) << mode << 1000 << 0 << QByteArray("1000,2000") << QByteArray("1.2") << 2000 << 0;
        QTest::addRow("incoming only/%s", name) << mode << 0 << 4000 << QByteArray("3000,2000") << QByteArray("1.2") << 0 << 4000;
        QTest::addRow("no header/%s", name) << mode << 1000 << 1000 << QByteArray() << QByteArray("1.2") << 0 << 0;
        QTest::addRow("garbage header/%s", name) << mode << 1000 << 1000 << QByteArray("soon") << QByteArray("1.2") << 0 << 0;
        QTest::addRow("stomp 1.0 has none/%s", name) << mode << 1000 << 1000 << QByteArray("1000,1000") << QByteArray("1.0") << 0 << 0;
    }
}

void tst_StompClient::heartbeatNegotiation()
{
    QFETCH(Mode, mode);
    QFETCH(int, clientOut);
    QFETCH(int, clientIn);
    QFETCH(QByteArray, serverHeartBeat);
    QFETCH(QByteArray, version);
    QFETCH(int, expectedOut);
    QFETCH(int, expectedIn);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompHeaders connected{{"version", version}};
    if (!serverHeartBeat.isEmpty())
        connected.emplaceBack("heart-beat", serverHeartBeat);
    server.setConnectedHeaders(connected);
    StompClient client;
    configure(client, server, mode);
    client.setHeartbeat(clientOut, clientIn);
    QCOMPARE(client.outgoingHeartbeat(), clientOut);
    QCOMPARE(client.incomingHeartbeat(), clientIn);

    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QCOMPARE(connection->frames().first().header("heart-beat"),
             QByteArray::number(clientOut) + ',' + QByteArray::number(clientIn));
    QCOMPARE(client.negotiatedOutgoingHeartbeat(), expectedOut);
    QCOMPARE(client.negotiatedIncomingHeartbeat(), expectedIn);
}

void tst_StompClient::clientSendsHeartbeats_data()
{
    addModeRows();
}

void tst_StompClient::clientSendsHeartbeats()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectedHeaders({{"version", "1.2"}, {"heart-beat", "0,100"}});
    StompClient client;
    configure(client, server, mode);
    client.setHeartbeat(100, 0);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QCOMPARE(client.negotiatedOutgoingHeartbeat(), 100);
    QCOMPARE(client.negotiatedIncomingHeartbeat(), 0);

    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(connection->heartbeatsReceived() >= 5, 5000);
    // An EOL at least every 100 ms, but not a flood: 5 of them take a few intervals.
    QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
    const int beats = connection->heartbeatsReceived();
    QVERIFY2(beats <= 5 + int(timer.elapsed() / 40), qPrintable(QString::number(beats)));
    QCOMPARE(connection->frames().size(), 1); // only EOLs, no frames
    QCOMPARE(client.state(), StompClient::Connected);
}

void tst_StompClient::gracefulDisconnect_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<FakeStompServer::DisconnectReply>("reply");
    QTest::addColumn<int>("minMs");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("receipt then close/%s", name)
                << mode << FakeStompServer::DisconnectReply::ReceiptThenClose << 0;
        QTest::addRow("server closes without receipt/%s", name)
                << mode << FakeStompServer::DisconnectReply::CloseWithoutReceipt << 0;
        // No answer at all: the client gives up after socketTimeout, still without an error.
        QTest::addRow("server ignores DISCONNECT/%s", name)
                << mode << FakeStompServer::DisconnectReply::Ignore << 250;
    }
}

void tst_StompClient::gracefulDisconnect()
{
    QFETCH(Mode, mode);
    QFETCH(FakeStompServer::DisconnectReply, reply);
    QFETCH(int, minMs);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setDisconnectReply(reply);
    StompClient client;
    configure(client, server, mode);
    client.setSocketTimeout(minMs > 0 ? 300 : WaitMs);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy stateSpy(&client, &StompClient::stateChanged);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QSignalSpy errors(&client, &StompClient::errorOccurred);

    QElapsedTimer timer;
    timer.start();
    client.disconnectFromHost();
    const StompFrame frame = connection->takeFrame(StompFrame::Disconnect);
    QVERIFY(frame.isValid());
    QVERIFY(!frame.receipt().isEmpty());
    QTRY_COMPARE(disconnected.count(), 1);
    const qint64 took = timer.elapsed();
    QVERIFY2(took >= minMs && took < 3000, qPrintable(QString::number(took)));
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), StompClient::NoError);
    QVERIFY2(errors.isEmpty(), qPrintable(errorText(errors, errorsOf(errors).value(0))));
    QCOMPARE(stateSpy.count(), 2);
    QCOMPARE(stateSpy.at(0).at(0).value<StompClient::State>(), StompClient::Disconnecting);
    QCOMPARE(stateSpy.at(1).at(0).value<StompClient::State>(), StompClient::Disconnected);
    QVERIFY(client.waitForDisconnected(0));
    QVERIFY(connection->waitForClosed());
    // Nothing was sent after DISCONNECT.
    QCOMPARE(connection->frames().last().command(), StompFrame::Disconnect);
}

void tst_StompClient::queuedWhileConnecting_data()
{
    addModeRows();
}

void tst_StompClient::queuedWhileConnecting()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    StompClient client;
    configure(client, server, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);

    client.connectToHost();
    QCOMPARE(client.state(), StompClient::Connecting);
    client.send(QStringLiteral("/queue/q"), "first");
    StompSubscription *sub = client.subscribe(QStringLiteral("/queue/q"));
    QVERIFY(sub);
    const QString receipt = client.send(QStringLiteral("/queue/q"), "second", {}, StompClient::WithReceipt);
    const QString tx = client.begin();

    FakeStompConnection *connection = server.waitForConnect();
    QVERIFY(connection);
    // Sent after the server has the CONNECT, still before CONNECTED.
    client.send(QStringLiteral("/queue/q"), "third", {}, {}, tx);
    client.commit(tx);
    QTest::qWait(50); // give a wrong client the chance to send early
    QCOMPARE(connection->frames().size(), 1);
    QCOMPARE(client.state(), StompClient::Connecting);
    QVERIFY(!client.waitForReceipt(receipt, 0));

    connection->sendConnected();
    QVERIFY(connection->waitForFrameCount(StompFrame::Commit, 1));
    QList<StompFrame::Command> commands;
    for (const StompFrame &f : connection->frames())
        commands.append(f.command());
    QCOMPARE(commands, (QList<StompFrame::Command>{StompFrame::Connect, StompFrame::Send,
                                                   StompFrame::Subscribe, StompFrame::Send,
                                                   StompFrame::Begin, StompFrame::Send,
                                                   StompFrame::Commit}));
    const QList<StompFrame> sends = connection->frames(StompFrame::Send);
    QCOMPARE(sends.at(0).body(), QByteArray("first"));
    QCOMPARE(sends.at(1).body(), QByteArray("second"));
    QCOMPARE(sends.at(2).body(), QByteArray("third"));
    QCOMPARE(sends.at(2).transaction(), tx);
    QTRY_VERIFY(client.waitForReceipt(receipt, 0));
    QVERIFY(errors.isEmpty());
    QCOMPARE(client.bytesToWrite(), 0);
}

void tst_StompClient::passcodeNeverShown_data()
{
    addModeRows();
}

void tst_StompClient::passcodeNeverShown()
{
    QFETCH(Mode, mode);
    const QByteArray secret = "s3cr3t-Pa55";

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    client.setLogin(QStringLiteral("bob"));
    client.setPasscode(QString::fromLatin1(secret));
    QSignalSpy sent(&client, &StompClient::frameSent);
    QSignalSpy received(&client, &StompClient::frameReceived);

    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QCOMPARE(connection->frames().first().header("passcode"), secret); // the server gets it

    client.send(QStringLiteral("/queue/p"), "body");
    client.disconnectFromHost();
    QTRY_COMPARE(client.state(), StompClient::Disconnected);
    QTRY_COMPARE(sent.count(), 3); // CONNECT, SEND, DISCONNECT
    const StompFrame shownConnect = sent.first().first().value<StompFrame>();
    QCOMPARE(shownConnect.command(), StompFrame::Connect);
    QCOMPARE(shownConnect.header("login"), QByteArray("bob"));
    QVERIFY(shownConnect.hasHeader("passcode"));
    QVERIFY(shownConnect.header("passcode") != secret);
    for (const QList<QVariant> &args : sent) {
        const StompFrame f = args.first().value<StompFrame>();
        QString text;
        QDebug(&text) << f;
        QVERIFY2(!text.toUtf8().contains(secret), qPrintable(text));
        for (const auto &h : f.headers())
            QVERIFY(!h.second.contains(secret));
    }
    QVERIFY(!client.url().toString().toUtf8().contains(secret));
    QVERIFY(received.count() >= 1);
    QCOMPARE(received.first().first().value<StompFrame>().command(), StompFrame::Connected);
}

void tst_StompClient::writeBufferHighWaterMark_data()
{
    addModeRows();
}

void tst_StompClient::writeBufferHighWaterMark()
{
    QFETCH(Mode, mode);
    constexpr qint64 mark = 256 * 1024;

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    client.setWriteHighWaterMark(mark);
    client.setSocketTimeout(1000); // bounds how long a send() from another thread blocks
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy full(&client, &StompClient::writeBufferFull);
    QSignalSpy drained(&client, &StompClient::writeBufferDrained);
    QSignalSpy errors(&client, &StompClient::errorOccurred);

    connection->setReading(false);
    const QByteArray body(64 * 1024, 'x');
    int attempts = 0;
    QElapsedTimer timer;
    timer.start();
    // Send until the client is stuck above the mark: the kernel buffers on both sides are
    // full (a few MB on loopback) and the client's own buffer stays above the mark. In
    // CallerThread mode writeBufferFull() says so while bytes are still waiting; in
    // WorkerThread mode a burst can pass the mark for a moment, so stuck means that a send()
    // from this thread blocked for socketTimeout and was refused with WriteBufferFull.
    auto stuck = [&] {
        if (mode == StompClient::CallerThread)
            return !full.isEmpty() && client.bytesToWrite() > mark;
        return errorsOf(errors).contains(StompClient::WriteBufferFull);
    };
    while (!stuck() && attempts < 2000 && timer.elapsed() < 30000) {
        client.send(QStringLiteral("/queue/big"), body);
        ++attempts;
        QCoreApplication::processEvents();
    }
    QVERIFY2(stuck(), qPrintable(QStringLiteral("%1 sends").arg(attempts)));
    // Signals alternate, full first, and end with full while stuck.
    QTRY_COMPARE(full.count(), drained.count() + 1);
    QVERIFY(full.last().first().toLongLong() > mark);
    QVERIFY(client.bytesToWrite() > mark);
    QCOMPARE(client.state(), StompClient::Connected);
    const int fullCount = full.count();

    connection->setReading(true);
    QTRY_COMPARE_WITH_TIMEOUT(drained.count(), fullCount, 30000);
    QCOMPARE(full.count(), fullCount);

    // In WorkerThread mode a send() from this thread blocked above the mark and, after
    // socketTimeout, gave up with WriteBufferFull; every other frame arrives intact.
    int refused = 0;
    for (StompClient::Error e : errorsOf(errors)) {
        QCOMPARE(e, StompClient::WriteBufferFull);
        ++refused;
    }
    if (mode == StompClient::CallerThread)
        QCOMPARE(refused, 0);
    QTRY_COMPARE_WITH_TIMEOUT(connection->frameCount(StompFrame::Send), attempts - refused, 30000);
    for (const StompFrame &f : connection->frames(StompFrame::Send))
        QCOMPARE(f.bodySize(), body.size());
    QTRY_COMPARE(client.bytesToWrite(), 0);
    QCOMPARE(client.state(), StompClient::Connected);
}

#ifdef Q_OS_UNIX
void tst_StompClient::ackLeavesDuringLongRead()
{
    // A broker with a prefetch window sends no more messages until it sees an ACK: an ACK a
    // handler writes must leave while the rest of a long read is still being handled, not
    // only after all of it (ActiveMQ, ack every 100th message: 91 % of the raw socket's rate
    // before, 100 % after).
    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, StompClient::CallerThread);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    StompSubscription *sub = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckClient, {},
                                              QStringLiteral("s"));
    QVERIFY(connection->takeFrame(StompFrame::Subscribe).isValid());
    const int fd = int(connection->socketDescriptor());
    QVERIFY(fd >= 0);

    // 250 small messages (about 19 KB) in one write: the client reads them in one or two reads
    // and handles them without returning to the event loop in between.
    constexpr int count = 250, ackAt = 2, probeAt = 200;
    int handled = 0;
    bool probed = false;
    QByteArray reachedServer;
    sub->setHandler([&](const StompFrame &m) {
        ++handled;
        if (handled == ackAt)
            client.ack(m);
        if (handled == probeAt) {
            // No event loop has run since the ACK: look at the server's kernel buffer.
            char buf[4096];
            const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT);
            probed = true;
            if (n > 0)
                reachedServer = QByteArray(buf, int(n));
        }
    });
    QByteArray burst;
    for (int i = 0; i < count; ++i)
        burst += ackableMessage(i);
    connection->sendRaw(burst);
    QTRY_COMPARE(handled, count);
    QVERIFY(probed);
    QVERIFY2(reachedServer.startsWith("ACK\n"),
             qPrintable(QStringLiteral("at message %1 the server had: '%2'")
                                .arg(probeAt).arg(QString::fromLatin1(reachedServer))));
    const StompFrame ack = connection->takeFrame(StompFrame::Ack);
    QCOMPARE(ack.header("id"), QByteArray("a1"));
}
#endif

#ifdef Q_OS_LINUX
void tst_StompClient::tcpAcknowledgedWhileNoAckIsDue_data()
{
    addModeRows();
}

void tst_StompClient::tcpAcknowledgedWhileNoAckIsDue()
{
    // A consumer that has just sent an ACK frame is in the kernel's interactive mode: it holds
    // the TCP acknowledgement of the next bytes back (40 ms at least) to carry it on its next
    // data. A broker with Nagle's algorithm on (ActiveMQ) waits for that acknowledgement
    // before it sends more, so every burst that ends before the next ACK is due stalled the
    // stream 40 ms. The client acknowledges at the TCP level after a few quiet milliseconds.
    QFETCH(Mode, mode);
    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    StompSubscription *sub = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckClient, {},
                                              QStringLiteral("s"));
    QVERIFY(connection->takeFrame(StompFrame::Subscribe).isValid());
    const int fd = int(connection->socketDescriptor());
    QVERIFY(fd >= 0);
    int handled = 0;
    sub->setHandler([&](const StompFrame &m) {
        if (++handled % 2 == 1)
            client.ack(m); // every other message: the next one comes when no ACK is due
    });
    const auto unacknowledged = [fd] {
        tcp_info info{};
        socklen_t length = sizeof info;
        if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
            return -1;
        return int(info.tcpi_unacked);
    };
    // Best of three: a loaded machine may delay one attempt; the kernel's own delayed
    // acknowledgement never comes before 40 ms.
    qint64 best = -1;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const int acksBefore = connection->frames(StompFrame::Ack).size();
        connection->sendRaw(ackableMessage(2 * attempt)); // answered by an ACK frame
        QVERIFY(connection->waitForFrameCount(StompFrame::Ack, acksBefore + 1));
        QTRY_COMPARE(unacknowledged(), 0);
        connection->sendRaw(ackableMessage(2 * attempt + 1)); // no ACK due: nothing to carry it
        QElapsedTimer clock;
        clock.start();
        qint64 took = -1;
        while (clock.elapsed() < 500) {
            QCoreApplication::processEvents();
            if (unacknowledged() == 0) {
                took = clock.elapsed();
                break;
            }
            QThread::usleep(200);
        }
        QVERIFY(took >= 0);
        QTRY_COMPARE(handled, 2 * attempt + 2);
        if (best < 0 || took < best)
            best = took;
    }
    QVERIFY2(best < 30, qPrintable(QStringLiteral("the message was acknowledged after %1 ms").arg(best)));
}
#endif

// ---- rainy day ---------------------------------------------------------------------------

void tst_StompClient::transactionAbortedOnDrop_data()
{
    addModeRows();
}

void tst_StompClient::transactionAbortedOnDrop()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy aborted(&client, &StompClient::transactionAborted);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);

    const QString open1 = client.begin();
    const QString committed = client.begin();
    const QString open2 = client.begin(QStringLiteral("open-2"));
    const QString rolledBack = client.begin();
    client.commit(committed);
    client.abort(rolledBack);
    QVERIFY(connection->waitForFrameCount(StompFrame::Abort, 1));

    connection->abort();
    QTRY_COMPARE(disconnected.count(), 1);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::RemoteClosed});
    QCOMPARE(client.error(), StompClient::RemoteClosed);
    QStringList reported;
    for (const QList<QVariant> &args : aborted)
        reported << args.first().toString();
    reported.sort();
    QStringList expected{open1, open2};
    expected.sort();
    QCOMPARE(reported, expected);
}

void tst_StompClient::receiptTimeout_data()
{
    addModeRows();
}

void tst_StompClient::receiptTimeout()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setAutoReceipt(false);
    StompClient client;
    configure(client, server, mode);
    client.setReceiptTimeout(300);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy receipts(&client, &StompClient::receiptReceived);

    QElapsedTimer timer;
    timer.start();
    const QString answered = client.send(QStringLiteral("/queue/r"), "a", {}, StompClient::WithReceipt);
    const QString lost = client.send(QStringLiteral("/queue/r"), "b", {}, StompClient::WithReceipt);
    QVERIFY(connection->waitForFrameCount(StompFrame::Send, 2));
    connection->sendReceipt(answered.toUtf8());
    // Nothing will answer `lost`: the wait ends with the receipt timeout, not its own.
    QVERIFY(!client.waitForReceipt(lost, 10000));
    const qint64 took = timer.elapsed();
    QVERIFY2(took >= 250 && took < 5000, qPrintable(QString::number(took)));

    QTRY_COMPARE(errors.count(), 1);
    QCOMPARE(errorsOf(errors).first(), StompClient::ReceiptTimeout);
    QCOMPARE(errors.first().at(1).toString(), lost);
    QTRY_COMPARE(receipts.count(), 1);
    QCOMPARE(receipts.first().first().toString(), answered);
    QVERIFY(client.waitForReceipt(answered, 0));
    // A lost receipt does not end the session.
    QCOMPARE(client.state(), StompClient::Connected);
    // A receipt that arrives after its timeout is still reported, but the wait stays failed.
    connection->sendReceipt(lost.toUtf8());
    QTRY_COMPARE(receipts.count(), 2);
}

void tst_StompClient::heartbeatTimeout_data()
{
    addModeRows();
}

void tst_StompClient::heartbeatTimeout()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectedHeaders({{"version", "1.2"}, {"heart-beat", "100,0"}});
    StompClient client;
    configure(client, server, mode);
    client.setHeartbeat(0, 100);
    QCOMPARE(client.heartbeatTolerance(), 2.0);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    connection->setHeartbeatInterval(40);
    QCOMPARE(client.negotiatedIncomingHeartbeat(), 100);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);

    // Heart-beats keep it alive for many intervals (a check for absence needs a plain wait).
    QTest::qWait(800);
    QVERIFY(errors.isEmpty());
    QCOMPARE(client.state(), StompClient::Connected);

    // Then the server falls silent: dead after 2 x 100 ms (checked every 25 ms).
    QElapsedTimer timer;
    timer.start();
    connection->setSilent(true);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 5000);
    const qint64 took = timer.elapsed();
    QVERIFY2(took >= 140 && took < 2000, qPrintable(QString::number(took)));
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::HeartbeatTimeout});
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), StompClient::HeartbeatTimeout);
    QVERIFY(connection->waitForClosed());
}

void tst_StompClient::errorMidStream_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QByteArray>("messageHeader");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("message header/%s", name)
                << mode << QByteArray("boom") << QByteArray("details") << QStringLiteral("boom");
        QTest::addRow("body only/%s", name)
                << mode << QByteArray() << QByteArray("only a body") << QStringLiteral("only a body");
    }
}

void tst_StompClient::errorMidStream()
{
    QFETCH(Mode, mode);
    QFETCH(QByteArray, messageHeader);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setAutoReceipt(false);
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy serverErrors(&client, &StompClient::serverErrorReceived);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QSignalSpy messages(&client, &StompClient::messageReceived);

    const QString receipt = client.send(QStringLiteral("/queue/e"), "x", {}, StompClient::WithReceipt);
    QVERIFY(connection->takeFrame(StompFrame::Send).isValid());
    connection->sendMessage("/queue/a", "s", "1", "before");
    StompFrame error(StompFrame::Error, {{"receipt-id", receipt.toUtf8()}}, body);
    if (!messageHeader.isEmpty())
        error.addHeader("message", messageHeader);
    connection->sendFrame(error);
    connection->sendMessage("/queue/a", "s", "2", "after"); // never delivered

    QTRY_COMPARE(disconnected.count(), 1);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::ServerError});
    QCOMPARE(errors.first().at(1).toString(), expected);
    QCOMPARE(serverErrors.count(), 1);
    const StompFrame got = serverErrors.first().first().value<StompFrame>();
    QCOMPARE(got.command(), StompFrame::Error);
    QCOMPARE(got.body(), body);
    QCOMPARE(got.receiptId(), receipt);
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), StompClient::ServerError);
    QCOMPARE(client.errorString(), expected);
    QCOMPARE(bodiesOf(messages), QByteArrayList{"before"});
    QVERIFY(!client.waitForReceipt(receipt, 0));
    QVERIFY(connection->waitForClosed());
}

void tst_StompClient::closedWhileReadingPaused_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("queued"); // false: a WorkerThread client whose own thread is busy
    QTest::addColumn<bool>("errorFrame");
    for (const bool errorFrame : {false, true}) {
        const char *ending = errorFrame ? "ERROR then close" : "close";
        for (const auto &[name, mode] : kModes)
            QTest::addRow("full queue/%s/%s", ending, name) << mode << true << errorFrame;
        QTest::addRow("busy client thread/%s/worker", ending) << StompClient::WorkerThread << false << errorFrame;
    }
}

// The server sends more than the client takes in while its reading is paused (a full
// StompMessageQueue; in WorkerThread mode a client thread behind on its batches), then closes.
// Everything sent before the close still arrives, in order, and the close is reported with the
// server's own reason (its ERROR) rather than as a bare RemoteClosed. The client used to leave
// the bytes in the socket unread and report RemoteClosed: a paused reader lost the messages.
void tst_StompClient::closedWhileReadingPaused()
{
    QFETCH(Mode, mode);
    QFETCH(bool, queued);
    QFETCH(bool, errorFrame);
    constexpr int kMessages = 300; // 1 KiB each: several of the client's 64 KiB reads

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    client.setReadHighWaterMark(4096);
    std::optional<StompMessageQueue> queue;
    if (queued)
        queue.emplace(&client, 4);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QSignalSpy messages(&client, &StompClient::messageReceived);
    QVERIFY(client.subscribe(QStringLiteral("/queue/p"), StompClient::AckAuto, {}, QStringLiteral("s")));
    QVERIFY(connection->takeFrame(StompFrame::Subscribe).isValid());

    QByteArrayList sent;
    QByteArray bytes = numberedMessages(kMessages, &sent);
    if (errorFrame)
        bytes += StompFrameEncoder::encode(StompFrame(StompFrame::Error, {{"message", "going away"}}), Version::V1_2);
    connection->sendRaw(bytes);
    connection->close();
    if (!queued)
        QThread::msleep(1000); // busy: the worker's batches wait, it pauses, the close comes

    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, WaitMs);
    QCOMPARE(client.state(), StompClient::Disconnected);
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errorsOf(errors).first(), errorFrame ? StompClient::ServerError : StompClient::RemoteClosed);
    QByteArrayList delivered;
    if (queued) {
        QVERIFY(messages.isEmpty());
        while (std::optional<StompFrame> m = queue->tryTake())
            delivered.append(m->body());
    } else {
        delivered = bodiesOf(messages);
    }
    QCOMPARE(delivered.size(), kMessages);
    QCOMPARE(delivered, sent);
}

// A StompMessageQueue of 4 on a client subscribed to "s" of a FakeStompServer, for the
// tests of a paused reader: flood() has the server send more 1 KiB messages than the
// client's 1 MiB socket buffer holds, so reading pauses with that buffer full and the rest
// (and whatever the server sends after) waits in TCP.
namespace {
struct PausedQueue
{
    static constexpr int kMessages = 1500;
    FakeStompServer server;
    StompClient client;
    std::optional<StompMessageQueue> queue;
    FakeStompConnection *connection = nullptr;
    QByteArrayList sent;
    QByteArrayList taken;

    /// Listens, and configures the client for \a mode; the test adds its settings after.
    bool listen(Mode mode)
    {
        if (!server.listen())
            return false;
        configure(client, server, mode);
        return true;
    }
    /// Attaches the queue, connects and subscribes.
    bool open()
    {
        queue.emplace(&client, 4);
        connection = connectTo(client, server);
        return connection
                && client.subscribe(QStringLiteral("/queue/p"), StompClient::AckAuto, {}, QStringLiteral("s"))
                && connection->takeFrame(StompFrame::Subscribe).isValid();
    }
    void flood() { connection->sendRaw(numberedMessages(kMessages, &sent)); }
    /// Takes what the queue holds now; true once every message sent is taken.
    bool takeAll()
    {
        while (std::optional<StompFrame> m = queue->tryTake())
            taken.append(m->body());
        return taken.size() >= sent.size();
    }
};
} // namespace

void tst_StompClient::pausedReaderOutlivesTimeouts_data()
{
    addModeRows();
}

// A queue consumer slower than the server's heart-beat and than frameTimeout. Once the
// client's socket buffer is full, TCP holds the server back, its heart-beats included; and
// the frame cut by the client's last read waits for its rest unread. Both are the consumer's
// doing, not a dead or stalled server: the client used to fail with HeartbeatTimeout or
// SocketTimeout and lose what it had buffered. Everything arrives once the consumer takes it.
void tst_StompClient::pausedReaderOutlivesTimeouts()
{
    QFETCH(Mode, mode);
    PausedQueue t;
    QVERIFY(t.listen(mode));
    t.server.setConnectedHeaders({{"version", "1.2"}, {"heart-beat", "100,0"}});
    t.client.setHeartbeat(0, 100);
    t.client.setFrameTimeout(200);
    QVERIFY(t.open());
    QCOMPARE(t.client.negotiatedIncomingHeartbeat(), 100);
    t.connection->setHeartbeatInterval(40);
    QSignalSpy errors(&t.client, &StompClient::errorOccurred);

    t.flood();
    QTest::qWait(1500); // 15 heart-beat intervals, 7 frame timeouts without taking anything
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QCOMPARE(t.client.state(), StompClient::Connected);
    QVERIFY(t.queue->isFlowControlled());
    QVERIFY(t.queue->size() < PausedQueue::kMessages / 2);

    QTRY_VERIFY_WITH_TIMEOUT(t.takeAll(), WaitMs);
    QCOMPARE(t.taken, t.sent);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    // The heart-beats held back behind the messages arrive too: the server is alive.
    QTest::qWait(300);
    QCOMPARE(t.client.state(), StompClient::Connected);
}

void tst_StompClient::disconnectWhileReadingPaused_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("flood"); // the server keeps sending and never answers
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("RECEIPT/%s", name) << mode << false;
        QTest::addRow("flood, no RECEIPT/%s", name) << mode << true;
    }
}

// disconnectFromHost() while a full StompMessageQueue has reading paused: the RECEIPT for the
// DISCONNECT comes behind the messages the server sent before it, and a server may wait for
// the client to close. The client reads on through them (they go onto the queue, past its
// capacity), so the disconnect ends on that RECEIPT with every message kept, instead of
// waiting socketTimeout for it and closing with the messages unread. A server that floods
// the client after its DISCONNECT instead gets no more than readHighWaterMark bytes read
// through; the disconnect then ends at socketTimeout, the queue bounded.
void tst_StompClient::disconnectWhileReadingPaused()
{
    QFETCH(Mode, mode);
    QFETCH(bool, flood);
    PausedQueue t;
    QVERIFY(t.listen(mode));
    t.server.setDisconnectReply(FakeStompServer::DisconnectReply::Ignore); // the test answers
    t.client.setSocketTimeout(flood ? 1000 : 60000);
    t.client.setReadHighWaterMark(2 * 1024 * 1024);
    QVERIFY(t.open());
    QSignalSpy errors(&t.client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&t.client, &StompClient::disconnected);

    t.flood();
    QTRY_VERIFY_WITH_TIMEOUT(t.queue->isFlowControlled(), WaitMs);
    t.client.disconnectFromHost();
    const StompFrame disconnect = t.connection->takeFrame(StompFrame::Disconnect);
    QVERIFY(disconnect.isValid());
    if (flood) {
        // 40 MiB more: without a bound it would all end up on the queue.
        QByteArrayList more;
        t.connection->sendRaw(numberedMessages(40 * 1024, &more));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, WaitMs); // at socketTimeout
        QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
        QVERIFY(t.connection->waitForClosed());
        // Read: what paused the queue, one chunk, then 2 MiB and one chunk over it (~2.2 MiB).
        const int queued = t.queue->size();
        QVERIFY2(queued > PausedQueue::kMessages && queued < 4000, QByteArray::number(queued));
        t.takeAll();
        QCOMPARE(t.taken.size(), queued);
        QCOMPARE(t.taken.mid(0, PausedQueue::kMessages), t.sent); // in order, nothing skipped
        QCOMPARE(t.taken.mid(PausedQueue::kMessages), more.mid(0, queued - PausedQueue::kMessages));
        return;
    }
    t.connection->sendReceipt(disconnect.header("receipt"));
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, WaitMs); // on the RECEIPT, not at 60 s
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QVERIFY(t.connection->waitForClosed()); // the client closed
    QVERIFY(t.takeAll());
    QCOMPARE(t.taken, t.sent);
}

void tst_StompClient::receiptWhileReadingPaused_data()
{
    addModeRows();
}

// A receipt requested while a full StompMessageQueue holds reading back: its RECEIPT waits
// unread behind the messages, however long the consumer takes. That is not a lost receipt
// (the client used to report ReceiptTimeout, and then ignore the RECEIPT when it came); the
// clock counts from when reading resumes.
void tst_StompClient::receiptWhileReadingPaused()
{
    QFETCH(Mode, mode);
    PausedQueue t;
    QVERIFY(t.listen(mode));
    t.client.setReceiptTimeout(200);
    QVERIFY(t.open());
    QSignalSpy errors(&t.client, &StompClient::errorOccurred);
    QSignalSpy receipts(&t.client, &StompClient::receiptReceived);

    t.flood();
    QTRY_VERIFY_WITH_TIMEOUT(t.queue->isFlowControlled(), WaitMs);
    const QString receipt = t.client.send(QStringLiteral("/queue/r"), "x", {}, StompClient::WithReceipt);
    QVERIFY(!receipt.isEmpty());
    QVERIFY(t.connection->takeFrame(StompFrame::Send).isValid()); // answered behind the messages
    QTest::qWait(1000); // 5 receipt timeouts without taking anything
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QVERIFY(receipts.isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(t.takeAll() && !receipts.isEmpty(), WaitMs);
    QCOMPARE(t.taken, t.sent);
    QCOMPARE(receipts.count(), 1);
    QCOMPARE(receipts.first().first().toString(), receipt);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QCOMPARE(t.client.state(), StompClient::Connected);
}

void tst_StompClient::errorAnswersConnect_data()
{
    addModeRows();
}

void tst_StompClient::errorAnswersConnect()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectReply(FakeStompServer::ConnectReply::Error);
    server.setConnectErrorMessage("Access refused for user 'mallory'");
    StompClient client;
    configure(client, server, mode);
    client.setLogin(QStringLiteral("mallory"));
    client.setPasscode(QStringLiteral("wrong"));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy serverErrors(&client, &StompClient::serverErrorReceived);
    QSignalSpy connected(&client, &StompClient::connected);
    QSignalSpy disconnected(&client, &StompClient::disconnected);

    client.connectToHost();
    QTRY_COMPARE(disconnected.count(), 1);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::AuthenticationFailed});
    QCOMPARE(errors.first().at(1).toString(), QStringLiteral("Access refused for user 'mallory'"));
    QCOMPARE(serverErrors.count(), 1);
    QCOMPARE(serverErrors.first().first().value<StompFrame>().message(),
             QStringLiteral("Access refused for user 'mallory'"));
    QVERIFY(connected.isEmpty());
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), StompClient::AuthenticationFailed);
    QVERIFY(!client.waitForConnected(0));
    // No reconnect loop: exactly one connection was made.
    QCOMPARE(server.connectionCount(), 1);
}

void tst_StompClient::connectNeverAnswered_data()
{
    addModeRows();
}

void tst_StompClient::connectNeverAnswered()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    StompClient client;
    configure(client, server, mode);
    client.setSocketTimeout(400);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);

    QElapsedTimer timer;
    timer.start();
    client.connectToHost();
    // Queued while connecting, dropped when the attempt fails.
    const QString receipt = client.send(QStringLiteral("/queue/q"), "lost", {}, StompClient::WithReceipt);
    FakeStompConnection *connection = server.waitForConnect();
    QVERIFY(connection);
    QVERIFY(!client.waitForConnected(10000)); // bounded by socketTimeout, not by 10 s
    const qint64 took = timer.elapsed();
    QVERIFY2(took >= 350 && took < 5000, qPrintable(QString::number(took)));

    QTRY_COMPARE(disconnected.count(), 1);
    const QList<StompClient::Error> seen = errorsOf(errors);
    QVERIFY(!seen.isEmpty());
    QCOMPARE(seen.first(), StompClient::SocketTimeout);
    QVERIFY(seen.contains(StompClient::NotConnected)); // the queued SEND was not sent
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), StompClient::SocketTimeout);
    QVERIFY(!client.waitForReceipt(receipt, 0));
    QVERIFY(connection->waitForClosed());
    QCOMPARE(connection->frameCount(StompFrame::Send), 0);
}

void tst_StompClient::malformedFrame_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxBodySize");       // 0: default limits
    QTest::addColumn<int>("maxHeaderCount");
    QTest::addColumn<int>("maxHeaderLineLength");
    QTest::addColumn<StompClient::Error>("expected");

    const QByteArray headers = "destination:/queue/a\nmessage-id:1\nsubscription:s\n";
    QByteArray manyHeaders = "MESSAGE\n" + headers;
    for (int i = 0; i < 20; ++i)
        manyHeaders += "x-" + QByteArray::number(i) + ":v\n";
    manyHeaders += "\nbody" + QByteArray(1, '\0');

    const struct Row {
        const char *name;
        QByteArray bytes;
        int maxBody, maxHeaders, maxLine;
        StompClient::Error expected;
    } rows[] = {
        {"garbage command", QByteArray("HELLO\n\n\0", 8), 0, 0, 0, StompClient::ProtocolError},
        {"lowercase command", "message\n" + headers + "\nx" + QByteArray(1, '\0'), 0, 0, 0,
         StompClient::ProtocolError},
        {"binary garbage", QByteArray("\x01\x02\xff\xfe\n\n\0", 7), 0, 0, 0, StompClient::ProtocolError},
        {"bad escape", "MESSAGE\n" + headers + "x-bad:a\\tb\n\nx" + QByteArray(1, '\0'), 0, 0, 0,
         StompClient::ProtocolError},
        {"header without colon", "MESSAGE\n" + headers + "nocolon\n\nx" + QByteArray(1, '\0'), 0, 0,
         0, StompClient::ProtocolError},
        {"missing NUL after content-length", "MESSAGE\n" + headers + "content-length:3\n\nabcX\n", 0,
         0, 0, StompClient::ProtocolError},
        {"invalid content-length", "MESSAGE\n" + headers + "content-length:12a\n\nabc" + QByteArray(1, '\0'),
         0, 0, 0, StompClient::ProtocolError},
        {"unexpected server frame", "SEND\ndestination:/queue/a\n\nx" + QByteArray(1, '\0'), 0, 0, 0,
         StompClient::ProtocolError},
        {"second CONNECTED", "CONNECTED\nversion:1.2\n\n" + QByteArray(1, '\0'), 0, 0, 0,
         StompClient::ProtocolError},
        {"huge content-length", "MESSAGE\n" + headers + "content-length:999999999999\n\n", 1024 * 1024,
         0, 0, StompClient::FrameTooLarge},
        {"body beyond limit without content-length",
         "MESSAGE\n" + headers + "\n" + QByteArray(8192, 'b') + QByteArray(1, '\0'), 1024, 0, 0,
         StompClient::FrameTooLarge},
        {"too many headers", manyHeaders, 0, 10, 0, StompClient::FrameTooLarge},
        {"header line too long", "MESSAGE\n" + headers + "x-long:" + QByteArray(4096, 'l') + "\n\n"
                 + QByteArray(1, '\0'),
         0, 0, 512, StompClient::FrameTooLarge},
    };
    for (const auto &[modeName, mode] : kModes) {
        for (const Row &r : rows)
            QTest::addRow("%s/%s", r.name, modeName)
                    << mode << r.bytes << r.maxBody << r.maxHeaders << r.maxLine << r.expected;
    }
}

void tst_StompClient::malformedFrame()
{
    QFETCH(Mode, mode);
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxBodySize);
    QFETCH(int, maxHeaderCount);
    QFETCH(int, maxHeaderLineLength);
    QFETCH(StompClient::Error, expected);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    StompParserLimits limits;
    if (maxBodySize > 0)
        limits.maxBodySize = maxBodySize;
    if (maxHeaderCount > 0)
        limits.maxHeaderCount = maxHeaderCount;
    if (maxHeaderLineLength > 0)
        limits.maxHeaderLineLength = maxHeaderLineLength;
    client.setParserLimits(limits);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QSignalSpy messages(&client, &StompClient::messageReceived);

    // A good frame first: what came before the bad bytes is still delivered.
    connection->sendMessage("/queue/a", "s", "0", "good");
    connection->sendRaw(bytes);

    QTRY_COMPARE(disconnected.count(), 1);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{expected});
    QVERIFY(!errors.first().at(1).toString().isEmpty());
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), expected);
    QCOMPARE(bodiesOf(messages), QByteArrayList{"good"});
    QVERIFY(connection->waitForClosed());

    // The client is usable again.
    FakeStompConnection *second = connectTo(client, server, 1);
    QVERIFY(second);
    QCOMPARE(client.error(), StompClient::NoError);
    second->sendMessage("/queue/a", "s", "1", "fresh");
    QTRY_COMPARE(messages.count(), 2);
}

void tst_StompClient::connectionRefused_data()
{
    addModeRows();
}

void tst_StompClient::connectionRefused()
{
    QFETCH(Mode, mode);

    quint16 port = 0;
    {
        FakeStompServer server; // take a free port, then give it back
        QVERIFY(server.listen());
        port = server.port();
    }
    StompClient client;
    client.setListenerMode(mode);
    client.setHost(QStringLiteral("127.0.0.1"));
    client.setPort(port);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QSignalSpy connected(&client, &StompClient::connected);

    client.connectToHost();
    QVERIFY(!client.waitForConnected(5000)); // nothing to serve here: a blocking wait is fine
    QTRY_COMPARE(disconnected.count(), 1);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::ConnectionRefused});
    QCOMPARE(client.error(), StompClient::ConnectionRefused);
    QVERIFY(!client.errorString().isEmpty());
    QCOMPARE(client.state(), StompClient::Disconnected);
    QVERIFY(connected.isEmpty());
}

void tst_StompClient::sendWhenDisconnected_data()
{
    addModeRows();
}

void tst_StompClient::sendWhenDisconnected()
{
    QFETCH(Mode, mode);

    StompClient client;
    client.setListenerMode(mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);

    QElapsedTimer timer;
    timer.start();
    client.send(QStringLiteral("/queue/x"), "nowhere");
    const QString receipt = client.send(QStringLiteral("/queue/x"), "nowhere", {}, StompClient::WithReceipt);
    QVERIFY(!receipt.isEmpty());
    QVERIFY(!client.waitForReceipt(receipt, 5000)); // fails at once, not after 5 s
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    client.begin(QStringLiteral("tx"));
    client.ack(message("s", "1", "x"));
    QTRY_COMPARE(errors.count(), 4);
    for (StompClient::Error e : errorsOf(errors))
        QCOMPARE(e, StompClient::NotConnected);
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.bytesToWrite(), 0);
}

void tst_StompClient::deletedSubscriptionIsForgotten_data()
{
    addModeRows();
}

// The client owns its subscriptions, but a user may still delete one (QObject habit). The
// client must then stop routing to it instead of delivering to freed memory.
void tst_StompClient::deletedSubscriptionIsForgotten()
{
    QFETCH(Mode, mode);

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    FakeStompConnection *connection = connectTo(client, server);
    QVERIFY(connection);
    StompSubscription *kept = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckAuto, {},
                                               QStringLiteral("kept"));
    StompSubscription *doomed = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckAuto,
                                                 {}, QStringLiteral("doomed"));
    QVERIFY(connection->waitForFrameCount(StompFrame::Subscribe, 2));
    QSignalSpy keptMessages(kept, &StompSubscription::messageReceived);
    QSignalSpy all(&client, &StompClient::messageReceived);

    delete doomed;
    QCOMPARE(client.subscriptions(), QList<StompSubscription *>{kept});
    connection->sendMessage("/queue/a", "doomed", "m1", "nobody's");
    connection->sendMessage("/queue/a", "kept", "m2", "kept's");
    QTRY_COMPARE(all.count(), 2);
    QCOMPARE(bodiesOf(keptMessages), QByteArrayList{"kept's"});
    // The id is free again.
    QVERIFY(client.subscribe(QStringLiteral("/queue/b"), StompClient::AckAuto, {}, QStringLiteral("doomed")));
}

void tst_StompClient::deletedInItsOwnHandler_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("handler");
    for (const auto &[name, mode] : kModes) {
        for (const char *handler : {"connected", "messageReceived", "subscription handler",
                                    "subscription signal", "receiptReceived", "errorOccurred",
                                    "unsubscribed", "disconnected"})
            QTest::addRow("%s/%s", handler, name) << mode << QString::fromLatin1(handler);
    }
}

// QObject habit says deleteLater(), but a plain `delete client` in one of its own handlers
// must not touch freed memory: the client's and the connection's code that called the handler
// is still on the stack (in CallerThread mode the whole read loop), and more frames of the
// same read wait behind the one being handled. glibc is told to scribble over freed blocks, so
// that code reading them goes wrong visibly instead of by luck.
void tst_StompClient::deletedInItsOwnHandler()
{
    QFETCH(Mode, mode);
    QFETCH(QString, handler);
    const auto scribble = scribbleOverFreedMemory();

    FakeStompServer server;
    QVERIFY(server.listen());
    auto *client = new StompClient;
    const QPointer<StompClient> alive(client);
    auto cleanup = qScopeGuard([&] { delete alive.data(); });
    configure(*client, server, mode);
    int calls = 0;
    auto kill = [&] {
        ++calls;
        delete alive.data();
    };
    if (handler == QLatin1String("connected")) {
        // A subscription made while connecting waits for CONNECTED behind the handler.
        QObject::connect(client, &StompClient::connected, kill);
        client->connectToHost();
        client->subscribe(QStringLiteral("/queue/a"));
        FakeStompConnection *connection = server.waitForConnect(0, WaitMs);
        QVERIFY(connection);
        QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), WaitMs);
        QVERIFY(connection->waitForClosed());
        QTest::qWait(20);
        QCOMPARE(calls, 1);
        // No DISCONNECT. In WorkerThread mode the worker flushed the SUBSCRIBE on CONNECTED,
        // before connected() reached this thread.
        const StompFrame::Command last = connection->frames().last().command();
        QVERIFY2(last == StompFrame::Connect || (mode == StompClient::WorkerThread && last == StompFrame::Subscribe),
                 qPrintable(QString::number(int(last))));
        return;
    }
    FakeStompConnection *connection = connectTo(*client, server);
    QVERIFY(connection);
    StompSubscription *a = client->subscribe(QStringLiteral("/queue/a"), StompClient::AckAuto, {},
                                             QStringLiteral("a"));
    StompSubscription *b = client->subscribe(QStringLiteral("/queue/a"), StompClient::AckAuto, {},
                                             QStringLiteral("b"));
    QVERIFY(connection->waitForFrameCount(StompFrame::Subscribe, 2));

    if (handler == QLatin1String("messageReceived"))
        QObject::connect(client, &StompClient::messageReceived, kill);
    else if (handler == QLatin1String("subscription handler"))
        a->setHandler([&](const StompFrame &) { kill(); });
    else if (handler == QLatin1String("subscription signal"))
        QObject::connect(a, &StompSubscription::messageReceived, kill);
    else if (handler == QLatin1String("receiptReceived"))
        QObject::connect(client, &StompClient::receiptReceived, kill);
    else if (handler == QLatin1String("errorOccurred"))
        QObject::connect(client, &StompClient::errorOccurred, kill);
    else if (handler == QLatin1String("unsubscribed")) // whichever is told first
        for (StompSubscription *s : {a, b})
            QObject::connect(s, &StompSubscription::unsubscribed, kill);
    else
        QObject::connect(client, &StompClient::disconnected, kill);

    // One write: the frame whose handler deletes the client, then more for both subscriptions.
    QByteArray bytes;
    if (handler == QLatin1String("receiptReceived"))
        bytes += encoded(StompFrame(StompFrame::Receipt, {{"receipt-id", "r-1"}}));
    else if (handler == QLatin1String("errorOccurred"))
        bytes += encoded(StompFrame(StompFrame::Error, {{"message", "go away"}}));
    for (int i = 0; i < 20; ++i)
        bytes += encoded(message(i % 2 ? "b" : "a", "m" + QByteArray::number(i), "body"));
    connection->sendRaw(bytes);
    const bool closes = handler == QLatin1String("unsubscribed") || handler == QLatin1String("disconnected");
    if (closes)
        connection->close();

    QTRY_VERIFY_WITH_TIMEOUT(alive.isNull(), WaitMs);
    QVERIFY(connection->waitForClosed()); // the client's socket closed with it
    QTest::qWait(20); // what the client left to deleteLater() is deleted now
    QCOMPARE(calls, 1);
    if (!closes) // nothing reached the server after the subscriptions
        QCOMPARE(connection->frames().last().command(), StompFrame::Subscribe);
}

// setListenerMode() replaces the connection; called from disconnected(), the old one is still
// on the stack (CallerThread: its close emitted the signal). It must survive until it has
// returned, and the client must work in the new mode.
void tst_StompClient::listenerModeChangedInDisconnectedHandler()
{
    const auto scribble = scribbleOverFreedMemory();
    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, StompClient::CallerThread);
    FakeStompConnection *first = connectTo(client, server);
    QVERIFY(first);
    bool switched = false;
    QObject::connect(&client, &StompClient::disconnected, &client, [&] {
        if (!switched) {
            switched = true;
            client.setListenerMode(StompClient::WorkerThread);
        }
    });
    first->close();
    QTRY_VERIFY_WITH_TIMEOUT(switched, WaitMs);
    QCOMPARE(client.listenerMode(), StompClient::WorkerThread);
    QTest::qWait(20); // the old connection is deleted now

    FakeStompConnection *second = connectTo(client, server, 1);
    QVERIFY(second);
    QSignalSpy messages(&client, &StompClient::messageReceived);
    client.subscribe(QStringLiteral("/queue/a"), StompClient::AckAuto, {}, QStringLiteral("s"));
    QVERIFY(second->waitForFrameCount(StompFrame::Subscribe, 1));
    second->sendMessage("/queue/a", "s", "m1", "after the switch");
    QTRY_COMPARE(bodiesOf(messages), QByteArrayList{"after the switch"});
}

QTEST_MAIN(tst_StompClient)
#include "tst_stompclient.moc"
