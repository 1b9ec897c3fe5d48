// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "sendcommand.h"

using namespace Qt::StringLiterals;

namespace StompCli {

namespace {
// Frames per event-loop turn: large enough to keep the socket busy, small enough that
// incoming frames (an ERROR, receipts) and the buffer signals are handled between batches.
constexpr int kBatchFrames = 256;
// While the buffer is above the mark: how often to look whether the broker takes bytes.
// writeBufferDrained() normally resumes sooner; the poll also covers a mark crossed
// without the signal and measures progress for the stall guard.
constexpr int kBlockedPollMs = 100;
// Used when the client has no mark of its own, so that a large --count cannot queue without bound.
constexpr qint64 kDefaultHighWaterMark = 4 * 1024 * 1024;
constexpr int kReceiptGuardMarginMs = 2000;
constexpr QByteArrayView kSequencePlaceholder = "{n}";
} // namespace

SendCommand::SendCommand(const ConnectionConfig &connection, const SendConfig &send, QObject *parent)
    : Command(connection, parent), m_send(send)
{
    m_headers = connection.extraHeaders;
    if (!m_send.contentType.isEmpty())
        m_headers.emplaceBack(QByteArrayLiteral("content-type"), m_send.contentType.toUtf8());
    if (m_send.persistent)
        m_headers.emplaceBack(QByteArrayLiteral("persistent"), QByteArrayLiteral("true"));

    if (client()->writeHighWaterMark() <= 0)
        client()->setWriteHighWaterMark(kDefaultHighWaterMark);

    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &SendCommand::pump);
    m_receiptGuard.setSingleShot(true);
    connect(&m_receiptGuard, &QTimer::timeout, this, [this] {
        if (isEnding())
            return;
        const QStringList ids(m_pendingReceipts.cbegin(), m_pendingReceipts.cend());
        fail(ExitTimeout, u"timed out waiting for receipt %1"_s.arg(ids.join(u", "_s)));
    });

    m_stallGuard.setSingleShot(true);
    connect(&m_stallGuard, &QTimer::timeout, this, [this] {
        if (isEnding())
            return;
        fail(ExitTimeout, u"the broker took no data for %1 ms (producer flow control?); %2 of %3 message(s) "
                          "were handed to the client"_s.arg(client()->receiptTimeout()).arg(m_sent).arg(m_send.count));
    });

    connect(client(), &StompClient::receiptReceived, this, &SendCommand::onReceipt);
    connect(client(), &StompClient::writeBufferFull, this, [this] { m_writeBlocked = true; });
    connect(client(), &StompClient::writeBufferDrained, this, [this] {
        m_writeBlocked = false;
        m_stallGuard.stop();
        schedulePump();
    });
}

void SendCommand::onConnected()
{
    if (m_send.transaction) {
        m_transaction = client()->begin();
        note(u"began transaction %1"_s.arg(m_transaction));
    }
    schedulePump();
}

void SendCommand::schedulePump(int delayMs)
{
    if (!m_allSent && !isEnding())
        m_pumpTimer.start(delayMs);
}

void SendCommand::pump()
{
    if (m_allSent || isEnding())
        return;
    for (int batch = 0; batch < kBatchFrames && m_sent < m_send.count; ++batch) {
        if (isWriteBlocked()) {
            waitForDrain();
            return;
        }
        m_stallGuard.stop();
        sendOne();
        if (isEnding())
            return;
    }
    if (m_sent < m_send.count) {
        schedulePump();
        return;
    }

    m_allSent = true;
    if (m_send.transaction) {
        const QString receipt = client()->commit(m_transaction, StompClient::WithReceipt);
        expectReceipt(receipt, u"COMMIT"_s);
    }
    note(u"sent %1 message(s) to %2; waiting for %3 receipt(s)"_s.arg(m_sent).arg(m_send.destination)
                 .arg(m_pendingReceipts.size()));
    maybeFinish();
}

bool SendCommand::isWriteBlocked() const
{
    return m_writeBlocked || client()->bytesToWrite() >= client()->writeHighWaterMark();
}

void SendCommand::waitForDrain()
{
    // The guard runs while no byte leaves the buffer; any progress restarts it.
    const qint64 pending = client()->bytesToWrite();
    if (!m_stallGuard.isActive() || pending < m_stalledAt) {
        m_stalledAt = pending;
        m_stallGuard.start(client()->receiptTimeout());
    }
    schedulePump(kBlockedPollMs);
}

void SendCommand::sendOne()
{
    const int sequence = ++m_sent;
    QByteArray body = m_send.body;
    if (m_send.numberBodies && body.contains(kSequencePlaceholder))
        body.replace(kSequencePlaceholder, QByteArray::number(sequence));

    // By default only the last frame carries a receipt: the broker handles a connection's
    // frames in order, so that one receipt confirms them all. In a transaction the COMMIT's does.
    const bool last = sequence == m_send.count;
    StompClient::SendOptions options;
    if (m_send.receiptEach || (last && !m_send.transaction))
        options |= StompClient::WithReceipt;
    if (m_send.noContentLength)
        options |= StompClient::NoContentLength;

    const QString receipt = client()->send(m_send.destination, body, m_headers, options, m_transaction);
    if (options.testFlag(StompClient::WithReceipt))
        expectReceipt(receipt, u"SEND %1"_s.arg(sequence));
}

void SendCommand::expectReceipt(const QString &receiptId, const QString &what)
{
    if (receiptId.isEmpty()) {
        // Not sent (not connected, a frame the version cannot encode): never report success.
        fail(ExitConnection, u"%1 was not sent: %2"_s.arg(what, client()->errorString()));
        return;
    }
    m_pendingReceipts.insert(receiptId);
    if (!m_receiptGuard.isActive())
        m_receiptGuard.start(client()->receiptTimeout() + kReceiptGuardMarginMs);
}

void SendCommand::onReceipt(const QString &receiptId)
{
    if (!m_pendingReceipts.remove(receiptId))
        return;
    // The guard measures the time since the last progress, like the library's per-receipt timeout.
    if (m_pendingReceipts.isEmpty())
        m_receiptGuard.stop();
    else
        m_receiptGuard.start(client()->receiptTimeout() + kReceiptGuardMarginMs);
    maybeFinish();
}

void SendCommand::maybeFinish()
{
    if (m_allSent && m_pendingReceipts.isEmpty() && !isEnding()) {
        note(u"all frames confirmed"_s);
        finish(ExitSuccess);
    }
}

} // namespace StompCli
