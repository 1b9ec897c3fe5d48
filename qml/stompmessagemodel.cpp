// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include "stompmessagemodel.h"

#include "stompqmlsubscription.h"

#include <StompQt/stompsubscription.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qstringconverter.h>

StompMessageModel::StompMessageModel(QObject *parent) : QAbstractListModel(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(m_batchInterval);
    connect(&m_batchTimer, &QTimer::timeout, this, &StompMessageModel::insertPending);
}

StompMessageModel::~StompMessageModel() = default;

void StompMessageModel::setClient(StompClient *client)
{
    if (m_client == client)
        return;
    if (m_client || m_subscription)
        disconnect(m_sourceConnection);
    m_subscription = nullptr;
    m_client = client;
    m_subscriptionNames.clear();
    if (m_client)
        m_sourceConnection = connect(m_client, &StompClient::messageReceived, this, &StompMessageModel::append);
    emit clientChanged();
}

void StompMessageModel::setSubscription(StompQmlSubscription *subscription)
{
    if (m_subscription == subscription)
        return;
    if (m_client || m_subscription)
        disconnect(m_sourceConnection);
    m_client = nullptr;
    m_subscription = subscription;
    m_subscriptionNames.clear();
    if (m_subscription)
        m_sourceConnection = connect(m_subscription, &StompQmlSubscription::messageReceived, this, &StompMessageModel::append);
    emit subscriptionChanged();
}

void StompMessageModel::setCapacity(int capacity)
{
    capacity = qMax(1, capacity);
    if (m_capacity == capacity)
        return;
    m_capacity = capacity;
    trimTo(m_capacity);
    emit capacityChanged();
}

void StompMessageModel::setBatchInterval(int msecs)
{
    msecs = qMax(0, msecs);
    if (m_batchInterval == msecs)
        return;
    m_batchInterval = msecs;
    m_batchTimer.setInterval(msecs);
    emit batchIntervalChanged();
}

void StompMessageModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    emit pausedChanged();
    if (!m_pending.isEmpty())
        m_batchTimer.start();
}

int StompMessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString StompMessageModel::firstLine(const StompFrame &frame, int maxLength)
{
    if (isBinary(frame)) {
        return QCoreApplication::translate("StompMessageModel", "[binary, %n byte(s)]", nullptr,
                                           frame.bodySize());
    }
    const QByteArray body = frame.body();
    qsizetype end = body.indexOf('\n');
    if (end < 0)
        end = body.size();
    // Decode no more than needed: a UTF-8 character has at most 4 bytes.
    QString line = QString::fromUtf8(body.constData(), qMin<qsizetype>(end, qsizetype(maxLength) * 4 + 4));
    if (line.endsWith(u'\r'))
        line.chop(1);
    if (line.size() > maxLength) {
        line.truncate(maxLength);
        line.append(QChar(0x2026));
    } else if (end < body.size()) {
        line.append(QStringLiteral(" \u21b5"));
    }
    return line;
}

bool StompMessageModel::isBinary(const StompFrame &frame)
{
    const QByteArray body = frame.body();
    for (const char c : body) {
        const uchar u = uchar(c);
        if (u < 0x20 && u != '\t' && u != '\n' && u != '\r')
            return true;
        if (u == 0x7f)
            return true;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(body);
    Q_UNUSED(text);
    return decoder.hasError();
}

QVariant StompMessageModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const StompFrame &f = row.frame;
    switch (role) {
    case Qt::DisplayRole:
    case FirstLineRole: return firstLine(f);
    case MessageRole: return QVariant::fromValue(f);
    case TimeRole: return row.received;
    case TimeTextRole: return row.received.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case DestinationRole: return f.destination();
    case SubscriptionRole: return f.subscription();
    case SubscriptionDestinationRole:
        return row.subscriptionDestination.isEmpty() ? f.subscription() : row.subscriptionDestination;
    case SizeRole: return f.bodySize();
    case HeadersRole: return f.headerList();
    case HeaderMapRole: return f.headerMap();
    case TextRole: return f.text();
    case MessageIdRole: return f.messageId();
    case ContentTypeRole: return f.contentType();
    case BinaryRole: return isBinary(f);
    case SequenceRole: return row.sequence;
    default: return {};
    }
}

