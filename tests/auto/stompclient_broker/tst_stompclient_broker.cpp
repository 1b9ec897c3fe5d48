// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// StompClient against the real brokers of this run (RabbitMQ and ActiveMQ, see brokerenv.h),
// in both listener modes. Every destination name is unique to the run, so reruns and other
// tests cannot leave messages behind for us. Where the brokers differ, each test asserts
// what that broker really does and says so.

#include "brokerenv.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qdebug.h>
#include <QtCore/qset.h>
#include <QtCore/qthread.h>
#include <QtCore/quuid.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <array>

// This test keeps its own describe() (error numbers, not names).
using StompTest::Mode;
using StompTest::bodiesOf;
using StompTest::kModes;
using StompTest::unique;

namespace {

constexpr int TimeoutMs = 15000;

enum class Broker { RabbitMq, ActiveMq };

constexpr std::array<std::pair<const char *, Broker>, 2> kBrokers{{
        {"RabbitMQ", Broker::RabbitMq},
        {"ActiveMQ", Broker::ActiveMq},
}};
std::optional<StompBrokerEnv> brokerEnv(Broker broker)
{
    return broker == Broker::RabbitMq ? stompRabbitMq() : stompActiveMq();
}

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

QList<StompFrame> framesOf(const QSignalSpy &spy)
{
    QList<StompFrame> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<StompFrame>());
    return out;
}

QString describe(const QSignalSpy &errors)
{
    QStringList out;
    for (const QList<QVariant> &args : errors)
        out << QStringLiteral("%1: %2").arg(args.at(0).toInt()).arg(args.at(1).toString());
    return out.join(QLatin1String("; "));
}

} // namespace

Q_DECLARE_METATYPE(Broker)

// Connects or fails the test (in the calling test function).
#define CONNECT_OR_FAIL(client)                                                                  \
    do {                                                                                         \
        QSignalSpy connectErrors_(&(client), &StompClient::errorOccurred);                       \
        (client).connectToHost();                                                                \
        QVERIFY2((client).waitForConnected(TimeoutMs), qPrintable(describe(connectErrors_)));    \
    } while (false)

