// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "stompescape_p.h"

#include <QtCore/qbytearray.h>
#include <QtCore/qbytearrayview.h>

#include <charconv>

// The encoder's fast path, shared by StompFrameEncoder::encode() and by StompConnection's
// direct SEND (which has its headers as views, not as a StompFrame): one way to put a frame
// on the wire.
namespace StompEncoding {

/// True when \a v holds a byte that escaping concerns (LF, CR, ':' or '\').
bool needsEscape(QByteArrayView v);

/// Appends COMMAND, the headers \a forEachHeader passes to its callback as (name, value),
/// content-length (when \a writeLength; a header of that name is skipped: the encoder owns
/// it), the blank line, \a body and the NUL to \a out, sized exactly once. Returns false and
/// appends nothing when a header name is empty or a name or value needs escaping: the caller
/// then takes the general path, which escapes per version or refuses.
template<typename ForEachHeader>
bool appendPlain(QByteArrayView command, ForEachHeader &&forEachHeader, QByteArrayView body,
                 bool writeLength, QByteArray *out)
{
    char digits[24];
    const char *const lengthEnd = std::to_chars(digits, digits + sizeof digits, body.size()).ptr;
    qsizetype exact = command.size() + 1 + 1 + body.size() + 1;
    if (writeLength)
        exact += 15 + (lengthEnd - digits) + 1;
    bool plain = true;
    forEachHeader([&](QByteArrayView name, QByteArrayView value) {
        if (!plain)
            return;
        if (name.isEmpty() || needsEscape(name) || needsEscape(value))
            plain = false;
        else if (name != "content-length")
            exact += name.size() + 1 + value.size() + 1;
    });
    if (!plain)
        return false;
    const qsizetype start = out->size();
    out->resize(start + exact);
    char *w = out->data() + start;
    auto put = [&w](QByteArrayView v) {
        stompCopyShort(w, v.data(), v.size());
        w += v.size();
    };
    auto putWord = [&w](QByteArrayView v) { // the command and "content-length:": a few bytes
        for (char c : v)
            *w++ = c;
    };
    putWord(command);
    *w++ = '\n';
    forEachHeader([&](QByteArrayView name, QByteArrayView value) {
        if (name == "content-length")
            return;
        put(name);
        *w++ = ':';
        put(value);
        *w++ = '\n';
    });
    if (writeLength) {
        putWord("content-length:");
        for (const char *c = digits; c != lengthEnd; ++c)
            *w++ = *c;
        *w++ = '\n';
    }
    *w++ = '\n';
    put(body);
    *w++ = '\0';
    Q_ASSERT(w == out->data() + out->size());
    return true;
}

} // namespace StompEncoding
