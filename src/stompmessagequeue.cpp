// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompmessagequeue.h>

#include "stompclient_p.h"
#include "stompconnection_p.h"
#include "stompthreadcall_p.h"

#include <QtCore/qthread.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

// One deque per kind, each with its own condition: a wake-up for a message can never be
// taken by a thread that waits for a receipt. std::mutex and std::condition_variable: a
// wake-up costs one futex call, where QWaitCondition adds a mutex of its own around it.
struct StompQueueChannel
{
    std::deque<StompFrame> items;
    std::condition_variable cond;
    int waiting = 0; // threads in take() on this channel

    // Called with the mutex held, after adding or taking items: whether a consumer must be woken (only
    // one that found the channel empty can be asleep; take() passes the wake-up on while items
    // are left). The caller wakes it after unlocking, so that it does not wake into a locked
    // mutex.
    bool needsWake() const { return waiting > 0 && !items.empty(); }
    void wake(bool needed)
    {
        if (needed)
            cond.notify_one();
    }
};

class StompMessageQueuePrivate
{
public:
    std::optional<StompFrame> take(StompQueueChannel &channel, int msecs);
    void resume();

    mutable std::mutex mutex;
    StompQueueChannel messages;
    StompQueueChannel receipts;
    StompQueueChannel errors;
    int capacity = 10000;
    int queueTimeout = 5000;
    bool paused = false;
    bool closed = false;
    QPointer<StompConnection> connection;
    QPointer<StompClient> client;

    // Messages that take() handed out (small bodies only), passed back to the connection 64 at a
    // time (StompSharedState::returnFrames()) so that its parser builds new messages in their
    // storage instead of allocating: a consumer loop has dropped all but the newest by then. The
    // parser reuses a frame only when nothing else holds it, so one a consumer keeps stays intact.
    QList<StompFrame> handedOut; // under mutex
    std::shared_ptr<StompSharedState> shared;
    static constexpr qsizetype kHandBackEvery = 64;
};

std::optional<StompFrame> StompMessageQueuePrivate::take(StompQueueChannel &channel, int msecs)
{
    std::unique_lock lock(mutex);
    if (channel.items.empty()) {
        // Only a take() that has to wait reads the clock.
        if (msecs == -2)
            msecs = queueTimeout;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(qMax(0, msecs));
        while (channel.items.empty()) {
            if (closed || (msecs >= 0 && std::chrono::steady_clock::now() >= deadline))
                return std::nullopt;
            ++channel.waiting;
            if (msecs < 0)
                channel.cond.wait(lock);
            else
                channel.cond.wait_until(lock, deadline);
            --channel.waiting;
        }
    }
    StompFrame frame = std::move(channel.items.front());
    channel.items.pop_front();
    QList<StompFrame> handBack;
    if (&channel == &messages && shared && frame.bodySize() <= StompSharedState::kMaxReturnedBody) {
        handedOut.append(frame);
        if (handedOut.size() >= kHandBackEvery)
            handBack.swap(handedOut);
    }
    const bool passOn = channel.needsWake(); // more left: pass the wake-up on to the next consumer
    // Hysteresis (resume at half) keeps pause/resume from flapping on every message.
    const bool resumeNow = &channel == &messages && paused
            && qsizetype(messages.items.size()) <= capacity / 2 && connection;
    if (resumeNow)
        paused = false;
    lock.unlock();
    channel.wake(passOn);
    if (resumeNow)
        resume();
    if (!handBack.isEmpty())
        shared->returnFrames(handBack);
    return frame;
}

void StompMessageQueuePrivate::resume()
{
    StompConnection *c = connection;
    if (!c)
        return;
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
    d->shared = client->d->shared;
    StompConnection *c = client->d->connection;
    d->connection = c;
    std::weak_ptr<StompMessageQueuePrivate> weak = d;
    auto install = [c, weak] {
        // Messages are queued as they are parsed; the consumers are woken once per read (at
        // its end), not once per message.
        c->setMessageSink(
                [weak](const StompFrame &frame) {
                    auto q = weak.lock();
                    if (!q)
                        return false;
                    std::lock_guard lock(q->mutex);
                    q->messages.items.push_back(frame);
                    if (qsizetype(q->messages.items.size()) >= q->capacity)
                        q->paused = true;
                    return q->paused;
                },
                [weak] {
                    if (auto q = weak.lock()) {
                        std::unique_lock lock(q->mutex);
                        const bool wake = q->messages.needsWake();
                        lock.unlock();
                        q->messages.wake(wake);
                    }
                });
    };
    if (QThread::currentThread() == c->thread())
        install();
    else
        stompCallInThread(c, install);

    // Receipts and errors are few: they also keep flowing to the client's signals.
    connect(c, &StompConnection::receiptReceived, c, [weak](const QString &id) {
        if (auto q = weak.lock()) {
            std::unique_lock lock(q->mutex);
            auto &items = q->receipts.items;
            items.push_back(StompFrame(StompFrame::Receipt, {{"receipt-id", id.toUtf8()}}));
            if (items.size() > size_t(q->capacity))
                items.pop_front(); // nobody is reading them: keep the newest
            const bool wake = q->receipts.needsWake();
            lock.unlock();
            q->receipts.wake(wake);
        }
    }, Qt::DirectConnection);
    connect(c, &StompConnection::serverErrorReceived, c, [weak](const StompFrame &frame) {
        if (auto q = weak.lock()) {
            std::unique_lock lock(q->mutex);
            auto &items = q->errors.items;
            items.push_back(frame);
            if (items.size() > size_t(q->capacity))
                items.pop_front();
            const bool wake = q->errors.needsWake();
            lock.unlock();
            q->errors.wake(wake);
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
    std::lock_guard lock(d->mutex);
    return d->queueTimeout;
}
void StompMessageQueue::setQueueTimeout(int msecs)
{
    std::lock_guard lock(d->mutex);
    d->queueTimeout = msecs;
}

std::optional<StompFrame> StompMessageQueue::take(int msecs) { return d->take(d->messages, msecs); }
std::optional<StompFrame> StompMessageQueue::tryTake() { return d->take(d->messages, 0); }
std::optional<StompFrame> StompMessageQueue::takeReceipt(int msecs) { return d->take(d->receipts, msecs); }
std::optional<StompFrame> StompMessageQueue::takeError(int msecs) { return d->take(d->errors, msecs); }

int StompMessageQueue::size() const
{
    std::lock_guard lock(d->mutex);
    return int(d->messages.items.size());
}

bool StompMessageQueue::isFlowControlled() const
{
    std::lock_guard lock(d->mutex);
    return d->paused;
}

void StompMessageQueue::close()
{
    std::lock_guard lock(d->mutex);
    d->closed = true;
    d->messages.cond.notify_all();
    d->receipts.cond.notify_all();
    d->errors.cond.notify_all();
}
