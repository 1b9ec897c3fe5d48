// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompconnectionpool.h>

/*!
    Fire-and-forget STOMP publisher (the seed's PublishClient).

    Every function blocks (bounded by socketTimeout) and may be called from any thread,
    including threads without an event loop (QThreadPool, QtConcurrent, std::thread). The
    publisher connects on first use through its StompConnectionPool (one connection per
    thread by default), checks the CONNECTED reply once per connection, then never reads:
    server ERROR frames are not reported, and receipts are refused. When a write finds the
    connection broken, it reconnects and writes that frame once more; a second failure is
    returned.

    By default each send() writes its frame before it returns (one system call per frame, as
    the seed). With StompConnectionSettings::batchBytes set, frames are batched per thread
    and written together (see there); call flush() where they must be on the wire.
*/
class STOMPQT_EXPORT StompPublisher
{
public:
    explicit StompPublisher(const StompConnectionSettings &settings = {},
                            std::shared_ptr<StompConnectionPool> pool = {});
    ~StompPublisher();
    StompPublisher(const StompPublisher &) = delete;
    StompPublisher &operator=(const StompPublisher &) = delete;

    StompConnectionSettings settings() const;
    StompConnectionPool *pool() const;

    /// Connects this thread's connection now, optionally with other credentials.
    bool connectToHost(const QString &login = {}, const QString &passcode = {});
    /// Writes this thread's batch, sends DISCONNECT with a receipt on this thread's connection
    /// and closes it once the server answered (bounded by socketTimeout): every frame sent
    /// before has then been handled by the broker. Closing sooner could lose the frames the
    /// kernel or the broker still held.
    void disconnectFromHost();

    bool send(const QString &destination, const QByteArray &body, const StompHeaders &headers = {},
              const QString &transaction = {}, StompClient::SendOptions options = {});
    /// Any frame (the seed's extra_headers on any command). A receipt header is refused.
    bool sendFrame(const StompFrame &frame, StompClient::SendOptions options = {});
    /// Returns the transaction id (generated when empty), or an empty string on failure.
    QString begin(const QString &transaction = {});
    bool commit(const QString &transaction);
    bool abort(const QString &transaction);

    /// Writes what this thread's connection has batched (StompConnectionSettings::batchBytes),
    /// reconnecting once when the connection is broken. True when nothing waits any more.
    bool flush();

    /// The last failure in the calling thread.
    StompClient::Error lastError() const;
    QString lastErrorString() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
