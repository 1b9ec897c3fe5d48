// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The connection driver: the one place that speaks STOMP over a socket. StompClient (both
// listener modes) and the other public clients are thin layers over it. It lives in exactly
// one thread; other threads reach it only through queued calls and StompSharedState.

#include <StompQt/stompclient.h>
#include <StompQt/stompframeparser.h>

#include "stomptransport_p.h"

#include <QtCore/qdeadlinetimer.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qhash.h>
#include <QtCore/qloggingcategory.h>
#include <QtCore/qmutex.h>
#include <QtCore/qpointer.h>
#include <QtCore/qset.h>
#include <QtCore/qtimer.h>
#include <QtCore/qwaitcondition.h>
#include <QtNetwork/qabstractsocket.h>

#include <atomic>
#include <deque>
#include <functional>
#include <vector>


Q_DECLARE_LOGGING_CATEGORY(lcStompClient)
Q_DECLARE_LOGGING_CATEGORY(lcStompFrames)

struct StompConnectionConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 61613;
    QString virtualHost;
    QString login;
    QString passcode;
    StompClient::Versions versions = StompClient::Version1_0 | StompClient::Version1_1
            | StompClient::Version1_2;
    int heartbeatOut = 0;
    int heartbeatIn = 0;
    double heartbeatTolerance = 2.0;
    int socketTimeout = 3000;
    int receiptTimeout = 10000;
    int frameTimeout = 30000; // an incomplete frame with no new byte for this long is a stall
    bool useStompCommand = false;
    StompHeaders connectHeaders;
    StompParserLimits limits;
    qint64 writeHighWaterMark = 4 * 1024 * 1024;
    qint64 readHighWaterMark = 16 * 1024 * 1024;
    QList<StompEndpoint> endpoints; // tried in turn; empty: host and port over TCP
    StompTlsOptions tls;
    StompReconnectPolicy reconnect;
    StompClient::CredentialsProvider credentials;
};

// What blocking callers in any thread wait on. Written by the connection's thread (and by
// callers registering receipts before posting a frame), always under `mutex`.
class StompSharedState
{
public:
    bool waitUntil(const std::function<bool()> &done, int msecs);
    void notify() { cond.wakeAll(); }

    void addPendingReceipt(const QString &id);
    void receiptArrived(const QString &id);
    void receiptFailed(const QString &id);

    mutable QMutex mutex;
    QWaitCondition cond;
    StompClient::State state = StompClient::Disconnected;
    StompClient::Error error = StompClient::NoError;
    QString errorString;
    StompFrame::Version version = StompFrame::Version::V1_2;
    QString sessionId;
    QString server;
    QString broker;
    int reconnectAttempt = 0;
    int heartbeatOut = 0;
    int heartbeatIn = 0;
    quint64 attempts = 0; // completed connection attempts (success or failure)
    QSet<QString> pendingReceipts;
    QSet<QString> receivedReceipts; // bounded: oldest forgotten first
    std::deque<QString> receivedOrder;

    // Bytes accepted but not yet written to the OS: frames still queued to the connection
    // thread plus the socket's write buffer. Used for the high-water mark from any thread.
    std::atomic<qint64> outstandingBytes{0};
    std::atomic<qint64> highWaterMark{4 * 1024 * 1024};
    std::atomic<bool> monitorFrames{false};
    std::atomic<int> socketTimeout{3000}; // what submit() in any thread may wait for room
    // WorkerThread delivery: bytes of messages posted to the client's thread and not yet
    // routed there (deliveryCost()), and whether that stopped the connection's reading.
    std::atomic<qint64> undeliveredBytes{0};
    std::atomic<qint64> readHighWaterMark{16 * 1024 * 1024};
    std::atomic<bool> deliveryPaused{false};

