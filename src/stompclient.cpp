// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompclient.h>
#include <StompQt/stompsubscription.h>

#include "stompclient_p.h"
#include "stompconnection_p.h"
#include "stompthreadcall_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qmetaobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qrandom.h>
#include <QtCore/qthread.h>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#  include <QtNetwork/qsslconfiguration.h>
#endif

void StompClientPrivate::createConnection()
{
    connection = new StompConnection(shared);
    if (mode == StompClient::WorkerThread) {
        worker = new QThread;
        worker->setObjectName(QStringLiteral("StompQt worker"));
        connection->moveToThread(worker);
        worker->start();
    }
    using C = StompConnection;
    using S = StompClient;
    relay(&C::stateChanged, &S::stateChanged);
    relay(&C::connected, &S::connected);
    relay(&C::disconnected, [this] {
        // Subscriptions do not survive the connection; tell their owners. Only those of the
        // session that ended (see subscriptionSession).
        QList<StompSubscription *> ended;
        {
            QMutexLocker lock(&subscriptionsMutex);
            const quint64 session = ++sessionsEnded;
            for (auto it = subscriptions.begin(); it != subscriptions.end();) {
                if (subscriptionSession.value(it.key()) <= session) {
                    ended.append(it.value());
                    subscriptionSession.remove(it.key());
                    it = subscriptions.erase(it);
                    lastRouted = nullptr;
                } else {
                    ++it;
                }
            }
        }
        for (StompSubscription *s : ended) {
            s->setActive(false);
            emit s->unsubscribed();
            if (orphaned) // the client was deleted in that handler, and with it `ended`
                return;
        }
        emit q->disconnected();
    });
    relay(&C::errorOccurred, &S::errorOccurred);
    // Messages: a direct call in CallerThread, batches across threads (below) in WorkerThread.
    if (!worker) {
        connection->setMessageRoute([this](const StompFrame &m) {
            Dispatch scope(this);
            route(m);
        });
    }
    relay(&C::messagesReceived, [this](const QList<StompFrame> &batch, qint64 cost) {
        for (const StompFrame &m : batch) {
            route(m);
            if (orphaned)
                return;
        }
        shared->returnFrames(batch); // their storage serves the next messages
        // Handled: below half of readHighWaterMark the worker reads again (hysteresis keeps
        // pause and resume from alternating on every read).
        const qint64 left = shared->undeliveredBytes.fetch_sub(cost) - cost;
        if (left <= shared->readHighWaterMark.load(std::memory_order_relaxed) / 2
            && shared->deliveryPaused.exchange(false) && connection) {
            StompConnection *c = connection;
            QMetaObject::invokeMethod(c, [c] { c->resumeDelivery(); }, Qt::QueuedConnection);
        }
    });
    // Across threads, one event per read instead of one per message.
    connection->setBatchMessages(mode == StompClient::WorkerThread);
    relay(&C::receiptReceived, &S::receiptReceived);
    relay(&C::receiptFailed, &S::receiptFailed);
    relay(&C::serverErrorReceived, &S::serverErrorReceived);
    relay(&C::frameReceived, &S::frameReceived);
    relay(&C::frameSent, &S::frameSent);
    relay(&C::transactionAborted, &S::transactionAborted);
    relay(&C::writeBufferFull, &S::writeBufferFull);
    relay(&C::writeBufferDrained, &S::writeBufferDrained);
    relay(&C::reconnectScheduled, &S::reconnectScheduled);
    relay(&C::reconnected, &S::reconnected);
}

// A signal of the connection, handled in the client's thread. In WorkerThread mode the
// arguments are copied into the posted call here, in StompQt's own code, before Qt's event
// queue takes it: a queued signal would copy them inside Qt, where ThreadSanitizer cannot see
// the handover. Each emission is one posted event, so the order of all signals is kept.
template<typename... Args, typename Handler>
void StompClientPrivate::relay(void (StompConnection::*signal)(Args...), Handler handler)
{
    StompClient *client = q;
    StompClientPrivate *self = this;
    if (!worker) {
        QObject::connect(connection, signal, q, [client, self, handler](Args... args) {
            Dispatch scope(self);
            call(client, handler, args...);
        });
        return;
    }
    // The posted call is dropped if the client is deleted before it runs.
    QObject::connect(
            connection, signal, connection,
            [client, self, handler](Args... args) {
                QMetaObject::invokeMethod(
                        client,
                        [client, self, handler, args...] {
                            Dispatch scope(self);
                            call(client, handler, args...);
                        },
                        Qt::QueuedConnection);
            },
            Qt::DirectConnection);
}

