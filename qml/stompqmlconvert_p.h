// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Conversions between what QML passes around (JS objects, arrays, strings, ArrayBuffers)
// and the library's value types.

#include <StompQt/stompframe.h>

#include <QtCore/qvariant.h>

namespace StompQml {

/// Headers from a JS object ({name: value}) or an ordered list ([[name, value], ...]);
/// the list form keeps the order and allows repeated names.
StompHeaders headersFromVariant(const QVariant &value);
/// [[name, value], ...] in order.
QVariantList headersToVariant(const StompHeaders &headers);
/// A string is sent as UTF-8; an ArrayBuffer as its bytes.
QByteArray bodyFromVariant(const QVariant &value);

} // namespace StompQml
