// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompframe_p.h"

#include <QtCore/qdebug.h>
#include <QtCore/qstringconverter.h>

#include <array>
#include <cstring>

namespace {
constexpr std::array<QByteArrayView, StompFrame::Error + 1> kCommandNames = {
    QByteArrayView(), "CONNECT", "STOMP", "SEND", "SUBSCRIBE", "UNSUBSCRIBE", "BEGIN", "COMMIT",
    "ABORT", "ACK", "NACK", "DISCONNECT", "CONNECTED", "MESSAGE", "RECEIPT", "ERROR",
};

QString utf8(QByteArrayView v) { return QString::fromUtf8(v); }
} // namespace

int StompFramePrivate::indexOf(QByteArrayView n) const
{
    // Inline compares: this runs for every header looked up (subscription, ack, ...) of every
    // message, and QByteArrayView's == calls into Qt Core for each name of the right length.
    for (int i = 0; i < refs.size(); ++i) {
        const StompHeaderRef &r = refs[i];
        if (r.nameLength == quint32(n.size())
            && std::memcmp(headerData.constData() + r.nameOffset, n.data(), size_t(n.size())) == 0)
            return i;
    }
    return -1;
}

void StompFramePrivate::append(QByteArrayView n, QByteArrayView v)
{
    StompHeaderRef r;
    r.nameOffset = quint32(headerData.size());
    r.nameLength = quint32(n.size());
    headerData.append(n);
    r.valueOffset = quint32(headerData.size());
    r.valueLength = quint32(v.size());
    headerData.append(v);
    refs.append(r);
}

StompFrame::StompFrame() : d(new StompFramePrivate) {}

StompFrame::StompFrame(Command command, const StompHeaders &headers, const QByteArray &body)
    : d(new StompFramePrivate)
{
    d->command = command;
    setHeaders(headers);
    d->body = body;
}

StompFrame::StompFrame(const StompFrame &other) = default;
StompFrame::StompFrame(StompFrame &&other) noexcept = default;
StompFrame &StompFrame::operator=(const StompFrame &other) = default;
StompFrame &StompFrame::operator=(StompFrame &&other) noexcept = default;
StompFrame::~StompFrame() = default;

bool StompFrame::isValid() const { return d->command != Invalid; }
StompFrame::Command StompFrame::command() const { return d->command; }
void StompFrame::setCommand(Command command) { d->command = command; }
QString StompFrame::commandName() const { return utf8(commandToString(d->command)); }

QByteArrayView StompFrame::commandToString(Command command)
{
    return uint(command) < kCommandNames.size() ? kCommandNames[command] : QByteArrayView();
}

StompFrame::Command StompFrame::commandFromString(QByteArrayView name)
{
    // Runs once per received frame: MESSAGE first, compared inline (a constant-size memcmp),
    // then by length and bytes (QByteArrayView's == is a call into Qt Core per candidate).
    if (name.size() == 7 && std::memcmp(name.data(), "MESSAGE", 7) == 0)
        return Message;
    for (size_t i = 1; i < kCommandNames.size(); ++i) {
        const QByteArrayView candidate = kCommandNames[i];
        if (candidate.size() == name.size()
            && std::memcmp(candidate.data(), name.data(), size_t(name.size())) == 0)
            return Command(i);
    }
    return Invalid;
}

bool StompFrame::isServerCommand(Command command)
{
    return command == Connected || command == Message || command == Receipt || command == Error;
}

int StompFrame::headerCount() const { return int(d->refs.size()); }
QByteArrayView StompFrame::headerName(int index) const { return d->name(d->refs.at(index)); }
QByteArrayView StompFrame::headerValue(int index) const { return d->value(d->refs.at(index)); }

StompHeaders StompFrame::headers() const
{
    StompHeaders list;
    list.reserve(d->refs.size());
    for (const StompHeaderRef &r : d->refs)
        list.append({d->name(r).toByteArray(), d->value(r).toByteArray()});
    return list;
}

void StompFrame::setHeaders(const StompHeaders &headers)
{
    d->headerData.clear();
    d->refs.clear();
    qsizetype bytes = 0;
    for (const auto &h : headers)
        bytes += h.first.size() + h.second.size();
    d->headerData.reserve(bytes);
    for (const auto &h : headers)
        d->append(h.first, h.second);
}