void StompClientPrivate::destroyConnection()
{
    if (!connection)
        return;
    StompConnection *c = connection;
    connection = nullptr;
    {
        QMutexLocker lock(&opsMutex); // calls for a connection that is going away
        ops.clear();
    }
    if (worker) {
        // Deleted in its own thread, where its socket and timers live.
        stompCallInThread(c, [c] { delete c; });
        worker->quit();
        worker->wait();
        delete worker;
        worker = nullptr;
    } else if (dispatching > 0) {
        // Called from one of the client's handlers: the connection's code that called it is
        // still on the stack. It sees the connection ended and returns; deleteLater() frees it.
        QCoreApplication::removePostedEvents(c, QEvent::MetaCall); // drainOps() calls for it
        c->deleteLater();
    } else {
        delete c;
    }
}

// Calls from other threads queue up here and reach the connection's thread in batches: one
// event and one wake-up per burst instead of per call, in the order they were made.
template<typename F> void StompClientPrivate::post(F &&f)
{
    if (inConnectionThread()) {
        f();
        return;
    }
    StompClientOp op;
    op.call = std::forward<F>(f);
    enqueue(std::move(op));
}

void StompClientPrivate::postSend(StompFrame frame, StompClient::SendOptions options, qint64 estimate)
{
    if (inConnectionThread()) {
        connection->sendFrame(frame, options, estimate);
        return;
    }
    enqueue(StompClientOp{std::move(frame), options, estimate, {}});
}

void StompClientPrivate::enqueue(StompClientOp op)
{
    bool schedule;
    {
        QMutexLocker lock(&opsMutex);
        schedule = ops.empty();
        ops.push_back(std::move(op));
    }
    if (schedule)
        QMetaObject::invokeMethod(connection, [this] { drainOps(); }, Qt::QueuedConnection);
}

void StompClientPrivate::drainOps()
{
    for (;;) {
        std::deque<StompClientOp> batch;
        {
            QMutexLocker lock(&opsMutex);
            batch.swap(ops);
        }
        if (batch.empty()) {
            if (connection)
                connection->flushWrites();
            return;
        }
        for (auto &op : batch) {
            if (op.call)
                op.call();
            else if (!connection)
                continue;
            else if (op.isEncoded())
                connection->sendEncoded(std::move(op.encoded));
            else
                connection->sendFrame(op.frame, op.options, op.estimate);
        }
    }
}

QString StompClientPrivate::nextId(const char *kind)
{
    return QStringLiteral("%1-%2-%3").arg(QLatin1String(kind), idPrefix).arg(++idCounter);
}

QString StompClientPrivate::submit(StompFrame frame, StompClient::SendOptions options)
{
    QString receipt;
    if (options & StompClient::WithReceipt) {
        receipt = frame.receipt();
        if (receipt.isEmpty()) {
            receipt = nextId("r");
            frame.setHeader("receipt", receipt.toUtf8());
        }
    } else {
        receipt = frame.receipt();
    }
    if (!receipt.isEmpty())
        shared->addPendingReceipt(receipt);

    if (!admit(receipt))
        return {};
    const qint64 estimate = StompConnection::estimateSize(frame);
    shared->outstandingBytes.fetch_add(estimate);
    postSend(std::move(frame), options, estimate);
    return receipt;
}

// Back-pressure: a sender in another thread waits while the write buffer is above the
// high-water mark, so a fast producer cannot grow memory without bound. False when the wait
// timed out: the frame must not be sent, and the failure (and \a receipt's) is reported.
bool StompClientPrivate::admit(const QString &receipt)
{
    if (inConnectionThread())
        return true;
    const qint64 hwm = shared->highWaterMark.load();
    if (shared->outstandingBytes.load() <= hwm)
        return true;
    const bool drained = shared->waitUntil(
            [&] { return shared->outstandingBytes.load() <= hwm
                         || shared->state == StompClient::Disconnected; },
            shared->socketTimeout.load());
    if (drained)
        return true;
    if (!receipt.isEmpty())
        shared->receiptFailed(receipt);
    QMetaObject::invokeMethod(q, [q = q, s = shared, receipt] {
        if (!receipt.isEmpty())
            emit q->receiptFailed(receipt);
        emit q->errorOccurred(StompClient::WriteBufferFull,
                              QCoreApplication::translate("StompClient", "write buffer full for %1 ms; frame not sent")
                                      .arg(q->socketTimeout()));
    }, Qt::QueuedConnection);
    return false;
}