    // WorkerThread: the client's thread hands back the messages it routed (StompMessageQueue:
    // those its consumers took), and the connection's parser builds new frames in their
    // storage (StompFrameParser reuses the frame its caller passes in when nothing else holds
    // it): no allocation per message in the connection's thread and no free of it in the
    // other. Bounded in count and size.
    void returnFrames(const QList<StompFrame> &frames);
    QList<StompFrame> takeReturnedFrames();
    std::atomic<bool> framesReturned{false};
    static constexpr qsizetype kMaxReturnedFrames = 512;
    static constexpr qsizetype kMaxReturnedBody = 4096;

private:
    QMutex returnedMutex;
    QList<StompFrame> returnedFrames;
};

// Plain SENDs that StompClient::send() encoded in the calling thread (another thread than the
// connection's): the bytes of consecutive frames, and each frame's size so that a
// message-based transport (WebSocket) still gets one frame per message.
struct StompEncodedSends
{
    QByteArray bytes;
    std::vector<qint64> sizes;
    qsizetype frameCount() const { return qsizetype(sizes.size()); }
};

class StompConnection : public QObject
{
    Q_OBJECT
public:
    explicit StompConnection(std::shared_ptr<StompSharedState> shared);
    ~StompConnection() override;

    static qint64 estimateSize(const StompFrame &frame);
    /// What a received message held for delivery costs in memory, roughly: its size plus the
    /// frame's own allocations (about 256 bytes). Counted against readHighWaterMark.
    static qint64 deliveryCost(const StompFrame &frame) { return estimateSize(frame) + 256; }

    // All of these run in the connection's thread.
    void open(const StompConnectionConfig &config);
    void close();
    void abortNow();
    /// Writes \a frame (queues it while connecting). \a estimate is what the caller added
    /// to outstandingBytes for it.
    void sendFrame(const StompFrame &frame, StompClient::SendOptions options, qint64 estimate);
    /// StompClient::send() without building a StompFrame: a SEND that needs no escaping, no
    /// receipt and nothing of writeNow()'s bookkeeping goes straight to the wire, exactly as the
    /// frame path would encode it. False (nothing done) when the frame path is needed.
    bool trySendDirect(const QString &destination, const QByteArray &body,
                       const StompHeaders &headers, const QString &transaction,
                       StompClient::SendOptions options);
    /// The encoding both direct paths share: appends the SEND to \a out exactly as
    /// StompFrame::makeSend() + StompFrameEncoder would (for every version: nothing in it needs
    /// escaping), or returns false and appends nothing when the frame path is needed (a receipt,
    /// escapes, a non-ASCII destination, a NUL in a body without content-length).
    static bool encodePlainSend(const QString &destination, const QByteArray &body,
                                const StompHeaders &headers, const QString &transaction,
                                StompClient::SendOptions options, QByteArray *out);
    /// SENDs encoded by encodePlainSend() in another thread: written like sendFrame() writes
    /// (queued while connecting, refused when not connected); all of \a sends.bytes was added
    /// to outstandingBytes.
    void sendEncoded(StompEncodedSends &&sends);
    /// Builds the ACK/NACK the negotiated version needs.
    void acknowledge(const StompFrame &message, bool positive, const QString &transaction,
                     const QString &receiptId, qint64 estimate);

    // Blocking use (StompPublisher): no timers and no event loop needed, so it works in any
    // thread, also one started without QThread. The caller's thread owns the connection.
    bool openBlocking(const StompConnectionConfig &config);
    bool writeBlocking(const StompFrame &frame, StompClient::SendOptions options);
    /// Batched blocking use: appends \a frame, encoded for the negotiated version, to \a batch
    /// (false: the frame is invalid, error() says why; the connection is unharmed).
    bool appendBlocking(const StompFrame &frame, StompClient::SendOptions options, QByteArray *batch);
    /// Writes whole encoded frames now, as writeBlocking() writes one.
    bool writeBytesBlocking(const char *data, qint64 size);
    /// Records why a blocking call failed (error()) without touching the connection.
    void setBlockingError(StompClient::Error error, const QString &text);
    StompClient::State state() const { return m_state; }
    StompFrame::Version version() const { return m_version; }