// Subscribes with a receipt, so that the broker has the subscription before anything is
// sent, and declares `spy` on its messageReceived(). The spy exists before the wait: in
// CallerThread mode waitForReceipt() runs the event loop, and messages already waiting in the
// queue can arrive together with the RECEIPT.
#define SUBSCRIBE_OR_FAIL(var, spy, client, destination, ackMode, ...)                           \
    const QString var##Receipt_ = unique("sub");                                                 \
    StompSubscription *const var = (client).subscribe(                                           \
            (destination), (ackMode),                                                            \
            StompHeaders{__VA_ARGS__} + StompHeaders{{"receipt", var##Receipt_.toUtf8()}});      \
    QVERIFY(var);                                                                                \
    QSignalSpy spy(var, &StompSubscription::messageReceived);                                    \
    QVERIFY2((client).waitForReceipt(var##Receipt_, TimeoutMs), "no receipt for SUBSCRIBE")

class tst_StompClientBroker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // ---- happy ----------------------------------------------------------------------------
    void roundTrip_data();
    void roundTrip();
    void ackModesAndRedelivery_data();
    void ackModesAndRedelivery();
    void nack_data();
    void nack();
    void transactions_data();
    void transactions();
    void receipts_data();
    void receipts();
    void twoSubscriptions_data();
    void twoSubscriptions();
    void deletedSubscriptionUnsubscribes_data();
    void deletedSubscriptionUnsubscribes();
    void awkwardHeadersAndBinaryBodies_data();
    void awkwardHeadersAndBinaryBodies();
    void virtualHost_data();
    void virtualHost();
    void workerDeliveryIsBounded_data();
    void workerDeliveryIsBounded();

    // ---- rainy day ------------------------------------------------------------------------
    void authenticationFailure_data();
    void authenticationFailure();
    void unknownVirtualHost_data();
    void unknownVirtualHost();

private:
    static void addRows();
};

void tst_StompClientBroker::initTestCase()
{
    qRegisterMetaType<StompFrame>();
}

void tst_StompClientBroker::addRows()
{
    QTest::addColumn<Broker>("broker");
    QTest::addColumn<Mode>("mode");
    for (const auto &[brokerName, broker] : kBrokers) {
        for (const auto &[modeName, mode] : kModes)
            QTest::addRow("%s/%s", brokerName, modeName) << broker << mode;
    }
}

// ---- happy ------------------------------------------------------------------------------------

void tst_StompClientBroker::roundTrip_data()
{
    addRows();
}

void tst_StompClientBroker::roundTrip()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    CONNECT_OR_FAIL(client);
    QCOMPARE(client.versionString(), QStringLiteral("1.2"));
    QVERIFY(!client.sessionId().isEmpty());

    const QString queue = QStringLiteral("/queue/") + unique("roundtrip");
    QSignalSpy all(&client, &StompClient::messageReceived);
    SUBSCRIBE_OR_FAIL(sub, received, client, queue, StompClient::AckAuto);

    for (int i = 0; i < 3; ++i)
        client.send(queue, "hello " + QByteArray::number(i), {{"x-index", QByteArray::number(i)}});
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 3, TimeoutMs);
    QCOMPARE(bodiesOf(received), (QByteArrayList{"hello 0", "hello 1", "hello 2"}));
    const QList<StompFrame> messages = framesOf(received);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(messages.at(i).header("x-index"), QByteArray::number(i));
        QCOMPARE(messages.at(i).destination(), queue);
        QCOMPARE(messages.at(i).subscription(), sub->id());
        QVERIFY(!messages.at(i).messageId().isEmpty());
    }
    QCOMPARE(all.count(), 3);

    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
    QCOMPARE(client.error(), StompClient::NoError);
}

void tst_StompClientBroker::ackModesAndRedelivery_data()
{
    QTest::addColumn<Broker>("broker");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<StompClient::AckMode>("ackMode");
    QTest::addColumn<QByteArrayList>("redelivered");

    // Three messages m0 m1 m2; the client acks m1 only (with a receipt), then disconnects.
    //  auto:              the broker counted them as acked on delivery: nothing comes again
    //  client:            ACK is cumulative: m1 acks m0 too, only m2 comes again
    //  client-individual: only m1 is acked: m0 and m2 come again
    for (const auto &[brokerName, broker] : kBrokers) {
        for (const auto &[modeName, mode] : kModes) {
            QTest::addRow("%s/%s/auto", brokerName, modeName)
                    << broker << mode << StompClient::AckAuto << QByteArrayList{};
            QTest::addRow("%s/%s/client", brokerName, modeName)
                    << broker << mode << StompClient::AckClient << QByteArrayList{"m2"};
            QTest::addRow("%s/%s/client-individual", brokerName, modeName)
                    << broker << mode << StompClient::AckClientIndividual << QByteArrayList{"m0", "m2"};
        }
    }
}

void tst_StompClientBroker::ackModesAndRedelivery()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    QFETCH(StompClient::AckMode, ackMode);
    QFETCH(QByteArrayList, redelivered);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    const QString queue = QStringLiteral("/queue/") + unique("ack");
    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    CONNECT_OR_FAIL(client);
    {
        SUBSCRIBE_OR_FAIL(sub, received, client, queue, ackMode);
        for (const char *body : {"m0", "m1", "m2"})
            client.send(queue, body);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 3, TimeoutMs);
        const QList<StompFrame> messages = framesOf(received);
        QCOMPARE(bodiesOf(received), (QByteArrayList{"m0", "m1", "m2"}));
        for (const StompFrame &m : messages)
            QVERIFY2(m.header("redelivered") != "true", qPrintable(m.text()));
        if (ackMode != StompClient::AckAuto) {
            QVERIFY(!messages.at(1).ack().isEmpty()); // STOMP 1.2: the id an ACK names
            const QString receipt = client.ack(messages.at(1), {}, StompClient::WithReceipt);
            QVERIFY(client.waitForReceipt(receipt, TimeoutMs));
        }
    }
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));

    // A new session gets back exactly what was not acknowledged, then a fresh marker.
    CONNECT_OR_FAIL(client);
    SUBSCRIBE_OR_FAIL(again, received, client, queue, StompClient::AckAuto);
    client.send(queue, "marker");
    // The broker requeues on its own time after the old session closed, so a redelivered
    // message may come before or after the marker; a second marker, sent once all expected
    // messages are there, shows that nothing else follows.
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), redelivered.size() + 1, TimeoutMs);
    client.send(queue, "marker 2");
    QTRY_VERIFY_WITH_TIMEOUT(bodiesOf(received).contains("marker 2"), TimeoutMs);
    QByteArrayList rest = bodiesOf(received);
    QVERIFY(rest.removeOne("marker"));
    QVERIFY(rest.removeOne("marker 2"));
    QCOMPARE(rest, redelivered);
    for (const StompFrame &m : framesOf(received)) {
        // Both brokers flag a message that was delivered before (RabbitMQ from the AMQP
        // redelivered bit, ActiveMQ from its redelivery counter).
        const QByteArray flag = m.header("redelivered");
        QVERIFY2(m.body().startsWith("marker") ? flag != "true" : flag == "true",
                 qPrintable(QDebug::toString(m)));
    }
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::nack_data()
{
    addRows();
}