// A plain SEND from another thread is encoded here, in the caller's thread, straight into the
// byte block of the SENDs queued before it (no StompFrame, no allocation per message; the
// connection's thread writes the block in one go). False when the frame path is needed.
bool StompClientPrivate::postEncodedSend(const QString &destination, const QByteArray &body,
                                         const StompHeaders &headers, const QString &transaction,
                                         StompClient::SendOptions options)
{
    if ((options & StompClient::WithReceipt) || shared->monitorFrames.load(std::memory_order_relaxed)
        || lcStompFrames().isDebugEnabled())
        return false; // the frame path shows frames and tracks receipts
    if (!admit({}))
        return true; // refused and reported, like the frame path
    bool schedule;
    {
        QMutexLocker lock(&opsMutex);
        schedule = ops.empty();
        const bool fresh = schedule || !ops.back().isEncoded();
        if (fresh)
            ops.emplace_back(); // the block grows geometrically; one message allocates little
        StompEncodedSends &sends = ops.back().encoded;
        const qsizetype before = sends.bytes.size();
        if (!StompConnection::encodePlainSend(destination, body, headers, transaction, options,
                                              &sends.bytes)) {
            if (fresh)
                ops.pop_back();
            return false;
        }
        const qint64 size = sends.bytes.size() - before;
        sends.sizes.push_back(size);
        shared->outstandingBytes.fetch_add(size);
    }
    if (schedule)
        QMetaObject::invokeMethod(connection, [this] { drainOps(); }, Qt::QueuedConnection);
    return true;
}

// The ACK/NACK frame is built in the connection's thread: its headers depend on the
// negotiated version and on which connection delivered the message.
QString StompClientPrivate::acknowledge(const StompFrame &message, bool positive,
                                        const QString &transaction, StompClient::SendOptions options)
{
    const QString receipt = (options & StompClient::WithReceipt) ? nextId("r") : QString();
    if (!receipt.isEmpty())
        shared->addPendingReceipt(receipt);
    const qint64 estimate = 96;
    shared->outstandingBytes.fetch_add(estimate);
    StompConnection *c = connection;
    post([c, message, positive, transaction, receipt, estimate] {
        c->acknowledge(message, positive, transaction, receipt, estimate);
    });
    return receipt;
}

bool StompClientPrivate::wait(const std::function<bool()> &done, int msecs)
{
    if (!inConnectionThread())
        return shared->waitUntil(done, msecs);
    // The connection runs in this very thread: keep its events flowing while we wait.
    QDeadlineTimer deadline(msecs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(msecs));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(connection, &StompConnection::sharedStateChanged, &loop, &QEventLoop::quit);
    QObject::connect(connection, &StompConnection::receiptReceived, &loop, &QEventLoop::quit);
    QObject::connect(connection, &StompConnection::errorOccurred, &loop, &QEventLoop::quit);
    for (;;) {
        {
            QMutexLocker lock(&shared->mutex);
            if (done())
                return true;
        }
        if (deadline.hasExpired())
            return false;
        if (!deadline.isForever())
            timer.start(qMax<qint64>(1, deadline.remainingTime()));
        loop.exec();
    }
}

StompSubscription *StompClientPrivate::findSubscription(QByteArrayView id) const
{
    // fromRawData: a lookup key without copying the id, once per received message.
    const QByteArray key = QByteArray::fromRawData(id.data(), id.size());
    QMutexLocker lock(&subscriptionsMutex);
    // Messages mostly come in runs for one subscription: compare with the last id before
    // hashing (QHash's byte hash costs more than the rest of routing a message).
    if (lastRouted && id == QByteArrayView(lastRoutedId))
        return lastRouted;
    StompSubscription *s = subscriptions.value(key);
    if (s) {
        lastRoutedId = QByteArray(id.data(), id.size());
        lastRouted = s;
    }
    return s;
}

void StompClientPrivate::route(const StompFrame &message)
{
    emit q->messageReceived(message);
    if (orphaned)
        return;
    if (StompSubscription *s = findSubscription(message.headerView("subscription")))
        s->deliver(message);
}

// StompClient ------------------------------------------------------------------------------

StompClient::StompClient(QObject *parent) : QObject(parent), d(new StompClientPrivate(this))
{
    d->createConnection();
}

