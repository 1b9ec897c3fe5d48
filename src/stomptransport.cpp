// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stomptransport_p.h"

#include <QtCore/qabstracteventdispatcher.h>
#include <QtCore/qcoreapplication.h>
#include <QtNetwork/qtcpsocket.h>
#if QT_CONFIG(ssl)
#  include <QtNetwork/qsslsocket.h>
#endif
#ifdef STOMPQT_HAS_WEBSOCKETS
#  include <QtWebSockets/qwebsocket.h>
#  include <QtWebSockets/qwebsockethandshakeoptions.h>
#endif

#ifdef Q_OS_UNIX
#  include <cerrno>
#  include <poll.h>
#  include <sys/socket.h>
#endif
#ifdef Q_OS_LINUX
#  include <netinet/in.h>
#  include <netinet/tcp.h>
#endif

#include <utility>

namespace {
QString tr(const char *s) { return QCoreApplication::translate("StompClient", s); }

StompClient::Error mapSocketError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::HostNotFoundError: return StompClient::HostNotFound;
    case QAbstractSocket::ConnectionRefusedError: return StompClient::ConnectionRefused;
    case QAbstractSocket::RemoteHostClosedError: return StompClient::RemoteClosed;
    case QAbstractSocket::SocketTimeoutError: return StompClient::SocketTimeout;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError: return StompClient::TlsError;
    default: return StompClient::NetworkError;
    }
}

// TCP, and TLS over it. -------------------------------------------------------------------
class TcpTransport : public StompTransport
{
public:
    TcpTransport(StompEndpoint::Kind kind, const StompTlsOptions &tls, QObject *parent)
        : m_kind(kind), m_tls(tls)
    {
        setParent(parent);
#if QT_CONFIG(ssl)
        if (kind == StompEndpoint::Tls) {
            auto *ssl = new QSslSocket(this);
            ssl->setSslConfiguration(tls.configuration());
            if (tls.insecureSkipVerification)
                ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            connect(ssl, &QSslSocket::encrypted, this, &TcpTransport::onConnected);
            connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
                if (m_tls.insecureSkipVerification) {
                    ssl->ignoreSslErrors();
                    return;
                }
                QStringList texts;
                for (const QSslError &e : errors)
                    texts << e.errorString();
                m_sslErrors = texts.join(QStringLiteral("; "));
            });
            m_socket = ssl;
        }
