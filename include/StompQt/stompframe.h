// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompqt_global.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qlist.h>
#include <QtCore/qmetatype.h>
#include <QtCore/qobjectdefs.h>
#include <QtCore/qshareddata.h>
#include <QtCore/qstring.h>
#include <QtCore/qvariant.h>

#include <utility>

class QDebug;

/// Ordered STOMP headers as (name, value) pairs in wire order. Values are the
/// unescaped octets; names and values are normally UTF-8.
using StompHeaders = QList<std::pair<QByteArray, QByteArray>>;

class StompFramePrivate;

/*!
    One STOMP frame: a command, ordered headers and a body.

    StompFrame is an implicitly shared value type: copying is cheap and it may be
    passed between threads and to QML. Headers keep their wire order; when a name
    appears more than once, header() returns the first occurrence, as STOMP 1.2
    requires. Header values are the unescaped octets; escaping is done by
    StompFrameEncoder and undone by StompFrameParser.
*/
class STOMPQT_EXPORT StompFrame
{
    Q_GADGET
    Q_PROPERTY(Command command READ command)
    Q_PROPERTY(QString commandName READ commandName)
    Q_PROPERTY(QString destination READ destination)
    Q_PROPERTY(QString messageId READ messageId)
    Q_PROPERTY(QString subscription READ subscription)
    Q_PROPERTY(QString ack READ ack)
    Q_PROPERTY(QString receipt READ receipt)
    Q_PROPERTY(QString receiptId READ receiptId)
    Q_PROPERTY(QString contentType READ contentType)
    Q_PROPERTY(QString transaction READ transaction)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(QByteArray body READ body)
    Q_PROPERTY(QString text READ text)
    Q_PROPERTY(int bodySize READ bodySize)
    Q_PROPERTY(QVariantMap headerMap READ headerMap)
    Q_PROPERTY(QVariantList headerList READ headerList)
    Q_PROPERTY(QDateTime timestamp READ timestamp)
    Q_PROPERTY(bool isValid READ isValid)

public:
    enum Command : quint8 {
        Invalid = 0,
        // client frames
        Connect, Stomp, Send, Subscribe, Unsubscribe, Begin, Commit, Abort, Ack, Nack, Disconnect,
        // server frames
        Connected, Message, Receipt, Error
    };
    Q_ENUM(Command)

    enum class Version : quint8 { V1_0 = 10, V1_1 = 11, V1_2 = 12 };
    Q_ENUM(Version)

    StompFrame();
    explicit StompFrame(Command command, const StompHeaders &headers = {},
                        const QByteArray &body = {});
    StompFrame(const StompFrame &other);
    StompFrame(StompFrame &&other) noexcept;
    StompFrame &operator=(const StompFrame &other);
    StompFrame &operator=(StompFrame &&other) noexcept;
    ~StompFrame();

    void swap(StompFrame &other) noexcept { d.swap(other.d); }

    bool isValid() const;

    Command command() const;
    void setCommand(Command command);
    QString commandName() const;
    static QByteArrayView commandToString(Command command);
    /// Returns Invalid for an unknown command. Case-sensitive, as in the specification.
    static Command commandFromString(QByteArrayView name);
    /// True for the frames a server sends (CONNECTED, MESSAGE, RECEIPT, ERROR).
    static bool isServerCommand(Command command);
    /// CONNECT, STOMP and CONNECTED headers are never escaped.
    static bool isUnescapedCommand(Command command) { return command == Connect || command == Stomp || command == Connected; }

    // Headers ------------------------------------------------------------------------------
    int headerCount() const;
    QByteArrayView headerName(int index) const;
    QByteArrayView headerValue(int index) const;
    StompHeaders headers() const;
    void setHeaders(const StompHeaders &headers);
    bool hasHeader(QByteArrayView name) const;
    /// The first value of \a name, or \a defaultValue.
    QByteArray header(QByteArrayView name, const QByteArray &defaultValue = {}) const;
    /// Zero-copy form of header(); the view is valid while this frame is alive and unmodified.
    QByteArrayView headerView(QByteArrayView name) const;
    /// Replaces every occurrence of \a name by one header at the position of the first one
    /// (appended when absent).
    void setHeader(QByteArrayView name, QByteArrayView value);
    /// Appends without looking for an existing header of that name (repeated headers).
    void addHeader(QByteArrayView name, QByteArrayView value);
    void removeHeader(QByteArrayView name);
    QVariantMap headerMap() const;   // first value of each name, for QML
    QVariantList headerList() const; // [[name, value], ...] in wire order, for QML

    // Typed accessors for the common headers -----------------------------------------------
    QString destination() const;
    QString messageId() const;
    QString subscription() const;
    QString ack() const;
    QString receipt() const;
    QString receiptId() const;
    QString contentType() const;
    QString transaction() const;
    QString message() const;
    /// The content-length header, or -1 when absent or not a number.
    qint64 contentLength() const;

    // Body ---------------------------------------------------------------------------------
    QByteArray body() const;
    void setBody(const QByteArray &body);
    QString text() const; // body decoded as UTF-8
    int bodySize() const;

    /// One line of JSON and a newline:
    /// {"command":"MESSAGE","headers":[["name","value"],...],"body":"..."}
    /// with the headers in wire order, and "body_base64" instead of "body" when the body is
    /// not valid UTF-8. The format of `stompqt subscribe --format json` and of the monitor's
    /// export. The passcode header of a CONNECT frame is masked.
    QByteArray toJsonLine() const;

    /// Frame builders shared by every client: SEND with the destination first, then
    /// \a headers in order, the transaction (when given) and the body; BEGIN, COMMIT or ABORT.
    static StompFrame makeSend(const QString &destination, const QByteArray &body,
                               const StompHeaders &headers = {}, const QString &transaction = {});
    static StompFrame makeTransaction(Command command, const QString &transaction);

    /// When the frame was received (set by the parser); invalid for frames built locally.
    QDateTime timestamp() const;
    void setTimestamp(const QDateTime &when);

    friend STOMPQT_EXPORT bool operator==(const StompFrame &a, const StompFrame &b);
    friend bool operator!=(const StompFrame &a, const StompFrame &b) { return !(a == b); }

private:
    friend class StompFrameParser;
    friend class StompFrameParserPrivate;
    friend class StompConnection;
    friend class StompFrameEncoder;
    void reserveHeaders(int count, qsizetype bytes);
    QSharedDataPointer<StompFramePrivate> d;
};

Q_DECLARE_SHARED(StompFrame)

STOMPQT_EXPORT QDebug operator<<(QDebug debug, const StompFrame &frame);

Q_DECLARE_METATYPE(StompFrame)
