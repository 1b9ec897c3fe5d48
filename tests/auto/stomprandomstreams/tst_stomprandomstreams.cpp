// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// What a server sends, generated: each row is a seed for a stream of CONNECTED (STOMP 1.2,
// 1.1 or 1.0, each with its own header escaping), then a mix of well-formed MESSAGE frames
// (escaped headers, bodies with and without content-length, NULs), heart-beats, RECEIPTs, at
// most one thing that must end the connection (an ERROR, an unknown command, a line or body or
// header count over the limits, an undefined escape, a body that does not end where its
// content-length says), and an ending (the server closes, closes in the middle of a frame, or
// stays open). The bytes arrive in drips of 1-3 bytes or in bursts.
//
// The client must deliver exactly the messages that came before the fatal item, in order and
// intact, to messageReceived() and to the subscription (or, with a StompMessageQueue of 8
// attached, to its consumer: reading pauses and resumes on the way); report the fatal item
// with its own error and nothing after it; and never crash (the suite also runs under
// ThreadSanitizer and under AddressSanitizer + UBSan).

#include "fakestompserver.h"
#include "stomptesthelpers.h"

#include <StompQt/stompclient.h>
#include <StompQt/stompframeencoder.h>
#include <StompQt/stompmessagequeue.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qrandom.h>
#include <QtTest/qsignalspy.h>
#include <QtTest/qtest.h>

#include <algorithm>
#include <optional>

using namespace StompTest;

namespace {

constexpr int kStreamsPerMode = 80;

StompParserLimits limits()
{
    StompParserLimits l;
    l.maxHeaderCount = 16;
    l.maxHeaderLineLength = 1024;
    l.maxBodySize = 4096;
    l.maxBufferedBytes = 8192;
    return l;
}

enum class Fatal { None, Error, UnknownCommand, LongLine, LargeBody, ManyHeaders, BadEscape, WrongLength };
enum class Ending { Close, CloseMidFrame, StayOpen };

struct Stream
{
    QByteArray bytes;
    QByteArrayList bodies;       // what must be delivered, in order
    QList<StompHeaders> headers; // and the headers each of them carries (escapes decoded)
    int receipts = 0;            // RECEIPTs before the fatal item
    StompFrame::Version version = StompFrame::Version::V1_2;
    Fatal fatal = Fatal::None;
    Ending ending = Ending::Close;
    QList<int> chunks;           // sizes the bytes are written in
};

QByteArray randomBytes(QRandomGenerator &rng, int n, bool allowNul)
{
    QByteArray out(n, Qt::Uninitialized);
    for (char &c : out) {
        c = char(rng.bounded(256));
        if (!allowNul && c == '\0')
            c = 'z';
    }
    return out;
}

// Header text with what \a version escapes (1.2: CR, LF, colon, backslash; 1.1: all but CR),
// and bytes over 0x7f. STOMP 1.0 has no escapes: no CR or LF, no colon in a name, and no
// spaces (1.0 leaves their trimming open).
QByteArray randomText(QRandomGenerator &rng, StompFrame::Version version, bool name)
{
    QByteArray alphabet = "abcXYZ019-\\\xc3\xa9";
    if (version != StompFrame::Version::V1_0)
        alphabet += " :\n";
    else if (!name)
        alphabet += ':';
    if (version == StompFrame::Version::V1_2)
        alphabet += '\r';
    QByteArray v;
    const int n = rng.bounded(12);
    for (int i = 0; i < n; ++i)
        v += alphabet.at(rng.bounded(int(alphabet.size())));
    return v;
}

QByteArray wellFormedMessage(QRandomGenerator &rng, StompFrame::Version version, int index,
                             QByteArray *body, StompHeaders *extra)
{
    StompFrame f(StompFrame::Message, {{"destination", "/queue/r"},
                                       {"message-id", "m" + QByteArray::number(index)},
                                       {"subscription", "s"}});
    const bool withLength = rng.bounded(3) != 0;
    if (withLength) { // escaped by the encoder
        for (int i = rng.bounded(4); i > 0; --i) {
            const QByteArray name = "x-" + QByteArray::number(i) + randomText(rng, version, true);
            const QByteArray value = randomText(rng, version, false);
            f.addHeader(name, value);
            extra->emplaceBack(name, value);
        }
    }
    *body = randomBytes(rng, rng.bounded(2) ? rng.bounded(40) : rng.bounded(3000), withLength);
    f.setBody(*body);
    if (withLength)
        return StompFrameEncoder::encode(f, version);
    // No content-length: the body ends at the first NUL (it has none).
    QByteArray out = "MESSAGE\ndestination:/queue/r\nmessage-id:m" + QByteArray::number(index)
            + "\nsubscription:s\n\n" + *body;
    out += '\0';
    return out;
}

// A string literal with its embedded NULs.
template<std::size_t N>
QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, qsizetype(N - 1));
}

