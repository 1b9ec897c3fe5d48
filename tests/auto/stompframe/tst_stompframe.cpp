// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompframe.h>

#include "stomptesthelpers.h"

#include <QtCore/qdebug.h>
#include <QtCore/qmetaobject.h>
#include <QtTest/qtest.h>

using Headers = StompHeaders;

namespace {

// Every way of writing to a frame; each one must detach a shared copy.
enum class Mutation {
    SetCommand, SetHeaders, SetHeaderExisting, SetHeaderNew, AddHeader, RemoveHeader,
    SetBody, SetTimestamp,
};

void mutate(StompFrame *frame, Mutation m)
{
    switch (m) {
    case Mutation::SetCommand: frame->setCommand(StompFrame::Error); break;
    case Mutation::SetHeaders: frame->setHeaders({{"x", "y"}}); break;
    case Mutation::SetHeaderExisting: frame->setHeader("destination", "/queue/other"); break;
    case Mutation::SetHeaderNew: frame->setHeader("new", "v"); break;
    case Mutation::AddHeader: frame->addHeader("destination", "/queue/second"); break;
    case Mutation::RemoveHeader: frame->removeHeader("destination"); break;
    case Mutation::SetBody: frame->setBody("changed"); break;
    case Mutation::SetTimestamp: frame->setTimestamp(QDateTime::fromMSecsSinceEpoch(42, Qt::UTC)); break;
    }
}

StompFrame sampleFrame()
{
    return StompFrame(StompFrame::Message,
                      {{"destination", "/queue/a"}, {"message-id", "007"}, {"subscription", "0"}},
                      QByteArrayLiteral("hello queue a"));
}

QString debugString(const StompFrame &frame)
{
    QString out;
    QDebug(&out) << frame;
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

class tst_StompFrame : public QObject
{
    Q_OBJECT

private slots:
    // ---- happy ------------------------------------------------------------------------
    void defaultConstructed();
    void constructFromParts_data();
    void constructFromParts();
    void commandNames_data();
    void commandNames();
    void commandClassification_data();
    void commandClassification();
    void copySharesData();
    void detachOnWrite_data();
    void detachOnWrite();
    void moveAndSwap();
    void firstDuplicateWins_data();
    void firstDuplicateWins();
    void setHeader_data();
    void setHeader();
    void addHeader();
    void removeHeader_data();
    void removeHeader();
    void typedAccessors_data();
    void typedAccessors();
    void contentLength_data();
    void contentLength();
    void headerMapAndList();
    void body();
    void equality_data();
    void equality();
    void debugMasksPasscode_data();
    void debugMasksPasscode();
    void metaTypeAndVariant();
    void gadgetProperties_data();
    void gadgetProperties();
    void jsonLine_data();
    void jsonLine();
    void builders();

    // ---- rainy day --------------------------------------------------------------------
    void unknownCommandNames_data();
    void unknownCommandNames();
    void missingHeaders();
    void headersKeepArbitraryBytes();
    void invalidUtf8Body();
};

// ---------------------------------------------------------------------------------------
// happy
// ---------------------------------------------------------------------------------------

void tst_StompFrame::defaultConstructed()
{
    const StompFrame frame;
    QVERIFY(!frame.isValid());
    QCOMPARE(frame.command(), StompFrame::Invalid);
    QCOMPARE(frame.commandName(), QString());
    QCOMPARE(frame.headerCount(), 0);
    QVERIFY(frame.headers().isEmpty());
    QVERIFY(frame.body().isEmpty());
    QCOMPARE(frame.bodySize(), 0);
    QVERIFY(!frame.timestamp().isValid());
    QCOMPARE(frame.contentLength(), -1);
    QCOMPARE(frame, StompFrame());
}

void tst_StompFrame::constructFromParts_data()
{
    QTest::addColumn<StompFrame::Command>("command");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("no headers") << StompFrame::Disconnect << Headers{} << QByteArray();
    QTest::newRow("ordered") << StompFrame::Send
                             << Headers{{"z", "1"}, {"a", "2"}, {"m", "3"}} << QByteArray("b");
    QTest::newRow("duplicates kept") << StompFrame::Message
                                     << Headers{{"foo", "World"}, {"foo", "Hello"}} << QByteArray();
    QTest::newRow("empty value") << StompFrame::Send << Headers{{"empty", ""}} << QByteArray();
    QTest::newRow("binary body") << StompFrame::Send << Headers{{"content-type", "x/bin"}}
                                 << QByteArray("\0\1\2\0", 4);
    Headers many;
    for (int i = 0; i < 40; ++i) // more than the inline capacity of the header index
        many.append({"h" + QByteArray::number(i), QByteArray(i, 'v')});
    QTest::newRow("40 headers") << StompFrame::Message << many << QByteArray("x");
}

void tst_StompFrame::constructFromParts()
{
    QFETCH(StompFrame::Command, command);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);

    const StompFrame frame(command, headers, body);
    QVERIFY(frame.isValid());
    QCOMPARE(frame.command(), command);
    QCOMPARE(frame.headers(), headers);
    QCOMPARE(frame.headerCount(), headers.size());
    for (int i = 0; i < headers.size(); ++i) {
        QCOMPARE(frame.headerName(i), QByteArrayView(headers[i].first));
        QCOMPARE(frame.headerValue(i), QByteArrayView(headers[i].second));
    }
    QCOMPARE(frame.body(), body);
    QCOMPARE(frame.bodySize(), body.size());

    StompFrame viaSetters;
    viaSetters.setCommand(command);
    viaSetters.setHeaders(headers);
    viaSetters.setBody(body);
    QCOMPARE(viaSetters, frame);
}

void tst_StompFrame::commandNames_data()
{
    QTest::addColumn<StompFrame::Command>("command");
    QTest::addColumn<QByteArray>("name");

    const std::pair<StompFrame::Command, const char *> all[] = {
        {StompFrame::Connect, "CONNECT"}, {StompFrame::Stomp, "STOMP"},
        {StompFrame::Send, "SEND"}, {StompFrame::Subscribe, "SUBSCRIBE"},
        {StompFrame::Unsubscribe, "UNSUBSCRIBE"}, {StompFrame::Begin, "BEGIN"},
        {StompFrame::Commit, "COMMIT"}, {StompFrame::Abort, "ABORT"}, {StompFrame::Ack, "ACK"},
        {StompFrame::Nack, "NACK"}, {StompFrame::Disconnect, "DISCONNECT"},
        {StompFrame::Connected, "CONNECTED"}, {StompFrame::Message, "MESSAGE"},
        {StompFrame::Receipt, "RECEIPT"}, {StompFrame::Error, "ERROR"},
    };
    for (const auto &[command, name] : all)
        QTest::newRow(name) << command << QByteArray(name);
}

void tst_StompFrame::commandNames()
{
    QFETCH(StompFrame::Command, command);
    QFETCH(QByteArray, name);

    QCOMPARE(StompFrame::commandToString(command), QByteArrayView(name));
    QCOMPARE(StompFrame::commandFromString(name), command);
    const StompFrame frame(command);
    QCOMPARE(frame.commandName(), QString::fromLatin1(name));
}

void tst_StompFrame::commandClassification_data()
{
    QTest::addColumn<StompFrame::Command>("command");
    QTest::addColumn<bool>("server");
    QTest::addColumn<bool>("unescaped");

    QTest::newRow("CONNECT") << StompFrame::Connect << false << true;
    QTest::newRow("STOMP") << StompFrame::Stomp << false << true;
    QTest::newRow("CONNECTED") << StompFrame::Connected << true << true;
    QTest::newRow("SEND") << StompFrame::Send << false << false;
    QTest::newRow("DISCONNECT") << StompFrame::Disconnect << false << false;
    QTest::newRow("MESSAGE") << StompFrame::Message << true << false;
    QTest::newRow("RECEIPT") << StompFrame::Receipt << true << false;
    QTest::newRow("ERROR") << StompFrame::Error << true << false;
}

void tst_StompFrame::commandClassification()
{
    QFETCH(StompFrame::Command, command);
    QFETCH(bool, server);
    QFETCH(bool, unescaped);
    QCOMPARE(StompFrame::isServerCommand(command), server);
    QCOMPARE(StompFrame::isUnescapedCommand(command), unescaped);
}

void tst_StompFrame::copySharesData()
{
    const StompFrame original = sampleFrame();
    const StompFrame copy = original; // NOLINT: the copy is the point
    QCOMPARE(copy, original);
    // Shared, not copied: the very same bytes back both frames.
    QCOMPARE(copy.headerView("destination").data(), original.headerView("destination").data());
    QCOMPARE(copy.body().constData(), original.body().constData());
}

void tst_StompFrame::detachOnWrite_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::newRow("setCommand") << Mutation::SetCommand;
    QTest::newRow("setHeaders") << Mutation::SetHeaders;
    QTest::newRow("setHeader existing") << Mutation::SetHeaderExisting;
    QTest::newRow("setHeader new") << Mutation::SetHeaderNew;
    QTest::newRow("addHeader") << Mutation::AddHeader;
    QTest::newRow("removeHeader") << Mutation::RemoveHeader;
    QTest::newRow("setBody") << Mutation::SetBody;
    QTest::newRow("setTimestamp") << Mutation::SetTimestamp;
}

