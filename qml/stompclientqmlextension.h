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
    Q_PROPERTY(QString caCertificateFile READ caCertificateFile WRITE setCaCertificateFile NOTIFY tlsFilesChanged)
    Q_PROPERTY(QString clientCertificateFile READ clientCertificateFile WRITE setClientCertificateFile NOTIFY tlsFilesChanged)
    Q_PROPERTY(QString clientKeyFile READ clientKeyFile WRITE setClientKeyFile NOTIFY tlsFilesChanged)
    Q_PROPERTY(QString tlsConfigurationError READ tlsConfigurationError NOTIFY tlsConfigurationErrorChanged)

public:
    explicit StompClientQmlExtension(QObject *parent);

    int outgoingHeartbeat() const;
    void setOutgoingHeartbeat(int msecs);
    int incomingHeartbeat() const;
    void setIncomingHeartbeat(int msecs);
    QVariant connectHeaders() const;
    void setConnectHeaders(const QVariant &headers);
    qint64 bytesToWrite() const;

    /// TLS files (PEM, local paths; a file: URL or a leading ~/ works too; "" = none). Setting
    /// any of them builds the client's sslConfiguration: the CA file's certificates on top of
    /// the system's, the client certificate (with any chain after it in the file) and its
    /// private key (RSA, else EC; unencrypted). A file that cannot be used leaves that part
    /// out and says why in tlsConfigurationError; nothing throws. While all three are "" and
    /// were never set, a configuration set from C++ is left alone.
    QString caCertificateFile() const { return m_caFile; }
    void setCaCertificateFile(const QString &path);
    QString clientCertificateFile() const { return m_certFile; }
    void setClientCertificateFile(const QString &path);
    QString clientKeyFile() const { return m_keyFile; }
    void setClientKeyFile(const QString &path);
    /// Why the TLS files could not be used, in plain words ("" when they could).
    QString tlsConfigurationError() const { return m_tlsError; }
    /// Reads the TLS files again (e.g. after they were fixed or renewed on disk); returns
    /// true when they could all be used.
    Q_INVOKABLE bool reloadTlsFiles();

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
    void tlsFilesChanged();
    void tlsConfigurationErrorChanged();

private:
    StompClient *client() const { return static_cast<StompClient *>(parent()); }
    void applyTlsFiles();

    QString m_caFile, m_certFile, m_keyFile;
    QString m_tlsError;
    bool m_tlsFilesUsed = false;
};
