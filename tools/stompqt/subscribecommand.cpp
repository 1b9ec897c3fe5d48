// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "subscribecommand.h"

#include "messageformat.h"

#include <StompQt/stompsubscription.h>

using namespace Qt::StringLiterals;

namespace StompCli {

SubscribeCommand::SubscribeCommand(const ConnectionConfig &connection, const SubscribeConfig &subscribe,
                                   QObject *parent)
    : Command(connection, parent), m_subscribe(subscribe)
{
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setTimerType(Qt::PreciseTimer); // "after S seconds" means not 5% earlier
    connect(&m_idleTimer, &QTimer::timeout, this, &SubscribeCommand::onIdle);
}

void SubscribeCommand::onConnected()
{
    m_subscription = client()->subscribe(m_subscribe.destination, m_subscribe.ackMode,
                                         config().extraHeaders, m_subscribe.id);
    if (!m_subscription) {
        fail(ExitConnection, u"could not subscribe to %1"_s.arg(m_subscribe.destination));
        return;
    }
    connect(m_subscription, &StompSubscription::messageReceived, this, &SubscribeCommand::onMessage);
    note(u"subscribed to %1 (id %2)"_s.arg(m_subscribe.destination, m_subscription->id()));
    if (m_subscribe.idleTimeoutMs > 0)
        m_idleTimer.start(m_subscribe.idleTimeoutMs);
}

void SubscribeCommand::onMessage(const StompFrame &message)
{
    // After the last wanted message, further deliveries are neither printed nor acked:
    // in the client ack modes the broker redelivers them to the next consumer.
    if (isEnding())
        return;
    writeStdout(formatMessage(message, m_subscribe.format));
    if (m_subscribe.ackMode != StompClient::AckAuto)
        client()->ack(message);
    ++m_received;
    if (m_subscribe.count > 0 && m_received >= m_subscribe.count) {
        m_idleTimer.stop();
        finish(ExitSuccess); // DISCONNECT's receipt also confirms the acks sent before it
        return;
    }
    if (m_subscribe.idleTimeoutMs > 0)
        m_idleTimer.start(m_subscribe.idleTimeoutMs);
}

void SubscribeCommand::onIdle()
{
    if (isEnding())
        return;
    if (m_subscribe.count > 0 && m_received < m_subscribe.count) {
        writeStderr(u"stompqt subscribe: timed out after %1 s without a message; received %2 of %3\n"_s
                            .arg(m_subscribe.idleTimeoutMs / 1000.0).arg(m_received).arg(m_subscribe.count));
        finish(ExitTimeout);
        return;
    }
    note(u"no message for %1 s; received %2"_s.arg(m_subscribe.idleTimeoutMs / 1000.0).arg(m_received));
    finish(ExitSuccess);
}

} // namespace StompCli
