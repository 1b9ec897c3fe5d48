// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// Reconnect and failover: the broker list (and ActiveMQ's failover: URL) against the real
// RabbitMQ of this run, and against the in-process FakeStompServer what only a scripted
// server can show: the backoff delays, the attempt limit, the replay of subscriptions before
// the sends queued while disconnected, the bound on that queue, and an authentication
// failure that is not retried (unless a credentials provider has fresh credentials).
//
// The fake server lives in the test's thread, so these tests wait with QTRY_* (which spins
// the event loop) and never with the client's blocking wait*() while the server must answer.

#include "brokerenv.h"
#include "fakestompserver.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qdebug.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/quuid.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <array>
#include <atomic>
#include <memory>

using namespace StompTest;

namespace {

StompReconnectPolicy policy(int initialDelay, int maxDelay = 1000, double multiplier = 2.0,
                            double jitter = 0.0, int maxAttempts = -1)
{
    StompReconnectPolicy p;
    p.enabled = true;
    p.initialDelay = initialDelay;
    p.maxDelay = maxDelay;
    p.multiplier = multiplier;
    p.jitter = jitter;
    p.maxAttempts = maxAttempts;
    return p;
}

void configure(StompClient &client, const FakeStompServer &server, Mode mode)
{
    client.setListenerMode(mode);
    client.setHost(server.host());
    client.setPort(server.port());
    client.setSocketTimeout(WaitMs);
    client.setReceiptTimeout(WaitMs);
}

QList<StompFrame::Command> commandsOf(const QList<StompFrame> &frames)
{
    QList<StompFrame::Command> out;
    for (const StompFrame &f : frames)
        out.append(f.command());
    return out;
}

StompHeaders withoutReceipt(const StompFrame &frame)
{
    StompFrame copy = frame;
    copy.removeHeader("receipt");
    return copy.headers();
}

QString displayName(const QString &host, quint16 port)
{
    return QStringLiteral("stomp://%1:%2").arg(host).arg(port);
}

} // namespace

class tst_StompReconnect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // ---- happy ----------------------------------------------------------------------------
    void failoverUrlParses_data();
    void failoverUrlParses();
    void failoverToSecondBroker_data();
    void failoverToSecondBroker();
    void subscriptionsReplayedBeforeQueuedSends_data();
    void subscriptionsReplayedBeforeQueuedSends();
    void freshCredentialsAccepted_data();
    void freshCredentialsAccepted();

    // ---- rainy day ------------------------------------------------------------------------
    void reconnectOffByDefault_data();
    void reconnectOffByDefault();
    void backoffGrowsAndStops_data();
    void backoffGrowsAndStops();
    void queuedSendsBounded_data();
    void queuedSendsBounded();
    void acksStayWithTheirConnection_data();
    void acksStayWithTheirConnection();
    void authenticationFailureNotRetried_data();
    void authenticationFailureNotRetried();

private:
    static void addModeRows();
};

void tst_StompReconnect::initTestCase()
{
    qRegisterMetaType<StompFrame>();
}

void tst_StompReconnect::addModeRows()
{
    QTest::addColumn<Mode>("mode");
    for (const auto &[name, mode] : kModes)
        QTest::newRow(name) << mode;
}

// ---- happy ------------------------------------------------------------------------------------

void tst_StompReconnect::failoverUrlParses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QList<QUrl>>("brokers");
    QTest::addColumn<bool>("shuffle");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("passcode");

    QTest::newRow("randomize=false")
            << QStringLiteral("failover:(stomp://127.0.0.1:1,stomp://broker.example:61613)?randomize=false")
            << QList<QUrl>{QUrl(QStringLiteral("stomp://127.0.0.1:1")),
                           QUrl(QStringLiteral("stomp://broker.example:61613"))}
            << false << QStringLiteral("127.0.0.1") << 1 << QString() << QString();
    QTest::newRow("randomized by default (ActiveMQ's default)")
            << QStringLiteral("failover:(stomp://a.example:1001,stomp://b.example:1002)")
            << QList<QUrl>{QUrl(QStringLiteral("stomp://a.example:1001")),
                           QUrl(QStringLiteral("stomp://b.example:1002"))}
            << true << QStringLiteral("a.example") << 1001 << QString() << QString();
    QTest::newRow("three transports")
            << QStringLiteral("failover:(stomp+ssl://a.example:61614,ws://b.example:15674/ws,"
                              "stomp://c.example)?randomize=false")
            << QList<QUrl>{QUrl(QStringLiteral("stomp+ssl://a.example:61614")),
                           QUrl(QStringLiteral("ws://b.example:15674/ws")),
                           QUrl(QStringLiteral("stomp://c.example"))}
            << false << QStringLiteral("a.example") << 61614 << QString() << QString();
    QTest::newRow("credentials of the first URL, never kept in the list")
            << QStringLiteral("failover:(stomp://user:secret@a.example:1001,stomp://b.example:1002)"
                              "?randomize=false")
            << QList<QUrl>{QUrl(QStringLiteral("stomp://user@a.example:1001")),
                           QUrl(QStringLiteral("stomp://b.example:1002"))}
            << false << QStringLiteral("a.example") << 1001 << QStringLiteral("user")
            << QStringLiteral("secret");
}

