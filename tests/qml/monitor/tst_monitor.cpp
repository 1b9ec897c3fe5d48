// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// Headless test of stompqt-monitor against the real RabbitMQ: a publisher feeds two
// destinations; through the QML object tree (objectName lookups) the test checks that
// messages appear, that the filter works, that the detail view shows headers and body, and
// saves screenshots (monitor-en.png, monitor-de.png) in the build folder. Then the same in
// German.

#include "brokerenv.h"
#include "monitorapp.h"
#include "monitortools.h"
#include "profilestore.h"
#include "stompmessagefiltermodel.h"

#include <StompQt/stompclient.h>

#include <QtCore/qdir.h>
#include <QtCore/qelapsedtimer.h>
#include <QtCore/qfile.h>
#include <QtCore/qjsondocument.h>
#include <QtCore/qjsonobject.h>
#include <QtCore/qrandom.h>
#include <QtCore/qscopeguard.h>
#include <QtCore/qsettings.h>
#include <QtCore/qstandardpaths.h>
#include <QtCore/qtemporarydir.h>
#include <QtCore/qtimer.h>
#include <QtGui/qguiapplication.h>
#include <QtGui/qimage.h>
#include <QtQml/qjsvalue.h>
#include <QtQml/qqmlapplicationengine.h>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuick/qquickitem.h>
#include <QtQuick/qquickwindow.h>
#include <QtTest/qtest.h>

#include <atomic>
#include <thread>

Q_IMPORT_QML_PLUGIN(StompQtMonitorPlugin)

using namespace Qt::StringLiterals;

