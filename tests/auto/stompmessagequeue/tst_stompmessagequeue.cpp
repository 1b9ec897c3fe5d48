// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// StompMessageQueue (the queueing duplex mode) against the real brokers, in both listener
// modes of StompClient. In CallerThread mode the socket lives in this (main) thread, so the
// test keeps spinning the event loop (QTest::qWaitFor) while consumer threads block.
#include <StompQt/stompclient.h>
#include <StompQt/stompmessagequeue.h>
#include <StompQt/stomppublisher.h>
#include <StompQt/stompsubscription.h>

#include "brokerenv.h"
#include "stomptesthelpers.h"

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qmutex.h>
#include <QtCore/qset.h>
#include <QtCore/quuid.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

using namespace StompTest;

namespace {

QString uniqueQueue(const char *what)
{
    return QStringLiteral("/queue/stompqt-mq-%1-%2")
            .arg(QLatin1String(what), QUuid::createUuid().toString(QUuid::WithoutBraces));
}

std::unique_ptr<StompClient> makeClient(const StompBrokerEnv &broker, StompClient::ListenerMode mode)
{
    auto client = std::make_unique<StompClient>();
    client->setHost(broker.host);
    client->setPort(broker.port);
    client->setVirtualHost(broker.vhost);
    client->setLogin(broker.login);
    client->setPasscode(broker.passcode);
    client->setListenerMode(mode);
    return client;
}

// Runs \a f in a std::thread while this thread spins its event loop; bounded.
template<typename F> bool runInThread(F f, int msecs)
{
    std::atomic<bool> done{false};
    std::thread t([&] {
        f();
        done = true;
    });
    const bool ok = QTest::qWaitFor([&] { return done.load(); }, msecs);
    t.join(); // f is bounded itself
    return ok;
}

// Publishes \a n messages (body(i), headers(i)) to \a dest from another thread while this one
// keeps serving the client's socket. True when every send() succeeded, within 60 s.
template<typename Body>
bool publishAll(const StompBrokerEnv &broker, const QString &dest, int n, Body body,
                const std::function<StompHeaders(int)> &headers = {})
{
    StompPublisher publisher(settingsFor(broker));
    bool sentAll = true;
    const bool done = runInThread([&] {
        for (int i = 0; i < n && sentAll; ++i)
            sentAll = publisher.send(dest, body(i), headers ? headers(i) : StompHeaders{});
        publisher.disconnectFromHost();
    }, 60000);
    return done && sentAll;
}

bool connectClient(StompClient &client)
{
    client.connectToHost();
    return QTest::qWaitFor([&] { return client.state() == StompClient::Connected; }, 10000);
}

bool disconnectClient(StompClient &client)
{
    client.disconnectFromHost();
    return QTest::qWaitFor([&] { return client.state() == StompClient::Disconnected; }, 10000);
}

} // namespace

class tst_StompMessageQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modes_data();
    void consumersAckIndividually_data();
    void consumersAckIndividually();
    void capacityFlowControl_data() { consumersAckIndividually_data(); }
    void capacityFlowControl();
    void takeTimeout_data() { modes_data(); }
    void takeTimeout();
    void receipts_data() { modes_data(); }
    void receipts();
    void errors_data() { modes_data(); }
    void errors();
    void closeWakesTake_data() { modes_data(); }
    void closeWakesTake();
    void messagesKeptByConsumersStayIntact_data() { modes_data(); }
    void messagesKeptByConsumersStayIntact();
};

void tst_StompMessageQueue::modes_data()
{
    QTest::addColumn<QString>("brokerName");
    QTest::addColumn<StompClient::ListenerMode>("mode");
    QTest::newRow("RabbitMQ/CallerThread") << QStringLiteral("RabbitMQ") << StompClient::CallerThread;
    QTest::newRow("RabbitMQ/WorkerThread") << QStringLiteral("RabbitMQ") << StompClient::WorkerThread;
}

void tst_StompMessageQueue::consumersAckIndividually_data()
{
    modes_data();
    QTest::newRow("ActiveMQ/CallerThread") << QStringLiteral("ActiveMQ") << StompClient::CallerThread;
    QTest::newRow("ActiveMQ/WorkerThread") << QStringLiteral("ActiveMQ") << StompClient::WorkerThread;
}

