// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "profilestore.h"

#include <QtCore/qsettings.h>

using namespace Qt::StringLiterals;

// Profile names may hold any character; QSettings keys may not hold '/' or '\'.
static QString groupFor(const QString &name)
{
    return u"profiles/"_s + QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

ProfileStore::ProfileStore(QObject *parent) : QObject(parent) {}

QStringList ProfileStore::names() const
{
    QSettings settings;
    settings.beginGroup(u"profiles"_s);
    QStringList names;
    for (const QString &group : settings.childGroups())
        names.append(QString::fromUtf8(QByteArray::fromPercentEncoding(group.toLatin1())));
    names.sort(Qt::CaseInsensitive);
    return names;
}

QString ProfileStore::lastUsed() const
{
    return QSettings().value(u"lastProfile"_s).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    if (name == lastUsed())
        return;
    QSettings().setValue(u"lastProfile"_s, name);
    emit lastUsedChanged();
}

QVariantMap ProfileStore::load(const QString &name) const
{
    QSettings settings;
    settings.beginGroup(groupFor(name));
    QVariantMap map;
    for (const QString &key : settings.childKeys())
        map.insert(key, settings.value(key));
    map.insert(u"rememberPasscode"_s, settings.contains(u"passcode"_s));
    return map;
}

bool ProfileStore::save(const QString &name, const QVariantMap &values, bool rememberPasscode)
{
    if (name.trimmed().isEmpty())
        return false;
    const bool isNew = !names().contains(name);
    QSettings settings;
    settings.remove(groupFor(name));
    settings.beginGroup(groupFor(name));
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key() == "passcode"_L1 || it.key() == "rememberPasscode"_L1)
            continue;
        settings.setValue(it.key(), it.value());
    }
    if (rememberPasscode)
        settings.setValue(u"passcode"_s, values.value(u"passcode"_s));
    settings.endGroup();
    settings.sync();
    if (isNew)
        emit namesChanged();
    return settings.status() == QSettings::NoError;
}

void ProfileStore::remove(const QString &name)
{
    QSettings settings;
    settings.remove(groupFor(name));
    if (lastUsed() == name)
        setLastUsed({});
    emit namesChanged();
}

QVariant ProfileStore::value(const QString &key, const QVariant &defaultValue) const
{
    return QSettings().value(u"monitor/"_s + key, defaultValue);
}

void ProfileStore::setValue(const QString &key, const QVariant &value)
{
    QSettings().setValue(u"monitor/"_s + key, value);
}
