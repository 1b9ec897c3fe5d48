// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
// QtQuickTest runner for tests/qml/tst_*.qml. The QML files see the broker of this run as
// context properties: broker.available, .host, .port, .login, .passcode, .vhost, .url,
// .ci and .missingMessage (fail when ci, else skip).

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
    }
};

QUICK_TEST_MAIN_WITH_SETUP(stompqt_qml, Setup)

#include "tst_qml.moc"