void tst_StompFrame::detachOnWrite()
{
    QFETCH(Mutation, mutation);

    const StompFrame original = sampleFrame();
    const Headers originalHeaders = original.headers();
    StompFrame copy = original;
    const char *sharedDestination = original.headerView("destination").data();

    mutate(&copy, mutation);

    // The original is untouched, down to the address of its header bytes.
    QCOMPARE(original.command(), StompFrame::Message);
    QCOMPARE(original.headers(), originalHeaders);
    QCOMPARE(original.body(), QByteArray("hello queue a"));
    QVERIFY(!original.timestamp().isValid());
    QCOMPARE(original.headerView("destination").data(), sharedDestination);
    // And the copy really changed (the timestamp is not part of equality).
    if (mutation == Mutation::SetTimestamp)
        QVERIFY(copy.timestamp().isValid());
    else
        QVERIFY(copy != original);
}

void tst_StompFrame::moveAndSwap()
{
    StompFrame a = sampleFrame();
    StompFrame b(StompFrame::Receipt, {{"receipt-id", "77"}});
    const StompFrame aCopy = a, bCopy = b;

    a.swap(b);
    QCOMPARE(a, bCopy);
    QCOMPARE(b, aCopy);

    StompFrame moved(std::move(a));
    QCOMPARE(moved, bCopy);
    StompFrame assigned;
    assigned = std::move(moved);
    QCOMPARE(assigned, bCopy);
    QCOMPARE(assigned.receiptId(), QStringLiteral("77"));
}