#endif
        if (!m_socket) {
            m_socket = new QTcpSocket(this);
            connect(m_socket, &QTcpSocket::connected, this, &TcpTransport::onConnected);
        }
        connect(m_socket, &QTcpSocket::readyRead, this, &StompTransport::readyRead);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &StompTransport::bytesWritten);
        connect(m_socket, &QTcpSocket::disconnected, this, &StompTransport::disconnected);
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            const StompClient::Error error = mapSocketError(e);
            QString text = m_socket->errorString();
            if (error == StompClient::TlsError && !m_sslErrors.isEmpty())
                text = tr("TLS handshake failed: %1").arg(m_sslErrors);
            emit errorOccurred(error, text);
        });
    }

    StompEndpoint::Kind kind() const override { return m_kind; }

    void open(const StompEndpoint &endpoint) override
    {
        m_sslErrors.clear();
#if QT_CONFIG(ssl)
        if (m_kind == StompEndpoint::Tls) {
            static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(endpoint.host, endpoint.port);
            return;
        }
#endif
        m_socket->connectToHost(endpoint.host, endpoint.port);
    }
    bool isOpen() const override { return m_socket->state() == QAbstractSocket::ConnectedState; }
    qint64 bytesAvailable() const override { return m_socket->bytesAvailable(); }
    qint64 read(char *data, qint64 maxSize) override { return m_socket->read(data, maxSize); }
    void writeFrame(const char *data, qint64 size) override
    {
        // Plain TCP with an event loop: the frames of a short burst (a reply, ACKs, a few
        // sends; up to 64 KiB) are collected here and handed to the kernel together, with one
        // send(), when the driver flushes (after a read batch) or at the latest when the
        // thread's event loop is about to wait. QAbstractSocket's own buffer would enable its
        // write notifier for the first frame and disable it after the flush: each change wakes
        // the event dispatcher (an eventfd write, a read and one more poll per burst). A longer
        // burst goes on to the socket's buffer, as does what the kernel refuses, and everything
        // after it, so the order never changes and this buffer stays small.
        if (m_coalesce && m_socket->bytesToWrite() == 0) { // (m_pending is empty otherwise)
            if (m_pending.size() + size <= CollectBytes) {
                m_pending.append(data, size);
                return;
            }
            if (!m_pending.isEmpty()) {
                m_socket->write(m_pending);
                m_pending.resize(0);
            }
        }
        m_socket->write(data, size);
    }
    qint64 bytesToWrite() const override { return m_pending.size() + m_socket->bytesToWrite(); }
    void closeGracefully() override
    {
        if (m_socket->state() == QAbstractSocket::ConnectedState) {
            pushPending();
            m_socket->flush();
            m_socket->disconnectFromHost();
        }
        m_pending.clear();
        m_socket->abort();
    }
    void abort() override
    {
        m_pending.clear();
        m_socket->abort();
    }
    void setReadBufferSize(qint64 bytes) override { m_socket->setReadBufferSize(bytes); }
    bool isReadBufferFull() const override
    {
        const qint64 limit = m_socket->readBufferSize();
        return limit > 0 && m_socket->bytesAvailable() >= limit;
    }

    bool waitForConnected(int msecs) override
    {
#if QT_CONFIG(ssl)
        if (m_kind == StompEndpoint::Tls)
            return static_cast<QSslSocket *>(m_socket)->waitForEncrypted(msecs);
#endif
        return m_socket->waitForConnected(msecs);
    }
    bool waitForReadyRead(int msecs) override
    {
        pushPending();
        return m_socket->waitForReadyRead(msecs);
    }
    bool waitForBytesWritten(int msecs) override
    {
        pushPending();
        return m_socket->waitForBytesWritten(msecs);
    }
    // QAbstractSocket::flush() writes one buffer chunk (16 KiB) per call; go on while the
    // kernel takes bytes, so one wake-up moves everything the socket has room for instead of
    // one chunk per event-loop iteration.
    void flush() override
    {
        pushPending();
        qint64 pending = m_socket->bytesToWrite();
        while (pending > 0) {
            m_socket->flush();
            const qint64 now = m_socket->bytesToWrite();
            if (now >= pending)
                break;
            pending = now;
        }
    }
    void writeThrough(const char *data, qint64 size) override
    {
        pushPending(); // what was collected goes first
        if (!sendDirect(data, size))
            StompTransport::writeThrough(data, size);
    }
    void acknowledgeReceived() override
    {
#if defined(Q_OS_LINUX) && defined(TCP_QUICKACK)
        // Sends the TCP acknowledgement the kernel holds back (delayed ACK), now.
        const int fd = int(m_socket->socketDescriptor());
        const int one = 1;
        if (fd >= 0)
            ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
#endif
    }
    bool peerHasSpoken() const override
    {
        if (m_socket->bytesAvailable() > 0)
            return true;
#ifdef Q_OS_UNIX
        // A poll with no wait: bytes or an EOF are waiting in the kernel.
        pollfd p{int(m_socket->socketDescriptor()), POLLIN, 0};
        return p.fd >= 0 && ::poll(&p, 1, 0) > 0;
#else
        return false;
#endif
    }

private:
    void onConnected()
    {
        // Writes leave at once (a frame, or the frames of one burst); with Nagle off none
        // waits for the ACK of the previous one.
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
#ifdef Q_OS_UNIX
        // Collect frames (writeFrame) only where something is sure to push them: the event
        // dispatcher of the thread this transport lives in, before it waits and whenever it
        // processes events (processEvents() loops and QTest::qWait() never wait in it).
        if (m_kind == StompEndpoint::Tcp && !m_coalesce) {
            if (auto *dispatcher = QAbstractEventDispatcher::instance(thread())) {
                connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this,
                        &TcpTransport::pushPending);
                connect(dispatcher, &QAbstractEventDispatcher::awake, this,
                        &TcpTransport::pushPending);
                m_coalesce = true;
            }
        }
