// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// A scriptable in-process STOMP server for client tests. It listens on 127.0.0.1 on an
// ephemeral port, parses everything a client sends with StompFrameParser and records it,
// and answers only as much as the test asks for: CONNECTED (automatically, never, or an
// ERROR), receipts, raw bytes (split, coalesced, malformed), a slow drip, a close, or
// silence. It lives in the test's thread; its wait helpers spin that thread's event loop
// and always take a timeout.

#include <StompQt/stompframe.h>
#include <StompQt/stompframeparser.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qlist.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtNetwork/qtcpserver.h>

#include <deque>

class QTcpSocket;
class FakeStompServer;

/// One accepted client connection of a FakeStompServer.
class FakeStompConnection : public QObject
{
    Q_OBJECT
public:
    // Recorded traffic ------------------------------------------------------------------------
    /// Every complete frame the client sent, in order.
    QList<StompFrame> frames() const { return m_frames; }
    /// The frames of one command, in order.
    QList<StompFrame> frames(StompFrame::Command command) const;
    int frameCount(StompFrame::Command command) const;
    /// End-of-line heart-beats the client sent (between frames).
    int heartbeatsReceived() const { return m_heartbeats; }
    /// Every byte the client sent, as received.
    QByteArray receivedBytes() const { return m_bytes; }
    /// The parser's error, when the client sent something that is not STOMP.
    QString parseError() const { return m_parser.errorString(); }
    bool isOpen() const;
    /// The server side's socket, for a test that looks at what reached the kernel (MSG_PEEK)
    /// while the client is busy and no event loop runs.
    qintptr socketDescriptor() const;

    // Waiting (each returns false / an invalid frame on timeout) ------------------------------
    /// Waits for the next frame of \a command that no earlier takeFrame() returned.
    StompFrame takeFrame(StompFrame::Command command, int msecs = 5000);
    bool waitForFrameCount(StompFrame::Command command, int count, int msecs = 5000);
    bool waitForClosed(int msecs = 5000);

    // Scripted replies --------------------------------------------------------------------------
    /// Encodes \a frame in the negotiated version and writes it. A CONNECTED frame sets the
    /// version the rest of this connection is parsed and encoded with.
    void sendFrame(const StompFrame &frame);
    /// CONNECTED with the server's configured headers, plus \a extra (which win).
    void sendConnected(const StompHeaders &extra = {});
    void sendMessage(const QByteArray &destination, const QByteArray &subscription,
                     const QByteArray &messageId, const QByteArray &body,
                     const StompHeaders &extra = {});
    void sendReceipt(const QByteArray &receiptId);
    void sendError(const QByteArray &message, const StompHeaders &extra = {},
                   const QByteArray &body = {});
    /// Writes \a bytes as they are, in one write.
    void sendRaw(const QByteArray &bytes);
    /// Writes \a bytes in chunks of \a chunkSize, one chunk per \a intervalMs (0: one per
    /// event-loop pass). Each chunk is flushed on its own.
    void drip(const QByteArray &bytes, int chunkSize = 1, int intervalMs = 0);
    bool isDripping() const { return !m_drip.isEmpty(); }
    bool waitForDripDone(int msecs = 5000);

    /// Closes after writing what is pending (the peer sees an orderly close).
    void close();
    /// Ends the stream as a careful server does: once what is pending is written, sends the
    /// FIN (shuts down the sending side only) and keeps reading. What the client writes after
    /// the server is done (a SUBSCRIBE sent before it had read everything) is read, not answered
    /// with a reset, which would make the client's kernel discard the bytes the client had not
    /// read yet: close() has that race when the client writes late. Nothing is written after.
    void finishWriting();
    /// Resets the connection at once.
    void abort();
    /// Stops (false) or resumes (true) reading: the client's bytes pile up in the kernel and
    /// then in its own write buffer.
    void setReading(bool reading);
    /// A silent peer writes nothing at all: no replies, no receipts, no heart-beats.
    void setSilent(bool silent) { m_silent = silent; }
    /// Sends an EOL heart-beat every \a msecs (0 = off).
    void setHeartbeatInterval(int msecs);