void tst_StompFrame::firstDuplicateWins_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("spec foo example") << Headers{{"foo", "World"}, {"foo", "Hello"}}
                                      << QByteArray("foo") << QByteArray("World");
    QTest::newRow("interleaved") << Headers{{"a", "1"}, {"b", "2"}, {"a", "3"}, {"b", "4"}}
                                 << QByteArray("b") << QByteArray("2");
    QTest::newRow("first is empty") << Headers{{"x", ""}, {"x", "later"}}
                                    << QByteArray("x") << QByteArray("");
    QTest::newRow("case sensitive") << Headers{{"Foo", "upper"}, {"foo", "lower"}}
                                    << QByteArray("foo") << QByteArray("lower");
}

void tst_StompFrame::firstDuplicateWins()
{
    QFETCH(Headers, headers);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, expected);

    const StompFrame frame(StompFrame::Message, headers);
    QVERIFY(frame.hasHeader(name));
    QCOMPARE(frame.header(name), expected);
    QCOMPARE(frame.header(name, "default"), expected);
    QCOMPARE(frame.headerView(name), QByteArrayView(expected));
    QCOMPARE(frame.headerMap().value(QString::fromLatin1(name)).toString(),
             QString::fromLatin1(expected));
    QCOMPARE(frame.headers(), headers); // the later values are kept as history
}

