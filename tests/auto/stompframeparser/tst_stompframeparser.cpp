// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompframeencoder.h>
#include <StompQt/stompframeparser.h>

#include "stomptesthelpers.h"

#include <QtCore/qdebug.h>
#include <QtCore/qrandom.h>
#include <QtTest/qtest.h>

using Headers = StompHeaders;
using Version = StompFrame::Version;
using ErrorCode = StompFrameParser::ErrorCode;
using Frames = QList<StompFrame>;

Q_DECLARE_METATYPE(StompParserLimits)
Q_DECLARE_METATYPE(StompFrameParser::ErrorCode)

namespace QTest {
template<>
char *toString(const StompFrameParser::ErrorCode &code)
{
    static const char *const names[] = {
        "NoError", "InvalidCommand", "MalformedHeader", "InvalidEscape", "TooManyHeaders",
        "HeaderLineTooLong", "BodyTooLarge", "InvalidContentLength", "MissingNul",
        "BufferLimitExceeded",
    };
    const int i = int(code);
    return qstrdup(i >= 0 && i < int(std::size(names)) ? names[i] : "?");
}
} // namespace QTest

namespace {

/// The specification's notation: "^@" stands for the NUL octet.
template<size_t N>
QByteArray wire(const char (&text)[N])
{
    QByteArray out(text, N - 1); // keeps embedded NULs too
    out.replace("^@", QByteArray(1, '\0'));
    return out;
}

StompParserLimits limitsWith(int headerCount, qsizetype lineLength, qsizetype body,
                             qsizetype buffered)
{
    StompParserLimits l;
    l.maxHeaderCount = headerCount;
    l.maxHeaderLineLength = lineLength;
    l.maxBodySize = body;
    l.maxBufferedBytes = buffered;
    return l;
}

/// Everything a parser reports for one stream.
struct Outcome
{
    Frames frames;
    int heartBeats = 0;
    ErrorCode error = ErrorCode::NoError;
    qint64 errorOffset = -1;
    qint64 consumed = 0;
    bool lostBytes = false; // consumedBytes() + bufferedBytes() did not add up to the input

    friend bool operator==(const Outcome &a, const Outcome &b)
    {
        return a.frames == b.frames && a.heartBeats == b.heartBeats && a.error == b.error
                && a.errorOffset == b.errorOffset && a.consumed == b.consumed
                && a.lostBytes == b.lostBytes;
    }
    QByteArray describe() const
    {
        QString text;
        QDebug dbg(&text);
        dbg << frames.size() << "frames," << heartBeats << "heart-beats, error"
            << int(error) << "at" << errorOffset << ", consumed" << consumed;
        if (lostBytes)
            dbg << "(consumed + buffered != fed)";
        for (const StompFrame &f : frames)
            dbg << "\n   " << f;
        return text.toUtf8();
    }
};

/// Feeds \a stream cut at \a cuts (ascending offsets), draining after every piece. Each
/// piece lives in its own buffer that is scribbled over once the parser asked for more
/// data, as a socket read buffer would be: the parser may not keep pointers into it.
Outcome parsePieces(const QByteArray &stream, const QList<qsizetype> &cuts,
                    Version version = Version::V1_2, const StompParserLimits &limits = {})
{
    StompFrameParser parser(version, limits);
    Outcome out;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= cuts.size(); ++i) {
        const qsizetype end = i < cuts.size() ? cuts[i] : stream.size();
        QByteArray piece = stream.mid(start, end - start);
        start = end;
        parser.feed(piece);
        for (bool more = true; more;) {
            StompFrame frame;
            switch (parser.next(&frame)) {
            case StompFrameParser::FrameReady: out.frames.append(frame); break;
            case StompFrameParser::HeartBeat: ++out.heartBeats; break;
            case StompFrameParser::NeedMoreData:
                more = false;
                // Every byte fed is either consumed or held, never both, never lost.
                if (parser.consumedBytes() + parser.bufferedBytes() != end)
                    out.lostBytes = true;
                break;
            case StompFrameParser::Error:
                out.error = parser.error();
                out.errorOffset = parser.errorOffset();
                out.consumed = parser.consumedBytes();
                return out;
            }
        }
        piece.fill('\xA5');
    }
    out.consumed = parser.consumedBytes();
    return out;
}

Outcome parseWhole(const QByteArray &stream, Version version = Version::V1_2,
                   const StompParserLimits &limits = {})
{
    return parsePieces(stream, {}, version, limits);
}

QList<qsizetype> everyByte(qsizetype size)
{
    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < size; ++i)
        cuts.append(i);
    return cuts;
}

/// Parses one stream that must hold exactly one frame and nothing else.
StompFrame parseOne(const QByteArray &bytes, Version version = Version::V1_2)
{
    const Outcome o = parseWhole(bytes, version);
    if (o.error != ErrorCode::NoError || o.frames.size() != 1)
        return {};
    return o.frames.first();
}

// ---- the examples printed in the STOMP 1.2 specification ------------------------------

struct Example
{
    const char *name;
    QByteArray bytes;
    StompFrame frame;
};

QList<Example> specExampleFrames()
{
    using F = StompFrame;
    const QByteArray errorBody =
            "The message:\n-----\nMESSAGE\ndestined:/queue/a\nreceipt:message-12345\n\n"
            "Hello queue a!\n-----\nDid not contain a destination header, which is REQUIRED\n"
            "for message propagation.\n";
    return {
        {"CONNECT", wire("CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n^@"),
         F(F::Connect, {{"accept-version", "1.2"}, {"host", "stomp.github.org"}})},
        {"CONNECTED", wire("CONNECTED\nversion:1.2\n\n^@"), F(F::Connected, {{"version", "1.2"}})},
        {"SEND with receipt",
         wire("SEND\ndestination:/queue/a\nreceipt:message-12345\n\nhello queue a^@"),
         F(F::Send, {{"destination", "/queue/a"}, {"receipt", "message-12345"}}, "hello queue a")},
        {"repeated header", wire("MESSAGE\nfoo:World\nfoo:Hello\n\n^@"),
         F(F::Message, {{"foo", "World"}, {"foo", "Hello"}})},
        {"CONNECT negotiation",
         wire("CONNECT\naccept-version:1.0,1.1,2.0\nhost:stomp.github.org\n\n^@"),
         F(F::Connect, {{"accept-version", "1.0,1.1,2.0"}, {"host", "stomp.github.org"}})},
        {"CONNECTED 1.1", wire("CONNECTED\nversion:1.1\n\n^@"), F(F::Connected, {{"version", "1.1"}})},
        {"ERROR version",
         wire("ERROR\nversion:1.2,2.1\ncontent-type:text/plain\n\n"
              "Supported protocol versions are 1.2 2.1^@"),
         F(F::Error, {{"version", "1.2,2.1"}, {"content-type", "text/plain"}},
           "Supported protocol versions are 1.2 2.1")},
        {"SEND text", wire("SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\n^@"),
         F(F::Send, {{"destination", "/queue/a"}, {"content-type", "text/plain"}}, "hello queue a\n")},
        {"SUBSCRIBE", wire("SUBSCRIBE\nid:0\ndestination:/queue/foo\nack:client\n\n^@"),
         F(F::Subscribe, {{"id", "0"}, {"destination", "/queue/foo"}, {"ack", "client"}})},
        {"UNSUBSCRIBE", wire("UNSUBSCRIBE\nid:0\n\n^@"), F(F::Unsubscribe, {{"id", "0"}})},
        {"ACK", wire("ACK\nid:12345\ntransaction:tx1\n\n^@"),
         F(F::Ack, {{"id", "12345"}, {"transaction", "tx1"}})},
        // The specification describes NACK as taking ACK's headers; it prints no example.
        {"NACK", wire("NACK\nid:12345\ntransaction:tx1\n\n^@"),
         F(F::Nack, {{"id", "12345"}, {"transaction", "tx1"}})},
        {"BEGIN", wire("BEGIN\ntransaction:tx1\n\n^@"), F(F::Begin, {{"transaction", "tx1"}})},
        {"COMMIT", wire("COMMIT\ntransaction:tx1\n\n^@"), F(F::Commit, {{"transaction", "tx1"}})},
        {"ABORT", wire("ABORT\ntransaction:tx1\n\n^@"), F(F::Abort, {{"transaction", "tx1"}})},
        // The printed DISCONNECT/RECEIPT examples omit the blank line that the grammar
        // requires; see the rainy-day test for the literal text.
        {"DISCONNECT", wire("DISCONNECT\nreceipt:77\n\n^@"), F(F::Disconnect, {{"receipt", "77"}})},
        {"RECEIPT 77", wire("RECEIPT\nreceipt-id:77\n\n^@"), F(F::Receipt, {{"receipt-id", "77"}})},
        {"MESSAGE",
         wire("MESSAGE\nsubscription:0\nmessage-id:007\ndestination:/queue/a\n"
              "content-type:text/plain\n\nhello queue a^@"),
         F(F::Message, {{"subscription", "0"}, {"message-id", "007"}, {"destination", "/queue/a"},
                        {"content-type", "text/plain"}}, "hello queue a")},
        {"RECEIPT", wire("RECEIPT\nreceipt-id:message-12345\n\n^@"),
         F(F::Receipt, {{"receipt-id", "message-12345"}})},
        {"ERROR with content-length",
         wire("ERROR\nreceipt-id:message-12345\ncontent-type:text/plain\ncontent-length:170\n"
              "message:malformed frame received\n\n") + errorBody + QByteArray(1, '\0'),
         F(F::Error, {{"receipt-id", "message-12345"}, {"content-type", "text/plain"},
                      {"content-length", "170"}, {"message", "malformed frame received"}},
           errorBody)},
    };
}

