// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// Faults: what the network and the broker do to a client, and what the client must do then.
//
// Against the RabbitMQ of this run (STOMPQT_RABBITMQ_*; these tests stop, restart and freeze
// it, so point them only at a broker of your own — ./run.sh test starts a private one):
//  - the broker application stopped and started again while a publisher (receipts, resending
//    what was not confirmed) and a subscriber (client-individual acks) run: both go on by
//    themselves and every confirmed message arrives at least once;
//  - the broker's VM frozen with SIGSTOP: the heart-beat notices, the client fails over.
// Against the FakeStompServer, what no broker does on purpose: a peer that falls silent, one
// that accepts TCP and never answers CONNECT, one that closes during CONNECT, one that drips
// a frame byte by byte (finite and endless); plus DNS failure and a refused connection.
// Each failure has its own Error value and message, and the next attempt is scheduled.
//
// The fake server lives in the test's thread: waits are QTRY_* (they spin the event loop).

#include "brokerenv.h"
#include "fakestompserver.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompframeencoder.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qdebug.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qprocess.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qset.h>
#include <QtCore/qtimer.h>
#include <QtCore/quuid.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <array>
#include <deque>

#include <signal.h>

using namespace StompTest;

namespace {

StompReconnectPolicy policy(int initialDelay, int maxDelay, int maxAttempts = -1, double jitter = 0.0)
{
    StompReconnectPolicy p;
    p.enabled = true;
    p.initialDelay = initialDelay;
    p.maxDelay = maxDelay;
    p.jitter = jitter;
    p.maxAttempts = maxAttempts;
    return p;
}

void useBroker(StompClient &client, const StompBrokerEnv &env)
{
    client.setLogin(env.login);
    client.setPasscode(env.passcode);
    client.setVirtualHost(env.vhost);
}

QString tcpName(const QString &host, quint16 port)
{
    return QStringLiteral("stomp://%1:%2").arg(host).arg(port);
}

/// Runs `rabbitmqctl <args>` for the broker of this run without blocking the event loop.
bool rabbitCtl(const StompBrokerEnv &env, const QStringList &args, int msecs, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(env.ctl, args);
    const bool done = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, msecs);
    *output = QString::fromLocal8Bit(p.readAll());
    if (!done) {
        p.kill();
        p.waitForFinished(2000);
        return false;
    }
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QByteArray numberedBody(int index)
{
    QByteArray body = "msg-" + QByteArray::number(index).rightJustified(5, '0') + '|';
    return body.leftJustified(100, '.');
}

int indexOf(const QByteArray &body)
{
    if (!body.startsWith("msg-") || body.size() < 10)
        return -1;
    bool ok = false;
    const int index = body.mid(4, 5).toInt(&ok);
    return ok ? index : -1;
}

// Sends messages 0..total-1 with receipts, at most `window` unconfirmed at a time and about
// `perSecond` a second (so that a restart lands mid-stream), only while connected. What was
// unconfirmed when the connection went (or whose receipt timed out) is sent again: a lost
// receipt may mean a lost message, so duplicates are the price.
class ReceiptPublisher : public QObject
{
public:
    ReceiptPublisher(StompClient *client, const QString &destination, int total, int window,
                     int perSecond)
        : m_client(client), m_destination(destination), m_total(total), m_window(window),
          m_perTick(qMax(1, perSecond / 100))
    {
        connect(client, &StompClient::receiptReceived, this, [this](const QString &id) {
            const auto it = m_outstanding.constFind(id);
            if (it != m_outstanding.cend()) {
                confirmed.insert(*it);
                m_outstanding.erase(it);
            }
            pump();
        });
        connect(client, &StompClient::errorOccurred, this, [this](StompClient::Error e, const QString &s) {
            if (e == StompClient::ReceiptTimeout && m_outstanding.contains(s))
                m_resend.push_back(m_outstanding.take(s));
        });
        connect(client, &StompClient::stateChanged, this, [this](StompClient::State state) {
            if (state == StompClient::Connected) {
                pump();
                return;
            }
            for (auto it = m_outstanding.cbegin(); it != m_outstanding.cend(); ++it)
                m_resend.push_back(*it);
            m_outstanding.clear();
        });
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_budget = qMin(m_budget + m_perTick, 2 * m_perTick);
            pump();
        });
        m_timer.start(10);
    }

    void pump()
    {
        while (m_client->state() == StompClient::Connected && m_outstanding.size() < m_window
               && m_budget > 0) {
            int index;
            if (!m_resend.empty()) {
                index = m_resend.front();
                m_resend.pop_front();
                ++resent;
            } else if (m_next < m_total) {
                index = m_next++;
            } else {
                break;
            }
            const QString receipt = m_client->send(m_destination, numberedBody(index),
                                                   {{"persistent", "true"}}, StompClient::WithReceipt);
            m_outstanding.insert(receipt, index);
            --m_budget;
        }
    }

    bool done() const { return confirmed.size() == m_total; }

    QSet<int> confirmed;
    int resent = 0;

