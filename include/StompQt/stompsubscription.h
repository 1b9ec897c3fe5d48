// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompclient.h>

#include <atomic>
#include <functional>

/*!
    One subscription of a StompClient (like QMqttSubscription). Created by
    StompClient::subscribe() and owned by the client. MESSAGE frames whose subscription
    header equals id() are emitted by messageReceived() and passed to the handler, if one
    is set (the seed's callable style).

    Deleting an active subscription ends it at the broker too: an UNSUBSCRIBE goes out
    (without a receipt) and the subscription is no longer replayed after a reconnect.
    Call unsubscribe() instead to learn when the broker confirmed it (unsubscribed()).
*/
class STOMPQT_EXPORT StompSubscription : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString id READ id CONSTANT)
    Q_PROPERTY(QString destination READ destination CONSTANT)
    Q_PROPERTY(StompClient::AckMode ackMode READ ackMode CONSTANT)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(qint64 messageCount READ messageCount NOTIFY messageReceived)

public:
    ~StompSubscription() override;

    QString id() const;
    QString destination() const;
    StompClient::AckMode ackMode() const;
    StompHeaders headers() const;
    bool isActive() const;
    qint64 messageCount() const;
    StompClient *client() const;

    using Handler = std::function<void(const StompFrame &)>;
    void setHandler(Handler handler);

public Q_SLOTS:
    /// Same as client()->unsubscribe(this).
    void unsubscribe();

Q_SIGNALS:
    void messageReceived(const StompFrame &message);
    void activeChanged();
    /// Emitted once the broker confirmed UNSUBSCRIBE (or the connection ended).
    void unsubscribed();

private:
    friend class StompClient;
    friend class StompClientPrivate;
    StompSubscription(StompClient *client, const QString &id, const QString &destination,
                      StompClient::AckMode ackMode, const StompHeaders &headers);
    void deliver(const StompFrame &message);
    void setActive(bool active);

    StompClient *m_client;
    QString m_id;
    QString m_destination;
    StompClient::AckMode m_ackMode;
    StompHeaders m_headers;
    Handler m_handler;
    qint64 m_count = 0;
    std::atomic<bool> m_active{true}; // read by unsubscribe() from any thread
};
