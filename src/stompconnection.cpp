// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompconnection_p.h"
#include "stompframe_p.h"
#include "stompframeencoder_p.h"

#include <StompQt/stompframeencoder.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qeventloop.h>
#include <QtCore/qthread.h>
#include <QtCore/qrandom.h>
#include <QtCore/qscopedvaluerollback.h>

#include <utility>

Q_LOGGING_CATEGORY(lcStompClient, "stompqt.client", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStompFrames, "stompqt.frames", QtWarningMsg)

namespace {
QString tr(const char *s) { return QCoreApplication::translate("StompClient", s); }
constexpr qsizetype kReadChunk = 64 * 1024;
constexpr int kMaxRememberedReceipts = 65536;

StompFrame::Version parseVersion(QByteArrayView v, bool *ok)
{
    *ok = true;
    if (v.isEmpty() || v == "1.0")
        return StompFrame::Version::V1_0;
    if (v == "1.1")
        return StompFrame::Version::V1_1;
    if (v == "1.2")
        return StompFrame::Version::V1_2;
    *ok = false;
    return StompFrame::Version::V1_2;
}

StompClient::VersionFlag flagOf(StompFrame::Version v)
{
    switch (v) {
    case StompFrame::Version::V1_0: return StompClient::Version1_0;
    case StompFrame::Version::V1_1: return StompClient::Version1_1;
    case StompFrame::Version::V1_2: break;
    }
    return StompClient::Version1_2;
}

StompFrame::Version highest(StompClient::Versions versions)
{
    if (versions & StompClient::Version1_2)
        return StompFrame::Version::V1_2;
    if (versions & StompClient::Version1_1)
        return StompFrame::Version::V1_1;
    return StompFrame::Version::V1_0;
}

std::pair<int, int> parseHeartbeat(QByteArrayView v)
{
    const qsizetype comma = v.indexOf(',');
    if (comma < 0)
        return {0, 0};
    bool ok1 = false, ok2 = false;
    const int a = v.first(comma).toInt(&ok1);
    const int b = v.sliced(comma + 1).toInt(&ok2);
    return {ok1 && a > 0 ? a : 0, ok2 && b > 0 ? b : 0};
}
} // namespace

// StompSharedState ---------------------------------------------------------------------------

bool StompSharedState::waitUntil(const std::function<bool()> &done, int msecs)
{
    QDeadlineTimer deadline(msecs < 0 ? QDeadlineTimer::Forever : QDeadlineTimer(msecs));
    QMutexLocker lock(&mutex);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        cond.wait(&mutex, deadline);
    }
    return true;
}

void StompSharedState::addPendingReceipt(const QString &id)
{
    QMutexLocker lock(&mutex);
    pendingReceipts.insert(id);
}

void StompSharedState::receiptArrived(const QString &id)
{
    QMutexLocker lock(&mutex);
    pendingReceipts.remove(id);
    if (!receivedReceipts.contains(id)) {
        receivedReceipts.insert(id);
        receivedOrder.push_back(id);
        if (receivedOrder.size() > kMaxRememberedReceipts) {
            receivedReceipts.remove(receivedOrder.front());
            receivedOrder.pop_front();
        }
    }
    cond.wakeAll();
}

void StompConnection::loseReceipt(const QString &id)
{
    m_shared->receiptFailed(id);
    emit receiptFailed(id);
}

void StompSharedState::receiptFailed(const QString &id)
{
    QMutexLocker lock(&mutex);
    pendingReceipts.remove(id);
    cond.wakeAll();
}

void StompSharedState::returnFrames(const QList<StompFrame> &frames)
{
    QMutexLocker lock(&returnedMutex);
    for (const StompFrame &f : frames) {
        if (returnedFrames.size() >= kMaxReturnedFrames)
            break;
        if (f.bodySize() <= kMaxReturnedBody)
            returnedFrames.append(f);
    }
    framesReturned.store(!returnedFrames.isEmpty(), std::memory_order_relaxed);
}

QList<StompFrame> StompSharedState::takeReturnedFrames()
{
    QMutexLocker lock(&returnedMutex);
    framesReturned.store(false, std::memory_order_relaxed);
    return std::exchange(returnedFrames, {});
}

// StompReconnectPolicy ---------------------------------------------------------------------

int StompReconnectPolicy::delayFor(int attempt) const
{
    double delay = qMax(0, initialDelay);
    for (int i = 1; i < attempt && delay < maxDelay; ++i)
        delay *= qMax(1.0, multiplier);
    return int(qMin<double>(delay, qMax(0, maxDelay)));
}

// StompConnection ----------------------------------------------------------------------------

StompConnection::StompConnection(std::shared_ptr<StompSharedState> shared)
    : m_shared(std::move(shared)),
      m_connectTimer(new QTimer(this)),
      m_disconnectTimer(new QTimer(this)),
      m_receiptTimer(new QTimer(this)),
      m_heartbeatSendTimer(new QTimer(this)),
      m_heartbeatCheckTimer(new QTimer(this)),
      m_reconnectTimer(new QTimer(this)),
      m_stallTimer(new QTimer(this)),
      m_writeStallTimer(new QTimer(this)),
      m_frameDeadlineTimer(new QTimer(this)),
      m_quickAckTimer(new QTimer(this))
{
    m_frameDeadlineTimer->setSingleShot(true);
    connect(m_frameDeadlineTimer, &QTimer::timeout, this, [this] {
        fail(StompClient::SocketTimeout,
             tr("a frame took longer than %1 ms to arrive (%2 bytes so far)")
                     .arg(4 * m_config.frameTimeout).arg(m_parser.bufferedBytes()));
    });
    m_writeStallTimer->setSingleShot(true);
    connect(m_writeStallTimer, &QTimer::timeout, this, [this] {
        fail(StompClient::WriteBufferFull,
             tr("the server took no byte for %1 ms (%2 bytes waiting)")
                     .arg(m_config.frameTimeout).arg(m_transport ? m_transport->bytesToWrite() : 0));
    });
    m_stallTimer->setSingleShot(true);
    connect(m_stallTimer, &QTimer::timeout, this, [this] {
        fail(StompClient::SocketTimeout,
             tr("an incomplete frame got no byte for %1 ms (%2 bytes held)")
                     .arg(m_config.frameTimeout).arg(m_parser.bufferedBytes()));
    });
    m_readBuffer.resize(kReadChunk);
    // A broker that leaves Nagle's algorithm on (ActiveMQ does) holds its next segment until
    // the previous one is acknowledged. A client that sends data (ACK frames) makes its
    // kernel hold TCP acknowledgements back to carry them on that data, for 40 ms and more
    // when there is none to send (a burst that ends before the next ACK is due): the broker
    // stalls that long. After kQuickAckMs without a byte, the transport acknowledges what
    // arrived at once. Measured through ActiveMQ, one ACK per 100 messages: stalls of 40 ms
    // (4 to 8 per 100 000 messages) gone, 157 k -> 178 k msg/s. Repeats while bytes keep
    // arriving (no timer restart per read) and stops once it has acknowledged.
    m_quickAckTimer->setInterval(kQuickAckMs);
    connect(m_quickAckTimer, &QTimer::timeout, this, [this] {
        if (!m_transport || !m_transport->isOpen() || !m_acksAwaited) {
            m_quickAckTimer->stop();
        } else if (m_lastRead.elapsed() >= kQuickAckMs) {
            m_transport->acknowledgeReceived();
            m_quickAckTimer->stop();
        }
    });
    m_connectTimer->setSingleShot(true);
    m_disconnectTimer->setSingleShot(true);
    m_receiptTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    m_heartbeatSendTimer->setTimerType(Qt::PreciseTimer);
    m_heartbeatCheckTimer->setTimerType(Qt::PreciseTimer);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        fail(StompClient::SocketTimeout,
             m_transport && m_transport->isOpen()
                     ? tr("no CONNECTED frame within %1 ms").arg(m_config.socketTimeout)
                     : tr("connection not established within %1 ms").arg(m_config.socketTimeout));
    });
    connect(m_disconnectTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcStompClient) << "no receipt for DISCONNECT; closing";
        finish();
    });
    connect(m_receiptTimer, &QTimer::timeout, this, &StompConnection::checkReceipts);
    connect(m_heartbeatSendTimer, &QTimer::timeout, this, &StompConnection::sendHeartbeat);
    connect(m_heartbeatCheckTimer, &QTimer::timeout, this, &StompConnection::checkHeartbeat);
    connect(m_reconnectTimer, &QTimer::timeout, this, &StompConnection::startAttempt);
}

