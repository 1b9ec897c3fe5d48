// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "fakestompserver.h"

#include <StompQt/stompframeencoder.h>

#include <QtCore/qdebug.h>
#include <QtNetwork/qtcpsocket.h>
#include <QtTest/qtestsystem.h>

#ifdef Q_OS_UNIX
#  include <sys/socket.h>
#endif

namespace {

StompParserLimits generousLimits()
{
    StompParserLimits limits;
    limits.maxHeaderCount = 100000;
    limits.maxHeaderLineLength = 16 * 1024 * 1024;
    limits.maxBodySize = 256 * 1024 * 1024;
    limits.maxBufferedBytes = 300 * 1024 * 1024;
    return limits;
}

StompFrame::Version versionOf(QByteArrayView value)
{
    if (value == "1.1")
        return StompFrame::Version::V1_1;
    if (value == "1.2")
        return StompFrame::Version::V1_2;
    return StompFrame::Version::V1_0;
}

} // namespace

// FakeStompConnection ------------------------------------------------------------------------

FakeStompConnection::FakeStompConnection(FakeStompServer *server, QTcpSocket *socket)
    : QObject(server), m_server(server), m_socket(socket),
      m_parser(StompFrame::Version::V1_2, server->m_limits)
{
    socket->setParent(this);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QTcpSocket::readyRead, this, &FakeStompConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_closed = true;
        m_heartbeatTimer.stop();
        m_dripTimer.stop();
        emit closed();
    });
    connect(socket, &QTcpSocket::bytesWritten, this, &FakeStompConnection::shutdownWritingIfDone);
    m_dripTimer.setSingleShot(false);
    connect(&m_dripTimer, &QTimer::timeout, this, &FakeStompConnection::dripNext);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, [this] { write(QByteArrayLiteral("\n")); });
}

qintptr FakeStompConnection::socketDescriptor() const
{
    return m_socket ? m_socket->socketDescriptor() : -1;
}

