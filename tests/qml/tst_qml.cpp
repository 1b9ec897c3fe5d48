// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// QtQuickTest runner for tests/qml/tst_*.qml. The QML files see the broker of this run as
// context properties: broker.available, .host, .port, .login, .passcode, .vhost, .url,
// .ci and .missingMessage (fail when ci, else skip); the TLS listener of the RabbitMQ as
// tls.available, .port (STOMPQT_RABBITMQ_TLS_PORT), .ca, .clientCert, .clientKey
// (STOMPQT_TLS_CA, _CLIENT_CERT, _CLIENT_KEY) and .missingMessage.

#include "brokerenv.h"

#include <QtCore/qobject.h>
#include <QtQml/qqmlcontext.h>
#include <QtQml/qqmlengine.h>
#include <QtQuickTest/quicktest.h>

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // The plugin of the build tree, loaded the way an installed app loads it.
        engine->addImportPath(QStringLiteral(STOMPQT_QML_IMPORT_DIR));
        const std::optional<StompBrokerEnv> env = stompRabbitMq();
        QVariantMap broker;
        broker.insert(QStringLiteral("available"), env.has_value());
        broker.insert(QStringLiteral("ci"), StompBrokerEnvDetail::isCi());
        broker.insert(QStringLiteral("missingMessage"),
                      QString::fromUtf8(StompBrokerEnvDetail::missingMessage("stompRabbitMq()")));
        if (env) {
            broker.insert(QStringLiteral("host"), env->host);
            broker.insert(QStringLiteral("port"), env->port);
            broker.insert(QStringLiteral("login"), env->login);
            broker.insert(QStringLiteral("passcode"), env->passcode);
            broker.insert(QStringLiteral("vhost"), env->vhost);
        }
        engine->rootContext()->setContextProperty(QStringLiteral("broker"), broker);

        QVariantMap tls;
        const int tlsPort = qEnvironmentVariableIntValue("STOMPQT_RABBITMQ_TLS_PORT");
        const QString ca = qEnvironmentVariable("STOMPQT_TLS_CA");
        const QString clientCert = qEnvironmentVariable("STOMPQT_TLS_CLIENT_CERT");
        const QString clientKey = qEnvironmentVariable("STOMPQT_TLS_CLIENT_KEY");
        tls.insert(QStringLiteral("available"), env.has_value() && tlsPort > 0 && tlsPort <= 65535
                                                    && !ca.isEmpty() && !clientCert.isEmpty()
                                                    && !clientKey.isEmpty());
        tls.insert(QStringLiteral("port"), tlsPort);
        tls.insert(QStringLiteral("ca"), ca);
        tls.insert(QStringLiteral("clientCert"), clientCert);
        tls.insert(QStringLiteral("clientKey"), clientKey);
        tls.insert(QStringLiteral("missingMessage"),
                   QStringLiteral("STOMPQT_RABBITMQ_TLS_PORT / STOMPQT_TLS_CA / _CLIENT_CERT / "
                                  "_CLIENT_KEY (or the broker) unset; run via ./run.sh test, or "
                                  "export the variables printed by ./run.sh brokers start"));
        engine->rootContext()->setContextProperty(QStringLiteral("tls"), tls);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(stompqt_qml, Setup)

#include "tst_qml.moc"
