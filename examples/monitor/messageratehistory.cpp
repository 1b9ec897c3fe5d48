// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "messageratehistory.h"

#include <algorithm>

using namespace Qt::StringLiterals;

MessageRateHistory::MessageRateHistory(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &MessageRateHistory::sample);
    m_timer.start();
}

void MessageRateHistory::setClient(StompClient *client)
{
    if (m_client == client)
        return;
    if (m_client)
        disconnect(m_connection);
    m_client = client;
    if (m_client) {
        m_connection = connect(m_client, &StompClient::messageReceived, this,
                               [this](const StompFrame &m) { count(m.destination()); });
    }
    emit clientChanged();
}

void MessageRateHistory::setSeconds(int seconds)
{
    seconds = qBound(5, seconds, 3600);
    if (m_seconds == seconds)
        return;
    m_seconds = seconds;
    emit secondsChanged();
}

void MessageRateHistory::setMaxSeries(int count)
{
    count = qBound(1, count, 32);
    if (m_maxSeries == count)
        return;
    m_maxSeries = count;
    emit maxSeriesChanged();
    rebuildSeries();
}

void MessageRateHistory::count(const QString &destination)
{
    ++m_current[destination];
}

void MessageRateHistory::clear()
{
    m_current.clear();
    m_history.clear();
    m_nextColor = 0;
    m_peakRate = 0;
    rebuildSeries();
}

void MessageRateHistory::sample()
{
    for (auto it = m_current.cbegin(); it != m_current.cend(); ++it) {
        auto h = m_history.find(it.key());
        if (h == m_history.end()) {
            h = m_history.insert(it.key(), History{});
            h->colorIndex = m_nextColor++;
        }
    }
    m_totalRate = 0;
    for (auto h = m_history.begin(); h != m_history.end();) {
        const int n = m_current.value(h.key());
        m_totalRate += n;
        h->values.append(n);
        h->sum += n;
        while (h->values.size() > m_seconds)
            h->sum -= h->values.takeFirst();
        // A destination silent for the whole window leaves the chart.
        if (h->sum == 0 && h->values.size() >= m_seconds)
            h = m_history.erase(h);
        else
            ++h;
    }
    m_peakRate = qMax(m_peakRate, m_totalRate);
    m_current.clear();
    rebuildSeries();
}

void MessageRateHistory::rebuildSeries()
{
    QList<QString> names = m_history.keys();
    std::sort(names.begin(), names.end(), [this](const QString &a, const QString &b) {
        const qint64 sa = m_history.value(a).sum, sb = m_history.value(b).sum;
        return sa != sb ? sa > sb : a < b;
    });
    if (names.size() > m_maxSeries)
        names.resize(m_maxSeries);
    std::sort(names.begin(), names.end(), [this](const QString &a, const QString &b) {
        return m_history.value(a).colorIndex < m_history.value(b).colorIndex;
    });
    m_series.clear();
    m_maxRate = 0;
    for (const QString &name : names) {
        const History &h = m_history[name];
        QVariantList values;
        values.reserve(m_seconds);
        // Padded at the front so that every series spans the same time axis.
        for (qsizetype i = h.values.size(); i < m_seconds; ++i)
            values.append(0);
        for (int v : h.values) {
            values.append(v);
            m_maxRate = qMax<double>(m_maxRate, v);
        }
        m_series.append(QVariantMap{
                {u"destination"_s, name},
                {u"colorIndex"_s, h.colorIndex},
                {u"values"_s, values},
                {u"last"_s, h.values.isEmpty() ? 0 : h.values.last()},
        });
    }
    emit updated();
}
