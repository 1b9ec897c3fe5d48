// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompclient.h>

#include <memory>

/// Where and how a StompPublisher connects.
struct StompConnectionSettings
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 61613;
    QString virtualHost;
    QString login;
    QString passcode;
    StompClient::Versions versions = StompClient::Version1_0 | StompClient::Version1_1
            | StompClient::Version1_2;
    /// Bounds connecting, the wait for CONNECTED and every blocked write (the seed's
    /// socket_timeout, default 3 s). -1 waits forever: not recommended.
    int socketTimeout = 3000;
    StompHeaders connectHeaders;
    qint64 writeHighWaterMark = 4 * 1024 * 1024;
    /// StompPublisher only. 0 (the default): every send() has put its frame on the wire when
    /// it returns, one system call per frame. Above 0: frames collect in the calling thread's
    /// connection and go out together once this many bytes wait, on StompPublisher::flush(),
    /// commit(), abort() and disconnectFromHost(); one system call per batch instead of per
    /// frame (64 KiB gives a tenfold lower CPU cost per small message). A connection writes
    /// what is batched when it closes (for the thread-local pool: when its thread ends); only
    /// if that write fails are the frames lost, with a warning. A batch whose write finds the
    /// connection broken is written again once on a new connection (at-least-once: frames the
    /// broker took before the break may arrive twice). Not part of poolKey(): a connection
    /// shared with a publisher that does not batch writes the batch before that one's frame.
    qint64 batchBytes = 0;

    /// Connections are shared between equal keys (host, port, vhost, login, a hash of the
    /// passcode, so that new credentials get a new connection).
    QString poolKey() const;
};

class StompConnection;
class StompPublisherConnectionPrivate;

/*!
    One blocking, write-only STOMP connection (the seed's Connection). It verifies the
    broker's CONNECTED reply once, then only writes. It belongs to the thread that created
    it; a StompConnectionPool decides which thread uses which connection.
*/
class STOMPQT_EXPORT StompPublisherConnection
{
public:
    explicit StompPublisherConnection(const StompConnectionSettings &settings);
    ~StompPublisherConnection();
    StompPublisherConnection(const StompPublisherConnection &) = delete;
    StompPublisherConnection &operator=(const StompPublisherConnection &) = delete;

    StompConnectionSettings settings() const;
    /// Connects and waits for CONNECTED (bounded by socketTimeout).
    bool open();
    bool isOpen() const;
    /// Writes one frame now (after the batched frames, if any); false when the connection is
    /// broken (see error()) or the frame is invalid (error() is InvalidFrame).
    bool write(const StompFrame &frame, StompClient::SendOptions options = {});
    /// Adds one frame to the connection's batch without writing anything; the connection
    /// must be open (the negotiated version decides the encoding). False when it is not, or
    /// the frame is invalid (error() says which).
    bool append(const StompFrame &frame, StompClient::SendOptions options = {});
    /// Writes the batched frames now. False when the connection is broken: they stay batched
    /// and go out with the next flush() or write() after open().
    bool flush();
    /// Bytes of batched frames not written yet.
    qint64 pendingBytes() const;
    /// Writes the batch and a DISCONNECT with a receipt, waits for the server's RECEIPT
    /// (bounded by socketTimeout; the only frame a publisher connection reads), then closes.
    void close();
    StompClient::Error error() const;
    QString errorString() const;
    StompFrame::Version version() const;
    /// How many times open() succeeded: 1 for a connection that never broke.
    int openCount() const;

private:
    bool openHere();
    void closeHere();
    std::unique_ptr<StompPublisherConnectionPrivate> d;
};

/*!
    Hands out publisher connections (the seed's ConnectionPool). Subclass it to change the
    policy; connection() may be called from any thread.
*/
class STOMPQT_EXPORT StompConnectionPool
{
public:
    virtual ~StompConnectionPool();
    /// A connection for the calling thread. The caller uses it from this thread only and
    /// until it drops the pointer.
    virtual std::shared_ptr<StompPublisherConnection> connection(const StompConnectionSettings &settings) = 0;
    /// Every connection the pool holds (the seed's get_all_connections).
    virtual QList<std::shared_ptr<StompPublisherConnection>> allConnections() const = 0;
    /// Connections created since the pool was made (for monitoring reuse).
    virtual int createdCount() const = 0;
};

class StompThreadLocalConnectionPoolPrivate;

/*!
    One connection per thread and settings key (the default of StompPublisher), so the hot
    path takes no lock. A thread's connections close when the thread ends; the rest when
    the pool is destroyed.
*/
class STOMPQT_EXPORT StompThreadLocalConnectionPool : public StompConnectionPool
{
public:
    StompThreadLocalConnectionPool();
    ~StompThreadLocalConnectionPool() override;
    std::shared_ptr<StompPublisherConnection> connection(const StompConnectionSettings &settings) override;
    QList<std::shared_ptr<StompPublisherConnection>> allConnections() const override;
    int createdCount() const override;

private:
    std::shared_ptr<StompThreadLocalConnectionPoolPrivate> d;
};

class StompSharedConnectionPoolPrivate;

/*!
    One connection per settings key shared by every thread; writes are serialized by a lock
    and run in a thread owned by the pool.
*/
class STOMPQT_EXPORT StompSharedConnectionPool : public StompConnectionPool
{
public:
    StompSharedConnectionPool();
    ~StompSharedConnectionPool() override;
    std::shared_ptr<StompPublisherConnection> connection(const StompConnectionSettings &settings) override;
    QList<std::shared_ptr<StompPublisherConnection>> allConnections() const override;
    int createdCount() const override;

private:
    std::unique_ptr<StompSharedConnectionPoolPrivate> d;
};
