// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/qglobal.h>

#if defined(STOMPQTQML_STATIC)
#  define STOMPQTQML_EXPORT
#elif defined(STOMPQTQML_BUILDING_LIBRARY)
#  define STOMPQTQML_EXPORT Q_DECL_EXPORT
#else
#  define STOMPQTQML_EXPORT Q_DECL_IMPORT
#endif