QByteArray allSpecExamples(Frames *frames)
{
    QByteArray stream;
    for (const Example &e : specExampleFrames()) {
        stream += e.bytes;
        frames->append(e.frame);
    }
    return stream;
}

// A stream that exercises every path the parser has between two frames.
QByteArray mixedStream(Frames *frames, int *heartBeats)
{
    using F = StompFrame;
    const QByteArray nulBody("\0a\0\0b\n\0", 7);
    QByteArray s;
    s += "\n\r\n"; // heart-beats before the first frame
    s += wire("CONNECTED\r\nversion:1.2\r\nheart-beat:0,1000\r\n\r\n^@");
    frames->append(F(F::Connected, {{"version", "1.2"}, {"heart-beat", "0,1000"}}));
    s += "\n\n\r\n";
    s += "MESSAGE\ncontent-length:7\nsubscription:0\n\n" + nulBody + QByteArray(1, '\0');
    frames->append(F(F::Message, {{"content-length", "7"}, {"subscription", "0"}}, nulBody));
    s += wire("MESSAGE\r\nesc\\c\\n:v\\\\al\\r\r\nfoo:World\nfoo:Hello\r\n\r\n\r\nbody\r\n^@");
    frames->append(F(F::Message, {{"esc:\n", "v\\al\r"}, {"foo", "World"}, {"foo", "Hello"}},
                     "\r\nbody\r\n"));
    s += wire("RECEIPT\nreceipt-id:1\n\n^@"); // back to back, no EOL after the NUL
    frames->append(F(F::Receipt, {{"receipt-id", "1"}}));
    s += "\r\n";
    s += wire("ERROR\ncontent-length:0\nmessage:\n\n^@");
    frames->append(F(F::Error, {{"content-length", "0"}, {"message", ""}}));
    s += wire("MESSAGE\ncontent-length:3\n\n\n\n\n^@\n");
    frames->append(F(F::Message, {{"content-length", "3"}}, "\n\n\n"));
    *heartBeats = 2 + 3 + 1 + 1;
    return s;
}

/// Offsets at which to cut a stream in three: every first cut, with second cuts at
/// growing distances, so both cuts land on every kind of position.
QList<std::pair<qsizetype, qsizetype>> threeWayCuts(qsizetype size)
{
    QList<std::pair<qsizetype, qsizetype>> pairs;
    for (qsizetype i = 1; i < size; ++i) {
        for (qsizetype step : {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233}) {
            if (i + step < size)
                pairs.append({i, i + step});
        }
    }
    return pairs;
}

} // namespace

namespace QTest {
template<>
char *toString(const Outcome &outcome)
{
    return qstrdup(outcome.describe().constData());
}
} // namespace QTest

class tst_StompFrameParser : public QObject
{
    Q_OBJECT

private slots:
    // ---- happy ------------------------------------------------------------------------
    void specExamples_data();
    void specExamples();
    void everyChunkingGivesTheSameResult_data();
    void everyChunkingGivesTheSameResult();
    void lineEndings_data();
    void lineEndings();
    void heartBeats_data();
    void heartBeats();
    void contentLengthBody_data();
    void contentLengthBody();
    void bodyUpToFirstNul_data();
    void bodyUpToFirstNul();
    void escapes_data();
    void escapes();
    void limitsAtTheBoundary_data();
    void limitsAtTheBoundary();
    void feedTwiceBeforeDraining();
    void callerBufferReusedAfterNeedMoreData();
    void bufferedAndConsumedBytes();
    void timestamps();
    void settersAndGetters();
    void parsedFramesAreOrdinaryValues();
    void framesKeptByTheCallerStayIntact();

    // ---- rainy day --------------------------------------------------------------------
    void specExamplesWithoutBlankLine_data();
    void specExamplesWithoutBlankLine();
    void specExamplesWithoutBlankLineAllowed_data() { specExamplesWithoutBlankLine_data(); }
    void specExamplesWithoutBlankLineAllowed();
    void limitsExceeded_data();
    void limitsExceeded();
    void oversizedContentLengthFailsBeforeTheBody_data();
    void oversizedContentLengthFailsBeforeTheBody();
    void incompleteLinesFailEarly_data();
    void incompleteLinesFailEarly();
    void missingNul_data();
    void missingNul();
    void invalidContentLength_data();
    void invalidContentLength();
    void invalidCommand_data();
    void invalidCommand();
    void malformedHeader_data();
    void malformedHeader();
    void errorsAreStickyUntilReset_data();
    void errorsAreStickyUntilReset();
};

// ---------------------------------------------------------------------------------------
// happy
// ---------------------------------------------------------------------------------------

void tst_StompFrameParser::specExamples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<StompFrame>("expected");
    for (const Example &e : specExampleFrames())
        QTest::newRow(e.name) << e.bytes << e.frame;
}

void tst_StompFrameParser::specExamples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(StompFrame, expected);

    for (Version v : {Version::V1_0, Version::V1_1, Version::V1_2}) {
        StompFrameParser parser(v);
        parser.feed(bytes);
        StompFrame frame;
        QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
        QCOMPARE(frame, expected);
        QCOMPARE(frame.command(), expected.command());
        QCOMPARE(parser.next(&frame), StompFrameParser::NeedMoreData);
        QCOMPARE(parser.consumedBytes(), bytes.size());
        QCOMPARE(parser.bufferedBytes(), 0);
        QVERIFY(!parser.hasError());
        QCOMPARE(parser.error(), ErrorCode::NoError);
    }
}