private:
    StompClient *m_client;
    QString m_destination;
    int m_total;
    qsizetype m_window;
    int m_perTick;
    int m_budget = 0;
    int m_next = 0;
    QHash<QString, int> m_outstanding; // receipt id -> message index
    std::deque<int> m_resend;
    QTimer m_timer;
};

// Resumes a stopped process when it goes out of scope, and has a detached `kill -CONT` run
// after a while anyway, so that not even a crash of this test leaves the broker frozen.
class FrozenProcess
{
public:
    explicit FrozenProcess(qint64 pid) : m_pid(pid)
    {
        // Detached from our output (ctest waits for every holder of it), and taking its
        // sleep along when told to stop.
        QProcess watchdog;
        watchdog.setProgram(QStringLiteral("/bin/sh"));
        watchdog.setArguments({QStringLiteral("-c"),
                               QStringLiteral("trap 'kill $s; exit 0' TERM; sleep 30 & s=$!; wait $s; "
                                              "kill -CONT %1")
                                       .arg(pid)});
        watchdog.setStandardInputFile(QProcess::nullDevice());
        watchdog.setStandardOutputFile(QProcess::nullDevice());
        watchdog.setStandardErrorFile(QProcess::nullDevice());
        watchdog.startDetached(&m_watchdog);
        m_stopped = ::kill(pid_t(pid), SIGSTOP) == 0;
    }
    ~FrozenProcess() { resume(); }
    bool isStopped() const { return m_stopped; }
    void resume()
    {
        if (m_stopped)
            ::kill(pid_t(m_pid), SIGCONT);
        m_stopped = false;
        if (m_watchdog > 0)
            ::kill(pid_t(m_watchdog), SIGTERM); // our own detached shell, by its id
        m_watchdog = 0;
    }

private:
    qint64 m_pid;
    qint64 m_watchdog = 0;
    bool m_stopped = false;
};

} // namespace

class tst_StompFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // ---- happy: the client recovers by itself ----------------------------------------------
    void brokerRestartMidStream();
    void silentPeerFailsOver_data();
    void silentPeerFailsOver();
    void frozenBrokerFailsOver_data();
    void frozenBrokerFailsOver();
    void slowDripParsed_data();
    void slowDripParsed();

    // ---- rainy day: each failure named, the next attempt scheduled ---------------------------
    void connectFailures_data();
    void connectFailures();
    void endlessDrip_data();
    void endlessDrip();
};

void tst_StompFaults::initTestCase()
{
    qRegisterMetaType<StompFrame>();
}

// ---- happy ------------------------------------------------------------------------------------

