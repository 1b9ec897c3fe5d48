// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
#include <StompQt/stompframeparser.h>

#include "stompframe_p.h"
#include "stompescape_p.h"

#include <QtCore/qcoreapplication.h>

#include <cstring>
#include <limits>

class StompFrameParserPrivate
{
public:
    enum class Stage { BetweenFrames, Command, Headers, Body };

    const char *data() const { return borrowed ? input.data() : buffer.constData(); }
    qsizetype size() const { return borrowed ? input.size() : buffer.size(); }

    StompFrameParser::Result fail(StompFrameParser::ErrorCode code, qsizetype pos, QString reason);
    StompFrameParser::Result needMore();
    void keepRemainder();
    bool takeLine(qsizetype *lineEnd, qsizetype *nextPos);
    qsizetype unfinishedLineLength() const;
    StompFrameParser::Result parseHeader(qsizetype end);
    // Room for \a length more bytes of header data at headerUsed (per header line: inline).
    char *headerSpace(qsizetype length)
    {
        QByteArray &h = frame.d->headerData;
        if (h.size() - headerUsed < length)
            h.resize(qMax(2 * h.size(), headerUsed + length));
        return h.data() + headerUsed;
    }
    void endHeaders() { frame.d->headerData.resize(headerUsed); }
    void startFrame(StompFrame::Command command);
    StompFrameParser::Result handOut(StompFrame *out);
    void setBody(const char *data, qsizetype size);

    // Input: either the caller's buffer (borrowed, scanned in place) or our own copy of an
    // incomplete frame. `pos` is where the unconsumed bytes start, `scan` where the search
    // for the next delimiter resumes.
    QByteArrayView input;
    QByteArray buffer;
    bool borrowed = false;
    qsizetype pos = 0;
    qsizetype scan = 0;
    qint64 base = 0; // stream offset of data()[0]
    qint64 frameStart = 0;

    Stage stage = Stage::BetweenFrames;
    StompFrame frame;
    StompFrame spare; // storage for the next frame (see startFrame())
    qint64 contentLength = -1;
    qsizetype bodyReceived = 0; // bytes of a content-length body already in frame.d->body
    int headerCount = 0;
    // Bytes of frame.d->headerData in use while the header lines are parsed: the array is
    // sized ahead and trimmed once at the end of the headers (endHeaders()), not resized per
    // line (measured: 4 % of the parsing time of an ActiveMQ MESSAGE).
    qsizetype headerUsed = 0;
    bool unescape = false;

    StompFrame::Version version;
    StompParserLimits limits;
    bool timestamps = false;
    // One clock read per feed(): frames completed by the same bytes arrived together.
    qint64 stamp = 0;
    bool stampTaken = false;
    qint64 feedTime()
    {
        if (!stampTaken) {
            stamp = QDateTime::currentMSecsSinceEpoch();
            stampTaken = true;
        }
        return stamp;
    }
    bool allowMissingBlankLine = false;

    StompFrameParser::ErrorCode error = StompFrameParser::ErrorCode::NoError;
    QString errorString;
    qint64 errorOffset = -1;
};

StompFrameParser::Result StompFrameParserPrivate::fail(StompFrameParser::ErrorCode code,
                                                       qsizetype at, QString reason)
{
    error = code;
    errorOffset = base + at;
    errorString = QCoreApplication::translate("StompFrameParser", "%1 (at byte %2)")
                          .arg(reason).arg(errorOffset);
    return StompFrameParser::Error;
}

// Moves the unconsumed bytes into our own buffer (from a borrowed input), or drops the
// consumed prefix of our buffer once it outweighs what is left, so compaction costs O(1)
// per byte overall instead of one move per frame.
void StompFrameParserPrivate::keepRemainder()
{
    const qsizetype remaining = size() - pos;
    if (borrowed) {
        buffer.resize(0);
        buffer.append(input.data() + pos, remaining);
        input = {};
        borrowed = false;
    } else if (pos > 0 && pos >= remaining) {
        std::memmove(buffer.data(), buffer.constData() + pos, size_t(remaining));
        buffer.resize(remaining);
    } else {
        return;
    }
    base += pos;
    scan -= pos;
    pos = 0;
}

