// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompconnectionpool.h>

#include "stompconnection_p.h"
#include "stompthreadcall_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qthread.h>

#include <vector>

QString StompConnectionSettings::poolKey() const
{
    // The passcode counts too (hashed, never stored in the key): a connection made with
    // wrong credentials must not be handed out again for connectToHost(login, passcode).
    return host + QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + virtualHost
            + QLatin1Char('/') + login + QLatin1Char('/')
            + QString::number(qHash(passcode, 0x5707), 16);
}

// StompPublisherConnection -----------------------------------------------------------------

class StompPublisherConnectionPrivate
{
public:
    StompConnectionSettings settings;
    std::shared_ptr<StompSharedState> shared = std::make_shared<StompSharedState>();
    std::unique_ptr<StompConnection> connection;
    int openCount = 0;
    QMutex hopMutex;
    // Frames appended and not yet written, encoded for batchVersion (the connection's
    // thread only; pendingBytes() reads the atomic copy of its size).
    QByteArray batch;
    StompFrame::Version batchVersion = StompFrame::Version::V1_2;
    std::atomic<qint64> batchSize{0};

    bool flushHere()
    {
        if (batch.isEmpty())
            return true;
        if (connection->state() != StompClient::Connected)
            return false;
        if (connection->version() != batchVersion) {
            // Escaping differs between 1.0 and later versions: these bytes do not fit the
            // new session. Dropped, and said so.
            const QString text = QCoreApplication::translate(
                    "StompPublisher", "%1 bytes of batched frames dropped: encoded for another STOMP version than the new connection's")
                    .arg(batch.size());
            qCWarning(lcStompClient) << "publisher:" << text;
            dropBatch();
            connection->setBlockingError(StompClient::InvalidFrame, text);
            return false;
        }
        if (!connection->writeBytesBlocking(batch.constData(), batch.size()))
            return false;
        dropBatch();
        return true;
    }
    void dropBatch()
    {
        batch.resize(0); // keeps the allocation for the next batch
        batchSize.store(0, std::memory_order_relaxed);
    }

    // A socket is used only by its own thread: callers from other threads (a shared pool)
    // are serialized and their call runs there. The owner thread calls directly, lock-free.
    template<typename F> auto run(F f) -> decltype(f())
    {
        QThread *owner = connection->thread();
        // An owner thread that has ended (a pooled std::thread whose connection outlived it
        // through allConnections()) can no longer run the call: nobody else touches the
        // socket then, so run it here instead of blocking forever on a dead thread.
        if (QThread::currentThread() == owner || !owner || owner->isFinished() || !owner->isRunning())
            return f();
        QMutexLocker lock(&hopMutex);
        decltype(f()) result{};
        stompCallInThread(connection.get(), [&] { result = f(); });
        return result;
    }
};

StompPublisherConnection::StompPublisherConnection(const StompConnectionSettings &settings)
    : d(new StompPublisherConnectionPrivate)
{
    d->settings = settings;
    d->connection.reset(new StompConnection(d->shared));
}

StompPublisherConnection::~StompPublisherConnection()
{
    close();
    if (const qint64 lost = pendingBytes())
        qCWarning(lcStompClient) << "publisher connection destroyed with" << lost
                                 << "bytes of batched frames not sent (no flush() after a failure)";
}

StompConnectionSettings StompPublisherConnection::settings() const { return d->settings; }

bool StompPublisherConnection::open()
{
    return d->run([this] { return openHere(); });
}

bool StompPublisherConnection::openHere()
{
    if (isOpen())
        return true;
    StompConnectionConfig config;
    config.host = d->settings.host;
    config.port = d->settings.port;
    config.virtualHost = d->settings.virtualHost;
    config.login = d->settings.login;
    config.passcode = d->settings.passcode;
    config.versions = d->settings.versions;
    config.socketTimeout = d->settings.socketTimeout;
    config.connectHeaders = d->settings.connectHeaders;
    config.writeHighWaterMark = d->settings.writeHighWaterMark;
    if (d->connection->state() != StompClient::Disconnected)
        d->connection->abortNow();
    const bool ok = d->connection->openBlocking(config);
    if (ok)
        ++d->openCount;
    return ok;
}

