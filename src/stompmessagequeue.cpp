// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompmessagequeue.h>

#include "stompclient_p.h"
#include "stompconnection_p.h"
#include "stompthreadcall_p.h"

#include <QtCore/qthread.h>

#include <deque>

class StompMessageQueuePrivate
{
public:
    std::optional<StompFrame> take(std::deque<StompFrame> &queue, int msecs);
    void resumeIfDrained();

    mutable QMutex mutex;
    QWaitCondition cond;
    std::deque<StompFrame> messages;
    std::deque<StompFrame> receipts;
    std::deque<StompFrame> errors;
    int capacity = 10000;
    int queueTimeout = 5000;
    bool paused = false;
    bool closed = false;
    QPointer<StompConnection> connection;
    QPointer<StompClient> client;
};

std::optional<StompFrame> StompMessageQueuePrivate::take(std::deque<StompFrame> &queue, int msecs)
{
    if (msecs == -2)
        msecs = queueTimeout;
    QDeadlineTimer deadline(msecs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(msecs));
    QMutexLocker lock(&mutex);
    while (queue.empty()) {
        if (closed || deadline.hasExpired())
            return std::nullopt;
        cond.wait(&mutex, deadline);
    }
    StompFrame frame = std::move(queue.front());
    queue.pop_front();
    lock.unlock();
    resumeIfDrained();
    return frame;
}

void StompMessageQueuePrivate::resumeIfDrained()
{
    QMutexLocker lock(&mutex);
    if (!paused || qsizetype(messages.size()) > capacity / 2 || !connection)
        return;
    paused = false;
    lock.unlock();
    StompConnection *c = connection;
    // Hysteresis (resume at half) keeps pause/resume from flapping on every message.
    if (QThread::currentThread() == c->thread())
        c->setReadPaused(false);
    else
        QMetaObject::invokeMethod(c, [c] { c->setReadPaused(false); }, Qt::QueuedConnection);
}

StompMessageQueue::StompMessageQueue(StompClient *client, int capacity, QObject *parent)
    : QObject(parent ? parent : client), d(std::make_shared<StompMessageQueuePrivate>())
{
    d->capacity = qMax(1, capacity);
    d->client = client;
    StompConnection *c = client->d->connection;
    d->connection = c;
    std::weak_ptr<StompMessageQueuePrivate> weak = d;
    auto install = [c, weak] {
        c->setMessageSink([weak](const StompFrame &frame) {
            auto q = weak.lock();
            if (!q)
                return false;
            QMutexLocker lock(&q->mutex);
            q->messages.push_back(frame);
            q->cond.wakeOne();
            if (qsizetype(q->messages.size()) >= q->capacity)
                q->paused = true;
            return q->paused;
        });
    };
    if (QThread::currentThread() == c->thread())
        install();
    else
        stompCallInThread(c, install);

    // Receipts and errors are few: they also keep flowing to the client's signals.
    connect(c, &StompConnection::receiptReceived, c, [weak](const QString &id) {
        if (auto q = weak.lock()) {
            QMutexLocker lock(&q->mutex);
            q->receipts.push_back(StompFrame(StompFrame::Receipt, {{"receipt-id", id.toUtf8()}}));
            if (q->receipts.size() > size_t(q->capacity))
                q->receipts.pop_front(); // nobody is reading them: keep the newest
            q->cond.wakeAll();
        }
    }, Qt::DirectConnection);
    connect(c, &StompConnection::serverErrorReceived, c, [weak](const StompFrame &frame) {
        if (auto q = weak.lock()) {
            QMutexLocker lock(&q->mutex);
            q->errors.push_back(frame);
            if (q->errors.size() > size_t(q->capacity))
                q->errors.pop_front();
            q->cond.wakeAll();
        }
    }, Qt::DirectConnection);
}

StompMessageQueue::~StompMessageQueue()
{
    close();
    if (StompConnection *c = d->connection) {
        auto detach = [c] {
            c->setMessageSink({});
            c->setReadPaused(false);
        };
        if (QThread::currentThread() == c->thread())
            detach();
        else
            stompCallInThread(c, detach);
    }
}

StompClient *StompMessageQueue::client() const { return d->client; } // the parent may be another object
int StompMessageQueue::capacity() const { return d->capacity; }
int StompMessageQueue::queueTimeout() const
{
    QMutexLocker lock(&d->mutex);
    return d->queueTimeout;
}
void StompMessageQueue::setQueueTimeout(int msecs)
{
    QMutexLocker lock(&d->mutex);
    d->queueTimeout = msecs;
}

std::optional<StompFrame> StompMessageQueue::take(int msecs) { return d->take(d->messages, msecs); }
std::optional<StompFrame> StompMessageQueue::tryTake() { return d->take(d->messages, 0); }
std::optional<StompFrame> StompMessageQueue::takeReceipt(int msecs) { return d->take(d->receipts, msecs); }
std::optional<StompFrame> StompMessageQueue::takeError(int msecs) { return d->take(d->errors, msecs); }

int StompMessageQueue::size() const
{
    QMutexLocker lock(&d->mutex);
    return int(d->messages.size());
}

bool StompMessageQueue::isFlowControlled() const
{
    QMutexLocker lock(&d->mutex);
    return d->paused;
}

void StompMessageQueue::close()
{
    QMutexLocker lock(&d->mutex);
    d->closed = true;
    d->cond.wakeAll();
}