void tst_StompFrame::setHeader_data()
{
    QTest::addColumn<Headers>("before");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<Headers>("after");

    QTest::newRow("append when absent") << Headers{{"a", "1"}} << QByteArray("b") << QByteArray("2")
                                        << Headers{{"a", "1"}, {"b", "2"}};
    QTest::newRow("replace in place") << Headers{{"a", "1"}, {"b", "2"}, {"c", "3"}}
                                      << QByteArray("b") << QByteArray("X")
                                      << Headers{{"a", "1"}, {"b", "X"}, {"c", "3"}};
    QTest::newRow("duplicates collapse at first")
            << Headers{{"a", "1"}, {"d", "x"}, {"b", "2"}, {"d", "y"}, {"d", "z"}}
            << QByteArray("d") << QByteArray("new")
            << Headers{{"a", "1"}, {"d", "new"}, {"b", "2"}};
    QTest::newRow("empty value") << Headers{{"a", "1"}} << QByteArray("a") << QByteArray()
                                 << Headers{{"a", ""}};
    QTest::newRow("longer value") << Headers{{"a", "1"}, {"b", "2"}} << QByteArray("a")
                                  << QByteArray(1000, 'L')
                                  << Headers{{"a", QByteArray(1000, 'L')}, {"b", "2"}};
    QTest::newRow("on empty frame") << Headers{} << QByteArray("k") << QByteArray("v")
                                    << Headers{{"k", "v"}};
}

void tst_StompFrame::setHeader()
{
    QFETCH(Headers, before);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(Headers, after);

    StompFrame frame(StompFrame::Send, before, "body");
    frame.setHeader(name, value);
    QCOMPARE(frame.headers(), after);
    QCOMPARE(frame.header(name), value);
    QCOMPARE(frame.body(), QByteArray("body"));
    QCOMPARE(frame.command(), StompFrame::Send);
}

void tst_StompFrame::addHeader()
{
    StompFrame frame(StompFrame::Message, {{"foo", "World"}});
    frame.addHeader("foo", "Hello");
    frame.addHeader("bar", "1");
    QCOMPARE(frame.headers(), (Headers{{"foo", "World"}, {"foo", "Hello"}, {"bar", "1"}}));
    QCOMPARE(frame.header("foo"), QByteArray("World"));
    QCOMPARE(frame.headerCount(), 3);
}

void tst_StompFrame::removeHeader_data()
{
    QTest::addColumn<Headers>("before");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<Headers>("after");

    QTest::newRow("single") << Headers{{"a", "1"}, {"b", "2"}} << QByteArray("a")
                            << Headers{{"b", "2"}};
    QTest::newRow("every duplicate") << Headers{{"a", "1"}, {"b", "2"}, {"a", "3"}}
                                     << QByteArray("a") << Headers{{"b", "2"}};
    QTest::newRow("absent is a no-op") << Headers{{"a", "1"}} << QByteArray("zz")
                                       << Headers{{"a", "1"}};
    QTest::newRow("prefix is another name") << Headers{{"ab", "1"}, {"a", "2"}} << QByteArray("a")
                                            << Headers{{"ab", "1"}};
    QTest::newRow("last one") << Headers{{"a", "1"}} << QByteArray("a") << Headers{};
}

void tst_StompFrame::removeHeader()
{
    QFETCH(Headers, before);
    QFETCH(QByteArray, name);
    QFETCH(Headers, after);

    StompFrame frame(StompFrame::Send, before);
    frame.removeHeader(name);
    QCOMPARE(frame.headers(), after);
    QVERIFY(!frame.hasHeader(name));
    QCOMPARE(frame.header(name, "gone"), QByteArray("gone"));
}

void tst_StompFrame::typedAccessors_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QString>("value");

    QTest::newRow("destination") << QByteArray("destination") << QStringLiteral("/queue/ä");
    QTest::newRow("message-id") << QByteArray("message-id") << QStringLiteral("007");
    QTest::newRow("subscription") << QByteArray("subscription") << QStringLiteral("sub-0");
    QTest::newRow("ack") << QByteArray("ack") << QStringLiteral("client-individual");
    QTest::newRow("receipt") << QByteArray("receipt") << QStringLiteral("message-12345");
    QTest::newRow("receipt-id") << QByteArray("receipt-id") << QStringLiteral("77");
    QTest::newRow("content-type") << QByteArray("content-type") << QStringLiteral("text/plain");
    QTest::newRow("transaction") << QByteArray("transaction") << QStringLiteral("tx1");
    QTest::newRow("message") << QByteArray("message") << QStringLiteral("malformed frame € received");
}