    /// Flow control: while paused nothing is read from the socket, so the broker is held
    /// back by TCP instead of our memory growing.
    void setReadPaused(bool paused);
    bool isReadPaused() const { return m_readPaused; }
    /// Collect the MESSAGE frames of one read into one messagesReceived() (for a client in
    /// another thread); the order with every other signal is kept.
    void setBatchMessages(bool batch) { m_batchMessages = batch; }
    void flushWrites();
    /// The client's thread handled enough of what waited (see readHighWaterMark): read again.
    void resumeDelivery();
    /// Where each MESSAGE goes when neither a sink nor batching takes it (CallerThread): a
    /// direct call in the connection's thread (a signal emission per message cost a tenth of
    /// a consumer's time in the library). A connection with none of the three (a publisher's)
    /// drops messages.
    void setMessageRoute(std::function<void(const StompFrame &)> route) { m_route = std::move(route); }
    /// Receives every MESSAGE in the connection's thread, before batching or the route.
    /// Returns true when the consumer wants reading paused.
    using MessageSink = std::function<bool(const StompFrame &)>;
    /// \a batchEnd runs after the last message of a read went to \a sink (and before any
    /// other frame is handled): a consumer waiting on the sink is woken once per read.
    void setMessageSink(MessageSink sink, std::function<void()> batchEnd = {})
    {
        m_messageSink = std::move(sink);
        m_sinkBatchEnd = std::move(batchEnd);
        m_sinkPending = false;
    }

Q_SIGNALS:
    void stateChanged(StompClient::State state);
    void connected();
    void disconnected();
    void errorOccurred(StompClient::Error error, const QString &errorString);
    /// \a cost: their deliveryCost(), counted in undeliveredBytes until the client handled them.
    void messagesReceived(const QList<StompFrame> &messages, qint64 cost);
    void receiptReceived(const QString &receiptId);
    void receiptFailed(const QString &receiptId);
    void serverErrorReceived(const StompFrame &frame);
    void frameReceived(const StompFrame &frame);
    void frameSent(const StompFrame &frame);
    void transactionAborted(const QString &transaction);
    void writeBufferFull(qint64 bytes);
    void writeBufferDrained();
    void reconnectScheduled(int attempt, int delayMs, const QString &broker);
    void reconnected();
    void sharedStateChanged();

private:
    struct Outgoing
    {
        StompFrame frame; // or, when encoded.bytes is not empty, SENDs encoded already
        StompClient::SendOptions options;
        qint64 estimate;
        StompEncodedSends encoded;
    };

    void setState(StompClient::State state);
    void startAttempt();
    void fail(StompClient::Error error, const QString &message);
    void teardown();
    void finish();
    int reconnectDelay(StompClient::Error error);
    void loseReceipt(const QString &id);
    void onTransportConnected();
    void onReadyRead();
    void readAvailable();
    void onBytesWritten(qint64 bytes);
    void onTransportError(StompClient::Error error, const QString &message);
    void onTransportDisconnected();
    bool readBeforeClose();
    void flushQueued();
    void flushMessageBatch();
    void subscriptionsChanged();
    void armStallTimers();
    /// Reading waits for the consumer: paused, unless the connection is ending. What the
    /// server sent before its close is read anyway (at most the transport's buffer), and so
    /// is what comes before the RECEIPT for our DISCONNECT, up to m_disconnectReadBudget.
    bool readingHeld() const
    {
        return m_readPaused && !m_readingBeforeClose
                && (m_state != StompClient::Disconnecting || m_disconnectReadBudget <= 0);
    }
    void handleFrame(const StompFrame &frame);
    void handleConnected(const StompFrame &frame);
    bool writeNow(const StompFrame &frame, StompClient::SendOptions options, qint64 estimate);
    void trackReceipt(const QString &id);
    void putOnWire(qint64 accounted);
    void writeEncoded(const StompEncodedSends &sends);
    void sendOutgoing(Outgoing &&o);
    void writeOutgoing(const Outgoing &o);
    void refuseFrame(qint64 estimate, const QString &receipt, StompClient::Error error,
                     const QString &why);
    bool peerStillListening();
    bool drainBlocking();
    void awaitDisconnectReceipt();
    QDeadlineTimer socketDeadline() const;
    static int remainingMs(const QDeadlineTimer &deadline);
    bool readWhile(StompClient::State state, const QDeadlineTimer &deadline);
    void checkWriteBuffer();
    void checkReceipts();
    void checkHeartbeat();
    void sendHeartbeat();
    void dropQueued(const QString &why);

