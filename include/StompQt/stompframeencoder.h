// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompframe.h>

/*!
    Turns frames into bytes for one protocol version.

    Header names and values are escaped as the version requires (never for CONNECT, STOMP
    and CONNECTED). A content-length header is written for every body unless the caller
    opts out; a frame that cannot be written correctly in the chosen version (a line feed
    in a STOMP 1.0 value, a NUL in a body without content-length, ...) is refused with a
    reason instead of producing a corrupt frame.
*/
class STOMPQT_EXPORT StompFrameEncoder
{
public:
    enum Option {
        NoOption = 0,
        /// Omit content-length (ActiveMQ maps a SEND without it to a TextMessage).
        OmitContentLength = 0x1,
    };
    Q_DECLARE_FLAGS(Options, Option)

    /// Appends the encoded frame to \a out. On failure returns false, leaves \a out as it
    /// was and sets \a errorString.
    static bool encode(const StompFrame &frame, StompFrame::Version version, QByteArray *out,
                       Options options = NoOption, QString *errorString = nullptr);
    /// Convenience form; returns an empty array on failure.
    static QByteArray encode(const StompFrame &frame,
                             StompFrame::Version version = StompFrame::Version::V1_2,
                             Options options = NoOption, QString *errorString = nullptr);
    /// A heart-beat is one end-of-line.
    static QByteArray heartBeat() { return QByteArrayLiteral("\n"); }

    static QByteArray escape(QByteArrayView raw, StompFrame::Version version, bool isHeaderOfUnescapedCommand);
};

Q_DECLARE_OPERATORS_FOR_FLAGS(StompFrameEncoder::Options)