void tst_StompFrame::typedAccessors()
{
    QFETCH(QByteArray, name);
    QFETCH(QString, value);

    StompFrame frame(StompFrame::Message, {{"other", "x"}, {name, value.toUtf8()}, {name, "second"}});
    const QHash<QByteArray, QString (StompFrame::*)() const> accessors = {
        {"destination", &StompFrame::destination}, {"message-id", &StompFrame::messageId},
        {"subscription", &StompFrame::subscription}, {"ack", &StompFrame::ack},
        {"receipt", &StompFrame::receipt}, {"receipt-id", &StompFrame::receiptId},
        {"content-type", &StompFrame::contentType}, {"transaction", &StompFrame::transaction},
        {"message", &StompFrame::message},
    };
    const auto accessor = accessors.value(name);
    QVERIFY(accessor);
    QCOMPARE((frame.*accessor)(), value);
    // Each accessor reads only its own header.
    for (auto it = accessors.cbegin(); it != accessors.cend(); ++it) {
        if (it.key() != name)
            QCOMPARE((frame.*(it.value()))(), QString());
    }
    frame.removeHeader(name);
    QCOMPARE((frame.*accessor)(), QString());
}

void tst_StompFrame::contentLength_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("absent") << Headers{} << qint64(-1);
    QTest::newRow("zero") << Headers{{"content-length", "0"}} << qint64(0);
    QTest::newRow("170") << Headers{{"content-length", "170"}} << qint64(170);
    QTest::newRow("beyond 32 bits") << Headers{{"content-length", "8589934592"}} << qint64(8589934592LL);
    QTest::newRow("first wins") << Headers{{"content-length", "3"}, {"content-length", "9"}}
                                << qint64(3);
    // rainy
    QTest::newRow("empty") << Headers{{"content-length", ""}} << qint64(-1);
    QTest::newRow("negative") << Headers{{"content-length", "-5"}} << qint64(-1);
    QTest::newRow("letters") << Headers{{"content-length", "abc"}} << qint64(-1);
    QTest::newRow("digits then junk") << Headers{{"content-length", "12x"}} << qint64(-1);
    QTest::newRow("overflow") << Headers{{"content-length", "99999999999999999999999"}} << qint64(-1);
    QTest::newRow("bad first wins") << Headers{{"content-length", "x"}, {"content-length", "9"}}
                                    << qint64(-1);
}

void tst_StompFrame::contentLength()
{
    QFETCH(Headers, headers);
    QFETCH(qint64, expected);
    QCOMPARE(StompFrame(StompFrame::Send, headers).contentLength(), expected);
}

void tst_StompFrame::headerMapAndList()
{
    const StompFrame frame(StompFrame::Message,
                           {{"b", "1"}, {"a", "2"}, {"b", "3"}, {"utf8", "\xc3\xa9t\xc3\xa9"}});

    const QVariantMap map = frame.headerMap();
    QCOMPARE(map.size(), 3);
    QCOMPARE(map.value(QStringLiteral("b")), QVariant(QStringLiteral("1")));
    QCOMPARE(map.value(QStringLiteral("a")), QVariant(QStringLiteral("2")));
    QCOMPARE(map.value(QStringLiteral("utf8")), QVariant(QStringLiteral("été")));

    const QVariantList list = frame.headerList();
    const QVariantList expected = {
        QVariantList{QStringLiteral("b"), QStringLiteral("1")},
        QVariantList{QStringLiteral("a"), QStringLiteral("2")},
        QVariantList{QStringLiteral("b"), QStringLiteral("3")},
        QVariantList{QStringLiteral("utf8"), QStringLiteral("été")},
    };
    QCOMPARE(list, expected);
}

void tst_StompFrame::body()
{
    StompFrame frame(StompFrame::Send);
    const QByteArray binary("a\0b\0\xff", 5);
    frame.setBody(binary);
    QCOMPARE(frame.body(), binary);
    QCOMPARE(frame.bodySize(), 5);
    frame.setBody(QByteArrayLiteral("\xe2\x82\xac uro"));
    QCOMPARE(frame.text(), QStringLiteral("€ uro"));
    frame.setBody({});
    QCOMPARE(frame.bodySize(), 0);
    QCOMPARE(frame.text(), QString());
}