bool StompPublisherConnection::isOpen() const
{
    // The shared state, not the connection's own member: any thread may ask.
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->state == StompClient::Connected;
}

bool StompPublisherConnection::write(const StompFrame &frame, StompClient::SendOptions options)
{
    return d->run([&] { return d->flushHere() && d->connection->writeBlocking(frame, options); });
}

bool StompPublisherConnection::append(const StompFrame &frame, StompClient::SendOptions options)
{
    return d->run([&] {
        if (d->connection->state() != StompClient::Connected) {
            d->connection->setBlockingError(StompClient::NotConnected,
                        QCoreApplication::translate("StompPublisher", "not connected"));
            return false;
        }
        if (d->batch.isEmpty())
            d->batchVersion = d->connection->version();
        else if (d->batchVersion != d->connection->version() && !d->flushHere())
            return false;
        if (!d->connection->appendBlocking(frame, options, &d->batch))
            return false;
        d->batchSize.store(d->batch.size(), std::memory_order_relaxed);
        return true;
    });
}

bool StompPublisherConnection::flush()
{
    return d->run([this] { return d->flushHere(); });
}

qint64 StompPublisherConnection::pendingBytes() const
{
    return d->batchSize.load(std::memory_order_relaxed);
}

void StompPublisherConnection::close()
{
    d->run([this] {
        closeHere();
        return true;
    });
}

void StompPublisherConnection::closeHere()
{
    if (d->connection->state() == StompClient::Connected && d->flushHere()) {
        // Graceful and bounded by the socket timeout: the batch and a DISCONNECT with a
        // receipt go out, and the socket closes once the server answered it, that is once it
        // handled every frame before. The only frame a write-only connection reads.
        d->connection->close();
    }
    d->connection->abortNow();
}

StompClient::Error StompPublisherConnection::error() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->error;
}

QString StompPublisherConnection::errorString() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->errorString;
}

StompFrame::Version StompPublisherConnection::version() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->version;
}
int StompPublisherConnection::openCount() const { return d->openCount; }

StompConnectionPool::~StompConnectionPool() = default;

// StompThreadLocalConnectionPool -----------------------------------------------------------

class StompThreadLocalConnectionPoolPrivate
{
public:
    mutable QMutex mutex; // guards `all` and `created`, never taken on the hot path
    std::vector<std::weak_ptr<StompPublisherConnection>> all;
    int created = 0;
};

namespace {
struct ThreadLocalEntry
{
    std::weak_ptr<StompThreadLocalConnectionPoolPrivate> pool;
    // The pool's address identifies it on the fast path without locking the weak_ptr. It
    // cannot be reused by a later pool while this entry exists: the private part comes from
    // make_shared, whose single block (object and counts) stays allocated as long as a
    // weak_ptr to it does, even after the pool is gone.
    const StompThreadLocalConnectionPoolPrivate *poolId;
    StompConnectionSettings settings;
    std::shared_ptr<StompPublisherConnection> connection;
};

// poolKey() equality without building the key (a string and a hash per send otherwise:
// half of a batched publisher's time). Must compare exactly what poolKey() holds.
bool sameKey(const StompConnectionSettings &a, const StompConnectionSettings &b)
{
    return a.port == b.port && a.host == b.host && a.virtualHost == b.virtualHost
            && a.login == b.login && a.passcode == b.passcode;
}
// Destroyed when the thread ends, which closes that thread's connections in their thread.
thread_local std::vector<ThreadLocalEntry> t_connections;
} // namespace

StompThreadLocalConnectionPool::StompThreadLocalConnectionPool()
    : d(std::make_shared<StompThreadLocalConnectionPoolPrivate>())
{
}

