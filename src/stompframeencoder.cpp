// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompframeencoder.h>

#include <QtCore/qcoreapplication.h>

#include "stompframe_p.h"
#include "stompframeencoder_p.h"

#include <array>

#include <charconv>

namespace {

QString tr(const char *s) { return QCoreApplication::translate("StompFrameEncoder", s); }

// The four bytes that escaping concerns, as a table: one load per byte instead of four tests.
constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> t{};
    t[uchar('\n')] = t[uchar('\r')] = t[uchar(':')] = t[uchar('\\')] = true;
    return t;
}();

} // namespace

bool StompEncoding::needsEscape(QByteArrayView v)
{
    for (char c : v) {
        if (kSpecial[uchar(c)])
            return true;
    }
    return false;
}

namespace {
using StompEncoding::needsEscape;

// Appends \a raw escaped for \a version; returns false with a reason when the version
// cannot carry it. \a isName: a ':' cannot appear unescaped in a name.
bool appendEscaped(QByteArray *out, QByteArrayView raw, StompFrame::Version version, bool verbatim,
                   bool isName, QString *why)
{
    if (!needsEscape(raw)) {
        out->append(raw.data(), raw.size());
        return true;
    }
    const bool escapes = !verbatim && version != StompFrame::Version::V1_0;
    for (char c : raw) {
        switch (c) {
        case '\n':
            if (!escapes) {
                *why = tr("a line feed cannot be sent in this header");
                return false;
            }
            out->append("\\n", 2);
            break;
        case '\r':
            if (!escapes || version == StompFrame::Version::V1_1) {
                *why = tr("a carriage return cannot be sent in this header");
                return false;
            }
            out->append("\\r", 2);
            break;
        case ':':
            if (escapes)
                out->append("\\c", 2);
            else if (isName) {
                *why = tr("a colon cannot be sent in this header name");
                return false;
            } else
                out->append(':');
            break;
        case '\\':
            if (escapes)
                out->append("\\\\", 2);
            else
                out->append('\\');
            break;
        default:
            out->append(c);
        }
    }
    return true;
}

} // namespace

QByteArray StompFrameEncoder::escape(QByteArrayView raw, StompFrame::Version version,
                                     bool isHeaderOfUnescapedCommand)
{
    QByteArray out;
    QString why;
    if (!appendEscaped(&out, raw, version, isHeaderOfUnescapedCommand, false, &why))
        return {};
    return out;
}

bool StompFrameEncoder::encode(const StompFrame &frame, StompFrame::Version version,
                               QByteArray *out, Options options, QString *errorString)
{
    const qsizetype start = out->size();
    auto refuse = [&](const QString &why) {
        out->truncate(start);
        if (errorString)
            *errorString = tr("cannot encode %1 frame: %2")
                                   .arg(QString::fromLatin1(StompFrame::commandToString(frame.command())), why);
        return false;
    };
    const QByteArrayView command = StompFrame::commandToString(frame.command());
    if (command.isEmpty())
        return refuse(tr("invalid command"));

    const QByteArray &body = frame.d->body; // body() would copy it: two atomic operations
    const bool verbatim = StompFrame::isUnescapedCommand(frame.command());
    const bool mayCarryBody = frame.command() == StompFrame::Send
            || frame.command() == StompFrame::Message || frame.command() == StompFrame::Error;
    const bool writeLength = !(options & OmitContentLength) && (mayCarryBody || !body.isEmpty());
    if (!writeLength && body.contains('\0'))
        return refuse(tr("a body with NUL bytes needs a content-length header"));

    // Fast path, the common case: nothing to escape.
    const StompFramePrivate *fd = frame.d.constData(); // no calls through the PLT per header
    const bool plain = StompEncoding::appendPlain(
            command,
            [fd](auto &&visit) {
                for (const StompHeaderRef &r : fd->refs)
                    visit(fd->name(r), fd->value(r));
            },
            body, writeLength, out);
    if (plain)
        return true;

    qsizetype estimate = command.size() + body.size() + 32;
    for (int i = 0; i < frame.headerCount(); ++i)
        estimate += frame.headerName(i).size() + frame.headerValue(i).size() + 2;
    out->reserve(start + estimate);

    out->append(command.data(), command.size());
    out->append('\n');
    QString why;
    for (int i = 0; i < frame.headerCount(); ++i) {
        const QByteArrayView name = frame.headerName(i);
        if (name.isEmpty())
            return refuse(tr("empty header name"));
        // The encoder owns content-length: a caller's value could contradict the body.
        if (name == "content-length")
            continue;
        if (!appendEscaped(out, name, version, verbatim, true, &why))
            return refuse(why);
        out->append(':');
        if (!appendEscaped(out, frame.headerValue(i), version, verbatim, false, &why))
            return refuse(why);
        out->append('\n');
    }
    if (writeLength) {
        out->append("content-length:", 15);
        out->append(QByteArray::number(body.size()));
        out->append('\n');
    }
    out->append('\n');
    out->append(body);
    out->append('\0');
    return true;
}

QByteArray StompFrameEncoder::encode(const StompFrame &frame, StompFrame::Version version,
                                     Options options, QString *errorString)
{
    QByteArray out;
    encode(frame, version, &out, options, errorString);
    return out;
}
