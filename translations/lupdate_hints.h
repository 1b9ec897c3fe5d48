// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Not compiled: extra input for lupdate (see examples/monitor/CMakeLists.txt).
//
// A few library strings reach the translator in a context lupdate cannot see: a local `tr`
// lambda in StompFrameParserPrivate (run-time context StompFrameParser), free functions in
// stompframeencoder.cpp (StompFrameEncoder), and the transports, which inherit
// StompTransport::tr (StompTransport). They are listed here with their run-time context so
// that the .ts files carry them. Remove an entry once the library calls
// QCoreApplication::translate("<context>", "...") directly.

#include <QtCore/qglobal.h>

static const char *const stompqt_lupdate_hints[] = {
    QT_TRANSLATE_NOOP("StompFrameParser", "more than %1 headers"),
    QT_TRANSLATE_NOOP("StompFrameParser", "header line without ':'"),
    QT_TRANSLATE_NOOP("StompFrameParser", "empty header name"),
    QT_TRANSLATE_NOOP("StompFrameParser", "undefined escape sequence in header name"),
    QT_TRANSLATE_NOOP("StompFrameParser", "undefined escape sequence in header value"),
    QT_TRANSLATE_NOOP("StompFrameParser", "invalid content-length '%1'"),
    QT_TRANSLATE_NOOP("StompFrameParser", "content-length %1 exceeds the limit of %2 bytes"),
    QT_TRANSLATE_NOOP("StompFrameEncoder", "a line feed cannot be sent in this header"),
    QT_TRANSLATE_NOOP("StompFrameEncoder", "a carriage return cannot be sent in this header"),
    QT_TRANSLATE_NOOP("StompFrameEncoder", "a colon cannot be sent in this header name"),
    QT_TRANSLATE_NOOP("StompTransport", "TLS handshake failed: %1"),
    QT_TRANSLATE_NOOP("StompTransport", "more than %1 bytes arrived over WebSocket while reading was paused"),
    QT_TRANSLATE_NOOP("StompTransport", "the WebSocket was closed with code %1: %2"),
};