void tst_StompFaults::brokerRestartMidStream()
{
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    if (env.ctl.isEmpty())
        STOMPQT_SKIP_UNLESS_CI("STOMPQT_RABBITMQ_CTL unset: cannot restart the broker");
    constexpr int Total = 10000;
    constexpr int RestartAfter = 2000;
    const QString queue = QStringLiteral("/queue/") + unique("restart");
    QElapsedTimer overall;
    overall.start();

    // The subscriber in a worker thread, the publisher in this one: both modes at once.
    StompClient subscriber;
    subscriber.setListenerMode(StompClient::WorkerThread);
    useBroker(subscriber, env);
    subscriber.setHost(env.host);
    subscriber.setPort(env.port);
    subscriber.setSocketTimeout(WaitMs);
    subscriber.setReceiptTimeout(BrokerWaitMs);
    subscriber.setReconnectPolicy(policy(200, 1000, -1, 0.2));
    QSignalSpy subscriberErrors(&subscriber, &StompClient::errorOccurred);
    QSignalSpy subscriberReconnected(&subscriber, &StompClient::reconnected);
    QSignalSpy subscriberServerErrors(&subscriber, &StompClient::serverErrorReceived);
    subscriber.connectToHost();
    QTRY_VERIFY2_WITH_TIMEOUT(subscriber.state() == StompClient::Connected,
                              qPrintable(describe(subscriberErrors)), BrokerWaitMs);
    const QString subReceipt = unique("sub");
    QSignalSpy subscriberReceipts(&subscriber, &StompClient::receiptReceived);
    StompSubscription *sub = subscriber.subscribe(
            queue, StompClient::AckClientIndividual,
            {{"prefetch-count", "500"}, {"receipt", subReceipt.toUtf8()}});
    QVERIFY(sub);
    QTRY_VERIFY_WITH_TIMEOUT(subscriberReceipts.contains(QVariantList{subReceipt}), BrokerWaitMs);

    QSet<int> received;
    int deliveries = 0;
    int duplicates = 0;
    int garbage = 0;
    connect(sub, &StompSubscription::messageReceived, this, [&](const StompFrame &message) {
        ++deliveries;
        const int index = indexOf(message.body());
        if (index < 0 || index >= Total || message.body() != numberedBody(index))
            ++garbage;
        else if (received.contains(index))
            ++duplicates;
        else
            received.insert(index);
        subscriber.ack(message);
    });

    StompClient publisher;
    useBroker(publisher, env);
    publisher.setHost(env.host);
    publisher.setPort(env.port);
    publisher.setSocketTimeout(WaitMs);
    publisher.setReceiptTimeout(BrokerWaitMs);
    publisher.setReconnectPolicy(policy(200, 1000, -1, 0.2));
    QSignalSpy publisherErrors(&publisher, &StompClient::errorOccurred);
    QSignalSpy publisherReconnected(&publisher, &StompClient::reconnected);
    QSignalSpy publisherServerErrors(&publisher, &StompClient::serverErrorReceived);
    publisher.connectToHost();
    QTRY_VERIFY2_WITH_TIMEOUT(publisher.state() == StompClient::Connected,
                              qPrintable(describe(publisherErrors)), BrokerWaitMs);
    ReceiptPublisher pump(&publisher, queue, Total, 500, 1000);

    // Mid-stream: stop the broker application (the node and its files stay), then start it.
    QTRY_VERIFY_WITH_TIMEOUT(pump.confirmed.size() >= RestartAfter, 60000);
    const int confirmedBefore = int(pump.confirmed.size());
    QVERIFY2(confirmedBefore < Total / 2, "the restart must land mid-stream");
    QString output;
    auto restartAnyway = qScopeGuard([&] { rabbitCtl(env, {QStringLiteral("start_app")}, 60000, &output); });
    QVERIFY2(rabbitCtl(env, {QStringLiteral("stop_app")}, 60000, &output), qPrintable(output));
    QTRY_VERIFY_WITH_TIMEOUT(publisher.state() != StompClient::Connected
                                     && subscriber.state() != StompClient::Connected,
                             BrokerWaitMs);
    QTest::qWait(1000); // a few refused attempts while it is down
    QCOMPARE(publisher.state(), StompClient::Reconnecting);
    QCOMPARE(subscriber.state(), StompClient::Reconnecting);
    QVERIFY2(rabbitCtl(env, {QStringLiteral("start_app")}, 60000, &output), qPrintable(output));
    restartAnyway.dismiss();

    // Both come back by themselves and finish the job.
    QTRY_VERIFY2_WITH_TIMEOUT(pump.done(),
                              qPrintable(QStringLiteral("%1 of %2 confirmed; publisher %3: %4")
                                                 .arg(pump.confirmed.size()).arg(Total)
                                                 .arg(publisher.state()).arg(describe(publisherErrors))),
                              120000);
    QTRY_VERIFY2_WITH_TIMEOUT(received.size() == Total,
                              qPrintable(QStringLiteral("%1 of %2 received; subscriber %3: %4")
                                                 .arg(received.size()).arg(Total)
                                                 .arg(subscriber.state()).arg(describe(subscriberErrors))),
                              120000);
    for (int index : std::as_const(pump.confirmed))
        QVERIFY2(received.contains(index), qPrintable(QStringLiteral("message %1 lost").arg(index)));
    QCOMPARE(garbage, 0);
    QVERIFY(publisherReconnected.count() >= 1);
    QVERIFY(subscriberReconnected.count() >= 1);
    QCOMPARE(publisher.state(), StompClient::Connected);
    QCOMPARE(subscriber.state(), StompClient::Connected);
    QVERIFY(sub->isActive());
    for (const StompClient::Error e : errorsOf(publisherErrors) + errorsOf(subscriberErrors))
        QVERIFY2(e != StompClient::AuthenticationFailed, qPrintable(describe(publisherErrors)));
    qInfo("restart after %d confirmed; %d resent, %d deliveries, %d duplicates, %lld ms; "
          "publisher: %s; subscriber: %s",
          confirmedBefore, pump.resent, deliveries, duplicates, overall.elapsed(),
          qPrintable(describe(publisherErrors)), qPrintable(describe(subscriberErrors)));

    // No ERROR from the broker: in particular no ACK of an earlier session's message sent on
    // the new one ("PRECONDITION_FAILED - unknown delivery tag"), which costs a reconnect.
    QStringList serverErrors;
    for (const QList<QVariant> &args : std::as_const(publisherServerErrors) + subscriberServerErrors)
        serverErrors << args.at(0).value<StompFrame>().text();
    QVERIFY2(serverErrors.isEmpty(), qPrintable(serverErrors.join(QLatin1String("; "))));

    publisher.disconnectFromHost();
    subscriber.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(publisher.state() == StompClient::Disconnected
                                     && subscriber.state() == StompClient::Disconnected,
                             BrokerWaitMs);
}