StompConnection::~StompConnection()
{
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport->abort();
    }
}

qint64 StompConnection::estimateSize(const StompFrame &frame)
{
    // Names and values lie back to back in one block: its size is their sum.
    const StompFramePrivate *d = frame.d.constData();
    return d->body.size() + 32 + d->headerData.size() + 2 * d->refs.size();
}

void StompConnection::setState(StompClient::State state)
{
    if (m_state == state)
        return;
    m_state = state;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->state = state;
        if (state == StompClient::Disconnected || state == StompClient::Connected)
            ++m_shared->attempts;
        m_shared->cond.wakeAll();
    }
    emit stateChanged(state);
    emit sharedStateChanged();
}

void StompConnection::open(const StompConnectionConfig &config)
{
    if (m_state != StompClient::Disconnected) {
        qCWarning(lcStompClient) << "connectToHost() ignored: already" << m_state;
        return;
    }
    m_config = config;
    m_shared->highWaterMark.store(config.writeHighWaterMark);
    m_endpoints = config.endpoints;
    if (m_endpoints.isEmpty()) {
        StompEndpoint e;
        e.host = config.host;
        e.port = config.port;
        m_endpoints.append(e);
    }
    if (config.reconnect.shuffle && m_endpoints.size() > 1)
        std::shuffle(m_endpoints.begin(), m_endpoints.end(), *QRandomGenerator::global());
    m_endpointIndex = 0;
    m_attempt = 0;
    m_everConnected = false;
    m_authRetried = false;
    m_subscriptions.clear();
    subscriptionsChanged();
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->error = StompClient::NoError;
        m_shared->errorString.clear();
        m_shared->reconnectAttempt = 0;
    }
    setState(StompClient::Connecting);
    startAttempt();
}

void StompConnection::startAttempt()
{
    const StompEndpoint endpoint = m_endpoints.at(m_endpointIndex % m_endpoints.size());
    if (m_config.credentials) {
        const auto [login, passcode] = m_config.credentials();
        m_config.login = login;
        m_config.passcode = passcode;
    }
    ++m_attemptId;
    m_closing = false;
    m_readPaused = false;
    m_shared->deliveryPaused.store(false);
    m_replayReceipts.clear();
    m_parser.reset();
    m_parser.setLimits(m_config.limits);
    m_parser.setVersion(highest(m_config.versions));
    m_parser.setTimestampFrames(!m_blocking);
    if (m_transport && m_transport->kind() != endpoint.kind) {
        m_transport->disconnect(this);
        m_transport->abort();
        m_transport->deleteLater();
        m_transport = nullptr;
    }
    if (!m_transport) {
        m_transport = StompTransport::create(endpoint, m_config.tls, m_config.versions, this);
        if (!m_transport) {
            fail(StompClient::NetworkError,
                 tr("%1 is not supported by this build").arg(endpoint.displayName()));
            return;
        }
        connect(m_transport, &StompTransport::connected, this, &StompConnection::onTransportConnected);
        connect(m_transport, &StompTransport::readyRead, this, &StompConnection::onReadyRead);
        connect(m_transport, &StompTransport::bytesWritten, this, &StompConnection::onBytesWritten);
        connect(m_transport, &StompTransport::errorOccurred, this, &StompConnection::onTransportError);
        connect(m_transport, &StompTransport::disconnected, this, &StompConnection::onTransportDisconnected);
        // Bounded, so that a paused reader pushes back on the broker through TCP.
        m_transport->setReadBufferSize(qMax<qint64>(kReadChunk * 4, 1024 * 1024));
    }
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->broker = endpoint.displayName();
    }
    qCInfo(lcStompClient) << "connecting to" << endpoint.displayName();
    if (m_config.socketTimeout >= 0 && !m_blocking)
        m_connectTimer->start(m_config.socketTimeout);
    m_transport->open(endpoint);
}

void StompConnection::onTransportConnected()
{
    m_lastRead.start();
    StompFrame connect(m_config.useStompCommand ? StompFrame::Stomp : StompFrame::Connect);
    QByteArrayList versions;
    if (m_config.versions & StompClient::Version1_0)
        versions << "1.0";
    if (m_config.versions & StompClient::Version1_1)
        versions << "1.1";
    if (m_config.versions & StompClient::Version1_2)
        versions << "1.2";
    connect.addHeader("accept-version", versions.join(','));
    const StompEndpoint &endpoint = m_endpoints.at(m_endpointIndex % m_endpoints.size());
    connect.addHeader("host", (m_config.virtualHost.isEmpty() ? endpoint.host : m_config.virtualHost).toUtf8());
    if (!m_config.login.isEmpty())
        connect.addHeader("login", m_config.login.toUtf8());
    if (!m_config.passcode.isEmpty())
        connect.addHeader("passcode", m_config.passcode.toUtf8());
    connect.addHeader("heart-beat", QByteArray::number(qMax(0, m_config.heartbeatOut)) + ','
                              + QByteArray::number(qMax(0, m_config.heartbeatIn)));
    for (const auto &h : m_config.connectHeaders)
        connect.setHeader(h.first, h.second);
    writeNow(connect, StompClient::NoSendOption, 0);
}

void StompConnection::onReadyRead()
{
    readAvailable();
    flushMessageBatch();
    flushWrites(); // ACKs and replies the handlers wrote go out now, together
    // While a subscription acknowledges by hand, a pause in the stream may be a broker
    // waiting for a TCP acknowledgement: see m_quickAckTimer.
    if (m_acksAwaited && !m_blocking && m_transport && !m_quickAckTimer->isActive())
        m_quickAckTimer->start();
}

