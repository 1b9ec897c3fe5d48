// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// One client run of the peer comparison, printed as one JSON line (run by driver.py).
//
//   peers_client CLIENT MODE key=value...
//   CLIENT: caller | worker | publisher | batched | queue   (StompQt: StompClient CallerThread/WorkerThread,
//           StompPublisher, StompMessageQueue on a WorkerThread client) | raw (plain socket ceiling)
//   MODE:   pub   n, size, dest          n messages, the last one with a receipt that is waited for
//           con   n, dest, ack=auto|client-individual|client100
//           rtt   n, size, dest          one message at a time through a queue we subscribe to
//           subs  n                      n subscriptions on one connection (memory)
//           conns n                      n connected clients (memory)
//   common: host, port, vhost, login, passcode
// Output: {"n":..,"secs":..,"rate":..,"cpu_us":..(per message),"rss_kb":..,"p50_us":..}
// CPU and time cover only the measured part (after CONNECTED), never start-up.
// STOMPQT_BENCH_SAMPLES=<file>: rtt also writes every round trip (us, one per line) there.
#include <StompQt/stompclient.h>
#include <StompQt/stompmessagequeue.h>
#include <StompQt/stomppublisher.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qhash.h>
#include <QtCore/qtimer.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

QHash<QString, QString> opt;
QString arg(const char *k, const char *def = "") { return opt.value(QString::fromLatin1(k), QString::fromLatin1(def)); }
int iarg(const char *k, int def) { return opt.contains(QString::fromLatin1(k)) ? opt.value(QString::fromLatin1(k)).toInt() : def; }

double cpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}
long peakRssKb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}
double nowSec()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Meter
{
    double t0 = 0, c0 = 0;
    void start() { t0 = nowSec(); c0 = cpuSeconds(); }
    void report(long n, const std::vector<double> &lat = {}, const char *extra = "")
    {
        const double secs = nowSec() - t0, cpu = cpuSeconds() - c0;
        std::printf("{\"n\":%ld,\"secs\":%.6f,\"rate\":%.1f,\"cpu_us\":%.3f,\"rss_kb\":%ld", n, secs,
                    n / secs, cpu * 1e6 / double(std::max(1L, n)), peakRssKb());
        if (!lat.empty()) {
            std::vector<double> v = lat;
            if (const char *path = std::getenv("STOMPQT_BENCH_SAMPLES")) {
                if (FILE *f = std::fopen(path, "w")) {
                    for (double x : lat)
                        std::fprintf(f, "%.1f\n", x * 1e6);
                    std::fclose(f);
                }
            }
            std::sort(v.begin(), v.end());
            auto pct = [&](double p) { return v[std::min(v.size() - 1, size_t(p * double(v.size())))]; };
            std::printf(",\"p50_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f", pct(0.5) * 1e6, pct(0.99) * 1e6,
                        pct(0.999) * 1e6);
        }
        std::printf("%s}\n", extra);
        std::fflush(stdout);
    }
};

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "peers_client: %s\n", qPrintable(what));
    std::fflush(stderr);
    _exit(1);
}

// ------------------------------------------------------------------------------ raw socket
struct Raw
{
    int fd = -1;
    // Unparsed input: in[inPos, inLen). The buffer keeps its size (256 KiB free space is made
    // by moving the rest down, never by resizing): a std::string resize would zero-fill it on
    // every read, 10 000 x 256 KiB per consume run, which made the ceiling spend more CPU per
    // message than the clients it is compared with.
    std::string in;
    size_t inPos = 0, inLen = 0;

