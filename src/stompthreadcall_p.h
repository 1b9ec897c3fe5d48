// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/qmetaobject.h>
#include <QtCore/qobject.h>
#include <QtCore/qthread.h>

#include <future>
#include <utility>

// A QObject that only gives a thread an address for stompCallInThread(). Its own class (with
// its vtable in StompQt) so that its events go through the QObject::event() that StompQt
// binds dynamically, which ThreadSanitizer builds of the tests annotate (see
// tests/auto/stompclient_threads/tsan_qt_handoffs.cpp); a plain QObject's are dispatched
// inside Qt, out of their sight.
class StompThreadContext final : public QObject
{
public:
    StompThreadContext();
    ~StompThreadContext() override;
};

// Runs \a f in the thread of \a context and waits for it (directly when already there).
// Like Qt::BlockingQueuedConnection, but the hand-over goes through std::promise, which
// ThreadSanitizer can follow (Qt's own semaphore is not instrumented in distribution builds).
// The context's thread must run an event loop.
template<typename F>
void stompCallInThread(QObject *context, F &&f)
{
    if (QThread::currentThread() == context->thread()) {
        f();
        return;
    }
    std::promise<void> done;
    std::future<void> finished = done.get_future();
    QMetaObject::invokeMethod(context, [&f, &done] {
        f();
        done.set_value();
    }, Qt::QueuedConnection);
    finished.wait();
}