    std::shared_ptr<StompSharedState> m_shared;
    StompConnectionConfig m_config;
    StompTransport *m_transport = nullptr;
    QList<StompEndpoint> m_endpoints;
    int m_endpointIndex = 0;
    int m_attempt = 0;          // reconnect attempts since the last CONNECTED
    bool m_everConnected = false;
    bool m_authRetried = false;
    quint64 m_generation = 0;   // increments with every CONNECTED
    quint64 m_attemptId = 0;    // increments with every connection attempt
    QTimer *m_reconnectTimer;
    QTimer *m_stallTimer;      // a half-received frame that stops arriving
    QTimer *m_writeStallTimer; // bytes to write that the server stops taking
    QTimer *m_frameDeadlineTimer; // a frame that trickles in forever
    QTimer *m_quickAckTimer; // a TCP acknowledgement the broker may be waiting for
    qint64 m_partialFrameOffset = -1; // stream offset of the incomplete frame being timed
    std::vector<std::pair<QString, StompFrame>> m_subscriptions; // replayed after reconnecting
    QSet<QString> m_replayReceipts;
    StompFrameParser m_parser;
    QByteArray m_readBuffer;
    QList<StompFrame> m_spareFrames; // handed back by the client (WorkerThread) or StompMessageQueue
    QByteArray m_writeBuffer;
    StompClient::State m_state = StompClient::Disconnected;
    StompFrame::Version m_version = StompFrame::Version::V1_2;

    QTimer *m_connectTimer; // children, so that they follow moveToThread()
    QTimer *m_disconnectTimer;
    QTimer *m_receiptTimer;
    QTimer *m_heartbeatSendTimer;
    QTimer *m_heartbeatCheckTimer;
    QElapsedTimer m_lastRead;
    QElapsedTimer m_lastWrite;
    int m_outInterval = 0;
    int m_inInterval = 0;

    std::deque<Outgoing> m_queued; // sent while CONNECT is under way
    qint64 m_queuedBytes = 0;
    qint64 m_messageBatchBytes = 0; // deliveryCost() of m_messageBatch
    std::deque<std::pair<QDeadlineTimer, QString>> m_receiptDeadlines;
    QSet<QString> m_waitingReceipts;
    QSet<QString> m_openTransactions;
    QString m_disconnectReceipt;
    MessageSink m_messageSink;
    std::function<void(const StompFrame &)> m_route;
    std::function<void()> m_sinkBatchEnd;
    bool m_sinkPending = false; // messages went to the sink since the last batchEnd
    int m_framesSinceFlush = 0;  // frames handled since readAvailable() last flushed
    bool m_acksAwaited = false;  // a subscription has ack: client or client-individual
    static constexpr int kFlushEveryFrames = 64;
    static constexpr int kQuickAckMs = 5;
    QList<StompFrame> m_messageBatch;
    bool m_batchMessages = false;
    bool m_inBytesWritten = false;
    qint64 m_nestedBytesWritten = 0;
    qint64 m_pausedBytesAvailable = -1;
    bool m_readPaused = false;
    bool m_readingBeforeClose = false; ///< the peer closed: read what it sent first, paused or not
    /// Bytes a paused reader still takes in while Disconnecting (readHighWaterMark): a server
    /// that keeps sending after our DISCONNECT cannot make the consumer's queue grow unbounded.
    qint64 m_disconnectReadBudget = 0;
    bool m_blocking = false;
    bool m_writeFull = false;
    bool m_closing = false;
    bool m_errorReported = false;
};