void tst_StompFrameParser::everyChunkingGivesTheSameResult_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<Version>("version");
    QTest::addColumn<StompParserLimits>("limits");
    QTest::addColumn<Frames>("expectedFrames");
    QTest::addColumn<int>("expectedHeartBeats");
    QTest::addColumn<ErrorCode>("expectedError");
    QTest::addColumn<qint64>("expectedErrorOffset");

    const StompParserLimits defaults;
    Frames frames;
    const QByteArray spec = allSpecExamples(&frames);
    QTest::newRow("all spec examples") << spec << Version::V1_2 << defaults << frames << 0
                                       << ErrorCode::NoError << qint64(-1);

    frames.clear();
    int beats = 0;
    const QByteArray mixed = mixedStream(&frames, &beats);
    QTest::newRow("mixed") << mixed << Version::V1_2 << defaults << frames << beats
                           << ErrorCode::NoError << qint64(-1);

    // Streams that end in an error: the frames before it and the error itself must not
    // depend on how the bytes arrived.
    using F = StompFrame;
    const QByteArray first = wire("RECEIPT\nreceipt-id:1\n\n^@\n");
    const Frames one = {F(F::Receipt, {{"receipt-id", "1"}})};
    QTest::newRow("undefined escape") << first + "MESSAGE\nkey:va\\tlue\n\n" + QByteArray(1, '\0')
                                      << Version::V1_2 << defaults << one << 1
                                      << ErrorCode::InvalidEscape << qint64(first.size() + 8 + 6);
    QTest::newRow("missing NUL") << first + "SEND\ncontent-length:2\n\nabc" << Version::V1_2
                                 << defaults << one << 1 << ErrorCode::MissingNul
                                 << qint64(first.size() + 25);
    QTest::newRow("bad content-length") << first + "SEND\ncontent-length:1x\n\n" << Version::V1_2
                                        << defaults << one << 1 << ErrorCode::InvalidContentLength
                                        << qint64(first.size() + 5);
    QTest::newRow("lowercase command") << first + wire("send\n\n^@") << Version::V1_2 << defaults
                                       << one << 1 << ErrorCode::InvalidCommand
                                       << qint64(first.size());
    QTest::newRow("no colon") << first + wire("SEND\nabc\n\n^@") << Version::V1_2 << defaults
                              << one << 1 << ErrorCode::MalformedHeader << qint64(first.size() + 5);
    QTest::newRow("stray CR between frames") << first + "\rSEND" << Version::V1_2 << defaults
                                             << one << 1 << ErrorCode::InvalidCommand
                                             << qint64(first.size());

    // Limits, hit exactly at the boundary: 16 bytes per line, 2 headers, 8 body bytes.
    const StompParserLimits small = limitsWith(2, 16, 8, 1024);
    const QByteArray line16 = "k:" + QByteArray(14, 'v'); // exactly 16 bytes
    QTest::newRow("line at limit, LF then too long")
            << wire("SEND\n") + line16 + wire("\n\n^@SEND\n") + line16 + "v\n\n" << Version::V1_2
            << small << Frames{F(F::Send, {{"k", QByteArray(14, 'v')}})} << 0
            << ErrorCode::HeaderLineTooLong << qint64(5 + 16 + 3 + 5);
    QTest::newRow("line at limit, CRLF then too long")
            << wire("SEND\r\n") + line16 + wire("\r\n\r\n^@SEND\r\n") + line16 + "v\r\n\r\n"
            << Version::V1_2 << small << Frames{F(F::Send, {{"k", QByteArray(14, 'v')}})} << 0
            << ErrorCode::HeaderLineTooLong << qint64(6 + 16 + 5 + 6);
    QTest::newRow("two headers then three")
            << wire("ACK\na:1\nb:2\n\n^@ACK\na:1\nb:2\nc:3\n\n^@") << Version::V1_2 << small
            << Frames{F(F::Ack, {{"a", "1"}, {"b", "2"}})} << 0 << ErrorCode::TooManyHeaders
            << qint64(14 + 12);
    QTest::newRow("body at limit, then over")
            << wire("SEND\n\n12345678^@SEND\n\n123456789^@") << Version::V1_2 << small
            << Frames{F(F::Send, {}, "12345678")} << 0 << ErrorCode::BodyTooLarge << qint64(15 + 6);
    QTest::newRow("content-length at limit, then over")
            << wire("SEND\ncontent-length:8\n\n12345678^@SEND\ncontent-length:9\n\n")
            << Version::V1_2 << small
            << Frames{F(F::Send, {{"content-length", "8"}}, "12345678")} << 0
            << ErrorCode::BodyTooLarge << qint64(32 + 5);
    // The command line is bounded like any header line.
    const StompParserLimits tiny = limitsWith(10, 6, 100, 1024);
    QTest::newRow("command line over the limit")
            << wire("SEND\n\n^@DISCONNECT\n\n^@") << Version::V1_2 << tiny
            << Frames{F(F::Send)} << 0 << ErrorCode::HeaderLineTooLong << qint64(7);
    QTest::newRow("command line at the limit, CRLF")
            << wire("COMMIT\r\n\r\n^@") << Version::V1_2 << tiny << Frames{F(F::Commit)} << 0
            << ErrorCode::NoError << qint64(-1);
}

void tst_StompFrameParser::everyChunkingGivesTheSameResult()
{
    QFETCH(QByteArray, stream);
    QFETCH(Version, version);
    QFETCH(StompParserLimits, limits);
    QFETCH(Frames, expectedFrames);
    QFETCH(int, expectedHeartBeats);
    QFETCH(ErrorCode, expectedError);
    QFETCH(qint64, expectedErrorOffset);

    const Outcome whole = parseWhole(stream, version, limits);
    QCOMPARE(whole.frames, expectedFrames);
    QCOMPARE(whole.heartBeats, expectedHeartBeats);
    QCOMPARE(whole.error, expectedError);
    QCOMPARE(whole.errorOffset, expectedErrorOffset);
    if (expectedError == ErrorCode::NoError)
        QCOMPARE(whole.consumed, stream.size());

    const Outcome bytewise = parsePieces(stream, everyByte(stream.size()), version, limits);
    QVERIFY2(bytewise == whole, ("byte by byte: " + bytewise.describe()).constData());

    for (qsizetype cut = 1; cut < stream.size(); ++cut) {
        const Outcome halves = parsePieces(stream, {cut}, version, limits);
        if (!(halves == whole))
            QFAIL(QByteArray("cut at " + QByteArray::number(cut) + ": " + halves.describe()));
    }
    for (const auto &[a, b] : threeWayCuts(stream.size())) {
        const Outcome thirds = parsePieces(stream, {a, b}, version, limits);
        if (!(thirds == whole))
            QFAIL(QByteArray("cut at " + QByteArray::number(a) + " and " + QByteArray::number(b)
                             + ": " + thirds.describe()));
    }
}

void tst_StompFrameParser::lineEndings_data()
{
    QTest::addColumn<QByteArray>("lf");
    QTest::addColumn<QByteArray>("crlf");
    QTest::addColumn<StompFrame>("expected");

    using F = StompFrame;
    QTest::newRow("headers") << wire("SEND\ndestination:/q\nreceipt:9\n\nx^@")
                             << wire("SEND\r\ndestination:/q\r\nreceipt:9\r\n\r\nx^@")
                             << F(F::Send, {{"destination", "/q"}, {"receipt", "9"}}, "x");
    QTest::newRow("no headers") << wire("DISCONNECT\n\n^@") << wire("DISCONNECT\r\n\r\n^@")
                                << F(F::Disconnect);
    QTest::newRow("CR in the body is data") << wire("SEND\n\na\r\nb\r^@")
                                            << wire("SEND\r\n\r\na\r\nb\r^@")
                                            << F(F::Send, {}, "a\r\nb\r");
    QTest::newRow("empty value") << wire("SEND\nk:\n\n^@") << wire("SEND\r\nk:\r\n\r\n^@")
                                 << F(F::Send, {{"k", ""}});
    QTest::newRow("mixed within a frame") << wire("SEND\r\na:1\nb:2\r\n\n^@")
                                          << wire("SEND\na:1\r\nb:2\n\r\n^@")
                                          << F(F::Send, {{"a", "1"}, {"b", "2"}});
}

void tst_StompFrameParser::lineEndings()
{
    QFETCH(QByteArray, lf);
    QFETCH(QByteArray, crlf);
    QFETCH(StompFrame, expected);
    QCOMPARE(parseOne(lf), expected);
    QCOMPARE(parseOne(crlf), expected);
    QCOMPARE(parseOne(crlf, Version::V1_1), expected);
    QCOMPARE(parseOne(crlf, Version::V1_0), expected);
}

void tst_StompFrameParser::heartBeats_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("heartBeats");

    QTest::newRow("one LF") << QByteArray("\n") << 0 << 1;
    QTest::newRow("one CRLF") << QByteArray("\r\n") << 0 << 1;
    QTest::newRow("many") << QByteArray("\n\r\n\n\n\r\n") << 0 << 5;
    QTest::newRow("after a NUL") << wire("SEND\n\n^@\n\n") << 1 << 2;
    QTest::newRow("between frames") << wire("\nSEND\n\n^@\r\n\nSEND\n\n^@\n") << 2 << 4;
    QTest::newRow("none") << wire("SEND\n\n^@SEND\n\n^@") << 2 << 0;
}

void tst_StompFrameParser::heartBeats()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, frames);
    QFETCH(int, heartBeats);

    const Outcome o = parseWhole(stream);
    QCOMPARE(o.error, ErrorCode::NoError);
    QCOMPARE(o.frames.size(), frames);
    QCOMPARE(o.heartBeats, heartBeats);
    QCOMPARE(o.consumed, stream.size());
    QCOMPARE(parsePieces(stream, everyByte(stream.size())), o);
}

