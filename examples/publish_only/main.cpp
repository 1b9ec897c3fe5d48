// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Publish-only (the seed's PublishClient): fire-and-forget sends from a QThreadPool. Each
// pool thread gets its own connection from the default thread-local connection pool.
#include <StompQt/stomppublisher.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qthreadpool.h>

#include <atomic>
#include <cstdio>

// The broker: STOMPQT_RABBITMQ_* from the environment, else a local default broker.
static QString env(const char *name, const char *fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? QString::fromLatin1(fallback) : value;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    StompConnectionSettings settings;
    settings.host = env("STOMPQT_RABBITMQ_HOST", "127.0.0.1");
    settings.port = quint16(env("STOMPQT_RABBITMQ_PORT", "61613").toUInt());
    settings.virtualHost = qEnvironmentVariable("STOMPQT_RABBITMQ_VHOST");
    settings.login = env("STOMPQT_RABBITMQ_USER", "guest");
    settings.passcode = env("STOMPQT_RABBITMQ_PASSCODE", "guest");
    settings.socketTimeout = 3000;

    StompPublisher publisher(settings); // default pool: one connection per thread
    const QString destination = QStringLiteral("/topic/stompqt.examples.publish_only");
    constexpr int kTasks = 8, kPerTask = 25;
    std::atomic<int> sent{0}, failed{0};

    QThreadPool pool;
    pool.setMaxThreadCount(4);
    for (int task = 0; task < kTasks; ++task) {
        pool.start([&, task] {
            for (int i = 0; i < kPerTask; ++i) {
                const QByteArray body = "task " + QByteArray::number(task) + " message " + QByteArray::number(i);
                if (publisher.send(destination, body)) {
                    ++sent;
                } else {
                    ++failed;
                    std::fprintf(stderr, "send failed: %s\n", qPrintable(publisher.lastErrorString()));
                    return;
                }
            }
        });
    }
    if (!pool.waitForDone(8000)) {
        std::fprintf(stderr, "timed out\n");
        return 1;
    }
    std::printf("sent %d messages to %s from %d tasks over %d connection(s)\n", sent.load(),
                qPrintable(destination), kTasks, publisher.pool()->createdCount());
    return failed.load() == 0 && sent.load() == kTasks * kPerTask ? 0 : 1;
}