void tst_StompMessageQueue::consumersAckIndividually()
{
    QFETCH(QString, brokerName);
    QFETCH(StompClient::ListenerMode, mode);
    STOMPQT_REQUIRE_BROKER(broker, brokerByName(brokerName));
    const QString dest = uniqueQueue("consumers");
    constexpr int kMessages = 5000;
    constexpr int kConsumers = 4;

    {
        auto client = makeClient(broker, mode);
        StompMessageQueue queue(client.get(), 10000);
        QCOMPARE(queue.client(), client.get());
        QVERIFY(connectClient(*client));
        client->subscribe(dest, StompClient::AckClientIndividual);

        QMutex mutex;
        QSet<QByteArray> bodies;
        int duplicates = 0;
        std::atomic<int> taken{0};
        std::atomic<int> acked{0};
        std::atomic<bool> stop{false};
        std::vector<int> perConsumer(kConsumers, 0);
        std::vector<std::thread> consumers;
        for (int c = 0; c < kConsumers; ++c) {
            consumers.emplace_back([&, c] {
                while (!stop.load()) {
                    const auto frame = queue.take(100);
                    if (!frame)
                        continue;
                    {
                        QMutexLocker lock(&mutex);
                        if (bodies.contains(frame->body()))
                            ++duplicates;
                        bodies.insert(frame->body());
                    }
                    client->ack(*frame); // from a consumer thread
                    ++acked;
                    ++perConsumer[c];
                    ++taken;
                }
            });
        }
        const bool published = publishAll(broker, dest, kMessages,
                                          [](int i) { return "m-" + QByteArray::number(i); });
        const bool allTaken = QTest::qWaitFor([&] { return taken.load() >= kMessages; }, 60000);
        // Anything extra (a duplicate) would come right behind.
        QTest::qWait(300);
        stop = true;
        for (auto &t : consumers)
            t.join();
        QVERIFY(published);
        QVERIFY2(allTaken, qPrintable(QStringLiteral("took %1 of %2").arg(taken.load()).arg(kMessages)));
        QCOMPARE(duplicates, 0);
        QCOMPARE(bodies.size(), kMessages);
        QCOMPARE(taken.load(), kMessages);
        for (int i = 0; i < kMessages; ++i)
            QVERIFY(bodies.contains("m-" + QByteArray::number(i)));
        for (int c = 0; c < kConsumers; ++c)
            QVERIFY2(perConsumer[c] > 0, "every consumer thread took a share");
        QCOMPARE(queue.size(), 0);
        QVERIFY(client->error() == StompClient::NoError);
        QVERIFY(disconnectClient(*client));
    }

    // Every message was acknowledged: a new subscriber finds the queue empty.
    auto check = makeClient(broker, StompClient::CallerThread);
    check->connectToHost();
    QVERIFY(check->waitForConnected(10000));
    int redelivered = 0;
    StompSubscription *sub = check->subscribe(dest, StompClient::AckAuto);
    connect(sub, &StompSubscription::messageReceived, this, [&] { ++redelivered; });
    QVERIFY(!check->send(dest, "probe", {}, StompClient::WithReceipt).isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return redelivered >= 1; }, 10000)); // the probe itself
    QTest::qWait(300);
    QCOMPARE(redelivered, 1);
    QVERIFY(disconnectClient(*check));
}