void tst_StompFaults::silentPeerFailsOver_data()
{
    QTest::addColumn<Mode>("mode");
    for (const auto &[name, mode] : kModes)
        QTest::newRow(name) << mode;
}

void tst_StompFaults::silentPeerFailsOver()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    constexpr int Interval = 500;

    // The first broker answers CONNECT with heart-beat 500,0 and then says nothing ever again.
    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    connect(&server, &FakeStompServer::newConnection, this, [](FakeStompConnection *c) {
        connect(c, &FakeStompConnection::frameReceived, c, [c](const StompFrame &f) {
            if (f.command() != StompFrame::Connect)
                return;
            c->sendConnected({{"heart-beat", QByteArray::number(Interval) + ",0"}});
            c->setSilent(true);
        });
    });

    StompClient client;
    client.setListenerMode(mode);
    useBroker(client, env);
    client.setBrokers({QUrl(tcpName(server.host(), server.port())), QUrl(tcpName(env.host, env.port))});
    client.setHeartbeat(0, Interval);
    client.setSocketTimeout(BrokerWaitMs);
    client.setReconnectPolicy(policy(50, 1000));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QElapsedTimer sinceConnected;
    qint64 detectedAfter = -1;
    connect(&client, &StompClient::connected, this, [&] {
        if (!sinceConnected.isValid())
            sinceConnected.start();
    });
    connect(&client, &StompClient::errorOccurred, this, [&](StompClient::Error e) {
        if (e == StompClient::HeartbeatTimeout && detectedAfter < 0)
            detectedAfter = sinceConnected.elapsed();
    });
    client.connectToHost();
    QTRY_VERIFY_WITH_TIMEOUT(sinceConnected.isValid(), WaitMs);
    QCOMPARE(client.negotiatedIncomingHeartbeat(), Interval);
    QTRY_VERIFY_WITH_TIMEOUT(detectedAfter >= 0, 4 * Interval * 5 / 2);
    QVERIFY2(detectedAfter <= Interval * 5 / 2, qPrintable(QStringLiteral("%1 ms").arg(detectedAfter)));
    // Not early either: a false heart-beat disconnect is the worse bug.
    QVERIFY2(detectedAfter >= Interval, qPrintable(QStringLiteral("%1 ms").arg(detectedAfter)));
    QVERIFY(!errors.isEmpty());
    QCOMPARE(errorsOf(errors).first(), StompClient::HeartbeatTimeout);
    QVERIFY2(errors.at(0).at(1).toString().contains(QLatin1String("heart-beat 500 ms")),
             qPrintable(describe(errors)));

    // On to the next broker in the list, the real one.
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Connected, BrokerWaitMs);
    QTRY_COMPARE(scheduled.count(), 1); // WorkerThread: state() may lead the queued signals
    QCOMPARE(scheduled.at(0).at(2).toString(), tcpName(env.host, env.port));
    QCOMPARE(client.currentBroker(), tcpName(env.host, env.port));
    QVERIFY(client.server().startsWith(QLatin1String("RabbitMQ")));
    // RabbitMQ heart-beats in whole seconds: it answers 1000 to a wish of 500.
    const int brokerInterval = client.negotiatedIncomingHeartbeat();
    QVERIFY2(brokerInterval >= Interval, qPrintable(QString::number(brokerInterval)));
    // A broker that does send heart-beats is not declared dead.
    QTest::qWait(3 * brokerInterval);
    QCOMPARE(client.state(), StompClient::Connected);
    QCOMPARE(errors.count(), 1);
    client.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, BrokerWaitMs);
}

