// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "command.h"

#include <QtCore/qset.h>

namespace StompCli {

/*!
    `stompqt send`: N SEND frames, optionally in a transaction, then waits for the receipts
    that prove the broker has everything (every frame with --receipt, else the last one or
    the COMMIT). Frames are produced in batches from the event loop and production pauses
    while the client's write buffer is above its high-water mark, so memory stays bounded
    for any --count. A broker that takes no bytes at all for receiptTimeout (producer flow
    control with nobody consuming) ends the command with ExitTimeout instead of a hang.
*/
class SendCommand : public Command
{
    Q_OBJECT
public:
    SendCommand(const ConnectionConfig &connection, const SendConfig &send, QObject *parent = nullptr);

protected:
    void onConnected() override;
    /// Frames handed over before a loss may or may not have arrived; send never resends them.
    bool canResumeAfterLoss() const override { return false; }
    QString name() const override { return QStringLiteral("send"); }

private:
    void schedulePump(int delayMs = 0);
    void pump();
    bool isWriteBlocked() const;
    void waitForDrain();
    void sendOne();
    void expectReceipt(const QString &receiptId, const QString &what);
    void onReceipt(const QString &receiptId);
    void maybeFinish();

    SendConfig m_send;
    StompHeaders m_headers;
    QString m_transaction;
    QSet<QString> m_pendingReceipts;
    QTimer m_pumpTimer;
    QTimer m_receiptGuard;
    QTimer m_stallGuard;
    qint64 m_stalledAt = 0;
    int m_sent = 0;
    bool m_writeBlocked = false;
    bool m_allSent = false;
};

} // namespace StompCli
