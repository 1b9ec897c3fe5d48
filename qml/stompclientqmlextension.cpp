// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompclientqmlextension.h"

#include "stompqmlconvert_p.h"
#include "stompqmlsubscription.h"

StompClientQmlExtension::StompClientQmlExtension(QObject *parent) : QObject(parent)
{
    connect(client(), &StompClient::heartbeatChanged, this, &StompClientQmlExtension::heartbeatChanged);
}

int StompClientQmlExtension::outgoingHeartbeat() const { return client()->outgoingHeartbeat(); }
void StompClientQmlExtension::setOutgoingHeartbeat(int msecs)
{
    if (msecs != client()->outgoingHeartbeat())
        client()->setHeartbeat(msecs, client()->incomingHeartbeat());
}
int StompClientQmlExtension::incomingHeartbeat() const { return client()->incomingHeartbeat(); }
void StompClientQmlExtension::setIncomingHeartbeat(int msecs)
{
    if (msecs != client()->incomingHeartbeat())
        client()->setHeartbeat(client()->outgoingHeartbeat(), msecs);
}

QVariant StompClientQmlExtension::connectHeaders() const
{
    return StompQml::headersToVariant(client()->connectHeaders());
}
void StompClientQmlExtension::setConnectHeaders(const QVariant &headers)
{
    const StompHeaders h = StompQml::headersFromVariant(headers);
    if (h == client()->connectHeaders())
        return;
    client()->setConnectHeaders(h);
    emit connectHeadersChanged();
}

qint64 StompClientQmlExtension::bytesToWrite() const { return client()->bytesToWrite(); }

QString StompClientQmlExtension::send(const QString &destination, const QVariant &body,
                                      const QVariant &headers, int options,
                                      const QString &transaction)
{
    return client()->send(destination, StompQml::bodyFromVariant(body),
                          StompQml::headersFromVariant(headers),
                          StompClient::SendOptions(options), transaction);
}

StompQmlSubscription *StompClientQmlExtension::subscribe(const QString &destination, int ackMode,
                                                         const QVariant &headers, const QString &id)
{
    auto *sub = new StompQmlSubscription(client());
    sub->setDestination(destination);
    sub->setAckMode(StompClient::AckMode(ackMode));
    sub->setHeaders(headers);
    sub->setSubscriptionId(id);
    sub->setClient(client());
    sub->classBegin();
    sub->componentComplete();
    return sub;
}

QString StompClientQmlExtension::ack(const StompFrame &message, const QString &transaction, int options)
{
    return client()->ack(message, transaction, StompClient::SendOptions(options));
}

QString StompClientQmlExtension::nack(const StompFrame &message, const QString &transaction, int options)
{
    return client()->nack(message, transaction, StompClient::SendOptions(options));
}

QString StompClientQmlExtension::begin(const QString &transaction)
{
    return client()->begin(transaction);
}

QString StompClientQmlExtension::commit(const QString &transaction, int options)
{
    return client()->commit(transaction, StompClient::SendOptions(options));
}

QString StompClientQmlExtension::rollback(const QString &transaction, int options)
{
    return client()->abort(transaction, StompClient::SendOptions(options));
}