// Puts what the frames written since the last event loop iteration left in the transport's
// buffer on the wire now, in one system call, instead of waiting for the next iteration of
// the event loop: an ACK or reply sent from a message handler, or a burst of calls from other
// threads, leaves without one more wake-up (round trips and their tails get shorter).
void StompConnection::flushWrites()
{
    if (m_transport && !m_blocking && m_transport->bytesToWrite() > 0)
        m_transport->flush();
}

void StompConnection::subscriptionsChanged()
{
    m_acksAwaited = std::any_of(m_subscriptions.begin(), m_subscriptions.end(), [](const auto &s) {
        const QByteArrayView ack = s.second.headerView("ack");
        return !ack.isEmpty() && ack != "auto";
    });
}

void StompConnection::flushMessageBatch()
{
    if (m_sinkPending) {
        m_sinkPending = false;
        if (m_sinkBatchEnd)
            m_sinkBatchEnd();
    }
    if (m_messageBatch.isEmpty())
        return;
    QList<StompFrame> batch;
    batch.swap(m_messageBatch);
    const qint64 cost = std::exchange(m_messageBatchBytes, 0);
    m_shared->undeliveredBytes.fetch_add(cost);
    emit messagesReceived(batch, cost);
}

void StompConnection::readAvailable()
{
    m_lastRead.start(); // any byte is a sign of life
    const quint64 attempt = m_attemptId;
    while (m_transport && !readingHeld() && m_transport->bytesAvailable() > 0
           && m_state != StompClient::Disconnected && !m_reconnectTimer->isActive()) {
        const qint64 n = m_transport->read(m_readBuffer.data(), m_readBuffer.size());
        if (n <= 0)
            break;
        if (m_readPaused && m_state == StompClient::Disconnecting)
            m_disconnectReadBudget -= n;
        m_parser.feed(QByteArrayView(m_readBuffer.constData(), n));
        if (m_shared->framesReturned.load(std::memory_order_relaxed)) {
            m_spareFrames.append(m_shared->takeReturnedFrames());
            if (m_spareFrames.size() > StompSharedState::kMaxReturnedFrames)
                m_spareFrames.remove(0, m_spareFrames.size() - StompSharedState::kMaxReturnedFrames);
        }
        StompFrame frame;
        for (;;) {
            // The parser builds the next frame in the storage of the one passed in when
            // nothing else holds it; the last one went on to the client's thread, so a
            // returned one takes its place (see StompSharedState::returnFrames()).
            if (!m_spareFrames.isEmpty() && frame.d.constData()->ref.loadRelaxed() != 1)
                frame = m_spareFrames.takeLast();
            const auto r = m_parser.next(&frame);
            if (r == StompFrameParser::FrameReady) {
                frame.d->connectionTag = m_generation + (m_state == StompClient::Connected ? 0 : 1);
                handleFrame(frame);
                // The connection ended in that handler; the parser is reset before it is used again.
                if (m_state == StompClient::Disconnected || m_closing || attempt != m_attemptId)
                    return;
                // While a subscription acknowledges by hand, messages go on to the client's
                // thread (or queue) and what handlers wrote (the ACKs) leaves every few dozen
                // frames, not only at the end of a long read: a broker that holds messages
                // back until it sees an ACK (a prefetch window) then does not wait for the
                // rest of the read to be handled first. With automatic acknowledgement a read
                // stays one hand-over (fewer wake-ups of the client's thread).
                if (m_acksAwaited && ++m_framesSinceFlush >= kFlushEveryFrames) {
                    m_framesSinceFlush = 0;
                    flushMessageBatch();
                    flushWrites();
                }
            } else if (r == StompFrameParser::HeartBeat) {
                continue;
            } else if (r == StompFrameParser::NeedMoreData) {
                armStallTimers();
                break;
            } else {
                const auto code = m_parser.error();
                const bool tooLarge = code == StompFrameParser::ErrorCode::BodyTooLarge
                        || code == StompFrameParser::ErrorCode::BufferLimitExceeded
                        || code == StompFrameParser::ErrorCode::HeaderLineTooLong
                        || code == StompFrameParser::ErrorCode::TooManyHeaders;
                fail(tooLarge ? StompClient::FrameTooLarge : StompClient::ProtocolError,
                     tr("invalid frame from the server: %1").arg(m_parser.errorString()));
                return;
            }
        }
    }
}

// A half frame must keep arriving (a peer that stops mid-frame is stalled), and must end: a
// byte now and then does not hold a connection forever. Not while reading is paused: then
// the bytes of the frame's rest wait unread, and the pause is the consumer's doing (a
// StompMessageQueue consumer may take longer than frameTimeout); the clocks start afresh
// when reading resumes.
void StompConnection::armStallTimers()
{
    if (m_parser.bufferedBytes() > 0 && m_config.frameTimeout > 0 && !m_blocking && !readingHeld()) {
        m_stallTimer->start(m_config.frameTimeout);
        if (m_partialFrameOffset != m_parser.consumedBytes()) {
            m_partialFrameOffset = m_parser.consumedBytes();
            m_frameDeadlineTimer->start(4 * m_config.frameTimeout);
        }
    } else {
        m_stallTimer->stop();
        m_frameDeadlineTimer->stop();
        m_partialFrameOffset = -1;
    }
}

void StompConnection::handleFrame(const StompFrame &frame)
{
    qCDebug(lcStompFrames) << "received" << frame;
    if (m_shared->monitorFrames.load(std::memory_order_relaxed))
        emit frameReceived(frame);
    if (frame.command() != StompFrame::Message)
        flushMessageBatch(); // whatever follows must not overtake earlier messages

    if (m_state == StompClient::Connecting || (m_state == StompClient::Reconnecting && !m_closing)) {
        if (frame.command() == StompFrame::Connected) {
            handleConnected(frame);
        } else if (frame.command() == StompFrame::Error) {
            emit serverErrorReceived(frame);
            const QString message = frame.message().isEmpty() ? frame.text().left(200) : frame.message();
            fail(StompClient::AuthenticationFailed, message);
        } else {
            fail(StompClient::ProtocolError,
                 tr("expected CONNECTED, got %1").arg(frame.commandName()));
        }
        return;
    }

    switch (frame.command()) {
    case StompFrame::Message:
        if (m_messageSink) {
            m_sinkPending = true;
            if (m_messageSink(frame))
                m_readPaused = true; // the rest of this chunk is still delivered
        } else if (m_batchMessages) {
            m_messageBatch.append(frame);
            m_messageBatchBytes += deliveryCost(frame);
            // A busy client thread must not make memory grow: stop reading (the rest of this
            // chunk is still delivered) and let TCP hold the broker back.
            if (!m_readPaused
                && m_shared->undeliveredBytes.load(std::memory_order_relaxed) + m_messageBatchBytes
                        > m_shared->readHighWaterMark.load(std::memory_order_relaxed)) {
                m_readPaused = true;
                m_pausedBytesAvailable = -1;
                m_shared->deliveryPaused.store(true);
            }
        } else if (m_route) {
            m_route(frame);
        }
        return;
    case StompFrame::Receipt: {
        const QString id = frame.receiptId();
        if (m_waitingReceipts.remove(id))
            m_shared->receiptArrived(id);
        if (m_replayReceipts.remove(id)) {
            if (m_replayReceipts.isEmpty())
                flushQueued();
            break; // our own: replayed SUBSCRIBEs
        }
        emit receiptReceived(id);
        if (!m_disconnectReceipt.isEmpty() && id == m_disconnectReceipt)
            finish();
        break;
    }
    case StompFrame::Error: {
        emit serverErrorReceived(frame);
        const QString receiptId = frame.receiptId();
        if (!receiptId.isEmpty() && m_waitingReceipts.remove(receiptId))
            loseReceipt(receiptId);
        QString message = frame.message();
        if (message.isEmpty())
            message = frame.text().left(200);
        fail(StompClient::ServerError, message);
        break;
    }
    default:
        fail(StompClient::ProtocolError,
             tr("unexpected %1 frame from the server").arg(frame.commandName()));
    }
}

