// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// Throughput of the protocol core, printed as a markdown table. Each case runs for at
// least half a second, five times; the median is reported, beside memcpy of the same
// bytes in the same chunks, measured the same way in the same run.
//
//   bench_parser [--quick] [filter]
//     --quick: 0.1 s per run, for a smoke test; filter: only the cases whose name
//     contains it (e.g. "small", for a profiler)

#include <StompQt/stompframeencoder.h>
#include <StompQt/stompframeparser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double g_minSeconds = 0.5;
constexpr int kRepeats = 5;
constexpr qsizetype kChunk = 64 * 1024;

volatile qint64 g_sink = 0; // keeps the optimizer from dropping the work

/// Runs \a once (which processes \a units units) until at least g_minSeconds passed;
/// returns units per second. Median of kRepeats such runs.
double unitsPerSecond(double units, const std::function<void()> &once)
{
    once(); // warm caches and allocators
    std::vector<double> rates;
    for (int r = 0; r < kRepeats; ++r) {
        qint64 iterations = 0;
        const auto start = Clock::now();
        std::chrono::duration<double> elapsed{};
        do {
            once();
            ++iterations;
            elapsed = Clock::now() - start;
        } while (elapsed.count() < g_minSeconds);
        rates.push_back(units * double(iterations) / elapsed.count());
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

/// A MESSAGE as RabbitMQ delivers it: six headers, here with a 100-byte body.
StompFrame rabbitMessage(qsizetype bodySize, int sequence)
{
    StompFrame frame(StompFrame::Message);
    frame.addHeader("subscription", "sub-0");
    frame.addHeader("destination", "/queue/bench");
    frame.addHeader("message-id", "T_sub-0@@session-Jw8sDpu7CcRHJHmUX6U0kQ@@" + QByteArray::number(sequence));
    frame.addHeader("redelivered", "false");
    frame.addHeader("content-type", "text/plain");
    // content-length, the sixth, is written by the encoder
    QByteArray body(bodySize, 'x');
    for (qsizetype i = 0; i < bodySize; i += 61)
        body[i] = char('a' + (i / 61) % 26);
    frame.setBody(body);
    return frame;
}

/// A MESSAGE as ActiveMQ 5.17 delivers it (ack: client): eight headers, two of them (ack and
/// message-id) full of colons that STOMP 1.2 escapes as \c, so every frame takes the
/// parser's unescaping path.
StompFrame activemqMessage(qsizetype bodySize, int sequence)
{
    StompFrame frame(StompFrame::Message);
    frame.addHeader("expires", "0");
    frame.addHeader("destination", "/queue/bench");
    frame.addHeader("ack", "ID:vm-38355-1795783440900-4:" + QByteArray::number(800000 + sequence));
    frame.addHeader("subscription", "0");
    frame.addHeader("priority", "4");
    frame.addHeader("message-id", "ID:vm-38355-1795783440900-3:18:-1:1:" + QByteArray::number(sequence));
    frame.addHeader("timestamp", "1795783501099");
    frame.setBody(QByteArray(bodySize, 'x'));
    return frame;
}

using MessageShape = StompFrame (*)(qsizetype bodySize, int sequence);

QByteArray encodedStream(int frames, qsizetype bodySize, MessageShape shape = rabbitMessage)
{
    QByteArray stream;
    for (int i = 0; i < frames; ++i)
        StompFrameEncoder::encode(shape(bodySize, i), StompFrame::Version::V1_2, &stream);
    return stream;
}

/// Parses \a stream fed in pieces of \a chunk bytes (the whole stream at once when 0).
/// Returns the number of frames, so a broken stream shows up as a wrong count.
qint64 parseStream(const QByteArray &stream, qsizetype chunk)
{
    StompFrameParser parser(StompFrame::Version::V1_2);
    StompFrame frame;
    qint64 frames = 0, bodyBytes = 0;
    const qsizetype step = chunk > 0 ? chunk : stream.size();
    for (qsizetype at = 0; at < stream.size(); at += step) {
        parser.feed(QByteArrayView(stream.constData() + at, qMin(step, stream.size() - at)));
        for (;;) {
            const StompFrameParser::Result r = parser.next(&frame);
            if (r == StompFrameParser::FrameReady) {
                ++frames;
                bodyBytes += frame.bodySize();
            } else if (r != StompFrameParser::HeartBeat) {
                if (r == StompFrameParser::Error) {
                    std::fprintf(stderr, "parse error: %s\n", qPrintable(parser.errorString()));
                    std::exit(1);
                }
                break;
            }
        }
    }
    g_sink = g_sink + bodyBytes;
    return frames;
}

/// The baseline: memcpy of the same bytes, 64 KiB at a time into one reused buffer, as a
/// socket read into a read buffer would touch them.
double memcpyBytesPerSecond(const QByteArray &stream)
{
    std::vector<char> dest(static_cast<size_t>(kChunk));
    return unitsPerSecond(double(stream.size()), [&] {
        for (qsizetype at = 0; at < stream.size(); at += kChunk)
            std::memcpy(dest.data(), stream.constData() + at, size_t(qMin(kChunk, stream.size() - at)));
        g_sink = g_sink + dest[0];
    });
}

struct Row
{
    QByteArray name;
    double framesPerSecond;
    double gigabytesPerSecond;
    double memcpyGigabytesPerSecond;
};

Row parseCase(const char *name, int frames, qsizetype bodySize, qsizetype chunk, MessageShape shape)
{
    const QByteArray stream = encodedStream(frames, bodySize, shape);
    if (parseStream(stream, chunk) != frames) {
        std::fprintf(stderr, "%s: wrong frame count\n", name);
        std::exit(1);
    }
    const double fps = unitsPerSecond(frames, [&] { parseStream(stream, chunk); });
    return {name, fps, fps * double(stream.size()) / frames / 1e9, memcpyBytesPerSecond(stream) / 1e9};
}

Row encodeCase(const char *name, int frames, qsizetype bodySize)
{
    std::vector<StompFrame> input;
    for (int i = 0; i < frames; ++i)
        input.push_back(rabbitMessage(bodySize, i));
    QByteArray out;
    out.reserve(encodedStream(frames, bodySize).size());
    const auto encodeAll = [&] {
        out.resize(0); // keeps the capacity, as a connection's write buffer does
        for (const StompFrame &f : input)
            StompFrameEncoder::encode(f, StompFrame::Version::V1_2, &out);
        g_sink = g_sink + out.size();
    };
    encodeAll();
    const qsizetype bytes = out.size();
    const double fps = unitsPerSecond(frames, encodeAll);
    return {name, fps, fps * double(bytes) / frames / 1e9, memcpyBytesPerSecond(out) / 1e9};
}

} // namespace

int main(int argc, char **argv)
{
    const char *filter = "";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0)
            g_minSeconds = 0.1;
        else
            filter = argv[i];
    }
    const auto wanted = [&](const char *name) { return std::strstr(name, filter) != nullptr; };

    std::vector<Row> rows;
    struct ParseCase { const char *name; int frames; qsizetype body; qsizetype chunk; MessageShape shape; };
    const ParseCase parseCases[] = {
        {"parse small MESSAGE (100 B body, 6 headers), 64 KiB reads", 20000, 100, kChunk, rabbitMessage},
        {"parse small ActiveMQ MESSAGE (100 B body, 8 headers, escaped ids), 64 KiB reads", 20000, 100, kChunk, activemqMessage},
        {"parse 64 KiB bodies, 64 KiB reads", 256, 64 * 1024, kChunk, rabbitMessage},
        {"parse 64 KiB bodies, one read", 256, 64 * 1024, 0, rabbitMessage},
        {"parse 1 MiB bodies, 64 KiB reads", 32, 1024 * 1024, kChunk, rabbitMessage},
        {"parse 1 MiB bodies, one read", 32, 1024 * 1024, 0, rabbitMessage},
    };
    for (const ParseCase &c : parseCases) {
        if (wanted(c.name))
            rows.push_back(parseCase(c.name, c.frames, c.body, c.chunk, c.shape));
    }
    const char *encodeName = "encode small MESSAGE (100 B body, 6 headers)";
    if (wanted(encodeName))
        rows.push_back(encodeCase(encodeName, 20000, 100));

    std::printf("| case | frames/s | GB/s | memcpy of the same bytes (64 KiB pieces), GB/s |\n");
    std::printf("|---|---:|---:|---:|\n");
    for (const Row &r : rows) {
        char rate[32];
        if (r.framesPerSecond >= 1e6)
            std::snprintf(rate, sizeof rate, "%.2f M", r.framesPerSecond / 1e6);
        else
            std::snprintf(rate, sizeof rate, "%.1f k", r.framesPerSecond / 1e3);
        std::printf("| %s | %s | %.2f | %.2f |\n", r.name.constData(), rate, r.gigabytesPerSecond,
                    r.memcpyGigabytesPerSecond);
    }
    std::printf("\nmedian of %d runs of at least %.1f s each; 1 GB = 10^9 bytes of encoded stream\n",
                kRepeats, g_minSeconds);
    return 0;
}