bool FakeStompConnection::isOpen() const
{
    return m_socket && !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

QList<StompFrame> FakeStompConnection::frames(StompFrame::Command command) const
{
    QList<StompFrame> out;
    for (const StompFrame &f : m_frames) {
        if (f.command() == command)
            out.append(f);
    }
    return out;
}

int FakeStompConnection::frameCount(StompFrame::Command command) const
{
    int n = 0;
    for (const StompFrame &f : m_frames)
        n += f.command() == command ? 1 : 0;
    return n;
}

StompFrame FakeStompConnection::takeFrame(StompFrame::Command command, int msecs)
{
    qsizetype found = -1;
    auto lookup = [&] {
        for (qsizetype i = 0; i < m_frames.size(); ++i) {
            if (!m_taken.at(i) && m_frames.at(i).command() == command) {
                found = i;
                return true;
            }
        }
        return false;
    };
    if (!lookup() && !QTest::qWaitFor(lookup, msecs))
        return {};
    m_taken[found] = true;
    return m_frames.at(found);
}

bool FakeStompConnection::waitForFrameCount(StompFrame::Command command, int count, int msecs)
{
    return QTest::qWaitFor([&] { return frameCount(command) >= count; }, msecs);
}

bool FakeStompConnection::waitForClosed(int msecs)
{
    return QTest::qWaitFor([&] { return !isOpen(); }, msecs);
}

void FakeStompConnection::onReadyRead()
{
    if (!m_reading || !m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    m_bytes.append(data);
    if (m_parser.hasError())
        return;
    m_parser.feed(data);
    StompFrame frame;
    for (;;) {
        const auto r = m_parser.next(&frame);
        if (r == StompFrameParser::FrameReady) {
            handleFrame(frame);
            if (!m_socket)
                return;
        } else if (r == StompFrameParser::HeartBeat) {
            ++m_heartbeats;
        } else if (r == StompFrameParser::NeedMoreData) {
            return;
        } else {
            qWarning() << "FakeStompServer: the client sent an invalid frame:" << m_parser.errorString();
            return;
        }
    }
}

void FakeStompConnection::handleFrame(const StompFrame &frame)
{
    m_frames.append(frame);
    m_taken.append(false);
    emit frameReceived(frame);

    switch (frame.command()) {
    case StompFrame::Connect:
    case StompFrame::Stomp:
        switch (m_server->m_connectReply) {
        case FakeStompServer::ConnectReply::Connected:
            sendConnected();
            break;
        case FakeStompServer::ConnectReply::Error:
            sendError(m_server->m_connectError);
            close();
            break;
        case FakeStompServer::ConnectReply::Never:
            break;
        }
        return;
    case StompFrame::Disconnect:
        switch (m_server->m_disconnectReply) {
        case FakeStompServer::DisconnectReply::ReceiptThenClose:
            if (frame.hasHeader("receipt"))
                sendReceipt(frame.header("receipt"));
            close();
            break;
        case FakeStompServer::DisconnectReply::CloseWithoutReceipt:
            close();
            break;
        case FakeStompServer::DisconnectReply::Ignore:
            break;
        }
        return;
    default:
        if (m_server->m_autoReceipt && frame.hasHeader("receipt"))
            sendReceipt(frame.header("receipt"));
        return;
    }
}

void FakeStompConnection::write(const QByteArray &bytes)
{
    if (m_silent || m_finishWriting || !isOpen())
        return;
    m_socket->write(bytes);
    m_socket->flush();
}

void FakeStompConnection::sendFrame(const StompFrame &frame)
{
    if (frame.command() == StompFrame::Connected) {
        m_version = versionOf(frame.headerView("version"));
        m_parser.setVersion(m_version);
    }
    QString why;
    const QByteArray bytes = StompFrameEncoder::encode(frame, m_version, {}, &why);
    if (bytes.isEmpty()) {
        qWarning() << "FakeStompServer: cannot encode" << frame << why;
        return;
    }
    write(bytes);
}

void FakeStompConnection::sendConnected(const StompHeaders &extra)
{
    StompFrame connected(StompFrame::Connected, m_server->m_connectedHeaders);
    if (connected.headerCount() == 0) {
        connected.addHeader("version", "1.2");
        connected.addHeader("session", "session-" + QByteArray::number(++m_server->m_sessionCounter));
        connected.addHeader("server", "FakeStompServer/1.0");
        connected.addHeader("heart-beat", "0,0");
    }
    for (const auto &h : extra)
        connected.setHeader(h.first, h.second);
    sendFrame(connected);
}

void FakeStompConnection::sendMessage(const QByteArray &destination, const QByteArray &subscription,
                                      const QByteArray &messageId, const QByteArray &body,
                                      const StompHeaders &extra)
{
    StompFrame message(StompFrame::Message);
    message.addHeader("destination", destination);
    message.addHeader("message-id", messageId);
    message.addHeader("subscription", subscription);
    for (const auto &h : extra)
        message.setHeader(h.first, h.second);
    message.setBody(body);
    sendFrame(message);
}

void FakeStompConnection::sendReceipt(const QByteArray &receiptId)
{
    sendFrame(StompFrame(StompFrame::Receipt, {{"receipt-id", receiptId}}));
}

void FakeStompConnection::sendError(const QByteArray &message, const StompHeaders &extra,
                                    const QByteArray &body)
{
    StompFrame error(StompFrame::Error, {{"message", message}});
    for (const auto &h : extra)
        error.setHeader(h.first, h.second);
    error.setBody(body);
    sendFrame(error);
}

void FakeStompConnection::sendRaw(const QByteArray &bytes)
{
    write(bytes);
}

void FakeStompConnection::drip(const QByteArray &bytes, int chunkSize, int intervalMs)
{
    m_drip.append(bytes);
    m_dripChunk = qMax(1, chunkSize);
    m_dripTimer.start(qMax(0, intervalMs));
}

void FakeStompConnection::dripNext()
{
    if (m_drip.isEmpty() || !isOpen()) {
        m_drip.clear();
        m_dripTimer.stop();
        return;
    }
    const QByteArray chunk = m_drip.first(qMin<qsizetype>(m_dripChunk, m_drip.size()));
    m_drip.remove(0, chunk.size());
    write(chunk);
    if (m_drip.isEmpty())
        m_dripTimer.stop();
}

bool FakeStompConnection::waitForDripDone(int msecs)
{
    return QTest::qWaitFor([&] { return m_drip.isEmpty(); }, msecs);
}

void FakeStompConnection::close()
{
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->disconnectFromHost();
}

void FakeStompConnection::finishWriting()
{
    if (!isOpen())
        return;
#ifdef Q_OS_UNIX
    m_finishWriting = true;
    shutdownWritingIfDone();
#else
    close();
#endif
}

void FakeStompConnection::shutdownWritingIfDone()
{
#ifdef Q_OS_UNIX
    if (!m_finishWriting || m_writingFinished || !m_socket || m_socket->bytesToWrite() > 0)
        return;
    m_writingFinished = true;
    m_heartbeatTimer.stop();
    m_dripTimer.stop();
    if (m_socket->socketDescriptor() >= 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#endif
}

void FakeStompConnection::abort()
{
    if (m_socket) {
        m_socket->abort();
        if (!m_closed) {
            m_closed = true;
            emit closed();
        }
    }
}

void FakeStompConnection::setReading(bool reading)
{
    if (m_reading == reading || !m_socket)
        return;
    m_reading = reading;
    if (!reading) {
        // A small kernel buffer and a one-byte Qt buffer: the client's bytes back up quickly.
        m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
        m_socket->setReadBufferSize(1);
    } else {
        m_socket->setReadBufferSize(0);
        QTimer::singleShot(0, this, &FakeStompConnection::onReadyRead);
    }
}

void FakeStompConnection::setHeartbeatInterval(int msecs)
{
    if (msecs > 0)
        m_heartbeatTimer.start(msecs);
    else
        m_heartbeatTimer.stop();
}

// FakeStompServer ----------------------------------------------------------------------------

FakeStompServer::FakeStompServer(QObject *parent) : QObject(parent), m_limits(generousLimits())
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeStompServer::onNewConnection);
}

FakeStompServer::~FakeStompServer()
{
    for (FakeStompConnection *c : std::as_const(m_connections))
        c->abort();
}

bool FakeStompServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void FakeStompServer::stopListening()
{
    m_server.close();
}

quint16 FakeStompServer::port() const
{
    return m_server.serverPort();
}

FakeStompConnection *FakeStompServer::connection(int index) const
{
    return index >= 0 && index < m_connections.size() ? m_connections.at(index) : nullptr;
}

FakeStompConnection *FakeStompServer::lastConnection() const
{
    return m_connections.isEmpty() ? nullptr : m_connections.last();
}

bool FakeStompServer::waitForConnection(int count, int msecs)
{
    return QTest::qWaitFor([&] { return m_connections.size() >= count; }, msecs);
}

FakeStompConnection *FakeStompServer::waitForConnect(int index, int msecs)
{
    const bool ok = QTest::qWaitFor([&] {
        FakeStompConnection *c = connection(index);
        return c && (c->frameCount(StompFrame::Connect) + c->frameCount(StompFrame::Stomp)) > 0;
    }, msecs);
    return ok ? connection(index) : nullptr;
}

void FakeStompServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *c = new FakeStompConnection(this, socket);
        m_connections.append(c);
        emit newConnection(c);
    }
}