void tst_StompReconnect::failoverUrlParses()
{
    QFETCH(QString, url);
    QFETCH(QList<QUrl>, brokers);
    QFETCH(bool, shuffle);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, login);
    QFETCH(QString, passcode);

    StompClient client;
    QVERIFY(!client.reconnectEnabled()); // off by default
    QSignalSpy brokersChanged(&client, &StompClient::brokersChanged);
    client.setUrl(QUrl(url));
    QCOMPARE(client.brokers(), brokers);
    QVERIFY(brokersChanged.count() >= 1);
    QVERIFY(client.reconnectEnabled());
    QCOMPARE(client.reconnectPolicy().shuffle, shuffle);
    QCOMPARE(client.host(), host);
    QCOMPARE(int(client.port()), port);
    QCOMPARE(client.login(), login);
    QCOMPARE(client.passcode(), passcode);
    for (const QUrl &u : client.brokers())
        QVERIFY2(u.password().isEmpty(), qPrintable(u.toString()));
}

void tst_StompReconnect::failoverToSecondBroker_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("failoverUrl");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("broker list/%s", name) << mode << false;
        QTest::addRow("failover: URL/%s", name) << mode << true;
    }
}

void tst_StompReconnect::failoverToSecondBroker()
{
    QFETCH(Mode, mode);
    QFETCH(bool, failoverUrl);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());

    // Port 1 on loopback: nobody listens, the connection is refused at once.
    const QString dead = QStringLiteral("stomp://127.0.0.1:1");
    const QString live = displayName(env.host, env.port);

    StompClient client;
    client.setListenerMode(mode);
    if (failoverUrl) {
        client.setUrl(QUrl(QStringLiteral("failover:(%1,%2)?randomize=false").arg(dead, live)));
        StompReconnectPolicy p = client.reconnectPolicy();
        QVERIFY(p.enabled);
        QVERIFY(!p.shuffle);
        p.initialDelay = 50;
        p.jitter = 0;
        client.setReconnectPolicy(p);
    } else {
        client.setBrokers({QUrl(dead), QUrl(live)});
        client.setReconnectPolicy(policy(50));
    }
    QCOMPARE(client.brokers(), (QList<QUrl>{QUrl(dead), QUrl(live)}));
    client.setLogin(env.login);
    client.setPasscode(env.passcode);
    client.setVirtualHost(env.vhost);
    client.setSocketTimeout(BrokerWaitMs);
    client.setReceiptTimeout(BrokerWaitMs);

    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QSignalSpy connected(&client, &StompClient::connected);
    client.connectToHost();
    // WorkerThread: state() is the worker's at once, the signals follow through this
    // thread's event queue: wait for the last of them (connected()).
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, BrokerWaitMs);
    QCOMPARE(client.state(), StompClient::Connected);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::ConnectionRefused});
    QVERIFY2(!errors.at(0).at(1).toString().isEmpty(), "the refusal has a message");
    QCOMPARE(scheduled.count(), 1);
    QCOMPARE(scheduled.at(0).at(0).toInt(), 1);
    QCOMPARE(scheduled.at(0).at(1).toInt(), 50);
    QCOMPARE(scheduled.at(0).at(2).toString(), live);
    QCOMPARE(client.currentBroker(), live);
    QCOMPARE(client.reconnectAttempt(), 0);

    // It is a working connection.
    const QString queue = QStringLiteral("/queue/") + unique("failover");
    const QString subReceipt = unique("sub");
    StompSubscription *sub = client.subscribe(queue, StompClient::AckAuto,
                                              {{"receipt", subReceipt.toUtf8()}});
    QVERIFY(sub);
    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    QTRY_VERIFY_WITH_TIMEOUT(receipts.contains(QVariantList{subReceipt}), BrokerWaitMs);
    QSignalSpy received(sub, &StompSubscription::messageReceived);
    client.send(queue, "over the second broker");
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, BrokerWaitMs);
    QCOMPARE(received.at(0).at(0).value<StompFrame>().body(), QByteArray("over the second broker"));

    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, BrokerWaitMs);
    QCOMPARE(errors.count(), 1);
}