QByteArray fatalItem(Fatal fatal)
{
    switch (fatal) {
    case Fatal::None:
        break;
    case Fatal::Error:
        return StompFrameEncoder::encode(StompFrame(StompFrame::Error, {{"message", "go away"}}, "why"),
                                         StompFrame::Version::V1_2);
    case Fatal::UnknownCommand:
        return bytes("HELLO\nx:y\n\n\0");
    case Fatal::LongLine:
        return "MESSAGE\nsubscription:s\nx-long:" + QByteArray(2000, 'l') + "\n\n" + QByteArray(1, '\0');
    case Fatal::LargeBody:
        return "MESSAGE\nsubscription:s\ncontent-length:10000\n\n" + QByteArray(10000, 'b')
                + QByteArray(1, '\0');
    case Fatal::ManyHeaders: {
        QByteArray f = "MESSAGE\nsubscription:s\n";
        for (int i = 0; i < 40; ++i)
            f += "h" + QByteArray::number(i) + ":v\n";
        return f + "\n" + QByteArray(1, '\0');
    }
    case Fatal::BadEscape:
        return bytes("MESSAGE\nsubscription:s\nmessage-id:bad\\tescape\n\nbody\0");
    case Fatal::WrongLength:
        return bytes("MESSAGE\nsubscription:s\nmessage-id:x\ncontent-length:3\n\nlonger than 3\0");
    }
    return {};
}

StompClient::Error expectedError(Fatal fatal)
{
    switch (fatal) {
    case Fatal::None: return StompClient::RemoteClosed;
    case Fatal::Error: return StompClient::ServerError;
    case Fatal::LongLine:
    case Fatal::LargeBody:
    case Fatal::ManyHeaders: return StompClient::FrameTooLarge;
    case Fatal::UnknownCommand:
    case Fatal::BadEscape:
    case Fatal::WrongLength: break;
    }
    return StompClient::ProtocolError;
}