void tst_StompFaults::frozenBrokerFailsOver_data()
{
    QTest::addColumn<Mode>("mode");
    for (const auto &[name, mode] : kModes)
        QTest::newRow(name) << mode;
}

void tst_StompFaults::frozenBrokerFailsOver()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    const qint64 pid = qEnvironmentVariableIntValue("STOMPQT_RABBITMQ_PID");
    if (pid <= 0)
        STOMPQT_SKIP_UNLESS_CI("STOMPQT_RABBITMQ_PID unset (restart the brokers)");
    constexpr int Interval = 500;

    FakeStompServer server; // the next broker in the list
    QVERIFY(server.listen());
    StompClient client;
    client.setListenerMode(mode);
    useBroker(client, env);
    client.setBrokers({QUrl(tcpName(env.host, env.port)), QUrl(tcpName(server.host(), server.port()))});
    client.setHeartbeat(Interval, Interval);
    client.setSocketTimeout(WaitMs);
    client.setReconnectPolicy(policy(50, 1000));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    client.connectToHost();
    QTRY_VERIFY2_WITH_TIMEOUT(client.state() == StompClient::Connected, qPrintable(describe(errors)),
                              BrokerWaitMs);
    QCOMPARE(client.currentBroker(), tcpName(env.host, env.port));
    // RabbitMQ heart-beats in whole seconds: it answers 1000 to a wish of 500.
    const int interval = client.negotiatedIncomingHeartbeat();
    QVERIFY2(interval >= Interval, qPrintable(QString::number(interval)));
    QTest::qWait(3 * interval); // heart-beats flow: nothing happens
    QCOMPARE(client.state(), StompClient::Connected);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));

    QElapsedTimer frozenFor;
    qint64 detectedAfter = -1;
    connect(&client, &StompClient::errorOccurred, this, [&](StompClient::Error e) {
        if (e == StompClient::HeartbeatTimeout && detectedAfter < 0)
            detectedAfter = frozenFor.elapsed();
    });
    {
        frozenFor.start();
        FrozenProcess frozen(pid);
        QVERIFY(frozen.isStopped());
        // Silence is counted from the last byte, which came before the freeze.
        QTRY_VERIFY_WITH_TIMEOUT(detectedAfter >= 0, 4 * interval * 5 / 2);
        QVERIFY2(detectedAfter <= interval * 5 / 2, qPrintable(QStringLiteral("%1 ms").arg(detectedAfter)));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Connected, WaitMs);
        QCOMPARE(client.currentBroker(), tcpName(server.host(), server.port()));
        QTRY_COMPARE(scheduled.count(), 1); // WorkerThread: state() may lead the queued signals
        QCOMPARE(scheduled.at(0).at(2).toString(), tcpName(server.host(), server.port()));
    }
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::HeartbeatTimeout});
    client.abort();

    // The broker works again after SIGCONT.
    StompClient check;
    useBroker(check, env);
    check.setHost(env.host);
    check.setPort(env.port);
    check.setSocketTimeout(BrokerWaitMs);
    check.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(check.state(), StompClient::Connected, BrokerWaitMs);
    check.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(check.state(), StompClient::Disconnected, BrokerWaitMs);
}

