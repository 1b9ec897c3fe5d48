// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "stompqtqml_global.h"

#include <StompQt/stompclient.h>

#include <QtCore/qobject.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqml.h>

class StompQmlSubscription;

/*!
    What StompClient offers QML on top of its own properties and slots (a QML_EXTENDED
    extension object of the foreign-registered StompClient): writable heart-beats, headers
    as JS objects or [[name, value], ...] lists, string or ArrayBuffer bodies, and
    subscribe() returning a StompSubscription QML object.

    \qml
    StompClient {
        id: client
        url: "stomp://guest@localhost:61613/"
        passcode: "guest"
        outgoingHeartbeat: 10000; incomingHeartbeat: 10000
        Component.onCompleted: connectToHost()
    }
    // client.send("/queue/a", "hello", {"x-custom": "v"}, StompClient.WithReceipt)
    \endqml
*/
class STOMPQTQML_EXPORT StompClientQmlExtension : public QObject
{
    Q_OBJECT
    Q_MOC_INCLUDE("stompqmlsubscription.h")
    QML_ANONYMOUS
    Q_PROPERTY(int outgoingHeartbeat READ outgoingHeartbeat WRITE setOutgoingHeartbeat NOTIFY heartbeatChanged)
    Q_PROPERTY(int incomingHeartbeat READ incomingHeartbeat WRITE setIncomingHeartbeat NOTIFY heartbeatChanged)
    Q_PROPERTY(QVariant connectHeaders READ connectHeaders WRITE setConnectHeaders NOTIFY connectHeadersChanged)
    Q_PROPERTY(qint64 bytesToWrite READ bytesToWrite)

public:
    explicit StompClientQmlExtension(QObject *parent);

    int outgoingHeartbeat() const;
    void setOutgoingHeartbeat(int msecs);
    int incomingHeartbeat() const;
    void setIncomingHeartbeat(int msecs);
    QVariant connectHeaders() const;
    void setConnectHeaders(const QVariant &headers);
    qint64 bytesToWrite() const;

    /// Returns the receipt id when \a options has StompClient.WithReceipt (or the headers
    /// carry a receipt), else "".
    Q_INVOKABLE QString send(const QString &destination, const QVariant &body,
                             const QVariant &headers = {}, int options = 0,
                             const QString &transaction = {});
    /// A subscription owned by the client (destroy() or unsubscribe() ends it). For one that
    /// follows reconnects and lives in a QML file, declare a StompSubscription instead.
    Q_INVOKABLE StompQmlSubscription *subscribe(const QString &destination,
                                                int ackMode = StompClient::AckAuto,
                                                const QVariant &headers = {},
                                                const QString &id = {});
    Q_INVOKABLE QString ack(const StompFrame &message, const QString &transaction = {},
                            int options = 0);
    Q_INVOKABLE QString nack(const StompFrame &message, const QString &transaction = {},
                             int options = 0);
    Q_INVOKABLE QString begin(const QString &transaction = {});
    Q_INVOKABLE QString commit(const QString &transaction, int options = 0);
    Q_INVOKABLE QString rollback(const QString &transaction, int options = 0);

Q_SIGNALS:
    void heartbeatChanged();
    void connectHeadersChanged();

private:
    StompClient *client() const { return static_cast<StompClient *>(parent()); }
};
