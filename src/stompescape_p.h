// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompframe.h>

#include <cstring>

// Header lines and small bodies are a few dozen bytes: inline 8-byte moves beat a call into
// the C library's memcpy, whose wide-register variants cost several times more for such
// sizes (measured: a third of the parser's time went into those calls). Parser and encoder.
inline void stompCopyShort(char *dst, const char *src, qsizetype n)
{
    if (n > 64) {
        std::memcpy(dst, src, size_t(n));
        return;
    }
    while (n >= 8) {
        quint64 w;
        std::memcpy(&w, src, 8);
        std::memcpy(dst, &w, 8);
        src += 8;
        dst += 8;
        n -= 8;
    }
    while (n-- > 0)
        *dst++ = *src++;
}

// Header escaping per version (STOMP 1.1: \n \c \\; STOMP 1.2 adds \r). One place, used by
// the parser and the encoder, so both directions always agree.
namespace StompEscape {

/// Writes the unescaped form of \a in to \a out, which has room for in.size() bytes (the
/// unescaped form is never longer), and returns its length. On an undefined escape returns
/// -1 and sets \a badPos to the escape's offset in \a in.
///
/// The parser calls this for every header line that holds a backslash (ActiveMQ escapes the
/// colons of each message-id and ack header). A byte loop: header lines are a few dozen
/// bytes, where a memchr() call per run between escapes cost more than the copying.
inline qsizetype unescapeTo(QByteArrayView in, StompFrame::Version version, char *out,
                            qsizetype *badPos)
{
    char *w = out;
    const char *p = in.data();
    const char *const end = p + in.size();
    while (p < end) {
        char c = *p++;
        if (c == '\\') {
            switch (p < end ? *p : 0) {
            case 'n': c = '\n'; break;
            case 'c': c = ':'; break;
            case '\\': c = '\\'; break;
            case 'r':
                if (version == StompFrame::Version::V1_2) {
                    c = '\r';
                    break;
                }
                Q_FALLTHROUGH();
            default: // an undefined escape, or a backslash that ends the text
                *badPos = p - 1 - in.data();
                return -1;
            }
            ++p;
        }
        *w++ = c;
    }
    return w - out;
}

} // namespace StompEscape
