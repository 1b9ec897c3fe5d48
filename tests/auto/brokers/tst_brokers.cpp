// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// Connectivity check for the brokers of this run, with a bare socket and hand-written frames
// (no StompQt code): when this fails, the environment is broken, not the library.

#include "brokerenv.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/quuid.h>
#include <QtNetwork/qtcpsocket.h>
#include <QtTest/qtest.h>

#if STOMPQT_HAVE_WEBSOCKETS
#  include <QtNetwork/qnetworkrequest.h>
#  include <QtTest/qsignalspy.h>
#  include <QtWebSockets/qwebsocket.h>
#endif

#include <optional>
#include <utility>

using namespace std::chrono_literals;

namespace {

constexpr int TimeoutMs = 15000;

enum class Broker { RabbitMq, ActiveMq };

std::optional<StompBrokerEnv> brokerEnv(Broker broker)
{
    return broker == Broker::RabbitMq ? stompRabbitMq() : stompActiveMq();
}

struct RawFrame
{
    QByteArray command;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first == name)
                return h.second; // the first occurrence wins
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first == name)
                return true;
        }
        return false;
    }
};

// The least STOMP a check needs: write raw bytes, cut the stream into frames (heart-beat EOLs,
// CRLF and content-length bodies included). Header values are not unescaped.
class RawStompConnection
{
public:
    bool open(const StompBrokerEnv &broker)
    {
        socket.connectToHost(broker.host, broker.port);
        return socket.waitForConnected(TimeoutMs);
    }

    bool write(const QByteArray &bytes)
    {
        socket.write(bytes);
        QDeadlineTimer deadline(TimeoutMs);
        while (socket.bytesToWrite() > 0) {
            if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
                return false;
        }
        return true;
    }

    /// The next frame, or nullopt when none arrives in time or the broker closed the connection.
    std::optional<RawFrame> next(int timeoutMs = TimeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            buffer += socket.readAll();
            if (auto frame = takeFrame())
                return frame;
            if (deadline.hasExpired() || socket.state() != QAbstractSocket::ConnectedState)
                return std::nullopt;
            socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        }
    }

    /// True when the broker closes the connection within the timeout (what it must do after ERROR).
    bool waitForClosedByPeer(int timeoutMs = TimeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (socket.state() != QAbstractSocket::UnconnectedState && !deadline.hasExpired()) {
            socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
            socket.readAll();
        }
        return socket.state() == QAbstractSocket::UnconnectedState;
    }

    QTcpSocket socket;

private:
    std::optional<RawFrame> takeFrame()
    {
        qsizetype pos = 0;
        while (pos < buffer.size() && (buffer[pos] == '\n' || buffer[pos] == '\r'))
            ++pos; // heart-beats

        // Command and header lines up to the empty line; LF or CRLF.
        RawFrame frame;
        qsizetype bodyStart = -1;
        for (qsizetype lineStart = pos;;) {
            const qsizetype lf = buffer.indexOf('\n', lineStart);
            if (lf < 0)
                return std::nullopt;
            QByteArray line = buffer.mid(lineStart, lf - lineStart);
            if (line.endsWith('\r'))
                line.chop(1);
            lineStart = lf + 1;
            if (frame.command.isEmpty()) {
                frame.command = line;
            } else if (line.isEmpty()) {
                bodyStart = lineStart;
                break;
            } else {
                const qsizetype colon = line.indexOf(':');
                frame.headers.append({ line.left(colon), colon < 0 ? QByteArray() : line.mid(colon + 1) });
            }
        }

        qsizetype bodyEnd;
        if (frame.hasHeader("content-length")) {
            bodyEnd = bodyStart + frame.header("content-length").toLongLong();
            if (buffer.size() <= bodyEnd)
                return std::nullopt;
        } else {
            bodyEnd = buffer.indexOf('\0', bodyStart);
            if (bodyEnd < 0)
                return std::nullopt;
        }
        frame.body = buffer.mid(bodyStart, bodyEnd - bodyStart);
        buffer.remove(0, bodyEnd + 1); // and the NUL
        return frame;
    }

    QByteArray buffer;
};

QByteArray connectFrame(const QString &host, const QString &login, const QString &passcode)
{
    // CONNECT headers are never escaped.
    return "CONNECT\naccept-version:1.2\nhost:" + host.toUtf8() + "\nlogin:" + login.toUtf8()
        + "\npasscode:" + passcode.toUtf8() + "\nheart-beat:0,0\n\n" + QByteArray(1, '\0');
}