void tst_StompReconnect::subscriptionsReplayedBeforeQueuedSends_data()
{
    addModeRows();
}

void tst_StompReconnect::subscriptionsReplayedBeforeQueuedSends()
{
    QFETCH(Mode, mode);
    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    client.setReconnectPolicy(policy(100));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QSignalSpy reconnected(&client, &StompClient::reconnected);
    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    QSignalSpy disconnected(&client, &StompClient::disconnected);

    FakeStompConnection *first = connectTo(client, server);
    QVERIFY(first);
    StompSubscription *a = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckClientIndividual,
                                            {{"selector", "colour = 'red'"}, {"x-custom", "va:lue"}},
                                            QStringLiteral("sub-a"));
    StompSubscription *b = client.subscribe(QStringLiteral("/topic/b"), StompClient::AckAuto,
                                            {{"prefetch-count", "7"}});
    QVERIFY(a);
    QVERIFY(b);
    QVERIFY(first->waitForFrameCount(StompFrame::Subscribe, 2, WaitMs));
    const QList<StompFrame> original = first->frames(StompFrame::Subscribe);

    // The next connection is answered by hand, and its receipts too.
    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    server.setAutoReceipt(false);
    QSignalSpy states(&client, &StompClient::stateChanged);
    first->abort();
    QTRY_COMPARE_WITH_TIMEOUT(scheduled.count(), 1, WaitMs); // after state() in WorkerThread
    QCOMPARE(client.state(), StompClient::Reconnecting);
    QCOMPARE(scheduled.at(0).at(0).toInt(), 1);
    QCOMPARE(scheduled.at(0).at(1).toInt(), 100);
    QCOMPARE(scheduled.at(0).at(2).toString(), displayName(server.host(), server.port()));
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::RemoteClosed});
    QCOMPARE(disconnected.count(), 0); // a reconnect is not a disconnect
    QVERIFY(a->isActive());
    QVERIFY(b->isActive());

    // Sent while disconnected: queued, not lost and not refused.
    const QString r1 = client.send(QStringLiteral("/queue/q"), "one", {}, StompClient::WithReceipt);
    client.send(QStringLiteral("/queue/q"), "two");
    const QString r3 = client.send(QStringLiteral("/queue/q"), "three", {}, StompClient::WithReceipt);

    FakeStompConnection *second = server.waitForConnect(1, WaitMs);
    QVERIFY(second);
    QCOMPARE(second->frameCount(StompFrame::Send), 0);
    second->sendConnected();
    QVERIFY(second->waitForFrameCount(StompFrame::Subscribe, 2, WaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Connected, WaitMs);

    // The queued sends wait for the replay's receipts (a bounded look for a frame that must
    // not come).
    QTest::qWait(300);
    QCOMPARE(second->frameCount(StompFrame::Send), 0);
    QCOMPARE(reconnected.count(), 0);

    const QList<StompFrame> replayed = second->frames(StompFrame::Subscribe);
    QCOMPARE(replayed.size(), original.size());
    for (qsizetype i = 0; i < replayed.size(); ++i) {
        QCOMPARE(withoutReceipt(replayed.at(i)), withoutReceipt(original.at(i)));
        QVERIFY2(replayed.at(i).hasHeader("receipt"), "the replay asks for a receipt");
    }
    QCOMPARE(replayed.at(0).header("id"), QByteArray("sub-a"));
    QCOMPARE(replayed.at(1).header("id"), b->id().toUtf8());

    server.setAutoReceipt(true);
    for (const StompFrame &s : replayed)
        second->sendReceipt(s.header("receipt"));
    QVERIFY(second->waitForFrameCount(StompFrame::Send, 3, WaitMs));
    QCOMPARE(commandsOf(second->frames()),
             (QList<StompFrame::Command>{StompFrame::Connect, StompFrame::Subscribe,
                                         StompFrame::Subscribe, StompFrame::Send, StompFrame::Send,
                                         StompFrame::Send}));
    const QList<StompFrame> sends = second->frames(StompFrame::Send);
    QCOMPARE(sends.at(0).body(), QByteArray("one"));
    QCOMPARE(sends.at(1).body(), QByteArray("two"));
    QCOMPARE(sends.at(2).body(), QByteArray("three"));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.count(), 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(receipts.contains(QVariantList{r1}) && receipts.contains(QVariantList{r3}),
                             WaitMs);
    // The replay's receipts are the client's own business.
    for (const StompFrame &s : replayed)
        QVERIFY(!receipts.contains(QVariantList{QString::fromUtf8(s.header("receipt"))}));
    QCOMPARE(states.count(), 2);
    QCOMPARE(states.at(0).at(0).value<StompClient::State>(), StompClient::Reconnecting);
    QCOMPARE(states.at(1).at(0).value<StompClient::State>(), StompClient::Connected);

    // The same subscription objects go on receiving.
    QSignalSpy aMessages(a, &StompSubscription::messageReceived);
    second->sendMessage("/queue/a", "sub-a", "m-1", "after the reconnect");
    QTRY_COMPARE_WITH_TIMEOUT(aMessages.count(), 1, WaitMs);
    QCOMPARE(client.reconnectAttempt(), 0);
    QCOMPARE(errors.count(), 1);
}