void tst_StompClientBroker::nack()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    const QString run = unique("nack");
    const QString queue = QStringLiteral("/queue/") + run;
    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    CONNECT_OR_FAIL(client);
    SUBSCRIBE_OR_FAIL(sub, received, client, queue, StompClient::AckClientIndividual);

    // persistent:true: ActiveMQ only dead-letters persistent messages by default.
    client.send(queue, "refused", {{"persistent", "true"}, {"stompqt_run", run.toUtf8()}});
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, TimeoutMs);
    const StompFrame first = received.first().first().value<StompFrame>();
    const QString receipt = client.nack(first, {}, StompClient::WithReceipt);
    QVERIFY(client.waitForReceipt(receipt, TimeoutMs));

    if (broker == Broker::RabbitMq) {
        // RabbitMQ: NACK requeues by default (requeue:true), so the same message comes back
        // at once to the only consumer, flagged as redelivered.
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, TimeoutMs);
        const StompFrame again = received.at(1).first().value<StompFrame>();
        QCOMPARE(again.body(), QByteArray("refused"));
        QCOMPARE(again.header("redelivered"), QByteArray("true"));
        const QString ackReceipt = client.ack(again, {}, StompClient::WithReceipt);
        QVERIFY(client.waitForReceipt(ackReceipt, TimeoutMs));
    } else {
        // ActiveMQ: a STOMP NACK is a poison ack: the message is not redelivered but moved to
        // the dead-letter queue ActiveMQ.DLQ, with its original destination in a header.
        const QString dlqReceipt = unique("dlq");
        StompSubscription *dlq = client.subscribe(
                QStringLiteral("/queue/ActiveMQ.DLQ"), StompClient::AckClientIndividual,
                {{"selector", "stompqt_run = '" + run.toUtf8() + "'"}, {"receipt", dlqReceipt.toUtf8()}});
        QVERIFY(dlq);
        QSignalSpy deadLetters(dlq, &StompSubscription::messageReceived);
        QTRY_COMPARE_WITH_TIMEOUT(deadLetters.count(), 1, TimeoutMs);
        const StompFrame dead = deadLetters.first().first().value<StompFrame>();
        QCOMPARE(dead.body(), QByteArray("refused"));
        QCOMPARE(dead.header("original-destination"), queue.toUtf8());
        const QString ackReceipt = client.ack(dead, {}, StompClient::WithReceipt);
        QVERIFY(client.waitForReceipt(ackReceipt, TimeoutMs));
        // The queue itself never sees it again: a marker is the next thing there.
        client.send(queue, "marker");
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 2, TimeoutMs);
        QCOMPARE(received.at(1).first().value<StompFrame>().body(), QByteArray("marker"));
    }
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::transactions_data()
{
    addRows();
}