void tst_StompFrame::equality_data()
{
    QTest::addColumn<StompFrame>("a");
    QTest::addColumn<StompFrame>("b");
    QTest::addColumn<bool>("equal");

    const StompFrame base = sampleFrame();
    QTest::newRow("same object") << base << base << true;
    QTest::newRow("built separately") << base << sampleFrame() << true;

    StompFrame stamped = sampleFrame();
    stamped.setTimestamp(QDateTime::currentDateTimeUtc());
    QTest::newRow("timestamp is not content") << base << stamped << true;

    StompFrame other = sampleFrame();
    other.setCommand(StompFrame::Send);
    QTest::newRow("command differs") << base << other << false;

    other = sampleFrame();
    other.setBody("hello queue b");
    QTest::newRow("body differs") << base << other << false;

    other = sampleFrame();
    other.setBody({});
    QTest::newRow("body empty") << base << other << false;

    other = sampleFrame();
    other.setHeader("message-id", "008");
    QTest::newRow("value differs") << base << other << false;

    other = sampleFrame();
    other.addHeader("extra", "");
    QTest::newRow("extra header") << base << other << false;

    QTest::newRow("order differs")
            << StompFrame(StompFrame::Send, {{"a", "1"}, {"b", "2"}})
            << StompFrame(StompFrame::Send, {{"b", "2"}, {"a", "1"}}) << false;
    // Header bytes are stored back to back: the split between name and value matters.
    QTest::newRow("name/value boundary")
            << StompFrame(StompFrame::Send, {{"ab", "c"}})
            << StompFrame(StompFrame::Send, {{"a", "bc"}}) << false;
}

void tst_StompFrame::equality()
{
    QFETCH(StompFrame, a);
    QFETCH(StompFrame, b);
    QFETCH(bool, equal);
    QCOMPARE(a == b, equal);
    QCOMPARE(b == a, equal);
    QCOMPARE(a != b, !equal);
}

void tst_StompFrame::debugMasksPasscode_data()
{
    QTest::addColumn<StompFrame>("frame");
    QTest::addColumn<QByteArray>("secret");

    QTest::newRow("CONNECT") << StompFrame(StompFrame::Connect,
                                           {{"accept-version", "1.2"}, {"login", "guest"},
                                            {"passcode", "s3cr3t-pw"}, {"host", "/"}})
                             << QByteArray("s3cr3t-pw");
    QTest::newRow("STOMP") << StompFrame(StompFrame::Stomp, {{"passcode", "hunter2-xyz"}})
                           << QByteArray("hunter2-xyz");
    QTest::newRow("repeated passcode") << StompFrame(StompFrame::Connect,
                                                     {{"passcode", "first-pw"},
                                                      {"passcode", "second-pw"}})
                                       << QByteArray("second-pw");
    QTest::newRow("any frame") << StompFrame(StompFrame::Send, {{"passcode", "in-a-send"}}, "x")
                               << QByteArray("in-a-send");
}

void tst_StompFrame::debugMasksPasscode()
{
    QFETCH(StompFrame, frame);
    QFETCH(QByteArray, secret);

    const QString text = debugString(frame);
    QVERIFY2(!text.contains(QString::fromLatin1(secret)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("passcode")), qPrintable(text));
    QVERIFY2(text.contains(frame.commandName()), qPrintable(text));
    // The other headers are still shown.
    for (int i = 0; i < frame.headerCount(); ++i) {
        if (frame.headerName(i) != "passcode")
            QVERIFY2(text.contains(QString::fromLatin1(frame.headerValue(i))), qPrintable(text));
    }
}

void tst_StompFrame::metaTypeAndVariant()
{
    const QMetaType type = QMetaType::fromType<StompFrame>();
    QVERIFY(type.isValid());
    QCOMPARE(QByteArray(type.name()), QByteArray("StompFrame"));
    QVERIFY(type.id() > 0); // registers it
    QCOMPARE(QMetaType::fromName("StompFrame"), type);
    QCOMPARE(type.metaObject(), &StompFrame::staticMetaObject);

    StompFrame frame = sampleFrame();
    frame.setTimestamp(QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL, Qt::UTC));
    const QVariant variant = QVariant::fromValue(frame);
    QCOMPARE(variant.metaType(), type);
    QVERIFY(variant.canConvert<StompFrame>());
    const StompFrame back = variant.value<StompFrame>();
    QCOMPARE(back, frame);
    QCOMPARE(back.timestamp(), frame.timestamp());
    // A variant holds a shared copy, not a deep one.
    QCOMPARE(back.body().constData(), frame.body().constData());

    // Copy through the meta type, as queued connections do.
    void *copy = type.create(&frame);
    QCOMPARE(*static_cast<StompFrame *>(copy), frame);
    type.destroy(copy);
    QVERIFY(type.equals(&frame, &back));
}