// QByteArray::isDetached() with acquire ordering: a copy of a message body handed to another
// thread and released there must have been read before this thread writes into the memory.
static bool soleHolder(QByteArray &bytes)
{
    const QArrayData *d = bytes.data_ptr().d_ptr();
    return d && d->ref_.loadAcquire() == 1;
}

// A frame's storage (its private part, header block and body) is reused: when a frame is
// handed out, the one the caller's variable held goes to `spare` if nothing else holds it
// any more (the caller handled it and kept no copy), and the next frame is built in it:
// three allocations and three frees fewer per frame. Capacities are kept up to a bound, so
// one large frame does not pin its memory for the connection's life.
void StompFrameParserPrivate::startFrame(StompFrame::Command command)
{
    static constexpr qsizetype kKeepHeaderBytes = 4096;
    static constexpr qsizetype kKeepBodyBytes = 64 * 1024;
    if (spare.d.constData()) {
        frame = std::move(spare);
        StompFramePrivate *p = frame.d.data(); // the only holder: no copy
        p->command = command;
        p->refs.clear();
        p->timestampMs = StompFramePrivate::kNoTimestamp;
        p->connectionTag = 0;
        if (soleHolder(p->body) && p->body.capacity() <= kKeepBodyBytes)
            p->body.resize(0);
        else
            p->body = QByteArray();
        QByteArray &h = p->headerData;
        if (soleHolder(h) && h.capacity() >= 256 && h.capacity() <= kKeepHeaderBytes)
            h.resize(h.capacity());
        else
            h = QByteArray(256, Qt::Uninitialized);
        return;
    }
    frame = StompFrame(command);
    frame.d->headerData = QByteArray(256, Qt::Uninitialized);
}

StompFrameParser::Result StompFrameParserPrivate::handOut(StompFrame *out)
{
    // constData(): the non-const accessors would detach (copy) a shared frame.
    // Acquire: a holder in another thread that let go of it made its last reads before.
    if (const StompFramePrivate *old = out->d.constData(); old && old->ref.loadAcquire() == 1)
        spare.d.swap(out->d);
    *out = std::move(frame);
    return StompFrameParser::FrameReady;
}

// The body of a frame whose storage may be recycled: written into the space it has when it
// is the body's only holder, allocated otherwise.
void StompFrameParserPrivate::setBody(const char *data, qsizetype size)
{
    QByteArray &body = frame.d->body;
    if (soleHolder(body) && body.capacity() >= size) {
        body.resize(size);
        std::memcpy(body.data(), data, size_t(size));
    } else {
        body = QByteArray(data, size);
    }
}

StompFrameParser::Result StompFrameParserPrivate::needMore()
{
    keepRemainder();
    const qint64 start = stage == Stage::BetweenFrames ? base + pos : frameStart;
    const qint64 held = base + size() - start;
    // Reported at the first byte past the limit, wherever the last read happened to end.
    if (held > limits.maxBufferedBytes)
        return fail(StompFrameParser::ErrorCode::BufferLimitExceeded,
                    qsizetype(start + limits.maxBufferedBytes - base),
                    QCoreApplication::translate("StompFrameParser",
                                                "incomplete frame exceeds %1 buffered bytes")
                            .arg(limits.maxBufferedBytes));
    return StompFrameParser::NeedMoreData;
}

// Finds the end of the line starting at `pos`; false when it is not complete yet.
bool StompFrameParserPrivate::takeLine(qsizetype *lineEnd, qsizetype *nextPos)
{
    const char *d = data();
    const void *nl = std::memchr(d + scan, '\n', size_t(size() - scan));
    if (!nl) {
        scan = size();
        return false;
    }
    const qsizetype at = static_cast<const char *>(nl) - d;
    *nextPos = at + 1;
    *lineEnd = (at > pos && d[at - 1] == '\r') ? at - 1 : at;
    return true;
}

// Length of the line at `pos` that has no line feed yet. A trailing CR does not count: it
// may be the first half of a CRLF, and a line must not fail or pass depending on whether
// its LF came in the same read.
qsizetype StompFrameParserPrivate::unfinishedLineLength() const
{
    const qsizetype n = size() - pos;
    return n > 0 && data()[size() - 1] == '\r' ? n - 1 : n;
}

