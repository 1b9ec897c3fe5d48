// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// stompqt-demo-publisher: traffic for the monitor's demo. Publishes JSON prices, text orders,
// binary telemetry and the odd alert to several destinations, at a rate that breathes.
//
//   stompqt-demo-publisher --url stomp://user:pass@localhost:61613/vhost [--rate 40] [--duration 60]

#include <StompQt/stompclient.h>

#include <QtCore/qcommandlineparser.h>
#include <QtCore/qcoreapplication.h>
#include <QtCore/qdatetime.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qrandom.h>
#include <QtCore/qtimer.h>

#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"stompqt-demo-publisher"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Publishes demo traffic for stompqt-monitor."_s);
    parser.addHelpOption();
    const QCommandLineOption url(u"url"_s, u"Broker URL (stomp://user:pass@host:port/vhost)."_s, u"url"_s,
                                 u"stomp://localhost:61613"_s);
    const QCommandLineOption user(u"user"_s, u"Login."_s, u"name"_s);
    const QCommandLineOption passcode(u"passcode"_s, u"Passcode."_s, u"passcode"_s);
    const QCommandLineOption vhost(u"vhost"_s, u"Virtual host."_s, u"vhost"_s);
    const QCommandLineOption prefix(u"prefix"_s, u"Destination prefix (default demo)."_s, u"name"_s, u"demo"_s);
    const QCommandLineOption rate(u"rate"_s, u"Average messages per second (default 40)."_s, u"n"_s, u"40"_s);
    const QCommandLineOption duration(u"duration"_s, u"Seconds to run (default: until stopped)."_s, u"s"_s, u"0"_s);
    parser.addOptions({url, user, passcode, vhost, prefix, rate, duration});
    parser.process(app);

    StompClient client;
    client.setUrl(QUrl(parser.value(url)));
    if (parser.isSet(user))
        client.setLogin(parser.value(user));
    if (parser.isSet(passcode))
        client.setPasscode(parser.value(passcode));
    if (parser.isSet(vhost))
        client.setVirtualHost(parser.value(vhost));
    client.connectToHost();
    if (!client.waitForConnected(10000)) {
        std::fprintf(stderr, "stompqt-demo-publisher: cannot connect: %s\n", qPrintable(client.errorString()));
        return 1;
    }

    const QString p = parser.value(prefix);
    const QString prices = u"/topic/%1.prices"_s.arg(p);
    const QString orders = u"/queue/%1.orders"_s.arg(p);
    const QString telemetry = u"/topic/%1.telemetry"_s.arg(p);
    const QString alerts = u"/topic/%1.alerts"_s.arg(p);
    const double perSecond = qMax(1.0, parser.value(rate).toDouble());
    const qint64 runMs = qint64(parser.value(duration).toDouble() * 1000);

    QRandomGenerator *random = QRandomGenerator::global();
    const QStringList symbols{u"EURUSD"_s, u"GBPUSD"_s, u"USDJPY"_s, u"USDCHF"_s};
    QHash<QString, double> mid{{u"EURUSD"_s, 1.0842}, {u"GBPUSD"_s, 1.2691}, {u"USDJPY"_s, 151.37}, {u"USDCHF"_s, 0.9012}};
    qint64 sequence = 0;
    QElapsedTimer clock;
    clock.start();

    QTimer tick;
    tick.setInterval(20);
    double owed = 0;
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        if (runMs > 0 && clock.elapsed() >= runMs) {
            client.disconnectFromHost();
            client.waitForDisconnected(3000);
            QCoreApplication::quit();
            return;
        }
        // The rate swells and ebbs over half a minute, so the chart has something to show.
        const double t = clock.elapsed() / 1000.0;
        owed += perSecond * (1.0 + 0.6 * std::sin(t / 5.0)) * 0.02;
        for (; owed >= 1.0; owed -= 1.0) {
            ++sequence;
            const double pick = random->generateDouble();
            if (pick < 0.6) {
                const QString symbol = symbols.at(random->bounded(int(symbols.size())));
                double &m = mid[symbol];
                m *= 1.0 + (random->generateDouble() - 0.5) * 0.0004;
                const double spread = m * 0.00008;
                // Written by hand: QJsonDocument would sort the keys.
                const int digits = m > 20 ? 3 : 5;
                const QByteArray body = u"{\"symbol\":\"%1\",\"bid\":%2,\"ask\":%3,\"time\":\"%4\",\"seq\":%5}"_s
                        .arg(symbol)
                        .arg(m - spread, 0, 'f', digits)
                        .arg(m + spread, 0, 'f', digits)
                        .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                        .arg(sequence)
                        .toUtf8();
                client.send(prices, body, {{"content-type", "application/json"}, {"x-source", "pricer-1"}});
            } else if (pick < 0.85) {
                const QByteArray body = "ORDER " + QByteArray::number(100000 + sequence) + " accepted\n"
                        + "side=" + (random->bounded(2) ? "BUY" : "SELL") + "\nqty="
                        + QByteArray::number(random->bounded(1, 500) * 100) + "\n";
                client.send(orders, body, {{"content-type", "text/plain"}, {"x-desk", "fx-spot"}});
            } else if (pick < 0.98) {
                QByteArray body(32, Qt::Uninitialized);
                for (char &c : body)
                    c = char(random->bounded(256));
                body[0] = char(0xca); body[1] = char(0xfe);
                client.send(telemetry, body, {{"content-type", "application/octet-stream"}, {"x-device", "sensor-7"}});
            } else {
                const QByteArray body = QJsonDocument(QJsonObject{
                        {u"level"_s, u"warning"_s},
                        {u"text"_s, u"spread widened"_s},
                        {u"seq"_s, sequence}}).toJson(QJsonDocument::Indented);
                client.send(alerts, body, {{"content-type", "application/json"}, {"priority", "9"}});
            }
        }
    });
    tick.start();
    std::fprintf(stdout, "publishing to %s, %s, %s and %s\n", qPrintable(prices), qPrintable(orders),
                 qPrintable(telemetry), qPrintable(alerts));
    std::fflush(stdout);
    return app.exec();
}