Stream generate(quint32 seed)
{
    QRandomGenerator rng(seed);
    Stream s;
    // Half the streams speak 1.2, the rest 1.1 and 1.0 (a CONNECTED without version).
    static const StompFrame::Version versions[] = {StompFrame::Version::V1_2, StompFrame::Version::V1_2,
                                                   StompFrame::Version::V1_1, StompFrame::Version::V1_0};
    s.version = versions[rng.bounded(4)];
    StompFrame connected(StompFrame::Connected, {{"session", "random"}});
    if (s.version == StompFrame::Version::V1_1)
        connected.addHeader("version", "1.1");
    else if (s.version == StompFrame::Version::V1_2)
        connected.addHeader("version", "1.2");
    s.bytes = StompFrameEncoder::encode(connected, s.version);
    const int items = 1 + rng.bounded(30);
    const int fatalAt = rng.bounded(3) == 0 ? -1 : rng.bounded(items);
    if (fatalAt >= 0)
        s.fatal = Fatal(1 + rng.bounded(7));
    if (s.fatal == Fatal::BadEscape && s.version == StompFrame::Version::V1_0)
        s.fatal = Fatal::UnknownCommand; // 1.0 has no escapes to get wrong
    bool afterFatal = false;
    for (int i = 0; i < items; ++i) {
        if (i == fatalAt) {
            s.bytes += fatalItem(s.fatal);
            afterFatal = true;
            continue;
        }
        switch (rng.bounded(6)) {
        case 0: // heart-beats between frames
            s.bytes += rng.bounded(2) || s.version != StompFrame::Version::V1_2 ? QByteArray("\n")
                                                                               : QByteArray("\r\n\n");
            break;
        case 1:
            s.bytes += StompFrameEncoder::encode(
                    StompFrame(StompFrame::Receipt, {{"receipt-id", "r-" + QByteArray::number(i)}}),
                    s.version);
            if (!afterFatal)
                ++s.receipts;
            break;
        default: {
            QByteArray body;
            StompHeaders extra;
            s.bytes += wellFormedMessage(rng, s.version, i, &body, &extra);
            if (!afterFatal) {
                s.bodies.append(body);
                s.headers.append(extra);
            }
        }
        }
    }
    s.ending = Ending(rng.bounded(3));
    if (s.ending == Ending::StayOpen && s.fatal == Fatal::None)
        s.bytes += StompFrameEncoder::encode(StompFrame(StompFrame::Receipt, {{"receipt-id", "end"}}),
                                             s.version);
    if (s.ending == Ending::CloseMidFrame)
        s.bytes += "MESSAGE\nsubscription:s\ncontent-length:100\n\ncut short";
    // One stream in five starts as a drip of 1-3 bytes (its first 3000 bytes).
    static const int sizes[] = {7, 100, 1500, 1 << 20};
    const bool drip = rng.bounded(5) == 0;
    for (qsizetype sent = 0; sent < s.bytes.size();) {
        int n = drip && sent < 3000 ? 1 + rng.bounded(3) : sizes[rng.bounded(int(std::size(sizes)))];
        n = int(qMin<qsizetype>(n, s.bytes.size() - sent));
        s.chunks.append(n);
        sent += n;
    }
    return s;
}

} // namespace

class tst_StompRandomStreams : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<StompFrame>(); }
    void generatorCoversEveryCase();
    void stream_data();
    void stream();
};

// The seeds of stream() reach every fatal item and every ending, several times, and streams
// long enough to hold messages on both sides of a fatal item.
void tst_StompRandomStreams::generatorCoversEveryCase()
{
    QHash<int, int> fatal;
    QHash<int, int> ending;
    QHash<int, int> version;
    int messages = 0;
    int byteAtATime = 0;
    for (quint32 seed = 1; seed <= kStreamsPerMode; ++seed) {
        const Stream s = generate(seed);
        ++fatal[int(s.fatal)];
        ++ending[int(s.ending)];
        ++version[int(s.version)];
        messages += int(s.bodies.size());
        byteAtATime += int(std::count_if(s.chunks.begin(), s.chunks.end(), [](int n) { return n <= 3; }));
    }
    for (int f = int(Fatal::None); f <= int(Fatal::WrongLength); ++f)
        QVERIFY2(fatal.value(f) >= 3, qPrintable(QStringLiteral("fatal kind %1: %2").arg(f).arg(fatal.value(f))));
    for (int e = int(Ending::Close); e <= int(Ending::StayOpen); ++e)
        QVERIFY2(ending.value(e) >= 10, qPrintable(QStringLiteral("ending %1: %2").arg(e).arg(ending.value(e))));
    for (StompFrame::Version v : {StompFrame::Version::V1_0, StompFrame::Version::V1_1, StompFrame::Version::V1_2})
        QVERIFY2(version.value(int(v)) >= 10, qPrintable(QStringLiteral("version %1: %2").arg(int(v)).arg(version.value(int(v)))));
    QVERIFY2(messages >= 5 * kStreamsPerMode, qPrintable(QString::number(messages)));
    QVERIFY2(byteAtATime >= 3000, qPrintable(QString::number(byteAtATime)));
}

void tst_StompRandomStreams::stream_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("queued");
    QTest::addColumn<quint32>("seed");
    for (const auto &[name, mode] : kModes) {
        for (quint32 seed = 1; seed <= kStreamsPerMode; ++seed)
            QTest::addRow("seed %u/%s", seed, name) << mode << false << seed;
        // Through a StompMessageQueue of 8: its reading pauses and resumes on the way.
        for (quint32 seed = 1; seed <= kStreamsPerMode / 2; ++seed)
            QTest::addRow("seed %u/queue/%s", seed, name) << mode << true << seed;
    }
}

