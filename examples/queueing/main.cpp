// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Queueing duplex mode (the seed's QueueingDuplexClient): every MESSAGE goes onto a
// bounded, thread-safe queue, and N worker threads take() and acknowledge them.
#include <StompQt/stompclient.h>
#include <StompQt/stompmessagequeue.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/quuid.h>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

// The broker: STOMPQT_RABBITMQ_* from the environment, else a local default broker.
static QString env(const char *name, const char *fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? QString::fromLatin1(fallback) : value;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    StompClient client;
    client.setListenerMode(StompClient::WorkerThread); // no event loop needed in main()
    client.setHost(env("STOMPQT_RABBITMQ_HOST", "127.0.0.1"));
    client.setPort(quint16(env("STOMPQT_RABBITMQ_PORT", "61613").toUInt()));
    client.setVirtualHost(qEnvironmentVariable("STOMPQT_RABBITMQ_VHOST"));
    client.setLogin(env("STOMPQT_RABBITMQ_USER", "guest"));
    client.setPasscode(env("STOMPQT_RABBITMQ_PASSCODE", "guest"));

    StompMessageQueue queue(&client, 100); // at most 100 waiting messages, then flow control
    queue.setQueueTimeout(500);

    client.connectToHost();
    if (!client.waitForConnected(5000)) {
        std::fprintf(stderr, "could not connect: %s\n", qPrintable(client.errorString()));
        return 1;
    }
    const QString destination = QStringLiteral("/topic/stompqt.examples.queueing.")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
    client.subscribe(destination, StompClient::AckClientIndividual);

    constexpr int kWorkers = 4, kMessages = 400;
    std::atomic<int> processed{0};
    std::vector<std::thread> workers;
    std::vector<int> perWorker(kWorkers, 0);
    for (int w = 0; w < kWorkers; ++w) {
        workers.emplace_back([&, w] {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(8);
            while (processed.load() < kMessages && std::chrono::steady_clock::now() < deadline) {
                const auto frame = queue.take(); // waits up to queueTimeout()
                if (!frame)
                    continue;
                client.ack(*frame); // acks are safe from any thread
                ++perWorker[w];
                ++processed;
            }
            queue.close(); // wakes the other workers once everything is in
        });
    }
    for (int i = 0; i < kMessages; ++i)
        client.send(destination, "job " + QByteArray::number(i));

    for (auto &t : workers)
        t.join();
    for (int w = 0; w < kWorkers; ++w)
        std::printf("worker %d processed %d messages\n", w, perWorker[w]);
    std::printf("processed %d of %d\n", processed.load(), kMessages);
    client.disconnectFromHost();
    client.waitForDisconnected(3000);
    return processed.load() == kMessages ? 0 : 1;
}
