// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// StompClient used from many threads at once against the real RabbitMQ: the public
// functions are documented as callable from any thread, also from threads without an event
// loop. Built for ThreadSanitizer as well (see README in this folder's CMakeLists.txt).

#include "brokerenv.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qmutex.h>
#include <QtCore/quuid.h>
#include <QtCore/qwaitcondition.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <array>
#include <atomic>
#include <deque>
#include <thread>

using namespace StompTest;

namespace {

constexpr int TimeoutMs = 30000;
constexpr int ThreadCount = 4;
constexpr int MessagesPerThread = 500;
constexpr int Batch = 10;

void configure(StompClient &client, const StompBrokerEnv &env, Mode mode)
{
    client.setListenerMode(mode);
    client.setHost(env.host);
    client.setPort(env.port);
    client.setLogin(env.login);
    client.setPasscode(env.passcode);
    client.setVirtualHost(env.vhost);
    client.setSocketTimeout(TimeoutMs);
    client.setReceiptTimeout(TimeoutMs);
}

QByteArray bodyFor(int thread, int index)
{
    return "t" + QByteArray::number(thread) + "-m" + QByteArray::number(index);
}

// Messages for one thread: filled in the client's thread, drained by the worker.
struct Inbox
{
    QMutex mutex;
    QWaitCondition cond;
    std::deque<StompFrame> pending;
    QByteArrayList bodies; // everything ever delivered here, in order

    bool take(StompFrame *out, int msecs)
    {
        QMutexLocker lock(&mutex);
        if (pending.empty())
            cond.wait(&mutex, QDeadlineTimer(msecs));
        if (pending.empty())
            return false;
        *out = std::move(pending.front());
        pending.pop_front();
        return true;
    }
    void put(const StompFrame &frame)
    {
        QMutexLocker lock(&mutex);
        pending.push_back(frame);
        bodies.append(frame.body());
        cond.wakeAll();
    }
    qsizetype delivered()
    {
        QMutexLocker lock(&mutex);
        return bodies.size();
    }
};

// Failures seen in worker threads, reported by the test thread (QVERIFY only works there).
struct Failures
{
    QMutex mutex;
    QStringList list;
    void add(const QString &what)
    {
        QMutexLocker lock(&mutex);
        list << what;
    }
    QString text()
    {
        QMutexLocker lock(&mutex);
        return list.join(QLatin1String("; "));
    }
    bool isEmpty()
    {
        QMutexLocker lock(&mutex);
        return list.isEmpty();
    }
};

// A barrier for std::threads (std::barrier is C++20).
class Barrier
{
public:
    explicit Barrier(int count) : m_count(count) {}
    bool arriveAndWait(int msecs)
    {
        QMutexLocker lock(&m_mutex);
        if (--m_count <= 0) {
            m_cond.wakeAll();
            return true;
        }
        const QDeadlineTimer deadline(msecs);
        while (m_count > 0) {
            if (!m_cond.wait(&m_mutex, deadline))
                return false;
        }
        return true;
    }

private:
    QMutex m_mutex;
    QWaitCondition m_cond;
    int m_count;
};

} // namespace

class tst_StompClientThreads : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // ---- happy ----------------------------------------------------------------------------
    void concurrentOperations_data();
    void concurrentOperations();
    void blockingCallsWithoutEventLoop_data();
    void blockingCallsWithoutEventLoop();

    // ---- rainy day ------------------------------------------------------------------------
    void waitsEndWhenConnectionFails_data();
    void waitsEndWhenConnectionFails();

private:
    static void addModeRows();
};

void tst_StompClientThreads::initTestCase()
{
    qRegisterMetaType<StompFrame>();
}

void tst_StompClientThreads::addModeRows()
{
    QTest::addColumn<Mode>("mode");
    QTest::newRow("worker") << StompClient::WorkerThread;
    QTest::newRow("caller") << StompClient::CallerThread;
}

void tst_StompClientThreads::concurrentOperations_data()
{
    addModeRows();
}