StompThreadLocalConnectionPool::~StompThreadLocalConnectionPool()
{
    // This thread's connections close now; other threads' close at their next use of any
    // thread-local pool or when they end (a socket belongs to its thread).
    auto &entries = t_connections;
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [this](const ThreadLocalEntry &e) { return e.poolId == d.get(); }),
                  entries.end());
}

std::shared_ptr<StompPublisherConnection>
StompThreadLocalConnectionPool::connection(const StompConnectionSettings &settings)
{
    auto &entries = t_connections;
    for (const ThreadLocalEntry &e : entries) {
        if (e.poolId == d.get() && sameKey(e.settings, settings))
            return e.connection;
    }
    // Slow path: first use in this thread. Drop entries of pools that are gone.
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [](const ThreadLocalEntry &e) { return e.pool.expired(); }),
                  entries.end());
    auto connection = std::make_shared<StompPublisherConnection>(settings);
    entries.push_back({d, d.get(), settings, connection});
    QMutexLocker lock(&d->mutex);
    d->all.erase(std::remove_if(d->all.begin(), d->all.end(),
                                [](const auto &w) { return w.expired(); }),
                 d->all.end());
    d->all.push_back(connection);
    ++d->created;
    return connection;
}

QList<std::shared_ptr<StompPublisherConnection>> StompThreadLocalConnectionPool::allConnections() const
{
    QList<std::shared_ptr<StompPublisherConnection>> list;
    QMutexLocker lock(&d->mutex);
    for (const auto &w : d->all) {
        if (auto c = w.lock())
            list.append(c);
    }
    return list;
}

int StompThreadLocalConnectionPool::createdCount() const
{
    QMutexLocker lock(&d->mutex);
    return d->created;
}

// StompSharedConnectionPool ----------------------------------------------------------------

StompThreadContext::StompThreadContext() = default;
StompThreadContext::~StompThreadContext() = default;

// A shared connection lives in the pool's own thread; callers reach it through a proxy
// connection whose calls are serialized by a lock and run in that thread.
class StompSharedConnectionPoolPrivate
{
public:
    QThread thread;
    QObject *context = nullptr;
    mutable QMutex mutex;
    QHash<QString, std::shared_ptr<StompPublisherConnection>> connections;
    int created = 0;
};

StompSharedConnectionPool::StompSharedConnectionPool() : d(new StompSharedConnectionPoolPrivate)
{
    d->thread.setObjectName(QStringLiteral("StompQt shared pool"));
    d->context = new StompThreadContext;
    d->context->moveToThread(&d->thread);
    d->thread.start();
}

StompSharedConnectionPool::~StompSharedConnectionPool()
{
    {
        QMutexLocker lock(&d->mutex);
        d->connections.clear(); // the deleters close each connection in the pool's thread
    }
    QObject *context = d->context;
    stompCallInThread(context, [context] { delete context; });
    d->thread.quit();
    d->thread.wait();
}

std::shared_ptr<StompPublisherConnection>
StompSharedConnectionPool::connection(const StompConnectionSettings &settings)
{
    const QString key = settings.poolKey();
    QMutexLocker lock(&d->mutex);
    if (auto existing = d->connections.value(key))
        return existing;
    StompPublisherConnection *raw = nullptr;
    QObject *context = d->context;
    stompCallInThread(context, [&raw, &settings] { raw = new StompPublisherConnection(settings); });
    std::shared_ptr<StompPublisherConnection> connection(raw, [context](StompPublisherConnection *c) {
        if (QThread::currentThread() == context->thread())
            delete c;
        else
            stompCallInThread(context, [c] { delete c; });
    });
    d->connections.insert(key, connection);
    ++d->created;
    return connection;
}

QList<std::shared_ptr<StompPublisherConnection>> StompSharedConnectionPool::allConnections() const
{
    QMutexLocker lock(&d->mutex);
    return d->connections.values();
}

int StompSharedConnectionPool::createdCount() const
{
    QMutexLocker lock(&d->mutex);
    return d->created;
}
