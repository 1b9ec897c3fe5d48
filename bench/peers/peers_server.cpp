// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
//
// Stand-in STOMP servers for measuring a client alone (no broker in the way). Plain POSIX sockets,
// one thread per connection, so that the server costs as little as possible.
//
//   peers_server null            null sink: answers CONNECT and every receipt header, discards the rest
//   peers_server firehose SIZE   after SUBSCRIBE, sends pre-built MESSAGE frames (SIZE-byte bodies)
//                                as fast as the socket takes them, until the client closes
//
// Prints "port <n>" on stdout once listening on 127.0.0.1 (free port), then serves until killed.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

bool writeAll(int fd, const char *p, size_t n)
{
    while (n > 0) {
        const ssize_t w = ::send(fd, p, n, MSG_NOSIGNAL);
        if (w <= 0)
            return false;
        p += w;
        n -= size_t(w);
    }
    return true;
}

// Reads the first frame (CONNECT or STOMP) up to its NUL; returns what followed it.
bool readConnect(int fd, std::string &rest)
{
    char buf[4096];
    std::string in;
    for (;;) {
        const auto nul = in.find('\0');
        if (nul != std::string::npos) {
            rest = in.substr(nul + 1);
            break;
        }
        const ssize_t r = ::read(fd, buf, sizeof buf);
        if (r <= 0)
            return false;
        in.append(buf, size_t(r));
    }
    static const char connected[] = "CONNECTED\nversion:1.2\nheart-beat:0,0\nserver:peers_server\n\n";
    return writeAll(fd, connected, sizeof connected); // includes the NUL
}

// Finds "\nreceipt:<id>\n" in the stream (bodies in these benchmarks never contain it) and
// answers each with a RECEIPT. Keeps a short tail so that a header split across reads is found.
struct ReceiptScanner
{
    std::string window;
    bool feed(int fd, const char *p, size_t n)
    {
        window.append(p, n);
        size_t pos = 0, keepFrom = window.size() > 64 ? window.size() - 64 : 0;
        for (;;) {
            const auto hit = window.find("\nreceipt:", pos);
            if (hit == std::string::npos)
                break;
            const auto eol = window.find('\n', hit + 9);
            if (eol == std::string::npos) {
                keepFrom = hit;
                break;
            }
            const std::string reply = "RECEIPT\nreceipt-id:" + window.substr(hit + 9, eol - hit - 9)
                    + std::string("\n\n", 2) + std::string(1, '\0');
            if (!writeAll(fd, reply.data(), reply.size()))
                return false;
            pos = eol;
            keepFrom = std::max(keepFrom, eol);
        }
        window.erase(0, std::min(keepFrom, window.size()));
        return true;
    }
};

void serveNull(int fd)
{
    std::string rest;
    if (readConnect(fd, rest)) {
        ReceiptScanner scanner;
        bool ok = scanner.feed(fd, rest.data(), rest.size());
        static thread_local char buf[256 * 1024];
        while (ok) {
            const ssize_t r = ::read(fd, buf, sizeof buf);
            if (r <= 0)
                break;
            ok = scanner.feed(fd, buf, size_t(r));
        }
    }
    ::close(fd);
}

void serveFirehose(int fd, int size)
{
    std::string in;
    if (!readConnect(fd, in)) {
        ::close(fd);
        return;
    }
    // Wait for SUBSCRIBE and take its id.
    char buf[64 * 1024];
    std::string id;
    for (;;) {
        const auto sub = in.find("SUBSCRIBE\n");
        if (sub != std::string::npos) {
            const auto end = in.find('\0', sub);
            if (end != std::string::npos) {
                auto h = in.find("\nid:", sub);
                if (h != std::string::npos && h < end)
                    id = in.substr(h + 4, in.find('\n', h + 4) - h - 4);
                break;
            }
        }
        const ssize_t r = ::read(fd, buf, sizeof buf);
        if (r <= 0) {
            ::close(fd);
            return;
        }
        in.append(buf, size_t(r));
    }
    // Pre-built frames: about 256 KiB of them per write.
    const std::string body(size_t(size), 'x');
    std::string block;
    int perBlock = std::max(1, int((256 * 1024) / (size + 120)));
    for (int i = 0; i < perBlock; ++i) {
        block += "MESSAGE\nsubscription:" + id + "\nmessage-id:m-" + std::to_string(i)
                + "\nack:a-" + std::to_string(i) + "\ndestination:/queue/firehose\ncontent-length:"
                + std::to_string(size) + "\n\n" + body + std::string(1, '\0');
    }
    std::atomic<bool> done{false};
    std::thread reader([&] { // discards ACKs and whatever else the client sends
        char rb[64 * 1024];
        while (::read(fd, rb, sizeof rb) > 0) {
        }
        done = true;
    });
    while (!done && writeAll(fd, block.data(), block.size())) {
    }
    ::shutdown(fd, SHUT_RDWR);
    reader.join();
    ::close(fd);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: peers_server null | firehose SIZE\n");
        return 2;
    }
    ::signal(SIGPIPE, SIG_IGN);
    const bool firehose = std::strcmp(argv[1], "firehose") == 0;
    const int size = argc > 2 ? std::atoi(argv[2]) : 100;
    const int ls = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(ls, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(ls, 512) != 0) {
        std::perror("bind/listen");
        return 1;
    }
    socklen_t len = sizeof addr;
    ::getsockname(ls, reinterpret_cast<sockaddr *>(&addr), &len);
    std::printf("port %d\n", ntohs(addr.sin_port));
    std::fflush(stdout);
    for (;;) {
        const int fd = ::accept(ls, nullptr, nullptr);
        if (fd < 0)
            continue;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (firehose)
            std::thread(serveFirehose, fd, size).detach();
        else
            std::thread(serveNull, fd).detach();
    }
}
