// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stomppublisher.h>

#include "stompconnection_p.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qrandom.h>

namespace {
struct LastError
{
    const void *publisher = nullptr;
    StompClient::Error error = StompClient::NoError;
    QString text;
};
thread_local LastError t_lastError;

QString tr(const char *s) { return QCoreApplication::translate("StompPublisher", s); }
} // namespace

struct StompPublisher::Private
{
    StompConnectionSettings settings;
    std::shared_ptr<StompConnectionPool> pool;
    std::atomic<quint64> counter{0};
    QString idPrefix = QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);

    bool setError(const StompPublisher *q, StompClient::Error error, const QString &text)
    {
        t_lastError = {q, error, text};
        if (error != StompClient::NoError)
            qCWarning(lcStompClient) << "publisher:" << text;
        return error == StompClient::NoError;
    }

    // Runs \a write (a frame, or the batch) on the connection, opening it first; when the
    // connection turns out broken, reconnects once and runs it again. InvalidFrame is not a
    // broken connection: another one would not help.
    template<typename Write>
    bool withReconnect(const StompPublisher *q, StompPublisherConnection &connection, Write write)
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (!connection.isOpen() && !connection.open())
                return setError(q, connection.error(), connection.errorString());
            if (write())
                return setError(q, StompClient::NoError, {});
            if (connection.error() == StompClient::InvalidFrame)
                break;
            qCInfo(lcStompClient) << "publisher: connection broken, reconnecting once:" << connection.errorString();
            connection.close();
        }
        return setError(q, connection.error(), connection.errorString());
    }

    bool flush(const StompPublisher *q, StompPublisherConnection &connection)
    {
        return withReconnect(q, connection, [&] { return connection.flush(); });
    }

    bool batched(const StompPublisher *q, StompPublisherConnection &connection,
                 const StompFrame &frame, StompClient::SendOptions options)
    {
        // A batch left over by a failed write is retried before it may grow: bounded memory.
        if (connection.pendingBytes() >= settings.batchBytes && !flush(q, connection))
            return false;
        if (!connection.isOpen() && !connection.open())
            return setError(q, connection.error(), connection.errorString());
        if (!connection.append(frame, options))
            return setError(q, connection.error(), connection.errorString());
        // A transaction's end is written at once: commit() returning true means it left.
        const bool now = frame.command() == StompFrame::Commit || frame.command() == StompFrame::Abort
                || frame.command() == StompFrame::Disconnect;
        if (now || connection.pendingBytes() >= settings.batchBytes)
            return flush(q, connection);
        return setError(q, StompClient::NoError, {});
    }
};

StompPublisher::StompPublisher(const StompConnectionSettings &settings,
                               std::shared_ptr<StompConnectionPool> pool)
    : d(new Private)
{
    d->settings = settings;
    d->pool = pool ? std::move(pool) : std::make_shared<StompThreadLocalConnectionPool>();
}

StompPublisher::~StompPublisher() = default;

StompConnectionSettings StompPublisher::settings() const { return d->settings; }
StompConnectionPool *StompPublisher::pool() const { return d->pool.get(); }

bool StompPublisher::connectToHost(const QString &login, const QString &passcode)
{
    StompConnectionSettings settings = d->settings;
    if (!login.isEmpty() || !passcode.isEmpty()) {
        settings.login = login;
        settings.passcode = passcode;
        d->settings = settings; // later sends use the same credentials
    }
    const auto connection = d->pool->connection(settings);
    if (!connection->open())
        return d->setError(this, connection->error(), connection->errorString());
    return d->setError(this, StompClient::NoError, {});
}

void StompPublisher::disconnectFromHost()
{
    const auto connection = d->pool->connection(d->settings);
    if (connection->pendingBytes() > 0)
        d->flush(this, *connection); // a broken connection's batch goes out on a new one first
    connection->close();
}

bool StompPublisher::flush()
{
    return d->flush(this, *d->pool->connection(d->settings));
}

bool StompPublisher::send(const QString &destination, const QByteArray &body,
                          const StompHeaders &headers, const QString &transaction,
                          StompClient::SendOptions options)
{
    return sendFrame(StompFrame::makeSend(destination, body, headers, transaction), options);
}

bool StompPublisher::sendFrame(const StompFrame &frame, StompClient::SendOptions options)
{
    // A write-only client never reads a RECEIPT: refuse rather than pretend (as the seed).
    if (frame.hasHeader("receipt") || (options & StompClient::WithReceipt))
        return d->setError(this, StompClient::InvalidFrame,
                           tr("StompPublisher does not support receipts; use StompClient"));
    const auto connection = d->pool->connection(d->settings);
    if (d->settings.batchBytes > 0)
        return d->batched(this, *connection, frame, options);
    return d->withReconnect(this, *connection, [&] { return connection->write(frame, options); });
}

QString StompPublisher::begin(const QString &transaction)
{
    const QString tx = transaction.isEmpty()
            ? QStringLiteral("tx-%1-%2").arg(d->idPrefix).arg(++d->counter)
            : transaction;
    return sendFrame(StompFrame::makeTransaction(StompFrame::Begin, tx)) ? tx : QString();
}

bool StompPublisher::commit(const QString &transaction)
{
    return sendFrame(StompFrame::makeTransaction(StompFrame::Commit, transaction));
}

bool StompPublisher::abort(const QString &transaction)
{
    return sendFrame(StompFrame::makeTransaction(StompFrame::Abort, transaction));
}

StompClient::Error StompPublisher::lastError() const
{
    return t_lastError.publisher == this ? t_lastError.error : StompClient::NoError;
}

QString StompPublisher::lastErrorString() const
{
    return t_lastError.publisher == this ? t_lastError.text : QString();
}
