// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompframe.h>
#include <StompQt/stompframeparser.h>

#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qurl.h>

#include <functional>
#include <memory>

class StompSubscription;
class StompClientPrivate;
class QSslConfiguration;

/*!
    How StompClient reconnects after losing its connection (off by default).

    The delay before attempt n is initialDelay × multiplier^(n-1), capped at maxDelay, then
    spread by ± jitter (a fraction) so that many clients do not return in step. Attempts go
    round the broker list (StompClient::brokers()), in order or shuffled. An authentication
    failure is never retried with the same credentials.
*/
struct STOMPQT_EXPORT StompReconnectPolicy
{
    Q_GADGET
    Q_PROPERTY(bool enabled MEMBER enabled)
    Q_PROPERTY(int initialDelay MEMBER initialDelay)
    Q_PROPERTY(int maxDelay MEMBER maxDelay)
    Q_PROPERTY(double multiplier MEMBER multiplier)
    Q_PROPERTY(double jitter MEMBER jitter)
    Q_PROPERTY(int maxAttempts MEMBER maxAttempts)
    Q_PROPERTY(bool shuffle MEMBER shuffle)
public:
    bool enabled = false;
    int initialDelay = 500;   ///< ms
    int maxDelay = 30000;     ///< ms
    double multiplier = 2.0;
    double jitter = 0.2;
    int maxAttempts = -1;     ///< -1: forever
    bool shuffle = false;

    /// The delay before attempt  attempt (1-based), without jitter.
    int delayFor(int attempt) const;
};

