// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// libFuzzer target for StompFrameParser.
//
// Input layout: byte 0 picks the parser set-up, byte 1 the way the rest arrives, and the
// rest is the byte stream.
//   byte 0, bits 0-1: version (0: 1.0, 1: 1.1, 2 and 3: 1.2)
//           bits 2-3: limits (0: defaults, 1: small, 2: tiny, 3: medium)
//           bit  4:   stamp frames with their arrival time
//           bits 5-6: version to switch to after the first frame, as a client does once
//                     CONNECTED negotiated it (0: keep, 1: 1.0, 2: 1.1, 3: 1.2)
//   byte 1, bits 6-7: chunking (0: one read, 1: byte by byte, 2: reads of (bits 0-5) + 1
//                     bytes, 3: pseudo-random read sizes seeded by bits 0-5)
//
// Checked, besides the sanitizers' findings:
// - every byte fed is either consumed or buffered; an error stays put and points at a byte
//   that was fed;
// - the stream gives the same frames, heart-beats and error whether it arrives in one read
//   or in chunks (the buffer limit aside: it bounds what an incomplete frame may hold, so it
//   depends on where reads end by design);
// - a parsed frame that the encoder accepts re-encodes and re-parses to the same frame
//   (content-length aside: the encoder owns it and writes it last).

#include <StompQt/stompframeencoder.h>
#include <StompQt/stompframeparser.h>

#include <QtCore/qdebug.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace {

using Version = StompFrame::Version;
using ErrorCode = StompFrameParser::ErrorCode;

Version versionFromBits(unsigned bits)
{
    switch (bits & 3) {
    case 0: return Version::V1_0;
    case 1: return Version::V1_1;
    default: return Version::V1_2;
    }
}

StompParserLimits limitsFromBits(unsigned bits)
{
    StompParserLimits l;
    switch (bits & 3) {
    case 1: l = {4, 32, 64, 256}; break;
    case 2: l = {1, 8, 4, 24}; break;
    case 3: l = {16, 256, 4096, 8192}; break;
    default: break; // the defaults a client uses
    }
    return l;
}

class ChunkPlan
{
public:
    explicit ChunkPlan(uint8_t spec) : m_mode(spec >> 6), m_param(spec & 0x3f), m_state(spec | 0x100u) {}
    bool isWhole() const { return m_mode == 0; }

    size_t next(size_t remaining)
    {
        size_t n = remaining;
        switch (m_mode) {
        case 1: n = 1; break;
        case 2: n = m_param + 1; break;
        case 3:
            m_state ^= m_state << 13; // xorshift32
            m_state ^= m_state >> 17;
            m_state ^= m_state << 5;
            n = 1 + (m_state % ((m_state & 0x100) ? 4096 : 24));
            break;
        default: break;
        }
        return n < remaining ? n : remaining;
    }

private:
    unsigned m_mode;
    unsigned m_param;
    uint32_t m_state;
};

struct Outcome
{
    std::vector<StompFrame> frames;
    int heartBeats = 0;
    ErrorCode error = ErrorCode::NoError;
    qint64 errorOffset = -1;
    qint64 consumed = 0;
};

[[noreturn]] void fail(const char *what, const StompFrame *a = nullptr, const StompFrame *b = nullptr)
{
    std::fprintf(stderr, "fuzz_frameparser: %s\n", what);
    if (a)
        qWarning() << "  first: " << *a;
    if (b)
        qWarning() << "  second:" << *b;
    std::abort();
}

