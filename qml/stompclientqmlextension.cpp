// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompclientqmlextension.h"

#include "stompqmlconvert_p.h"
#include "stompqmlsubscription.h"

#include <QtCore/qcoreapplication.h>
#include <QtCore/qdir.h>
#include <QtCore/qfile.h>
#include <QtCore/qfileinfo.h>
#include <QtCore/qurl.h>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#  include <QtNetwork/qsslcertificate.h>
#  include <QtNetwork/qsslconfiguration.h>
#  include <QtNetwork/qsslkey.h>
#endif

#include <optional>

using namespace Qt::StringLiterals;

namespace {

QString trTls(const char *text)
{
    return QCoreApplication::translate("StompClientQmlExtension", text);
}

/// A path typed by a person: file: URLs and a leading ~/ are accepted.
QString localPath(const QString &path)
{
    QString p = path.trimmed();
    if (p.startsWith("file:"_L1)) {
        const QUrl url(p);
        if (url.isLocalFile())
            p = url.toLocalFile();
    } else if (p == "~"_L1 || p.startsWith("~/"_L1)) {
        p = QDir::homePath() + p.mid(1);
    }
    return p;
}

/// The file's content (at most 1 MiB: PEM files are small), or nullopt with the reason in
/// *why. Only regular files are opened, so a FIFO or device cannot block the GUI thread.
std::optional<QByteArray> readPemFile(const QString &path, QString *why)
{
    constexpr qint64 limit = 1024 * 1024;
    const QFileInfo info(path);
    if (!info.exists()) {
        *why = trTls(QT_TRANSLATE_NOOP("StompClientQmlExtension", "no such file"));
        return std::nullopt;
    }
    if (info.isDir()) {
        *why = trTls(QT_TRANSLATE_NOOP("StompClientQmlExtension", "it is a folder, not a file"));
        return std::nullopt;
    }
    if (!info.isFile()) {
        *why = trTls(QT_TRANSLATE_NOOP("StompClientQmlExtension", "it is not a regular file"));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.error() == QFileDevice::PermissionsError
                ? trTls(QT_TRANSLATE_NOOP("StompClientQmlExtension", "permission denied"))
                : file.errorString();
        return std::nullopt;
    }
    const QByteArray data = file.read(limit + 1);
    if (data.size() > limit) {
        *why = trTls(QT_TRANSLATE_NOOP("StompClientQmlExtension", "larger than 1 MiB, not a PEM file"));
        return std::nullopt;
    }
    if (data.trimmed().isEmpty()) {
        *why = trTls(QT_TRANSLATE_NOOP("StompClientQmlExtension", "the file is empty"));
        return std::nullopt;
    }
    return data;
}

#if QT_CONFIG(ssl)
QList<QSslCertificate> pemCertificates(const QByteArray &data)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    return certificates;
}

/// An unencrypted PEM private key: RSA, else EC.
QSslKey pemPrivateKey(const QByteArray &data)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        const QSslKey key(data, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

bool isEncryptedKey(const QByteArray &data)
{
    return data.contains("BEGIN ENCRYPTED PRIVATE KEY") || data.contains("Proc-Type: 4,ENCRYPTED");
}
#endif

} // namespace

StompClientQmlExtension::StompClientQmlExtension(QObject *parent) : QObject(parent)
{
    connect(client(), &StompClient::heartbeatChanged, this, &StompClientQmlExtension::heartbeatChanged);
}

int StompClientQmlExtension::outgoingHeartbeat() const { return client()->outgoingHeartbeat(); }
void StompClientQmlExtension::setOutgoingHeartbeat(int msecs)
{
    if (msecs != client()->outgoingHeartbeat())
        client()->setHeartbeat(msecs, client()->incomingHeartbeat());
}
int StompClientQmlExtension::incomingHeartbeat() const { return client()->incomingHeartbeat(); }
void StompClientQmlExtension::setIncomingHeartbeat(int msecs)
{
    if (msecs != client()->incomingHeartbeat())
        client()->setHeartbeat(client()->outgoingHeartbeat(), msecs);
}

QVariant StompClientQmlExtension::connectHeaders() const
{
    return StompQml::headersToVariant(client()->connectHeaders());
}
void StompClientQmlExtension::setConnectHeaders(const QVariant &headers)
{
    const StompHeaders h = StompQml::headersFromVariant(headers);
    if (h == client()->connectHeaders())
        return;
    client()->setConnectHeaders(h);
    emit connectHeadersChanged();
}

qint64 StompClientQmlExtension::bytesToWrite() const { return client()->bytesToWrite(); }

QString StompClientQmlExtension::send(const QString &destination, const QVariant &body,
                                      const QVariant &headers, int options,
                                      const QString &transaction)
{
    return client()->send(destination, StompQml::bodyFromVariant(body),
                          StompQml::headersFromVariant(headers),
                          StompClient::SendOptions(options), transaction);
}