void StompConnection::handleConnected(const StompFrame &frame)
{
    bool ok = false;
    const StompFrame::Version version = parseVersion(frame.headerView("version"), &ok);
    if (!ok || !(m_config.versions & flagOf(version))) {
        fail(StompClient::UnsupportedVersion,
             tr("the server chose STOMP version '%1', which was not offered")
                     .arg(QString::fromUtf8(frame.headerView("version"))));
        return;
    }
    m_connectTimer->stop();
    m_version = version;
    m_parser.setVersion(version);
    ++m_generation;
    const bool isReconnect = m_everConnected;
    m_everConnected = true;
    m_attempt = 0;
    m_authRetried = false;

    // Heart-beats as the specification's "Heart-beating" section negotiates them.
    const auto [sx, sy] = parseHeartbeat(frame.headerView("heart-beat"));
    const int cx = qMax(0, m_config.heartbeatOut);
    const int cy = qMax(0, m_config.heartbeatIn);
    m_outInterval = (cx == 0 || sy == 0) ? 0 : qMax(cx, sy);
    m_inInterval = (sx == 0 || cy == 0) ? 0 : qMax(sx, cy);
    if (version == StompFrame::Version::V1_0)
        m_outInterval = m_inInterval = 0;
    if (m_outInterval > 0 && !m_blocking)
        m_heartbeatSendTimer->start(qMax(1, m_outInterval / 2));
    if (m_inInterval > 0 && !m_blocking) {
        m_lastRead.start();
        m_heartbeatCheckTimer->start(qMax(1, m_inInterval / 4));
    }
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->version = version;
        m_shared->sessionId = QString::fromUtf8(frame.headerView("session"));
        m_shared->server = QString::fromUtf8(frame.headerView("server"));
        m_shared->heartbeatOut = m_outInterval;
        m_shared->heartbeatIn = m_inInterval;
        m_shared->reconnectAttempt = 0;
    }
    qCInfo(lcStompClient) << "connected, STOMP" << frame.headerView("version") << "server"
                          << frame.headerView("server") << "heart-beat out/in" << m_outInterval
                          << m_inInterval;
    setState(StompClient::Connected);

    // The replay goes out before connected() is emitted, so that what a connected() slot
    // sends waits behind it like everything else queued.
    if (!isReconnect || m_subscriptions.empty()) {
        emit connected();
        flushQueued();
    } else {
        // Subscriptions come back with their ids and headers before anything queued goes out.
        const auto subscriptions = m_subscriptions;
        for (const auto &[id, subscribe] : subscriptions) {
            StompFrame again = subscribe;
            const QString receipt = QStringLiteral("replay-%1-%2").arg(m_generation).arg(id);
            again.setHeader("receipt", receipt.toUtf8());
            m_replayReceipts.insert(receipt);
            if (!writeNow(again, StompClient::NoSendOption, 0))
                m_replayReceipts.remove(receipt);
        }
        emit connected();
        if (m_replayReceipts.isEmpty() && m_state == StompClient::Connected)
            flushQueued();
    }
}

void StompConnection::flushQueued()
{
    std::deque<Outgoing> queued;
    queued.swap(m_queued);
    m_queuedBytes = 0;
    while (!queued.empty() && m_state == StompClient::Connected) {
        Outgoing o = std::move(queued.front());
        queued.pop_front();
        writeOutgoing(o);
    }
    // Whatever a failure left over waits for the next connection.
    for (Outgoing &o : queued) {
        m_queuedBytes += o.estimate;
        m_queued.push_back(std::move(o));
    }
    if (m_state == StompClient::Connected && m_everConnected && m_generation > 1)
        emit reconnected();
}

void StompConnection::sendFrame(const StompFrame &frame, StompClient::SendOptions options,
                                qint64 estimate)
{
    sendOutgoing({frame, options, estimate, {}});
}

void StompConnection::sendEncoded(StompEncodedSends &&sends)
{
    const qint64 size = sends.bytes.size();
    sendOutgoing({StompFrame(), {}, size, std::move(sends)});
}

// Where a frame (or a block of encoded SENDs) handed to the connection goes: on the wire now,
// into the queue while connecting (bounded), or refused with the reason.
void StompConnection::sendOutgoing(Outgoing &&o)
{
    const bool encoded = !o.encoded.bytes.isEmpty();
    auto refuse = [&](StompClient::Error error, const char *why) {
        const int frames = encoded ? int(o.encoded.frameCount()) : 1;
        const QString command = encoded ? QStringLiteral("SEND") : o.frame.commandName();
        refuseFrame(o.estimate, o.frame.receipt(), error, tr(why, nullptr, frames).arg(command));
    };
    const bool replaying = m_state == StompClient::Connected && !m_replayReceipts.isEmpty();
    if ((m_state == StompClient::Connecting || m_state == StompClient::Reconnecting || replaying)
        && !m_closing) {
        if (m_queuedBytes + o.estimate > qMax<qint64>(m_config.writeHighWaterMark, 64 * 1024)) {
            refuse(StompClient::WriteBufferFull,
                   QT_TR_N_NOOP("%n %1 frame(s) not sent: too much queued while connecting"));
            return;
        }
        m_queuedBytes += o.estimate;
        m_queued.push_back(std::move(o));
        return;
    }
    if (m_state != StompClient::Connected || m_closing) {
        refuse(StompClient::NotConnected, QT_TR_N_NOOP("%n %1 frame(s) not sent: not connected"));
        return;
    }
    writeOutgoing(o);
}

void StompConnection::writeOutgoing(const Outgoing &o)
{
    if (!o.encoded.bytes.isEmpty())
        writeEncoded(o.encoded);
    else
        writeNow(o.frame, o.options, o.estimate);
}