void StompClientPrivate::forgetSubscription(StompSubscription *subscription)
{
    QMutexLocker lock(&subscriptionsMutex);
    const QByteArray id = subscription->id().toUtf8();
    if (subscriptions.value(id) == subscription) {
        subscriptions.remove(id);
        lastRouted = nullptr;
        subscriptionSession.remove(id);
    }
}

StompClient::~StompClient()
{
    // The subscriptions (children) are deleted by ~QObject, after d is gone.
    for (StompSubscription *s : findChildren<StompSubscription *>(Qt::FindDirectChildrenOnly))
        s->m_client = nullptr;
    {
        QMutexLocker lock(&d->subscriptionsMutex);
        for (StompSubscription *s : std::as_const(d->subscriptions))
            s->m_client = nullptr;
    }
    const bool inHandler = d->dispatching > 0;
    if (d->connection) {
        StompConnection *c = d->connection;
        // From one of its handlers in CallerThread mode: nothing more is told to the client
        // being destroyed (the socket closes at once, nothing queued is sent).
        if (inHandler && !d->worker)
            QObject::disconnect(c, nullptr, this, nullptr);
        if (d->worker)
            stompCallInThread(c, [c] { c->abortNow(); });
        else
            c->abortNow();
    }
    d->destroyConnection();
    if (inHandler) {
        d->orphaned = true;
        (void)d.release(); // the outermost StompClientPrivate::Dispatch deletes it
    }
}

QString StompClient::host() const { return d->config.host; }
void StompClient::setHost(const QString &host)
{
    if (d->config.host == host)
        return;
    d->config.host = host;
    emit hostChanged();
    emit urlChanged();
}
quint16 StompClient::port() const { return d->config.port; }
void StompClient::setPort(quint16 port)
{
    if (d->config.port == port)
        return;
    d->config.port = port;
    emit portChanged();
    emit urlChanged();
}

QUrl StompClient::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("stomp"));
    url.setHost(d->config.host);
    url.setPort(d->config.port);
    url.setUserName(d->config.login);
    if (!d->config.virtualHost.isEmpty())
        url.setPath(QLatin1Char('/') + d->config.virtualHost);
    return url; // never carries the passcode
}

void StompClient::setUrl(const QUrl &url)
{
    // ActiveMQ's failover:(url1,url2)?randomize=false names a broker list.
    const QString text = url.toString();
    if (text.startsWith(QLatin1String("failover:"), Qt::CaseInsensitive)) {
        QString inner = text.mid(9);
        QString query;
        if (inner.startsWith(QLatin1Char('('))) {
            const qsizetype close = inner.lastIndexOf(QLatin1Char(')'));
            query = inner.mid(close + 1);
            inner = inner.mid(1, close - 1);
        }
        QList<QUrl> list;
        for (const QString &part : inner.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list.append(QUrl(part.trimmed()));
        if (list.isEmpty())
            return;
        StompReconnectPolicy policy = d->config.reconnect;
        policy.enabled = true;
        policy.shuffle = !query.contains(QLatin1String("randomize=false"));
        setReconnectPolicy(policy);
        setUrl(list.first());
        setBrokers(list);
        return;
    }
    StompEndpoint endpoint;
    if (!url.isValid() || !StompEndpoint::fromUrl(url, &endpoint)) {
        qCWarning(lcStompClient) << "ignoring unsupported STOMP URL" << url.toDisplayString(QUrl::RemovePassword);
        return;
    }
    setHost(endpoint.host);
    setPort(endpoint.port);
    if (!url.userName().isEmpty())
        setLogin(url.userName());
    if (!url.password().isEmpty())
        setPasscode(url.password());
    // stomp://host/vhost selects the virtual host ("/%2F" is RabbitMQ's "/"); for ws:// the
    // path is the HTTP path of the endpoint.
    const QString path = url.path(QUrl::FullyDecoded);
    if (endpoint.kind != StompEndpoint::WebSocket && path.size() > 1)
        setVirtualHost(path.mid(1));
    d->brokers = {url.adjusted(QUrl::RemovePassword)};
    emit brokersChanged();
    emit urlChanged();
}

QList<QUrl> StompClient::brokers() const { return d->brokers; }

void StompClient::setBrokers(const QList<QUrl> &brokers)
{
    QList<QUrl> accepted;
    for (const QUrl &u : brokers) {
        StompEndpoint e;
        if (StompEndpoint::fromUrl(u, &e))
            accepted.append(u.adjusted(QUrl::RemovePassword));
        else
            qCWarning(lcStompClient) << "ignoring unsupported broker URL" << u.toDisplayString(QUrl::RemovePassword);
    }
    if (d->brokers == accepted)
        return;
    d->brokers = accepted;
    emit brokersChanged();
}

QString StompClient::currentBroker() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->broker;
}

