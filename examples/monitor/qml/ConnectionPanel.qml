// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StompQt
import StompQtMonitor

// URL, credentials, version and heart-beats; profiles; connect/disconnect; errors in words.
ColumnLayout {
    id: panel
    spacing: 0

    required property StompClient client
    required property ProfileStore profiles
    property string errorTitle: ""
    property string errorDetail: ""
    readonly property bool busy: client.state === StompClient.Connecting
                                 || client.state === StompClient.Disconnecting
                                 || client.state === StompClient.Reconnecting
    readonly property bool connected: client.state === StompClient.Connected
    readonly property string displayUrl: urlField.text

    // Emitted when a profile is applied, so that its subscriptions can be restored.
    signal profileApplied(var settings)
    // Asks the owner for the subscriptions to store in a profile.
    property var subscriptionsForProfile: function() { return [] }

    function settings() {
        return {
            url: urlField.text.trim(),
            login: loginField.text,
            passcode: passcodeField.text,
            virtualHost: vhostField.text.trim(),
            version: versionBox.currentIndex,
            heartbeatOut: heartbeatOut.value,
            heartbeatIn: heartbeatIn.value,
            reconnect: reconnectBox.checked,
            insecureTls: insecureTls.checked,
            // Paths only: the files themselves stay where they are.
            tlsCaFile: caFileField.text.trim(),
            tlsCertFile: certFileField.text.trim(),
            tlsKeyFile: keyFileField.text.trim(),
            subscriptions: JSON.stringify(subscriptionsForProfile())
        }
    }

    function apply(s) {
        if (s.url !== undefined) urlField.text = s.url
        if (s.login !== undefined) loginField.text = s.login
        passcodeField.text = s.passcode !== undefined ? s.passcode : ""
        rememberPasscode.checked = !!s.rememberPasscode
        if (s.virtualHost !== undefined) vhostField.text = s.virtualHost
        if (s.version !== undefined) versionBox.currentIndex = Number(s.version)
        if (s.heartbeatOut !== undefined) heartbeatOut.value = Number(s.heartbeatOut)
        if (s.heartbeatIn !== undefined) heartbeatIn.value = Number(s.heartbeatIn)
        if (s.reconnect !== undefined) reconnectBox.checked = s.reconnect === true || s.reconnect === "true"
        if (s.insecureTls !== undefined) insecureTls.checked = s.insecureTls === true || s.insecureTls === "true"
        // Another profile's files would be wrong here: absent means none.
        caFileField.text = s.tlsCaFile !== undefined ? s.tlsCaFile : ""
        certFileField.text = s.tlsCertFile !== undefined ? s.tlsCertFile : ""
        keyFileField.text = s.tlsKeyFile !== undefined ? s.tlsKeyFile : ""
        applyTlsFiles()
        profileApplied(s)
    }

    function loadProfile(name) {
        if (!name)
            return
        const s = profiles.load(name)
        if (Object.keys(s).length <= 1)
            return
        apply(s)
        profiles.lastUsed = name
        profileBox.currentIndex = profiles.names.indexOf(name)
    }

    function saveProfile(name) {
        if (!profiles.save(name, settings(), rememberPasscode.checked))
            return false
        profiles.lastUsed = name
        profileBox.currentIndex = profiles.names.indexOf(name)
        return true
    }

    // Plain words first, the library's own text as the detail.
    function explain(error, text) {
        const where = client.host + ":" + client.port
        switch (error) {
        case StompClient.HostNotFound:
            return qsTr("The broker's host name %1 could not be found. Check the URL.").arg(client.host)
        case StompClient.ConnectionRefused:
            return qsTr("Nothing accepts connections at %1. Is the broker running, with STOMP enabled on that port?").arg(where)
        case StompClient.RemoteClosed:
            return qsTr("The broker closed the connection.")
        case StompClient.SocketTimeout:
            return qsTr("The broker at %1 did not answer in time.").arg(where)
        case StompClient.TlsError:
            return qsTr("The secure (TLS) connection could not be established.")
        case StompClient.NetworkError:
            return qsTr("The network connection failed.")
        case StompClient.ProtocolError:
            return qsTr("The server does not speak STOMP on this port, or sent something invalid.")
        case StompClient.FrameTooLarge:
            return qsTr("The broker sent a frame larger than the allowed limits; the connection was closed.")
        case StompClient.ServerError:
            return qsTr("The broker reported an error and closed the connection.")
        case StompClient.AuthenticationFailed:
            return qsTr("The broker refused the login. Check login, passcode and virtual host.")
        case StompClient.HeartbeatTimeout:
            return qsTr("The broker stopped answering (no heart-beat); the connection was closed.")
        case StompClient.ReceiptTimeout:
            return qsTr("The broker did not confirm a frame in time.")
        case StompClient.NotConnected:
            return qsTr("Not connected: connect to a broker first.")
        case StompClient.InvalidFrame:
            return qsTr("The frame cannot be sent with the STOMP version in use.")
        case StompClient.WriteBufferFull:
            return qsTr("Sending faster than the network allows; a frame was not sent.")
        case StompClient.UnsupportedVersion:
            return qsTr("The broker chose a STOMP version that was not offered.")
        }
        return qsTr("Something went wrong.")
    }

    function showError(error, text) {
        errorTitle = explain(error, text)
        errorDetail = text
    }

    // One broker (stomp://, stomp+ssl://, ws://, wss://, or host:port), a comma-separated list,
    // or ActiveMQ's failover:(url1,url2).
    function brokerUrl(text) {
        text = text.trim()
        if (text.startsWith("failover:"))
            return /^failover:\(.+\)/.test(text) ? text : ""
        const parts = text.split(",").map(p => p.trim()).filter(p => p !== "")
        for (let i = 0; i < parts.length; ++i) {
            if (parts[i].indexOf("://") < 0)
                parts[i] = "stomp://" + parts[i]
            if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s\/:@]+(:\d{1,5})?(\/\S*)?$/i.test(parts[i]))
                return ""
        }
        if (parts.length === 0)
            return ""
        return parts.length === 1 ? parts[0] : "failover:(" + parts.join(",") + ")"
    }
    readonly property bool usesTls: /(stomp\+ssl|ssl|wss):\/\//i.test(urlField.text)

    // The TLS files of the fields (none without TLS); the client reports what it cannot use
    // in tlsConfigurationError, shown under the fields.
    function applyTlsFiles() {
        client.caCertificateFile = usesTls ? caFileField.text.trim() : ""
        client.clientCertificateFile = usesTls ? certFileField.text.trim() : ""
        client.clientKeyFile = usesTls ? keyFileField.text.trim() : ""
    }

    function connectToBroker() {
        errorTitle = ""
        errorDetail = ""
        const url = brokerUrl(urlField.text)
        if (url === "") {
            errorTitle = qsTr("The URL is not valid. Use stomp://host:port, e.g. stomp://localhost:61613.")
            return
        }
        applyTlsFiles()
        // Read again: the files may have been fixed or renewed since.
        if (!client.reloadTlsFiles()) {
            errorTitle = qsTr("The TLS files cannot be used. Correct the paths or clear the fields.")
            errorDetail = client.tlsConfigurationError
            return
        }
        client.virtualHost = ""
        client.url = url // may set the virtual host from its path
        client.login = loginField.text
        client.passcode = passcodeField.text
        if (vhostField.text.trim() !== "")
            client.virtualHost = vhostField.text.trim()
        client.reconnectEnabled = reconnectBox.checked
        client.insecureSkipTlsVerification = usesTls && insecureTls.checked
        client.acceptedVersions = [7, 4, 2, 1][versionBox.currentIndex]
        client.outgoingHeartbeat = heartbeatOut.value * 1000
        client.incomingHeartbeat = heartbeatIn.value * 1000
        client.connectToHost()
    }

    function toggleConnection() {
        if (client.state === StompClient.Disconnected)
            connectToBroker()
        else
            client.disconnectFromHost()
    }

    Connections {
        target: panel.client
        function onConnected() { panel.errorTitle = ""; panel.errorDetail = "" }
        function onErrorOccurred(error, text) { panel.showError(error, text) }
    }

    SectionHeader {
        Layout.fillWidth: true
        title: qsTr("Connection")
    }

    GridLayout {
        Layout.fillWidth: true
        Layout.margins: 10
        columns: 2
        columnSpacing: 8
        rowSpacing: 6

        Label { text: qsTr("Profile") }
        RowLayout {
            spacing: 4
            Layout.fillWidth: true
            ComboBox {
                id: profileBox
                objectName: "profileBox"
                Layout.fillWidth: true
                model: panel.profiles.names
                displayText: currentIndex < 0 ? qsTr("(none)") : currentText
                currentIndex: -1
                onActivated: (index) => panel.loadProfile(panel.profiles.names[index])
            }
            ToolButton {
                text: "+"
                font.bold: true
                ToolTip.text: qsTr("Save these settings as a profile")
                ToolTip.visible: hovered
                onClicked: {
                    saveName.text = profileBox.currentIndex >= 0 ? profileBox.currentText : ""
                    savePopup.open()
                    saveName.forceActiveFocus()
                }
            }
            ToolButton {
                text: "\u2716"
                enabled: profileBox.currentIndex >= 0
                ToolTip.text: qsTr("Delete this profile")
                ToolTip.visible: hovered
                onClicked: {
                    panel.profiles.remove(profileBox.currentText)
                    profileBox.currentIndex = -1
                }
            }
        }

        Label { text: qsTr("URL") }
        TextField {
            id: urlField
            objectName: "urlField"
            Layout.fillWidth: true
            text: "stomp://localhost:61613"
            placeholderText: "stomp://localhost:61613"
            selectByMouse: true
            enabled: panel.client.state === StompClient.Disconnected
            onAccepted: panel.connectToBroker()
            ToolTip.text: qsTr("stomp://, stomp+ssl:// (TLS), ws:// or wss:// (WebSocket); several brokers separated by commas for failover")
            ToolTip.visible: hovered
            ToolTip.delay: 600
        }
        Item { width: 1; height: 1; visible: panel.usesTls }
        CheckBox {
            id: insecureTls
            objectName: "insecureTls"
            visible: panel.usesTls
            enabled: urlField.enabled
            Layout.fillWidth: true
            padding: 0
            text: qsTr("Accept any certificate (testing only)")
            ToolTip.text: qsTr("Skips certificate checks: anyone on the way can read and change the traffic.")
            ToolTip.visible: hovered
        }

        Label { text: qsTr("CA file"); visible: panel.usesTls }
        TextField {
            id: caFileField
            objectName: "caFileField"
            visible: panel.usesTls
            Layout.fillWidth: true
            placeholderText: qsTr("(system CAs only)")
            selectByMouse: true
            enabled: urlField.enabled
            onEditingFinished: panel.applyTlsFiles()
            onAccepted: panel.connectToBroker()
            ToolTip.text: qsTr("PEM file with the CA certificates that signed the broker's certificate; trusted in addition to the system's")
            ToolTip.visible: hovered
            ToolTip.delay: 600
        }

        Label { text: qsTr("Client certificate"); visible: panel.usesTls }
        TextField {
            id: certFileField
            objectName: "certFileField"
            visible: panel.usesTls
            Layout.fillWidth: true
            placeholderText: qsTr("(none)")
            selectByMouse: true
            enabled: urlField.enabled
            onEditingFinished: panel.applyTlsFiles()
            onAccepted: panel.connectToBroker()
            ToolTip.text: qsTr("PEM file with this client's certificate, for brokers that require one")
            ToolTip.visible: hovered
            ToolTip.delay: 600
        }

        Label { text: qsTr("Client key"); visible: panel.usesTls }
        TextField {
            id: keyFileField
            objectName: "keyFileField"
            visible: panel.usesTls
            Layout.fillWidth: true
            placeholderText: qsTr("(none)")
            selectByMouse: true
            enabled: urlField.enabled
            onEditingFinished: panel.applyTlsFiles()
            onAccepted: panel.connectToBroker()
            ToolTip.text: qsTr("PEM file with the certificate's private key (RSA or EC, without passphrase)")
            ToolTip.visible: hovered
            ToolTip.delay: 600
        }

        Item { width: 1; height: 1; visible: tlsFilesError.visible }
        Label {
            id: tlsFilesError
            objectName: "tlsFilesError"
            visible: panel.usesTls && panel.client.tlsConfigurationError !== ""
            Layout.fillWidth: true
            text: panel.client.tlsConfigurationError
            wrapMode: Text.Wrap
            color: Theme.error
            font.pixelSize: 11
        }

        Label { text: qsTr("Login") }
        TextField {
            id: loginField
            objectName: "loginField"
            Layout.fillWidth: true
            placeholderText: qsTr("(none)")
            selectByMouse: true
            enabled: urlField.enabled
            onAccepted: panel.connectToBroker()
        }

        Label { text: qsTr("Passcode") }
        TextField {
            id: passcodeField
            objectName: "passcodeField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("(none)")
            enabled: urlField.enabled
            onAccepted: panel.connectToBroker()
        }

        Item { width: 1; height: 1 }
        CheckBox {
            id: rememberPasscode
            objectName: "rememberPasscode"
            text: qsTr("Remember passcode")
            padding: 0
            Layout.fillWidth: true
            ToolTip.text: qsTr("The passcode is then stored unencrypted in the settings file.")
            ToolTip.visible: hovered
        }

        Label { text: qsTr("Virtual host") }
        TextField {
            id: vhostField
            objectName: "vhostField"
            Layout.fillWidth: true
            placeholderText: qsTr("(the broker's default)")
            selectByMouse: true
            enabled: urlField.enabled
            onAccepted: panel.connectToBroker()
        }

        Label { text: qsTr("Version") }
        ComboBox {
            id: versionBox
            Layout.fillWidth: true
            enabled: urlField.enabled
            model: [qsTr("1.2, 1.1 or 1.0"), qsTr("1.2 only"), qsTr("1.1 only"), qsTr("1.0 only")]
        }

        Item { width: 1; height: 1 }
        CheckBox {
            id: reconnectBox
            objectName: "reconnect"
            enabled: urlField.enabled
            Layout.fillWidth: true
            padding: 0
            checked: true
            text: qsTr("Reconnect automatically")
            ToolTip.text: qsTr("After a lost connection, try again with growing pauses; subscriptions are restored.")
            ToolTip.visible: hovered
        }

        Label { text: qsTr("Heart-beat") }
        RowLayout {
            spacing: 4
            Layout.fillWidth: true
            enabled: urlField.enabled
            Label { text: "\u2191"; color: Theme.subtleText }
            SpinBox {
                id: heartbeatOut
                from: 0; to: 300; value: 10
                editable: true
                Layout.preferredWidth: 72
                ToolTip.text: qsTr("Send a heart-beat every this many seconds (0: never)")
                ToolTip.visible: hovered
            }
            Label { text: "\u2193"; color: Theme.subtleText; leftPadding: 4 }
            SpinBox {
                id: heartbeatIn
                from: 0; to: 300; value: 10
                editable: true
                Layout.preferredWidth: 72
                ToolTip.text: qsTr("Expect one from the broker every this many seconds (0: never)")
                ToolTip.visible: hovered
            }
            Label { text: qsTr("s"); color: Theme.subtleText }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.leftMargin: 10
        Layout.rightMargin: 10
        Layout.bottomMargin: 8
        Label {
            Layout.fillWidth: true
            elide: Text.ElideRight
            color: Theme.subtleText
            text: panel.connected
                  ? qsTr("STOMP %1 · %2").arg(panel.client.version).arg(panel.client.server || qsTr("unknown server"))
                  : ""
        }
        Button {
            id: connectButton
            objectName: "connectButton"
            highlighted: !panel.connected
            text: panel.client.state === StompClient.Disconnected ? qsTr("Connect")
                  : panel.connected ? qsTr("Disconnect") : qsTr("Cancel")
            onClicked: panel.toggleConnection()
            ToolTip.text: qsTr("Connect or disconnect (Ctrl+K)")
            ToolTip.visible: hovered
        }
    }

    Rectangle {
        id: errorBox
        objectName: "errorBox"
        visible: panel.errorTitle !== ""
        Layout.fillWidth: true
        Layout.leftMargin: 10
        Layout.rightMargin: 10
        Layout.bottomMargin: 10
        implicitHeight: errorColumn.implicitHeight + 16
        radius: 4
        color: Theme.errorBackground
        border.color: Theme.error
        ColumnLayout {
            id: errorColumn
            anchors.fill: parent
            anchors.margins: 8
            spacing: 2
            Label {
                objectName: "errorText"
                Layout.fillWidth: true
                text: panel.errorTitle
                wrapMode: Text.Wrap
                color: Theme.error
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: panel.errorDetail
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: 11
            }
        }
        ToolButton {
            anchors.right: parent.right
            anchors.top: parent.top
            text: "\u2715"
            implicitWidth: 24; implicitHeight: 24
            onClicked: { panel.errorTitle = ""; panel.errorDetail = "" }
        }
    }

    Popup {
        id: savePopup
        modal: true
        x: 10; y: 40
        width: panel.width - 20
        padding: 12
        ColumnLayout {
            anchors.fill: parent
            Label { text: qsTr("Profile name") }
            TextField {
                id: saveName
                objectName: "profileName"
                Layout.fillWidth: true
                selectByMouse: true
                onAccepted: saveButton.clicked()
            }
            RowLayout {
                Layout.alignment: Qt.AlignRight
                Button { text: qsTr("Cancel"); onClicked: savePopup.close() }
                Button {
                    id: saveButton
                    text: qsTr("Save")
                    highlighted: true
                    enabled: saveName.text.trim() !== ""
                    onClicked: {
                        if (panel.saveProfile(saveName.text.trim()))
                            savePopup.close()
                    }
                }
            }
        }
    }
}