// A frame that will not be written: its bytes leave the count, its receipt fails, and why is
// reported.
void StompConnection::refuseFrame(qint64 estimate, const QString &receipt, StompClient::Error error,
                                  const QString &why)
{
    m_shared->outstandingBytes.fetch_sub(estimate);
    if (!receipt.isEmpty())
        loseReceipt(receipt);
    emit errorOccurred(error, why);
}

void StompConnection::acknowledge(const StompFrame &message, bool positive,
                                  const QString &transaction, const QString &receiptId,
                                  qint64 estimate)
{
    auto refuse = [&](StompClient::Error error, const QString &why) {
        refuseFrame(estimate, receiptId, error, why);
    };
    const quint64 tag = message.d->connectionTag;
    // While reconnecting, the connection a message came over is gone too: an ACK queued now
    // would go out on the next session.
    const bool connectionGone = tag != 0
            && (tag != m_generation || m_state == StompClient::Connecting
                || m_state == StompClient::Reconnecting);
    if (connectionGone) {
        // The broker forgot that delivery with the old session and sends the message again;
        // acknowledging it on this session would be an error that closes the connection.
        qCInfo(lcStompClient) << "dropping ACK/NACK of a message from an earlier connection";
        refuse(StompClient::NotConnected,
               tr("the message came over an earlier connection; the broker redelivers it"));
        return;
    }
    if (!positive && m_version == StompFrame::Version::V1_0) {
        refuse(StompClient::InvalidFrame, tr("NACK does not exist in STOMP 1.0"));
        return;
    }
    StompFrame frame(positive ? StompFrame::Ack : StompFrame::Nack);
    // Each version names the message differently (STOMP 1.2: the MESSAGE's ack header).
    switch (m_version) {
    case StompFrame::Version::V1_2: {
        const QByteArrayView ackId = message.headerView("ack");
        frame.addHeader("id", ackId.isEmpty() ? message.headerView("message-id") : ackId);
        break;
    }
    case StompFrame::Version::V1_1:
        frame.addHeader("message-id", message.headerView("message-id"));
        frame.addHeader("subscription", message.headerView("subscription"));
        break;
    case StompFrame::Version::V1_0:
        frame.addHeader("message-id", message.headerView("message-id"));
        break;
    }
    if (!transaction.isEmpty())
        frame.addHeader("transaction", transaction.toUtf8());
    if (!receiptId.isEmpty())
        frame.addHeader("receipt", receiptId.toUtf8());
    // Never queued behind a subscription replay: it belongs to this connection only.
    if (tag != 0 && m_state == StompClient::Connected)
        writeNow(frame, StompClient::NoSendOption, estimate);
    else
        sendFrame(frame, StompClient::NoSendOption, estimate);
}

bool StompConnection::writeNow(const StompFrame &frame, StompClient::SendOptions options,
                               qint64 estimate)
{
    QString why;
    m_writeBuffer.resize(0);
    const auto encOptions = (options & StompClient::NoContentLength)
            ? StompFrameEncoder::OmitContentLength
            : StompFrameEncoder::NoOption;
    if (!StompFrameEncoder::encode(frame, m_version, &m_writeBuffer, encOptions, &why)) {
        if (m_blocking)
            setBlockingError(StompClient::InvalidFrame, why);
        refuseFrame(estimate, frame.receipt(), StompClient::InvalidFrame, why);
        return false;
    }
    const QString receipt = frame.receipt();
    if (!receipt.isEmpty())
        trackReceipt(receipt);
    switch (frame.command()) {
    case StompFrame::Begin: m_openTransactions.insert(frame.transaction()); break;
    case StompFrame::Commit:
    case StompFrame::Abort: m_openTransactions.remove(frame.transaction()); break;
    case StompFrame::Subscribe: {
        const QString id = QString::fromUtf8(frame.headerView("id"));
        StompFrame remembered = frame;
        remembered.removeHeader("receipt");
        auto it = std::find_if(m_subscriptions.begin(), m_subscriptions.end(),
                               [&](const auto &s) { return s.first == id; });
        if (it == m_subscriptions.end())
            m_subscriptions.emplace_back(id, remembered);
        else
            it->second = remembered;
        subscriptionsChanged();
        break;
    }
    case StompFrame::Unsubscribe: {
        const QString id = QString::fromUtf8(frame.headerView("id"));
        m_subscriptions.erase(std::remove_if(m_subscriptions.begin(), m_subscriptions.end(),
                                             [&](const auto &s) { return s.first == id; }),
                              m_subscriptions.end());
        subscriptionsChanged();
        break;
    }
    default: break;
    }
    putOnWire(estimate);

    if (lcStompFrames().isDebugEnabled() || m_shared->monitorFrames.load(std::memory_order_relaxed)) {
        // What went on the wire (with the content-length the encoder added), passcode masked.
        StompFrameParser wire(m_version);
        wire.feed(m_writeBuffer);
        StompFrame shown;
        if (wire.next(&shown) != StompFrameParser::FrameReady)
            shown = frame;
        if (shown.hasHeader("passcode"))
            shown.setHeader("passcode", "********");
        qCDebug(lcStompFrames) << "sent" << shown;
        emit frameSent(shown);
    }
    checkWriteBuffer();
    return true;
}

// Hands the frame encoded in m_writeBuffer to the transport; \a accounted bytes of it were
// counted in outstandingBytes when the call was made.
void StompConnection::putOnWire(qint64 accounted)
{
    // Counted first: a blocking write reports its bytes (or fails) before it returns.
    m_shared->outstandingBytes.fetch_add(m_writeBuffer.size() - accounted);
    // One write per frame: with TCP_NODELAY set, a frame never waits on Nagle.
    if (m_blocking)
        m_transport->writeThrough(m_writeBuffer.constData(), m_writeBuffer.size());
    else
        m_transport->writeFrame(m_writeBuffer.constData(), m_writeBuffer.size());
    if (m_outInterval > 0)
        m_lastWrite.start(); // only the heart-beat needs it: a clock read per frame otherwise
}

void StompConnection::checkWriteBuffer()
{
    const qint64 pending = m_transport->bytesToWrite();
    // Bytes waiting that the server never takes would otherwise wait forever.
    if (pending > 0 && !m_blocking && m_config.frameTimeout > 0 && !m_writeStallTimer->isActive())
        m_writeStallTimer->start(m_config.frameTimeout);
    if (!m_writeFull && pending > m_config.writeHighWaterMark) {
        m_writeFull = true;
        emit writeBufferFull(pending);
    }
}

bool StompConnection::trySendDirect(const QString &destination, const QByteArray &body,
                                    const StompHeaders &headers, const QString &transaction,
                                    StompClient::SendOptions options)
{
    // Only where sendFrame() would write at once, and only what needs none of writeNow()'s
    // bookkeeping: no receipt, no frame to show, nothing queued ahead of it.
    if (m_state != StompClient::Connected || m_closing || m_blocking || !m_replayReceipts.isEmpty()
        || !m_queued.empty() || m_shared->monitorFrames.load(std::memory_order_relaxed)
        || lcStompFrames().isDebugEnabled())
        return false;
    m_writeBuffer.resize(0);
    if (!encodePlainSend(destination, body, headers, transaction, options, &m_writeBuffer))
        return false;
    putOnWire(0);
    checkWriteBuffer();
    return true;
}