QByteArray describe(const std::optional<RawFrame> &frame)
{
    if (!frame)
        return "no frame";
    QByteArray text = frame->command;
    for (const auto &h : frame->headers)
        text += " | " + h.first + ':' + h.second;
    if (!frame->body.isEmpty())
        text += " || " + frame->body.left(200);
    return text;
}

} // namespace

Q_DECLARE_METATYPE(Broker)

class tst_Brokers : public QObject
{
    Q_OBJECT

private slots:
    // Happy day ----------------------------------------------------------------------------
    void connectAndDisconnect_data();
    void connectAndDisconnect();
    void sendAndReceive_data();
    void sendAndReceive();
#if STOMPQT_HAVE_WEBSOCKETS
    void webSocketConnect();
#endif

    // Rainy day ----------------------------------------------------------------------------
    void refusedConnect_data();
    void refusedConnect();
};

void tst_Brokers::connectAndDisconnect_data()
{
    QTest::addColumn<Broker>("broker");
    QTest::addColumn<bool>("asGuest");
    QTest::addColumn<QByteArray>("server");

    QTest::newRow("RabbitMQ") << Broker::RabbitMq << false << QByteArray("RabbitMQ/");
    QTest::newRow("RabbitMQ guest on /") << Broker::RabbitMq << true << QByteArray("RabbitMQ/");
    QTest::newRow("ActiveMQ") << Broker::ActiveMq << false << QByteArray("ActiveMQ/");
}

void tst_Brokers::connectAndDisconnect()
{
    QFETCH(Broker, broker);
    QFETCH(bool, asGuest);
    QFETCH(QByteArray, server);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    RawStompConnection connection;
    QVERIFY2(connection.open(env), qPrintable(connection.socket.errorString()));
    const QByteArray connect = asGuest
        ? connectFrame(QStringLiteral("/"), QStringLiteral("guest"), QStringLiteral("guest"))
        : connectFrame(env.hostHeader(), env.login, env.passcode);
    QVERIFY(connection.write(connect));

    const auto connected = connection.next();
    QVERIFY2(connected && connected->command == "CONNECTED", describe(connected).constData());
    QCOMPARE(connected->header("version"), QByteArray("1.2"));
    QVERIFY2(connected->header("server").startsWith(server), describe(connected).constData());

    QVERIFY(connection.write(QByteArray("DISCONNECT\nreceipt:bye\n\n") + '\0'));
    const auto receipt = connection.next();
    QVERIFY2(receipt && receipt->command == "RECEIPT", describe(receipt).constData());
    QCOMPARE(receipt->header("receipt-id"), QByteArray("bye"));
}

void tst_Brokers::sendAndReceive_data()
{
    QTest::addColumn<Broker>("broker");
    QTest::newRow("RabbitMQ") << Broker::RabbitMq;
    QTest::newRow("ActiveMQ") << Broker::ActiveMq;
}

// SUBSCRIBE, SEND with a receipt and a body holding a NUL byte, then expect both the RECEIPT
// and the MESSAGE with the body intact.
void tst_Brokers::sendAndReceive()
{
    QFETCH(Broker, broker);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    RawStompConnection connection;
    QVERIFY2(connection.open(env), qPrintable(connection.socket.errorString()));
    QVERIFY(connection.write(connectFrame(env.hostHeader(), env.login, env.passcode)));
    const auto connected = connection.next();
    QVERIFY2(connected && connected->command == "CONNECTED", describe(connected).constData());

    const QByteArray queue =
        "/queue/stompqt-check-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QByteArray body("hello\0world", 11);
    QVERIFY(connection.write("SUBSCRIBE\nid:0\ndestination:" + queue + "\nack:auto\nreceipt:sub\n\n"
                             + QByteArray(1, '\0')));
    const auto subscribed = connection.next();
    QVERIFY2(subscribed && subscribed->command == "RECEIPT", describe(subscribed).constData());
    QCOMPARE(subscribed->header("receipt-id"), QByteArray("sub"));

    QVERIFY(connection.write("SEND\ndestination:" + queue + "\nreceipt:sent\nx-stompqt:check\n"
                             + "content-type:application/octet-stream\ncontent-length:"
                             + QByteArray::number(body.size()) + "\n\n" + body + '\0'));
    bool receiptSeen = false;
    std::optional<RawFrame> message;
    while (!receiptSeen || !message) {
        const auto frame = connection.next();
        QVERIFY2(frame, "RECEIPT or MESSAGE missing");
        if (frame->command == "RECEIPT") {
            QCOMPARE(frame->header("receipt-id"), QByteArray("sent"));
            receiptSeen = true;
        } else if (frame->command == "MESSAGE") {
            message = frame;
        } else {
            QFAIL(describe(frame).constData());
        }
    }
    QCOMPARE(message->header("subscription"), QByteArray("0"));
    QCOMPARE(message->header("destination"), queue);
    QCOMPARE(message->header("x-stompqt"), QByteArray("check"));
    QCOMPARE(message->body, body);

    QVERIFY(connection.write(QByteArray("DISCONNECT\nreceipt:bye\n\n") + '\0'));
    const auto receipt = connection.next();
    QVERIFY2(receipt && receipt->command == "RECEIPT", describe(receipt).constData());
}

