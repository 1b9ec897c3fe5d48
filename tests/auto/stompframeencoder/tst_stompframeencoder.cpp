// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompframeencoder.h>
#include <StompQt/stompframeparser.h>

#include "stomptesthelpers.h"

#include <QtCore/qdebug.h>
#include <QtCore/qrandom.h>
#include <QtTest/qtest.h>

using Headers = StompHeaders;
using Version = StompFrame::Version;
using Options = StompFrameEncoder::Options;

Q_DECLARE_METATYPE(StompFrameEncoder::Options)

namespace {

template<size_t N>
QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, N - 1); // keeps embedded NULs
}

/// The random frames of the round trip, and what the parser must give back for them.
class FrameFactory
{
public:
    FrameFactory(quint32 seed, Version version) : m_random(seed), m_version(version) {}

    struct Case
    {
        StompFrame frame;
        StompFrameEncoder::Options options;
        StompFrame expected;
    };

    Case next()
    {
        static const StompFrame::Command commands[] = {
            StompFrame::Connect, StompFrame::Stomp, StompFrame::Send, StompFrame::Subscribe,
            StompFrame::Unsubscribe, StompFrame::Begin, StompFrame::Commit, StompFrame::Abort,
            StompFrame::Ack, StompFrame::Nack, StompFrame::Disconnect, StompFrame::Connected,
            StompFrame::Message, StompFrame::Receipt, StompFrame::Error,
        };
        const StompFrame::Command command = commands[m_random.bounded(int(std::size(commands)))];
        // What the version can carry: nothing is escaped in 1.0 nor in CONNECT, STOMP and
        // CONNECTED, 1.1 cannot escape a carriage return, 1.2 carries every octet.
        const bool verbatim = m_version == Version::V1_0 || StompFrame::isUnescapedCommand(command);
        QByteArray forbiddenInName, forbiddenInValue;
        if (verbatim) {
            forbiddenInName = ":\n\r";
            forbiddenInValue = "\n\r";
        } else if (m_version == Version::V1_1) {
            forbiddenInName = forbiddenInValue = "\r";
        }

        Case c;
        c.frame.setCommand(command);
        const int headerCount = int(m_random.bounded(9));
        for (int i = 0; i < headerCount; ++i) {
            QByteArray name;
            if (i > 0 && m_random.bounded(5) == 0) // a repeated header
                name = c.frame.headerName(int(m_random.bounded(i))).toByteArray();
            while (name.isEmpty() || name == "content-length")
                name = randomText(1 + int(m_random.bounded(12)), forbiddenInName);
            const int valueLength = m_random.bounded(20) == 0 ? int(m_random.bounded(3000))
                                                              : int(m_random.bounded(40));
            c.frame.addHeader(name, randomText(valueLength, forbiddenInValue));
        }
        const int bodyLength = m_random.bounded(4) == 0 ? 0
                : m_random.bounded(30) == 0             ? int(m_random.bounded(200'000))
                                                        : int(m_random.bounded(300));
        c.frame.setBody(randomText(bodyLength, {}));

        // Without content-length the body ends at its first NUL, so only NUL-free bodies
        // may omit it.
        const bool omit = !c.frame.body().contains('\0') && m_random.bounded(5) == 0;
        c.options = omit ? StompFrameEncoder::OmitContentLength : StompFrameEncoder::NoOption;
        c.expected = c.frame;
        const bool mayCarryBody = command == StompFrame::Send || command == StompFrame::Message
                || command == StompFrame::Error;
        if (!omit && (mayCarryBody || !c.frame.body().isEmpty()))
            c.expected.addHeader("content-length", QByteArray::number(c.frame.body().size()));
        return c;
    }

    QByteArray heartBeats()
    {
        QByteArray eols;
        for (int n = int(m_random.bounded(4)) - 1; n > 0; --n)
            eols += m_random.bounded(2) ? "\n" : "\r\n";
        return eols;
    }

    qsizetype chunkSize() { return 1 + m_random.bounded(m_random.bounded(3) ? 64 : 70'000); }

private:
    QByteArray randomText(int length, const QByteArray &forbidden)
    {
        // Mostly the octets that matter to framing and escaping, then anything at all.
        static const QByteArray special = bytes(":\n\r\\\0 cnrt");
        QByteArray out;
        out.reserve(length);
        while (out.size() < length) {
            const char c = m_random.bounded(3) == 0 ? special[m_random.bounded(int(special.size()))]
                                                    : char(m_random.bounded(256));
            if (!forbidden.contains(c))
                out.append(c);
        }
        return out;
    }

    QRandomGenerator m_random;
    Version m_version;
};

quint32 roundTripSeed()
{
    bool ok = false;
    const quint32 fromEnv = qEnvironmentVariable("STOMPQT_TEST_SEED").toUInt(&ok);
    return ok ? fromEnv : QRandomGenerator::global()->generate();
}

} // namespace

class tst_StompFrameEncoder : public QObject
{
    Q_OBJECT

private slots:
    // ---- happy ------------------------------------------------------------------------
    void encode_data();
    void encode();
    void appendsToExistingOutput();
    void escapeFunction_data();
    void escapeFunction();
    void heartBeat();
    void randomRoundTrip_data();
    void randomRoundTrip();

    // ---- rainy day --------------------------------------------------------------------
    void refused_data();
    void refused();
};

// ---------------------------------------------------------------------------------------
// happy
// ---------------------------------------------------------------------------------------

void tst_StompFrameEncoder::encode_data()
{
    QTest::addColumn<Version>("version");
    QTest::addColumn<StompFrame>("frame");
    QTest::addColumn<Options>("options");
    QTest::addColumn<QByteArray>("expected");

    using F = StompFrame;
    const Options none = StompFrameEncoder::NoOption;
    const Options omit = StompFrameEncoder::OmitContentLength;
    const F special(F::Send, {{"a:b", "c\nd\re\\f:g"}});

    QTest::newRow("1.2 escapes all four") << Version::V1_2 << special << none
                                          << bytes("SEND\na\\cb:c\\nd\\re\\\\f\\cg\ncontent-length:0\n\n\0");
    QTest::newRow("1.1 escapes \\n \\c \\\\")
            << Version::V1_1 << F(F::Send, {{"a:b", "c\nd\\f:g"}}) << none
            << bytes("SEND\na\\cb:c\\nd\\\\f\\cg\ncontent-length:0\n\n\0");
    QTest::newRow("1.0 writes octets as they are")
            << Version::V1_0 << F(F::Send, {{"a\\b", "b:c\\nd"}}) << none
            << bytes("SEND\na\\b:b:c\\nd\ncontent-length:0\n\n\0");
    QTest::newRow("1.2 escapes in MESSAGE") << Version::V1_2
                                            << F(F::Message, {{"k", "\\"}}, "x") << none
                                            << bytes("MESSAGE\nk:\\\\\ncontent-length:1\n\nx\0");
    for (Version v : {Version::V1_1, Version::V1_2}) {
        const QByteArray tag = v == Version::V1_1 ? "1.1 " : "1.2 ";
        QTest::newRow(tag + "CONNECT verbatim")
                << v << F(F::Connect, {{"login", "u:x"}, {"passcode", "p\\w:"}}) << none
                << bytes("CONNECT\nlogin:u:x\npasscode:p\\w:\n\n\0");
        QTest::newRow(tag + "STOMP verbatim")
                << v << F(F::Stomp, {{"host", "a\\nb"}}) << none << bytes("STOMP\nhost:a\\nb\n\n\0");
        QTest::newRow(tag + "CONNECTED verbatim")
                << v << F(F::Connected, {{"server", "x:y\\z"}}) << none
                << bytes("CONNECTED\nserver:x:y\\z\n\n\0");
    }
    QTest::newRow("SEND body gets content-length")
            << Version::V1_2 << F(F::Send, {{"destination", "/q"}}, "hello") << none
            << bytes("SEND\ndestination:/q\ncontent-length:5\n\nhello\0");
    QTest::newRow("SEND empty body: content-length 0") << Version::V1_2 << F(F::Send) << none
                                                       << bytes("SEND\ncontent-length:0\n\n\0");
    QTest::newRow("ERROR body") << Version::V1_2 << F(F::Error, {{"message", "bad"}}, "why") << none
                                << bytes("ERROR\nmessage:bad\ncontent-length:3\n\nwhy\0");
    QTest::newRow("NUL bytes in body") << Version::V1_2 << F(F::Send, {}, bytes("a\0b")) << none
                                       << bytes("SEND\ncontent-length:3\n\na\0b\0");
    QTest::newRow("SUBSCRIBE without body") << Version::V1_2
                                            << F(F::Subscribe, {{"id", "0"}, {"destination", "/q"}})
                                            << none << bytes("SUBSCRIBE\nid:0\ndestination:/q\n\n\0");
    QTest::newRow("DISCONNECT with receipt") << Version::V1_2 << F(F::Disconnect, {{"receipt", "77"}})
                                             << none << bytes("DISCONNECT\nreceipt:77\n\n\0");
    QTest::newRow("a body on any frame gets content-length")
            << Version::V1_2 << F(F::Ack, {{"id", "1"}}, "x") << none
            << bytes("ACK\nid:1\ncontent-length:1\n\nx\0");
    QTest::newRow("caller's content-length replaced")
            << Version::V1_2
            << F(F::Send, {{"destination", "/q"}, {"content-length", "999"}, {"x", "y"}}, "abc")
            << none << bytes("SEND\ndestination:/q\nx:y\ncontent-length:3\n\nabc\0");
    QTest::newRow("every caller content-length replaced")
            << Version::V1_2
            << F(F::Message, {{"content-length", "1"}, {"content-length", "2"}}, "abcd") << none
            << bytes("MESSAGE\ncontent-length:4\n\nabcd\0");
    QTest::newRow("caller's content-length on a frame without body")
            << Version::V1_2 << F(F::Receipt, {{"receipt-id", "1"}, {"content-length", "5"}})
            << none << bytes("RECEIPT\nreceipt-id:1\n\n\0");
    QTest::newRow("OmitContentLength") << Version::V1_2
                                       << F(F::Send, {{"destination", "/q"}}, "text") << omit
                                       << bytes("SEND\ndestination:/q\n\ntext\0");
    QTest::newRow("OmitContentLength drops the caller's too")
            << Version::V1_2 << F(F::Send, {{"content-length", "4"}}, "text") << omit
            << bytes("SEND\n\ntext\0");
    QTest::newRow("repeated headers kept in order")
            << Version::V1_2 << F(F::Message, {{"foo", "World"}, {"bar", ""}, {"foo", "Hello"}}) << none
            << bytes("MESSAGE\nfoo:World\nbar:\nfoo:Hello\ncontent-length:0\n\n\0");
    QTest::newRow("UTF-8 untouched") << Version::V1_2
                                     << F(F::Send, {{"dest", "/q/\xc3\xa9"}}, "\xe2\x82\xac") << none
                                     << bytes("SEND\ndest:/q/\xc3\xa9\ncontent-length:3\n\n\xe2\x82\xac\0");
}

void tst_StompFrameEncoder::encode()
{
    QFETCH(Version, version);
    QFETCH(StompFrame, frame);
    QFETCH(Options, options);
    QFETCH(QByteArray, expected);

    QString why;
    const QByteArray out = StompFrameEncoder::encode(frame, version, options, &why);
    QCOMPARE(out, expected);
    QVERIFY2(why.isEmpty(), qPrintable(why));

    // And the parser of the same version reads back the same headers and body.
    StompFrameParser parser(version);
    parser.feed(out);
    StompFrame parsed;
    QCOMPARE(parser.next(&parsed), StompFrameParser::FrameReady);
    QCOMPARE(parser.next(&parsed), StompFrameParser::NeedMoreData);
    QCOMPARE(parsed.command(), frame.command());
    QCOMPARE(parsed.body(), frame.body());
    StompFrame withoutLength = parsed;
    withoutLength.removeHeader("content-length");
    StompFrame originalWithoutLength = frame;
    originalWithoutLength.removeHeader("content-length");
    QCOMPARE(withoutLength, originalWithoutLength);
    if (parsed.hasHeader("content-length"))
        QCOMPARE(parsed.contentLength(), frame.body().size());
}

void tst_StompFrameEncoder::appendsToExistingOutput()
{
    QByteArray out("previous frame bytes|");
    const StompFrame frame(StompFrame::Send, {{"destination", "/q"}}, "x");
    QVERIFY(StompFrameEncoder::encode(frame, Version::V1_2, &out));
    QCOMPARE(out, bytes("previous frame bytes|SEND\ndestination:/q\ncontent-length:1\n\nx\0"));
    QVERIFY(StompFrameEncoder::encode(frame, Version::V1_2, &out));
    QCOMPARE(out.count(bytes("SEND\n")), 2);
}

void tst_StompFrameEncoder::escapeFunction_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<Version>("version");
    QTest::addColumn<bool>("verbatim");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain") << QByteArray("abc") << Version::V1_2 << false << QByteArray("abc");
    QTest::newRow("1.2") << QByteArray("\r\n:\\") << Version::V1_2 << false
                         << QByteArray("\\r\\n\\c\\\\");
    QTest::newRow("1.1") << QByteArray("\n:\\") << Version::V1_1 << false << QByteArray("\\n\\c\\\\");
    QTest::newRow("1.0") << QByteArray(":\\") << Version::V1_0 << false << QByteArray(":\\");
    QTest::newRow("verbatim") << QByteArray(":\\") << Version::V1_2 << true << QByteArray(":\\");
    // rainy: what cannot be carried gives an empty result
    QTest::newRow("1.1 CR") << QByteArray("a\rb") << Version::V1_1 << false << QByteArray();
    QTest::newRow("1.0 LF") << QByteArray("a\nb") << Version::V1_0 << false << QByteArray();
    QTest::newRow("verbatim LF") << QByteArray("a\nb") << Version::V1_2 << true << QByteArray();
}

void tst_StompFrameEncoder::escapeFunction()
{
    QFETCH(QByteArray, raw);
    QFETCH(Version, version);
    QFETCH(bool, verbatim);
    QFETCH(QByteArray, expected);
    QCOMPARE(StompFrameEncoder::escape(raw, version, verbatim), expected);
}

void tst_StompFrameEncoder::heartBeat()
{
    const QByteArray beat = StompFrameEncoder::heartBeat();
    QCOMPARE(beat, QByteArray("\n"));
    StompFrameParser parser;
    parser.feed(beat);
    StompFrame frame;
    QCOMPARE(parser.next(&frame), StompFrameParser::HeartBeat);
    QCOMPARE(parser.next(&frame), StompFrameParser::NeedMoreData);
    QCOMPARE(parser.consumedBytes(), 1);
}

void tst_StompFrameEncoder::randomRoundTrip_data()
{
    QTest::addColumn<Version>("version");
    QTest::newRow("1.0") << Version::V1_0;
    QTest::newRow("1.1") << Version::V1_1;
    QTest::newRow("1.2") << Version::V1_2;
}

void tst_StompFrameEncoder::randomRoundTrip()
{
    QFETCH(Version, version);
    constexpr int frameCount = 2000;
    const quint32 seed = roundTripSeed();
    const QByteArray reproduce = " (seed " + QByteArray::number(seed)
            + "; rerun with STOMPQT_TEST_SEED=" + QByteArray::number(seed) + ")";

    FrameFactory factory(seed, version);
    QList<FrameFactory::Case> cases;
    QByteArray stream;
    int heartBeats = 0;
    for (int i = 0; i < frameCount; ++i) {
        FrameFactory::Case c = factory.next();
        QString why;
        const bool ok = StompFrameEncoder::encode(c.frame, version, &stream, c.options, &why);
        QVERIFY2(ok, qPrintable(QStringLiteral("frame %1 refused: %2").arg(i).arg(why)
                                + QString::fromLatin1(reproduce)));
        const QByteArray eols = factory.heartBeats();
        heartBeats += eols.count('\n');
        stream += eols;
        cases.append(std::move(c));
    }

    // One parser for the whole stream, fed in random chunks as a socket would.
    StompFrameParser parser(version);
    QList<StompFrame> parsed;
    int beatsSeen = 0;
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype n = qMin(factory.chunkSize(), stream.size() - at);
        const QByteArrayView chunk(stream.constData() + at, n);
        at += n;
        parser.feed(chunk);
        for (;;) {
            StompFrame frame;
            const auto r = parser.next(&frame);
            if (r == StompFrameParser::FrameReady)
                parsed.append(frame);
            else if (r == StompFrameParser::HeartBeat)
                ++beatsSeen;
            else if (r == StompFrameParser::NeedMoreData)
                break;
            else
                QFAIL(qPrintable(QStringLiteral("parse error after %1 frames: %2")
                                         .arg(parsed.size()).arg(parser.errorString())
                                 + QString::fromLatin1(reproduce)));
        }
    }
    QVERIFY2(parsed.size() == frameCount,
             (QByteArray::number(parsed.size()) + " frames" + reproduce).constData());
    for (int i = 0; i < frameCount; ++i) {
        if (parsed[i] != cases[i].expected) {
            QString text;
            QDebug(&text) << "frame" << i << "\n  sent" << cases[i].frame << "\n  want"
                          << cases[i].expected << "\n  got " << parsed[i];
            QFAIL(qPrintable(text + QString::fromLatin1(reproduce)));
        }
    }
    QVERIFY2(beatsSeen == heartBeats, reproduce.constData());
    QCOMPARE(parser.consumedBytes(), stream.size());
}

// ---------------------------------------------------------------------------------------
// rainy day
// ---------------------------------------------------------------------------------------

void tst_StompFrameEncoder::refused_data()
{
    QTest::addColumn<Version>("version");
    QTest::addColumn<StompFrame>("frame");
    QTest::addColumn<Options>("options");

    using F = StompFrame;
    const Options none = StompFrameEncoder::NoOption;
    const Options omit = StompFrameEncoder::OmitContentLength;

    QTest::newRow("NUL in body without content-length")
            << Version::V1_2 << F(F::Send, {}, bytes("a\0b")) << omit;
    QTest::newRow("NUL-only body without content-length")
            << Version::V1_2 << F(F::Message, {}, bytes("\0")) << omit;
    QTest::newRow("1.0 LF in value") << Version::V1_0 << F(F::Send, {{"k", "a\nb"}}) << none;
    QTest::newRow("1.0 LF in name") << Version::V1_0 << F(F::Send, {{"a\nb", "v"}}) << none;
    QTest::newRow("1.0 CR in value") << Version::V1_0 << F(F::Send, {{"k", "a\r"}}) << none;
    QTest::newRow("1.0 colon in name") << Version::V1_0 << F(F::Send, {{"a:b", "v"}}) << none;
    QTest::newRow("1.1 CR in value") << Version::V1_1 << F(F::Send, {{"k", "a\rb"}}) << none;
    QTest::newRow("1.1 CR in name") << Version::V1_1 << F(F::Message, {{"\r", "v"}}) << none;
    for (Version v : {Version::V1_0, Version::V1_1, Version::V1_2}) {
        const QByteArray tag = v == Version::V1_0 ? "1.0 " : v == Version::V1_1 ? "1.1 " : "1.2 ";
        QTest::newRow(tag + "CONNECT LF in value")
                << v << F(F::Connect, {{"passcode", "a\nb"}}) << none;
        QTest::newRow(tag + "CONNECT CR in value") << v << F(F::Connect, {{"host", "h\r"}}) << none;
        QTest::newRow(tag + "CONNECTED colon in name")
                << v << F(F::Connected, {{"a:b", "v"}}) << none;
        QTest::newRow(tag + "STOMP LF in name") << v << F(F::Stomp, {{"a\n", "v"}}) << none;
        QTest::newRow(tag + "invalid command") << v << F(F::Invalid, {{"a", "b"}}) << none;
        QTest::newRow(tag + "command out of range") << v << F(F::Command(99)) << none;
        QTest::newRow(tag + "empty header name") << v << F(F::Send, {{"", "v"}}) << none;
    }
    QTest::newRow("bad header after good ones")
            << Version::V1_1 << F(F::Send, {{"a", "1"}, {"b", "2"}, {"c", "\r"}}, "body") << none;
}

void tst_StompFrameEncoder::refused()
{
    QFETCH(Version, version);
    QFETCH(StompFrame, frame);
    QFETCH(Options, options);

    const QByteArray before("earlier bytes");
    QByteArray out = before;
    QString why;
    QVERIFY(!StompFrameEncoder::encode(frame, version, &out, options, &why));
    QCOMPARE(out, before); // nothing half-written
    QVERIFY(!why.isEmpty());

    QString why2;
    QVERIFY(StompFrameEncoder::encode(frame, version, options, &why2).isEmpty());
    QCOMPARE(why2, why);
    // Without a place for the reason it still refuses, and does not crash.
    QVERIFY(StompFrameEncoder::encode(frame, version, options).isEmpty());
}

QTEST_APPLESS_MAIN(tst_StompFrameEncoder)

#include "tst_stompframeencoder.moc"