void tst_StompReconnect::freshCredentialsAccepted_data()
{
    addModeRows();
}

void tst_StompReconnect::freshCredentialsAccepted()
{
    QFETCH(Mode, mode);
    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    // Only the fresh login is good.
    connect(&server, &FakeStompServer::newConnection, this, [](FakeStompConnection *c) {
        connect(c, &FakeStompConnection::frameReceived, c, [c](const StompFrame &f) {
            if (f.command() != StompFrame::Connect)
                return;
            if (f.header("login") == "fresh") {
                c->sendConnected();
            } else {
                c->sendError("access refused: bad credentials");
                c->close();
            }
        });
    });

    StompClient client;
    configure(client, server, mode);
    client.setReconnectPolicy(policy(50));
    auto calls = std::make_shared<std::atomic<int>>(0);
    client.setCredentialsProvider([calls] {
        return ++*calls == 1 ? std::pair{QStringLiteral("stale"), QStringLiteral("old-token")}
                             : std::pair{QStringLiteral("fresh"), QStringLiteral("new-token")};
    });
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    client.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Connected, WaitMs);
    QCOMPARE(server.connectionCount(), 2);
    QCOMPARE(server.connection(0)->frames(StompFrame::Connect).at(0).header("login"), QByteArray("stale"));
    QCOMPARE(server.connection(1)->frames(StompFrame::Connect).at(0).header("login"), QByteArray("fresh"));
    QCOMPARE(server.connection(1)->frames(StompFrame::Connect).at(0).header("passcode"),
             QByteArray("new-token"));
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::AuthenticationFailed});
    QCOMPARE(errors.at(0).at(1).toString(), QStringLiteral("access refused: bad credentials"));
    QCOMPARE(scheduled.count(), 1);
}

// ---- rainy day ---------------------------------------------------------------------------------

void tst_StompReconnect::reconnectOffByDefault_data()
{
    addModeRows();
}

void tst_StompReconnect::reconnectOffByDefault()
{
    QFETCH(Mode, mode);
    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    QVERIFY(!client.reconnectEnabled());
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    FakeStompConnection *first = connectTo(client, server);
    QVERIFY(first);
    StompSubscription *sub = client.subscribe(QStringLiteral("/queue/a"));
    QVERIFY(sub);
    first->abort();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, WaitMs);
    // state() is shared at once; in WorkerThread mode the signals follow through the event
    // queue of this thread.
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, WaitMs);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::RemoteClosed});
    QCOMPARE(scheduled.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!sub->isActive(), WaitMs);
    QTest::qWait(200);
    QCOMPARE(server.connectionCount(), 1);
}

