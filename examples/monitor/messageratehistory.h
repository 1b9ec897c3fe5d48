// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompclient.h>

#include <QtCore/qhash.h>
#include <QtCore/qobject.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtCore/qvariant.h>
#include <QtQml/qqml.h>

/*!
    Messages per second over the last `seconds` seconds, per destination, sampled once a
    second from the client's messageReceived() (counted in C++, never per message in QML).
    `series` holds the busiest `maxSeries` destinations, each with a stable colorIndex.
*/
class MessageRateHistory : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(StompClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int seconds READ seconds WRITE setSeconds NOTIFY secondsChanged)
    Q_PROPERTY(int maxSeries READ maxSeries WRITE setMaxSeries NOTIFY maxSeriesChanged)
    Q_PROPERTY(QVariantList series READ series NOTIFY updated)
    Q_PROPERTY(double maxRate READ maxRate NOTIFY updated)
    Q_PROPERTY(double totalRate READ totalRate NOTIFY updated)
    Q_PROPERTY(double peakRate READ peakRate NOTIFY updated)

public:
    explicit MessageRateHistory(QObject *parent = nullptr);

    StompClient *client() const { return m_client; }
    void setClient(StompClient *client);
    int seconds() const { return m_seconds; }
    void setSeconds(int seconds);
    int maxSeries() const { return m_maxSeries; }
    void setMaxSeries(int count);
    /// [{destination, colorIndex, values: [oldest ... newest], last}]
    QVariantList series() const { return m_series; }
    double maxRate() const { return m_maxRate; }
    /// All destinations, the last second.
    double totalRate() const { return m_totalRate; }
    double peakRate() const { return m_peakRate; }

public Q_SLOTS:
    void count(const QString &destination);
    void clear();
    /// Closes the current second (called by the timer; public for tests).
    void sample();

Q_SIGNALS:
    void clientChanged();
    void secondsChanged();
    void maxSeriesChanged();
    void updated();

private:
    struct History {
        QList<int> values; // one per second, oldest first
        int colorIndex = 0;
        qint64 sum = 0;
    };
    void rebuildSeries();

    QPointer<StompClient> m_client;
    QMetaObject::Connection m_connection;
    QHash<QString, int> m_current;
    QHash<QString, History> m_history;
    QVariantList m_series;
    QTimer m_timer;
    int m_seconds = 60;
    int m_maxSeries = 6;
    int m_nextColor = 0;
    double m_maxRate = 0;
    double m_totalRate = 0;
    double m_peakRate = 0;
};