void tst_StompFaults::slowDripParsed_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<int>("heartbeat"); // incoming heart-beat, 0: none
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("no heart-beats/%s", name) << mode << 0;
        QTest::addRow("heart-beat 500 ms/%s", name) << mode << 500;
    }
}

void tst_StompFaults::slowDripParsed()
{
    QFETCH(Mode, mode);
    QFETCH(int, heartbeat);
    constexpr int ByteEveryMs = 50;

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectedHeaders({{"version", "1.2"}, {"session", "drip"},
                                {"heart-beat", QByteArray::number(heartbeat) + ",0"}});
    StompClient client;
    client.setListenerMode(mode);
    client.setHost(server.host());
    client.setPort(server.port());
    client.setSocketTimeout(WaitMs);
    client.setHeartbeat(0, heartbeat);
    // Each byte restarts the stall clock; 50 ms between bytes is far below it. The whole
    // frame (about 4 s) stays within the frame deadline of 4 x frameTimeout.
    client.setFrameTimeout(2000);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy received(&client, &StompClient::messageReceived);
    client.connectToHost();
    FakeStompConnection *connection = server.waitForConnect(0, WaitMs);
    QVERIFY(connection);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Connected, WaitMs);

    const QByteArray body("drip\0drop", 9);
    const QByteArray frame = StompFrameEncoder::encode(
            StompFrame(StompFrame::Message, {{"destination", "/queue/d"}, {"message-id", "1"}, {"subscription", "s"}},
                       body),
            StompFrame::Version::V1_2);
    QVERIFY(frame.size() * ByteEveryMs > 2 * qMax(heartbeat, 1000)); // longer than any timeout
    QElapsedTimer took;
    took.start();
    connection->drip(frame, 1, ByteEveryMs);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, frame.size() * ByteEveryMs * 3);
    QVERIFY(took.elapsed() >= (frame.size() - 1) * ByteEveryMs * 8 / 10);
    QCOMPARE(received.at(0).at(0).value<StompFrame>().body(), body);
    QCOMPARE(client.state(), StompClient::Connected);
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    client.abort();
}

// ---- rainy day ---------------------------------------------------------------------------------

void tst_StompFaults::connectFailures_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<StompClient::Error>("error");
    QTest::addColumn<QString>("message");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("half-open: CONNECT never answered/%s", name)
                << mode << QStringLiteral("half-open") << StompClient::SocketTimeout
                << QStringLiteral("no CONNECTED frame within 400 ms");
        QTest::addRow("server closes during CONNECT/%s", name)
                << mode << QStringLiteral("close") << StompClient::RemoteClosed
                << QStringLiteral("The remote host closed the connection");
        QTest::addRow("DNS failure/%s", name)
                << mode << QStringLiteral("dns") << StompClient::HostNotFound << QStringLiteral("Host not found");
        QTest::addRow("connection refused/%s", name)
                << mode << QStringLiteral("refused") << StompClient::ConnectionRefused
                << QStringLiteral("Connection refused");
    }
}