StompReconnectPolicy StompClient::reconnectPolicy() const { return d->config.reconnect; }
void StompClient::setReconnectPolicy(const StompReconnectPolicy &policy)
{
    d->config.reconnect = policy;
    emit reconnectPolicyChanged();
}
bool StompClient::reconnectEnabled() const { return d->config.reconnect.enabled; }
void StompClient::setReconnectEnabled(bool enabled)
{
    if (d->config.reconnect.enabled == enabled)
        return;
    d->config.reconnect.enabled = enabled;
    emit reconnectPolicyChanged();
}
int StompClient::reconnectAttempt() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->reconnectAttempt;
}
void StompClient::setCredentialsProvider(CredentialsProvider provider)
{
    d->config.credentials = std::move(provider);
}

QSslConfiguration StompClient::sslConfiguration() const
{
#if QT_CONFIG(ssl)
    return d->config.tls.configuration();
#else
    return {};
#endif
}
void StompClient::setSslConfiguration(const QSslConfiguration &configuration)
{
#if QT_CONFIG(ssl)
    d->config.tls.custom = configuration;
#else
    Q_UNUSED(configuration);
#endif
    emit tlsChanged();
}
bool StompClient::insecureSkipTlsVerification() const { return d->config.tls.insecureSkipVerification; }
void StompClient::setInsecureSkipTlsVerification(bool skip)
{
    if (d->config.tls.insecureSkipVerification == skip)
        return;
    if (skip)
        qCWarning(lcStompClient) << "TLS certificate verification is OFF: the connection can be intercepted";
    d->config.tls.insecureSkipVerification = skip;
    emit tlsChanged();
}

QString StompClient::virtualHost() const { return d->config.virtualHost; }
void StompClient::setVirtualHost(const QString &v)
{
    if (d->config.virtualHost == v)
        return;
    d->config.virtualHost = v;
    emit virtualHostChanged();
}
QString StompClient::login() const { return d->config.login; }
void StompClient::setLogin(const QString &login)
{
    if (d->config.login == login)
        return;
    d->config.login = login;
    emit loginChanged();
}
QString StompClient::passcode() const { return d->config.passcode; }
void StompClient::setPasscode(const QString &passcode)
{
    if (d->config.passcode == passcode)
        return;
    d->config.passcode = passcode;
    emit passcodeChanged();
}
StompClient::Versions StompClient::acceptedVersions() const { return d->config.versions; }
void StompClient::setAcceptedVersions(Versions versions)
{
    if (!versions)
        versions = Version1_0 | Version1_1 | Version1_2;
    if (d->config.versions == versions)
        return;
    d->config.versions = versions;
    emit acceptedVersionsChanged();
}
void StompClient::setHeartbeat(int outgoingMs, int incomingMs)
{
    d->config.heartbeatOut = qMax(0, outgoingMs);
    d->config.heartbeatIn = qMax(0, incomingMs);
    emit heartbeatChanged();
}
int StompClient::outgoingHeartbeat() const { return d->config.heartbeatOut; }
int StompClient::incomingHeartbeat() const { return d->config.heartbeatIn; }
double StompClient::heartbeatTolerance() const { return d->config.heartbeatTolerance; }
void StompClient::setHeartbeatTolerance(double factor)
{
    d->config.heartbeatTolerance = qMax(1.0, factor);
    emit heartbeatChanged();
}
StompClient::ListenerMode StompClient::listenerMode() const { return d->mode; }
void StompClient::setListenerMode(ListenerMode mode)
{
    if (d->mode == mode)
        return;
    if (state() != Disconnected) {
        qCWarning(lcStompClient) << "setListenerMode() ignored while connected";
        return;
    }
    d->destroyConnection();
    d->mode = mode;
    d->createConnection();
    emit listenerModeChanged();
}
int StompClient::socketTimeout() const { return d->config.socketTimeout; }
void StompClient::setSocketTimeout(int msecs)
{
    if (d->config.socketTimeout == msecs)
        return;
    d->config.socketTimeout = msecs;
    d->shared->socketTimeout.store(msecs);
    emit socketTimeoutChanged();
}
int StompClient::receiptTimeout() const { return d->config.receiptTimeout; }
void StompClient::setReceiptTimeout(int msecs)
{
    if (d->config.receiptTimeout == msecs)
        return;
    d->config.receiptTimeout = msecs;
    emit receiptTimeoutChanged();
}
int StompClient::frameTimeout() const { return d->config.frameTimeout; }
void StompClient::setFrameTimeout(int msecs) { d->config.frameTimeout = qMax(0, msecs); }
bool StompClient::useStompCommand() const { return d->config.useStompCommand; }
void StompClient::setUseStompCommand(bool useStomp)
{
    if (d->config.useStompCommand == useStomp)
        return;
    d->config.useStompCommand = useStomp;
    emit useStompCommandChanged();
}
StompHeaders StompClient::connectHeaders() const { return d->config.connectHeaders; }
void StompClient::setConnectHeaders(const StompHeaders &headers) { d->config.connectHeaders = headers; }
StompParserLimits StompClient::parserLimits() const { return d->config.limits; }
void StompClient::setParserLimits(const StompParserLimits &limits) { d->config.limits = limits; }
qint64 StompClient::writeHighWaterMark() const { return d->config.writeHighWaterMark; }
void StompClient::setWriteHighWaterMark(qint64 bytes)
{
    bytes = qMax<qint64>(bytes, 1024);
    if (d->config.writeHighWaterMark == bytes)
        return;
    d->config.writeHighWaterMark = bytes;
    d->shared->highWaterMark.store(bytes);
    emit writeHighWaterMarkChanged();
}

