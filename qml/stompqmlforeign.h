// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

// Registers the library's own types with QML without touching them (QML_FOREIGN):
// the client as a creatable type with QML-only helpers added by an extension object,
// the subscription objects the client owns, and the frame as a value type.

#include "stompclientqmlextension.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompframe.h>
#include <StompQt/stompsubscription.h>

#include <QtQml/qqml.h>

struct StompClientForeign
{
    Q_GADGET
    QML_FOREIGN(StompClient)
    QML_NAMED_ELEMENT(StompClient)
    QML_EXTENDED(StompClientQmlExtension)
};

// The QML name StompSubscription belongs to the declarative wrapper (StompQmlSubscription);
// the library's own subscription objects are reachable through its `subscription` property.
struct StompClientSubscriptionForeign
{
    Q_GADGET
    QML_FOREIGN(StompSubscription)
    QML_ANONYMOUS
};

struct StompFrameForeign
{
    Q_GADGET
    QML_FOREIGN(StompFrame)
    QML_VALUE_TYPE(stompFrame)
};
