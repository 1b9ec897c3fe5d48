// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "command.h"

class StompSubscription;

namespace StompCli {

/*!
    `stompqt subscribe`: prints each MESSAGE of one subscription in the chosen format,
    acks it afterwards in the client ack modes (so a message is acknowledged only once it
    was written), and ends after --count messages or --timeout seconds of silence.
*/
class SubscribeCommand : public Command
{
    Q_OBJECT
public:
    SubscribeCommand(const ConnectionConfig &connection, const SubscribeConfig &subscribe,
                     QObject *parent = nullptr);

protected:
    void onConnected() override;
    QString name() const override { return QStringLiteral("subscribe"); }

private:
    void onMessage(const StompFrame &message);
    void onIdle();

    SubscribeConfig m_subscribe;
    StompSubscription *m_subscription = nullptr;
    QTimer m_idleTimer;
    qint64 m_received = 0;
};

} // namespace StompCli
