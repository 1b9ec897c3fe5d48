// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompqmlconvert_p.h"

#include <QtQml/qjsvalue.h>

namespace StompQml {

static QVariant unwrap(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QJSValue>())
        return value.value<QJSValue>().toVariant();
    return value;
}

StompHeaders headersFromVariant(const QVariant &input)
{
    const QVariant value = unwrap(input);
    StompHeaders headers;
    if (!value.isValid() || value.isNull())
        return headers;
    if (value.metaType() == QMetaType::fromType<QVariantMap>()) {
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    } else if (value.metaType() == QMetaType::fromType<QVariantHash>()) {
        const QVariantHash hash = value.toHash();
        for (auto it = hash.cbegin(); it != hash.cend(); ++it)
            headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    } else if (value.canConvert<QVariantList>()) {
        const QVariantList list = value.toList();
        for (const QVariant &entry : list) {
            const QVariantList pair = unwrap(entry).toList();
            if (pair.size() >= 2 && !pair.at(0).toString().isEmpty())
                headers.append({pair.at(0).toString().toUtf8(), pair.at(1).toString().toUtf8()});
        }
    }
    return headers;
}

QVariantList headersToVariant(const StompHeaders &headers)
{
    QVariantList list;
    list.reserve(headers.size());
    for (const auto &h : headers)
        list.append(QVariant(QVariantList{QString::fromUtf8(h.first), QString::fromUtf8(h.second)}));
    return list;
}

QByteArray bodyFromVariant(const QVariant &input)
{
    const QVariant value = unwrap(input);
    if (value.metaType() == QMetaType::fromType<QByteArray>())
        return value.toByteArray();
    if (!value.isValid() || value.isNull())
        return {};
    return value.toString().toUtf8();
}

} // namespace StompQml