// Four threads subscribe, begin/send/commit, ack (alone and in transactions) on one client
// at the same time. Thread i sends to thread i+1's queue; every message must arrive exactly
// once, and every ACK must reach the broker (a later session finds the queues empty).
void tst_StompClientThreads::concurrentOperations()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());

    const QString run = unique("threads");
    std::array<QString, ThreadCount> queues;
    for (int i = 0; i < ThreadCount; ++i)
        queues[i] = QStringLiteral("/queue/%1-%2").arg(run).arg(i);

    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    client.connectToHost();
    QVERIFY(client.waitForConnected(TimeoutMs));

    std::array<Inbox, ThreadCount> inboxes;
    connect(&client, &StompClient::messageReceived, this, [&](const StompFrame &m) {
        for (int i = 0; i < ThreadCount; ++i) {
            if (m.destination() == queues[i]) {
                inboxes[i].put(m);
                return;
            }
        }
    });

    Failures failures;
    Barrier subscribed(ThreadCount);
    std::atomic<int> finished{0};
    std::array<std::atomic<int>, ThreadCount> acked{};
    auto work = [&](int self) {
        Inbox &inbox = inboxes[self];
        const QString mine = queues[self];
        const QString next = queues[(self + 1) % ThreadCount];
        const QString subReceipt = unique("sub");
        StompSubscription *sub = client.subscribe(mine, StompClient::AckClientIndividual,
                                                  {{"prefetch-count", "50"},
                                                   {"receipt", subReceipt.toUtf8()}});
        if (!sub)
            failures.add(QStringLiteral("thread %1: subscribe failed").arg(self));
        else if (!client.waitForReceipt(subReceipt, TimeoutMs))
            failures.add(QStringLiteral("thread %1: no SUBSCRIBE receipt").arg(self));
        if (!subscribed.arriveAndWait(TimeoutMs))
            failures.add(QStringLiteral("thread %1: the others did not subscribe").arg(self));

        int ackRound = 0;
        // Acknowledged frames stay alive until the last receipt below: the ACK's queued call
        // holds a copy that Qt may destroy in this thread without telling ThreadSanitizer
        // (see tsan_qt_handoffs.cpp); after a receipt this thread is ordered after it.
        QList<StompFrame> done;
        auto ackSome = [&](int waitMs) {
            // Every other round acks inside a transaction.
            StompFrame m;
            QList<StompFrame> batch;
            while (batch.size() < Batch && inbox.take(&m, batch.isEmpty() ? waitMs : 0)) {
                if (!m.body().startsWith("last from ")) // left unacked on purpose
                    batch.append(m);
            }
            if (batch.isEmpty())
                return;
            if (++ackRound % 2) {
                const QString tx = client.begin();
                for (const StompFrame &f : std::as_const(batch))
                    client.ack(f, tx);
                client.commit(tx);
            } else {
                for (const StompFrame &f : std::as_const(batch))
                    client.ack(f);
            }
            acked[self] += int(batch.size());
            done += batch;
        };

        const QString extra = mine + QStringLiteral("-extra");
        for (int k = 0; k < MessagesPerThread; k += Batch) {
            const QString tx = client.begin();
            for (int j = k; j < k + Batch; ++j)
                client.send(next, bodyFor(self, j), {{"x-from", QByteArray::number(self)}}, {}, tx);
            client.commit(tx);
            ackSome(0);
            // The routing table changes while messages are routed in the client's thread.
            if (StompSubscription *s = client.subscribe(extra, StompClient::AckAuto))
                client.unsubscribe(s);
            else
                failures.add(QStringLiteral("thread %1: extra subscribe failed").arg(self));
            if (client.subscriptions().isEmpty())
                failures.add(QStringLiteral("thread %1: no subscriptions").arg(self));
        }
        QDeadlineTimer deadline(TimeoutMs);
        while (acked[self] < MessagesPerThread && !deadline.hasExpired())
            ackSome(100);
        if (acked[self] != MessagesPerThread)
            failures.add(QStringLiteral("thread %1: acked %2 of %3")
                                 .arg(self).arg(acked[self].load()).arg(MessagesPerThread));
        // All ACKs and COMMITs before this frame are processed in order: its receipt says
        // the broker has them.
        const QString last = client.send(next, "last from " + QByteArray::number(self), {},
                                         StompClient::WithReceipt);
        if (!client.waitForReceipt(last, TimeoutMs))
            failures.add(QStringLiteral("thread %1: no receipt for the last SEND").arg(self));
        done.clear();
        ++finished;
    };

    std::vector<std::thread> threads;
    for (int i = 0; i < ThreadCount; ++i)
        threads.emplace_back(work, i);
    // This thread delivers the messages (the client lives here) while the workers run.
    const bool done = QTest::qWaitFor([&] { return finished.load() == ThreadCount; }, 3 * TimeoutMs);
    for (std::thread &t : threads)
        t.join();
    QVERIFY(done);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.text()));

    // Every message exactly once, checked by content (the "last from" ones may still come).
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(inboxes.begin(), inboxes.end(),
                                         [](Inbox &in) { return in.delivered() >= MessagesPerThread + 1; }),
                             TimeoutMs);
    for (int i = 0; i < ThreadCount; ++i) {
        const int from = (i + ThreadCount - 1) % ThreadCount;
        QByteArrayList bodies;
        {
            QMutexLocker lock(&inboxes[i].mutex);
            bodies = inboxes[i].bodies;
        }
        QByteArrayList expected;
        for (int k = 0; k < MessagesPerThread; ++k)
            expected << bodyFor(from, k);
        expected << "last from " + QByteArray::number(from);
        QByteArrayList sorted = bodies;
        std::sort(sorted.begin(), sorted.end());
        std::sort(expected.begin(), expected.end());
        QCOMPARE(sorted, expected);
        // One producer per queue, committed in batches: the order is the send order.
        QByteArrayList inOrder = bodies;
        inOrder.removeLast();
        for (int k = 0; k < MessagesPerThread; ++k)
            QCOMPARE(inOrder.at(k), bodyFor(from, k));
    }
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(1).toString()));

    // Everything acked: a new session finds only the unacked "last from" message per queue
    // (requeued by the broker on its own time), then the marker sent now, then nothing else
    // before a second marker.
    StompClient check;
    configure(check, env, StompClient::CallerThread);
    check.connectToHost();
    QVERIFY(check.waitForConnected(TimeoutMs));
    QSignalSpy leftover(&check, &StompClient::messageReceived);
    for (const QString &q : queues) {
        const QString receipt = unique("sub");
        check.subscribe(q, StompClient::AckAuto, {{"receipt", receipt.toUtf8()}});
        QVERIFY(check.waitForReceipt(receipt, TimeoutMs));
        check.send(q, "marker");
    }
    QTRY_COMPARE_WITH_TIMEOUT(leftover.count(), 2 * ThreadCount, TimeoutMs);
    for (const QString &q : queues)
        check.send(q, "marker 2");
    QTRY_COMPARE_WITH_TIMEOUT(leftover.count(), 3 * ThreadCount, TimeoutMs);
    QByteArrayList left;
    for (const QList<QVariant> &args : leftover)
        left << args.first().value<StompFrame>().body();
    std::sort(left.begin(), left.end());
    QByteArrayList expectedLeft;
    for (int i = 0; i < ThreadCount; ++i)
        expectedLeft << "last from " + QByteArray::number(i) << "marker" << "marker 2";
    std::sort(expectedLeft.begin(), expectedLeft.end());
    QCOMPARE(left, expectedLeft);
    check.disconnectFromHost();
    QVERIFY(check.waitForDisconnected(TimeoutMs));
}

