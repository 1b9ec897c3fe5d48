// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// StompMessageModel and StompMessageFilterModel without a broker: batching, capacity,
// pause, filters, first lines.

#include <StompQt/stompframe.h>

#include "stompmessagefiltermodel.h"
#include "stompmessagemodel.h"

#include <QtCore/qelapsedtimer.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

class tst_StompMessageModel : public QObject
{
    Q_OBJECT

private:
    static StompFrame message(const QByteArray &destination, const QByteArray &body,
                              const StompHeaders &extra = {})
    {
        StompFrame f(StompFrame::Message);
        f.addHeader("destination", destination);
        f.addHeader("message-id", "m-" + body.left(8).toHex());
        f.addHeader("subscription", "sub-1");
        for (const auto &h : extra)
            f.addHeader(h.first, h.second);
        f.setBody(body);
        return f;
    }

private slots:
    // --- happy ---------------------------------------------------------------------------
    void batchesInserts()
    {
        StompMessageModel model;
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 100; ++i)
            model.append(message("/queue/a", QByteArray::number(i)));
        QCOMPARE(model.rowCount(), 0); // not before the batch timer
        QCOMPARE(model.pendingCount(), 100);
        QTRY_COMPARE(model.rowCount(), 100);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.get(0).text(), QStringLiteral("0"));
        QCOMPARE(model.get(99).text(), QStringLiteral("99"));
        QCOMPARE(model.sequence(99), 100);
    }

    void rolesHaveNames()
    {
        StompMessageModel model;
        model.append(message("/topic/x", "{\"a\":1}\nmore", {{"content-type", "application/json"}}));
        model.flush();
        const QModelIndex i = model.index(0);
        const QHash<int, QByteArray> names = model.roleNames();
        for (const char *name : {"time", "destination", "subscription", "size", "firstLine",
                                 "headers", "text", "message", "contentType", "binary"})
            QVERIFY2(names.values().contains(name), name);
        QCOMPARE(model.data(i, StompMessageModel::DestinationRole).toString(), QStringLiteral("/topic/x"));
        QCOMPARE(model.data(i, StompMessageModel::SubscriptionRole).toString(), QStringLiteral("sub-1"));
        QCOMPARE(model.data(i, StompMessageModel::SizeRole).toInt(), 12);
        QCOMPARE(model.data(i, StompMessageModel::FirstLineRole).toString(), QStringLiteral("{\"a\":1} \u21b5"));
        QCOMPARE(model.data(i, StompMessageModel::ContentTypeRole).toString(), QStringLiteral("application/json"));
        QCOMPARE(model.data(i, StompMessageModel::BinaryRole).toBool(), false);
        const QVariantList headers = model.data(i, StompMessageModel::HeadersRole).toList();
        QCOMPARE(headers.first().toList().first().toString(), QStringLiteral("destination"));
        QVERIFY(model.data(i, StompMessageModel::TimeRole).toDateTime().isValid());
        QCOMPARE(model.roleValue(0, QStringLiteral("destination")).toString(), QStringLiteral("/topic/x"));
    }

    void capacityDropsOldest()
    {
        StompMessageModel model;
        model.setCapacity(10);
        for (int i = 0; i < 25; ++i)
            model.append(message("/queue/a", QByteArray::number(i)));
        model.flush();
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.droppedCount(), 15);
        QCOMPARE(model.totalCount(), 25);
        QCOMPARE(model.get(0).text(), QStringLiteral("15"));
        for (int i = 25; i < 28; ++i)
            model.append(message("/queue/a", QByteArray::number(i)));
        model.flush();
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.droppedCount(), 18);
        QCOMPARE(model.get(0).text(), QStringLiteral("18"));
        QCOMPARE(model.get(9).text(), QStringLiteral("27"));
        model.setCapacity(4);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.get(0).text(), QStringLiteral("24"));
    }

    void pauseHoldsMessages()
    {
        StompMessageModel model;
        model.setPaused(true);
        model.append(message("/queue/a", "1"));
        model.append(message("/queue/a", "2"));
        QTest::qWait(120);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.pendingCount(), 2);
        model.setPaused(false);
        QTRY_COMPARE(model.rowCount(), 2);
    }

    void filterByDestinationAndText()
    {
        StompMessageModel model;
        StompMessageFilterModel filter;
        filter.setMessages(&model);
        model.append(message("/topic/prices.eur", "EUR 1.08"));
        model.append(message("/topic/prices.usd", "USD 1.00"));
        model.append(message("/queue/orders", "order 42", {{"x-customer", "ACME"}}));
        model.flush();
        QCOMPARE(filter.count(), 3);

        filter.setDestinationFilter(QStringLiteral("prices"));
        QCOMPARE(filter.count(), 2);
        filter.setDestinationFilter(QStringLiteral("/topic/*.usd"));
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.get(0).destination(), QStringLiteral("/topic/prices.usd"));
        filter.setDestinationFilter(QStringLiteral("/topic/#"));
        QCOMPARE(filter.count(), 2);
        filter.setDestinationFilter({});

        filter.setTextFilter(QStringLiteral("acme")); // header values count, case ignored
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.sourceRow(0), 2);
        filter.setCaseSensitive(true);
        QCOMPARE(filter.count(), 0);
        filter.setCaseSensitive(false);
        filter.setRegularExpression(true);
        filter.setTextFilter(QStringLiteral("^(EUR|USD) "));
        QCOMPARE(filter.count(), 2);
        filter.setTextFilter(QStringLiteral("(unclosed"));
        QVERIFY(!filter.isValidFilter());
        QCOMPARE(filter.count(), 0);
        filter.setRegularExpression(false);
        filter.setTextFilter({});

        // New messages are filtered as they come.
        filter.setDestinationFilter(QStringLiteral("orders"));
        model.append(message("/queue/orders", "order 43"));
        model.append(message("/topic/prices.eur", "EUR 1.09"));
        model.flush();
        QCOMPARE(filter.count(), 2);
        QCOMPARE(filter.rowForSource(3), 1);
        QCOMPARE(filter.rowForSource(4), -1);
    }

    void firstLineShortens()
    {
        QCOMPARE(StompMessageModel::firstLine(message("/q", "abc")), QStringLiteral("abc"));
        QCOMPARE(StompMessageModel::firstLine(message("/q", "abc\r\ndef")), QStringLiteral("abc \u21b5"));
        QCOMPARE(StompMessageModel::firstLine(message("/q", QByteArray(300, 'x')), 10),
                 QString(10, u'x') + QChar(0x2026));
        QCOMPARE(StompMessageModel::firstLine(message("/q", "")), QString());
    }

    void throughput()
    {
        // 10 000 messages arrive within one batch and cost one insertion.
        StompMessageModel model;
        model.setCapacity(5000);
        StompMessageFilterModel filter;
        filter.setMessages(&model);
        filter.setDestinationFilter(QStringLiteral("a"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 10000; ++i)
            model.append(message(i % 2 ? "/queue/a" : "/queue/b", QByteArray(100, 'p')));
        model.flush();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(filter.count(), 2500);
        qInfo("10000 messages appended, filtered and inserted in %lld ms", clock.elapsed());
        QVERIFY(clock.elapsed() < 2000);
    }

    // --- rainy day -----------------------------------------------------------------------
    void binaryBodies()
    {
        QVERIFY(StompMessageModel::isBinary(message("/q", QByteArray("a\0b", 3))));
        QVERIFY(StompMessageModel::isBinary(message("/q", QByteArray("\xff\xfe", 2))));
        QVERIFY(!StompMessageModel::isBinary(message("/q", "tab\there\r\n")));
        QVERIFY(!StompMessageModel::isBinary(message("/q", "gr\xc3\xbc\xc3\x9f")));
        QVERIFY(StompMessageModel::firstLine(message("/q", QByteArray("\x00\x01", 2))).contains(u'2'));
    }

    void outOfRange()
    {
        StompMessageModel model;
        QVERIFY(!model.get(0).isValid());
        QVERIFY(!model.get(-1).isValid());
        QVERIFY(!model.roleValue(3, QStringLiteral("destination")).isValid());
        QVERIFY(!model.roleValue(0, QStringLiteral("nonsense")).isValid());
        StompMessageFilterModel filter;
        QVERIFY(!filter.get(0).isValid());
        QCOMPARE(filter.sourceRow(0), -1);
    }

    void capacityNeverBelowOne()
    {
        StompMessageModel model;
        model.setCapacity(0);
        QCOMPARE(model.capacity(), 1);
    }
};

QTEST_MAIN(tst_StompMessageModel)
#include "tst_stompmessagemodel.moc"
