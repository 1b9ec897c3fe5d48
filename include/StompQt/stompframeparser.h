// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#pragma once

#include <StompQt/stompframe.h>

#include <memory>

/// Limits a parser enforces. They are checked before anything is allocated for the data
/// they bound: an oversized content-length fails as soon as the header is read.
struct StompParserLimits
{
    int maxHeaderCount = 1000;
    qsizetype maxHeaderLineLength = 64 * 1024;     ///< the command line counts as a header line
    qsizetype maxBodySize = 64 * 1024 * 1024;
    /// Bytes held for one incomplete frame (headers + body + terminator).
    qsizetype maxBufferedBytes = 64 * 1024 * 1024 + 2 * 1024 * 1024;
};

class StompFrameParserPrivate;

/*!
    Incremental STOMP frame parser with no I/O.

    Feed it bytes as they arrive, then call next() until it returns NeedMoreData:

    \code
    const QByteArray bytes = socket->readAll(); // must outlive the next() calls below
    parser.feed(bytes);
    StompFrame frame;
    for (;;) {
        auto r = parser.next(&frame);
        if (r == StompFrameParser::FrameReady) handle(frame);
        else if (r == StompFrameParser::HeartBeat) continue;
        else if (r == StompFrameParser::NeedMoreData) break;
        else { fail(parser.errorString()); break; }
    }
    \endcode

    The parser scans a fed buffer in place when it holds whole frames and copies only what
    an incomplete frame needs; scanning resumes where the previous call stopped. Errors are
    sticky until reset() and carry a reason and the stream offset of the offending byte.
*/
class STOMPQT_EXPORT StompFrameParser
{
public:
    enum Result { NeedMoreData, FrameReady, HeartBeat, Error };

    enum class ErrorCode {
        NoError,
        InvalidCommand,
        MalformedHeader,
        InvalidEscape,
        TooManyHeaders,
        HeaderLineTooLong,
        BodyTooLarge,
        InvalidContentLength,
        MissingNul,
        BufferLimitExceeded,
    };

    explicit StompFrameParser(StompFrame::Version version = StompFrame::Version::V1_2,
                              const StompParserLimits &limits = {});
    ~StompFrameParser();
    StompFrameParser(const StompFrameParser &) = delete;
    StompFrameParser &operator=(const StompFrameParser &) = delete;

    /// The version decides header unescaping: 1.0 none, 1.1 \n \c \\, 1.2 also \r.
    void setVersion(StompFrame::Version version);
    StompFrame::Version version() const;
    void setLimits(const StompParserLimits &limits);
    StompParserLimits limits() const;
    /// Stamp each frame with the time the bytes that completed it were fed (one clock read
    /// per feed(), shared by the frames it completes; default off).
    void setTimestampFrames(bool enable);
    /// Leniency, off by default: accept a NUL right after the last header line (no blank
    /// line, no body), the form the specification prints for its DISCONNECT and RECEIPT
    /// examples. The grammar requires the blank line.
    void setAllowMissingBlankLine(bool allow);

    /// Hands bytes to the parser. \a data must stay valid until next() returned
    /// NeedMoreData or Error, or until the next feed(); the parser copies what it keeps.
    void feed(QByteArrayView data);
    /// Parses the next frame into \a frame. FrameReady and HeartBeat consume input.
    Result next(StompFrame *frame);

    /// Bytes fed but not yet consumed by a complete frame or heart-beat.
    qsizetype bufferedBytes() const;
    /// Total bytes consumed since construction or reset().
    qint64 consumedBytes() const;

    bool hasError() const;
    ErrorCode error() const;
    QString errorString() const;
    /// Stream offset (from construction or reset()) of the byte that caused the error.
    qint64 errorOffset() const;

    /// Drops buffered data and any error; the version and limits are kept.
    void reset();

private:
    std::unique_ptr<StompFrameParserPrivate> d;
};