void tst_StompFrameParser::contentLengthBody_data()
{
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("only NUL") << QByteArray(1, '\0');
    QTest::newRow("NULs inside") << QByteArray("a\0b\0\0c", 6);
    QTest::newRow("ends with NUL") << QByteArray("abc\0", 4);
    QTest::newRow("looks like a frame") << wire("\n^@SEND\n\nx^@\n");
    QTest::newRow("all byte values") << [] {
        QByteArray b;
        for (int i = 0; i < 256; ++i)
            b.append(char(i));
        return b;
    }();
    QTest::newRow("100 KiB") << QByteArray(100 * 1024, '\0');
}

void tst_StompFrameParser::contentLengthBody()
{
    QFETCH(QByteArray, body);

    const QByteArray head = "MESSAGE\ncontent-length:" + QByteArray::number(body.size()) + "\n\n";
    const QByteArray stream = head + body + QByteArray(1, '\0') + wire("RECEIPT\n\n^@");
    const Frames expected = {
        StompFrame(StompFrame::Message, {{"content-length", QByteArray::number(body.size())}}, body),
        StompFrame(StompFrame::Receipt),
    };
    const Outcome whole = parseWhole(stream);
    QCOMPARE(whole.frames, expected);
    QCOMPARE(whole.frames.first().body().size(), body.size());
    if (body.size() < 4096) {
        QCOMPARE(parsePieces(stream, everyByte(stream.size())), whole);
    } else {
        for (qsizetype cut : {qsizetype(1), head.size() - 1, head.size(), head.size() + 1,
                              head.size() + body.size() / 2, head.size() + body.size(),
                              head.size() + body.size() + 1})
            QCOMPARE(parsePieces(stream, {cut}), whole);
    }
}

void tst_StompFrameParser::bodyUpToFirstNul_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("frames");

    QTest::newRow("empty") << wire("SEND\n\n^@") << QByteArray() << 1;
    QTest::newRow("text") << wire("SEND\n\nhello^@") << QByteArray("hello") << 1;
    QTest::newRow("stops at first NUL") << wire("SEND\n\nab^@SEND\n\n^@") << QByteArray("ab") << 2;
    QTest::newRow("EOLs in the body") << wire("SEND\n\n\n\r\n\n^@") << QByteArray("\n\r\n\n") << 1;
    QTest::newRow("headers-like body") << wire("SEND\n\nSEND\nk:v\n\n^@") << QByteArray("SEND\nk:v\n\n")
                                       << 1;
    QTest::newRow("other frame kinds") << wire("ERROR\nmessage:x\n\nwhy^@") << QByteArray("why") << 1;
}

void tst_StompFrameParser::bodyUpToFirstNul()
{
    QFETCH(QByteArray, stream);
    QFETCH(QByteArray, body);
    QFETCH(int, frames);

    const Outcome o = parseWhole(stream);
    QCOMPARE(o.error, ErrorCode::NoError);
    QCOMPARE(o.frames.size(), frames);
    QCOMPARE(o.frames.first().body(), body);
    QCOMPARE(parsePieces(stream, everyByte(stream.size())), o);
}

void tst_StompFrameParser::escapes_data()
{
    QTest::addColumn<Version>("version");
    QTest::addColumn<QByteArray>("command");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<ErrorCode>("error");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("badIndex"); // offset of the offending byte within the line

    const auto ok = [](const QByteArray &row, Version v, const char *command, const QByteArray &line,
                       const QByteArray &name, const QByteArray &value) {
        QTest::newRow(row.constData()) << v << QByteArray(command) << line << ErrorCode::NoError << name
                           << value << -1;
    };
    const auto bad = [](const char *row, Version v, const char *command, const QByteArray &line,
                        int badIndex) {
        QTest::newRow(row) << v << QByteArray(command) << line << ErrorCode::InvalidEscape
                           << QByteArray() << QByteArray() << badIndex;
    };
    const Version v10 = Version::V1_0, v11 = Version::V1_1, v12 = Version::V1_2;

    // STOMP 1.0 has no escaping: every backslash is literal.
    ok("1.0 \\n literal", v10, "SEND", "a:b\\nc", "a", "b\\nc");
    ok("1.0 \\c literal", v10, "SEND", "a:\\c", "a", "\\c");
    ok("1.0 \\\\ literal", v10, "SEND", "a:\\\\", "a", "\\\\");
    ok("1.0 \\r literal", v10, "SEND", "a:\\r", "a", "\\r");
    ok("1.0 \\t literal", v10, "MESSAGE", "a:\\t", "a", "\\t");
    ok("1.0 trailing backslash", v10, "SEND", "a:x\\", "a", "x\\");
    ok("1.0 backslash in name", v10, "SEND", "a\\n:v", "a\\n", "v");
    ok("1.0 colon in value", v10, "MESSAGE", "message-id:ID:host-1:2", "message-id", "ID:host-1:2");

    // STOMP 1.1: \n \c \\ only.
    ok("1.1 \\n", v11, "SEND", "a:b\\nc", "a", "b\nc");
    ok("1.1 \\c", v11, "SEND", "a:b\\cc", "a", "b:c");
    ok("1.1 \\\\", v11, "SEND", "a:b\\\\c", "a", "b\\c");
    ok("1.1 all in a row", v11, "MESSAGE", "a:\\n\\c\\\\", "a", "\n:\\");
    ok("1.1 escaped backslash then n", v11, "SEND", "a:\\\\n", "a", "\\n");
    ok("1.1 in the name", v11, "SEND", "a\\cb\\n:v", "a:b\n", "v");
    bad("1.1 \\r undefined", v11, "SEND", "a:b\\r", 3);
    bad("1.1 \\t undefined", v11, "SEND", "a:\\t", 2);
    bad("1.1 trailing backslash", v11, "SEND", "a:xy\\", 4);
    bad("1.1 \\r in name", v11, "MESSAGE", "a\\rb:v", 1);
    bad("1.1 backslash space", v11, "SEND", "abc:\\ ", 4);

    // STOMP 1.2: \r \n \c \\.
    ok("1.2 \\r", v12, "SEND", "a:b\\rc", "a", "b\rc");
    ok("1.2 \\n", v12, "SEND", "a:b\\nc", "a", "b\nc");
    ok("1.2 \\c", v12, "RECEIPT", "receipt-id:x\\cy", "receipt-id", "x:y");
    ok("1.2 \\\\", v12, "ERROR", "message:\\\\", "message", "\\");
    ok("1.2 all four", v12, "MESSAGE", "k\\r\\n\\c\\\\:\\r\\n\\c\\\\", "k\r\n:\\", "\r\n:\\");
    ok("1.2 \\\\\\\\n", v12, "SEND", "a:\\\\\\\\n", "a", "\\\\n");
    ok("1.2 empty value", v12, "SEND", "a:", "a", "");
    bad("1.2 \\t undefined", v12, "SEND", "a:x\\ty", 3);
    bad("1.2 \\C is not \\c", v12, "SEND", "a:\\C", 2);
    bad("1.2 \\N is not \\n", v12, "SEND", "a:\\N", 2);
    bad("1.2 \\0", v12, "MESSAGE", "a:\\0", 2);
    bad("1.2 trailing backslash", v12, "SEND", "a:\\", 2);
    bad("1.2 second escape bad", v12, "SEND", "a:\\n\\q", 4);
    bad("1.2 in the name", v12, "SEND", "na\\me:v", 2);
    bad("1.2 backslash before colon", v12, "SEND", "name\\:v", 4);

    // CONNECT, STOMP and CONNECTED are never unescaped, whatever the version.
    for (Version v : {v11, v12}) {
        const QByteArray prefix = v == v11 ? "1.1 " : "1.2 ";
        for (const char *command : {"CONNECT", "STOMP", "CONNECTED"}) {
            ok(prefix + command + " keeps \\n", v, command, "passcode:a\\nb", "passcode", "a\\nb");
            ok(prefix + command + " keeps \\t", v, command, "k\\t:v\\", "k\\t", "v\\");
            ok(prefix + command + " keeps \\c", v, command, "server:x\\cy", "server", "x\\cy");
        }
    }
}

