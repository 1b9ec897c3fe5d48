// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/qobject.h>

class QSocketNotifier;

namespace StompCli {

/// Turns SIGINT and SIGTERM into a Qt signal (self-pipe), so that Ctrl-C can end a
/// subscription with a graceful DISCONNECT. A second signal ends the process at once.
/// Does nothing where POSIX signals do not exist.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void readSignal();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace StompCli