void tst_StompClientBroker::transactions()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    const QString queue = QStringLiteral("/queue/") + unique("tx");
    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy aborted(&client, &StompClient::transactionAborted);
    CONNECT_OR_FAIL(client);
    SUBSCRIBE_OR_FAIL(sub, received, client, queue, StompClient::AckAuto);

    // Committed: held back until COMMIT. A marker sent outside the transaction overtakes them.
    const QString tx = client.begin();
    client.send(queue, "tx 1", {}, {}, tx);
    client.send(queue, "tx 2", {}, {}, tx);
    client.send(queue, "outside 1");
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, TimeoutMs);
    QCOMPARE(bodiesOf(received), QByteArrayList{"outside 1"});
    const QString commitReceipt = client.commit(tx, StompClient::WithReceipt);
    QVERIFY(client.waitForReceipt(commitReceipt, TimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 3, TimeoutMs);
    QCOMPARE(bodiesOf(received), (QByteArrayList{"outside 1", "tx 1", "tx 2"}));

    // Aborted: never delivered. The marker sent after ABORT is the next message.
    const QString tx2 = client.begin();
    client.send(queue, "aborted 1", {}, {}, tx2);
    client.send(queue, "aborted 2", {}, {}, tx2);
    const QString abortReceipt = client.abort(tx2, StompClient::WithReceipt);
    QVERIFY(client.waitForReceipt(abortReceipt, TimeoutMs));
    client.send(queue, "outside 2");
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 4, TimeoutMs);
    QCOMPARE(bodiesOf(received), (QByteArrayList{"outside 1", "tx 1", "tx 2", "outside 2"}));

    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY(aborted.isEmpty());
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::receipts_data()
{
    addRows();
}

