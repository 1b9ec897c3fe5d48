// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Helpers that several tests under tests/auto use word for word: readable QCOMPARE output
// for frames, the listener-mode rows, unique destination names, the usual waits, what an
// errorOccurred() or messageReceived() spy recorded, and connection settings for the brokers
// of this run (brokerenv.h). Header-only; everything but QTest::toString() is in StompTest,
// so a test says `using namespace StompTest;` (or names what it takes, where it keeps a
// helper of its own with the same name).

#include "brokerenv.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompconnectionpool.h>
#include <StompQt/stompframe.h>

#include <QtCore/qdebug.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/quuid.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <array>
#include <optional>
#include <utility>

// Readable failure messages for QCOMPARE on frames.
namespace QTest {
template<>
inline char *toString(const StompFrame &frame)
{
    QString text;
    QDebug(&text) << frame;
    return qstrdup(text.toUtf8().constData());
}
} // namespace QTest

namespace StompTest {

using Mode = StompClient::ListenerMode;

/// How long a wait on the in-process FakeStompServer may take.
inline constexpr int WaitMs = 5000;
/// How long a wait on a real broker may take.
inline constexpr int BrokerWaitMs = 15000;

/// The rows of a test that runs in both listener modes.
inline constexpr std::array<std::pair<const char *, Mode>, 2> kModes{{
        {"caller", StompClient::CallerThread},
        {"worker", StompClient::WorkerThread},
}};

/// A destination name unique to this run: "stompqt-<what>-<12 hex digits>".
inline QString unique(const char *what)
{
    return QStringLiteral("stompqt-%1-%2")
            .arg(QLatin1String(what), QUuid::createUuid().toString(QUuid::Id128).left(12));
}

/// The errors an errorOccurred spy recorded.
inline QList<StompClient::Error> errorsOf(const QSignalSpy &spy)
{
    QList<StompClient::Error> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<StompClient::Error>());
    return out;
}

/// What an errorOccurred spy recorded, as "ErrorName: text; ...".
inline QString describe(const QSignalSpy &errors)
{
    QStringList out;
    for (const QList<QVariant> &args : errors)
        out << QStringLiteral("%1: %2")
                       .arg(QLatin1String(QMetaEnum::fromType<StompClient::Error>().valueToKey(
                               args.at(0).toInt())),
                            args.at(1).toString());
    return out.join(QLatin1String("; "));
}

/// The bodies a messageReceived spy recorded.
inline QByteArrayList bodiesOf(const QSignalSpy &spy)
{
    QByteArrayList out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<StompFrame>().body());
    return out;
}

/// Connects \a client and returns the server side of connection \a index, or nullptr.
/// \a Server is FakeStompServer (a template, so that this header does not need it).
/// Returns once connected() has been delivered in this thread, not merely once state() says
/// Connected: in WorkerThread mode state() changes in the worker first, and the queued
/// stateChanged(Connected) would otherwise reach a spy the test creates afterwards.
template<typename Server>
auto connectTo(StompClient &client, Server &server, int index = 0)
        -> decltype(server.waitForConnect(index, WaitMs))
{
    QSignalSpy connected(&client, &StompClient::connected);
    client.connectToHost();
    auto *connection = server.waitForConnect(index, WaitMs);
    if (!connection)
        return nullptr;
    if (!QTest::qWaitFor([&] { return !connected.isEmpty(); }, WaitMs))
        return nullptr;
    return client.state() == StompClient::Connected ? connection : nullptr;
}

/// The broker of this run named "ActiveMQ", or else RabbitMQ.
inline std::optional<StompBrokerEnv> brokerByName(const QString &name)
{
    return name == QLatin1String("ActiveMQ") ? stompActiveMq() : stompRabbitMq();
}

/// Connection settings (StompPublisher, pools) for \a broker.
inline StompConnectionSettings settingsFor(const StompBrokerEnv &broker)
{
    StompConnectionSettings s;
    s.host = broker.host;
    s.port = broker.port;
    s.virtualHost = broker.vhost;
    s.login = broker.login;
    s.passcode = broker.passcode;
    return s;
}

} // namespace StompTest