void tst_StompReconnect::backoffGrowsAndStops_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("refuse"); // else: accept and close at once
    QTest::addColumn<int>("initialDelay");
    QTest::addColumn<double>("multiplier");
    QTest::addColumn<int>("maxDelay");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<QList<int>>("expected"); // the delays without jitter; size = maxAttempts

    struct Row
    {
        const char *name;
        int initialDelay;
        double multiplier;
        int maxDelay;
        double jitter;
        QList<int> expected;
    };
    const QList<Row> rows{
            {"doubling, capped", 20, 2.0, 160, 0.0, {20, 40, 80, 160, 160, 160}},
            {"tripling, capped", 20, 3.0, 100, 0.0, {20, 60, 100, 100}},
            {"constant", 30, 1.0, 1000, 0.0, {30, 30, 30}},
            {"jitter 50%", 40, 2.0, 200, 0.5, {40, 80, 160, 200, 200}},
    };
    for (const auto &[modeName, mode] : kModes) {
        for (const Row &r : rows) {
            for (bool refuse : {false, true}) {
                QTest::addRow("%s/%s/%s", r.name, refuse ? "refused" : "closed", modeName)
                        << mode << refuse << r.initialDelay << r.multiplier << r.maxDelay
                        << r.jitter << r.expected;
            }
        }
    }
}

void tst_StompReconnect::backoffGrowsAndStops()
{
    QFETCH(Mode, mode);
    QFETCH(bool, refuse);
    QFETCH(int, initialDelay);
    QFETCH(double, multiplier);
    QFETCH(int, maxDelay);
    QFETCH(double, jitter);
    QFETCH(QList<int>, expected);

    FakeStompServer server;
    QVERIFY(server.listen());
    const quint16 port = server.port();
    if (refuse)
        server.stopListening();
    else
        connect(&server, &FakeStompServer::newConnection, this, [](FakeStompConnection *c) { c->close(); });

    StompClient client;
    configure(client, server, mode);
    client.setPort(port);
    const int maxAttempts = int(expected.size());
    client.setReconnectPolicy(policy(initialDelay, maxDelay, multiplier, jitter, maxAttempts));

    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QSignalSpy states(&client, &StompClient::stateChanged);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QElapsedTimer elapsed;
    elapsed.start();
    client.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 20000);
    const qint64 took = elapsed.elapsed();
    QCOMPARE(client.state(), StompClient::Disconnected);

    QCOMPARE(scheduled.count(), maxAttempts);
    qint64 total = 0;
    for (int i = 0; i < maxAttempts; ++i) {
        const QList<QVariant> &args = scheduled.at(i);
        QCOMPARE(args.at(0).toInt(), i + 1);
        const int delay = args.at(1).toInt();
        total += delay;
        const int base = expected.at(i);
        if (jitter == 0.0) {
            QCOMPARE(delay, base);
        } else {
            QVERIFY2(delay >= int(base * (1 - jitter)) && delay <= int(base * (1 + jitter)) + 1,
                     qPrintable(QStringLiteral("attempt %1: %2 ms, base %3").arg(i + 1).arg(delay).arg(base)));
        }
        QCOMPARE(args.at(2).toString(), displayName(server.host(), port));
    }
    QVERIFY2(took >= total * 9 / 10, qPrintable(QStringLiteral("%1 ms < %2 ms").arg(took).arg(total)));

    // Every attempt failed and said why; the last one ended it.
    QCOMPARE(errors.count(), maxAttempts + 1);
    for (const StompClient::Error e : errorsOf(errors)) {
        if (refuse)
            QCOMPARE(e, StompClient::ConnectionRefused);
        else
            QVERIFY2(e == StompClient::RemoteClosed, qPrintable(describe(errors)));
    }
    QCOMPARE(client.error(), refuse ? StompClient::ConnectionRefused : StompClient::RemoteClosed);
    if (!refuse)
        QCOMPARE(server.connectionCount(), maxAttempts + 1);

    // Reconnecting spans all attempts; one Disconnected at the end.
    QList<StompClient::State> seen;
    for (const QList<QVariant> &args : states)
        seen.append(args.at(0).value<StompClient::State>());
    QCOMPARE(seen, (QList<StompClient::State>{StompClient::Connecting, StompClient::Reconnecting,
                                              StompClient::Disconnected}));

    // Nothing more afterwards.
    QTest::qWait(qMin(maxDelay * 2, 400));
    QCOMPARE(scheduled.count(), maxAttempts);
    if (!refuse)
        QCOMPARE(server.connectionCount(), maxAttempts + 1);
}