/*!
    The duplex STOMP client (the seed's PublishSubscribeClient).

    StompClient talks to one broker over TCP. It is asynchronous: connectToHost() returns
    at once and connected() is emitted when the broker's CONNECTED frame arrives. Every
    MESSAGE is emitted by messageReceived() and by the StompSubscription it belongs to
    (routed by subscription id). Blocking helpers (waitForConnected(), waitForReceipt(),
    waitForDisconnected()) work from any thread, also one without an event loop, and
    always take a timeout.

    In listener mode CallerThread (the default) the socket, parser and timers live in the
    client's thread. In WorkerThread mode they live in a worker thread owned by the client,
    so that a busy GUI thread cannot stall heart-beats or reading; signals still arrive in
    the client's thread. In both modes the public functions may be called from any thread.
    In WorkerThread mode the getters (state(), version(), ...) show the worker's current
    view, which may be ahead of the signals still queued for the client's thread: a
    stateChanged() spy connected right after waitForConnected() returned can still receive
    the stateChanged(Connected) of that connection.

    The passcode is never written to a log or to frameSent()/QDebug output.

    A client may be deleted from a slot connected to one of its own signals or from a
    subscription handler, with \c delete or deleteLater(). With \c delete the connection is
    closed at once (nothing queued is sent, no DISCONNECT), no further signal is emitted, and
    frames of the same read that were not handled yet are dropped; in CallerThread mode the
    connection object itself is freed by deleteLater(), so only memory (not the socket) waits
    for the event loop. deleteLater() first delivers the rest of the read.
*/
class STOMPQT_EXPORT StompClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString host READ host WRITE setHost NOTIFY hostChanged)
    Q_PROPERTY(quint16 port READ port WRITE setPort NOTIFY portChanged)
    Q_PROPERTY(QUrl url READ url WRITE setUrl NOTIFY urlChanged)
    Q_PROPERTY(QString virtualHost READ virtualHost WRITE setVirtualHost NOTIFY virtualHostChanged)
    Q_PROPERTY(QString login READ login WRITE setLogin NOTIFY loginChanged)
    Q_PROPERTY(QString passcode READ passcode WRITE setPasscode NOTIFY passcodeChanged)
    Q_PROPERTY(Versions acceptedVersions READ acceptedVersions WRITE setAcceptedVersions NOTIFY acceptedVersionsChanged)
    Q_PROPERTY(int outgoingHeartbeat READ outgoingHeartbeat NOTIFY heartbeatChanged)
    Q_PROPERTY(int incomingHeartbeat READ incomingHeartbeat NOTIFY heartbeatChanged)
    Q_PROPERTY(double heartbeatTolerance READ heartbeatTolerance WRITE setHeartbeatTolerance NOTIFY heartbeatChanged)
    Q_PROPERTY(ListenerMode listenerMode READ listenerMode WRITE setListenerMode NOTIFY listenerModeChanged)
    Q_PROPERTY(int socketTimeout READ socketTimeout WRITE setSocketTimeout NOTIFY socketTimeoutChanged)
    Q_PROPERTY(int receiptTimeout READ receiptTimeout WRITE setReceiptTimeout NOTIFY receiptTimeoutChanged)
    Q_PROPERTY(bool useStompCommand READ useStompCommand WRITE setUseStompCommand NOTIFY useStompCommandChanged)
    Q_PROPERTY(qint64 writeHighWaterMark READ writeHighWaterMark WRITE setWriteHighWaterMark NOTIFY writeHighWaterMarkChanged)
    Q_PROPERTY(qint64 readHighWaterMark READ readHighWaterMark WRITE setReadHighWaterMark NOTIFY readHighWaterMarkChanged)
    Q_PROPERTY(bool reconnectEnabled READ reconnectEnabled WRITE setReconnectEnabled NOTIFY reconnectPolicyChanged)
    Q_PROPERTY(StompReconnectPolicy reconnectPolicy READ reconnectPolicy WRITE setReconnectPolicy NOTIFY reconnectPolicyChanged)
    Q_PROPERTY(QList<QUrl> brokers READ brokers WRITE setBrokers NOTIFY brokersChanged)
    Q_PROPERTY(bool insecureSkipTlsVerification READ insecureSkipTlsVerification WRITE setInsecureSkipTlsVerification NOTIFY tlsChanged)
    Q_PROPERTY(int reconnectAttempt READ reconnectAttempt NOTIFY reconnectScheduled)
    Q_PROPERTY(QString currentBroker READ currentBroker NOTIFY connected)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString version READ versionString NOTIFY connected)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY connected)
    Q_PROPERTY(QString server READ server NOTIFY connected)
    Q_PROPERTY(int negotiatedOutgoingHeartbeat READ negotiatedOutgoingHeartbeat NOTIFY connected)
    Q_PROPERTY(int negotiatedIncomingHeartbeat READ negotiatedIncomingHeartbeat NOTIFY connected)
    Q_PROPERTY(Error error READ error NOTIFY errorOccurred)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorOccurred)