void tst_StompFrameParser::escapes()
{
    QFETCH(Version, version);
    QFETCH(QByteArray, command);
    QFETCH(QByteArray, line);
    QFETCH(ErrorCode, error);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(int, badIndex);

    const QByteArray head = command + "\n";
    const QByteArray stream = head + line + "\n\n" + QByteArray(1, '\0');
    const Outcome o = parseWhole(stream, version);
    QCOMPARE(o.error, error);
    if (error != ErrorCode::NoError) {
        QCOMPARE(o.errorOffset, head.size() + badIndex);
        QVERIFY(o.frames.isEmpty());
        return;
    }
    QCOMPARE(o.frames.size(), 1);
    const StompFrame &frame = o.frames.first();
    QCOMPARE(frame.commandName().toLatin1(), command);
    QCOMPARE(frame.headerCount(), 1);
    QCOMPARE(frame.headerName(0), QByteArrayView(name));
    QCOMPARE(frame.headerValue(0), QByteArrayView(value));
    QCOMPARE(frame.header(name), value);
}

void tst_StompFrameParser::limitsAtTheBoundary_data()
{
    QTest::addColumn<StompParserLimits>("limits");
    QTest::addColumn<QByteArray>("stream");

    QTest::newRow("headers: exactly the count") << limitsWith(3, 100, 100, 1000)
                                               << wire("SEND\na:1\nb:2\nc:3\n\n^@");
    QTest::newRow("header line: exactly the length") << limitsWith(10, 8, 100, 1000)
                                                    << wire("SEND\nabc:efgh\r\n\r\n^@");
    QTest::newRow("command line: exactly the length") << limitsWith(10, 7, 100, 1000)
                                                     << wire("MESSAGE\r\n\r\n^@");
    QTest::newRow("body: exactly the size") << limitsWith(10, 100, 5, 1000)
                                           << wire("SEND\n\n12345^@");
    QTest::newRow("content-length: exactly the size")
            << limitsWith(10, 100, 5, 1000) << wire("SEND\ncontent-length:5\n\n1\0003\0005^@");
    // "SEND\n" 5 + "content-length:2\n" 17 + "\n" 1 + body 2 + NUL 1 = 26 bytes
    QTest::newRow("buffered: exactly the frame") << limitsWith(10, 100, 100, 26)
                                                << wire("SEND\ncontent-length:2\n\nab^@");
    QTest::newRow("buffered: frame without content-length")
            << limitsWith(10, 100, 100, 13) << wire("SEND\na:b\n\nab^@");
}

void tst_StompFrameParser::limitsAtTheBoundary()
{
    QFETCH(StompParserLimits, limits);
    QFETCH(QByteArray, stream);

    const Outcome whole = parseWhole(stream, Version::V1_2, limits);
    QVERIFY2(whole.error == ErrorCode::NoError, whole.describe());
    QCOMPARE(whole.frames.size(), 1);
    QCOMPARE(parsePieces(stream, everyByte(stream.size()), Version::V1_2, limits), whole);
    for (qsizetype cut = 1; cut < stream.size(); ++cut)
        QCOMPARE(parsePieces(stream, {cut}, Version::V1_2, limits), whole);
}

void tst_StompFrameParser::feedTwiceBeforeDraining()
{
    using F = StompFrame;
    const QByteArray stream = wire("SEND\ndestination:/a\n\none^@\nSEND\ndestination:/b\n\ntwo^@");
    const Frames expected = {F(F::Send, {{"destination", "/a"}}, "one"),
                             F(F::Send, {{"destination", "/b"}}, "two")};

    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        StompFrameParser parser;
        QByteArray first = stream.left(cut);
        QByteArray second = stream.mid(cut);
        parser.feed(first);
        parser.feed(second);
        // The contract lets the caller reuse the first buffer once it fed again.
        first.fill('#');
        Outcome o;
        for (bool more = true; more;) {
            StompFrame frame;
            switch (parser.next(&frame)) {
            case StompFrameParser::FrameReady: o.frames.append(frame); break;
            case StompFrameParser::HeartBeat: ++o.heartBeats; break;
            default: more = false;
            }
        }
        QVERIFY2(!parser.hasError(), qPrintable(parser.errorString()));
        QCOMPARE(o.frames, expected);
        QCOMPARE(o.heartBeats, 1);
        QCOMPARE(parser.consumedBytes(), stream.size());
        QCOMPARE(parser.bufferedBytes(), 0);
    }

    // Three feeds, the third one after a partial drain.
    StompFrameParser parser;
    const QByteArray a = stream.left(10), b = stream.mid(10, 20), c = stream.mid(30);
    parser.feed(a);
    parser.feed(b);
    StompFrame frame;
    QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(frame, expected[0]);
    parser.feed(c);
    QCOMPARE(parser.next(&frame), StompFrameParser::HeartBeat);
    QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(frame, expected[1]);
    QCOMPARE(parser.next(&frame), StompFrameParser::NeedMoreData);
}

void tst_StompFrameParser::callerBufferReusedAfterNeedMoreData()
{
    // One read buffer reused for every read, as a socket loop does.
    const QByteArray stream = wire("MESSAGE\nk\\c:v\\n\ncontent-length:4\n\nab\0c^@MESSAGE\n\nxyz^@");
    const Outcome whole = parseWhole(stream);
    QCOMPARE(whole.frames.size(), 2);

    for (int chunk = 1; chunk <= 16; ++chunk) {
        StompFrameParser parser;
        QByteArray readBuffer(chunk, '\0');
        Outcome o;
        for (qsizetype at = 0; at < stream.size(); at += chunk) {
            const qsizetype n = qMin<qsizetype>(chunk, stream.size() - at);
            std::memcpy(readBuffer.data(), stream.constData() + at, size_t(n));
            parser.feed(QByteArrayView(readBuffer.constData(), n));
            StompFrame frame;
            StompFrameParser::Result r;
            while ((r = parser.next(&frame)) == StompFrameParser::FrameReady)
                o.frames.append(frame);
            QCOMPARE(r, StompFrameParser::NeedMoreData);
            readBuffer.fill('\\'); // the worst byte to leave behind for an unescaper
        }
        o.consumed = parser.consumedBytes();
        QCOMPARE(o, whole);
    }
}

void tst_StompFrameParser::bufferedAndConsumedBytes()
{
    const QByteArray f1 = wire("SEND\n\nabc^@");
    const QByteArray hb = "\r\n";
    const QByteArray f2 = wire("RECEIPT\nreceipt-id:5\n\n^@");
    const QByteArray partial = "MESSAGE\nk:";

    StompFrameParser parser;
    QCOMPARE(parser.bufferedBytes(), 0);
    QCOMPARE(parser.consumedBytes(), 0);

    const QByteArray start = f1 + hb + f2 + partial; // fed views must outlive the parse
    parser.feed(start);
    QCOMPARE(parser.bufferedBytes(), f1.size() + hb.size() + f2.size() + partial.size());
    QCOMPARE(parser.consumedBytes(), 0);

    StompFrame frame;
    QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(parser.consumedBytes(), f1.size());
    QCOMPARE(parser.bufferedBytes(), hb.size() + f2.size() + partial.size());
    QCOMPARE(parser.next(&frame), StompFrameParser::HeartBeat);
    QCOMPARE(parser.consumedBytes(), f1.size() + hb.size());
    QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(parser.consumedBytes(), f1.size() + hb.size() + f2.size());
    QCOMPARE(parser.next(&frame), StompFrameParser::NeedMoreData);
    // The incomplete frame is held, not consumed, though its command line is parsed.
    QCOMPARE(parser.consumedBytes(), f1.size() + hb.size() + f2.size());
    QCOMPARE(parser.bufferedBytes(), partial.size());

    const QByteArray rest = wire("v\n\n^@");
    parser.feed(rest);
    QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(frame, StompFrame(StompFrame::Message, {{"k", "v"}}));
    QCOMPARE(parser.next(&frame), StompFrameParser::NeedMoreData);
    const qint64 total = f1.size() + hb.size() + f2.size() + partial.size() + rest.size();
    QCOMPARE(parser.consumedBytes(), total);
    QCOMPARE(parser.bufferedBytes(), 0);

    parser.reset();
    QCOMPARE(parser.consumedBytes(), 0);
    QCOMPARE(parser.bufferedBytes(), 0);
}