void tst_StompClientBroker::receipts()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    const QString queue = QStringLiteral("/queue/") + unique("receipt");
    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy receiptSpy(&client, &StompClient::receiptReceived);
    CONNECT_OR_FAIL(client);

    QStringList ids;
    for (int i = 0; i < 10; ++i) {
        const QString id = client.send(queue, QByteArray::number(i), {}, StompClient::WithReceipt);
        QVERIFY(!id.isEmpty());
        ids << id;
    }
    for (const QString &id : ids)
        QVERIFY2(client.waitForReceipt(id, TimeoutMs), qPrintable(id));
    QTRY_COMPARE_WITH_TIMEOUT(receiptSpy.count(), 10, TimeoutMs);
    QStringList seen;
    for (const QList<QVariant> &args : receiptSpy)
        seen << args.first().toString();
    QCOMPARE(seen, ids); // one connection, one order

    // UNSUBSCRIBE is confirmed by its receipt. The ten messages are taken first: RabbitMQ
    // (3.10) answers a delivery still in flight when UNSUBSCRIBE arrives with an ERROR
    // "Subscription not found" (and keeps the connection open, against the spec).
    SUBSCRIBE_OR_FAIL(sub, received, client, queue, StompClient::AckAuto);
    QSignalSpy unsubscribed(sub, &StompSubscription::unsubscribed);
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 10, TimeoutMs);
    const QString unsubReceipt = client.unsubscribe(sub);
    QVERIFY(client.waitForReceipt(unsubReceipt, TimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(unsubscribed.count(), 1, TimeoutMs);

    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::twoSubscriptions_data()
{
    QTest::addColumn<Broker>("broker");
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("topic");
    for (const auto &[brokerName, broker] : kBrokers) {
        for (const auto &[modeName, mode] : kModes) {
            QTest::addRow("%s/%s/queue", brokerName, modeName) << broker << mode << false;
            QTest::addRow("%s/%s/topic", brokerName, modeName) << broker << mode << true;
        }
    }
}

void tst_StompClientBroker::twoSubscriptions()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    QFETCH(bool, topic);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    const QString destination = (topic ? QStringLiteral("/topic/") : QStringLiteral("/queue/"))
            + unique("two");
    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    CONNECT_OR_FAIL(client);
    // A small prefetch, so that a queue cannot hand everything to the first consumer.
    SUBSCRIBE_OR_FAIL(first, spy1, client, destination, StompClient::AckClientIndividual,
                      {"prefetch-count", "1"}, {"activemq.prefetchSize", "1"});
    SUBSCRIBE_OR_FAIL(second, spy2, client, destination, StompClient::AckClientIndividual,
                      {"prefetch-count", "1"}, {"activemq.prefetchSize", "1"});
    QSignalSpy all(&client, &StompClient::messageReceived);
    // Ack as they come, from the handler (the seed's callable style).
    for (StompSubscription *s : {first, second})
        s->setHandler([&client](const StompFrame &m) { client.ack(m); });

    constexpr int count = 20;
    QSet<QByteArray> sent;
    for (int i = 0; i < count; ++i) {
        sent.insert("n" + QByteArray::number(i));
        client.send(destination, "n" + QByteArray::number(i));
    }

    QTRY_COMPARE_WITH_TIMEOUT(all.count(), topic ? 2 * count : count, TimeoutMs);
    const QByteArrayList got1 = bodiesOf(spy1);
    const QByteArrayList got2 = bodiesOf(spy2);
    const QSet<QByteArray> set1(got1.cbegin(), got1.cend());
    const QSet<QByteArray> set2(got2.cbegin(), got2.cend());
    if (topic) {
        // A topic: every subscription gets every message.
        QCOMPARE(got1.size(), count);
        QCOMPARE(got2.size(), count);
        QCOMPARE(set1, sent);
        QCOMPARE(set2, sent);
    } else {
        // A queue: competing consumers share the messages, each exactly once.
        QCOMPARE(got1.size() + got2.size(), count);
        QCOMPARE(set1 + set2, sent);
        QVERIFY((set1 & set2).isEmpty());
        QVERIFY2(!got1.isEmpty() && !got2.isEmpty(),
                 qPrintable(QStringLiteral("%1 / %2").arg(got1.size()).arg(got2.size())));
    }
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::deletedSubscriptionUnsubscribes_data()
{
    addRows();
}

// Deleting a StompSubscription ends it at the broker as well: a competing consumer that
// stayed would take messages nobody routes or acknowledges.
void tst_StompClientBroker::deletedSubscriptionUnsubscribes()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    const QString destination = QStringLiteral("/queue/") + unique("deleted");
    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy sentFrames(&client, &StompClient::frameSent);
    CONNECT_OR_FAIL(client);
    SUBSCRIBE_OR_FAIL(doomed, doomedSpy, client, destination, StompClient::AckClientIndividual,
                      {"prefetch-count", "1"}, {"activemq.prefetchSize", "1"});
    SUBSCRIBE_OR_FAIL(kept, keptSpy, client, destination, StompClient::AckClientIndividual,
                      {"prefetch-count", "1"}, {"activemq.prefetchSize", "1"});
    kept->setHandler([&client](const StompFrame &m) { client.ack(m); });
    const QByteArray doomedId = doomed->id().toUtf8();
    delete doomed;
    QCOMPARE(client.subscriptions(), QList<StompSubscription *>{kept});

    QSignalSpy all(&client, &StompClient::messageReceived);
    constexpr int count = 10;
    for (int i = 0; i < count; ++i)
        client.send(destination, "m" + QByteArray::number(i));
    QTRY_COMPARE_WITH_TIMEOUT(keptSpy.count(), count, TimeoutMs);
    QCOMPARE(all.count(), count); // none went to the deleted subscription's id
    bool unsubscribeSent = false;
    for (const QList<QVariant> &args : std::as_const(sentFrames)) {
        const auto frame = args.at(0).value<StompFrame>();
        if (frame.command() == StompFrame::Unsubscribe && frame.headerView("id") == doomedId)
            unsubscribeSent = true;
    }
    QVERIFY(unsubscribeSent);
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::awkwardHeadersAndBinaryBodies_data()
{
    addRows();
}

void tst_StompClientBroker::awkwardHeadersAndBinaryBodies()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    const QString queue = QStringLiteral("/queue/") + unique("escape");
    StompClient client;
    configure(client, env, mode);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    CONNECT_OR_FAIL(client);
    SUBSCRIBE_OR_FAIL(sub, received, client, queue, StompClient::AckAuto);

    const StompHeaders headers{
        {"x-colon", "a:b:c"},
        {"x-newline", "line 1\nline 2"},
        {"x-backslash", "C:\\path\\to\\"},
        {"x-all", "k:v\n\\:\\n"},
        {"x-utf8", "gr\xc3\xbc\xc3\x9f dich \xe2\x9c\x93"},
    };
    QByteArray binary;
    for (int i = 0; i < 256; ++i)
        binary.append(char(i));
    const QByteArrayList bodies{QByteArray("\0", 1), QByteArray("a\0b\0\0c", 6), binary,
                                QByteArray(70000, '\0'), QByteArray()};
    for (const QByteArray &body : bodies)
        client.send(queue, body, headers);

    QTRY_COMPARE_WITH_TIMEOUT(received.count(), bodies.size(), TimeoutMs);
    const QList<StompFrame> messages = framesOf(received);
    for (int i = 0; i < bodies.size(); ++i) {
        const StompFrame &m = messages.at(i);
        QCOMPARE(m.body(), bodies.at(i));
        for (const auto &[name, value] : headers)
            QCOMPARE(m.header(name), value);
    }
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::virtualHost_data()
{
    QTest::addColumn<Mode>("mode");
    for (const auto &[modeName, mode] : kModes)
        QTest::newRow(modeName) << mode;
}

void tst_StompClientBroker::virtualHost()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    QVERIFY2(!env.vhost.isEmpty(), "the RabbitMQ of this run has a test vhost");

    // The URL form, with the test vhost as its path: it works, and a queue in it is not
    // visible from the default vhost "/" (where this user has no rights at all).
    StompClient client;
    client.setListenerMode(mode);
    client.setUrl(env.url());
    client.setSocketTimeout(TimeoutMs);
    QCOMPARE(client.virtualHost(), env.vhost);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    CONNECT_OR_FAIL(client);
    const QString queue = QStringLiteral("/queue/") + unique("vhost");
    SUBSCRIBE_OR_FAIL(sub, received, client, queue, StompClient::AckAuto);
    client.send(queue, "in the vhost");
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, TimeoutMs);
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

// ---- rainy day ---------------------------------------------------------------------------

void tst_StompClientBroker::workerDeliveryIsBounded_data()
{
    QTest::addColumn<Broker>("broker");
    for (const auto &[brokerName, broker] : kBrokers)
        QTest::addRow("%s", brokerName) << broker;
}

// WorkerThread: while the client's thread is busy, the worker stops reading once
// readHighWaterMark bytes of messages wait for it (TCP then holds the broker back), and
// reads again when they are handled. Nothing is lost or reordered.
void tst_StompClientBroker::workerDeliveryIsBounded()
{
    QFETCH(Broker, broker);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));
    constexpr int Count = 3000;
    const QByteArray padding(1000, 'p');
    const QString queue = QStringLiteral("/queue/") + unique("bounded");

    // The messages wait on the broker, so that subscribing floods the consumer.
    {
        StompClient producer;
        configure(producer, env, StompClient::WorkerThread);
        CONNECT_OR_FAIL(producer);
        for (int i = 0; i < Count; ++i)
            producer.send(queue, QByteArray::number(i) + ':' + padding);
        const QString last = producer.send(queue, "last", {}, StompClient::WithReceipt);
        QVERIFY(producer.waitForReceipt(last, TimeoutMs));
        producer.disconnectFromHost();
        QVERIFY(producer.waitForDisconnected(TimeoutMs));
    }

    StompClient client;
    configure(client, env, StompClient::WorkerThread);
    client.setReadHighWaterMark(64 * 1024);
    QCOMPARE(client.readHighWaterMark(), 64 * 1024);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    CONNECT_OR_FAIL(client);
    QVERIFY(!client.isFlowControlled());
    // waitForReceipt() does not run this thread's event loop in WorkerThread mode: from here
    // until the event loop runs, nothing is handled.
    SUBSCRIBE_OR_FAIL(sub, received, client, queue, StompClient::AckAuto);
    QThread::msleep(1500); // busy: the worker reads what arrives, up to the mark
    QVERIFY2(client.isFlowControlled(), "the worker kept reading for a busy client thread");

    QTRY_COMPARE_WITH_TIMEOUT(received.count(), Count + 1, 4 * TimeoutMs);
    const QByteArrayList bodies = bodiesOf(received);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(bodies.at(i), QByteArray::number(i) + ':' + padding);
    QCOMPARE(bodies.last(), QByteArray("last"));
    QVERIFY(!client.isFlowControlled());
    QCOMPARE(client.state(), StompClient::Connected);
    client.disconnectFromHost();
    QVERIFY(client.waitForDisconnected(TimeoutMs));
    QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
}