StompQmlSubscription *StompClientQmlExtension::subscribe(const QString &destination, int ackMode,
                                                         const QVariant &headers, const QString &id)
{
    auto *sub = new StompQmlSubscription(client());
    sub->setDestination(destination);
    sub->setAckMode(StompClient::AckMode(ackMode));
    sub->setHeaders(headers);
    sub->setSubscriptionId(id);
    sub->setClient(client());
    sub->classBegin();
    sub->componentComplete();
    return sub;
}

QString StompClientQmlExtension::ack(const StompFrame &message, const QString &transaction, int options)
{
    return client()->ack(message, transaction, StompClient::SendOptions(options));
}

QString StompClientQmlExtension::nack(const StompFrame &message, const QString &transaction, int options)
{
    return client()->nack(message, transaction, StompClient::SendOptions(options));
}

QString StompClientQmlExtension::begin(const QString &transaction)
{
    return client()->begin(transaction);
}

QString StompClientQmlExtension::commit(const QString &transaction, int options)
{
    return client()->commit(transaction, StompClient::SendOptions(options));
}

QString StompClientQmlExtension::rollback(const QString &transaction, int options)
{
    return client()->abort(transaction, StompClient::SendOptions(options));
}

void StompClientQmlExtension::setCaCertificateFile(const QString &path)
{
    if (path == m_caFile)
        return;
    m_caFile = path;
    applyTlsFiles();
    emit tlsFilesChanged();
}

void StompClientQmlExtension::setClientCertificateFile(const QString &path)
{
    if (path == m_certFile)
        return;
    m_certFile = path;
    applyTlsFiles();
    emit tlsFilesChanged();
}

void StompClientQmlExtension::setClientKeyFile(const QString &path)
{
    if (path == m_keyFile)
        return;
    m_keyFile = path;
    applyTlsFiles();
    emit tlsFilesChanged();
}

bool StompClientQmlExtension::reloadTlsFiles()
{
    applyTlsFiles();
    return m_tlsError.isEmpty();
}

void StompClientQmlExtension::applyTlsFiles()
{
    const QString caPath = localPath(m_caFile);
    const QString certPath = localPath(m_certFile);
    const QString keyPath = localPath(m_keyFile);
    QStringList errors;
    if (caPath.isEmpty() && certPath.isEmpty() && keyPath.isEmpty() && !m_tlsFilesUsed) {
        // Never used: a configuration set from C++ stays.
    } else {
        m_tlsFilesUsed = true;
#if QT_CONFIG(ssl)
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        QString why;
        if (!caPath.isEmpty()) {
            if (const std::optional<QByteArray> data = readPemFile(caPath, &why)) {
                const QList<QSslCertificate> certificates = pemCertificates(*data);
                if (certificates.isEmpty()) {
                    errors << tr("the CA file %1 holds no PEM certificate").arg(caPath);
                } else {
                    // Added to the system's: explicitly, since adding to the default
                    // configuration would stop Qt from loading the system's on demand.
                    configuration.setCaCertificates(QSslConfiguration::systemCaCertificates()
                                                    + certificates);
                }
            } else {
                errors << tr("cannot read the CA file %1: %2").arg(caPath, why);
            }
        }

        QList<QSslCertificate> chain;
        std::optional<QByteArray> certData;
        if (!certPath.isEmpty()) {
            certData = readPemFile(certPath, &why);
            if (!certData)
                errors << tr("cannot read the client certificate file %1: %2").arg(certPath, why);
            else if ((chain = pemCertificates(*certData)).isEmpty())
                errors << tr("the client certificate file %1 holds no PEM certificate").arg(certPath);
        }
        QSslKey key;
        if (!keyPath.isEmpty()) {
            if (const std::optional<QByteArray> data = readPemFile(keyPath, &why)) {
                if (isEncryptedKey(*data))
                    errors << tr("the client key file %1 is protected by a passphrase; use an unencrypted key").arg(keyPath);
                else if ((key = pemPrivateKey(*data)).isNull())
                    errors << tr("the client key file %1 holds no RSA or EC private key in PEM form").arg(keyPath);
            } else {
                errors << tr("cannot read the client key file %1: %2").arg(keyPath, why);
            }
            if (certPath.isEmpty())
                errors << tr("a client key needs its certificate: set the client certificate file too");
        } else if (!chain.isEmpty()) {
            // The key may follow the certificate in the same file.
            if (!isEncryptedKey(*certData))
                key = pemPrivateKey(*certData);
            if (key.isNull())
                errors << tr("the client certificate needs its private key: set the client key file too");
        }
        if (!chain.isEmpty() && !key.isNull()) {
            configuration.setLocalCertificateChain(chain);
            configuration.setPrivateKey(key);
        }
        client()->setSslConfiguration(configuration);
#else
        errors << tr("TLS is not available in this build of Qt");
#endif
    }
    const QString error = errors.join("; "_L1);
    if (error != m_tlsError) {
        m_tlsError = error;
        emit tlsConfigurationErrorChanged();
    }
}
