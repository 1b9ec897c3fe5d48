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

/// Appends the unescaped form of \a in to \a out. On an undefined escape returns false and
/// sets \a badPos to its offset in \a in.
inline bool unescapeAppend(QByteArrayView in, StompFrame::Version version, QByteArray *out,
                           qsizetype *badPos)
{
    const char *p = in.data();
    const qsizetype n = in.size();
    const void *first = n ? std::memchr(p, '\\', size_t(n)) : nullptr;
    if (!first) {
        out->append(p, n);
        return true;
    }
    qsizetype i = static_cast<const char *>(first) - p;
    out->append(p, i);
    while (i < n) {
        const char c = p[i];
        if (c != '\\') {
            out->append(c);
            ++i;
            continue;
        }
        if (i + 1 >= n) {
            *badPos = i;
            return false;
        }
        switch (p[i + 1]) {
        case 'n': out->append('\n'); break;
        case 'c': out->append(':'); break;
        case '\\': out->append('\\'); break;
        case 'r':
            if (version == StompFrame::Version::V1_2) {
                out->append('\r');
                break;
            }
            Q_FALLTHROUGH();
        default:
            *badPos = i;
            return false;
        }
        i += 2;
    }
    return true;
}

} // namespace StompEscape