class tst_Monitor : public QObject
{
    Q_OBJECT

private:
    QString m_run = QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);
    QString m_prices = u"/topic/stompqt-monitor-"_s + m_run + u".prices"_s;
    QString m_orders = u"/queue/stompqt-monitor-"_s + m_run + u"-orders"_s;
    StompClient *m_publisher = nullptr;
    QTimer m_feed;
    int m_sent = 0;

    template<typename T = QObject> T *find(MonitorApp &app, const char *name)
    {
        QQuickWindow *w = app.window();
        return w ? w->findChild<T *>(QString::fromLatin1(name)) : nullptr;
    }

    void publish()
    {
        ++m_sent;
        const QByteArray price = QJsonDocument(QJsonObject{
                {u"symbol"_s, m_sent % 2 ? u"EURUSD"_s : u"GBPUSD"_s},
                {u"bid"_s, 1.08 + m_sent / 10000.0},
                {u"seq"_s, m_sent}}).toJson(QJsonDocument::Compact);
        m_publisher->send(m_prices, price, {{"content-type", "application/json"}, {"x-feed", "prices"}});
        if (m_sent % 3 == 0) {
            m_publisher->send(m_orders, "order " + QByteArray::number(m_sent) + "\nqty=" + QByteArray::number(m_sent % 17),
                              {{"content-type", "text/plain"}, {"x-feed", "orders"}});
        }
        if (m_sent % 10 == 0)
            m_publisher->send(m_orders, QByteArray("\x00\x01\x02\xff binary", 11), {{"content-type", "application/octet-stream"}});
    }

    // Runs the monitor in \a language and checks it end to end.
    void exercise(const StompBrokerEnv &broker, const QString &language)
    {
        MonitorApp app(nullptr);
        QString message;
        const QStringList args{
            u"stompqt-monitor"_s,
            u"--url"_s, u"stomp://%1:%2/%3"_s.arg(broker.host).arg(broker.port).arg(broker.vhost),
            u"--user"_s, broker.login,
            u"--passcode"_s, broker.passcode,
            u"--subscribe"_s, m_prices,
            u"--subscribe"_s, m_orders,
            u"--lang"_s, language,
        };
        QCOMPARE(app.parseArguments(args, &message), MonitorApp::ParseResult::Run);
        QVERIFY(app.load());
        QQuickWindow *window = app.window();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->size(), QSize(1280, 800));

        // Connected, and the state is shown in words of the chosen language.
        auto *client = find<StompClient>(app, "client");
        QVERIFY(client);
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), StompClient::Connected, 10000);
        QCOMPARE(client->listenerMode(), StompClient::WorkerThread);
        QObject *stateLabel = find(app, "connectionState");
        QVERIFY(stateLabel);
        QTRY_COMPARE(stateLabel->property("text").toString(),
                     language == "de"_L1 ? u"Verbunden"_s : u"Connected"_s);
        QObject *connectButton = find(app, "connectButton");
        QTRY_COMPARE(connectButton->property("text").toString(),
                     language == "de"_L1 ? u"Trennen"_s : u"Disconnect"_s);

        // Messages from both destinations appear in the list.
        QObject *list = find(app, "messageList");
        QVERIFY(list);
        QObject *subscriptions = find(app, "subscriptionList");
        QTRY_COMPARE(subscriptions->property("count").toInt(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(list->property("count").toInt() >= 20, 15000);
        QObject *filterModel = find(app, "filterModel");
        QVERIFY(filterModel);
        const auto destinations = [&] {
            QSet<QString> seen;
            const int rows = filterModel->property("count").toInt();
            for (int row = 0; row < rows; ++row) {
                QVariant value;
                QMetaObject::invokeMethod(filterModel, "roleValue", Q_RETURN_ARG(QVariant, value),
                                          Q_ARG(int, row), Q_ARG(QString, u"destination"_s));
                seen.insert(value.toString());
            }
            return seen;
        };
        QTRY_VERIFY_WITH_TIMEOUT(destinations().contains(m_orders), 10000);
        QVERIFY(destinations().contains(m_prices));

        // The destination filter, typed into its field, narrows the list to the orders.
        QObject *destinationFilter = find(app, "destinationFilter");
        QVERIFY(destinationFilter);
        destinationFilter->setProperty("text", u"orders"_s);
        QTRY_COMPARE(destinations(), QSet<QString>{m_orders});
        QCOMPARE(list->property("count").toInt(), filterModel->property("count").toInt());
        // Wildcards as brokers write them.
        destinationFilter->setProperty("text", u"/topic/stompqt-monitor-%1.*"_s.arg(m_run));
        QTRY_COMPARE(destinations(), QSet<QString>{m_prices});
        destinationFilter->setProperty("text", QString());

        // The text filter looks into bodies.
        QObject *textFilter = find(app, "textFilter");
        textFilter->setProperty("text", u"GBPUSD"_s);
        QTRY_COMPARE(destinations(), QSet<QString>{m_prices});
        textFilter->setProperty("text", u"no such text anywhere"_s);
        QTRY_COMPARE(list->property("count").toInt(), 0);
        textFilter->setProperty("text", u"\"symbol\""_s);
        QTRY_VERIFY(list->property("count").toInt() > 0);

        // Select the newest JSON message: the detail shows its headers in wire order and its
        // body as pretty JSON.
        QObject *pane = find(app, "messagePane");
        QVERIFY(pane);
        const int row = list->property("count").toInt() - 1;
        QVERIFY(QMetaObject::invokeMethod(pane, "selectRow", Q_ARG(QVariant, row)));
        StompFrame selected;
        QMetaObject::invokeMethod(filterModel, "get", Q_RETURN_ARG(StompFrame, selected), Q_ARG(int, row));
        QVERIFY(selected.isValid());
        QObject *headers = find(app, "detailHeaders");
        QVERIFY(headers);
        QTRY_COMPARE(headers->property("count").toInt(), selected.headerCount());
        QObject *destinationLabel = find(app, "detailDestination");
        QCOMPARE(destinationLabel->property("text").toString(), m_prices);
        QObject *body = find(app, "detailBody");
        QVERIFY(body);
        const QString bodyText = body->property("text").toString();
        QVERIFY2(bodyText.contains(u"\"symbol\": "_s), qPrintable(bodyText)); // indented JSON
        QVERIFY(bodyText.contains(u'\n'));
        QCOMPARE(find(app, "bodyMode")->property("currentIndex").toInt(), 1);
        textFilter->setProperty("text", QString());

        // A binary body is shown as a hex dump.
        destinationFilter->setProperty("text", u"orders"_s);
        textFilter->setProperty("text", u"application/octet-stream"_s);
        QTRY_VERIFY_WITH_TIMEOUT(list->property("count").toInt() > 0, 10000);
        QVERIFY(QMetaObject::invokeMethod(pane, "selectRow", Q_ARG(QVariant, 0)));
        QTRY_VERIFY(body->property("text").toString().startsWith(u"00000000  00 01 02 ff"_s));
        QCOMPARE(find(app, "bodyMode")->property("currentIndex").toInt(), 2);
        destinationFilter->setProperty("text", QString());
        textFilter->setProperty("text", QString());

        // The send panel: a message with a receipt reaches the list, and the receipt is shown.
        find(app, "rightTabs")->setProperty("currentIndex", 1);
        find(app, "sendDestination")->setProperty("text", m_orders);
        find(app, "sendBody")->setProperty("text", u"hello from the send panel"_s);
        QVERIFY(QMetaObject::invokeMethod(find(app, "sendButton"), "clicked"));
        QObject *sentList = find(app, "sentList");
        QObject *sent = qvariant_cast<QObject *>(sentList->property("model"));
        QVERIFY(sent);
        const auto sentStatus = [&] {
            QJSValue entry;
            QMetaObject::invokeMethod(sent, "get", Q_RETURN_ARG(QJSValue, entry), Q_ARG(int, 0));
            return entry.property(u"status"_s).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(sentStatus(), u"confirmed"_s, 10000);
        textFilter->setProperty("text", u"hello from the send panel"_s);
        QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 1, 10000);
        textFilter->setProperty("text", QString());
        find(app, "rightTabs")->setProperty("currentIndex", 0);

        // Pause holds messages back; resume lets them in.
        QObject *model = find(app, "messageModel");
        model->setProperty("paused", true);
        QTRY_VERIFY_WITH_TIMEOUT(model->property("pendingCount").toInt() > 0, 5000);
        model->setProperty("paused", false);
        QTRY_COMPARE(model->property("pendingCount").toInt(), 0);

        // Export writes the visible messages as JSON lines.
        QTemporaryDir dir;
        MonitorTools tools;
        const int exported = tools.exportJsonLines(qobject_cast<StompMessageFilterModel *>(filterModel),
                                                   dir.filePath(u"out.jsonl"_s));
        QVERIFY(exported > 0);
        QFile out(dir.filePath(u"out.jsonl"_s));
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = out.readAll().split('\n');
        QCOMPARE(lines.size() - 1, exported);
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(u"command"_s).toString(), u"MESSAGE"_s);
        QVERIFY(first.value(u"headers"_s).isArray());
        QVERIFY(first.contains(u"body"_s) || first.contains(u"body_base64"_s));

        // The picture, with a JSON message selected and the chart filled for a while.
        QTest::qWait(2500);
        QVERIFY(QMetaObject::invokeMethod(window, "prepareScreenshot"));
        QTest::qWait(300);
        const QString png = QDir(QStringLiteral(STOMPQT_TEST_OUTPUT_DIR)).filePath(u"monitor-%1.png"_s.arg(language));
        QVERIFY(app.saveScreenshot(png));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 800));
        qInfo("screenshot: %s", qPrintable(png));

        // Disconnect through the button.
        QVERIFY(QMetaObject::invokeMethod(connectButton, "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), StompClient::Disconnected, 10000);
    }

private slots:
    void initTestCase()
    {
        QGuiApplication::setOrganizationName(u"StompQt"_s);
        QGuiApplication::setApplicationName(u"stompqt-monitor-test"_s);
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void init()
    {
        // The publisher feeds the end-to-end runs only.
        const QByteArray test = QTest::currentTestFunction();
        if (test != "english" && test != "german")
            return;
        STOMPQT_REQUIRE_BROKER(broker, stompRabbitMq());
        m_publisher = new StompClient(this);
        m_publisher->setUrl(broker.url());
        m_publisher->connectToHost();
        QVERIFY(m_publisher->waitForConnected(10000));
        m_feed.setInterval(15);
        connect(&m_feed, &QTimer::timeout, this, &tst_Monitor::publish, Qt::UniqueConnection);
        m_feed.start();
    }

    void cleanup()
    {
        m_feed.stop();
        if (m_publisher) {
            m_publisher->disconnectFromHost();
            m_publisher->waitForDisconnected(5000);
            delete m_publisher;
            m_publisher = nullptr;
        }
    }

    void english()
    {
        STOMPQT_REQUIRE_BROKER(broker, stompRabbitMq());
        exercise(broker, u"en"_s);
    }

    void german()
    {
        STOMPQT_REQUIRE_BROKER(broker, stompRabbitMq());
        exercise(broker, u"de"_s);
    }

    void tenThousandPerSecond()
    {
        // 10 000 messages a second for three seconds: every message reaches the bounded list
        // (or is counted as dropped) and the GUI thread keeps turning.
        STOMPQT_REQUIRE_BROKER(broker, stompRabbitMq());
        const QString destination = u"/topic/stompqt-monitor-%1.load"_s.arg(m_run);
        MonitorApp app(nullptr);
        QString message;
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s,
                                     u"--url"_s, u"stomp://%1:%2/%3"_s.arg(broker.host).arg(broker.port).arg(broker.vhost),
                                     u"--user"_s, broker.login, u"--passcode"_s, broker.passcode,
                                     u"--subscribe"_s, destination, u"--history"_s, u"5000"_s, u"--lang"_s, u"en"_s},
                                    &message),
                 MonitorApp::ParseResult::Run);
        QVERIFY(app.load());
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        auto *client = find<StompClient>(app, "client");
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), StompClient::Connected, 10000);
        QObject *subscriptions = find(app, "subscriptionList");
        QTRY_COMPARE(subscriptions->property("count").toInt(), 1);
        QTest::qWait(300); // the SUBSCRIBE is on its way

        StompClient publisher;
        publisher.setListenerMode(StompClient::WorkerThread);
        publisher.setUrl(broker.url());
        publisher.connectToHost();
        QVERIFY(publisher.waitForConnected(10000));

        constexpr int total = 30000;
        std::atomic<bool> done{false};
        std::thread feeder([&] {
            const QByteArray body = QByteArray(90, 'x');
            QElapsedTimer clock;
            clock.start();
            for (int i = 0; i < total; ++i) {
                publisher.send(destination, body);
                // Paced to 10 000 a second.
                while (clock.nsecsElapsed() < qint64(i) * 100000)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
            publisher.waitForReceipt(publisher.send(destination, "last", {}, StompClient::WithReceipt), 20000);
            done = true;
        });

        // The GUI thread's pulse: the longest gap between 10 ms timer ticks.
        QElapsedTimer pulse;
        pulse.start();
        qint64 longest = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] { longest = qMax(longest, pulse.restart()); });
        tick.start();

        QObject *model = find(app, "messageModel");
        QElapsedTimer elapsed;
        elapsed.start();
        QTRY_VERIFY_WITH_TIMEOUT(done && model->property("totalCount").toLongLong() == total + 1, 60000);
        feeder.join();
        tick.stop();
        qInfo("%d messages in %lld ms; longest GUI pause %lld ms; list %d, dropped %lld", total + 1,
              elapsed.elapsed(), longest, model->property("count").toInt(),
              model->property("droppedCount").toLongLong());
        // The last batch may still be on its 50 ms timer.
        QTRY_COMPARE(model->property("droppedCount").toLongLong(), qint64(total + 1 - 5000));
        QCOMPARE(model->property("count").toInt(), 5000);
        // Generous: the machine is shared; a stalled GUI thread would take seconds.
        QVERIFY2(longest < 1000, qPrintable(u"GUI thread stalled for %1 ms"_s.arg(longest)));
    }

    void languageSwitchAtRunTime()
    {
        MonitorApp app(nullptr);
        QString message;
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--lang"_s, u"en"_s}, &message),
                 MonitorApp::ParseResult::Run);
        QVERIFY(app.load());
        QObject *button = find(app, "connectButton");
        QCOMPARE(button->property("text").toString(), u"Connect"_s);
        app.setLanguage(u"fr"_s);
        QTRY_COMPARE(button->property("text").toString(), u"Se connecter"_s);
        app.setLanguage(u"de"_s);
        QTRY_COMPARE(button->property("text").toString(), u"Verbinden"_s);
        app.setLanguage(u"en"_s);
        QTRY_COMPARE(button->property("text").toString(), u"Connect"_s);
    }

    void plainWordsForErrors()
    {
        // A port where nothing listens: the error is explained, not only logged.
        MonitorApp app(nullptr);
        QString message;
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--url"_s, u"stomp://127.0.0.1:1"_s, u"--lang"_s, u"en"_s},
                                    &message),
                 MonitorApp::ParseResult::Run);
        QVERIFY(app.load());
        QObject *error = find(app, "errorText");
        QVERIFY(error);
        QTRY_VERIFY_WITH_TIMEOUT(error->property("text").toString().contains(u"Nothing accepts connections"_s), 10000);
        // Reconnecting is on by default; either way the state says it in words.
        const QString state = find(app, "connectionState")->property("text").toString();
        QVERIFY2(state == u"Connection failed"_s || state == u"Reconnecting…"_s, qPrintable(state));
    }

    void tools()
    {
        // Pretty JSON keeps key order and number text.
        QCOMPARE(MonitorTools::prettyJson("{\"z\":1.50,\"a\":[1,{}],\"s\":\"x,{y}:\\\"q\\\"\"}"),
                 u"{\n    \"z\": 1.50,\n    \"a\": [\n        1,\n        {}\n    ],\n    \"s\": \"x,{y}:\\\"q\\\"\"\n}"_s);
        QCOMPARE(MonitorTools::prettyJson("[]"), u"[]"_s);
        QVERIFY(MonitorTools::prettyJson("{not json").isEmpty());
        QVERIFY(MonitorTools::prettyJson("42").isEmpty());

        QCOMPARE(MonitorTools::hexDump(QByteArray("AB\x00\xff", 4)),
                 u"00000000  41 42 00 ff                                       |AB..|"_s);

        const QVariantList headers = MonitorTools::parseHeaders(u"a: 1\n\n# comment\nb:two:three\nbroken\n"_s);
        QCOMPARE(headers.size(), 2);
        QCOMPARE(headers.at(1).toList().at(1).toString(), u"two:three"_s);
        QCOMPARE(MonitorTools::badHeaderLines(u"a: 1\nbroken"_s), QVariantList{2});

        StompFrame text(StompFrame::Message, {{"destination", "/q"}, {"x", "\"quoted\""}}, "h\xc3\xa9\n");
        QCOMPARE(MonitorTools::toJsonLine(text),
                 QByteArray("{\"command\":\"MESSAGE\",\"headers\":[[\"destination\",\"/q\"],[\"x\",\"\\\"quoted\\\"\"]],\"body\":\"h\xc3\xa9\\n\"}\n"));
        StompFrame binary(StompFrame::Message, {{"destination", "/q"}}, QByteArray("\xff\x00", 2));
        QCOMPARE(MonitorTools::toJsonLine(binary),
                 QByteArray("{\"command\":\"MESSAGE\",\"headers\":[[\"destination\",\"/q\"]],\"body_base64\":\"/wA=\"}\n"));

        StompFrame received(StompFrame::Message, {{"destination", "/q"}, {"message-id", "7"}, {"subscription", "s"},
                                                  {"content-type", "text/plain"}, {"x-app", "1"}}, "b");
        const QVariantList kept = MonitorTools::resendHeaders(received);
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.at(0).toList().at(0).toString(), u"content-type"_s);
    }

    void profiles()
    {
        ProfileStore store;
        QVERIFY(store.save(u"local"_s, {{u"url"_s, u"stomp://localhost:61613"_s}, {u"passcode"_s, u"secret"_s}}, false));
        QVERIFY(store.names().contains(u"local"_s));
        QVariantMap loaded = store.load(u"local"_s);
        QCOMPARE(loaded.value(u"url"_s).toString(), u"stomp://localhost:61613"_s);
        QVERIFY(!loaded.contains(u"passcode"_s)); // not asked to remember it
        QCOMPARE(loaded.value(u"rememberPasscode"_s).toBool(), false);

        QVERIFY(store.save(u"a/b with spaces"_s, {{u"passcode"_s, u"secret"_s}}, true));
        loaded = store.load(u"a/b with spaces"_s);
        QCOMPARE(loaded.value(u"passcode"_s).toString(), u"secret"_s);
        QCOMPARE(loaded.value(u"rememberPasscode"_s).toBool(), true);
        store.remove(u"a/b with spaces"_s);
        store.remove(u"local"_s);
        QVERIFY(store.names().isEmpty());
    }

    void tlsFiles()
    {
        // The CA, client certificate and key fields against RabbitMQ's TLS listener (client
        // certificate required, server certificate for "localhost"): a missing CA file is
        // explained and nothing connects; with the three files the monitor connects; a
        // profile keeps the paths.
        STOMPQT_REQUIRE_BROKER(broker, stompRabbitMq());
        const int tlsPort = qEnvironmentVariableIntValue("STOMPQT_RABBITMQ_TLS_PORT");
        const QString ca = qEnvironmentVariable("STOMPQT_TLS_CA");
        const QString cert = qEnvironmentVariable("STOMPQT_TLS_CLIENT_CERT");
        const QString key = qEnvironmentVariable("STOMPQT_TLS_CLIENT_KEY");
        if (tlsPort <= 0 || ca.isEmpty() || cert.isEmpty() || key.isEmpty()) {
            STOMPQT_SKIP_UNLESS_CI("STOMPQT_RABBITMQ_TLS_PORT / STOMPQT_TLS_CA / _CLIENT_CERT / _CLIENT_KEY unset (restart the brokers)");
        }

        MonitorApp app(nullptr);
        QString message;
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--lang"_s, u"en"_s}, &message),
                 MonitorApp::ParseResult::Run);
        QVERIFY(app.load());
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        auto *client = find<StompClient>(app, "client");
        QObject *urlField = find(app, "urlField");
        QObject *caField = find(app, "caFileField");
        QObject *certField = find(app, "certFileField");
        QObject *keyField = find(app, "keyFileField");
        QObject *tlsError = find(app, "tlsFilesError");
        QObject *connectButton = find(app, "connectButton");
        QVERIFY(client && urlField && caField && certField && keyField && tlsError && connectButton);

        // Shown for TLS URLs only.
        urlField->setProperty("text", u"stomp://localhost:61613"_s);
        QVERIFY(!caField->property("visible").toBool());
        urlField->setProperty("text", u"stomp+ssl://localhost:%1"_s.arg(tlsPort));
        QTRY_VERIFY(caField->property("visible").toBool());
        QVERIFY(certField->property("visible").toBool() && keyField->property("visible").toBool());
        find(app, "loginField")->setProperty("text", broker.login);
        find(app, "passcodeField")->setProperty("text", broker.passcode);
        find(app, "vhostField")->setProperty("text", broker.vhost);

        const QString missing = ca + u".missing"_s;
        caField->setProperty("text", missing);
        certField->setProperty("text", cert);
        keyField->setProperty("text", key);
        QVERIFY(QMetaObject::invokeMethod(connectButton, "clicked"));
        QObject *errorText = find(app, "errorText");
        QTRY_VERIFY(errorText->property("text").toString().contains(u"The TLS files cannot be used"_s));
        const QString expected = u"cannot read the CA file %1: no such file"_s.arg(missing);
        QCOMPARE(client->property("tlsConfigurationError").toString(), expected);
        QTRY_VERIFY(tlsError->property("visible").toBool());
        QCOMPARE(tlsError->property("text").toString(), expected);
        QCOMPARE(client->state(), StompClient::Disconnected);

        caField->setProperty("text", ca);
        QVERIFY(QMetaObject::invokeMethod(connectButton, "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), StompClient::Connected, 15000);
        QCOMPARE(errorText->property("text").toString(), QString());
        QVERIFY(!tlsError->property("visible").toBool());
        QVERIFY(app.window()->grabWindow().save(QDir(QStringLiteral(STOMPQT_TEST_OUTPUT_DIR)).filePath(u"monitor-tls.png"_s)));

        // A profile keeps the paths (not the files).
        QObject *panel = find(app, "connectionPanel");
        QVERIFY(panel);
        QVariant saved;
        QVERIFY(QMetaObject::invokeMethod(panel, "saveProfile", Q_RETURN_ARG(QVariant, saved),
                                          Q_ARG(QVariant, u"tls-test"_s)));
        QVERIFY(saved.toBool());
        ProfileStore store;
        const QVariantMap profile = store.load(u"tls-test"_s);
        QCOMPARE(profile.value(u"tlsCaFile"_s).toString(), ca);
        QCOMPARE(profile.value(u"tlsCertFile"_s).toString(), cert);
        QCOMPARE(profile.value(u"tlsKeyFile"_s).toString(), key);
        store.remove(u"tls-test"_s);
        store.setLastUsed(QString());

        QVERIFY(QMetaObject::invokeMethod(connectButton, "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(client->state(), StompClient::Disconnected, 10000);
    }

    void commandLine()
    {
        MonitorApp app(nullptr);
        QString message;
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--lang"_s, u"xx"_s}, &message),
                 MonitorApp::ParseResult::Error);
        QVERIFY(message.contains(u"xx"_s));
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--quit-after"_s, u"soon"_s}, &message),
                 MonitorApp::ParseResult::Error);
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--help"_s}, &message),
                 MonitorApp::ParseResult::Exit);
        QVERIFY(message.contains(u"--subscribe"_s));
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--url"_s, u"alice:secret@example.org:1234/prod"_s,
                                     u"--subscribe"_s, u"/a"_s, u"--subscribe"_s, u"/b"_s},
                                    &message),
                 MonitorApp::ParseResult::Run);
        QCOMPARE(app.initialUrl(), u"stomp://example.org:1234"_s);
        QCOMPARE(app.initialLogin(), u"alice"_s);
        QCOMPARE(app.initialPasscode(), u"secret"_s);
        QCOMPARE(app.initialVirtualHost(), u"prod"_s);
        QCOMPARE(app.initialSubscriptions(), (QStringList{u"/a"_s, u"/b"_s}));
        QVERIFY(app.autoConnect());

        // TLS files are checked at start: a missing one is an error that names it.
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--ca"_s, u"/nonexistent/ca.pem"_s}, &message),
                 MonitorApp::ParseResult::Error);
        QVERIFY2(message.contains(u"--ca"_s) && message.contains(u"/nonexistent/ca.pem"_s), qPrintable(message));
    }

    void tlsFilesFromCommandLine()
    {
        // --ca/--cert/--key fill the connection panel's TLS fields with absolute paths.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList names{u"ca.pem"_s, u"client.pem"_s, u"client.key"_s};
        for (const QString &name : names) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a certificate\n");
        }
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path())); // relative paths on the command line
        const auto restore = qScopeGuard([&cwd] { QDir::setCurrent(cwd); });
        MonitorApp app(nullptr);
        QString message;
        QCOMPARE(app.parseArguments({u"stompqt-monitor"_s, u"--url"_s, u"stomp+ssl://127.0.0.1:1"_s,
                                     u"--ca"_s, names[0], u"--cert"_s, names[1], u"--key"_s, names[2],
                                     u"--lang"_s, u"en"_s},
                                    &message),
                 MonitorApp::ParseResult::Run);
        QCOMPARE(app.initialCaFile(), dir.filePath(names[0]));
        QCOMPARE(app.initialCertFile(), dir.filePath(names[1]));
        QCOMPARE(app.initialKeyFile(), dir.filePath(names[2]));
        QVERIFY(app.load());
        QCOMPARE(find(app, "caFileField")->property("text").toString(), dir.filePath(names[0]));
        QCOMPARE(find(app, "certFileField")->property("text").toString(), dir.filePath(names[1]));
        QCOMPARE(find(app, "keyFileField")->property("text").toString(), dir.filePath(names[2]));
    }
};

QTEST_MAIN(tst_Monitor)
#include "tst_monitor.moc"
