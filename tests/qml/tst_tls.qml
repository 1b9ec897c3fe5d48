// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtTest
import StompQt

// The TLS files of the QML StompClient (caCertificateFile, clientCertificateFile,
// clientKeyFile, tlsConfigurationError); against the RabbitMQ TLS listener of this run
// (client certificate required, server certificate for "localhost").
TestCase {
    id: testCase
    name: "StompClientTls"

    Component {
        id: clientComponent
        StompClient {
            socketTimeout: 5000
            reconnectEnabled: false
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    function requireTls() {
        if (tls.available)
            return true
        if (broker.ci)
            fail(tls.missingMessage)
        skip(tls.missingMessage)
        return false
    }

    function tlsClient(properties) {
        const client = createTemporaryObject(clientComponent, testCase, properties || {})
        verify(client)
        client.url = "stomp+ssl://localhost:" + tls.port
        client.login = broker.login || ""
        client.passcode = broker.passcode || ""
        client.virtualHost = broker.vhost || ""
        return client
    }

    // --- no broker needed ---------------------------------------------------------------

    function test_errorsInPlainWords() {
        const client = createTemporaryObject(clientComponent, testCase)
        compare(client.tlsConfigurationError, "")
        const errorSpy = createTemporaryObject(spyComponent, testCase,
                                               {target: client, signalName: "tlsConfigurationErrorChanged"})

        client.caCertificateFile = "/nonexistent-stompqt/ca.pem"
        compare(client.tlsConfigurationError,
                "cannot read the CA file /nonexistent-stompqt/ca.pem: no such file")
        compare(errorSpy.count, 1)
        client.caCertificateFile = ""
        compare(client.tlsConfigurationError, "")
        compare(errorSpy.count, 2)

        // A folder; a file that is not PEM (given as a file: URL).
        client.caCertificateFile = "/"
        verify(client.tlsConfigurationError.indexOf("it is a folder") >= 0, client.tlsConfigurationError)
        client.caCertificateFile = Qt.resolvedUrl("tst_tls.qml")
        verify(/^the CA file .*tst_tls\.qml holds no PEM certificate$/.test(client.tlsConfigurationError),
               client.tlsConfigurationError)
        client.caCertificateFile = ""

        // A key without its certificate, a certificate file without any key.
        client.clientKeyFile = "/nonexistent-stompqt/client.key"
        verify(client.tlsConfigurationError.indexOf("cannot read the client key file /nonexistent-stompqt/client.key: no such file") >= 0,
               client.tlsConfigurationError)
        verify(client.tlsConfigurationError.indexOf("a client key needs its certificate") >= 0,
               client.tlsConfigurationError)
        client.clientKeyFile = ""
        compare(client.tlsConfigurationError, "")
    }

    function test_filesOfTheBrokerLoad() {
        if (!requireTls())
            return
        const client = createTemporaryObject(clientComponent, testCase)
        client.caCertificateFile = tls.ca
        client.clientCertificateFile = tls.clientCert
        compare(client.tlsConfigurationError,
                "the client certificate needs its private key: set the client key file too")
        client.clientKeyFile = tls.clientKey
        compare(client.tlsConfigurationError, "")
        verify(client.reloadTlsFiles())
        // Not a key file.
        client.clientKeyFile = tls.ca
        verify(client.tlsConfigurationError.indexOf("holds no RSA or EC private key") >= 0,
               client.tlsConfigurationError)
        verify(!client.reloadTlsFiles())
    }

    // --- against the broker's TLS listener ----------------------------------------------

    function test_connectWithTheThreeFiles() {
        if (!requireTls())
            return
        const client = tlsClient({caCertificateFile: tls.ca, clientCertificateFile: tls.clientCert,
                                  clientKeyFile: tls.clientKey})
        compare(client.tlsConfigurationError, "")
        client.connectToHost()
        tryCompare(client, "state", StompClient.Connected, 15000, "not connected: " + client.errorString)
        verify(client.version !== "")
        client.disconnectFromHost()
        tryCompare(client, "state", StompClient.Disconnected, 10000)
    }

    function test_missingCaFile() {
        if (!requireTls())
            return
        const missing = tls.ca + ".missing"
        const client = tlsClient({caCertificateFile: missing, clientCertificateFile: tls.clientCert,
                                  clientKeyFile: tls.clientKey})
        compare(client.tlsConfigurationError, "cannot read the CA file " + missing + ": no such file")
        const errors = createTemporaryObject(spyComponent, testCase,
                                             {target: client, signalName: "errorOccurred"})
        client.connectToHost()
        // Only the system's CAs: the broker's certificate is not trusted.
        tryVerify(() => errors.count > 0, 15000)
        compare(errors.signalArguments[0][0], StompClient.TlsError, errors.signalArguments[0][1])
        verify(client.state !== StompClient.Connected)
        tryCompare(client, "state", StompClient.Disconnected, 10000)
    }
}
