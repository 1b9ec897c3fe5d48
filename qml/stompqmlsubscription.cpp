// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompqmlsubscription.h"

#include "stompqmlconvert_p.h"

StompQmlSubscription::StompQmlSubscription(QObject *parent) : QObject(parent)
{
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, &StompQmlSubscription::sampleRate);
    m_countNotifyTimer.setInterval(100);
    m_countNotifyTimer.setSingleShot(true);
    connect(&m_countNotifyTimer, &QTimer::timeout, this, &StompQmlSubscription::messageCountChanged);
}

StompQmlSubscription::~StompQmlSubscription()
{
    dropSubscription(true, false);
}

void StompQmlSubscription::setClient(StompClient *client)
{
    if (m_client == client)
        return;
    dropSubscription(true);
    if (m_client)
        disconnect(m_stateConnection);
    m_client = client;
    if (m_client)
        m_stateConnection = connect(m_client, &StompClient::stateChanged, this, [this] { update(); });
    emit clientChanged();
    update();
}

void StompQmlSubscription::setDestination(const QString &destination)
{
    if (m_destination == destination)
        return;
    m_destination = destination;
    emit destinationChanged();
    dropSubscription(true);
    update();
}

void StompQmlSubscription::setAckMode(StompClient::AckMode mode)
{
    if (m_ackMode == mode)
        return;
    m_ackMode = mode;
    emit ackModeChanged();
    dropSubscription(true);
    update();
}

void StompQmlSubscription::setHeaders(const QVariant &headers)
{
    const StompHeaders parsed = StompQml::headersFromVariant(headers);
    m_headersValue = headers;
    if (parsed == m_headers)
        return;
    m_headers = parsed;
    emit headersChanged();
    dropSubscription(true);
    update();
}

QString StompQmlSubscription::subscriptionId() const
{
    return m_sub ? m_sub->id() : m_requestedId;
}

void StompQmlSubscription::setSubscriptionId(const QString &id)
{
    if (m_requestedId == id)
        return;
    m_requestedId = id;
    emit subscriptionIdChanged();
    if (m_sub && m_sub->id() != id && !id.isEmpty()) {
        dropSubscription(true);
        update();
    }
}

void StompQmlSubscription::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    emit enabledChanged();
    update();
}

void StompQmlSubscription::setAutoAcknowledge(bool on)
{
    if (m_autoAck == on)
        return;
    m_autoAck = on;
    emit autoAcknowledgeChanged();
}

bool StompQmlSubscription::isActive() const
{
    return m_sub && m_sub->isActive();
}

void StompQmlSubscription::classBegin() {}

void StompQmlSubscription::componentComplete()
{
    m_complete = true;
    update();
}

QString StompQmlSubscription::ack(const StompFrame &message, const QString &transaction)
{
    return m_client ? m_client->ack(message, transaction) : QString();
}

QString StompQmlSubscription::nack(const StompFrame &message, const QString &transaction)
{
    return m_client ? m_client->nack(message, transaction) : QString();
}

void StompQmlSubscription::unsubscribe()
{
    setEnabled(false);
}

void StompQmlSubscription::resetStatistics()
{
    m_count = m_countAtSample = 0;
    m_rate = 0;
    m_sampleClock.restart();
    emit messageCountChanged();
    emit rateChanged();
}

void StompQmlSubscription::update()
{
    if (m_sub && !m_sub->isActive())
        dropSubscription(false); // ended with the connection; a new one follows below
    const bool configured = m_complete && m_enabled && m_client && !m_destination.isEmpty();
    if (!configured) {
        dropSubscription(true);
        return;
    }
    // While (re)connecting an existing subscription is kept: the library may replay it.
    if (!m_sub && m_client->state() == StompClient::Connected)
        subscribeNow();
}

void StompQmlSubscription::subscribeNow()
{
    StompSubscription *sub = m_client->subscribe(m_destination, m_ackMode, m_headers, m_requestedId);
    if (!sub)
        return; // id in use; the library has logged it
    m_sub = sub;
    connect(sub, &StompSubscription::messageReceived, this, &StompQmlSubscription::deliver);
    connect(sub, &StompSubscription::activeChanged, this, [this, sub] {
        if (sub == m_sub && !sub->isActive())
            update();
    });
    m_sampleClock.start();
    m_countAtSample = m_count;
    m_rateTimer.start();
    emit activeChanged();
    emit subscriptionIdChanged();
    emit subscribed();
}

void StompQmlSubscription::dropSubscription(bool sendUnsubscribe, bool notify)
{
    if (!m_sub)
        return;
    StompSubscription *sub = m_sub;
    m_sub = nullptr;
    disconnect(sub, nullptr, this, nullptr);
    // The client owns the object; once it no longer routes to it (after the broker confirmed
    // UNSUBSCRIBE, or because the connection ended) it is safe to delete.
    if (sub->isActive() && sendUnsubscribe && m_client) {
        connect(sub, &StompSubscription::unsubscribed, sub, &QObject::deleteLater);
        m_client->unsubscribe(sub);
    } else if (!sub->isActive()) {
        sub->deleteLater();
    }
    m_rateTimer.stop();
    if (!notify)
        return;
    if (m_rate != 0) {
        m_rate = 0;
        emit rateChanged();
    }
    emit activeChanged();
    emit unsubscribed();
}

void StompQmlSubscription::deliver(const StompFrame &message)
{
    ++m_count;
    if (!m_countNotifyTimer.isActive())
        m_countNotifyTimer.start();
    emit messageReceived(message);
    if (m_autoAck && m_ackMode != StompClient::AckAuto && m_client)
        m_client->ack(message);
}

void StompQmlSubscription::sampleRate()
{
    const qint64 elapsed = m_sampleClock.restart();
    const double rate = elapsed > 0 ? double(m_count - m_countAtSample) * 1000.0 / double(elapsed) : 0.0;
    m_countAtSample = m_count;
    if (!qFuzzyCompare(rate + 1.0, m_rate + 1.0)) {
        m_rate = rate;
        emit rateChanged();
    }
}