void tst_StompReconnect::queuedSendsBounded_data()
{
    addModeRows();
}

void tst_StompReconnect::queuedSendsBounded()
{
    QFETCH(Mode, mode);
    constexpr qint64 HighWaterMark = 100 * 1024;
    const QByteArray body(30 * 1024, 'x');
    constexpr int Fit = 3; // 3 x (30 KiB + headers) <= 100 KiB < 4 x

    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    client.setWriteHighWaterMark(HighWaterMark);
    client.setReconnectPolicy(policy(50));
    FakeStompConnection *first = connectTo(client, server);
    QVERIFY(first);

    // Keep the client between connections: the next CONNECT stays unanswered for now.
    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    first->abort();
    FakeStompConnection *second = server.waitForConnect(1, WaitMs);
    QVERIFY(second);
    QCOMPARE(client.state(), StompClient::Reconnecting);

    QStringList receiptIds;
    for (int i = 0; i < 5; ++i)
        receiptIds << client.send(QStringLiteral("/queue/big"), body + QByteArray::number(i), {},
                                  StompClient::WithReceipt);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1 + 5 - Fit, WaitMs);
    QList<StompClient::Error> expectedErrors{StompClient::RemoteClosed};
    for (int i = Fit; i < 5; ++i)
        expectedErrors << StompClient::WriteBufferFull;
    QCOMPARE(errorsOf(errors), expectedErrors);
    for (int i = 1; i < errors.count(); ++i)
        QVERIFY2(errors.at(i).at(1).toString().contains(QLatin1String("SEND frame(s) not sent")),
                 qPrintable(describe(errors)));
    // The refused frames' receipts have failed already (no waiting for them).
    for (int i = Fit; i < 5; ++i)
        QVERIFY(!client.waitForReceipt(receiptIds.at(i), 0));

    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    second->sendConnected();
    QTRY_COMPARE_WITH_TIMEOUT(receipts.count(), Fit, WaitMs);
    for (int i = 0; i < Fit; ++i)
        QCOMPARE(receipts.at(i).at(0).toString(), receiptIds.at(i));
    const QList<StompFrame> sends = second->frames(StompFrame::Send);
    QCOMPARE(sends.size(), Fit);
    for (int i = 0; i < Fit; ++i)
        QCOMPARE(sends.at(i).body(), body + QByteArray::number(i));
    QCOMPARE(errors.count(), 1 + 5 - Fit);
}

void tst_StompReconnect::acksStayWithTheirConnection_data()
{
    addModeRows();
}

// An ACK names a delivery of one session. One for a message whose connection is gone must not
// wait in the queue for the next session (the broker answers "unknown delivery tag" with an
// ERROR and closes); one for a message of the current session must not wait behind the
// subscription replay (a connection lost meanwhile would carry it to the next session too).
void tst_StompReconnect::acksStayWithTheirConnection()
{
    QFETCH(Mode, mode);
    FakeStompServer server;
    QVERIFY(server.listen());
    StompClient client;
    configure(client, server, mode);
    client.setReconnectPolicy(policy(100));
    FakeStompConnection *first = connectTo(client, server);
    QVERIFY(first);
    StompSubscription *sub = client.subscribe(QStringLiteral("/queue/a"), StompClient::AckClientIndividual,
                                              {}, QStringLiteral("s-1"));
    QVERIFY(sub);
    QVERIFY(first->waitForFrameCount(StompFrame::Subscribe, 1, WaitMs));
    QSignalSpy messages(sub, &StompSubscription::messageReceived);
    first->sendMessage("/queue/a", "s-1", "m-1", "old session", {{"ack", "a-1"}});
    QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 1, WaitMs);
    const StompFrame old = messages.at(0).at(0).value<StompFrame>();

    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    server.setAutoReceipt(false);
    first->abort();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Reconnecting, WaitMs);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    client.ack(old);
    // In WorkerThread mode the RemoteClosed of the abort may still be on its way to this thread
    // (state() is read directly): look for the ACK's own error among what arrives.
    QTRY_VERIFY_WITH_TIMEOUT(errorsOf(errors).contains(StompClient::NotConnected), WaitMs);
    QCOMPARE(errorsOf(errors).count(StompClient::NotConnected), 1);
    const int refused = int(errorsOf(errors).indexOf(StompClient::NotConnected));
    QVERIFY2(errors.at(refused).at(1).toString().contains(QLatin1String("earlier connection")),
             qPrintable(describe(errors)));

    FakeStompConnection *second = server.waitForConnect(1, WaitMs);
    QVERIFY(second);
    second->sendConnected();
    const StompFrame replay = second->takeFrame(StompFrame::Subscribe, WaitMs);
    QVERIFY(replay.hasHeader("receipt"));
    // Delivered on the new session before the replay's receipt; a send waits behind the replay.
    second->sendMessage("/queue/a", "s-1", "m-2", "new session", {{"ack", "a-2"}});
    QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 2, WaitMs);
    client.send(QStringLiteral("/queue/q"), "queued");
    client.ack(messages.at(1).at(0).value<StompFrame>());
    QVERIFY(second->waitForFrameCount(StompFrame::Ack, 1, WaitMs));
    QCOMPARE(second->frames(StompFrame::Ack).at(0).header("id"), QByteArray("a-2"));
    QCOMPARE(second->frameCount(StompFrame::Send), 0);

    second->sendReceipt(replay.header("receipt"));
    QVERIFY(second->waitForFrameCount(StompFrame::Send, 1, WaitMs));
    QTest::qWait(100); // a bounded look for the old ACK, which must never come
    QCOMPARE(second->frameCount(StompFrame::Ack), 1);
    QCOMPARE(errorsOf(errors).count(StompClient::NotConnected), 1); // only the old ACK's
}

