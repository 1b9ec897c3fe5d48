// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompclient.h>

#include <optional>

class StompMessageQueuePrivate;

/*!
    The queueing duplex mode (the seed's QueueingDuplexClient).

    Attached to a StompClient (either listener mode), it takes every MESSAGE off the
    connection and onto a thread-safe queue; RECEIPT and ERROR frames go onto their own
    queues. Consumer threads block in take() with a timeout (the seed's queue_timeout, default
    5 s). The queue is bounded: when it holds capacity() messages the client stops reading
    from the socket until consumers catch up, so nothing is dropped and memory stays bounded
    (TCP holds the broker back). When the server closes the connection meanwhile, the messages
    it sent before (already in the transport's buffer: at most 1 MiB over TCP and TLS, 64 MiB
    over WebSocket) still go onto the queue, past capacity(); so do those that come before the
    RECEIPT for disconnectFromHost()'s DISCONNECT (up to StompClient::readHighWaterMark()
    bytes). A consumer may take longer than the heart-beat interval, frameTimeout and
    receiptTimeout: the silence it causes is not taken for a dead server or a lost receipt.
    Acknowledge from any thread with client->ack(frame). While attached,
    StompClient::messageReceived() is not emitted.
*/
class STOMPQT_EXPORT StompMessageQueue : public QObject
{
    Q_OBJECT
    Q_PROPERTY(int capacity READ capacity CONSTANT)
    Q_PROPERTY(int queueTimeout READ queueTimeout WRITE setQueueTimeout)

public:
    explicit StompMessageQueue(StompClient *client, int capacity = 10000, QObject *parent = nullptr);
    ~StompMessageQueue() override;

    StompClient *client() const;
    int capacity() const;
    int queueTimeout() const;
    void setQueueTimeout(int msecs);

    /// Blocks until a message is there or \a msecs passed (-2: queueTimeout(); -1: forever).
    /// The frame is the caller's to keep as long as it likes; once every copy of it is gone,
    /// the connection builds a later message in its storage (no allocation per message).
    std::optional<StompFrame> take(int msecs = -2);
    std::optional<StompFrame> tryTake();
    std::optional<StompFrame> takeReceipt(int msecs = -2);
    std::optional<StompFrame> takeError(int msecs = -2);

    int size() const;
    /// True while reading is paused because the queue is full.
    bool isFlowControlled() const;
    /// Wakes every waiting consumer; later take() calls return at once.
    void close();

private:
    std::shared_ptr<StompMessageQueuePrivate> d;
};