    void open()
    {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(quint16(iarg("port", 61613)));
        inet_pton(AF_INET, qPrintable(arg("host", "127.0.0.1")), &a.sin_addr);
        if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
            fail(QStringLiteral("connect failed"));
        int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        std::string c = "CONNECT\naccept-version:1.2\nhost:" + arg("vhost", "/").toStdString() + "\nlogin:"
                + arg("login").toStdString() + "\npasscode:" + arg("passcode").toStdString()
                + "\nheart-beat:0,0\n\n";
        c.push_back('\0');
        writeAll(c);
        std::string cmd, hdr, body;
        if (!next(cmd, hdr, body) || cmd != "CONNECTED")
            fail(QStringLiteral("raw: no CONNECTED: ") + QString::fromStdString(cmd + "\n" + hdr + body));
    }
    void writeAll(const std::string &s) const
    {
        const char *p = s.data();
        size_t n = s.size();
        while (n) {
            const ssize_t w = ::write(fd, p, n);
            if (w <= 0)
                fail(QStringLiteral("raw: write failed"));
            p += w;
            n -= size_t(w);
        }
    }
    bool fill()
    {
        constexpr size_t chunk = 256 * 1024;
        if (inPos == inLen) {
            inPos = inLen = 0;
        } else if (inPos > (1 << 20) || in.size() - inLen < chunk) {
            std::memmove(in.data(), in.data() + inPos, inLen - inPos);
            inLen -= inPos;
            inPos = 0;
        }
        if (in.size() - inLen < chunk)
            in.resize(std::max(in.size() * 2, inLen + chunk)); // once per growth, not per read
        const ssize_t r = ::read(fd, in.data() + inLen, chunk);
        inLen += size_t(std::max<ssize_t>(r, 0));
        return r > 0;
    }
    // Next complete frame from the buffer, reading more when needed. hdr: the header block.
    bool next(std::string &cmd, std::string &hdr, std::string &body, bool block = true)
    {
        for (;;) {
            const std::string_view in(this->in.data(), inLen);
            while (inPos < in.size() && (in[inPos] == '\n' || in[inPos] == '\r'))
                ++inPos; // heart-beats
            const size_t he = in.find("\n\n", inPos);
            if (he != std::string::npos) {
                const size_t ce = in.find('\n', inPos);
                long clen = -1;
                // Look for content-length in this frame's headers only.
                const std::string_view head(in.data() + ce, he - ce + 1);
                const size_t cl = head.find("\ncontent-length:");
                if (cl != std::string_view::npos)
                    clen = std::atol(head.data() + cl + 16);
                size_t end;
                if (clen >= 0)
                    end = he + 2 + size_t(clen);
                else
                    end = in.find('\0', he + 2);
                if (end != std::string::npos && end < in.size()) {
                    cmd.assign(in.substr(inPos, ce - inPos));
                    hdr.assign(in.substr(ce + 1, he - ce));
                    body.assign(in.substr(he + 2, end - he - 2));
                    inPos = end + 1;
                    return true;
                }
            }
            if (!block)
                return false;
            if (!fill())
                return false;
        }
    }
    static std::string header(const std::string &hdr, const char *name)
    {
        const std::string key = std::string("\n") + name + ":";
        const std::string h = "\n" + hdr;
        const size_t p = h.find(key);
        if (p == std::string::npos)
            return {};
        const size_t s = p + key.size();
        return h.substr(s, h.find('\n', s) - s);
    }
    std::string sendFrame(const std::string &dest, const std::string &body, const char *receipt = nullptr) const
    {
        std::string f = "SEND\ndestination:" + dest + "\ncontent-length:" + std::to_string(body.size()) + "\n";
        if (receipt)
            f += std::string("receipt:") + receipt + "\n";
        f += "\n";
        f += body;
        f.push_back('\0');
        return f;
    }
};