void StompFrame::reserveHeaders(int count, qsizetype bytes)
{
    d->refs.reserve(count);
    d->headerData.reserve(bytes);
}

bool StompFrame::hasHeader(QByteArrayView name) const { return d->indexOf(name) >= 0; }

QByteArray StompFrame::header(QByteArrayView name, const QByteArray &defaultValue) const
{
    const int i = d->indexOf(name);
    return i < 0 ? defaultValue : d->value(d->refs[i]).toByteArray();
}

QByteArrayView StompFrame::headerView(QByteArrayView name) const
{
    const int i = d->indexOf(name);
    return i < 0 ? QByteArrayView() : d->value(d->refs[i]);
}

void StompFrame::setHeader(QByteArrayView name, QByteArrayView value)
{
    const int first = d->indexOf(name);
    if (first < 0) {
        d->append(name, value);
        return;
    }
    // Rebuild: keeps the position of the first occurrence and drops the others.
    StompHeaders list = headers();
    StompHeaders out;
    out.reserve(list.size());
    for (int i = 0; i < list.size(); ++i) {
        if (i == first)
            out.append({name.toByteArray(), value.toByteArray()});
        else if (list[i].first != name)
            out.append(list[i]);
    }
    setHeaders(out);
}

void StompFrame::addHeader(QByteArrayView name, QByteArrayView value) { d->append(name, value); }

void StompFrame::removeHeader(QByteArrayView name)
{
    if (d->indexOf(name) < 0)
        return;
    StompHeaders list = headers();
    list.removeIf([&](const auto &h) { return h.first == name; });
    setHeaders(list);
}

QVariantMap StompFrame::headerMap() const
{
    QVariantMap map;
    for (const StompHeaderRef &r : d->refs) {
        const QString key = utf8(d->name(r));
        if (!map.contains(key))
            map.insert(key, utf8(d->value(r)));
    }
    return map;
}

QVariantList StompFrame::headerList() const
{
    QVariantList list;
    list.reserve(d->refs.size());
    for (const StompHeaderRef &r : d->refs)
        list.append(QVariant(QVariantList{utf8(d->name(r)), utf8(d->value(r))}));
    return list;
}

QString StompFrame::destination() const { return utf8(headerView("destination")); }
QString StompFrame::messageId() const { return utf8(headerView("message-id")); }
QString StompFrame::subscription() const { return utf8(headerView("subscription")); }
QString StompFrame::ack() const { return utf8(headerView("ack")); }
QString StompFrame::receipt() const { return utf8(headerView("receipt")); }
QString StompFrame::receiptId() const { return utf8(headerView("receipt-id")); }
QString StompFrame::contentType() const { return utf8(headerView("content-type")); }
QString StompFrame::transaction() const { return utf8(headerView("transaction")); }
QString StompFrame::message() const { return utf8(headerView("message")); }

qint64 StompFrame::contentLength() const
{
    const QByteArrayView v = headerView("content-length");
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok && n >= 0 ? n : -1;
}

QByteArray StompFrame::body() const { return d->body; }
void StompFrame::setBody(const QByteArray &body) { d->body = body; }
QString StompFrame::text() const { return QString::fromUtf8(d->body); }
int StompFrame::bodySize() const { return int(qMin<qsizetype>(d->body.size(), INT_MAX)); }
QDateTime StompFrame::timestamp() const
{
    if (d->timestampMs == StompFramePrivate::kNoTimestamp)
        return {};
    return QDateTime::fromMSecsSinceEpoch(d->timestampMs, Qt::UTC);
}
void StompFrame::setTimestamp(const QDateTime &when)
{
    d->timestampMs = when.isValid() ? when.toMSecsSinceEpoch() : StompFramePrivate::kNoTimestamp;
}

namespace {
// A JSON string literal, quotes included: '"', '\\' and control characters escaped,
// everything else as UTF-8.
void appendJsonString(QByteArray *out, QStringView text)
{
    QString escaped;
    escaped.reserve(text.size() + 8);
    escaped.append(u'"');
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"': escaped.append(QLatin1String("\\\"")); break;
        case u'\\': escaped.append(QLatin1String("\\\\")); break;
        case u'\b': escaped.append(QLatin1String("\\b")); break;
        case u'\f': escaped.append(QLatin1String("\\f")); break;
        case u'\n': escaped.append(QLatin1String("\\n")); break;
        case u'\r': escaped.append(QLatin1String("\\r")); break;
        case u'\t': escaped.append(QLatin1String("\\t")); break;
        default:
            if (c < 0x20 || c == 0x7f)
                escaped.append(QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0')));
            else
                escaped.append(ch);
        }
    }
    escaped.append(u'"');
    out->append(escaped.toUtf8());
}
} // namespace

