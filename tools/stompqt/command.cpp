// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "command.h"

#include "messageformat.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace StompCli {

namespace {
// The library bounds TCP connect and CONNECTED by socketTimeout each; the guards below only
// catch a wait the library failed to bound, so they leave it a margin.
constexpr int kGuardMarginMs = 2000;
} // namespace

void writeStdout(QByteArrayView bytes)
{
    // Flushed per message so that a pipe reader sees each one as it arrives.
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeStderr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

Command::Command(const ConnectionConfig &config, QObject *parent)
    : QObject(parent), m_config(config)
{
    m_client.setListenerMode(StompClient::CallerThread);
    m_client.setHost(m_config.host);
    m_client.setPort(m_config.port);
    if (m_config.usesBrokerList())
        m_client.setBrokers(m_config.urls); // tried in this order: the policy below never shuffles
#if QT_CONFIG(ssl)
    if (m_config.hasTlsOptions)
        m_client.setSslConfiguration(m_config.sslConfiguration);
#endif
    if (m_config.insecure)
        m_client.setInsecureSkipTlsVerification(true);
    StompReconnectPolicy policy = m_client.reconnectPolicy();
    policy.shuffle = false;
    if (m_config.reconnect) {
        policy.enabled = true;
        policy.maxAttempts = m_config.reconnectMaxAttempts;
    } else if (m_config.urls.size() > 1) {
        // Failover without --reconnect: each broker once, in order, at once. Once connected,
        // a lost connection ends the command (reportFailure() aborts the attempt).
        policy.enabled = true;
        policy.maxAttempts = int(m_config.urls.size()) - 1;
        policy.initialDelay = 0;
        policy.jitter = 0;
    }
    m_client.setReconnectPolicy(policy);
    if (!m_config.login.isEmpty())
        m_client.setLogin(m_config.login);
    if (m_config.hasPasscode)
        m_client.setPasscode(m_config.passcode);
    if (m_config.hasVirtualHost)
        m_client.setVirtualHost(m_config.virtualHost);
    if (m_config.hasHeartbeat)
        m_client.setHeartbeat(m_config.heartbeatOutgoing, m_config.heartbeatIncoming);
    m_client.setAcceptedVersions(m_config.versions);
    if (m_config.connectTimeout > 0)
        m_client.setSocketTimeout(m_config.connectTimeout);
    if (m_config.receiptTimeout > 0)
        m_client.setReceiptTimeout(m_config.receiptTimeout);

    connect(&m_client, &StompClient::connected, this, &Command::onClientConnected);
    connect(&m_client, &StompClient::errorOccurred, this, &Command::onClientError);
    connect(&m_client, &StompClient::disconnected, this, &Command::onClientDisconnected);
    connect(&m_client, &StompClient::reconnectScheduled, this, &Command::onReconnectScheduled);
    connect(&m_client, &StompClient::serverErrorReceived, this, [this](const StompFrame &frame) {
        if (!m_serverError.isValid())
            m_serverError = frame;
        scheduleFailureReport();
    });
    if (m_config.verbose) {
        connect(&m_client, &StompClient::frameSent, this, [](const StompFrame &frame) {
            writeStderr(QString::fromUtf8(describeFrame(frame, true)));
        });
        connect(&m_client, &StompClient::frameReceived, this, [](const StompFrame &frame) {
            writeStderr(QString::fromUtf8(describeFrame(frame, false)));
        });
    }

    m_connectGuard.setSingleShot(true);
    connect(&m_connectGuard, &QTimer::timeout, this, [this] {
        fail(ExitTimeout, u"timed out connecting to %1"_s.arg(m_config.endpoint()));
    });
    m_disconnectGuard.setSingleShot(true);
    connect(&m_disconnectGuard, &QTimer::timeout, this, [this] {
        note(u"no answer to DISCONNECT; closing"_s);
        m_client.abort();
        done(m_exitCode);
    });
}

Command::~Command() = default;

void Command::start()
{
    if (m_config.insecure) {
        writeStderr(u"stompqt %1: WARNING: --insecure: TLS certificate verification is OFF. Anyone on the "
                    "network path can read and change this connection, passcode included. Use --ca "
                    "FILE instead.\n"_s.arg(name()));
    }
    note(u"connecting to %1"_s.arg(m_config.endpoint()));
    m_connectGuard.start(2 * m_client.socketTimeout() + kGuardMarginMs);
    m_client.connectToHost();
}

void Command::interrupt(int signalNumber)
{
    if (m_done)
        return;
    note(u"interrupted by signal %1"_s.arg(signalNumber));
    if (!m_connected) {
        m_client.abort();
        done(128 + signalNumber);
        return;
    }
    finish(128 + signalNumber);
}

void Command::finish(int exitCode)
{
    if (m_finishing || m_done)
        return;
    // An error reported a moment ago (say, while the last frame was being sent) wins over success.
    if (m_failureReportScheduled) {
        reportFailure();
        if (m_done)
            return;
    }
    m_finishing = true;
    m_exitCode = exitCode;
    m_connectGuard.stop();
    if (m_client.state() == StompClient::Disconnected) {
        done(exitCode);
        return;
    }
    m_disconnectGuard.start(m_client.socketTimeout() + kGuardMarginMs);
    m_client.disconnectFromHost();
}

void Command::fail(int exitCode, const QString &message)
{
    if (m_done)
        return;
    writeStderr(u"stompqt %1: %2\n"_s.arg(name(), message));
    m_client.abort();
    done(exitCode);
}

void Command::note(const QString &message) const
{
    if (m_config.verbose)
        writeStderr(u"stompqt %1: %2\n"_s.arg(name(), message));
}

void Command::done(int exitCode)
{
    if (m_done)
        return;
    m_done = true;
    m_connectGuard.stop();
    m_disconnectGuard.stop();
    Q_EMIT finished(exitCode);
}

QString Command::brokerName() const
{
    const QString current = m_client.currentBroker();
    return m_config.usesBrokerList() && !current.isEmpty() ? current : m_config.endpoint();
}

bool Command::mayReconnect() const
{
    // Before the first CONNECTED, the next broker or attempt is always welcome; after it only
    // with --reconnect and a command that can carry on over a new connection.
    return !m_connected || (m_config.reconnect && canResumeAfterLoss());
}

void Command::onClientConnected()
{
    if (m_done)
        return;
    m_connectGuard.stop();
    m_reconnecting = false;
    m_attempts = 0;
    m_lastError.clear();
    if (m_connected) {
        // Subscriptions were replayed and queued frames flushed by the library.
        writeStderr(u"stompqt %1: reconnected to %2\n"_s.arg(name(), brokerName()));
        return;
    }
    m_connected = true;
    note(u"connected to %1 (STOMP %2, server '%3', session '%4')"_s.arg(
            brokerName(), m_client.versionString(), m_client.server(), m_client.sessionId()));
    onConnected();
}

void Command::onReconnectScheduled(int attempt, int delayMs, const QString &broker)
{
    if (m_done || m_finishing || !mayReconnect())
        return; // reportFailure() ends the command
    // Each attempt is bounded like the first one, after its delay.
    m_connectGuard.start(delayMs + 2 * m_client.socketTimeout() + kGuardMarginMs);
    const QString why = m_lastError.isEmpty() ? u"connection closed"_s : m_lastError;
    const QString max = m_config.reconnect
            ? (m_config.reconnectMaxAttempts < 0 ? QString() : u" of %1"_s.arg(m_config.reconnectMaxAttempts))
            : u" of %1"_s.arg(m_config.urls.size() - 1);
    if (m_config.verbose) {
        note(u"%1; attempt %2%3 to %4 in %5 ms"_s.arg(why).arg(attempt).arg(max).arg(broker).arg(delayMs));
    } else if (!m_reconnecting) {
        // One line per outage without -v; -v shows every attempt.
        const QString what = m_connected ? u"connection to %1 lost"_s : u"cannot connect to %1"_s;
        writeStderr(u"stompqt %1: %2 (%3); %4 %5\n"_s.arg(
                name(), what.arg(m_lastBroker.isEmpty() ? m_config.endpoint() : m_lastBroker), why,
                m_config.reconnect ? u"reconnecting, next"_s : u"trying"_s, broker));
    }
    m_reconnecting = true;
    m_attempts = attempt;
    m_lastError.clear();
}

void Command::onClientError(StompClient::Error error, const QString &errorString)
{
    if (m_finishing) {
        // The work is confirmed; a slow or failed DISCONNECT does not undo it.
        note(u"while disconnecting: %1"_s.arg(errorString));
        return;
    }
    if (m_error == StompClient::NoError) {
        m_error = error;
        m_errorString = errorString;
    }
    m_lastError = errorString;
    m_lastBroker = brokerName();
    scheduleFailureReport();
}

void Command::onClientDisconnected()
{
    if (m_finishing) {
        done(m_exitCode);
        return;
    }
    // An error is usually reported along with the close; let it arrive before judging.
    scheduleFailureReport();
}

void Command::scheduleFailureReport()
{
    if (m_failureReportScheduled || m_finishing || m_done)
        return;
    m_failureReportScheduled = true;
    QTimer::singleShot(0, this, &Command::reportFailure);
}

void Command::reportFailure()
{
    if (m_finishing || m_done)
        return;
    const StompClient::State state = m_client.state();
    if ((state == StompClient::Reconnecting || state == StompClient::Connecting) && mayReconnect()) {
        // The library is on its way to the next broker or attempt: not an end (yet). The last
        // attempt's error is what a final failure reports.
        m_error = StompClient::NoError;
        m_errorString.clear();
        m_serverError = StompFrame();
        m_failureReportScheduled = false;
        return;
    }
    const QString where = m_connected
            ? (m_attempts > 0 ? u"reconnecting gave up after %1 attempt(s): "_s.arg(m_attempts) : QString())
            : m_attempts > 0 ? u"cannot connect to %1 (gave up after %2 attempt(s)): "_s.arg(brokerName()).arg(m_attempts + 1)
                             : u"cannot connect to %1: "_s.arg(brokerName());
    const QString lossNote = m_connected && m_config.reconnect && !canResumeAfterLoss()
            ? u"\n  not reconnecting: the message(s) handed over may or may not have arrived, and "
              "stompqt %1 does not send them twice"_s.arg(name())
            : QString();
    if (m_serverError.isValid()) {
        QString text = where + u"server error: "_s + m_serverError.message();
        const QString details = m_serverError.text().trimmed();
        if (!details.isEmpty() && details != m_serverError.message())
            text += u"\n  "_s + QString(details).replace(u'\n', u"\n  "_s);
        fail(ExitConnection, text);
        return;
    }
    switch (m_error) {
    case StompClient::NoError:
        // Reconnecting/Connecting here: a reconnect this command may not make (see above).
        if (state == StompClient::Disconnected || state == StompClient::Reconnecting
            || state == StompClient::Connecting)
            fail(ExitConnection, where + u"connection closed by the server"_s + lossNote);
        else
            m_failureReportScheduled = false; // nothing wrong after all
        return;
    case StompClient::SocketTimeout:
        fail(ExitTimeout, where + m_errorString);
        return;
    case StompClient::ReceiptTimeout: // errorString is the receipt id
        fail(ExitTimeout, u"timed out waiting for receipt %1 (%2 ms)"_s.arg(m_errorString)
                                  .arg(m_client.receiptTimeout()));
        return;
    default:
        fail(ExitConnection, where + m_errorString + lossNote);
        return;
    }
}

} // namespace StompCli