int rawMain(const QString &mode)
{
    Raw r;
    r.open();
    const int n = iarg("n", 10000);
    const std::string dest = arg("dest", "/queue/bench").toStdString();
    const std::string body(size_t(iarg("size", 100)), 'x');
    std::string cmd, hdr, fbody;
    Meter m;
    if (mode == QLatin1String("pub")) {
        const std::string one = r.sendFrame(dest, body);
        m.start();
        std::string batch;
        for (int i = 0; i < n - 1; ++i) {
            batch += one;
            if (batch.size() >= 256 * 1024) {
                r.writeAll(batch);
                batch.clear();
            }
        }
        batch += r.sendFrame(dest, body, "final");
        r.writeAll(batch);
        while (r.next(cmd, hdr, fbody) && cmd != "RECEIPT") {
            if (cmd == "ERROR")
                fail(QString::fromStdString("raw: ERROR " + hdr));
        }
        m.report(n);
    } else if (mode == QLatin1String("con")) {
        const QString ack = arg("ack", "auto");
        const std::string ackHdr = ack == QLatin1String("client100") ? "client" : ack.toStdString();
        std::string sub = "SUBSCRIBE\nid:0\ndestination:" + dest + "\nack:" + ackHdr + "\n\n";
        sub.push_back('\0');
        m.start();
        r.writeAll(sub);
        long got = 0;
        std::string acks;
        while (got < n) {
            if (!r.next(cmd, hdr, fbody, false)) {
                if (!acks.empty()) {
                    r.writeAll(acks);
                    acks.clear();
                }
                if (!r.next(cmd, hdr, fbody))
                    fail(QStringLiteral("raw: connection closed"));
            }
            if (cmd != "MESSAGE")
                continue;
            ++got;
            if (ack == QLatin1String("client-individual")
                || (ack == QLatin1String("client100") && (got % 100 == 0 || got == n))) {
                acks += "ACK\nid:" + Raw::header(hdr, "ack") + "\n\n";
                acks.push_back('\0');
            }
        }
        if (!acks.empty())
            r.writeAll(acks);
        m.report(got);
    } else if (mode == QLatin1String("rtt")) {
        std::string sub = "SUBSCRIBE\nid:0\ndestination:" + dest + "\nack:auto\n\n";
        sub.push_back('\0');
        r.writeAll(sub);
        const std::string one = r.sendFrame(dest, body);
        std::vector<double> lat;
        lat.reserve(size_t(n));
        const int warm = 100;
        for (int i = 0; i < n + warm; ++i) {
            if (i == warm)
                m.start();
            const double t = nowSec();
            r.writeAll(one);
            do {
                if (!r.next(cmd, hdr, fbody))
                    fail(QStringLiteral("raw: closed"));
            } while (cmd != "MESSAGE");
            if (i >= warm)
                lat.push_back(nowSec() - t);
        }
        m.report(n, lat);
    } else {
        fail(QStringLiteral("raw: unknown mode"));
    }
    return 0;
}

// ------------------------------------------------------------------------------- StompQt
void configure(StompClient &c, StompClient::ListenerMode mode)
{
    c.setHost(arg("host", "127.0.0.1"));
    c.setPort(quint16(iarg("port", 61613)));
    c.setVirtualHost(arg("vhost", "/"));
    c.setLogin(arg("login"));
    c.setPasscode(arg("passcode"));
    c.setHeartbeat(0, 0);
    c.setListenerMode(mode);
    c.setReceiptTimeout(120000);
    c.setSocketTimeout(10000);
    if (opt.contains(QStringLiteral("hwm")))
        c.setWriteHighWaterMark(iarg("hwm", 0));
}

void connectOrDie(StompClient &c)
{
    c.connectToHost();
    if (!c.waitForConnected(15000))
        fail(QStringLiteral("connect: ") + c.errorString());
}

StompClient::AckMode ackMode(const QString &a)
{
    if (a == QLatin1String("client-individual"))
        return StompClient::AckClientIndividual;
    if (a == QLatin1String("client100"))
        return StompClient::AckClient;
    return StompClient::AckAuto;
}

