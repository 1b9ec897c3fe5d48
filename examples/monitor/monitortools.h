// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompframe.h>

#include <QtCore/qobject.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqml.h>

class StompMessageFilterModel;

/*!
    What the monitor's QML needs from C++: body views (pretty JSON, hex dump), header text,
    the clipboard and the JSON-lines export (the format of `stompqt subscribe --format json`).
*/
class MonitorTools : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_MOC_INCLUDE("stompmessagefiltermodel.h")
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    explicit MonitorTools(QObject *parent = nullptr);

    QString lastError() const { return m_lastError; }

    /// Indented JSON when \a body is a JSON object or array, else "".
    Q_INVOKABLE static QString prettyJson(const QByteArray &body);
    /// Offset, 16 bytes in hex and their printable characters per line; at most \a maxBytes.
    Q_INVOKABLE static QString hexDump(const QByteArray &body, int maxBytes = 65536);
    Q_INVOKABLE static bool isBinary(const StompFrame &frame);
    /// "name:value" lines in wire order.
    Q_INVOKABLE static QString headersText(const StompFrame &frame);
    /// Parses "name: value" lines (blank lines and lines starting with # are skipped) into
    /// [[name, value], ...]; returns the 1-based numbers of bad lines in \a badLines.
    Q_INVOKABLE static QVariantList parseHeaders(const QString &text);
    Q_INVOKABLE static QVariantList badHeaderLines(const QString &text);
    /// The headers worth keeping when a received MESSAGE is sent again (the broker's own,
    /// such as message-id, subscription and ack, are left out).
    Q_INVOKABLE static QVariantList resendHeaders(const StompFrame &frame);
    Q_INVOKABLE static QString formatBytes(qint64 bytes);
    /// Short form for table cells: "26 B", "1.2 KiB".
    Q_INVOKABLE static QString formatSize(qint64 bytes);
    Q_INVOKABLE static void copyToClipboard(const QString &text);

    static QByteArray toJsonLine(const StompFrame &frame);
    /// Writes the messages of \a messages (as filtered) to \a path; returns how many, or -1
    /// (then lastError says why).
    Q_INVOKABLE int exportJsonLines(StompMessageFilterModel *messages, const QString &path);
    Q_INVOKABLE static QString defaultExportPath();
    /// A path from a file: URL or a path typed by the user (with ~ expanded).
    Q_INVOKABLE static QString localPath(const QString &pathOrUrl);

Q_SIGNALS:
    void lastErrorChanged();

private:
    void setLastError(const QString &error);
    QString m_lastError;
};