qint64 StompClient::readHighWaterMark() const { return d->config.readHighWaterMark; }
void StompClient::setReadHighWaterMark(qint64 bytes)
{
    bytes = qMax<qint64>(bytes, 1024);
    if (d->config.readHighWaterMark == bytes)
        return;
    d->config.readHighWaterMark = bytes;
    d->shared->readHighWaterMark.store(bytes);
    emit readHighWaterMarkChanged();
}

bool StompClient::isFlowControlled() const { return d->shared->deliveryPaused.load(); }

StompClient::State StompClient::state() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->state;
}
StompFrame::Version StompClient::version() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->version;
}
QString StompClient::versionString() const
{
    if (state() != Connected)
        return {};
    switch (version()) {
    case StompFrame::Version::V1_0: return QStringLiteral("1.0");
    case StompFrame::Version::V1_1: return QStringLiteral("1.1");
    case StompFrame::Version::V1_2: break;
    }
    return QStringLiteral("1.2");
}
QString StompClient::sessionId() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->sessionId;
}
QString StompClient::server() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->server;
}
int StompClient::negotiatedOutgoingHeartbeat() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->heartbeatOut;
}
int StompClient::negotiatedIncomingHeartbeat() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->heartbeatIn;
}
StompClient::Error StompClient::error() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->error;
}
QString StompClient::errorString() const
{
    QMutexLocker lock(&d->shared->mutex);
    return d->shared->errorString;
}
qint64 StompClient::bytesToWrite() const { return qMax<qint64>(0, d->shared->outstandingBytes.load()); }

QList<StompSubscription *> StompClient::subscriptions() const
{
    QMutexLocker lock(&d->subscriptionsMutex);
    return d->subscriptions.values();
}

void StompClient::connectToHost()
{
    {
        QMutexLocker lock(&d->shared->mutex);
        if (d->shared->state != Disconnected) {
            qCWarning(lcStompClient) << "connectToHost() ignored: not disconnected";
            return;
        }
        // Visible at once, so that waitForConnected() right after this call waits.
        d->shared->state = Connecting;
        d->shared->sessionId.clear();
        d->shared->server.clear();
    }
    {
        QMutexLocker lock(&d->subscriptionsMutex);
        ++d->sessionsStarted;
    }
    // The connection's state starts at Disconnected and emits stateChanged(Connecting).
    StompConnectionConfig config = d->config;
    for (const QUrl &u : std::as_const(d->brokers)) {
        StompEndpoint e;
        if (StompEndpoint::fromUrl(u, &e))
            config.endpoints.append(e);
    }
    if (config.endpoints.isEmpty() || (config.endpoints.size() == 1 && d->brokers.size() == 1
                                       && config.endpoints.first().kind == StompEndpoint::Tcp)) {
        // host/port (possibly changed after setUrl()) win for a single plain broker.
        StompEndpoint e;
        e.kind = std::exchange(d->tlsRequested, false) ? StompEndpoint::Tls : StompEndpoint::Tcp;
        e.host = config.host;
        e.port = config.port;
        config.endpoints = {e};
    }
    StompConnection *c = d->connection;
    d->post([c, config] { c->open(config); });
}