int publisherMain(const QString &mode, bool batched)
{
    if (mode != QLatin1String("pub"))
        fail(QStringLiteral("StompPublisher only publishes"));
    StompConnectionSettings s;
    s.host = arg("host", "127.0.0.1");
    s.port = quint16(iarg("port", 61613));
    s.virtualHost = arg("vhost", "/");
    s.login = arg("login");
    s.passcode = arg("passcode");
    s.socketTimeout = 60000;
    // "batched": StompConnectionSettings::batchBytes = 64 KiB (opt-in); "publisher": the
    // default, one write per frame. batch= overrides either.
    s.batchBytes = iarg("batch", batched ? 64 * 1024 : 0);
    StompPublisher pub(s);
    if (!pub.connectToHost())
        fail(QStringLiteral("publisher connect: ") + pub.lastErrorString());
    const int n = iarg("n", 10000);
    const QString dest = arg("dest", "/queue/bench");
    const QByteArray body(iarg("size", 100), 'x');
    Meter m;
    m.start();
    for (int i = 0; i < n; ++i) {
        if (!pub.send(dest, body))
            fail(QStringLiteral("publisher send: ") + pub.lastErrorString());
    }
    // StompPublisher is write-only and refuses receipts: timed to the DISCONNECT write and close.
    pub.disconnectFromHost();
    m.report(n);
    return 0;
}

