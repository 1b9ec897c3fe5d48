// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "messageformat.h"

#include <QtCore/qstringconverter.h>

using namespace Qt::StringLiterals;

namespace StompCli {

namespace {

// Escapes for one JSON string, without the quotes.
void appendJsonEscaped(QString *out, QStringView text)
{
    out->reserve(out->size() + text.size() + 8);
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"': out->append(u"\\\""); break;
        case u'\\': out->append("\\\\"_L1); break;
        case u'\b': out->append("\\b"_L1); break;
        case u'\f': out->append("\\f"_L1); break;
        case u'\n': out->append("\\n"_L1); break;
        case u'\r': out->append("\\r"_L1); break;
        case u'\t': out->append("\\t"_L1); break;
        default:
            if (c < 0x20 || c == 0x7f)
                out->append(u"\\u%1"_s.arg(uint(c), 4, 16, QLatin1Char('0')));
            else
                out->append(ch);
        }
    }
}

constexpr qsizetype kVerboseBodyPreview = 200;

} // namespace

std::optional<OutputFormat> parseOutputFormat(const QString &name)
{
    if (name == "text"_L1)
        return OutputFormat::Text;
    if (name == "json"_L1)
        return OutputFormat::Json;
    if (name == "raw"_L1)
        return OutputFormat::Raw;
    return std::nullopt;
}

std::optional<QString> decodeUtf8Strict(QByteArrayView bytes)
{
    // Stateless: a sequence cut off at the end is an error, not a wait for more input.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QByteArray jsonString(QStringView text)
{
    QString out;
    out.append(u'"');
    appendJsonEscaped(&out, text);
    out.append(u'"');
    return out.toUtf8();
}

QByteArray toJsonLine(const StompFrame &frame)
{
    return frame.toJsonLine(); // one format for the tool, the monitor and the library
}

QByteArray formatMessage(const StompFrame &frame, OutputFormat format)
{
    switch (format) {
    case OutputFormat::Text:
        return frame.body() + '\n';
    case OutputFormat::Json:
        return toJsonLine(frame);
    case OutputFormat::Raw:
        return frame.body();
    }
    return {};
}

QByteArray describeFrame(const StompFrame &frame, bool outgoing)
{
    QString out = outgoing ? u">>> "_s : u"<<< "_s;
    out += frame.commandName();
    out += u'\n';
    for (int i = 0; i < frame.headerCount(); ++i) {
        const QByteArrayView name = frame.headerName(i);
        out += u"    "_s;
        appendJsonEscaped(&out, QString::fromUtf8(name));
        out += u':';
        // Never print a passcode, whichever way the frame went and whatever the library did.
        if (name == "passcode")
            out += u"********"_s;
        else
            appendJsonEscaped(&out, QString::fromUtf8(frame.headerValue(i)));
        out += u'\n';
    }
    const QByteArray body = frame.body();
    if (!body.isEmpty()) {
        out += u"    (body: %1 bytes"_s.arg(body.size());
        if (const auto text = decodeUtf8Strict(body)) {
            out += u") "_s;
            out += QString::fromUtf8(jsonString(QStringView(*text).left(kVerboseBodyPreview)));
            if (text->size() > kVerboseBodyPreview)
                out += u"..."_s;
        } else {
            out += u", binary)"_s;
        }
        out += u'\n';
    }
    return out.toUtf8();
}

} // namespace StompCli