void tst_StompFrameParser::timestamps()
{
    const QByteArray stream = wire("SEND\n\nx^@");

    StompFrameParser plain;
    plain.feed(stream);
    StompFrame frame;
    QCOMPARE(plain.next(&frame), StompFrameParser::FrameReady);
    QVERIFY(!frame.timestamp().isValid());

    StompFrameParser stamping;
    stamping.setTimestampFrames(true);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    stamping.feed(stream);
    QCOMPARE(stamping.next(&frame), StompFrameParser::FrameReady);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY(frame.timestamp().isValid());
    QVERIFY(frame.timestamp() >= before);
    QVERIFY(frame.timestamp() <= after);

    // Kept across reset(), like the version and limits.
    stamping.reset();
    stamping.feed(stream);
    QCOMPARE(stamping.next(&frame), StompFrameParser::FrameReady);
    QVERIFY(frame.timestamp().isValid());

    stamping.setTimestampFrames(false);
    stamping.feed(stream);
    QCOMPARE(stamping.next(&frame), StompFrameParser::FrameReady);
    QVERIFY(!frame.timestamp().isValid());
}

void tst_StompFrameParser::settersAndGetters()
{
    StompFrameParser parser;
    QCOMPARE(parser.version(), Version::V1_2);
    const StompParserLimits defaults;
    QCOMPARE(parser.limits().maxHeaderCount, defaults.maxHeaderCount);
    QVERIFY(defaults.maxBufferedBytes > defaults.maxBodySize); // a maximal body fits

    parser.setVersion(Version::V1_0);
    parser.setLimits(limitsWith(1, 2, 3, 4));
    QCOMPARE(parser.version(), Version::V1_0);
    QCOMPARE(parser.limits().maxHeaderCount, 1);
    QCOMPARE(parser.limits().maxHeaderLineLength, 2);
    QCOMPARE(parser.limits().maxBodySize, 3);
    QCOMPARE(parser.limits().maxBufferedBytes, 4);

    // The version can change between frames (after CONNECTED negotiated it).
    StompFrameParser switching(Version::V1_0);
    const QByteArray stream = wire("CONNECTED\nversion:1.2\n\n^@MESSAGE\na:b\\cc\n\n^@");
    switching.feed(stream);
    StompFrame frame;
    QCOMPARE(switching.next(&frame), StompFrameParser::FrameReady);
    switching.setVersion(Version::V1_2);
    QCOMPARE(switching.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(frame.header("a"), QByteArray("b:c"));
}

void tst_StompFrameParser::parsedFramesAreOrdinaryValues()
{
    // The parser lays out header bytes its own way (whole lines, escaped or not); editing
    // a parsed frame must behave exactly like editing a frame built by hand.
    using F = StompFrame;
    const QByteArray stream =
            wire("MESSAGE\nplain:value\nesc\\c:a\\nb\nplain:second\ncontent-length:2\n\nhi^@");
    StompFrame parsed = parseOne(stream);
    const F built(F::Message, {{"plain", "value"}, {"esc:", "a\nb"}, {"plain", "second"},
                               {"content-length", "2"}}, "hi");
    QCOMPARE(parsed, built);
    QCOMPARE(parsed.headers(), built.headers());
    QCOMPARE(parsed.header("esc:"), QByteArray("a\nb"));

    const StompFrame copy = parsed;
    StompFrame edited = built;
    for (StompFrame *f : {&parsed, &edited}) {
        f->setHeader("plain", "changed");
        f->addHeader("new", "1");
        f->removeHeader("content-length");
        f->setHeader("esc:", "x");
    }
    QCOMPARE(parsed, edited);
    QCOMPARE(parsed.headers(), (Headers{{"plain", "changed"}, {"esc:", "x"}, {"new", "1"}}));
    QCOMPARE(copy, built); // the shared copy did not move
}

void tst_StompFrameParser::framesKeptByTheCallerStayIntact()
{
    // The parser builds a frame in the storage of the one the caller's variable held before,
    // when nothing else holds it. What the caller kept (a copy of the frame, of its body,
    // of a header value) must not change, and each frame must come out whole whatever the
    // frame before it held (more headers, a longer body, a body where this one has none).
    QByteArray stream;
    QList<StompFrame> expected;
    for (int i = 0; i < 40; ++i) {
        StompFrame f(StompFrame::Message);
        const int headers = (i * 7) % 23; // 0..22 headers: the header block grows and shrinks
        for (int h = 0; h < headers; ++h)
            f.addHeader("h" + QByteArray::number(h), QByteArray(1 + (i + h) % 300, char('a' + h % 26)));
        if (i % 3 == 0)
            f.addHeader("esc", "a:b\\c\nd"); // unescaped in place
        if (i % 5 != 4)
            f.setBody(QByteArray((i * 997) % 70000, char('A' + i % 26)));
        expected.append(f);
        StompFrameEncoder::encode(f, Version::V1_2, &stream);
    }

    StompParserLimits limits;
    limits.maxHeaderCount = 100;
    StompFrameParser parser(Version::V1_2, limits);
    StompFrame frame; // one variable for every frame, as a connection reads
    QList<StompFrame> keptFrames;
    QList<QByteArray> keptBodies;
    QList<QByteArray> keptHeaders;
    int got = 0;
    for (qsizetype at = 0; at < stream.size(); at += 4096) {
        parser.feed(QByteArrayView(stream).sliced(at, qMin<qsizetype>(4096, stream.size() - at)));
        while (parser.next(&frame) == StompFrameParser::FrameReady) {
            const StompFrame &want = expected.at(got);
            // Compared header by header: the encoder added content-length.
            QCOMPARE(frame.command(), want.command());
            QCOMPARE(frame.body(), want.body());
            QCOMPARE(frame.header("esc"), want.header("esc"));
            for (const auto &h : want.headers()) {
                if (h.first != "content-length")
                    QCOMPARE(frame.header(h.first), h.second);
            }
            if (got % 4 == 0)
                keptFrames.append(frame);
            else if (got % 4 == 1)
                keptBodies.append(frame.body());
            else if (got % 4 == 2)
                keptHeaders.append(frame.header("h0"));
            ++got;
        }
    }
    QCOMPARE(got, expected.size());
    for (int i = 0; i < keptFrames.size(); ++i) {
        QCOMPARE(keptFrames.at(i).body(), expected.at(4 * i).body());
        QCOMPARE(keptFrames.at(i).header("h1"), expected.at(4 * i).header("h1"));
        QCOMPARE(keptFrames.at(i).header("esc"), expected.at(4 * i).header("esc"));
    }
    for (int i = 0; i < keptBodies.size(); ++i)
        QCOMPARE(keptBodies.at(i), expected.at(4 * i + 1).body());
    for (int i = 0; i < keptHeaders.size(); ++i)
        QCOMPARE(keptHeaders.at(i), expected.at(4 * i + 2).header("h0"));
}

// ---------------------------------------------------------------------------------------
// rainy day
// ---------------------------------------------------------------------------------------

void tst_StompFrameParser::specExamplesWithoutBlankLine_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qint64>("offset");

    // As printed in the DISCONNECT section: no blank line before the NUL. The grammar
    // requires it, and a strict parser sees "^@" as a header line without a colon.
    QTest::newRow("DISCONNECT") << wire("DISCONNECT\nreceipt:77\n^@\n") << qint64(22);
    QTest::newRow("RECEIPT") << wire("RECEIPT\nreceipt-id:77\n^@\n") << qint64(22);
}

void tst_StompFrameParser::specExamplesWithoutBlankLine()
{
    QFETCH(QByteArray, stream);
    QFETCH(qint64, offset);

    const Outcome o = parseWhole(stream);
    QCOMPARE(o.error, ErrorCode::MalformedHeader);
    QCOMPARE(o.errorOffset, offset);
    QVERIFY(o.frames.isEmpty());
    // Until the line ends the parser cannot tell: it waits.
    const Outcome cut = parseWhole(stream.chopped(1));
    QCOMPARE(cut.error, ErrorCode::NoError);
    QVERIFY(cut.frames.isEmpty());
}