int clientMain(const QString &client, const QString &mode)
{
    const bool worker = client != QLatin1String("caller");
    const bool useQueue = client == QLatin1String("queue");
    const int n = iarg("n", 10000);
    const QString dest = arg("dest", "/queue/bench");
    const QByteArray body(iarg("size", 100), 'x');
    Meter m;

    if (mode == QLatin1String("conns")) {
        std::vector<std::unique_ptr<StompClient>> clients;
        for (int i = 0; i < n; ++i) {
            clients.push_back(std::make_unique<StompClient>());
            configure(*clients.back(), worker ? StompClient::WorkerThread : StompClient::CallerThread);
            clients.back()->connectToHost();
        }
        for (auto &c : clients)
            if (!c->waitForConnected(30000))
                fail(QStringLiteral("conns: ") + c->errorString());
        m.start();
        m.report(n);
        return 0;
    }

    StompClient c;
    configure(c, worker ? StompClient::WorkerThread : StompClient::CallerThread);
    std::unique_ptr<StompMessageQueue> queue;
    if (useQueue)
        queue = std::make_unique<StompMessageQueue>(&c, 10000);
    connectOrDie(c);

    if (mode == QLatin1String("subs")) {
        for (int i = 0; i < n; ++i)
            c.subscribe(QStringLiteral("/queue/subs-%1").arg(i));
        const QString r = c.send(dest, "x", {}, StompClient::WithReceipt);
        if (!c.waitForReceipt(r, 30000))
            fail(QStringLiteral("subs: no receipt"));
        m.start();
        m.report(n);
        return 0;
    }

    if (mode == QLatin1String("pub")) {
        m.start();
        if (worker) {
            // From a thread other than the connection's, send() blocks above the high-water mark.
            for (int i = 0; i < n - 1; ++i)
                c.send(dest, body);
            const QString r = c.send(dest, body, {}, StompClient::WithReceipt);
            if (useQueue) {
                if (!queue->takeReceipt(120000))
                    fail(QStringLiteral("no receipt"));
            } else if (!c.waitForReceipt(r, 120000)) {
                fail(QStringLiteral("no receipt: ") + c.errorString());
            }
        } else {
            // CallerThread: send until the write buffer passes the high-water mark
            // (writeBufferFull()), then let the event loop write and resume on
            // writeBufferDrained(): the pattern README shows, with no timer polling
            // bytesToWrite() (a 5 ms timer here cost a wake-up per tick for the whole run).
            int sent = 0;
            bool full = false;
            QString last;
            const auto pump = [&] {
                while (sent < n - 1 && !full) {
                    c.send(dest, body);
                    ++sent;
                }
                if (sent == n - 1 && !full) {
                    last = c.send(dest, body, {}, StompClient::WithReceipt);
                    ++sent;
                }
            };
            QObject::connect(&c, &StompClient::writeBufferFull, &c, [&] { full = true; });
            QObject::connect(&c, &StompClient::writeBufferDrained, &c, [&] {
                full = false;
                if (sent < n)
                    pump();
            });
            QObject::connect(&c, &StompClient::receiptReceived, &c, [&](const QString &id) {
                if (id == last)
                    QCoreApplication::quit();
            });
            QObject::connect(&c, &StompClient::errorOccurred, &c, [&](StompClient::Error, const QString &s) { fail(s); });
            QTimer::singleShot(0, &c, pump);
            QCoreApplication::exec();
        }
        m.report(n);
        return 0;
    }

    if (mode == QLatin1String("con")) {
        const QString ack = arg("ack", "auto");
        const bool each = ack == QLatin1String("client-individual");
        const bool every100 = ack == QLatin1String("client100");
        long got = 0;
        m.start();
        StompSubscription *sub = c.subscribe(dest, ackMode(ack));
        if (useQueue) {
            while (got < n) {
                auto f = queue->take(30000);
                if (!f)
                    fail(QStringLiteral("queue: timeout after %1").arg(got));
                ++got;
                if (each || (every100 && (got % 100 == 0 || got == n)))
                    c.ack(*f);
            }
        } else {
            sub->setHandler([&](const StompFrame &f) {
                ++got;
                if (each || (every100 && (got % 100 == 0 || got == n)))
                    c.ack(f);
                if (got == n)
                    QCoreApplication::quit();
            });
            QObject::connect(&c, &StompClient::errorOccurred, &c, [&](StompClient::Error, const QString &s) { fail(s); });
            QCoreApplication::exec();
        }
        m.report(got);
        // Do not wait for a graceful close of a firehose.
        c.abort();
        return 0;
    }

    if (mode == QLatin1String("rtt")) {
        const int warm = 100;
        std::vector<double> lat;
        lat.reserve(size_t(n));
        int i = 0;
        double t = 0;
        StompSubscription *sub = c.subscribe(dest, StompClient::AckAuto);
        if (useQueue) {
            for (i = 0; i < n + warm; ++i) {
                if (i == warm)
                    m.start();
                t = nowSec();
                c.send(dest, body);
                if (!queue->take(10000))
                    fail(QStringLiteral("rtt: timeout"));
                if (i >= warm)
                    lat.push_back(nowSec() - t);
            }
        } else {
            sub->setHandler([&](const StompFrame &) {
                if (i >= warm)
                    lat.push_back(nowSec() - t);
                if (++i == n + warm) {
                    QCoreApplication::quit();
                    return;
                }
                if (i == warm)
                    m.start();
                t = nowSec();
                c.send(dest, body);
            });
            QTimer::singleShot(0, &c, [&] { t = nowSec(); c.send(dest, body); });
            QCoreApplication::exec();
        }
        m.report(n, lat);
        return 0;
    }
    fail(QStringLiteral("unknown mode ") + mode);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() < 3)
        fail(QStringLiteral("usage: peers_client caller|worker|publisher|batched|queue|raw pub|con|rtt|subs|conns key=value..."));
    for (int i = 3; i < a.size(); ++i) {
        const int eq = a[i].indexOf(QLatin1Char('='));
        if (eq > 0)
            opt.insert(a[i].left(eq), a[i].mid(eq + 1));
    }
    const QString client = a[1], mode = a[2];
    int rc;
    if (client == QLatin1String("raw"))
        rc = rawMain(mode);
    else if (client == QLatin1String("publisher") || client == QLatin1String("batched"))
        rc = publisherMain(mode, client == QLatin1String("batched"));
    else
        rc = clientMain(client, mode);
    std::fflush(stdout);
    _exit(rc); // skip teardown: nothing measured depends on it, and a firehose never says goodbye
}