bool StompConnection::encodePlainSend(const QString &destination, const QByteArray &body,
                                      const StompHeaders &headers, const QString &transaction,
                                      StompClient::SendOptions options, QByteArray *out)
{
    if (options & StompClient::WithReceipt)
        return false;
    for (const auto &h : headers) {
        if (h.first == "receipt" || (!transaction.isEmpty() && h.first == "transaction"))
            return false; // makeSend() replaces a transaction header in place; keep one way
    }
    // ASCII destination and transaction id (the usual case) need no UTF-8 conversion.
    QVarLengthArray<char, 128> dest;
    QVarLengthArray<char, 64> tx;
    auto ascii = [](const QString &text, auto *to) {
        to->resize(text.size());
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text.at(i).unicode();
            if (c >= 0x80)
                return false;
            (*to)[i] = char(c);
        }
        return true;
    };
    if (!ascii(destination, &dest) || !ascii(transaction, &tx))
        return false;
    const bool writeLength = !(options & StompClient::NoContentLength);
    if (!writeLength && body.contains('\0'))
        return false; // the general path refuses it with the reason
    // The same headers, in the same order, as StompFrame::makeSend() gives the general path.
    return StompEncoding::appendPlain(
            "SEND",
            [&](auto &&visit) {
                visit("destination", QByteArrayView(dest.data(), dest.size()));
                for (const auto &h : headers)
                    visit(h.first, h.second);
                if (!transaction.isEmpty())
                    visit("transaction", QByteArrayView(tx.data(), tx.size()));
            },
            body, writeLength, out);
}

void StompConnection::writeEncoded(const StompEncodedSends &sends)
{
    if (m_transport->kind() == StompEndpoint::WebSocket) {
        const char *p = sends.bytes.constData();
        const quint64 attempt = m_attemptId;
        for (qint64 size : sends.sizes) {
            if (attempt != m_attemptId || !m_transport)
                return; // a write failed and tore the connection down; teardown() settled the count
            m_transport->writeFrame(p, size);
            p += size;
        }
    } else {
        m_transport->writeFrame(sends.bytes.constData(), sends.bytes.size());
    }
    if (m_outInterval > 0)
        m_lastWrite.start();
    checkWriteBuffer();
}

void StompConnection::onBytesWritten(qint64 bytes)
{
    m_shared->outstandingBytes.fetch_sub(bytes);
    if (m_inBytesWritten) {
        m_nestedBytesWritten += bytes; // a transport that reports writes made in our flush below
        return;
    }
    if (!m_blocking && m_transport->bytesToWrite() > 0) {
        // The socket had room: fill it now rather than one chunk per event-loop iteration.
        // Qt does not report writes made inside its own bytesWritten(), so count them here.
        m_inBytesWritten = true;
        m_nestedBytesWritten = 0;
        const quint64 attempt = m_attemptId;
        const qint64 before = m_transport->bytesToWrite();
        m_transport->flush();
        m_inBytesWritten = false;
        // A write error tears the connection down inside flush(); teardown() settled the count.
        if (attempt != m_attemptId || m_closing || !m_transport || !m_transport->isOpen())
            return;
        const qint64 unreported = before - m_transport->bytesToWrite() - m_nestedBytesWritten;
        if (unreported > 0)
            m_shared->outstandingBytes.fetch_sub(unreported);
    }
    if (m_transport->bytesToWrite() > 0 && m_config.frameTimeout > 0 && !m_blocking)
        m_writeStallTimer->start(m_config.frameTimeout); // progress: restart the clock
    else
        m_writeStallTimer->stop();
    if (m_writeFull && m_transport->bytesToWrite() <= m_config.writeHighWaterMark / 2) {
        m_writeFull = false;
        emit writeBufferDrained();
    }
    m_shared->notify();
}

void StompConnection::trackReceipt(const QString &id)
{
    m_waitingReceipts.insert(id);
    if (m_config.receiptTimeout < 0 || m_blocking)
        return;
    m_receiptDeadlines.emplace_back(QDeadlineTimer(m_config.receiptTimeout), id);
    if (!m_receiptTimer->isActive())
        m_receiptTimer->start(m_config.receiptTimeout);
}

void StompConnection::checkReceipts()
{
    // While reading is held, a RECEIPT may wait unread behind the messages: no verdict until
    // reading resumes (which gives every receipt the full timeout again, see setReadPaused()).
    if (readingHeld() && !m_receiptDeadlines.empty()) {
        m_receiptTimer->start(qMax(1, m_config.receiptTimeout));
        return;
    }
    // Deadlines are in send order, so the front is always the earliest.
    while (!m_receiptDeadlines.empty()) {
        auto &[deadline, id] = m_receiptDeadlines.front();
        if (!m_waitingReceipts.contains(id)) {
            m_receiptDeadlines.pop_front();
            continue;
        }
        if (!deadline.hasExpired()) {
            m_receiptTimer->start(qMax<qint64>(1, deadline.remainingTime()));
            return;
        }
        const QString expired = id;
        m_receiptDeadlines.pop_front();
        m_waitingReceipts.remove(expired);
        loseReceipt(expired);
        qCWarning(lcStompClient) << "receipt timed out:" << expired;
        if (m_replayReceipts.remove(expired)) {
            if (m_replayReceipts.isEmpty())
                flushQueued();
            continue;
        }
        emit errorOccurred(StompClient::ReceiptTimeout, expired);
    }
}

void StompConnection::sendHeartbeat()
{
    if (m_state != StompClient::Connected && m_state != StompClient::Disconnecting)
        return;
    if (m_lastWrite.isValid() && m_lastWrite.elapsed() < m_outInterval / 2)
        return;
    m_transport->writeFrame("\n", 1);
    m_lastWrite.start();
}

void StompConnection::checkHeartbeat()
{
    if (m_inInterval <= 0 || !m_lastRead.isValid())
        return;
    if (readingHeld() && m_transport) {
        // Not reading on purpose: bytes piling up in the socket prove the peer alive. Once the
        // socket's buffer is full, TCP holds the peer back (its heart-beats too): its silence
        // is the consumer's doing, not a sign of death, however long the consumer takes.
        const qint64 available = m_transport->bytesAvailable();
        if (available != m_pausedBytesAvailable || m_transport->isReadBufferFull()) {
            m_pausedBytesAvailable = available;
            m_lastRead.start();
        }
    }
    const qint64 silent = m_lastRead.elapsed();
    if (silent > qint64(m_inInterval * m_config.heartbeatTolerance)) {
        fail(StompClient::HeartbeatTimeout,
             tr("no data from the server for %1 ms (heart-beat %2 ms)").arg(silent).arg(m_inInterval));
    }
}