void tst_StompReconnect::authenticationFailureNotRetried_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("provider"); // 0 none, 1 same credentials, 2 fresh credentials
    QTest::addColumn<QByteArrayList>("logins");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("no provider/%s", name) << mode << 0 << QByteArrayList{"stale"};
        QTest::addRow("provider, same credentials/%s", name) << mode << 1 << QByteArrayList{"stale"};
        QTest::addRow("provider, fresh credentials refused too/%s", name)
                << mode << 2 << QByteArrayList{"stale", "fresh"};
    }
}

void tst_StompReconnect::authenticationFailureNotRetried()
{
    QFETCH(Mode, mode);
    QFETCH(int, provider);
    QFETCH(QByteArrayList, logins);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectReply(FakeStompServer::ConnectReply::Error);
    server.setConnectErrorMessage("access refused: bad credentials");

    StompClient client;
    configure(client, server, mode);
    client.setReconnectPolicy(policy(20, 100));
    client.setLogin(QStringLiteral("stale"));
    client.setPasscode(QStringLiteral("old-token"));
    auto calls = std::make_shared<std::atomic<int>>(0);
    if (provider == 1) {
        client.setCredentialsProvider([calls] {
            ++*calls;
            return std::pair{QStringLiteral("stale"), QStringLiteral("old-token")};
        });
    } else if (provider == 2) {
        client.setCredentialsProvider([calls] {
            return ++*calls == 1 ? std::pair{QStringLiteral("stale"), QStringLiteral("old-token")}
                                 : std::pair{QStringLiteral("fresh"), QStringLiteral("new-token")};
        });
    }
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    client.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, WaitMs);
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), StompClient::AuthenticationFailed);
    QCOMPARE(client.errorString(), QStringLiteral("access refused: bad credentials"));

    // No hot loop: a bounded look for connections that must not come.
    QTest::qWait(300);
    QCOMPARE(server.connectionCount(), int(logins.size()));
    QCOMPARE(scheduled.count(), int(logins.size()) - 1);
    for (int i = 0; i < logins.size(); ++i) {
        const QList<StompFrame> connects = server.connection(i)->frames(StompFrame::Connect);
        QCOMPARE(connects.size(), 1);
        QCOMPARE(connects.at(0).header("login"), logins.at(i));
    }
    QList<StompClient::Error> expectedErrors;
    for (int i = 0; i < logins.size(); ++i)
        expectedErrors << StompClient::AuthenticationFailed;
    QCOMPARE(errorsOf(errors), expectedErrors);
    if (provider != 0)
        QVERIFY(calls->load() >= int(logins.size()));
}

QTEST_GUILESS_MAIN(tst_StompReconnect)
#include "tst_stompreconnect.moc"