// The named leniency accepts the printed form, split anywhere.
void tst_StompFrameParser::specExamplesWithoutBlankLineAllowed()
{
    QFETCH(QByteArray, stream);
    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        StompFrameParser parser;
        parser.setAllowMissingBlankLine(true);
        QList<StompFrame> frames;
        int beats = 0;
        for (const QByteArray &piece : {stream.left(cut), stream.mid(cut)}) {
            parser.feed(piece);
            StompFrame f;
            for (;;) {
                const auto r = parser.next(&f);
                if (r == StompFrameParser::FrameReady)
                    frames.append(f);
                else if (r == StompFrameParser::HeartBeat)
                    ++beats;
                else
                    break;
            }
        }
        QVERIFY2(!parser.hasError(), qPrintable(parser.errorString()));
        QCOMPARE(frames.size(), 1);
        QCOMPARE(frames.first().headerCount(), 1);
        QVERIFY(frames.first().body().isEmpty());
        QCOMPARE(beats, 1); // the EOL after the NUL
    }
}

void tst_StompFrameParser::limitsExceeded_data()
{
    QTest::addColumn<StompParserLimits>("limits");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<ErrorCode>("error");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("header count") << limitsWith(2, 100, 100, 1000)
                                  << wire("SEND\na:1\nb:2\nc:3\n\n^@") << ErrorCode::TooManyHeaders
                                  << qint64(13);
    QTest::newRow("header count zero") << limitsWith(0, 100, 100, 1000)
                                       << wire("SEND\na:1\n\n^@") << ErrorCode::TooManyHeaders
                                       << qint64(5);
    QTest::newRow("header line") << limitsWith(10, 8, 100, 1000)
                                 << wire("SEND\nok:1\nabc:efghi\n\n^@")
                                 << ErrorCode::HeaderLineTooLong << qint64(10);
    QTest::newRow("header line, CRLF") << limitsWith(10, 8, 100, 1000)
                                       << wire("SEND\r\nabc:efghi\r\n\r\n^@")
                                       << ErrorCode::HeaderLineTooLong << qint64(6);
    QTest::newRow("command line") << limitsWith(10, 6, 100, 1000)
                                  << wire("MESSAGE\n\n^@") << ErrorCode::HeaderLineTooLong
                                  << qint64(0);
    QTest::newRow("command line of garbage") << limitsWith(10, 6, 100, 1000)
                                             << QByteArray(50, 'x') + "\n"
                                             << ErrorCode::HeaderLineTooLong << qint64(0);
    QTest::newRow("body without content-length") << limitsWith(10, 100, 4, 1000)
                                                 << wire("SEND\n\n12345^@")
                                                 << ErrorCode::BodyTooLarge << qint64(6);
    QTest::newRow("body with content-length") << limitsWith(10, 100, 4, 1000)
                                              << wire("SEND\ncontent-length:5\n\n12345^@")
                                              << ErrorCode::BodyTooLarge << qint64(5);
    QTest::newRow("content-length far beyond") << limitsWith(10, 100, 4, 1000)
                                               << QByteArray("SEND\ncontent-length:999999999999999999\n\n")
                                               << ErrorCode::BodyTooLarge << qint64(5);
    // The frame (headers + body + NUL) does not fit the buffer limit, though the body
    // alone would: refused when the headers end, before any body byte is held.
    QTest::newRow("buffered, content-length") << limitsWith(10, 100, 100, 30)
                                              << QByteArray("SEND\ncontent-length:50\n\n")
                                              << ErrorCode::BufferLimitExceeded << qint64(24);
    // Without a content-length the parser finds out while holding the frame: it stops
    // at the first byte past the limit.
    QTest::newRow("buffered, incomplete frame") << limitsWith(10, 100, 100, 16)
                                                << QByteArray("SEND\na:b\n\n") + QByteArray(40, 'x')
                                                << ErrorCode::BufferLimitExceeded << qint64(16);
}

void tst_StompFrameParser::limitsExceeded()
{
    QFETCH(StompParserLimits, limits);
    QFETCH(QByteArray, stream);
    QFETCH(ErrorCode, error);
    QFETCH(qint64, offset);

    for (const QList<qsizetype> &cuts : {QList<qsizetype>{}, everyByte(stream.size())}) {
        const Outcome o = parsePieces(stream, cuts, Version::V1_2, limits);
        QVERIFY2(o.error == error, o.describe());
        QCOMPARE(o.errorOffset, offset);
        QVERIFY(o.frames.isEmpty());
    }
}

void tst_StompFrameParser::oversizedContentLengthFailsBeforeTheBody_data()
{
    QTest::addColumn<StompParserLimits>("limits");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<ErrorCode>("error");

    QTest::newRow("body limit, at the header line")
            << limitsWith(10, 100, 1000, 1 << 20) << QByteArray("MESSAGE\ncontent-length:1001\n")
            << ErrorCode::BodyTooLarge;
    QTest::newRow("body limit, 2^62") << StompParserLimits()
                                      << QByteArray("MESSAGE\ncontent-length:4611686018427387904\n")
                                      << ErrorCode::BodyTooLarge;
    QTest::newRow("default limit, 1 GiB") << StompParserLimits()
                                          << QByteArray("SEND\ncontent-length:1073741824\n")
                                          << ErrorCode::BodyTooLarge;
    QTest::newRow("buffer limit, at the blank line")
            << limitsWith(10, 100, 1000, 500) << QByteArray("SEND\ncontent-length:990\n\n")
            << ErrorCode::BufferLimitExceeded;
}

void tst_StompFrameParser::oversizedContentLengthFailsBeforeTheBody()
{
    QFETCH(StompParserLimits, limits);
    QFETCH(QByteArray, headers);
    QFETCH(ErrorCode, error);

    // Only the headers are fed: the decision cannot wait for (or allocate) the body.
    StompFrameParser parser(Version::V1_2, limits);
    parser.feed(headers);
    StompFrame frame;
    QCOMPARE(parser.next(&frame), StompFrameParser::Error);
    QCOMPARE(parser.error(), error);
    QVERIFY(!parser.errorString().isEmpty());
}

void tst_StompFrameParser::incompleteLinesFailEarly_data()
{
    QTest::addColumn<StompParserLimits>("limits");
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<ErrorCode>("error");

    // No EOL ever comes: the limit must not wait for one.
    QTest::newRow("command") << limitsWith(10, 32, 100, 1 << 20) << QByteArray(33, 'A')
                             << ErrorCode::HeaderLineTooLong;
    QTest::newRow("header") << limitsWith(10, 32, 100, 1 << 20)
                            << "SEND\nkey:" + QByteArray(29, 'v') << ErrorCode::HeaderLineTooLong;
    QTest::newRow("body") << limitsWith(10, 100, 32, 1 << 20) << "SEND\n\n" + QByteArray(33, 'b')
                          << ErrorCode::BodyTooLarge;
    QTest::newRow("buffered") << limitsWith(1000, 100, 1 << 20, 64)
                              << "SEND\n" + QByteArray("a:1\n").repeated(15) << ErrorCode::BufferLimitExceeded;
}

void tst_StompFrameParser::incompleteLinesFailEarly()
{
    QFETCH(StompParserLimits, limits);
    QFETCH(QByteArray, prefix);
    QFETCH(ErrorCode, error);

    StompFrameParser parser(Version::V1_2, limits);
    parser.feed(prefix);
    StompFrame frame;
    QCOMPARE(parser.next(&frame), StompFrameParser::Error);
    QCOMPARE(parser.error(), error);

    // One byte fewer is still acceptable so far.
    StompFrameParser shorter(Version::V1_2, limits);
    const QByteArray oneLess = prefix.chopped(1);
    shorter.feed(oneLess);
    QCOMPARE(shorter.next(&frame), StompFrameParser::NeedMoreData);
}

void tst_StompFrameParser::missingNul_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("extra byte") << QByteArray("SEND\ncontent-length:3\n\nabcd") << qint64(26);
    QTest::newRow("EOL instead") << QByteArray("SEND\ncontent-length:3\n\nabc\n") << qint64(26);
    QTest::newRow("zero length") << QByteArray("SEND\ncontent-length:0\n\nx") << qint64(23);
    QTest::newRow("content-length too short")
            << QByteArray("MESSAGE\ncontent-length:2\n\nabc\0", 31) << qint64(28);
}

void tst_StompFrameParser::missingNul()
{
    QFETCH(QByteArray, stream);
    QFETCH(qint64, offset);

    for (const QList<qsizetype> &cuts : {QList<qsizetype>{}, everyByte(stream.size())}) {
        const Outcome o = parsePieces(stream, cuts);
        QCOMPARE(o.error, ErrorCode::MissingNul);
        QCOMPARE(o.errorOffset, offset);
    }
}