void tst_StompRandomStreams::stream()
{
    QFETCH(Mode, mode);
    QFETCH(bool, queued);
    QFETCH(quint32, seed);
    const Stream s = generate(seed);

    FakeStompServer server;
    QVERIFY(server.listen());
    server.setConnectReply(FakeStompServer::ConnectReply::Never);
    StompClient client;
    client.setListenerMode(mode);
    client.setHost(server.host());
    client.setPort(server.port());
    client.setSocketTimeout(WaitMs);
    client.setParserLimits(limits());
    std::optional<StompMessageQueue> queue;
    if (queued)
        queue.emplace(&client, 8);
    QSignalSpy errors(&client, &StompClient::errorOccurred);
    QSignalSpy messages(&client, &StompClient::messageReceived);
    QSignalSpy receipts(&client, &StompClient::receiptReceived);
    QSignalSpy disconnected(&client, &StompClient::disconnected);
    client.connectToHost();
    FakeStompConnection *connection = server.waitForConnect(0, WaitMs);
    QVERIFY(connection);
    // Subscribed before CONNECTED: the SUBSCRIBE waits for it, the MESSAGEs come after it.
    StompSubscription *sub = client.subscribe(QStringLiteral("/queue/r"), StompClient::AckAuto, {},
                                              QStringLiteral("s"));
    QVERIFY(sub);
    QSignalSpy routed(sub, &StompSubscription::messageReceived);

    // What the client delivered: its signal, or what a consumer takes off the queue.
    QList<StompFrame> delivered;
    auto drain = [&] {
        if (!queue)
            return;
        while (std::optional<StompFrame> m = queue->tryTake())
            delivered.append(*m);
    };
    qsizetype offset = 0;
    for (int n : s.chunks) {
        connection->sendRaw(s.bytes.mid(offset, n));
        offset += n;
        if (n < 100)
            QCoreApplication::processEvents(); // separate reads for small chunks
        drain();
    }
    // The FIN without a reset: a SUBSCRIBE the client writes after it would otherwise make
    // the client's kernel drop what the client had not read yet (seen under TSan).
    if (s.ending != Ending::StayOpen || s.fatal != Fatal::None)
        connection->finishWriting();

    if (s.ending == Ending::StayOpen && s.fatal == Fatal::None) {
        QTRY_VERIFY_WITH_TIMEOUT((drain(), receipts.contains(QVariantList{QStringLiteral("end")})), WaitMs);
        QCOMPARE(client.state(), StompClient::Connected);
        QVERIFY2(errors.isEmpty(), qPrintable(describe(errors)));
        QCOMPARE(receipts.count(), s.receipts + 1);
    } else {
        QTRY_VERIFY_WITH_TIMEOUT((drain(), disconnected.count() == 1), WaitMs);
        QCOMPARE(client.state(), StompClient::Disconnected);
        QVERIFY2(!errors.isEmpty(), "the end of the connection was not reported");
        QVERIFY2(errorsOf(errors).first() == expectedError(s.fatal), qPrintable(describe(errors)));
        for (const QList<QVariant> &args : std::as_const(errors))
            QVERIFY(!args.at(1).toString().isEmpty());
        QCOMPARE(receipts.count(), s.receipts);
    }
    drain();
    if (queued) {
        QVERIFY(messages.isEmpty()); // the queue takes them instead
    } else {
        for (const QList<QVariant> &args : std::as_const(messages))
            delivered.append(args.at(0).value<StompFrame>());
        QCOMPARE(bodiesOf(routed), s.bodies);
    }
    QByteArrayList bodies;
    for (const StompFrame &m : std::as_const(delivered))
        bodies.append(m.body());
    QCOMPARE(bodies, s.bodies);
    for (int i = 0; i < delivered.size(); ++i) {
        for (const auto &[name, value] : s.headers.at(i))
            QCOMPARE(delivered.at(i).header(name), value);
    }
    client.abort();
}

QTEST_MAIN(tst_StompRandomStreams)
#include "tst_stomprandomstreams.moc"