void tst_StompFrame::gadgetProperties_data()
{
    QTest::addColumn<QByteArray>("property");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("command") << QByteArray("command") << QVariant::fromValue(StompFrame::Message);
    QTest::newRow("commandName") << QByteArray("commandName") << QVariant(QStringLiteral("MESSAGE"));
    QTest::newRow("destination") << QByteArray("destination") << QVariant(QStringLiteral("/queue/a"));
    QTest::newRow("messageId") << QByteArray("messageId") << QVariant(QStringLiteral("007"));
    QTest::newRow("subscription") << QByteArray("subscription") << QVariant(QStringLiteral("0"));
    QTest::newRow("body") << QByteArray("body") << QVariant(QByteArray("hello queue a"));
    QTest::newRow("text") << QByteArray("text") << QVariant(QStringLiteral("hello queue a"));
    QTest::newRow("bodySize") << QByteArray("bodySize") << QVariant(13);
    QTest::newRow("isValid") << QByteArray("isValid") << QVariant(true);
}

void tst_StompFrame::gadgetProperties()
{
    QFETCH(QByteArray, property);
    QFETCH(QVariant, expected);

    const StompFrame frame = sampleFrame();
    const QMetaObject &mo = StompFrame::staticMetaObject;
    const int index = mo.indexOfProperty(property.constData());
    QVERIFY2(index >= 0, property.constData());
    const QVariant value = mo.property(index).readOnGadget(&frame);
    QCOMPARE(value, expected);
}

// ---------------------------------------------------------------------------------------
// rainy day
// ---------------------------------------------------------------------------------------

void tst_StompFrame::unknownCommandNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("lowercase") << QByteArray("send");
    QTest::newRow("mixed case") << QByteArray("Message");
    QTest::newRow("prefix") << QByteArray("CONNEC");
    QTest::newRow("longer") << QByteArray("CONNECTED2");
    QTest::newRow("trailing space") << QByteArray("SEND ");
    QTest::newRow("trailing CR") << QByteArray("SEND\r");
    QTest::newRow("NUL inside") << QByteArray("SE\0ND", 5);
    QTest::newRow("unknown") << QByteArray("PUBLISH");
}

void tst_StompFrame::unknownCommandNames()
{
    QFETCH(QByteArray, name);
    QCOMPARE(StompFrame::commandFromString(name), StompFrame::Invalid);
}

void tst_StompFrame::missingHeaders()
{
    const StompFrame frame(StompFrame::Message, {{"present", ""}});
    QVERIFY(!frame.hasHeader("absent"));
    QCOMPARE(frame.header("absent"), QByteArray());
    QVERIFY(frame.header("absent").isNull());
    QCOMPARE(frame.header("absent", "fallback"), QByteArray("fallback"));
    QVERIFY(frame.headerView("absent").isNull());
    QCOMPARE(frame.destination(), QString());
    // Present but empty is not absent.
    QVERIFY(frame.hasHeader("present"));
    QCOMPARE(frame.header("present", "fallback"), QByteArray(""));
    QCOMPARE(StompFrame::commandToString(StompFrame::Invalid), QByteArrayView());
    QCOMPARE(StompFrame::commandToString(StompFrame::Command(200)), QByteArrayView());
}

void tst_StompFrame::headersKeepArbitraryBytes()
{
    const QByteArray name("we:ird\n\\name\0", 13);
    const QByteArray value("\r\n:\\\0\xff", 6);
    StompFrame frame(StompFrame::Send);
    frame.addHeader(name, value);
    QCOMPARE(frame.headerName(0), QByteArrayView(name));
    QCOMPARE(frame.header(name), value);
    // A name is matched as a whole, never as a prefix of a longer name.
    QVERIFY(!frame.hasHeader(QByteArrayView(name).first(5)));
}