#if STOMPQT_HAVE_WEBSOCKETS
void tst_Brokers::webSocketConnect()
{
    STOMPQT_REQUIRE_BROKER(env, stompRabbitMq());
    QVERIFY2(env.wsPort != 0, "STOMPQT_RABBITMQ_WS_PORT is not set");

    QWebSocket socket;
    QNetworkRequest request(env.webSocketUrl());
    request.setRawHeader("Sec-WebSocket-Protocol", "v12.stomp");
    QSignalSpy connectedSpy(&socket, &QWebSocket::connected);
    QSignalSpy textSpy(&socket, &QWebSocket::textMessageReceived);
    socket.open(request);
    QTRY_COMPARE_WITH_TIMEOUT(connectedSpy.size(), 1, TimeoutMs);

    socket.sendTextMessage(QString::fromUtf8(connectFrame(env.hostHeader(), env.login, env.passcode)));
    QTRY_VERIFY_WITH_TIMEOUT(!textSpy.isEmpty(), TimeoutMs);
    const QString reply = textSpy.first().first().toString();
    QVERIFY2(reply.startsWith(QLatin1String("CONNECTED\n")), qPrintable(reply));
    QVERIFY2(reply.contains(QLatin1String("\nversion:1.2\n")), qPrintable(reply));
    socket.close();
}
#endif

void tst_Brokers::refusedConnect_data()
{
    QTest::addColumn<Broker>("broker");
    QTest::addColumn<QString>("login");
    QTest::addColumn<QString>("passcode");
    QTest::addColumn<QString>("vhost"); // empty: the broker's own

    const QString wrong = QStringLiteral("not-the-passcode");
    QTest::newRow("RabbitMQ wrong passcode") << Broker::RabbitMq << QString() << wrong << QString();
    QTest::newRow("ActiveMQ wrong passcode") << Broker::ActiveMq << QString() << wrong << QString();
    QTest::newRow("ActiveMQ unknown user")
        << Broker::ActiveMq << QStringLiteral("nobody") << wrong << QString();
    QTest::newRow("RabbitMQ unknown vhost")
        << Broker::RabbitMq << QString() << QString() << QStringLiteral("no-such-vhost");
}

void tst_Brokers::refusedConnect()
{
    QFETCH(Broker, broker);
    QFETCH(QString, login);
    QFETCH(QString, passcode);
    QFETCH(QString, vhost);
    STOMPQT_REQUIRE_BROKER(env, brokerEnv(broker));

    RawStompConnection connection;
    QVERIFY2(connection.open(env), qPrintable(connection.socket.errorString()));
    QVERIFY(connection.write(connectFrame(vhost.isEmpty() ? env.hostHeader() : vhost,
                                          login.isEmpty() ? env.login : login,
                                          passcode.isEmpty() ? env.passcode : passcode)));
    const auto error = connection.next();
    QVERIFY2(error && error->command == "ERROR", describe(error).constData());
    QVERIFY2(!error->header("message").isEmpty(), describe(error).constData());
    // ActiveMQ closes at once. RabbitMQ keeps the socket open for about ten seconds after a
    // refused CONNECT: a client must close on ERROR itself rather than wait for the broker.
    if (broker == Broker::ActiveMq)
        QVERIFY2(connection.waitForClosedByPeer(), "the broker kept the connection open after ERROR");
}

QTEST_GUILESS_MAIN(tst_Brokers)
#include "tst_brokers.moc"