void StompClient::connectToHostEncrypted(const QSslConfiguration &configuration)
{
    setSslConfiguration(configuration);
    d->tlsRequested = true;
    connectToHost();
}

void StompClient::disconnectFromHost()
{
    StompConnection *c = d->connection;
    d->post([c] { c->close(); });
}

void StompClient::abort()
{
    StompConnection *c = d->connection;
    d->post([c] { c->abortNow(); });
}

QString StompClient::send(const QString &destination, const QByteArray &body,
                          const StompHeaders &headers, SendOptions options,
                          const QString &transaction)
{
    // A plain SEND skips the StompFrame (two allocations): in the connection's own thread it
    // goes to the wire at once; from another thread it is encoded here and handed over as
    // bytes. Anything else (a receipt, escapes, frame monitoring) takes the frame path.
    // From another thread a plain SEND is encoded in the caller's thread and handed over as bytes.
    if (d->connection) {
        if (d->inConnectionThread()) {
            if (d->connection->trySendDirect(destination, body, headers, transaction, options))
                return {};
        } else if (d->postEncodedSend(destination, body, headers, transaction, options)) {
            return {};
        }
    }
    return d->submit(StompFrame::makeSend(destination, body, headers, transaction), options);
}

QString StompClient::sendFrame(const StompFrame &frame, SendOptions options)
{
    return d->submit(frame, options);
}

StompSubscription *StompClient::subscribe(const QString &destination, AckMode ackMode,
                                          const StompHeaders &headers, const QString &id)
{
    const QString subId = id.isEmpty() ? d->nextId("sub") : id;
    {
        QMutexLocker lock(&d->subscriptionsMutex);
        if (d->subscriptions.contains(subId.toUtf8())) {
            qCWarning(lcStompClient) << "subscription id already in use:" << subId;
            return nullptr;
        }
    }
    auto *sub = new StompSubscription(this, subId, destination, ackMode, headers);
    if (QThread::currentThread() != thread()) {
        sub->moveToThread(thread());
        QMetaObject::invokeMethod(this, [this, sub] { sub->setParent(this); }, Qt::QueuedConnection);
    } else {
        sub->setParent(this);
    }
    {
        QMutexLocker lock(&d->subscriptionsMutex);
        d->subscriptions.insert(subId.toUtf8(), sub);
        d->lastRouted = nullptr;
        d->subscriptionSession.insert(subId.toUtf8(), d->sessionsStarted);
    }
    StompFrame frame(StompFrame::Subscribe);
    frame.addHeader("destination", destination.toUtf8());
    frame.addHeader("id", subId.toUtf8());
    static const char *const ackNames[] = {"auto", "client", "client-individual"};
    frame.addHeader("ack", ackNames[ackMode]);
    for (const auto &h : headers)
        frame.setHeader(h.first, h.second);
    d->submit(std::move(frame), {});
    return sub;
}

QString StompClient::unsubscribe(StompSubscription *subscription)
{
    if (!subscription || !subscription->isActive())
        return {};
    {
        QMutexLocker lock(&d->subscriptionsMutex);
        d->subscriptions.remove(subscription->id().toUtf8());
        d->lastRouted = nullptr;
        d->subscriptionSession.remove(subscription->id().toUtf8());
    }
    StompFrame frame(StompFrame::Unsubscribe);
    frame.addHeader("id", subscription->id().toUtf8());
    const QString receipt = d->submit(std::move(frame), WithReceipt);
    QPointer<StompSubscription> guard(subscription);
    auto done = [guard] {
        if (guard && guard->isActive()) {
            guard->setActive(false);
            emit guard->unsubscribed();
        }
    };
    // Routing stops now; unsubscribed() follows the broker's receipt (or its failure).
    auto *context = new QObject;
    context->moveToThread(thread());
    connect(this, &StompClient::receiptReceived, context, [receipt, done, context](const QString &id) {
        if (id == receipt) {
            done();
            context->deleteLater();
        }
    });
    connect(this, &StompClient::errorOccurred, context, [receipt, done, context](Error e, const QString &s) {
        if (e == ReceiptTimeout && s == receipt) {
            done();
            context->deleteLater();
        }
    });
    connect(this, &StompClient::disconnected, context, [done, context] {
        done();
        context->deleteLater();
    });
    connect(this, &QObject::destroyed, context, &QObject::deleteLater);
    return receipt;
}