void tst_StompMessageQueue::capacityFlowControl()
{
    QFETCH(QString, brokerName);
    QFETCH(StompClient::ListenerMode, mode);
    STOMPQT_REQUIRE_BROKER(broker, brokerByName(brokerName));
    const QString dest = uniqueQueue("capacity");
    constexpr int kCapacity = 50;
    constexpr int kMessages = 2000;
    constexpr int kBound = kCapacity + 1000; // capacity + what one read chunk may hold
    const QByteArray padding(200, 'x');

    // The messages wait on the broker first, so that subscribing floods the client.
    QVERIFY(publishAll(broker, dest, kMessages,
                       [&](int i) { return "c-" + QByteArray::number(i) + '-' + padding; }));

    auto client = makeClient(broker, mode);
    StompMessageQueue queue(client.get(), kCapacity);
    QCOMPARE(queue.capacity(), kCapacity);
    QVERIFY(connectClient(*client));
    client->subscribe(dest, StompClient::AckAuto);

    int maxSize = 0;
    const auto sample = [&] { maxSize = qMax(maxSize, queue.size()); };
    QVERIFY(QTest::qWaitFor([&] { sample(); return queue.isFlowControlled(); }, 20000));
    // No consumer for a while: reading stays paused and the queue stays bounded.
    QElapsedTimer idle;
    idle.start();
    while (idle.elapsed() < 1000) {
        QTest::qWait(20);
        sample();
        QVERIFY(queue.isFlowControlled());
    }
    QVERIFY2(maxSize >= kCapacity, QByteArray::number(maxSize));
    QVERIFY2(maxSize <= kBound, QByteArray::number(maxSize));
    QVERIFY(client->state() == StompClient::Connected); // paused, not dropped

    // Now consumers drain everything, nothing lost.
    QMutex mutex;
    QSet<QByteArray> bodies;
    int duplicates = 0;
    std::atomic<int> taken{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> consumers;
    for (int c = 0; c < 4; ++c) {
        consumers.emplace_back([&] {
            while (!stop.load()) {
                const auto frame = queue.take(100);
                if (!frame)
                    continue;
                QThread::usleep(200); // slower than the broker: flow control keeps kicking in
                QMutexLocker lock(&mutex);
                if (bodies.contains(frame->body()))
                    ++duplicates;
                bodies.insert(frame->body());
                ++taken;
            }
        });
    }
    const bool drained = QTest::qWaitFor([&] { sample(); return taken.load() >= kMessages; }, 60000);
    QTest::qWait(200);
    stop = true;
    for (auto &t : consumers)
        t.join();
    QVERIFY2(drained, qPrintable(QStringLiteral("took %1 of %2").arg(taken.load()).arg(kMessages)));
    QCOMPARE(duplicates, 0);
    QCOMPARE(bodies.size(), kMessages);
    QVERIFY2(maxSize <= kBound, QByteArray::number(maxSize));
    QVERIFY(!queue.isFlowControlled());
    QCOMPARE(queue.size(), 0);
    QVERIFY(client->error() == StompClient::NoError);
    QVERIFY(disconnectClient(*client));
}

void tst_StompMessageQueue::takeTimeout()
{
    QFETCH(QString, brokerName);
    QFETCH(StompClient::ListenerMode, mode);
    STOMPQT_REQUIRE_BROKER(broker, brokerByName(brokerName));
    auto client = makeClient(broker, mode);
    QObject owner;
    StompMessageQueue queue(client.get(), 10000, &owner);
    QCOMPARE(queue.parent(), &owner);
    QCOMPARE(queue.client(), client.get()); // not the parent
    QCOMPARE(queue.queueTimeout(), 5000); // the seed's default queue_timeout
    QVERIFY(connectClient(*client));
    client->subscribe(uniqueQueue("timeout"));

    QElapsedTimer timer;
    timer.start();
    QVERIFY(!queue.take(300));
    qint64 elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 290 && elapsed < 1500, QByteArray::number(elapsed));

    queue.setQueueTimeout(200);
    timer.restart();
    QVERIFY(!queue.take()); // the default: queueTimeout()
    elapsed = timer.elapsed();
    QVERIFY2(elapsed >= 190 && elapsed < 1500, QByteArray::number(elapsed));

    timer.restart();
    QVERIFY(!queue.tryTake());
    QVERIFY(!queue.takeReceipt(0));
    QVERIFY(!queue.takeError(0));
    QVERIFY(timer.elapsed() < 100);
    QVERIFY(disconnectClient(*client));
}

void tst_StompMessageQueue::receipts()
{
    QFETCH(QString, brokerName);
    QFETCH(StompClient::ListenerMode, mode);
    STOMPQT_REQUIRE_BROKER(broker, brokerByName(brokerName));
    auto client = makeClient(broker, mode);
    StompMessageQueue queue(client.get());
    QVERIFY(connectClient(*client));
    const QString dest = uniqueQueue("receipts");
    client->subscribe(dest);
    const QString id1 = client->send(dest, "with receipt", {}, StompClient::WithReceipt);
    const QString id2 = client->send(dest, "with receipt too", {}, StompClient::WithReceipt);
    QVERIFY(!id1.isEmpty());
    QVERIFY(!id2.isEmpty());

    std::optional<StompFrame> r1, r2, m1, m2;
    QVERIFY(runInThread([&] {
        r1 = queue.takeReceipt(10000);
        r2 = queue.takeReceipt(10000);
        m1 = queue.take(10000);
        m2 = queue.take(10000);
    }, 45000));
    QVERIFY(r1 && r2);
    QCOMPARE(r1->command(), StompFrame::Receipt);
    QCOMPARE(r1->receiptId(), id1);
    QCOMPARE(r2->receiptId(), id2);
    QVERIFY(m1 && m2);
    QCOMPARE(m1->body(), QByteArray("with receipt"));
    QCOMPARE(m2->body(), QByteArray("with receipt too"));
    QVERIFY(disconnectClient(*client));
}

void tst_StompMessageQueue::errors()
{
    QFETCH(QString, brokerName);
    QFETCH(StompClient::ListenerMode, mode);
    STOMPQT_REQUIRE_BROKER(broker, brokerByName(brokerName));
    auto client = makeClient(broker, mode);
    StompMessageQueue queue(client.get());
    QVERIFY(connectClient(*client));
    // RabbitMQ answers a destination it does not know with an ERROR frame.
    client->send(QStringLiteral("/invalid/x"), "nowhere");
    std::optional<StompFrame> error;
    QVERIFY(runInThread([&] { error = queue.takeError(10000); }, 20000));
    QVERIFY(error);
    QCOMPARE(error->command(), StompFrame::Error);
    QVERIFY(!error->message().isEmpty());
    QVERIFY(!queue.takeError(0));
    QVERIFY(QTest::qWaitFor([&] { return client->state() == StompClient::Disconnected; }, 10000));
}