void tst_StompClientBroker::authenticationFailure_data()
{
    addRows();
}

void tst_StompClientBroker::authenticationFailure()
{
    QFETCH(Broker, broker);
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    StompClient client;
    configure(client, env, mode);
    client.setPasscode(QStringLiteral("definitely-wrong"));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy serverErrors(&client, &StompClient::serverErrorReceived);
    QSignalSpy disconnected(&client, &StompClient::disconnected);

    // ActiveMQ now and then closes a refused connection without its ERROR frame reaching the
    // client (a few per cent of WorkerThread attempts here, before and after the write-path
    // changes; the socket shows an end of stream with no byte to read). Then the client can
    // only say RemoteClosed, which it must: the attempt is repeated, up to three times, until
    // the broker's ERROR arrives, and everything below is asserted on that attempt.
    for (int attempt = 0; attempt < 3; ++attempt) {
        errors.clear();
        serverErrors.clear();
        disconnected.clear();
        client.connectToHost();
        QVERIFY(!client.waitForConnected(TimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, TimeoutMs);
        QCOMPARE(client.state(), StompClient::Disconnected);
        if (broker != Broker::ActiveMq || client.error() != StompClient::RemoteClosed
            || !serverErrors.isEmpty())
            break;
        qWarning("ActiveMQ closed without its ERROR frame (attempt %d); trying again", attempt + 1);
    }
    QCOMPARE(client.error(), StompClient::AuthenticationFailed);
    QTRY_COMPARE(serverErrors.count(), 1);
    const StompFrame error = serverErrors.first().first().value<StompFrame>();
    QCOMPARE(error.command(), StompFrame::Error);
    // The broker's own words reach the user:
    //   RabbitMQ: message "Bad CONNECT", body "Access refused for user 'stompqt'"
    //   ActiveMQ: message "User name [stompqt] or password is invalid."
    const QString expected = broker == Broker::RabbitMq ? QStringLiteral("Bad CONNECT")
                                                        : QStringLiteral("password is invalid");
    QVERIFY2(client.errorString().contains(expected), qPrintable(client.errorString()));
    QCOMPARE(client.errorString(), error.message());
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().at(0).value<StompClient::Error>(), StompClient::AuthenticationFailed);
    QCOMPARE(errors.first().at(1).toString(), error.message());
    if (broker == Broker::RabbitMq)
        QVERIFY2(error.text().contains(QStringLiteral("Access refused")), qPrintable(error.text()));
}

void tst_StompClientBroker::unknownVirtualHost_data()
{
    QTest::addColumn<Mode>("mode");
    for (const auto &[modeName, mode] : kModes)
        QTest::newRow(modeName) << mode;
}

void tst_StompClientBroker::unknownVirtualHost()
{
    QFETCH(Mode, mode);
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());

    StompClient client;
    configure(client, env, mode);
    client.setVirtualHost(unique("no-such-vhost"));
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy serverErrors(&client, &StompClient::serverErrorReceived);

    client.connectToHost();
    QVERIFY(!client.waitForConnected(TimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), StompClient::Disconnected, TimeoutMs);
    // RabbitMQ answers CONNECT with an ERROR ("Bad CONNECT", body "Virtual host '...'
    // access denied"), which the client reports as an authentication failure.
    QCOMPARE(client.error(), StompClient::AuthenticationFailed);
    QTRY_COMPARE(serverErrors.count(), 1);
    const StompFrame error = serverErrors.first().first().value<StompFrame>();
    QVERIFY2(error.text().contains(client.virtualHost()), qPrintable(error.text()));
    QCOMPARE(errors.count(), 1);
}

QTEST_MAIN(tst_StompClientBroker)
#include "tst_stompclient_broker.moc"