QString StompClient::ack(const StompFrame &message, const QString &transaction, SendOptions options)
{
    return d->acknowledge(message, true, transaction, options);
}

QString StompClient::nack(const StompFrame &message, const QString &transaction, SendOptions options)
{
    return d->acknowledge(message, false, transaction, options);
}

QString StompClient::begin(const QString &transaction, const StompHeaders &headers)
{
    const QString tx = transaction.isEmpty() ? d->nextId("tx") : transaction;
    StompFrame frame = StompFrame::makeTransaction(StompFrame::Begin, tx);
    for (const auto &h : headers)
        frame.setHeader(h.first, h.second);
    d->submit(std::move(frame), {});
    return tx;
}

QString StompClient::commit(const QString &transaction, SendOptions options)
{
    return d->submit(StompFrame::makeTransaction(StompFrame::Commit, transaction), options);
}

QString StompClient::abort(const QString &transaction, SendOptions options)
{
    return d->submit(StompFrame::makeTransaction(StompFrame::Abort, transaction), options);
}

bool StompClient::waitForConnected(int msecs)
{
    quint64 startAttempts;
    {
        QMutexLocker lock(&d->shared->mutex);
        if (d->shared->state == Connected)
            return true;
        if (d->shared->state == Disconnected)
            return false;
        startAttempts = d->shared->attempts;
    }
    auto *s = d->shared.get();
    return d->wait([s, startAttempts] {
        return s->state == Connected || s->attempts != startAttempts;
    }, msecs) && state() == Connected;
}

bool StompClient::waitForReceipt(const QString &receiptId, int msecs)
{
    auto *s = d->shared.get();
    bool arrived = false;
    d->wait([s, &receiptId, &arrived] {
        arrived = s->receivedReceipts.contains(receiptId);
        return arrived || !s->pendingReceipts.contains(receiptId);
    }, msecs);
    return arrived;
}

bool StompClient::waitForDisconnected(int msecs)
{
    auto *s = d->shared.get();
    return d->wait([s] { return s->state == Disconnected; }, msecs);
}

void StompClient::connectNotify(const QMetaMethod &signal)
{
    if (signal == QMetaMethod::fromSignal(&StompClient::frameReceived)
        || signal == QMetaMethod::fromSignal(&StompClient::frameSent))
        d->shared->monitorFrames.store(true);
    QObject::connectNotify(signal);
}

// StompSubscription ------------------------------------------------------------------------

StompSubscription::StompSubscription(StompClient *client, const QString &id,
                                     const QString &destination, StompClient::AckMode ackMode,
                                     const StompHeaders &headers)
    : m_client(client), m_id(id), m_destination(destination), m_ackMode(ackMode), m_headers(headers)
{
}

StompSubscription::~StompSubscription()
{
    // The client owns it, but a user may delete it: stop routing to freed memory, and end it
    // at the broker too (and in the list replayed after a reconnect), or the broker would keep
    // delivering to an id nobody routes or acknowledges.
    if (m_client) {
        const bool wasActive = m_active;
        m_client->d->forgetSubscription(this);
        if (wasActive)
            m_client->d->submit(StompFrame(StompFrame::Unsubscribe, {{"id", m_id.toUtf8()}}), {});
    }
}
QString StompSubscription::id() const { return m_id; }
QString StompSubscription::destination() const { return m_destination; }
StompClient::AckMode StompSubscription::ackMode() const { return m_ackMode; }
StompHeaders StompSubscription::headers() const { return m_headers; }
bool StompSubscription::isActive() const { return m_active; }
qint64 StompSubscription::messageCount() const { return m_count; }
StompClient *StompSubscription::client() const { return m_client; }
void StompSubscription::setHandler(Handler handler) { m_handler = std::move(handler); }
void StompSubscription::unsubscribe()
{
    if (m_client)
        m_client->unsubscribe(this);
}

void StompSubscription::deliver(const StompFrame &message)
{
    ++m_count;
    if (m_handler) {
        // The handler may delete this subscription, or the client and with it its children.
        const QPointer<StompSubscription> alive(this);
        m_handler(message);
        if (!alive)
            return;
    }
    emit messageReceived(message);
}

void StompSubscription::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    emit activeChanged();
}