#endif
        emit connected();
    }

    // Hands the collected frames to the kernel (or, for what it refuses, to the socket's buffer).
    void pushPending()
    {
        if (m_pending.isEmpty())
            return;
        QByteArray out;
        out.swap(m_pending); // writing may re-enter writeFrame() through bytesWritten()
        if (!sendDirect(out.constData(), out.size()))
            m_socket->write(out);
        if (m_pending.isEmpty()) {
            out.resize(0); // keep the allocation for the next burst
            m_pending.swap(out);
        }
    }

    // Writes with send() itself while the socket's buffer is empty; the rest, when the kernel
    // is full, goes to the socket's buffer and its write notifier. False when it cannot.
    bool sendDirect(const char *data, qint64 size)
    {
#ifdef Q_OS_UNIX
        const int fd = int(m_socket->socketDescriptor());
        if (m_kind != StompEndpoint::Tcp || fd < 0 || m_socket->bytesToWrite() > 0
            || m_socket->state() != QAbstractSocket::ConnectedState) {
            return false;
        }
        qint64 written = 0;
        while (written < size) {
            const ssize_t n = ::send(fd, data + written, size_t(size - written),
                                     MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                written += n;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break; // the kernel is full: the socket's buffer takes the rest
            const int error = errno;
            // The rest stays counted in the socket's buffer until the teardown drops it.
            m_socket->write(data + written, size - written);
            if (written > 0)
                emit bytesWritten(written);
            emit errorOccurred(error == EPIPE || error == ECONNRESET ? StompClient::RemoteClosed
                                                                      : StompClient::NetworkError,
                               qt_error_string(error));
            return true;
        }
        // The rest is queued before the progress is reported, so that a receiver of
        // bytesWritten() sees the true amount still to write.
        if (written < size)
            m_socket->write(data + written, size - written);
        if (written > 0)
            emit bytesWritten(written);
        return true;
#else
        Q_UNUSED(data);
        Q_UNUSED(size);
        return false;
#endif
    }

    StompEndpoint::Kind m_kind;
    StompTlsOptions m_tls;
    QTcpSocket *m_socket = nullptr;
    QString m_sslErrors;
    static constexpr qint64 CollectBytes = 64 * 1024;
    QByteArray m_pending; // frames collected since the last push (writeFrame), <= CollectBytes
    bool m_coalesce = false;
};

#ifdef STOMPQT_HAS_WEBSOCKETS
// STOMP over WebSocket: each frame goes out as one message; incoming messages are a byte
// stream to the parser, so frames split over messages or several per message both work.
class WebSocketTransport : public StompTransport
{
public:
    WebSocketTransport(const StompTlsOptions &tls, StompClient::Versions versions, QObject *parent)
        : m_versions(versions), m_tls(tls)
    {
        setParent(parent);
        m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
#if QT_CONFIG(ssl)
        m_socket->setSslConfiguration(tls.configuration());
        connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            if (m_tls.insecureSkipVerification) {
                m_socket->ignoreSslErrors();
                return;
            }
            QStringList texts;
            for (const QSslError &e : errors)
                texts << e.errorString();
            m_sslErrors = texts.join(QStringLiteral("; "));
        });
#endif
        connect(m_socket, &QWebSocket::connected, this, [this] {
            m_opened = true;
            emit connected();
        });
        // QWebSocket reports a connection that never opened (refused, host not found) with
        // disconnected() *before* error(): report the error, which says why.
        connect(m_socket, &QWebSocket::disconnected, this, [this] {
            if (!m_opened && m_socket->error() != QAbstractSocket::UnknownSocketError) {
                reportError(m_socket->error());
                return;
            }
            // A close other than a normal one says why (e.g. 1007: a text message that was
            // not UTF-8, which QWebSocket refuses); 1002, 1003, 1007 mean unusable data.
            const QWebSocketProtocol::CloseCode code = m_socket->closeCode();
            if (m_opened && code != QWebSocketProtocol::CloseCodeNormal && !m_errorReported) {
                m_errorReported = true;
                const bool badData = code == QWebSocketProtocol::CloseCodeProtocolError
                        || code == QWebSocketProtocol::CloseCodeDatatypeNotSupported
                        || code == QWebSocketProtocol::CloseCodeWrongDatatype;
                emit errorOccurred(badData ? StompClient::ProtocolError : StompClient::RemoteClosed,
                                   tr("the WebSocket was closed with code %1: %2")
                                           .arg(int(code))
                                           .arg(m_socket->closeReason().isEmpty()
                                                        ? m_socket->errorString()
                                                        : m_socket->closeReason()));
                return;
            }
            emit disconnected();
        });
        connect(m_socket, &QWebSocket::bytesWritten, this, &StompTransport::bytesWritten);
        connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &m) { append(m); });
        connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &m) { append(m.toUtf8()); });
        // Qt 6.4 names it error(); errorOccurred() came in 6.5.
        connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
                &WebSocketTransport::reportError);
    }

    StompEndpoint::Kind kind() const override { return StompEndpoint::WebSocket; }

    void open(const StompEndpoint &endpoint) override
    {
        m_in.clear();
        m_offset = 0;
        m_sslErrors.clear();
        m_opened = false;
        m_errorReported = false;
        QWebSocketHandshakeOptions options;
        QStringList protocols;
        if (m_versions & StompClient::Version1_2)
            protocols << QStringLiteral("v12.stomp");
        if (m_versions & StompClient::Version1_1)
            protocols << QStringLiteral("v11.stomp");
        if (m_versions & StompClient::Version1_0)
            protocols << QStringLiteral("v10.stomp");
        options.setSubprotocols(protocols);
        m_socket->open(endpoint.webSocketUrl, options);
    }
    bool isOpen() const override { return m_socket->state() == QAbstractSocket::ConnectedState; }
    qint64 bytesAvailable() const override { return m_in.size() - m_offset; }
    qint64 read(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, bytesAvailable());
        memcpy(data, m_in.constData() + m_offset, size_t(n));
        m_offset += n;
        if (m_offset == m_in.size()) {
            m_in.resize(0);
            m_offset = 0;
        }
        return n;
    }
    void writeFrame(const char *data, qint64 size) override
    {
        m_socket->sendBinaryMessage(QByteArray(data, size));
    }
    qint64 bytesToWrite() const override { return m_socket->bytesToWrite(); }
    void closeGracefully() override { m_socket->close(); }
    void abort() override { m_socket->abort(); }
    void setReadBufferSize(qint64 bytes) override { m_limit = bytes; }