void tst_StompFrameParser::invalidContentLength_data()
{
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("negative") << QByteArray("-1");
    QTest::newRow("plus sign") << QByteArray("+1");
    QTest::newRow("letters") << QByteArray("abc");
    QTest::newRow("digits then letters") << QByteArray("12ab");
    QTest::newRow("hex") << QByteArray("0x10");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("leading space") << QByteArray(" 5");
    QTest::newRow("trailing space") << QByteArray("5 ");
    QTest::newRow("decimal point") << QByteArray("5.0");
    QTest::newRow("overflow 2^63") << QByteArray("9223372036854775808");
    QTest::newRow("overflow, many digits") << QByteArray("123456789012345678901234567890");
    QTest::newRow("escaped digit") << QByteArray("1\\c2");
}

void tst_StompFrameParser::invalidContentLength()
{
    QFETCH(QByteArray, value);

    const QByteArray stream = "SEND\ncontent-length:" + value + "\n\nx" + QByteArray(1, '\0');
    const Outcome o = parseWhole(stream);
    QCOMPARE(o.error, ErrorCode::InvalidContentLength);
    QCOMPARE(o.errorOffset, 5);
    // Fails at its own header line, before the body or even the blank line.
    const Outcome early = parseWhole("SEND\ncontent-length:" + value + "\n");
    QCOMPARE(early.error, ErrorCode::InvalidContentLength);

    // Only the first content-length counts: a bad repeat is history, not an error.
    const QByteArray repeated = "SEND\ncontent-length:1\ncontent-length:" + value + "\n\nx"
            + QByteArray(1, '\0');
    const Outcome fine = parseWhole(repeated);
    QCOMPARE(fine.error, ErrorCode::NoError);
    QCOMPARE(fine.frames.size(), 1);
    QCOMPARE(fine.frames.first().body(), QByteArray("x"));
}

void tst_StompFrameParser::invalidCommand_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("lowercase") << wire("send\n\n^@") << qint64(0);
    QTest::newRow("mixed case") << wire("Message\n\n^@") << qint64(0);
    QTest::newRow("unknown") << wire("PUBLISH\n\n^@") << qint64(0);
    QTest::newRow("trailing space") << wire("SEND \n\n^@") << qint64(0);
    QTest::newRow("leading space") << wire(" SEND\n\n^@") << qint64(0);
    QTest::newRow("tab") << wire("\tSEND\n\n^@") << qint64(0);
    QTest::newRow("after a good frame") << wire("SEND\n\n^@\nsend\n\n^@") << qint64(8);
    QTest::newRow("NUL instead of a frame") << wire("^@\n") << qint64(0);
    QTest::newRow("two NULs") << wire("SEND\n\n^@^@\n") << qint64(7);
    QTest::newRow("binary garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\n", 12)
                                    << qint64(0);
    QTest::newRow("HTTP") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << qint64(0);
    QTest::newRow("CR without LF") << QByteArray("\rSEND\n\n") << qint64(0);
    QTest::newRow("bare CR as command end") << wire("SEND\r\rk:v\n\n^@") << qint64(0);
    QTest::newRow("UTF-8 lookalike") << wire("SΕND\n\n^@") << qint64(0); // Greek Epsilon
}

void tst_StompFrameParser::invalidCommand()
{
    QFETCH(QByteArray, stream);
    QFETCH(qint64, offset);

    for (const QList<qsizetype> &cuts : {QList<qsizetype>{}, everyByte(stream.size())}) {
        const Outcome o = parsePieces(stream, cuts);
        QVERIFY2(o.error == ErrorCode::InvalidCommand, o.describe());
        QCOMPARE(o.errorOffset, offset);
    }
}

void tst_StompFrameParser::malformedHeader_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<qint64>("offset");

    QTest::newRow("no colon") << wire("SEND\ndestination\n\n^@") << qint64(5);
    QTest::newRow("second line") << wire("SEND\na:b\nnocolon\n\n^@") << qint64(9);
    QTest::newRow("empty name") << wire("SEND\n:value\n\n^@") << qint64(5);
    QTest::newRow("whitespace-only line") << wire("CONNECT\nlogin:x\n   \n\n^@") << qint64(16);
    QTest::newRow("CRLF line without colon") << wire("SEND\r\nabc\r\n\r\n^@") << qint64(6);
}

void tst_StompFrameParser::malformedHeader()
{
    QFETCH(QByteArray, stream);
    QFETCH(qint64, offset);

    for (Version v : {Version::V1_0, Version::V1_1, Version::V1_2}) {
        const Outcome o = parseWhole(stream, v);
        QCOMPARE(o.error, ErrorCode::MalformedHeader);
        QCOMPARE(o.errorOffset, offset);
    }
}

void tst_StompFrameParser::errorsAreStickyUntilReset_data()
{
    QTest::addColumn<QByteArray>("bad");
    QTest::addColumn<ErrorCode>("error");

    QTest::newRow("invalid command") << wire("HELLO\n\n^@") << ErrorCode::InvalidCommand;
    QTest::newRow("invalid escape") << wire("SEND\na:\\t\n\n^@") << ErrorCode::InvalidEscape;
    QTest::newRow("malformed header") << wire("SEND\nx\n\n^@") << ErrorCode::MalformedHeader;
    QTest::newRow("missing NUL") << QByteArray("SEND\ncontent-length:0\n\nX") << ErrorCode::MissingNul;
    QTest::newRow("bad content-length") << QByteArray("SEND\ncontent-length:-1\n\n")
                                        << ErrorCode::InvalidContentLength;
}

void tst_StompFrameParser::errorsAreStickyUntilReset()
{
    QFETCH(QByteArray, bad);
    QFETCH(ErrorCode, error);

    const QByteArray good = wire("RECEIPT\nreceipt-id:1\n\n^@");
    StompFrameParser parser(Version::V1_1, limitsWith(7, 300, 400, 5000));
    parser.setTimestampFrames(true);
    const QByteArray both = good + bad;
    parser.feed(both);
    StompFrame frame;
    QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(parser.next(&frame), StompFrameParser::Error);
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error(), error);
    const qint64 offset = parser.errorOffset();
    const QString reason = parser.errorString();
    QVERIFY(offset >= good.size());
    QVERIFY(offset < good.size() + bad.size());
    QVERIFY(!reason.isEmpty());
    QVERIFY2(reason.contains(QString::number(offset)), qPrintable(reason));

    // More data, even valid frames, changes nothing.
    const StompFrame sentinel(StompFrame::Abort);
    frame = sentinel;
    parser.feed(good);
    QCOMPARE(parser.next(&frame), StompFrameParser::Error);
    QCOMPARE(parser.next(&frame), StompFrameParser::Error);
    QCOMPARE(frame, sentinel); // an error never hands out a frame
    QCOMPARE(parser.error(), error);
    QCOMPARE(parser.errorOffset(), offset);
    QCOMPARE(parser.errorString(), reason);

    parser.reset();
    QVERIFY(!parser.hasError());
    QCOMPARE(parser.error(), ErrorCode::NoError);
    QCOMPARE(parser.errorOffset(), -1);
    QVERIFY(parser.errorString().isEmpty());
    QCOMPARE(parser.version(), Version::V1_1);
    QCOMPARE(parser.limits().maxHeaderCount, 7);
    QCOMPARE(parser.limits().maxBufferedBytes, 5000);

    parser.feed(good);
    QCOMPARE(parser.next(&frame), StompFrameParser::FrameReady);
    QCOMPARE(frame, StompFrame(StompFrame::Receipt, {{"receipt-id", "1"}}));
    QVERIFY(frame.timestamp().isValid());
    QCOMPARE(parser.consumedBytes(), good.size());
    QCOMPARE(parser.next(&frame), StompFrameParser::NeedMoreData);

    // The same error again after the reset, at an offset counted from the reset.
    parser.feed(bad);
    QCOMPARE(parser.next(&frame), StompFrameParser::Error);
    QCOMPARE(parser.error(), error);
    QCOMPARE(parser.errorOffset(), offset);
}

QTEST_APPLESS_MAIN(tst_StompFrameParser)

#include "tst_stompframeparser.moc"
