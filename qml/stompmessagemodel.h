// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include "stompqtqml_global.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompframe.h>

#include <QtCore/qabstractitemmodel.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qhash.h>
#include <QtCore/qlist.h>
#include <QtCore/qpointer.h>
#include <QtCore/qtimer.h>
#include <QtQml/qqml.h>

#include "stompqmlsubscription.h"

/*!
    The messages a client (or one subscription) received, oldest first, for list views and
    dashboards.

    Messages are collected and inserted in batches (every batchInterval ms, 50 by default),
    so that thousands of messages a second cost one model update per batch instead of one
    per message. At most capacity messages are kept; older ones are dropped and counted in
    droppedCount. While paused, arriving messages wait (bounded by capacity as well) and are
    inserted on resume. The change signals of count, totalCount, pendingCount and droppedCount
    come with the batches as well, so that bindings to them cost nothing per message.

    \qml
    StompMessageModel { id: messages; client: client; capacity: 5000 }
    ListView { model: messages; delegate: Text { text: model.destination + " " + model.firstLine } }
    \endqml
*/
class STOMPQTQML_EXPORT StompMessageModel : public QAbstractListModel
{
    Q_OBJECT
    Q_MOC_INCLUDE("stompqmlsubscription.h")
    QML_ELEMENT
    Q_PROPERTY(StompClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(StompQmlSubscription *subscription READ subscription WRITE setSubscription NOTIFY subscriptionChanged)
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)
    Q_PROPERTY(int batchInterval READ batchInterval WRITE setBatchInterval NOTIFY batchIntervalChanged)
    Q_PROPERTY(bool paused READ isPaused WRITE setPaused NOTIFY pausedChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(qint64 droppedCount READ droppedCount NOTIFY droppedCountChanged)
    Q_PROPERTY(qint64 totalCount READ totalCount NOTIFY totalCountChanged)

public:
    enum Role {
        MessageRole = Qt::UserRole + 1,
        TimeRole,
        TimeTextRole,
        DestinationRole,
        SubscriptionRole,            ///< the subscription id (the MESSAGE's subscription header)
        SubscriptionDestinationRole, ///< what that subscription subscribed to, when known
        SizeRole,
        FirstLineRole,
        HeadersRole,                 ///< [[name, value], ...] in wire order
        HeaderMapRole,
        TextRole,
        MessageIdRole,
        ContentTypeRole,
        BinaryRole,                  ///< the body is not UTF-8 text
        SequenceRole,                ///< 1 for the first message received, then 2, 3, ...
    };
    Q_ENUM(Role)

    explicit StompMessageModel(QObject *parent = nullptr);
    ~StompMessageModel() override;

    StompClient *client() const { return m_client; }
    /// Every MESSAGE the client receives is added.
    void setClient(StompClient *client);
    StompQmlSubscription *subscription() const { return m_subscription; }
    /// Only this subscription's messages are added (use instead of client).
    void setSubscription(StompQmlSubscription *subscription);
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    int batchInterval() const { return m_batchInterval; }
    void setBatchInterval(int msecs);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    int count() const { return int(m_rows.size()); }
    int pendingCount() const { return int(m_pending.size()); }
    qint64 droppedCount() const { return m_dropped; }
    qint64 totalCount() const { return m_total; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The message in \a row (an invalid stompFrame when out of range).
    Q_INVOKABLE StompFrame get(int row) const;
    /// Same as data() for a role name ("destination", "firstLine", ...).
    Q_INVOKABLE QVariant roleValue(int row, const QString &roleName) const;
    Q_INVOKABLE QString subscriptionDestination(int row) const;
    Q_INVOKABLE qint64 sequence(int row) const;

    /// The first line of \a frame's body, shortened to \a maxLength characters; for a binary
    /// body a short description instead.
    static QString firstLine(const StompFrame &frame, int maxLength = 200);
    /// True when the body is not valid UTF-8 or contains NUL or other control characters
    /// (other than tab, CR, LF).
    static bool isBinary(const StompFrame &frame);

public Q_SLOTS:
    /// Queues \a message for the next batch.
    void append(const StompFrame &message);
    /// Inserts what is pending now (also while paused).
    void flush();
    void clear();

Q_SIGNALS:
    void clientChanged();
    void subscriptionChanged();
    void capacityChanged();
    void batchIntervalChanged();
    void pausedChanged();
    void countChanged();
    void pendingCountChanged();
    void droppedCountChanged();
    void totalCountChanged();
    /// After each batch was inserted.
    void batchInserted(int first, int last);

private:
    struct Row {
        StompFrame frame;
        QString subscriptionDestination;
        qint64 sequence = 0;
        QDateTime received;
    };

    void insertPending();
    void trimTo(int capacity);
    QString lookupSubscription(const QString &id);

    QPointer<StompClient> m_client;
    QPointer<StompQmlSubscription> m_subscription;
    QMetaObject::Connection m_sourceConnection;
    QList<Row> m_rows;
    QList<Row> m_pending;
    QHash<QString, QString> m_subscriptionNames;
    QTimer m_batchTimer;
    int m_capacity = 10000;
    int m_batchInterval = 50;
    bool m_paused = false;
    qint64 m_dropped = 0;
    qint64 m_total = 0;
};