public:
    enum State { Disconnected, Connecting, Connected, Disconnecting, Reconnecting };
    Q_ENUM(State)

    enum Error {
        NoError,
        HostNotFound,
        ConnectionRefused,
        RemoteClosed,
        SocketTimeout,     ///< TCP connect, CONNECTED or DISCONNECT took longer than socketTimeout
        TlsError,
        NetworkError,      ///< any other socket error; errorString has the system's text
        ProtocolError,     ///< the server sent bytes that are not STOMP; the connection is closed
        FrameTooLarge,     ///< a received frame exceeded the parser limits; the connection is closed
        ServerError,       ///< the server sent an ERROR frame; the connection is closed
        AuthenticationFailed, ///< an ERROR frame in answer to CONNECT
        HeartbeatTimeout,  ///< no byte from the server for heartbeatTolerance x the agreed interval
                           ///< (not while paused reading has filled the socket's buffer)
        ReceiptTimeout,    ///< errorString carries the receipt id
        NotConnected,      ///< a frame could not be sent because there is no connection
        InvalidFrame,      ///< a frame could not be encoded in the negotiated version
        WriteBufferFull,   ///< the server took no byte for frameTimeout (the connection closes),
                           ///< or a sender in another thread waited socketTimeout for room
        UnsupportedVersion ///< the server chose a version that was not offered
    };
    Q_ENUM(Error)

    enum ListenerMode { CallerThread, WorkerThread };
    Q_ENUM(ListenerMode)

    /// How a subscription's messages are acknowledged: by the broker on delivery (AckAuto), or
    /// by ack()/nack() from the application, cumulatively (AckClient) or one message at a time
    /// (AckClientIndividual). While any subscription acknowledges by hand, the client also sends
    /// the TCP acknowledgement of what it read after 5 ms without new bytes (Linux): a broker
    /// that keeps Nagle's algorithm on (ActiveMQ) would otherwise wait up to 40 ms for it
    /// whenever no ACK frame is due.
    enum AckMode { AckAuto, AckClient, AckClientIndividual };
    Q_ENUM(AckMode)

    enum VersionFlag { Version1_0 = 0x1, Version1_1 = 0x2, Version1_2 = 0x4 };
    Q_DECLARE_FLAGS(Versions, VersionFlag)
    Q_FLAG(Versions)

    enum SendOption {
        NoSendOption = 0,
        WithReceipt = 0x1,      ///< add a receipt header; the call returns its id
        NoContentLength = 0x2,  ///< omit content-length (ActiveMQ then makes a TextMessage)
    };
    Q_DECLARE_FLAGS(SendOptions, SendOption)
    Q_FLAG(SendOptions)

    explicit StompClient(QObject *parent = nullptr);
    ~StompClient() override;

    // Configuration (takes effect at the next connectToHost()) -----------------------------
    QString host() const;
    void setHost(const QString &host);
    quint16 port() const;
    void setPort(quint16 port);
    /// stomp://[login[:passcode]@]host[:port][/virtualHost]; sets the other properties.
    /// Also stomp+ssl:// (TLS), ws:// and wss:// (STOMP over WebSocket; the path is the
    /// HTTP path, set the virtual host with setVirtualHost()), and ActiveMQ's
    /// failover:(url1,url2)?randomize=false, which sets brokers().
    QUrl url() const;
    void setUrl(const QUrl &url);
    /// Brokers tried in turn (failover): a first connection tries each once; with reconnect
    /// enabled, every later attempt moves to the next. When empty, url().
    QList<QUrl> brokers() const;
    void setBrokers(const QList<QUrl> &brokers);
    /// The broker of the current connection (no credentials).
    QString currentBroker() const;

    StompReconnectPolicy reconnectPolicy() const;
    void setReconnectPolicy(const StompReconnectPolicy &policy);
    bool reconnectEnabled() const;
    void setReconnectEnabled(bool enabled);
    int reconnectAttempt() const;
    /// Called in the connection's thread before every connection attempt; returns the
    /// login and passcode to use (e.g. a fresh token). With a provider, an authentication
    /// failure is retried once with what it returns, if that differs.
    using CredentialsProvider = std::function<std::pair<QString, QString>()>;
    void setCredentialsProvider(CredentialsProvider provider);

    /// TLS settings for stomp+ssl:// and wss:// (CA certificates, client certificate and key,
    /// protocol). Peer and host name verification are on unless disabled below. Until one is
    /// set, QSslConfiguration::defaultConfiguration() as it is when a TLS connection is opened
    /// (a client that never uses TLS does not load the TLS backend).
    QSslConfiguration sslConfiguration() const;
    void setSslConfiguration(const QSslConfiguration &configuration);
    /// Accepts any server certificate. Only for tests: anyone on the path can read and
    /// change the traffic.
    bool insecureSkipTlsVerification() const;
    void setInsecureSkipTlsVerification(bool skip);
    QString virtualHost() const;
    void setVirtualHost(const QString &virtualHost);
    QString login() const;
    void setLogin(const QString &login);
    QString passcode() const;
    void setPasscode(const QString &passcode);
    Versions acceptedVersions() const;
    void setAcceptedVersions(Versions versions);
    /// Heart-beat wish in milliseconds (0 = none); the broker's answer decides the real ones.
    void setHeartbeat(int outgoingMs, int incomingMs);
    int outgoingHeartbeat() const;
    int incomingHeartbeat() const;
    /// The server is declared dead after this many incoming intervals without a byte (default 2).
    double heartbeatTolerance() const;
    void setHeartbeatTolerance(double factor);
    ListenerMode listenerMode() const;
    /// Only while disconnected.
    void setListenerMode(ListenerMode mode);
    /// Bounds TCP connect, the wait for CONNECTED and for the DISCONNECT receipt (default 3000 ms).
    int socketTimeout() const;
    void setSocketTimeout(int msecs);
    /// How long a receipt may take before ReceiptTimeout is reported (default 10000 ms).
    /// While reading is paused (a full StompMessageQueue, readHighWaterMark) the RECEIPT may
    /// wait unread behind the messages: the clock starts again when reading resumes.
    int receiptTimeout() const;
    void setReceiptTimeout(int msecs);
    /// An incomplete frame that receives no byte for this long closes the connection with
    /// SocketTimeout, and bytes waiting to be written that the server does not take for
    /// this long close it with WriteBufferFull (default 30000 ms; 0 = never). A slow but
    /// steady peer is not stalled, but every frame must be complete within 4 × frameTimeout
    /// of its first byte (SocketTimeout): a byte now and then cannot hold a connection.
    /// While reading is paused (a full StompMessageQueue, readHighWaterMark) neither clock
    /// runs; they start afresh when reading resumes.
    int frameTimeout() const;
    void setFrameTimeout(int msecs);
    bool useStompCommand() const;
    void setUseStompCommand(bool useStomp);
    /// Extra headers for the CONNECT frame (e.g. client-id for ActiveMQ durable topics).
    StompHeaders connectHeaders() const;
    void setConnectHeaders(const StompHeaders &headers);
    StompParserLimits parserLimits() const;
    void setParserLimits(const StompParserLimits &limits);
    /// Bytes that may wait in the write buffer before writeBufferFull(); send() from a
    /// thread other than the connection's blocks (up to socketTimeout) while it is exceeded.
    qint64 writeHighWaterMark() const;
    void setWriteHighWaterMark(qint64 bytes);
    /// WorkerThread: bytes of received messages that may wait for the client's thread
    /// (default 16 MiB; a message counts its body, headers and about 256 bytes of its own).
    /// Above it the worker stops reading from the socket until half of them are handled, so that
    /// TCP holds the broker back instead of memory growing while the client's thread is busy
    /// (isFlowControlled() tells). Nothing is dropped: if the server closes while reading is
    /// paused, what it sent before the close (at most the transport's buffer: 1 MiB over TCP and
    /// TLS, 64 MiB over WebSocket) is still read and delivered first. CallerThread handles each
    /// read before the next, so it needs no such bound. In both modes it also bounds what a
    /// paused reader (this or a full StompMessageQueue) reads on through after
    /// disconnectFromHost(), looking for the RECEIPT of its DISCONNECT.
    qint64 readHighWaterMark() const;
    void setReadHighWaterMark(qint64 bytes);
    /// True while WorkerThread reading is paused by readHighWaterMark.
    bool isFlowControlled() const;

    // State ---------------------------------------------------------------------------------
    State state() const;
    StompFrame::Version version() const;
    QString versionString() const;
    QString sessionId() const;
    QString server() const;
    int negotiatedOutgoingHeartbeat() const;
    int negotiatedIncomingHeartbeat() const;
    Error error() const;
    QString errorString() const;
    /// Bytes accepted by send() and friends and not yet handed to the operating system.
    qint64 bytesToWrite() const;
    QList<StompSubscription *> subscriptions() const;

    // Operations (thread-safe) --------------------------------------------------------------
    /// Sends \a body to \a destination. Returns the receipt id when WithReceipt is given (or
    /// \a headers carry a receipt), else an empty string. Frames sent while connecting are
    /// queued and flushed once CONNECTED arrives.
    Q_INVOKABLE QString send(const QString &destination, const QByteArray &body,
                             const StompHeaders &headers = {}, SendOptions options = {},
                             const QString &transaction = {});
    /// Any frame, with any headers (the seed's extra_headers on any command).
    QString sendFrame(const StompFrame &frame, SendOptions options = {});
    /// Subscribes; \a id is generated when empty. The client owns the returned object.
    StompSubscription *subscribe(const QString &destination, AckMode ackMode = AckAuto,
                                 const StompHeaders &headers = {}, const QString &id = {});
    /// Sends UNSUBSCRIBE with a receipt and returns its id; the subscription stops routing.
    QString unsubscribe(StompSubscription *subscription);
    /// ACK/NACK with the headers the negotiated version needs (id, or message-id and subscription).
    QString ack(const StompFrame &message, const QString &transaction = {}, SendOptions options = {});
    QString nack(const StompFrame &message, const QString &transaction = {}, SendOptions options = {});
    /// Starts a transaction and returns its id (generated when \a transaction is empty).
    QString begin(const QString &transaction = {}, const StompHeaders &headers = {});
    QString commit(const QString &transaction, SendOptions options = {});
    QString abort(const QString &transaction, SendOptions options = {});
    Q_INVOKABLE QString abortTransaction(const QString &transaction) { return abort(transaction); }

    /// Blocks until connected, failed, or \a msecs passed. Any thread; none blocks forever
    /// unless -1 is passed.
    bool waitForConnected(int msecs = 30000);
    bool waitForReceipt(const QString &receiptId, int msecs = 30000);
    bool waitForDisconnected(int msecs = 30000);