StompFrameParser::Result StompFrameParserPrivate::parseHeader(qsizetype end)
{
    using E = StompFrameParser::ErrorCode;
    auto tr = [](const char *s) { return QCoreApplication::translate("StompFrameParser", s); };
    if (headerCount >= limits.maxHeaderCount)
        return fail(E::TooManyHeaders, pos, tr("more than %1 headers").arg(limits.maxHeaderCount));
    const char *line = data() + pos;
    const qsizetype length = end - pos;
    const void *colon = std::memchr(line, ':', size_t(length));
    if (!colon)
        return fail(E::MalformedHeader, pos, tr("header line without ':'"));
    const qsizetype nameLength = static_cast<const char *>(colon) - line;
    if (nameLength == 0)
        return fail(E::MalformedHeader, pos, tr("empty header name"));
    const QByteArrayView name(line, nameLength);
    const QByteArrayView value(line + nameLength + 1, length - nameLength - 1);

    StompHeaderRef ref;
    ref.nameOffset = quint32(headerUsed);
    char *out = headerSpace(length);
    if (!unescape || !std::memchr(line, '\\', size_t(length))) {
        // Nothing to unescape (the common case): one copy of the whole line. The colon
        // stays in the block between name and value; the refs skip it.
        ref.nameLength = quint32(nameLength);
        ref.valueOffset = ref.nameOffset + quint32(nameLength) + 1;
        ref.valueLength = quint32(length - nameLength - 1);
        stompCopyShort(out, line, length);
        headerUsed += length;
    } else {
        qsizetype bad = -1;
        const qsizetype n = StompEscape::unescapeTo(name, version, out, &bad);
        if (n < 0)
            return fail(E::InvalidEscape, pos + bad, tr("undefined escape sequence in header name"));
        const qsizetype v = StompEscape::unescapeTo(value, version, out + n, &bad);
        if (v < 0)
            return fail(E::InvalidEscape, pos + nameLength + 1 + bad,
                        tr("undefined escape sequence in header value"));
        ref.nameLength = quint32(n);
        ref.valueOffset = ref.nameOffset + quint32(n);
        ref.valueLength = quint32(v);
        headerUsed += n + v;
    }
    StompFramePrivate *f = frame.d.data();

    // Only the first content-length counts, like every repeated header.
    static constexpr QByteArrayView contentLengthName("content-length");
    if (contentLength < 0 && ref.nameLength == contentLengthName.size()
        && f->name(ref) == contentLengthName) {
        const QByteArrayView v = f->value(ref);
        qint64 n = 0;
        bool ok = !v.isEmpty();
        for (char c : v) {
            if (c < '0' || c > '9' || n > (std::numeric_limits<qint64>::max() - (c - '0')) / 10) {
                ok = false; // not a number, or one that overflows
                break;
            }
            n = n * 10 + (c - '0');
        }
        if (!ok)
            return fail(E::InvalidContentLength, pos, tr("invalid content-length '%1'")
                                                          .arg(QString::fromLatin1(v.first(qMin<qsizetype>(32, v.size())))));
        if (n > limits.maxBodySize)
            return fail(E::BodyTooLarge, pos, tr("content-length %1 exceeds the limit of %2 bytes")
                                                  .arg(n).arg(limits.maxBodySize));
        contentLength = n;
    }
    f->refs.append(ref);
    ++headerCount;
    return StompFrameParser::FrameReady; // "header taken"; the caller goes on
}

StompFrameParser::StompFrameParser(StompFrame::Version version, const StompParserLimits &limits)
    : d(new StompFrameParserPrivate)
{
    d->version = version;
    d->limits = limits;
}

StompFrameParser::~StompFrameParser() = default;

void StompFrameParser::setVersion(StompFrame::Version version) { d->version = version; }
StompFrame::Version StompFrameParser::version() const { return d->version; }
void StompFrameParser::setLimits(const StompParserLimits &limits) { d->limits = limits; }
StompParserLimits StompFrameParser::limits() const { return d->limits; }
void StompFrameParser::setTimestampFrames(bool enable) { d->timestamps = enable; }
void StompFrameParser::setAllowMissingBlankLine(bool allow) { d->allowMissingBlankLine = allow; }

