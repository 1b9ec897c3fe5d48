// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "stompqtqml_global.h"

#include <StompQt/stompframe.h>

#include <QtCore/qpointer.h>
#include <QtCore/qregularexpression.h>
#include <QtCore/qsortfilterproxymodel.h>
#include <QtQml/qqml.h>

class StompMessageModel;

/*!
    The messages of a StompMessageModel whose destination and text match.

    destinationFilter matches the destination as a substring, or as a pattern when it has
    '*' (any characters) or '#'/'>' at the end (anything below); textFilter is a substring
    (or, with regularExpression, a pattern) looked for in the body and the header values.
    Both ignore case unless caseSensitive is set.

    \qml
    StompMessageFilterModel { id: visible; messages: messageModel; textFilter: search.text }
    \endqml
*/
class STOMPQTQML_EXPORT StompMessageFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("stompmessagemodel.h")
    QML_ELEMENT
    Q_PROPERTY(StompMessageModel *messages READ messages WRITE setMessages NOTIFY messagesChanged)
    Q_PROPERTY(QString destinationFilter READ destinationFilter WRITE setDestinationFilter NOTIFY destinationFilterChanged)
    Q_PROPERTY(QString textFilter READ textFilter WRITE setTextFilter NOTIFY textFilterChanged)
    Q_PROPERTY(bool regularExpression READ isRegularExpression WRITE setRegularExpression NOTIFY regularExpressionChanged)
    Q_PROPERTY(bool caseSensitive READ isCaseSensitive WRITE setCaseSensitive NOTIFY caseSensitiveChanged)
    Q_PROPERTY(bool filtering READ isFiltering NOTIFY filteringChanged)
    Q_PROPERTY(bool validFilter READ isValidFilter NOTIFY filteringChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit StompMessageFilterModel(QObject *parent = nullptr);

    StompMessageModel *messages() const;
    void setMessages(StompMessageModel *messages);
    QString destinationFilter() const { return m_destinationFilter; }
    void setDestinationFilter(const QString &filter);
    QString textFilter() const { return m_textFilter; }
    void setTextFilter(const QString &filter);
    bool isRegularExpression() const { return m_regularExpression; }
    void setRegularExpression(bool on);
    bool isCaseSensitive() const { return m_caseSensitive; }
    void setCaseSensitive(bool on);
    bool isFiltering() const { return !m_destinationFilter.isEmpty() || !m_textFilter.isEmpty(); }
    /// False when regularExpression is set and textFilter is not a valid pattern.
    bool isValidFilter() const;
    int count() const { return rowCount(); }

    /// The message in (filtered) \a row.
    Q_INVOKABLE StompFrame get(int row) const;
    /// The row of the source model for (filtered) \a row, or -1.
    Q_INVOKABLE int sourceRow(int row) const;
    /// The filtered row showing source \a row, or -1 when filtered out.
    Q_INVOKABLE int rowForSource(int sourceRow) const;
    /// Same as StompMessageModel::roleValue() for a filtered row.
    Q_INVOKABLE QVariant roleValue(int row, const QString &roleName) const;
    /// The messages in all (filtered) rows, oldest first.
    QList<StompFrame> frames() const;

    bool matches(const StompFrame &frame) const;

Q_SIGNALS:
    void messagesChanged();
    void destinationFilterChanged();
    void textFilterChanged();
    void regularExpressionChanged();
    void caseSensitiveChanged();
    void filteringChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void rebuild();

    QPointer<StompMessageModel> m_messages;
    QString m_destinationFilter;
    QString m_textFilter;
    QRegularExpression m_destinationPattern; // when the destination filter has wildcards
    QRegularExpression m_textPattern;
    bool m_regularExpression = false;
    bool m_caseSensitive = false;
};