void tst_StompFrame::invalidUtf8Body()
{
    const StompFrame frame(StompFrame::Send, {{"destination", "/q/\xff"}}, QByteArray("ok\xff", 3));
    QCOMPARE(frame.text(), QStringLiteral("ok\uFFFD"));
    QCOMPARE(frame.destination(), QStringLiteral("/q/\uFFFD"));
    QCOMPARE(frame.body().size(), 3);
}

void tst_StompFrame::jsonLine_data()
{
    QTest::addColumn<StompFrame>("frame");
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("text, headers in wire order")
            << StompFrame(StompFrame::Message, {{"destination", "/q"}, {"x", "\"quoted\""}, {"destination", "/second"}},
                          "h\xc3\xa9\n")
            << QByteArray("{\"command\":\"MESSAGE\",\"headers\":[[\"destination\",\"/q\"],[\"x\",\"\\\"quoted\\\"\"],"
                          "[\"destination\",\"/second\"]],\"body\":\"h\xc3\xa9\\n\"}\n");
    QTest::newRow("control characters")
            << StompFrame(StompFrame::Message, {}, QByteArray("a\tb\x01\x7f", 5))
            << QByteArray("{\"command\":\"MESSAGE\",\"headers\":[],\"body\":\"a\\tb\\u0001\\u007f\"}\n");
    QTest::newRow("binary body as base64")
            << StompFrame(StompFrame::Message, {{"destination", "/q"}}, QByteArray("\xff\x00", 2))
            << QByteArray("{\"command\":\"MESSAGE\",\"headers\":[[\"destination\",\"/q\"]],\"body_base64\":\"/wA=\"}\n");
    QTest::newRow("truncated UTF-8 is binary")
            << StompFrame(StompFrame::Message, {}, QByteArray("\xc3"))
            << QByteArray("{\"command\":\"MESSAGE\",\"headers\":[],\"body_base64\":\"ww==\"}\n");
    QTest::newRow("CONNECT passcode masked")
            << StompFrame(StompFrame::Connect, {{"login", "u"}, {"passcode", "secret"}})
            << QByteArray("{\"command\":\"CONNECT\",\"headers\":[[\"login\",\"u\"],[\"passcode\",\"********\"]],\"body\":\"\"}\n");
}

void tst_StompFrame::jsonLine()
{
    QFETCH(StompFrame, frame);
    QFETCH(QByteArray, line);
    QCOMPARE(frame.toJsonLine(), line);
}

void tst_StompFrame::builders()
{
    const StompFrame send = StompFrame::makeSend(QStringLiteral("/queue/ä"), "body",
                                                 {{"a", "1"}, {"transaction", "ignored"}}, QStringLiteral("tx-1"));
    QCOMPARE(send.command(), StompFrame::Send);
    // The transaction argument replaces a header of that name, in its place.
    QCOMPARE(send.headers(), (StompHeaders{{"destination", "/queue/\xc3\xa4"}, {"a", "1"}, {"transaction", "tx-1"}}));
    QCOMPARE(send.body(), QByteArray("body"));
    // ASCII destinations take the direct path; the same headers must come out.
    const StompFrame ascii = StompFrame::makeSend(QStringLiteral("/queue/a"), "b", {{"x", "y"}}, QStringLiteral("t"));
    QCOMPARE(ascii.headers(), (StompHeaders{{"destination", "/queue/a"}, {"x", "y"}, {"transaction", "t"}}));
    QCOMPARE(ascii.headerView("transaction"), QByteArrayView("t"));
    const StompFrame plain = StompFrame::makeSend(QStringLiteral("/q"), {});
    QCOMPARE(plain.headers(), (StompHeaders{{"destination", "/q"}}));
    QVERIFY(plain.body().isEmpty());
    for (auto command : {StompFrame::Begin, StompFrame::Commit, StompFrame::Abort}) {
        const StompFrame tx = StompFrame::makeTransaction(command, QStringLiteral("t1"));
        QCOMPARE(tx.command(), command);
        QCOMPARE(tx.headers(), (StompHeaders{{"transaction", "t1"}}));
    }
}

QTEST_APPLESS_MAIN(tst_StompFrame)

#include "tst_stompframe.moc"
