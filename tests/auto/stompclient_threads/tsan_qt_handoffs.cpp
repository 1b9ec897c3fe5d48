// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// ThreadSanitizer only (empty otherwise). Distribution Qt is not built with TSan, and two of
// its thread handoffs are invisible to it, which buries every real report under false ones:
//
//  1. QWaitCondition::wait() unlocks and relocks the caller's QMutex inside libQt6Core,
//     where QMutex is a bare futex without TSan annotations (QMutex::lock()/unlock() called
//     from instrumented code are annotated, see qtsan_impl.h).
//  2. Queued calls and queued signals travel through Qt's event queue, guarded by Qt's own
//     unannotated mutex.
//
// The test executable exports wrappers (ENABLE_EXPORTS) that the dynamic linker prefers over
// libQt6Core's definitions, for calls from libStompQt and from the test:
//
//  1. wait(): tells TSan about the unlock before and the relock after the real call.
//  2. invokeMethodImpl(receiver) releases a clock of the receiver, activate(sender) a clock
//     of the sender's signals; QObject::event() acquires the one its QMetaCallEvent came
//     through before the handler runs (and, for blocking calls, releases it afterwards).
//     This is the ordering Qt's post-event queue really gives: a write followed by a post
//     is visible to the handler of that post, not to unrelated handlers.
//  3. connectImpl(sender) releases a clock that activate(sender) acquires: a functor built
//     by connect() in one thread is published to the thread that emits.
//
// Not covered: the functor of a queued call is reference counted inside Qt, and the caller
// may drop the last reference inside invokeMethodImpl() (suppressed in tsan.supp), or drop
// the last reference to a value it captured later (the test keeps such values until a
// receipt has synchronised it with the connection's thread).
//
// QObject::event() is reached for StompQt's and the test's own classes (their vtables bind
// the symbol dynamically); Qt's classes call it internally and are not affected.

#if defined(__has_feature)
#  if __has_feature(thread_sanitizer) && !defined(__SANITIZE_THREAD__)
#    define __SANITIZE_THREAD__ 1
#  endif
#endif
#if defined(__SANITIZE_THREAD__)

#include <QtCore/qcoreevent.h>
#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qmutex.h>
#include <QtCore/qobject.h>
#include <QtCore/qwaitcondition.h>

#include <sanitizer/tsan_interface.h>

#include <dlfcn.h>

namespace {

// QAbstractMetaCallEvent (qobject_p.h, unchanged for many releases): its data follows QEvent's.
struct MetaCallEventLayout : QEvent
{
    int signalId;
    const QObject *sender;
};

// TSan sync objects: any distinct addresses do; these lie inside the object.
void *callClock(const QObject *receiver) { return const_cast<char *>(reinterpret_cast<const char *>(receiver)); }
void *signalClock(const QObject *sender) { return const_cast<char *>(reinterpret_cast<const char *>(sender)) + 1; }
void *connectClock(const QObject *sender) { return const_cast<char *>(reinterpret_cast<const char *>(sender)) + 2; }

template<typename F> F real(const char *mangled)
{
    void *f = dlvsym(RTLD_NEXT, mangled, "Qt_6");
    if (!f)
        f = dlsym(RTLD_NEXT, mangled);
    if (!f)
        __builtin_trap();
    return reinterpret_cast<F>(f);
}

void annotateUnlock(QMutex *m)
{
    __tsan_mutex_pre_unlock(m, 0);
    __tsan_mutex_post_unlock(m, 0);
}

void annotateLock(QMutex *m)
{
    __tsan_mutex_pre_lock(m, 0);
    __tsan_mutex_post_lock(m, 0, 0);
}

} // namespace

bool QWaitCondition::wait(QMutex *lockedMutex, QDeadlineTimer deadline)
{
    using Fn = bool (*)(QWaitCondition *, QMutex *, QDeadlineTimer);
    static const Fn f = real<Fn>("_ZN14QWaitCondition4waitEP6QMutex14QDeadlineTimer");
    annotateUnlock(lockedMutex);
    const bool woken = f(this, lockedMutex, deadline);
    annotateLock(lockedMutex);
    return woken;
}

bool QWaitCondition::wait(QMutex *lockedMutex, unsigned long time)
{
    using Fn = bool (*)(QWaitCondition *, QMutex *, unsigned long);
    static const Fn f = real<Fn>("_ZN14QWaitCondition4waitEP6QMutexm");
    annotateUnlock(lockedMutex);
    const bool woken = f(this, lockedMutex, time);
    annotateLock(lockedMutex);
    return woken;
}

bool QMetaObject::invokeMethodImpl(QObject *object, QtPrivate::QSlotObjectBase *slot,
                                   Qt::ConnectionType type, void *ret)
{
    using Fn = bool (*)(QObject *, QtPrivate::QSlotObjectBase *, Qt::ConnectionType, void *);
    static const Fn f = real<Fn>(
            "_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv");
    __tsan_release(callClock(object));
    const bool ok = f(object, slot, type, ret);
    if (type == Qt::BlockingQueuedConnection)
        __tsan_acquire(callClock(object)); // it waited for the handler
    return ok;
}

QMetaObject::Connection QObject::connectImpl(const QObject *sender, void **signal,
                                             const QObject *receiver, void **slotPtr,
                                             QtPrivate::QSlotObjectBase *slot,
                                             Qt::ConnectionType type, const int *types,
                                             const QMetaObject *senderMetaObject)
{
    using Fn = QMetaObject::Connection (*)(const QObject *, void **, const QObject *, void **,
                                           QtPrivate::QSlotObjectBase *, Qt::ConnectionType,
                                           const int *, const QMetaObject *);
    static const Fn f = real<Fn>(
            "_ZN7QObject11connectImplEPKS_PPvS1_S3_PN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPKiPK11QMetaObject");
    if (sender)
        __tsan_release(connectClock(sender));
    return f(sender, signal, receiver, slotPtr, slot, type, types, senderMetaObject);
}

void QMetaObject::activate(QObject *sender, const QMetaObject *meta, int localSignalIndex,
                           void **argv)
{
    using Fn = void (*)(QObject *, const QMetaObject *, int, void **);
    static const Fn f = real<Fn>("_ZN11QMetaObject8activateEP7QObjectPKS_iPPv");
    __tsan_acquire(connectClock(sender));
    __tsan_release(signalClock(sender));
    f(sender, meta, localSignalIndex, argv);
}

bool QObject::event(QEvent *e)
{
    using Fn = bool (*)(QObject *, QEvent *);
    static const Fn f = real<Fn>("_ZN7QObject5eventEP6QEvent");
    if (e->type() != QEvent::MetaCall)
        return f(this, e);
    const auto *call = static_cast<MetaCallEventLayout *>(e);
    const QObject *sender = call->sender;
    void *clock = sender ? signalClock(sender) : callClock(this);
    __tsan_acquire(clock);
    const bool handled = f(this, e);
    if (!sender)
        __tsan_release(clock); // for a blocking invokeMethod() waiting on it
    return handled;
}

#endif