Outcome parse(const uint8_t *data, size_t size, uint8_t setup, ChunkPlan plan)
{
    StompFrameParser parser(versionFromBits(setup), limitsFromBits(setup >> 2));
    parser.setTimestampFrames(setup & 0x10);
    const unsigned switchTo = (setup >> 5) & 3;

    Outcome out;
    qint64 fed = 0;
    for (size_t at = 0; at < size;) {
        const size_t n = plan.next(size - at);
        // Each read in its own allocation, freed once the parser asked for more: ASan
        // catches a parser that keeps pointing into the caller's buffer.
        std::unique_ptr<char[]> chunk(new char[n]);
        std::memcpy(chunk.get(), data + at, n);
        at += n;
        fed += qint64(n);
        parser.feed(QByteArrayView(chunk.get(), qsizetype(n)));
        for (bool more = true; more;) {
            StompFrame frame;
            switch (parser.next(&frame)) {
            case StompFrameParser::FrameReady:
                if (!frame.isValid())
                    fail("FrameReady with an invalid frame");
                out.frames.push_back(frame);
                if (out.frames.size() == 1 && switchTo)
                    parser.setVersion(versionFromBits(switchTo - 1));
                break;
            case StompFrameParser::HeartBeat:
                ++out.heartBeats;
                break;
            case StompFrameParser::NeedMoreData:
                if (parser.consumedBytes() + parser.bufferedBytes() != fed)
                    fail("consumed + buffered bytes differ from the bytes fed");
                more = false;
                break;
            case StompFrameParser::Error: {
                out.error = parser.error();
                out.errorOffset = parser.errorOffset();
                out.consumed = parser.consumedBytes();
                if (out.error == ErrorCode::NoError || !parser.hasError()
                    || parser.errorString().isEmpty())
                    fail("Error without an error code or reason");
                if (out.errorOffset < out.consumed || out.errorOffset >= fed)
                    fail("errorOffset outside the unconsumed bytes fed");
                // Sticky: more data changes nothing and hands out no frame.
                static const char more[] = "SEND\n\n\0";
                parser.feed(QByteArrayView(more, sizeof more - 1));
                StompFrame untouched;
                if (parser.next(&untouched) != StompFrameParser::Error || untouched.isValid()
                    || parser.error() != out.error || parser.errorOffset() != out.errorOffset)
                    fail("error not sticky");
                return out;
            }
            }
        }
    }
    out.consumed = parser.consumedBytes();
    return out;
}

StompFrame withoutContentLength(StompFrame frame)
{
    frame.removeHeader("content-length");
    return frame;
}

void checkReencoding(const StompFrame &frame, Version version)
{
    QByteArray bytes;
    if (!StompFrameEncoder::encode(frame, version, &bytes))
        return; // e.g. a raw CR the parser took into a 1.1 value: not every frame is writable
    StompParserLimits roomy;
    roomy.maxHeaderCount = 1 << 20;
    roomy.maxHeaderLineLength = roomy.maxBodySize = roomy.maxBufferedBytes = qsizetype(1) << 40;
    StompFrameParser parser(version, roomy);
    parser.feed(bytes);
    StompFrame again;
    if (parser.next(&again) != StompFrameParser::FrameReady)
        fail(qPrintable(QStringLiteral("re-encoded frame does not parse: ") + parser.errorString()),
             &frame);
    StompFrame rest;
    if (parser.next(&rest) != StompFrameParser::NeedMoreData || parser.bufferedBytes() != 0)
        fail("re-encoded frame leaves bytes behind", &frame, &again);
    if (withoutContentLength(again) != withoutContentLength(frame))
        fail("re-encoded frame differs", &frame, &again);
    if (again.hasHeader("content-length") && again.contentLength() != again.body().size())
        fail("encoder wrote a wrong content-length", &frame, &again);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const uint8_t setup = data[0];
    const ChunkPlan plan(data[1]);
    data += 2;
    size -= 2;

    const Outcome chunked = parse(data, size, setup, plan);
    if (!plan.isWhole()) {
        const Outcome whole = parse(data, size, setup, ChunkPlan(0));
        const bool bufferLimit = chunked.error == ErrorCode::BufferLimitExceeded
                || whole.error == ErrorCode::BufferLimitExceeded;
        const size_t common = std::min(chunked.frames.size(), whole.frames.size());
        for (size_t i = 0; i < common; ++i) {
            if (chunked.frames[i] != whole.frames[i])
                fail("chunked and whole reads give different frames", &chunked.frames[i],
                     &whole.frames[i]);
        }
        if (!bufferLimit
            && (chunked.frames.size() != whole.frames.size() || chunked.heartBeats != whole.heartBeats
                || chunked.error != whole.error || chunked.errorOffset != whole.errorOffset
                || chunked.consumed != whole.consumed)) {
            std::fprintf(stderr, "chunked: %zu frames, %d beats, error %d at %lld, consumed %lld\n"
                                 "whole:   %zu frames, %d beats, error %d at %lld, consumed %lld\n",
                         chunked.frames.size(), chunked.heartBeats, int(chunked.error),
                         (long long)chunked.errorOffset, (long long)chunked.consumed,
                         whole.frames.size(), whole.heartBeats, int(whole.error),
                         (long long)whole.errorOffset, (long long)whole.consumed);
            fail("chunked and whole reads disagree");
        }
    }

    const unsigned switchTo = (setup >> 5) & 3;
    for (size_t i = 0; i < chunked.frames.size(); ++i) {
        const Version v = i > 0 && switchTo ? versionFromBits(switchTo - 1) : versionFromBits(setup);
        checkReencoding(chunked.frames[i], v);
    }
    return 0;
}
