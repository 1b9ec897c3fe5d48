// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Publish-subscribe (the seed's PublishSubscribeClient): the socket is served by a listener
// thread (WorkerThread mode) and every MESSAGE goes to the subscription's handler.
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
    std::printf("connected to %s (STOMP %s)\n", qPrintable(client.server()), qPrintable(client.versionString()));

    const QString destination = QStringLiteral("/topic/stompqt.examples.pubsub.")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArrayList bodies = {"This is the body of the frame.", R"({"key": "Another frame example."})"};
    int received = 0;
    StompSubscription *subscription = client.subscribe(destination);
    subscription->setHandler([&](const StompFrame &frame) {
        std::printf("----Received Frame----\n%s\n-----\n", frame.body().constData());
        if (++received == bodies.size())
            app.quit();
    });
    // The SUBSCRIBE is handled before these SENDs: the broker keeps a connection's order.
    for (const QByteArray &body : bodies)
        client.send(destination, body);

    QTimer::singleShot(8000, &app, [&] { app.exit(1); });
    const int rc = app.exec();
    client.disconnectFromHost();
    client.waitForDisconnected(3000);
    std::printf("received %d of %d\n", received, int(bodies.size()));
    return rc == 0 && received == bodies.size() ? 0 : 1;
}
