// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <QtCore/qobject.h>
#include <QtCore/qstringlist.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqml.h>

/*!
    Connection profiles in QSettings (group "profiles/<name>"): URL, login, virtual host,
    version, heart-beats and subscriptions. The passcode is only written when the user ticked
    "remember passcode" for that profile (it is then stored as typed, so the checkbox says so).
*/
class ProfileStore : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList names READ names NOTIFY namesChanged)
    Q_PROPERTY(QString lastUsed READ lastUsed WRITE setLastUsed NOTIFY lastUsedChanged)

public:
    explicit ProfileStore(QObject *parent = nullptr);

    QStringList names() const;
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    /// The settings of \a name (empty map when there is none).
    Q_INVOKABLE QVariantMap load(const QString &name) const;
    /// Saves \a settings under \a name; "passcode" only when \a rememberPasscode.
    Q_INVOKABLE bool save(const QString &name, const QVariantMap &settings, bool rememberPasscode);
    Q_INVOKABLE void remove(const QString &name);
    /// Any other monitor setting (window, history limit, language, ...).
    Q_INVOKABLE QVariant value(const QString &key, const QVariant &defaultValue = {}) const;
    Q_INVOKABLE void setValue(const QString &key, const QVariant &value);

Q_SIGNALS:
    void namesChanged();
    void lastUsedChanged();
};
