// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// The byte pipe under the connection driver: TCP, TLS or WebSocket behind one interface.
// The driver never sees a socket class; it reads bytes, writes whole frames and gets told
// about connection, data, progress and failure.

#include <StompQt/stompclient.h>

#include <QtCore/qobject.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qabstractsocket.h>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#  include <QtNetwork/qsslconfiguration.h>
#endif

#include <optional>

struct StompEndpoint
{
    enum Kind { Tcp, Tls, WebSocket };
    Kind kind = Tcp;
    QString host;
    quint16 port = 61613;
    QUrl webSocketUrl; // ws:// or wss://, for WebSocket

    /// stomp://, tcp://, stomp+ssl://, ssl://, stomp+tls://, ws://, wss://; false when unknown.
    static bool fromUrl(const QUrl &url, StompEndpoint *out);
    QString displayName() const;
};

struct StompTlsOptions
{
#if QT_CONFIG(ssl)
    // Unset until the user sets one: QSslConfiguration::defaultConfiguration() loads the TLS
    // backend and the system's CA certificates (about 40 ms measured here), which a plain TCP
    // client never needs. Taken when a TLS or wss:// transport is created.
    std::optional<QSslConfiguration> custom;
    QSslConfiguration configuration() const
    {
        return custom ? *custom : QSslConfiguration::defaultConfiguration();
    }
#endif
    bool insecureSkipVerification = false;
};

class StompTransport : public QObject
{
    Q_OBJECT
public:
    static StompTransport *create(const StompEndpoint &endpoint, const StompTlsOptions &tls,
                                  StompClient::Versions versions, QObject *parent);

    virtual StompEndpoint::Kind kind() const = 0;
    virtual void open(const StompEndpoint &endpoint) = 0;
    virtual bool isOpen() const = 0;
    virtual qint64 bytesAvailable() const = 0;
    virtual qint64 read(char *data, qint64 maxSize) = 0;
    /// One frame (or heart-beat) per call; a WebSocket sends it as one message.
    virtual void writeFrame(const char *data, qint64 size) = 0;
    virtual qint64 bytesToWrite() const = 0;
    /// Sends what is buffered, then closes.
    virtual void closeGracefully() = 0;
    virtual void abort() = 0;
    /// Bounds what the transport buffers while the driver does not read.
    virtual void setReadBufferSize(qint64 bytes) = 0;
    /// True when that bound is reached: the transport takes nothing more from the peer, so
    /// the peer's silence (no heart-beats either) is the reader's own doing.
    virtual bool isReadBufferFull() const { return false; }

    // Blocking use without an event loop (StompPublisher); TCP and TLS only.
    virtual bool waitForConnected(int msecs) { Q_UNUSED(msecs); return false; }
    virtual bool waitForReadyRead(int msecs) { Q_UNUSED(msecs); return false; }
    virtual bool waitForBytesWritten(int msecs) { Q_UNUSED(msecs); return false; }
    virtual void flush() {}
    /// Blocking use: writes \a data now. TCP hands it to the kernel itself while the socket's
    /// buffer is empty (QAbstractSocket's buffer would enable and disable its write notifier
    /// for every frame, and each change wakes the event dispatcher: two system calls more
    /// per frame). Reports the written bytes through bytesWritten() like a flush.
    virtual void writeThrough(const char *data, qint64 size)
    {
        writeFrame(data, size);
        flush();
    }
    /// Sends the TCP acknowledgement of what was read now, when the kernel holds it back to
    /// carry it on data (delayed ACK); see StompConnection's m_quickAckTimer. Linux TCP only.
    virtual void acknowledgeReceived() {}
    /// True when bytes or an EOF wait to be read, without blocking.
    virtual bool peerHasSpoken() const { return bytesAvailable() > 0; }

Q_SIGNALS:
    void connected();
    void readyRead();
    void bytesWritten(qint64 bytes);
    void disconnected();
    void errorOccurred(StompClient::Error error, const QString &errorString);
};
