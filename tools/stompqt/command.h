// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "cliconfig.h"

#include <StompQt/stompclient.h>

#include <QtCore/qobject.h>
#include <QtCore/qtimer.h>

namespace StompCli {

void writeStdout(QByteArrayView bytes);
void writeStderr(const QString &text);

/*!
    What `send` and `subscribe` share: one StompClient in CallerThread mode driven by the
    event loop, -v frame logging, and turning the client's errors into an exit code. A
    command ends exactly once, by finish() (graceful DISCONNECT) or fail() (abort), and
    then emits finished().
*/
class Command : public QObject
{
    Q_OBJECT
public:
    explicit Command(const ConnectionConfig &config, QObject *parent = nullptr);
    ~Command() override;

    void start();
    /// SIGINT/SIGTERM: disconnect gracefully and exit with 128 + \a signalNumber.
    void interrupt(int signalNumber);

Q_SIGNALS:
    void finished(int exitCode);

protected:
    /// CONNECTED arrived; the command does its work from here.
    virtual void onConnected() = 0;
    virtual QString name() const = 0;

    /// Ends with DISCONNECT and its receipt (bounded), then exits with \a exitCode. Errors
    /// after this point no longer change the exit code: the work was confirmed already.
    void finish(int exitCode);
    /// Ends at once: \a message to stderr, connection aborted.
    void fail(int exitCode, const QString &message);
    /// A progress line on stderr with -v only.
    void note(const QString &message) const;
    bool isEnding() const { return m_finishing || m_done; }
    /// Whether the command can go on over a new connection after the first one was lost
    /// (--reconnect); if not, the loss ends it.
    virtual bool canResumeAfterLoss() const { return true; }
    /// The broker in use: host:port, or the current broker's URL when there is a list.
    QString brokerName() const;

    StompClient *client() { return &m_client; }
    const StompClient *client() const { return &m_client; }
    const ConnectionConfig &config() const { return m_config; }

private:
    void onClientConnected();
    void onClientError(StompClient::Error error, const QString &errorString);
    void onClientDisconnected();
    void onReconnectScheduled(int attempt, int delayMs, const QString &broker);
    bool mayReconnect() const;
    void scheduleFailureReport();
    void reportFailure();
    void done(int exitCode);

    ConnectionConfig m_config;
    StompClient m_client;
    QTimer m_connectGuard;
    QTimer m_disconnectGuard;
    bool m_connected = false;
    bool m_finishing = false;
    bool m_done = false;
    bool m_failureReportScheduled = false;
    bool m_reconnecting = false; ///< between reconnectScheduled() and CONNECTED
    int m_attempts = 0;          ///< the latest attempt number reconnectScheduled() announced
    QString m_lastError;         ///< the latest error's text, for the reconnect notice
    QString m_lastBroker;        ///< the broker that latest error came from
    int m_exitCode = ExitSuccess;
    StompClient::Error m_error = StompClient::NoError;
    QString m_errorString;
    StompFrame m_serverError;
};

} // namespace StompCli
