// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompmessagefiltermodel.h"

#include "stompmessagemodel.h"

StompMessageFilterModel::StompMessageFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    const auto notifyCount = [this] { emit countChanged(); };
    connect(this, &QAbstractItemModel::rowsInserted, this, notifyCount);
    connect(this, &QAbstractItemModel::rowsRemoved, this, notifyCount);
    connect(this, &QAbstractItemModel::modelReset, this, notifyCount);
    connect(this, &QAbstractItemModel::layoutChanged, this, notifyCount);
}

StompMessageModel *StompMessageFilterModel::messages() const { return m_messages; }

void StompMessageFilterModel::setMessages(StompMessageModel *messages)
{
    if (m_messages == messages)
        return;
    m_messages = messages;
    setSourceModel(messages);
    emit messagesChanged();
    emit countChanged();
}

void StompMessageFilterModel::setDestinationFilter(const QString &filter)
{
    if (m_destinationFilter == filter)
        return;
    m_destinationFilter = filter;
    emit destinationFilterChanged();
    rebuild();
}

void StompMessageFilterModel::setTextFilter(const QString &filter)
{
    if (m_textFilter == filter)
        return;
    m_textFilter = filter;
    emit textFilterChanged();
    rebuild();
}

void StompMessageFilterModel::setRegularExpression(bool on)
{
    if (m_regularExpression == on)
        return;
    m_regularExpression = on;
    emit regularExpressionChanged();
    rebuild();
}

void StompMessageFilterModel::setCaseSensitive(bool on)
{
    if (m_caseSensitive == on)
        return;
    m_caseSensitive = on;
    emit caseSensitiveChanged();
    rebuild();
}

bool StompMessageFilterModel::isValidFilter() const
{
    return !m_regularExpression || m_textFilter.isEmpty() || m_textPattern.isValid();
}

void StompMessageFilterModel::rebuild()
{
    const auto options = m_caseSensitive ? QRegularExpression::NoPatternOption
                                         : QRegularExpression::CaseInsensitiveOption;
    const QString d = m_destinationFilter.trimmed();
    if (d.contains(u'*') || d.endsWith(u'#') || d.endsWith(u'>')) {
        // Broker-style wildcards: '*' any characters, a trailing '#' or '>' anything below.
        QString pattern;
        for (const QChar c : d) {
            if (c == u'*')
                pattern += QStringLiteral(".*");
            else
                pattern += QRegularExpression::escape(QString(c));
        }
        if (d.endsWith(u'#') || d.endsWith(u'>')) {
            pattern.chop(QRegularExpression::escape(d.right(1)).size());
            pattern += QStringLiteral(".*");
        }
        m_destinationPattern = QRegularExpression(QRegularExpression::anchoredPattern(pattern), options);
    } else {
        m_destinationPattern = QRegularExpression();
    }
    m_textPattern = m_regularExpression ? QRegularExpression(m_textFilter, options) : QRegularExpression();
    invalidateFilter();
    emit filteringChanged();
    emit countChanged();
}

bool StompMessageFilterModel::matches(const StompFrame &frame) const
{
    const Qt::CaseSensitivity cs = m_caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const QString destinationFilter = m_destinationFilter.trimmed();
    if (!destinationFilter.isEmpty()) {
        const QString destination = frame.destination();
        const bool ok = m_destinationPattern.pattern().isEmpty()
                ? destination.contains(destinationFilter, cs)
                : m_destinationPattern.match(destination).hasMatch();
        if (!ok)
            return false;
    }
    if (m_textFilter.isEmpty())
        return true;
    if (m_regularExpression && !m_textPattern.isValid())
        return false;
    const auto found = [&](const QString &text) {
        return m_regularExpression ? m_textPattern.match(text).hasMatch() : text.contains(m_textFilter, cs);
    };
    if (found(frame.text()))
        return true;
    for (int i = 0; i < frame.headerCount(); ++i) {
        if (found(QString::fromUtf8(frame.headerValue(i))))
            return true;
    }
    return false;
}

bool StompMessageFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering() || !m_messages)
        return true;
    Q_UNUSED(sourceParent);
    return matches(m_messages->get(sourceRow));
}

StompFrame StompMessageFilterModel::get(int row) const
{
    const int source = sourceRow(row);
    return m_messages && source >= 0 ? m_messages->get(source) : StompFrame();
}

int StompMessageFilterModel::sourceRow(int row) const
{
    if (row < 0 || row >= rowCount())
        return -1;
    return mapToSource(index(row, 0)).row();
}

int StompMessageFilterModel::rowForSource(int sourceRow) const
{
    if (!m_messages || sourceRow < 0 || sourceRow >= m_messages->rowCount())
        return -1;
    const QModelIndex i = mapFromSource(m_messages->index(sourceRow, 0));
    return i.isValid() ? i.row() : -1;
}

QVariant StompMessageFilterModel::roleValue(int row, const QString &roleName) const
{
    const int source = sourceRow(row);
    return m_messages && source >= 0 ? m_messages->roleValue(source, roleName) : QVariant();
}

QList<StompFrame> StompMessageFilterModel::frames() const
{
    QList<StompFrame> list;
    const int rows = rowCount();
    list.reserve(rows);
    for (int r = 0; r < rows; ++r)
        list.append(get(r));
    return list;
}
