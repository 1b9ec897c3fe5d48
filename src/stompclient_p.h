// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompclient.h>

#include "stompconnection_p.h"

#include <QtCore/qrandom.h>

#include <deque>
#include <functional>

#include <QtCore/qthread.h>

// A call made from another thread, waiting for the connection's thread: plain SENDs encoded
// already (the common case: consecutive ones share one byte block), a frame to send, or any
// other call (std::function).
struct StompClientOp
{
    StompFrame frame;
    StompClient::SendOptions options;
    qint64 estimate = 0;
    std::function<void()> call;   // set: a call
    StompEncodedSends encoded;    // not empty: plain SENDs; else: send frame
    bool isEncoded() const { return !encoded.bytes.isEmpty(); }
};

class StompClientPrivate
{
public:
    explicit StompClientPrivate(StompClient *q) : q(q) {}

    void createConnection();
    void destroyConnection();
    bool inConnectionThread() const { return QThread::currentThread() == connection->thread(); }
    template<typename F> void post(F &&f);
    void postSend(StompFrame frame, StompClient::SendOptions options, qint64 estimate);
    void enqueue(StompClientOp op);
    bool admit(const QString &receipt);
    bool postEncodedSend(const QString &destination, const QByteArray &body,
                         const StompHeaders &headers, const QString &transaction,
                         StompClient::SendOptions options);
    void drainOps();
    QString nextId(const char *kind);
    QString submit(StompFrame frame, StompClient::SendOptions options);
    QString acknowledge(const StompFrame &message, bool positive, const QString &transaction,
                        StompClient::SendOptions options);
    bool wait(const std::function<bool()> &done, int msecs);
    void route(const StompFrame &message);
    template<typename... Args, typename Handler>
    void relay(void (StompConnection::*signal)(Args...), Handler handler);
    template<typename... Args>
    static void call(StompClient *client, void (StompClient::*signal)(Args...), const std::decay_t<Args> &...args)
    {
        (client->*signal)(args...);
    }
    template<typename F, typename... A>
    static void call(StompClient *, const F &f, const A &...args)
    {
        f(args...);
    }
    StompSubscription *findSubscription(QByteArrayView id) const;

    StompClient *q;
    StompConnectionConfig config;
    QList<QUrl> brokers;
    bool tlsRequested = false; // connectToHostEncrypted() for the plain host/port
    StompClient::ListenerMode mode = StompClient::CallerThread;
    std::shared_ptr<StompSharedState> shared = std::make_shared<StompSharedState>();
    StompConnection *connection = nullptr;
    QThread *worker = nullptr;
    QMutex opsMutex;
    std::deque<StompClientOp> ops;
    mutable QMutex subscriptionsMutex;
    QHash<QByteArray, StompSubscription *> subscriptions;
    // findSubscription()'s last hit; reset (under subscriptionsMutex) whenever subscriptions changes.
    mutable QByteArray lastRoutedId;
    mutable StompSubscription *lastRouted = nullptr;
    // The session (counted by accepted connectToHost() calls) each subscription was made in.
    // A session's disconnected() ends only its own subscriptions: in WorkerThread mode that
    // notice is queued and may arrive after the caller started the next session and
    // subscribed again. Guarded by subscriptionsMutex, like the counters.
    QHash<QByteArray, quint64> subscriptionSession;
    quint64 sessionsStarted = 0;
    quint64 sessionsEnded = 0;
    void forgetSubscription(StompSubscription *subscription);
    std::atomic<quint64> idCounter{0};

    // The client's own handlers running now (its signals, subscription handlers; always in
    // the client's thread). A client deleted from one of them is orphaned: ~StompClient leaves
    // this object alive (and destroyConnection() leaves a CallerThread connection, whose code
    // is still on the stack below the handler, to deleteLater()); the code that called the
    // handler sees `orphaned`, returns without touching the client, and the outermost
    // Dispatch deletes this object.
    int dispatching = 0;
    bool orphaned = false;
    struct Dispatch
    {
        explicit Dispatch(StompClientPrivate *d) : d(d) { ++d->dispatching; }
        ~Dispatch()
        {
            if (--d->dispatching == 0 && d->orphaned)
                delete d;
        }
        Q_DISABLE_COPY_MOVE(Dispatch)
        StompClientPrivate *d;
    };
    QString idPrefix = QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);
};

