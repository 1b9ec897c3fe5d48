// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// A custom connection pool (the seed's NoReuseConnectionPool): a new connection for every
// request. Subclass StompConnectionPool and hand it to StompPublisher.
#include <StompQt/stompconnectionpool.h>
#include <StompQt/stomppublisher.h>

#include <QtCore/qcoreapplication.h>

#include <atomic>
#include <cstdio>

// The broker: STOMPQT_RABBITMQ_* from the environment, else a local default broker.
static QString env(const char *name, const char *fallback)
{
    const QString value = qEnvironmentVariable(name);
    return value.isEmpty() ? QString::fromLatin1(fallback) : value;
}

class NoReuseConnectionPool : public StompConnectionPool
{
public:
    /// Returns a new connection for every request; it closes when the caller drops it.
    std::shared_ptr<StompPublisherConnection> connection(const StompConnectionSettings &settings) override
    {
        ++m_created;
        return std::make_shared<StompPublisherConnection>(settings);
    }
    /// The pool keeps none (the seed raises NotImplementedError here).
    QList<std::shared_ptr<StompPublisherConnection>> allConnections() const override { return {}; }
    int createdCount() const override { return m_created; }

private:
    std::atomic<int> m_created{0};
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    StompConnectionSettings settings;
    settings.host = env("STOMPQT_RABBITMQ_HOST", "127.0.0.1");
    settings.port = quint16(env("STOMPQT_RABBITMQ_PORT", "61613").toUInt());
    settings.virtualHost = qEnvironmentVariable("STOMPQT_RABBITMQ_VHOST");
    settings.login = env("STOMPQT_RABBITMQ_USER", "guest");
    settings.passcode = env("STOMPQT_RABBITMQ_PASSCODE", "guest");

    auto pool = std::make_shared<NoReuseConnectionPool>();
    StompPublisher publisher(settings, pool);
    const QString destination = QStringLiteral("/topic/stompqt.examples.custom_pool");
    for (int i = 0; i < 3; ++i) {
        if (!publisher.send(destination, "message " + QByteArray::number(i))) {
            std::fprintf(stderr, "send failed: %s\n", qPrintable(publisher.lastErrorString()));
            return 1;
        }
        std::printf("sent message %d (connections created so far: %d)\n", i, pool->createdCount());
    }
    return pool->createdCount() == 3 ? 0 : 1;
}