public Q_SLOTS:
    void connectToHost();
    /// Connects over TLS with \a configuration (same as stomp+ssl:// with setSslConfiguration()).
    void connectToHostEncrypted(const QSslConfiguration &configuration);
    /// Graceful: DISCONNECT with a receipt, then close (bounded by socketTimeout).
    void disconnectFromHost();
    /// Closes the connection at once.
    void abort();

Q_SIGNALS:
    void connected();
    void disconnected();
    void stateChanged(StompClient::State state);
    void errorOccurred(StompClient::Error error, const QString &errorString);
    void messageReceived(const StompFrame &message);
    void receiptReceived(const QString &receiptId);
    /// The receipt will never come: it timed out (also reported as ReceiptTimeout), the
    /// connection ended, or the frame could not be sent.
    void receiptFailed(const QString &receiptId);
    void serverErrorReceived(const StompFrame &frame);
    /// Every frame received or sent (for monitors); passcode masked in sent CONNECT frames.
    void frameReceived(const StompFrame &frame);
    void frameSent(const StompFrame &frame);
    void transactionAborted(const QString &transaction);
    void writeBufferFull(qint64 bytesToWrite);
    /// The connection was lost; attempt \a attempt starts in \a delayMs at \a broker.
    void reconnectScheduled(int attempt, int delayMs, const QString &broker);
    /// CONNECTED again after a loss, subscriptions replayed and queued sends flushed.
    void reconnected();
    void writeBufferDrained();

    void hostChanged();
    void portChanged();
    void urlChanged();
    void virtualHostChanged();
    void loginChanged();
    void passcodeChanged();
    void acceptedVersionsChanged();
    void heartbeatChanged();
    void listenerModeChanged();
    void socketTimeoutChanged();
    void receiptTimeoutChanged();
    void useStompCommandChanged();
    void writeHighWaterMarkChanged();
    void readHighWaterMarkChanged();
    void reconnectPolicyChanged();
    void brokersChanged();
    void tlsChanged();

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    friend class StompSubscription;
    friend class StompClientPrivate;
    friend class StompMessageQueue;
    std::unique_ptr<StompClientPrivate> d;
};

Q_DECLARE_METATYPE(StompReconnectPolicy)
Q_DECLARE_OPERATORS_FOR_FLAGS(StompClient::Versions)
Q_DECLARE_OPERATORS_FOR_FLAGS(StompClient::SendOptions)