private:
    void reportError(QAbstractSocket::SocketError e)
    {
        if (std::exchange(m_errorReported, true))
            return; // once per connection: disconnected() may have reported it already
        const StompClient::Error error = mapSocketError(e);
        QString text = m_socket->errorString();
        if (error == StompClient::TlsError && !m_sslErrors.isEmpty())
            text = tr("TLS handshake failed: %1").arg(m_sslErrors);
        emit errorOccurred(error, text);
    }

    void append(const QByteArray &message)
    {
        // A WebSocket cannot be paused: while the driver does not read, refuse to hoard.
        if (m_limit > 0 && bytesAvailable() + message.size() > qMax<qint64>(m_limit, 64 * 1024 * 1024)) {
            emit errorOccurred(StompClient::FrameTooLarge,
                               tr("more than %1 bytes arrived over WebSocket while reading was paused")
                                       .arg(qMax<qint64>(m_limit, 64 * 1024 * 1024)));
            return;
        }
        if (m_offset > 0 && m_offset >= m_in.size() / 2) {
            m_in.remove(0, m_offset);
            m_offset = 0;
        }
        m_in.append(message);
        emit readyRead();
    }

    StompClient::Versions m_versions;
    StompTlsOptions m_tls;
    QWebSocket *m_socket = nullptr;
    QByteArray m_in;
    qsizetype m_offset = 0;
    qint64 m_limit = 0;
    QString m_sslErrors;
    bool m_opened = false;
    bool m_errorReported = false;
};
#endif
} // namespace

bool StompEndpoint::fromUrl(const QUrl &url, StompEndpoint *out)
{
    const QString scheme = url.scheme().toLower();
    StompEndpoint e;
    e.host = url.host();
    if (e.host.isEmpty())
        return false;
    if (scheme.isEmpty() || scheme == QLatin1String("stomp") || scheme == QLatin1String("tcp")) {
        e.kind = Tcp;
        e.port = quint16(url.port(61613));
    } else if (scheme == QLatin1String("stomp+ssl") || scheme == QLatin1String("stomp+tls")
               || scheme == QLatin1String("ssl") || scheme == QLatin1String("stomps")) {
        e.kind = Tls;
        e.port = quint16(url.port(61614));
    } else if (scheme == QLatin1String("ws") || scheme == QLatin1String("wss")) {
        e.kind = WebSocket;
        e.port = quint16(url.port(scheme == QLatin1String("ws") ? 80 : 443));
        QUrl ws = url.adjusted(QUrl::RemoveUserInfo);
        e.webSocketUrl = ws;
    } else {
        return false;
    }
    *out = e;
    return true;
}

QString StompEndpoint::displayName() const
{
    switch (kind) {
    case Tcp: return QStringLiteral("stomp://%1:%2").arg(host).arg(port);
    case Tls: return QStringLiteral("stomp+ssl://%1:%2").arg(host).arg(port);
    case WebSocket: return webSocketUrl.toDisplayString(QUrl::RemoveUserInfo);
    }
    return {};
}

StompTransport *StompTransport::create(const StompEndpoint &endpoint, const StompTlsOptions &tls,
                                       StompClient::Versions versions, QObject *parent)
{
    switch (endpoint.kind) {
    case StompEndpoint::WebSocket:
#ifdef STOMPQT_HAS_WEBSOCKETS
        return new WebSocketTransport(tls, versions, parent);
#else
        Q_UNUSED(versions);
        return nullptr;
#endif
    case StompEndpoint::Tls:
#if !QT_CONFIG(ssl)
        return nullptr;
#endif
    case StompEndpoint::Tcp:
        break;
    }
    return new TcpTransport(endpoint.kind, tls, parent);
}