QByteArray StompFrame::toJsonLine() const
{
    QByteArray line;
    line.reserve(64 + bodySize() * 2);
    line += "{\"command\":";
    appendJsonString(&line, commandName());
    line += ",\"headers\":[";
    for (int i = 0; i < headerCount(); ++i) {
        if (i)
            line += ',';
        line += '[';
        appendJsonString(&line, QString::fromUtf8(headerName(i)));
        line += ',';
        const bool secret = headerName(i) == "passcode" && isUnescapedCommand(d->command);
        appendJsonString(&line, secret ? QStringLiteral("********") : QString::fromUtf8(headerValue(i)));
        line += ']';
    }
    line += "],";
    // Stateless: a sequence cut off at the end is invalid, not a wait for more input.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder(d->body);
    if (!decoder.hasError()) {
        line += "\"body\":";
        appendJsonString(&line, text);
    } else {
        line += "\"body_base64\":\"";
        line += d->body.toBase64();
        line += '"';
    }
    line += "}\n";
    return line;
}

StompFrame StompFrame::makeSend(const QString &destination, const QByteArray &body,
                                const StompHeaders &headers, const QString &transaction)
{
    StompFrame frame(Send);
    StompFramePrivate *d = frame.d.data();
    d->refs.reserve(headers.size() + 2);
    qsizetype need = 11 + 3 * destination.size(); // UTF-8 takes at most 3 bytes per UTF-16 unit
    for (const auto &h : headers)
        need += h.first.size() + h.second.size();
    if (!transaction.isEmpty())
        need += 11 + 3 * transaction.size();
    d->headerData.reserve(need); // one allocation for every header of the frame
    // The destination goes straight into the block when it is ASCII (no temporary QByteArray).
    const QChar *chars = destination.constData();
    const qsizetype n = destination.size();
    qsizetype ascii = 0;
    while (ascii < n && chars[ascii].unicode() < 0x80)
        ++ascii;
    if (ascii == n) {
        StompHeaderRef r;
        r.nameOffset = quint32(d->headerData.size());
        r.nameLength = 11;
        d->headerData.append("destination", 11);
        r.valueOffset = quint32(d->headerData.size());
        r.valueLength = quint32(n);
        const qsizetype at = d->headerData.size();
        d->headerData.resize(at + n);
        char *out = d->headerData.data() + at;
        for (qsizetype i = 0; i < n; ++i)
            out[i] = char(chars[i].unicode());
        d->refs.append(r);
    } else {
        frame.addHeader("destination", destination.toUtf8());
    }
    for (const auto &h : headers)
        frame.addHeader(h.first, h.second);
    if (!transaction.isEmpty())
        frame.setHeader("transaction", transaction.toUtf8());
    frame.d->body = body;
    return frame;
}

StompFrame StompFrame::makeTransaction(Command command, const QString &transaction)
{
    StompFrame frame(command);
    frame.addHeader("transaction", transaction.toUtf8());
    return frame;
}

bool operator==(const StompFrame &a, const StompFrame &b)
{
    if (a.d == b.d)
        return true;
    if (a.d->command != b.d->command || a.d->refs.size() != b.d->refs.size()
        || a.d->body != b.d->body)
        return false;
    for (int i = 0; i < a.d->refs.size(); ++i) {
        if (a.d->name(a.d->refs[i]) != b.d->name(b.d->refs[i])
            || a.d->value(a.d->refs[i]) != b.d->value(b.d->refs[i]))
            return false;
    }
    return true;
}

QDebug operator<<(QDebug debug, const StompFrame &frame)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "StompFrame(" << StompFrame::commandToString(frame.command());
    for (int i = 0; i < frame.headerCount(); ++i) {
        const QByteArrayView name = frame.headerName(i);
        // A passcode never reaches a log, whatever the frame.
        debug << ", " << name << ':'
              << (name == "passcode" ? QByteArrayView("********") : frame.headerValue(i));
    }
    debug << ", body " << frame.bodySize() << " bytes)";
    return debug;
}
