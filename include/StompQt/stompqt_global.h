// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/qglobal.h>

#if defined(STOMPQT_STATIC)
#  define STOMPQT_EXPORT
#elif defined(STOMPQT_BUILDING_LIBRARY)
#  define STOMPQT_EXPORT Q_DECL_EXPORT
#else
#  define STOMPQT_EXPORT Q_DECL_IMPORT
#endif
