// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompframe.h>

#include <QtCore/qbytearray.h>
#include <QtCore/qstring.h>

#include <optional>

// How `stompqt subscribe` prints messages and how -v prints frames. Pure functions of a
// frame, so that tests can pin the exact bytes without a broker.
namespace StompCli {

enum class OutputFormat {
    Text, ///< the body, then a newline
    Json, ///< one JSON object per line, headers in wire order
    Raw,  ///< the body bytes, nothing else
};

std::optional<OutputFormat> parseOutputFormat(const QString &name);

/// Decodes \a bytes as strict UTF-8: no overlong forms, surrogates or truncated sequences;
/// a leading BOM is kept as U+FEFF (it is part of the body). Null when not valid UTF-8.
std::optional<QString> decodeUtf8Strict(QByteArrayView bytes);

/// \a text as a JSON string literal, quotes included. Non-ASCII characters stay UTF-8;
/// '"', '\\' and the control characters are escaped.
QByteArray jsonString(QStringView text);

/// {"command":"MESSAGE","headers":[["name","value"],...],"body":"..."} and a newline.
/// "body_base64" replaces "body" when the body is not valid UTF-8. Header names and
/// values are decoded as UTF-8 (invalid sequences become U+FFFD).
QByteArray toJsonLine(const StompFrame &frame);

QByteArray formatMessage(const StompFrame &frame, OutputFormat format);

/// One frame for -v on stderr: ">>> " (sent) or "<<< " (received) and the command, one
/// header per line with control characters escaped and the passcode masked, then the
/// body size and the start of a UTF-8 body.
QByteArray describeFrame(const StompFrame &frame, bool outgoing);

} // namespace StompCli