void StompConnection::resumeDelivery()
{
    if (m_messageSink)
        return; // a StompMessageQueue decides about pausing now
    setReadPaused(false);
}

void StompConnection::setReadPaused(bool paused)
{
    if (m_readPaused == paused)
        return;
    m_readPaused = paused;
    m_pausedBytesAvailable = -1;
    if (!paused) {
        // The receipt clocks count from here: what the server sent while the reader was held
        // back is still to be read. Send order stays deadline order.
        const QDeadlineTimer fresh(m_config.receiptTimeout);
        for (auto &entry : m_receiptDeadlines)
            entry.first = qMax(entry.first, fresh);
    }
    if (!paused && m_transport && m_transport->bytesAvailable() > 0)
        onReadyRead();
    else if (m_state == StompClient::Connected || m_state == StompClient::Disconnecting)
        armStallTimers(); // paused: stopped; resumed with nothing to read: the clocks start
}

bool StompConnection::openBlocking(const StompConnectionConfig &config)
{
    m_blocking = true;
    StompConnectionConfig once = config;
    once.reconnect.enabled = false; // the publisher decides when to reconnect
    open(once);
    const QDeadlineTimer deadline = socketDeadline();
    // waitFor*() emit the transport's signals synchronously, so the usual handlers run.
    if (m_state == StompClient::Connecting && m_transport && !m_transport->isOpen()
        && !m_transport->waitForConnected(remainingMs(deadline))) {
        if (m_state != StompClient::Disconnected)
            fail(StompClient::SocketTimeout,
                 tr("connection not established within %1 ms").arg(config.socketTimeout));
        return false;
    }
    if (!readWhile(StompClient::Connecting, deadline)) {
        fail(StompClient::SocketTimeout,
             tr("no CONNECTED frame within %1 ms").arg(config.socketTimeout));
        return false;
    }
    return m_state == StompClient::Connected;
}

QDeadlineTimer StompConnection::socketDeadline() const
{
    return m_config.socketTimeout < 0 ? QDeadlineTimer(QDeadlineTimer::Forever)
                                      : QDeadlineTimer(m_config.socketTimeout);
}

int StompConnection::remainingMs(const QDeadlineTimer &deadline)
{
    return int(qMin<qint64>(deadline.remainingTime(), INT_MAX));
}

// Blocking use (no event loop): reads while the connection stays in \a state, handling the
// frames as they arrive (waitFor*() emit the transport's signals synchronously, so the usual
// handlers run and move the state on). False when the deadline passed first.
bool StompConnection::readWhile(StompClient::State state, const QDeadlineTimer &deadline)
{
    while (m_state == state && m_transport) {
        if (deadline.hasExpired())
            return false;
        m_transport->flush();
        if (!m_transport->waitForReadyRead(remainingMs(deadline)) && m_state == state
            && !m_transport->isOpen())
            break;
    }
    return true;
}

bool StompConnection::writeBlocking(const StompFrame &frame, StompClient::SendOptions options)
{
    if (!peerStillListening() || !writeNow(frame, options, 0))
        return false;
    return drainBlocking();
}

bool StompConnection::appendBlocking(const StompFrame &frame, StompClient::SendOptions options,
                                     QByteArray *batch)
{
    QString why;
    const auto encOptions = (options & StompClient::NoContentLength)
            ? StompFrameEncoder::OmitContentLength
            : StompFrameEncoder::NoOption;
    if (StompFrameEncoder::encode(frame, m_version, batch, encOptions, &why))
        return true;
    setBlockingError(StompClient::InvalidFrame, why);
    return false;
}

bool StompConnection::writeBytesBlocking(const char *data, qint64 size)
{
    if (!peerStillListening())
        return false;
    m_shared->outstandingBytes.fetch_add(size);
    m_transport->writeThrough(data, size);
    if (m_outInterval > 0)
        m_lastWrite.start();
    return drainBlocking();
}

void StompConnection::setBlockingError(StompClient::Error error, const QString &text)
{
    // A refused frame leaves the connection as it was; the caller reads why from error().
    QMutexLocker lock(&m_shared->mutex);
    m_shared->error = error;
    m_shared->errorString = text;
}

bool StompConnection::peerStillListening()
{
    if (m_state != StompClient::Connected)
        return false;
    // Notice a peer that already closed (or sent ERROR) before writing into the void: then
    // the caller reconnects instead of losing what it writes.
    if (m_transport->peerHasSpoken())
        m_transport->waitForReadyRead(0);
    return m_state == StompClient::Connected;
}

bool StompConnection::drainBlocking()
{
    // No event loop may run here: push the bytes out now, and wait only above the mark.
    m_transport->flush();
    const QDeadlineTimer deadline = socketDeadline();
    while (m_state == StompClient::Connected
           && m_transport->bytesToWrite() > m_config.writeHighWaterMark) {
        if (deadline.hasExpired()) {
            fail(StompClient::WriteBufferFull,
                 tr("the server took nothing for %1 ms").arg(m_config.socketTimeout));
            return false;
        }
        m_transport->waitForBytesWritten(remainingMs(deadline));
    }
    return m_state == StompClient::Connected;
}

void StompConnection::close()
{
    switch (m_state) {
    case StompClient::Disconnected:
    case StompClient::Disconnecting:
        return;
    case StompClient::Connecting:
    case StompClient::Reconnecting:
        m_reconnectTimer->stop();
        dropQueued(tr("the connection was closed before it was established"));
        finish();
        return;
    case StompClient::Connected:
        break;
    }
    setState(StompClient::Disconnecting);
    m_disconnectReceipt = QStringLiteral("disconnect-%1").arg(m_generation);
    StompFrame frame(StompFrame::Disconnect);
    frame.addHeader("receipt", m_disconnectReceipt.toUtf8());
    writeNow(frame, StompClient::NoSendOption, 0);
    if (m_blocking) {
        awaitDisconnectReceipt();
        return;
    }
    m_disconnectTimer->start(qMax(0, m_config.socketTimeout));
    // The RECEIPT comes behind what the server sent before: a paused reader reads on now
    // (from the event loop, not inside the caller's disconnectFromHost()), within a budget.
    m_disconnectReadBudget = qMax<qint64>(m_shared->readHighWaterMark.load(std::memory_order_relaxed),
                                          kReadChunk);
    if (m_readPaused)
        QMetaObject::invokeMethod(this, &StompConnection::onReadyRead, Qt::QueuedConnection);
}

// No event loop (StompPublisher): waits here, bounded by the socket timeout, for the RECEIPT
// by which the server says it handled every frame before the DISCONNECT. Closing sooner loses
// frames the kernel or the broker still held: RabbitMQ kept 73-85 % of a 100 000-message
// burst closed right after its DISCONNECT.
void StompConnection::awaitDisconnectReceipt()
{
    // The RECEIPT (or the server's close) is handled inside and ends the connection.
    readWhile(StompClient::Disconnecting, socketDeadline());
    if (m_state == StompClient::Disconnecting)
        finish();
}

