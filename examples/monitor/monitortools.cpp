// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "monitortools.h"

#include "stompmessagefiltermodel.h"
#include "stompmessagemodel.h"

#include <QtCore/qdatetime.h>
#include <QtCore/qdir.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qsavefile.h>
#include <QtCore/qstandardpaths.h>
#include <QtCore/qstringconverter.h>
#include <QtCore/qurl.h>
#include <QtGui/qclipboard.h>
#include <QtGui/qguiapplication.h>

using namespace Qt::StringLiterals;

MonitorTools::MonitorTools(QObject *parent) : QObject(parent) {}

QString MonitorTools::prettyJson(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty() || (trimmed.front() != '{' && trimmed.front() != '['))
        return {};
    QJsonParseError error;
    if (QJsonDocument::fromJson(trimmed, &error).isNull() || error.error != QJsonParseError::NoError)
        return {};
    // Valid JSON: indent it by hand, so that keys keep their order and numbers their digits
    // (QJsonDocument would sort the keys and reformat the numbers).
    const QString text = QString::fromUtf8(trimmed);
    QString out;
    out.reserve(text.size() * 2);
    int depth = 0;
    bool inString = false;
    const auto newline = [&] {
        out += u'\n';
        out += QString(depth * 4, u' ');
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            out += c;
            if (c == u'\\' && i + 1 < text.size())
                out += text.at(++i);
            else if (c == u'"')
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            inString = true;
            out += c;
            break;
        case u'{':
        case u'[': {
            // Empty containers stay on one line.
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j).isSpace())
                ++j;
            if (j < text.size() && (text.at(j) == u'}' || text.at(j) == u']')) {
                out += c;
                out += text.at(j);
                i = j;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case u'}':
        case u']':
            --depth;
            newline();
            out += c;
            break;
        case u',':
            out += c;
            newline();
            break;
        case u':':
            out += QStringLiteral(": ");
            break;
        default:
            if (!c.isSpace())
                out += c;
        }
    }
    return out;
}

QString MonitorTools::hexDump(const QByteArray &body, int maxBytes)
{
    const qsizetype n = qMin<qsizetype>(body.size(), qMax(0, maxBytes));
    QString out;
    out.reserve(int(n / 16 + 1) * 80);
    for (qsizetype offset = 0; offset < n; offset += 16) {
        out += u"%1  "_s.arg(quint64(offset), 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (offset + i < n) {
                const uchar c = uchar(body.at(offset + i));
                out += u"%1 "_s.arg(uint(c), 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QLatin1Char(char(c)) : QLatin1Char('.');
            } else {
                out += "   "_L1;
            }
            if (i == 7)
                out += u' ';
        }
        out += u" |"_s + ascii + u"|\n"_s;
    }
    if (n < body.size())
        out += tr("… %n more byte(s) not shown", nullptr, int(qMin<qsizetype>(body.size() - n, INT_MAX)));
    else if (out.endsWith(u'\n'))
        out.chop(1);
    return out;
}

bool MonitorTools::isBinary(const StompFrame &frame)
{
    return StompMessageModel::isBinary(frame);
}

QString MonitorTools::headersText(const StompFrame &frame)
{
    QString out;
    for (int i = 0; i < frame.headerCount(); ++i) {
        out += QString::fromUtf8(frame.headerName(i)) + u':' + QString::fromUtf8(frame.headerValue(i));
        out += u'\n';
    }
    return out;
}

static bool parseHeaderLine(const QString &line, QString *name, QString *value)
{
    const qsizetype colon = line.indexOf(u':');
    if (colon <= 0)
        return false;
    *name = line.left(colon).trimmed();
    *value = line.mid(colon + 1).trimmed();
    return !name->isEmpty();
}

QVariantList MonitorTools::parseHeaders(const QString &text)
{
    QVariantList headers;
    const QStringList lines = text.split(u'\n');
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QString name, value;
        if (parseHeaderLine(line, &name, &value))
            headers.append(QVariant(QVariantList{name, value}));
    }
    return headers;
}

QVariantList MonitorTools::badHeaderLines(const QString &text)
{
    QVariantList bad;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        QString name, value;
        if (!line.isEmpty() && !line.startsWith(u'#') && !parseHeaderLine(line, &name, &value))
            bad.append(i + 1);
    }
    return bad;
}

QVariantList MonitorTools::resendHeaders(const StompFrame &frame)
{
    static const QByteArrayView brokerHeaders[] = {
        "destination", "message-id", "subscription", "ack", "content-length", "redelivered",
        "receipt", "receipt-id", "transaction", "server", "session", "persistent",
    };
    QVariantList headers;
    for (int i = 0; i < frame.headerCount(); ++i) {
        const QByteArrayView name = frame.headerName(i);
        bool skip = false;
        for (const QByteArrayView b : brokerHeaders)
            skip = skip || name == b;
        if (!skip)
            headers.append(QVariant(QVariantList{QString::fromUtf8(name), QString::fromUtf8(frame.headerValue(i))}));
    }
    return headers;
}

QString MonitorTools::formatBytes(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%n byte(s)", nullptr, int(bytes));
    if (bytes < 1024 * 1024)
        return tr("%1 KiB").arg(QLocale().toString(double(bytes) / 1024.0, 'f', 1));
    return tr("%1 MiB").arg(QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1));
}

QString MonitorTools::formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return tr("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KiB").arg(QLocale().toString(double(bytes) / 1024.0, 'f', 1));
    return tr("%1 MiB").arg(QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1));
}

void MonitorTools::copyToClipboard(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
}

// Escapes one JSON string, without the quotes, as `stompqt subscribe --format json` does.
QByteArray MonitorTools::toJsonLine(const StompFrame &frame)
{
    return frame.toJsonLine(); // the format of `stompqt subscribe --format json`
}

int MonitorTools::exportJsonLines(StompMessageFilterModel *messages, const QString &path)
{
    if (!messages) {
        setLastError(tr("Nothing to export."));
        return -1;
    }
    const QString file = localPath(path);
    if (file.isEmpty()) {
        setLastError(tr("Choose a file name first."));
        return -1;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        setLastError(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
        return -1;
    }
    const int rows = messages->rowCount();
    for (int r = 0; r < rows; ++r)
        out.write(toJsonLine(messages->get(r)));
    if (!out.commit()) {
        setLastError(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString()));
        return -1;
    }
    setLastError({});
    return rows;
}

QString MonitorTools::defaultExportPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    return QDir(dir).filePath(u"stompqt-messages-%1.jsonl"_s
                                      .arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)));
}

QString MonitorTools::localPath(const QString &pathOrUrl)
{
    QString path = pathOrUrl.trimmed();
    if (path.startsWith("file:"_L1))
        path = QUrl(path).toLocalFile();
    if (path == u'~' || path.startsWith("~/"_L1))
        path = QDir::homePath() + path.mid(1);
    return path;
}

void MonitorTools::setLastError(const QString &error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    emit lastErrorChanged();
}