void tst_StompClientThreads::blockingCallsWithoutEventLoop_data()
{
    addModeRows();
}

// Everything a plain std::thread (no QThread, no event loop) may do, from connecting to
// disconnecting, while the client's own thread keeps its event loop running.
void tst_StompClientThreads::blockingCallsWithoutEventLoop()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());

    StompClient client;
    configure(client, env, mode);
    const QString queue = QStringLiteral("/queue/") + unique("noloop");
    QSignalSpy received(&client, &StompClient::messageReceived);
    Inbox inbox;
    connect(&client, &StompClient::messageReceived, this, [&](const StompFrame &m) { inbox.put(m); });
    Failures failures;
    std::atomic<bool> finished{false};

    std::thread thread([&] {
        client.connectToHost();
        if (!client.waitForConnected(TimeoutMs))
            failures.add(QStringLiteral("waitForConnected failed"));
        const QString subReceipt = unique("sub");
        if (!client.subscribe(queue, StompClient::AckAuto, {{"receipt", subReceipt.toUtf8()}}))
            failures.add(QStringLiteral("subscribe failed"));
        if (!client.waitForReceipt(subReceipt, TimeoutMs))
            failures.add(QStringLiteral("no receipt for SUBSCRIBE"));
        QStringList receipts;
        for (int i = 0; i < 20; ++i)
            receipts << client.send(queue, QByteArray::number(i), {}, StompClient::WithReceipt);
        for (const QString &r : std::as_const(receipts)) {
            if (!client.waitForReceipt(r, TimeoutMs))
                failures.add(QStringLiteral("no receipt %1").arg(r));
        }
        const QString tx = client.begin();
        client.send(queue, "in tx", {}, {}, tx);
        const QString commit = client.commit(tx, StompClient::WithReceipt);
        if (!client.waitForReceipt(commit, TimeoutMs))
            failures.add(QStringLiteral("no receipt for COMMIT"));
        if (client.waitForReceipt(QStringLiteral("never-asked-for"), 100))
            failures.add(QStringLiteral("a receipt nobody asked for arrived"));
        // A receipt says the broker has the frame, not that the messages were delivered.
        StompFrame m;
        for (int i = 0; i < 21; ++i) {
            if (!inbox.take(&m, TimeoutMs)) {
                failures.add(QStringLiteral("only %1 messages").arg(i));
                break;
            }
        }
        client.disconnectFromHost();
        if (!client.waitForDisconnected(TimeoutMs))
            failures.add(QStringLiteral("waitForDisconnected failed"));
        finished = true;
    });
    const bool done = QTest::qWaitFor([&] { return finished.load(); }, 3 * TimeoutMs);
    thread.join();
    QVERIFY(done);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.text()));
    QCOMPARE(received.count(), 21);
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), StompClient::NoError);
}