void tst_StompMessageQueue::closeWakesTake()
{
    QFETCH(QString, brokerName);
    QFETCH(StompClient::ListenerMode, mode);
    STOMPQT_REQUIRE_BROKER(broker, brokerByName(brokerName));
    auto client = makeClient(broker, mode);
    StompMessageQueue queue(client.get());
    QVERIFY(connectClient(*client));

    std::atomic<bool> returned{false};
    std::atomic<qint64> waited{-1};
    std::atomic<bool> gotFrame{false};
    std::thread consumer([&] {
        QElapsedTimer t;
        t.start();
        gotFrame = queue.take(30000).has_value();
        waited = t.elapsed();
        returned = true;
    });
    QTest::qWait(300); // the consumer is blocked now
    QVERIFY(!returned.load());
    queue.close();
    const bool woke = QTest::qWaitFor([&] { return returned.load(); }, 5000);
    consumer.join();
    QVERIFY(woke);
    QVERIFY(!gotFrame.load());
    QVERIFY2(waited.load() < 3000, QByteArray::number(waited.load()));
    // Later calls return at once.
    QElapsedTimer t;
    t.start();
    QVERIFY(!queue.take(5000));
    QVERIFY(!queue.takeReceipt(5000));
    QVERIFY(t.elapsed() < 500);
    QVERIFY(disconnectClient(*client));
}

void tst_StompMessageQueue::messagesKeptByConsumersStayIntact()
{
    // The queue hands the messages its consumers took back to the connection, whose parser
    // builds new messages in their storage once nothing else holds them. Consumers in two
    // threads keep some messages (whole, or only the body) while taking thousands more: what
    // they kept must never change, and every message must arrive whole. (Under
    // ThreadSanitizer too: the hand-back crosses threads.)
    QFETCH(QString, brokerName);
    QFETCH(StompClient::ListenerMode, mode);
    STOMPQT_REQUIRE_BROKER(broker, brokerByName(brokerName));
    const QString dest = uniqueQueue("kept");
    constexpr int kMessages = 3000;
    const auto bodyOf = [](int i) {
        return QByteArray::number(i) + ':' + QByteArray(1 + (i * 131) % 3000, char('a' + i % 26));
    };
    const auto headerOf = [](int i) { return QByteArray(1 + (i * 7) % 90, char('A' + i % 26)); };

    auto client = makeClient(broker, mode);
    StompMessageQueue queue(client.get(), 10000);
    QVERIFY(connectClient(*client));
    client->subscribe(dest, StompClient::AckAuto);
    QVERIFY(publishAll(broker, dest, kMessages, bodyOf, [&](int i) {
        return StompHeaders{{"x-index", QByteArray::number(i)}, {"x-pad", headerOf(i)}};
    }));

    QMutex mutex;
    QStringList wrong;
    QSet<int> seen;
    QList<QPair<int, StompFrame>> keptFrames;
    QList<QPair<int, QByteArray>> keptBodies;
    std::atomic<int> taken{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> consumers;
    for (int c = 0; c < 2; ++c) {
        consumers.emplace_back([&] {
            while (!stop.load() && taken.load() < kMessages) {
                const auto frame = queue.take(100);
                if (!frame)
                    continue;
                const int i = frame->header("x-index").toInt();
                QMutexLocker lock(&mutex);
                if (frame->body() != bodyOf(i) || frame->header("x-pad") != headerOf(i) || seen.contains(i))
                    wrong << QString::number(i);
                seen.insert(i);
                if (i % 3 == 0)
                    keptFrames.append({i, *frame});
                else if (i % 5 == 0)
                    keptBodies.append({i, frame->body()});
                ++taken;
            }
        });
    }
    const bool all = QTest::qWaitFor([&] { return taken.load() >= kMessages; }, 60000);
    stop = true;
    queue.close(); // consumers leave take()
    for (auto &t : consumers)
        t.join();
    QVERIFY2(all, QByteArray::number(taken.load()));
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 5).join(QStringLiteral(", "))));
    QCOMPARE(seen.size(), kMessages);
    for (const auto &[i, f] : std::as_const(keptFrames)) {
        QCOMPARE(f.body(), bodyOf(i));
        QCOMPARE(f.header("x-pad"), headerOf(i));
        QCOMPARE(f.header("x-index").toInt(), i);
    }
    for (const auto &[i, body] : std::as_const(keptBodies))
        QCOMPARE(body, bodyOf(i));
    QVERIFY(disconnectClient(*client));
}

QTEST_MAIN(tst_StompMessageQueue)
#include "tst_stompmessagequeue.moc"