void tst_StompFaults::connectFailures()
{
    QFETCH(Mode, mode);
    QFETCH(QString, fault);
    QFETCH(StompClient::Error, error);
    QFETCH(QString, message);

    FakeStompServer server;
    QVERIFY(server.listen());
    QString host = server.host();
    const quint16 port = server.port();
    if (fault == QLatin1String("half-open")) {
        server.setConnectReply(FakeStompServer::ConnectReply::Never);
    } else if (fault == QLatin1String("close")) {
        server.setConnectReply(FakeStompServer::ConnectReply::Never);
        connect(&server, &FakeStompServer::newConnection, this, [](FakeStompConnection *c) {
            connect(c, &FakeStompConnection::frameReceived, c, [c] { c->close(); });
        });
    } else if (fault == QLatin1String("dns")) {
        host = QStringLiteral("nonexistent.invalid");
    } else if (fault == QLatin1String("refused")) {
        server.stopListening();
    }

    StompClient client;
    client.setListenerMode(mode);
    client.setHost(host);
    client.setPort(port);
    client.setSocketTimeout(400);
    client.setReconnectPolicy(policy(50, 50, 1));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy scheduled(&client, &StompClient::reconnectScheduled);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    QSignalSpy states(&client, &StompClient::stateChanged);
    client.connectToHost();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 3 * WaitMs);

    // Both attempts failed the same way, each said so, and the second was scheduled.
    QCOMPARE(errorsOf(errors), (QList<StompClient::Error>{error, error}));
    for (const QList<QVariant> &args : std::as_const(errors))
        QCOMPARE(args.at(1).toString(), message);
    QCOMPARE(scheduled.count(), 1);
    QCOMPARE(scheduled.at(0).at(0).toInt(), 1);
    QCOMPARE(scheduled.at(0).at(1).toInt(), 50);
    QCOMPARE(scheduled.at(0).at(2).toString(), tcpName(host, port));
    QCOMPARE(client.state(), StompClient::Disconnected);
    QCOMPARE(client.error(), error);
    QCOMPARE(client.errorString(), message);
    QCOMPARE(states.count(), 3); // Connecting, Reconnecting, Disconnected
    if (fault == QLatin1String("half-open") || fault == QLatin1String("close")) {
        QCOMPARE(server.connectionCount(), 2);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(server.connection(i)->frameCount(StompFrame::Connect), 1);
    }
}

void tst_StompFaults::endlessDrip_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<qsizetype>("maxBodySize");
    for (const auto &[name, mode] : kModes) {
        QTest::addRow("default limits/%s", name) << mode << qsizetype(-1);
        QTest::addRow("maxBodySize 100/%s", name) << mode << qsizetype(100);
    }
}

// A frame that never ends, one byte every 20 ms, heart-beats on. Every byte is a sign of life
// (no HeartbeatTimeout) and restarts frameTimeout's stall clock; what ends it is the parser's
// size limit (maxBodySize 100: FrameTooLarge after about 2 s) or, within the default limits,
// the frame deadline of 4 x frameTimeout (SocketTimeout).
void tst_StompFaults::endlessDrip()
{
    QFETCH(Mode, mode);
    QFETCH(qsizetype, maxBodySize);
    constexpr int ByteEveryMs = 20;
    constexpr int Interval = 500;
    constexpr int FrameTimeout = 1000;

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectedHeaders({{"version", "1.2"}, {"session", "endless"},
                                {"heart-beat", QByteArray::number(Interval) + ",0"}});
    StompClient client;
    client.setListenerMode(mode);
    client.setHost(server.host());
    client.setPort(server.port());
    client.setSocketTimeout(WaitMs);
    client.setHeartbeat(0, Interval);
    client.setFrameTimeout(FrameTimeout);
    if (maxBodySize > 0) {
        StompParserLimits limits;
        limits.maxBodySize = maxBodySize;
        client.setParserLimits(limits);
    }
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy received(&client, &StompClient::messageReceived);
    client.connectToHost();
    FakeStompConnection *connection = server.waitForConnect(0, WaitMs);
    QVERIFY(connection);
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Connected, WaitMs);

    // No content-length: the body ends at a NUL that never comes.
    connection->drip("MESSAGE\ndestination:/queue/d\nmessage-id:1\nsubscription:s\n\n"
                             + QByteArray(1000000, 'x'),
                     1, ByteEveryMs);
    const int deadline = 6 * FrameTimeout;
    QElapsedTimer took;
    took.start();
    if (maxBodySize < 0) {
        // Within the size limits, time ends it: the frame must be complete within
        // 4 x frameTimeout of its first byte.
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, deadline);
        QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::SocketTimeout});
        QVERIFY2(took.elapsed() >= 4 * FrameTimeout - 200, qPrintable(describe(errors)));
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, WaitMs);
        QCOMPARE(received.count(), 0);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, deadline);
    QCOMPARE(errorsOf(errors), QList<StompClient::Error>{StompClient::FrameTooLarge});
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, WaitMs);
    QVERIFY2(errors.at(0).at(1).toString().contains(QLatin1String("invalid frame from the server")),
             qPrintable(describe(errors)));
    QCOMPARE(received.count(), 0);
}

QTEST_GUILESS_MAIN(tst_StompFaults)
#include "tst_stompfaults.moc"