void tst_StompClientThreads::waitsEndWhenConnectionFails_data()
{
    addModeRows();
}

// Threads blocked in waitForReceipt()/send() must wake when the connection dies under them.
void tst_StompClientThreads::waitsEndWhenConnectionFails()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());

    StompClient client;
    configure(client, env, mode);
    client.connectToHost();
    QVERIFY(client.waitForConnected(TimeoutMs));

    // RabbitMQ answers COMMIT of an unknown transaction with an ERROR, which ends the
    // session: every thread's pending receipt must fail at once, not after its timeout.
    Failures failures;
    std::atomic<int> finished{0};
    Barrier sent(ThreadCount + 1);
    std::vector<std::thread> threads;
    for (int i = 0; i < ThreadCount; ++i) {
        threads.emplace_back([&, i] {
            const QString r = client.commit(QStringLiteral("no-such-transaction-%1").arg(i),
                                            StompClient::WithReceipt);
            sent.arriveAndWait(TimeoutMs);
            QElapsedTimer t;
            t.start();
            if (client.waitForReceipt(r, TimeoutMs))
                failures.add(QStringLiteral("thread %1: receipt for a failed COMMIT").arg(i));
            if (t.elapsed() > TimeoutMs / 2)
                failures.add(QStringLiteral("thread %1 waited %2 ms").arg(i).arg(t.elapsed()));
            ++finished;
        });
    }
    QVERIFY(sent.arriveAndWait(TimeoutMs));
    QVERIFY(QTest::qWaitFor([&] { return finished.load() == ThreadCount; }, TimeoutMs));
    for (std::thread &t : threads)
        t.join();
    QVERIFY2(failures.isEmpty(), qPrintable(failures.text()));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, TimeoutMs);
    QCOMPARE(client.error(), StompClient::ServerError);
}

QTEST_MAIN(tst_StompClientThreads)
#include "tst_stompclient_threads.moc"
