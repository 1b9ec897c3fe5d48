// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompframe.h>

#include <QtCore/qvarlengtharray.h>

#include <limits>

// Headers live in one byte block (names and values back to back) with offsets into it, so
// a parsed frame costs three allocations whatever its header count.
struct StompHeaderRef
{
    quint32 nameOffset;
    quint32 nameLength;
    quint32 valueOffset;
    quint32 valueLength;
};

class StompFramePrivate : public QSharedData
{
public:
    QByteArrayView name(const StompHeaderRef &r) const
    { return QByteArrayView(headerData.constData() + r.nameOffset, r.nameLength); }
    QByteArrayView value(const StompHeaderRef &r) const
    { return QByteArrayView(headerData.constData() + r.valueOffset, r.valueLength); }
    int indexOf(QByteArrayView name) const;
    void append(QByteArrayView name, QByteArrayView value);

    QByteArray headerData;
    QVarLengthArray<StompHeaderRef, 8> refs;
    QByteArray body;
    // Milliseconds since the epoch (UTC), kNoTimestamp when unset: a QDateTime member would cost
    // two calls into Qt Core for every frame built or destroyed.
    static constexpr qint64 kNoTimestamp = std::numeric_limits<qint64>::min();
    qint64 timestampMs = kNoTimestamp;
    quint64 connectionTag = 0; // which connection delivered it; an ACK must go back there
    StompFrame::Command command = StompFrame::Invalid;
};
