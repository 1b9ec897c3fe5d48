// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Transactions: two interleaved transaction ids and one frame outside any transaction
// (sent at once), as in the seed. Transaction ids are managed by the calling code.
#include <StompQt/stompclient.h>
#include <StompQt/stompsubscription.h>

#include <QtCore/qcoreapplication.h>
#include <QtCore/qtimer.h>
#include <QtCore/quuid.h>

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
    StompClient client;
    client.setListenerMode(StompClient::WorkerThread);
    client.setHost(env("STOMPQT_RABBITMQ_HOST", "127.0.0.1"));
    client.setPort(quint16(env("STOMPQT_RABBITMQ_PORT", "61613").toUInt()));
    client.setVirtualHost(qEnvironmentVariable("STOMPQT_RABBITMQ_VHOST"));
    client.setLogin(env("STOMPQT_RABBITMQ_USER", "guest"));
    client.setPasscode(env("STOMPQT_RABBITMQ_PASSCODE", "guest"));
    client.connectToHost();
    if (!client.waitForConnected(5000)) {
        std::fprintf(stderr, "could not connect: %s\n", qPrintable(client.errorString()));
        return 1;
    }

    const QString destination = QStringLiteral("/topic/stompqt.examples.transactions.")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QByteArrayList received;
    StompSubscription *subscription = client.subscribe(destination);
    subscription->setHandler([&](const StompFrame &frame) {
        received.append(frame.body());
        std::printf("received: %s\n", frame.body().constData());
        if (received.size() == 5)
            app.quit();
    });

    const QString tx1 = QUuid::createUuid().toString(QUuid::WithoutBraces); // unique per connection
    const QString tx2 = QUuid::createUuid().toString(QUuid::WithoutBraces);
    client.begin(tx1);
    client.begin(tx2);
    client.send(destination, "Message 1.0", {}, {}, tx1);
    client.send(destination, "Message 2.0", {}, {}, tx2);
    client.send(destination, "Message 1.1", {}, {}, tx1);
    client.send(destination, "Message 2.1", {}, {}, tx2);
    client.send(destination, "not in transaction - sent immediately");
    std::printf("sent 4 messages in 2 transactions and 1 outside; committing\n");
    client.commit(tx1);
    client.commit(tx2);

    QTimer::singleShot(8000, &app, [&] { app.exit(1); });
    const int rc = app.exec();
    client.disconnectFromHost();
    client.waitForDisconnected(3000);
    // The frame outside the transactions was delivered first, before either commit.
    const bool ok = rc == 0 && received.size() == 5
            && received.first() == "not in transaction - sent immediately";
    std::printf("%s\n", ok ? "ok" : "unexpected result");
    return ok ? 0 : 1;
}