    StompFrame::Version version() const { return m_version; }

Q_SIGNALS:
    void frameReceived(const StompFrame &frame);
    void closed();

private:
    friend class FakeStompServer;
    FakeStompConnection(FakeStompServer *server, QTcpSocket *socket);
    void onReadyRead();
    void handleFrame(const StompFrame &frame);
    void write(const QByteArray &bytes);
    void dripNext();
    void shutdownWritingIfDone();

    FakeStompServer *m_server;
    QPointer<QTcpSocket> m_socket;
    StompFrameParser m_parser;
    StompFrame::Version m_version = StompFrame::Version::V1_2;
    QList<StompFrame> m_frames;
    QList<bool> m_taken;
    QByteArray m_bytes;
    int m_heartbeats = 0;
    bool m_reading = true;
    bool m_silent = false;
    bool m_closed = false;
    bool m_finishWriting = false; ///< finishWriting(): FIN once the write buffer is empty
    bool m_writingFinished = false;
    QByteArray m_drip;
    int m_dripChunk = 1;
    QTimer m_dripTimer;
    QTimer m_heartbeatTimer;
};

class FakeStompServer : public QObject
{
    Q_OBJECT
public:
    /// How the server answers CONNECT / STOMP.
    enum class ConnectReply {
        Connected, ///< CONNECTED with connectedHeaders() (the default)
        Error,     ///< ERROR with connectErrorMessage(), then close
        Never,     ///< nothing: the test answers itself (FakeStompConnection::sendConnected)
    };
    /// How the server answers DISCONNECT.
    enum class DisconnectReply {
        ReceiptThenClose,   ///< RECEIPT for its receipt header, then close (the default)
        CloseWithoutReceipt,///< close at once
        Ignore,             ///< nothing
    };

    explicit FakeStompServer(QObject *parent = nullptr);
    ~FakeStompServer() override;

    /// Listens on 127.0.0.1, ephemeral port.
    bool listen();
    void stopListening();
    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const;

    // Behaviour of the connections (applies to frames received after the call) ---------------
    void setConnectReply(ConnectReply reply) { m_connectReply = reply; }
    ConnectReply connectReply() const { return m_connectReply; }
    /// Headers of the automatic CONNECTED. Default: version:1.2, session:<n>, server, heart-beat:0,0.
    void setConnectedHeaders(const StompHeaders &headers) { m_connectedHeaders = headers; }
    StompHeaders connectedHeaders() const { return m_connectedHeaders; }
    void setConnectErrorMessage(const QByteArray &message) { m_connectError = message; }
    QByteArray connectErrorMessage() const { return m_connectError; }
    void setDisconnectReply(DisconnectReply reply) { m_disconnectReply = reply; }
    DisconnectReply disconnectReply() const { return m_disconnectReply; }
    /// Answer every frame that carries a receipt header (DISCONNECT aside) with RECEIPT.
    void setAutoReceipt(bool on) { m_autoReceipt = on; }
    bool autoReceipt() const { return m_autoReceipt; }
    /// Limits for parsing what clients send (default: generous).
    void setParserLimits(const StompParserLimits &limits) { m_limits = limits; }
    StompParserLimits parserLimits() const { return m_limits; }

    // Connections ----------------------------------------------------------------------------
    int connectionCount() const { return int(m_connections.size()); }
    /// The \a index-th accepted connection (in accept order), or nullptr.
    FakeStompConnection *connection(int index = 0) const;
    FakeStompConnection *lastConnection() const;
    bool waitForConnection(int count = 1, int msecs = 5000);
    /// Waits for connection(index) and for its CONNECT/STOMP frame; returns that connection.
    FakeStompConnection *waitForConnect(int index = 0, int msecs = 5000);

Q_SIGNALS:
    void newConnection(FakeStompConnection *connection);

private:
    friend class FakeStompConnection;
    void onNewConnection();

    QTcpServer m_server;
    QList<FakeStompConnection *> m_connections;
    ConnectReply m_connectReply = ConnectReply::Connected;
    DisconnectReply m_disconnectReply = DisconnectReply::ReceiptThenClose;
    StompHeaders m_connectedHeaders;
    QByteArray m_connectError = "authentication failed";
    StompParserLimits m_limits;
    bool m_autoReceipt = true;
    int m_sessionCounter = 0;
};