QHash<int, QByteArray> StompMessageModel::roleNames() const
{
    return {
        {MessageRole, "message"},
        {TimeRole, "time"},
        {TimeTextRole, "timeText"},
        {DestinationRole, "destination"},
        {SubscriptionRole, "subscription"},
        {SubscriptionDestinationRole, "subscriptionDestination"},
        {SizeRole, "size"},
        {FirstLineRole, "firstLine"},
        {HeadersRole, "headers"},
        {HeaderMapRole, "headerMap"},
        {TextRole, "text"},
        {MessageIdRole, "messageId"},
        {ContentTypeRole, "contentType"},
        {BinaryRole, "binary"},
        {SequenceRole, "sequence"},
    };
}

StompFrame StompMessageModel::get(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row).frame;
}

QVariant StompMessageModel::roleValue(int row, const QString &roleName) const
{
    const QHash<int, QByteArray> roles = roleNames();
    const int role = roles.key(roleName.toUtf8(), -1);
    return role < 0 ? QVariant() : data(index(row), role);
}

QString StompMessageModel::subscriptionDestination(int row) const
{
    return roleValue(row, QStringLiteral("subscriptionDestination")).toString();
}

qint64 StompMessageModel::sequence(int row) const
{
    return row < 0 || row >= m_rows.size() ? 0 : m_rows.at(row).sequence;
}

QString StompMessageModel::lookupSubscription(const QString &id)
{
    if (m_subscription)
        return m_subscription->destination();
    if (id.isEmpty() || !m_client)
        return {};
    const auto it = m_subscriptionNames.constFind(id);
    if (it != m_subscriptionNames.cend())
        return *it;
    QString name;
    const QList<StompSubscription *> subs = m_client->subscriptions();
    for (StompSubscription *s : subs) {
        if (s->id() == id) {
            name = s->destination();
            break;
        }
    }
    // A miss is remembered too: an unknown id is never looked up twice. Ids are not reused.
    if (m_subscriptionNames.size() > 4096)
        m_subscriptionNames.clear();
    m_subscriptionNames.insert(id, name);
    return name;
}

void StompMessageModel::append(const StompFrame &message)
{
    Row row;
    row.frame = message;
    row.sequence = ++m_total;
    row.received = message.timestamp().isValid() ? message.timestamp() : QDateTime::currentDateTime();
    row.subscriptionDestination = lookupSubscription(message.subscription());
    m_pending.append(std::move(row));
    // Never keep more waiting than could be shown.
    if (m_pending.size() > m_capacity) {
        const qsizetype extra = m_pending.size() - m_capacity;
        m_pending.remove(0, extra);
        m_dropped += extra;
    }
    // Counters are announced with the batch too, not per message: bindings to them stay cheap.
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void StompMessageModel::flush()
{
    m_batchTimer.stop();
    const bool wasPaused = m_paused;
    m_paused = false;
    insertPending();
    m_paused = wasPaused;
}

void StompMessageModel::insertPending()
{
    const qint64 droppedBefore = m_dropped;
    if (!m_paused && !m_pending.isEmpty()) {
        QList<Row> batch;
        batch.swap(m_pending);
        const int incoming = int(batch.size());
        // Make room first, so that the view never holds more than capacity rows.
        trimTo(m_capacity - incoming);
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + incoming - 1);
        m_rows.append(std::move(batch));
        endInsertRows();
        emit countChanged();
        emit batchInserted(first, first + incoming - 1);
    }
    emit totalCountChanged();
    emit pendingCountChanged();
    if (m_dropped != droppedBefore || m_paused)
        emit droppedCountChanged();
}

void StompMessageModel::trimTo(int capacity)
{
    capacity = qMax(0, capacity);
    if (m_rows.size() <= capacity)
        return;
    const int extra = int(m_rows.size()) - capacity;
    beginRemoveRows({}, 0, extra - 1);
    m_rows.remove(0, extra);
    endRemoveRows();
    m_dropped += extra;
    emit droppedCountChanged();
    emit countChanged();
}

void StompMessageModel::clear()
{
    m_batchTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    endResetModel();
    m_dropped = 0;
    emit countChanged();
    emit pendingCountChanged();
    emit droppedCountChanged();
}