void StompFrameParser::feed(QByteArrayView data)
{
    if (d->error != ErrorCode::NoError || data.isEmpty())
        return;
    d->stampTaken = false;
    if (d->borrowed)
        d->keepRemainder(); // the caller feeds again before draining: keep what is left
    if (d->pos == d->size()) {
        // Nothing pending: scan the caller's bytes in place.
        d->base += d->pos;
        d->buffer.resize(0);
        d->input = data;
        d->borrowed = true;
        d->pos = d->scan = 0;
    } else {
        d->buffer.append(data.data(), data.size());
    }
}

StompFrameParser::Result StompFrameParser::next(StompFrame *out)
{
    using S = StompFrameParserPrivate::Stage;
    if (d->error != ErrorCode::NoError)
        return Error;
    for (;;) {
        switch (d->stage) {
        case S::BetweenFrames: {
            if (d->pos >= d->size())
                return d->needMore();
            const char c = d->data()[d->pos];
            if (c == '\n') {
                ++d->pos;
                return HeartBeat;
            }
            if (c == '\r') {
                if (d->pos + 1 >= d->size())
                    return d->needMore();
                if (d->data()[d->pos + 1] != '\n')
                    return d->fail(ErrorCode::InvalidCommand, d->pos,
                                   QCoreApplication::translate("StompFrameParser",
                                                               "carriage return without line feed"));
                d->pos += 2;
                return HeartBeat;
            }
            d->stage = S::Command;
            d->scan = d->pos;
            d->frameStart = d->base + d->pos;
            break;
        }
        case S::Command: {
            qsizetype end, nextPos;
            const bool complete = d->takeLine(&end, &nextPos);
            if ((complete ? end - d->pos : d->unfinishedLineLength()) > d->limits.maxHeaderLineLength)
                return d->fail(ErrorCode::HeaderLineTooLong, d->pos,
                               QCoreApplication::translate("StompFrameParser",
                                                           "command line longer than %1 bytes")
                                       .arg(d->limits.maxHeaderLineLength));
            if (!complete)
                return d->needMore();
            const QByteArrayView name(d->data() + d->pos, end - d->pos);
            const StompFrame::Command command = StompFrame::commandFromString(name);
            if (command == StompFrame::Invalid)
                return d->fail(ErrorCode::InvalidCommand, d->pos,
                               QCoreApplication::translate("StompFrameParser", "unknown command '%1'")
                                       .arg(QString::fromUtf8(name.first(qMin<qsizetype>(32, name.size()))).toHtmlEscaped()));
            d->startFrame(command);
            d->headerUsed = 0;
            d->contentLength = -1;
            d->bodyReceived = 0;
            d->headerCount = 0;
            d->unescape = d->version != StompFrame::Version::V1_0
                    && !StompFrame::isUnescapedCommand(command);
            d->pos = d->scan = nextPos;
            d->stage = S::Headers;
            break;
        }
        case S::Headers: {
            if (d->allowMissingBlankLine && d->pos < d->size() && d->data()[d->pos] == '\0'
                && d->contentLength <= 0) {
                // "HEADERS NUL": the form the specification prints for DISCONNECT and RECEIPT.
                ++d->pos;
                d->scan = d->pos;
                d->endHeaders();
                d->stage = S::BetweenFrames;
                if (d->timestamps)
                    d->frame.d->timestampMs = d->feedTime();
                return d->handOut(out);
            }
            qsizetype end, nextPos;
            const bool complete = d->takeLine(&end, &nextPos);
            if ((complete ? end - d->pos : d->unfinishedLineLength()) > d->limits.maxHeaderLineLength)
                return d->fail(ErrorCode::HeaderLineTooLong, d->pos,
                               QCoreApplication::translate("StompFrameParser",
                                                           "header line longer than %1 bytes")
                                       .arg(d->limits.maxHeaderLineLength));
            if (!complete)
                return d->needMore();
            if (end == d->pos) {
                d->pos = d->scan = nextPos;
                d->endHeaders();
                d->stage = S::Body;
                if (d->contentLength >= 0
                    && d->base + d->pos - d->frameStart + d->contentLength + 1
                            > d->limits.maxBufferedBytes)
                    return d->fail(ErrorCode::BufferLimitExceeded, d->pos,
                                   QCoreApplication::translate("StompFrameParser",
                                                               "frame exceeds %1 buffered bytes")
                                           .arg(d->limits.maxBufferedBytes));
                break;
            }
            if (d->parseHeader(end) == Error)
                return Error;
            d->pos = d->scan = nextPos;
            break;
        }
        case S::Body: {
            const char *data = d->data();
            qsizetype bodyEnd;
            if (d->contentLength >= 0) {
                QByteArray &body = d->frame.d->body;
                const qsizetype missing = qsizetype(d->contentLength) - d->bodyReceived;
                bodyEnd = d->pos + missing;
                if (bodyEnd >= d->size()) {
                    // Incomplete: what arrived goes straight to the body (its size passed the
                    // limits when the headers ended), so a large body is copied once instead
                    // of into our buffer first and then out of it.
                    const qsizetype n = d->size() - d->pos;
                    if (n > 0) {
                        if (d->bodyReceived == 0)
                            body = QByteArray(qsizetype(d->contentLength), Qt::Uninitialized);
                        std::memcpy(body.data() + d->bodyReceived, data + d->pos, size_t(n));
                        d->bodyReceived += n;
                        d->pos = d->scan = d->size();
                    }
                    return d->needMore();
                }
                if (data[bodyEnd] != '\0')
                    return d->fail(ErrorCode::MissingNul, bodyEnd,
                                   QCoreApplication::translate("StompFrameParser",
                                                               "no NUL after a body of content-length %1")
                                           .arg(d->contentLength));
                if (d->bodyReceived > 0)
                    std::memcpy(body.data() + d->bodyReceived, data + d->pos, size_t(missing));
                else if (missing > 0)
                    d->setBody(data + d->pos, missing);
            } else {
                const void *nul = std::memchr(data + d->scan, '\0', size_t(d->size() - d->scan));
                if (!nul) {
                    if (d->size() - d->pos > d->limits.maxBodySize)
                        return d->fail(ErrorCode::BodyTooLarge, d->pos,
                                       QCoreApplication::translate("StompFrameParser",
                                                                   "body exceeds the limit of %1 bytes")
                                               .arg(d->limits.maxBodySize));
                    d->scan = d->size();
                    return d->needMore();
                }
                bodyEnd = static_cast<const char *>(nul) - data;
                if (bodyEnd - d->pos > d->limits.maxBodySize)
                    return d->fail(ErrorCode::BodyTooLarge, d->pos,
                                   QCoreApplication::translate("StompFrameParser",
                                                               "body exceeds the limit of %1 bytes")
                                           .arg(d->limits.maxBodySize));
                if (bodyEnd > d->pos)
                    d->setBody(data + d->pos, bodyEnd - d->pos);
            }
            if (d->timestamps)
                d->frame.d->timestampMs = d->feedTime();
            d->pos = d->scan = bodyEnd + 1;
            d->stage = S::BetweenFrames;
            return d->handOut(out);
        }
        }
    }
}

// Header lines of an incomplete frame are already parsed, but the frame is not consumed
// until it is complete: the bytes from its first one count as buffered.
qsizetype StompFrameParser::bufferedBytes() const
{
    return qsizetype(d->base + d->size() - consumedBytes());
}
qint64 StompFrameParser::consumedBytes() const
{
    return d->stage == StompFrameParserPrivate::Stage::BetweenFrames ? d->base + d->pos
                                                                       : d->frameStart;
}
bool StompFrameParser::hasError() const { return d->error != ErrorCode::NoError; }
StompFrameParser::ErrorCode StompFrameParser::error() const { return d->error; }
QString StompFrameParser::errorString() const { return d->errorString; }
qint64 StompFrameParser::errorOffset() const { return d->errorOffset; }

void StompFrameParser::reset()
{
    const StompFrame::Version version = d->version;
    const StompParserLimits limits = d->limits;
    const bool timestamps = d->timestamps;
    const bool allowMissingBlankLine = d->allowMissingBlankLine;
    d.reset(new StompFrameParserPrivate);
    d->allowMissingBlankLine = allowMissingBlankLine;
    d->version = version;
    d->limits = limits;
    d->timestamps = timestamps;
}