void StompConnection::abortNow()
{
    if (m_state == StompClient::Disconnected)
        return;
    m_reconnectTimer->stop();
    dropQueued(tr("the connection was aborted"));
    finish();
}

void StompConnection::dropQueued(const QString &why)
{
    if (m_queued.empty())
        return;
    qint64 bytes = 0;
    int count = 0;
    for (const Outgoing &o : m_queued) {
        bytes += o.estimate;
        count += o.encoded.bytes.isEmpty() ? 1 : int(o.encoded.frameCount());
        const QString id = o.frame.receipt();
        if (!id.isEmpty())
            loseReceipt(id);
    }
    m_queued.clear();
    m_queuedBytes = 0;
    m_shared->outstandingBytes.fetch_sub(bytes);
    emit errorOccurred(StompClient::NotConnected,
                       QCoreApplication::translate("StompClient", "%n queued frame(s) not sent: %1",
                                                   nullptr, count)
                               .arg(why));
}

void StompConnection::fail(StompClient::Error error, const QString &message)
{
    if (m_state == StompClient::Disconnected || m_closing)
        return;
    flushMessageBatch(); // what arrived before the failure is delivered first
    qCWarning(lcStompClient) << "error:" << error << message;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->error = error;
        m_shared->errorString = message;
    }
    m_errorReported = true;
    // Decide first, so that when errorOccurred() arrives state() already tells whether the
    // client is going to try again (Reconnecting) or has given up (Disconnected).
    const int delay = m_state == StompClient::Disconnecting ? -1 : reconnectDelay(error);
    if (delay < 0) {
        emit errorOccurred(error, message);
        dropQueued(message);
        finish();
        return;
    }
    teardown();
    const QString next = m_endpoints.at(m_endpointIndex % m_endpoints.size()).displayName();
    setState(m_everConnected || m_config.reconnect.enabled ? StompClient::Reconnecting
                                                           : StompClient::Connecting);
    emit errorOccurred(error, message);
    if (m_config.reconnect.enabled) {
        qCInfo(lcStompClient) << "reconnect attempt" << m_attempt << "to" << next << "in" << delay << "ms";
        emit reconnectScheduled(m_attempt, delay, next);
    } else {
        qCInfo(lcStompClient) << "trying the next broker:" << next;
    }
    m_reconnectTimer->start(delay);
}

// Whether a failure is worth another attempt: the delay before it, or -1. Without a
// reconnect policy, a first connection still tries each broker of the list once.
int StompConnection::reconnectDelay(StompClient::Error error)
{
    if (m_blocking || error == StompClient::UnsupportedVersion || error == StompClient::InvalidFrame)
        return -1;
    const StompReconnectPolicy &policy = m_config.reconnect;
    if (!policy.enabled) {
        if (m_everConnected || error == StompClient::AuthenticationFailed
            || m_endpointIndex + 1 >= m_endpoints.size())
            return -1;
        ++m_endpointIndex;
        return 0;
    }
    if (error == StompClient::AuthenticationFailed) {
        // Retrying the same credentials would only hammer the broker; a provider may have
        // fresh ones, once.
        if (!m_config.credentials || m_authRetried)
            return -1;
        const auto fresh = m_config.credentials();
        if (fresh.first == m_config.login && fresh.second == m_config.passcode)
            return -1;
        m_authRetried = true;
    }
    if (policy.maxAttempts >= 0 && m_attempt >= policy.maxAttempts)
        return -1;

    ++m_attempt;
    if (m_everConnected || m_endpoints.size() > 1)
        ++m_endpointIndex;
    int delay = policy.delayFor(m_attempt);
    if (policy.jitter > 0 && delay > 0) {
        const double spread = qBound(0.0, policy.jitter, 1.0);
        const double factor = 1.0 + spread * (2.0 * QRandomGenerator::global()->generateDouble() - 1.0);
        delay = qMax(0, int(delay * factor));
    }
    QMutexLocker lock(&m_shared->mutex);
    m_shared->reconnectAttempt = m_attempt;
    return delay;
}

// Closes the transport and settles what was in flight on it; the state is the caller's.
void StompConnection::teardown()
{
    m_closing = true;
    m_connectTimer->stop();
    m_disconnectTimer->stop();
    m_receiptTimer->stop();
    m_heartbeatSendTimer->stop();
    m_heartbeatCheckTimer->stop();
    m_stallTimer->stop();
    m_quickAckTimer->stop();
    m_writeStallTimer->stop();
    m_frameDeadlineTimer->stop();
    m_partialFrameOffset = -1;
    m_disconnectReceipt.clear();
    if (m_transport) {
        m_shared->outstandingBytes.fetch_sub(m_transport->bytesToWrite());
        m_transport->blockSignals(true);
        if (m_state == StompClient::Disconnecting)
            m_transport->closeGracefully();
        else
            m_transport->abort();
        m_transport->blockSignals(false);
    }
    m_writeFull = false;
    for (const QString &id : std::as_const(m_waitingReceipts))
        loseReceipt(id);
    m_waitingReceipts.clear();
    m_receiptDeadlines.clear();
    m_replayReceipts.clear();
    const QSet<QString> open = std::exchange(m_openTransactions, {});
    for (const QString &tx : open)
        emit transactionAborted(tx);
    m_closing = false;
}

void StompConnection::finish()
{
    if (m_state == StompClient::Disconnected)
        return;
    flushMessageBatch();
    m_reconnectTimer->stop();
    teardown();
    m_subscriptions.clear();
    subscriptionsChanged();
    setState(StompClient::Disconnected);
    emit disconnected();
}

// Bytes that arrived before a close come first: often the ERROR frame saying why, and
// messages the broker already counts as delivered. A paused reader (a full StompMessageQueue,
// a client thread behind on its batches) reads them too: once the peer has closed, pausing no
// longer holds the broker back, and the bytes are in memory already (at most the transport's
// read buffer). False when handling them already ended this connection.
bool StompConnection::readBeforeClose()
{
    if (m_state == StompClient::Disconnected || m_reconnectTimer->isActive())
        return false;
    const quint64 attempt = m_attemptId;
    if (m_transport && m_transport->bytesAvailable() > 0) {
        const QScopedValueRollback<bool> unpaused(m_readingBeforeClose, true);
        onReadyRead();
    }
    return attempt == m_attemptId && m_state != StompClient::Disconnected
            && !m_reconnectTimer->isActive();
}

void StompConnection::onTransportError(StompClient::Error error, const QString &message)
{
    if (!readBeforeClose())
        return;
    if (m_state == StompClient::Disconnecting) {
        finish(); // the server may close first once it has our DISCONNECT
        return;
    }
    fail(error, message);
}

void StompConnection::onTransportDisconnected()
{
    if (!readBeforeClose())
        return;
    if (m_state == StompClient::Disconnecting) {
        finish();
        return;
    }
    fail(StompClient::RemoteClosed, tr("the server closed the connection"));
}
