// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "stompqtqml_global.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompframe.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qelapsedtimer.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtQml/qqml.h>
#include <QtQml/qqmlparserstatus.h>

/*!
    A subscription declared in QML. It subscribes as soon as its client is connected and
    its destination is set, subscribes again after every reconnect, follows changes of
    destination, ack mode and headers, and unsubscribes when disabled or destroyed.

    \qml
    StompSubscription {
        client: client
        destination: "/topic/prices"
        ackMode: StompClient.AckClientIndividual
        onMessageReceived: (message) => { console.log(message.text); client.ack(message) }
    }
    \endqml

    messageCount and rate are statistics: their change signals are rate-limited (at most ten
    a second) so that bindings to them stay cheap at thousands of messages a second; reading
    messageCount always gives the exact value.
*/
class STOMPQTQML_EXPORT StompQmlSubscription : public QObject, public QQmlParserStatus
{
    Q_OBJECT
    Q_INTERFACES(QQmlParserStatus)
    QML_NAMED_ELEMENT(StompSubscription)
    Q_PROPERTY(StompClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(QString destination READ destination WRITE setDestination NOTIFY destinationChanged)
    Q_PROPERTY(StompClient::AckMode ackMode READ ackMode WRITE setAckMode NOTIFY ackModeChanged)
    Q_PROPERTY(QVariant headers READ headers WRITE setHeaders NOTIFY headersChanged)
    Q_PROPERTY(QString subscriptionId READ subscriptionId WRITE setSubscriptionId NOTIFY subscriptionIdChanged)
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)
    Q_PROPERTY(bool autoAcknowledge READ autoAcknowledge WRITE setAutoAcknowledge NOTIFY autoAcknowledgeChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(StompSubscription *subscription READ subscription NOTIFY activeChanged)
    Q_PROPERTY(qint64 messageCount READ messageCount NOTIFY messageCountChanged)
    Q_PROPERTY(double rate READ rate NOTIFY rateChanged)

public:
    explicit StompQmlSubscription(QObject *parent = nullptr);
    ~StompQmlSubscription() override;

    StompClient *client() const { return m_client; }
    void setClient(StompClient *client);
    QString destination() const { return m_destination; }
    void setDestination(const QString &destination);
    StompClient::AckMode ackMode() const { return m_ackMode; }
    void setAckMode(StompClient::AckMode mode);
    QVariant headers() const { return m_headersValue; }
    void setHeaders(const QVariant &headers);
    /// The id of the current SUBSCRIBE; when set before subscribing, that id is used.
    QString subscriptionId() const;
    void setSubscriptionId(const QString &id);
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    /// ACK every message after messageReceived() (for client and client-individual modes).
    bool autoAcknowledge() const { return m_autoAck; }
    void setAutoAcknowledge(bool on);
    bool isActive() const;
    StompSubscription *subscription() const { return m_sub; }
    qint64 messageCount() const { return m_count; }
    /// Messages per second over the last second.
    double rate() const { return m_rate; }

    void classBegin() override;
    void componentComplete() override;

public Q_SLOTS:
    /// ACK/NACK \a message with the headers the negotiated version needs.
    QString ack(const StompFrame &message, const QString &transaction = {});
    QString nack(const StompFrame &message, const QString &transaction = {});
    /// Same as enabled = false.
    void unsubscribe();
    /// Sets messageCount and rate back to 0.
    void resetStatistics();

Q_SIGNALS:
    void messageReceived(const StompFrame &message);
    void subscribed();
    void unsubscribed();
    void clientChanged();
    void destinationChanged();
    void ackModeChanged();
    void headersChanged();
    void subscriptionIdChanged();
    void enabledChanged();
    void autoAcknowledgeChanged();
    void activeChanged();
    void messageCountChanged();
    void rateChanged();

private:
    void update();
    void subscribeNow();
    void dropSubscription(bool sendUnsubscribe, bool notify = true);
    void deliver(const StompFrame &message);
    void sampleRate();

    QPointer<StompClient> m_client;
    QPointer<StompSubscription> m_sub;
    QString m_destination;
    StompClient::AckMode m_ackMode = StompClient::AckAuto;
    QVariant m_headersValue;
    StompHeaders m_headers;
    QString m_requestedId;
    bool m_enabled = true;
    bool m_autoAck = false;
    bool m_complete = false;
    qint64 m_count = 0;
    qint64 m_countAtSample = 0;
    double m_rate = 0;
    QElapsedTimer m_sampleClock;
    QTimer m_rateTimer;
    QTimer m_countNotifyTimer;
    QMetaObject::Connection m_stateConnection;
};
