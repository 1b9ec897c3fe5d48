// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StompQt
import StompQtMonitor

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 800
    minimumWidth: 980
    minimumHeight: 600
    visible: true
    color: Theme.window
    title: client.state === StompClient.Connected
           ? qsTr("StompQt Monitor – %1").arg(client.currentBroker || client.host + ":" + client.port)
           : qsTr("StompQt Monitor")

    property var selectedMessage: null

    component BarButton: ToolButton {
        id: barButton
        property string shortcutText
        contentItem: Label {
            text: barButton.text
            color: Theme.toolbarText
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: 4
            color: barButton.checked ? "#3d4b5e" : barButton.hovered ? "#334052" : "transparent"
        }
        ToolTip.text: shortcutText
        ToolTip.visible: hovered && shortcutText !== ""
        ToolTip.delay: 500
    }


    function notify(text) {
        toast.text = text
        toast.opacity = 1
        toastTimer.restart()
    }

    // Before a --screenshot: show the newest message, preferably one with a JSON body.
    function prepareScreenshot() {
        const rows = visibleMessages.count
        for (let row = rows - 1; row >= Math.max(0, rows - 50); --row) {
            if (MonitorTools.prettyJson(visibleMessages.get(row).body) !== "") {
                messageList.selectRow(row)
                return
            }
        }
        if (rows > 0)
            messageList.selectRow(rows - 1)
    }

    function exportVisible() {
        exportPath.text = MonitorTools.defaultExportPath()
        exportDialog.open()
    }

    // --- the model layer: client in its worker thread, batched and bounded messages ---------

    StompClient {
        id: client
        objectName: "client"
        listenerMode: StompClient.WorkerThread
        socketTimeout: 5000
    }

    StompMessageModel {
        id: messageModel
        objectName: "messageModel"
        client: client
        capacity: historyLimit.value
    }

    StompMessageFilterModel {
        id: visibleMessages
        objectName: "filterModel"
        messages: messageModel
    }

    MessageRateHistory {
        id: rates
        client: client
        seconds: 60
    }

    ProfileStore { id: profiles }

    // --- tool bar ---------------------------------------------------------------------------

    header: ToolBar {
        background: Rectangle { color: Theme.toolbar }
        implicitHeight: 46
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 8
            spacing: 10

            Label {
                text: "STOMP"
                color: Theme.toolbarText
                font.bold: true
                font.pixelSize: 16
                font.letterSpacing: 1
            }
            Label {
                text: qsTr("Monitor")
                color: "#a9b4c2"
                font.pixelSize: 16
            }
            Rectangle { width: 1; height: 24; color: "#475262" }
            StatePill {
                id: statePill
                clientState: client.state
                failed: connectionPanel.errorTitle !== ""
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                color: "#c8d1dc"
                text: client.state === StompClient.Connected
                      ? qsTr("%1 · STOMP %2 · %3").arg(client.currentBroker || client.host + ":" + client.port)
                            .arg(client.version).arg(client.server)
                      : connectionPanel.errorTitle
            }

            BarButton {
                id: pauseButton
                objectName: "pauseButton"
                checkable: true
                checked: messageModel.paused
                text: messageModel.paused
                      ? "\u25b6 " + qsTr("Resume") + (messageModel.pendingCount > 0 ? " (" + messageModel.pendingCount + ")" : "")
                      : "\u275a\u275a " + qsTr("Pause")
                onClicked: messageModel.paused = !messageModel.paused
                shortcutText: qsTr("Pause or resume the list (Ctrl+P)")
            }
            BarButton {
                text: "\u2327 " + qsTr("Clear")
                onClicked: { messageModel.clear(); rates.clear(); window.selectedMessage = null }
                shortcutText: qsTr("Clear the list (Ctrl+L)")
            }
            BarButton {
                objectName: "exportButton"
                text: "\u2913 " + qsTr("Export")
                onClicked: window.exportVisible()
                shortcutText: qsTr("Export the visible messages as JSON lines (Ctrl+E)")
            }
            ComboBox {
                id: languageBox
                objectName: "languageBox"
                Layout.preferredWidth: 150
                textRole: "name"
                valueRole: "code"
                model: [
                    {code: "", name: qsTr("System language")},
                    {code: "en", name: "English"},
                    {code: "de", name: "Deutsch"},
                    {code: "fr", name: "Français"}
                ]
                Component.onCompleted: currentIndex = indexOfValue(App.language)
                onActivated: App.language = currentValue
                ToolTip.text: qsTr("Language")
                ToolTip.visible: hovered
            }
            BarButton {
                text: "?"
                font.bold: true
                onClicked: shortcutsDialog.open()
                shortcutText: qsTr("Keyboard shortcuts (F1)")
            }
        }
    }

    // --- the three panes --------------------------------------------------------------------

    SplitView {
        id: split
        anchors.fill: parent
        orientation: Qt.Horizontal

        handle: Rectangle {
            implicitWidth: 5
            color: SplitHandle.pressed ? Theme.accent : SplitHandle.hovered ? Theme.border : Theme.window
        }

        // Left: connection and subscriptions
        Rectangle {
            SplitView.preferredWidth: 320
            SplitView.minimumWidth: 280
            clip: true
            color: Theme.panel
            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                ConnectionPanel {
                    id: connectionPanel
                    objectName: "connectionPanel"
                    Layout.fillWidth: true
                    client: client
                    profiles: profiles
                    subscriptionsForProfile: function() { return subscriptionsPanel.list() }
                    onProfileApplied: (s) => {
                        if (s.subscriptions) {
                            try { subscriptionsPanel.restore(JSON.parse(s.subscriptions)) } catch (e) {}
                        }
                    }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                SubscriptionsPanel {
                    id: subscriptionsPanel
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    client: client
                }
            }
        }

        // Centre: the live list and the rate chart
        Rectangle {
            SplitView.fillWidth: true
            SplitView.minimumWidth: 380
            color: Theme.panel
            SplitView {
                anchors.fill: parent
                orientation: Qt.Vertical
                handle: Rectangle {
                    implicitHeight: 5
                    color: SplitHandle.pressed ? Theme.accent : SplitHandle.hovered ? Theme.border : Theme.window
                }
                MessageList {
                    id: messageList
                    objectName: "messagePane"
                    SplitView.fillHeight: true
                    SplitView.minimumHeight: 200
                    messages: messageModel
                    visibleMessages: visibleMessages
                    onMessageSelected: (m) => window.selectedMessage = m
                }
                RateChart {
                    SplitView.preferredHeight: 170
                    SplitView.minimumHeight: 110
                    history: rates
                }
            }
        }

        // Right: message detail and send
        Rectangle {
            SplitView.preferredWidth: 370
            SplitView.minimumWidth: 320
            color: Theme.panel
            ColumnLayout {
                anchors.fill: parent
                spacing: 0
                TabBar {
                    id: rightTabs
                    objectName: "rightTabs"
                    Layout.fillWidth: true
                    TabButton { text: qsTr("Message"); ToolTip.text: "Ctrl+1"; ToolTip.visible: hovered; ToolTip.delay: 500 }
                    TabButton { text: qsTr("Send"); ToolTip.text: "Ctrl+2"; ToolTip.visible: hovered; ToolTip.delay: 500 }
                }
                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: rightTabs.currentIndex
                    MessageDetail {
                        id: detail
                        client: client
                        message: window.selectedMessage
                        onNotify: (text) => window.notify(text)
                    }
                    SendPanel {
                        id: sendPanel
                        client: client
                        onNotify: (text) => window.notify(text)
                    }
                }
            }
        }
    }

    // --- status bar -------------------------------------------------------------------------

    footer: Rectangle {
        implicitHeight: 28
        color: Theme.panelHeader
        Rectangle { width: parent.width; height: 1; color: Theme.border }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 6
            spacing: 16
            Label {
                objectName: "statusState"
                text: statePill.text
                color: statePill.stateColor
                font.bold: true
            }
            Label {
                objectName: "statusCounts"
                text: qsTr("%L1 received · %L2 in the list · %L3 dropped").arg(messageModel.totalCount)
                          .arg(messageModel.count).arg(messageModel.droppedCount)
                color: messageModel.droppedCount > 0 ? Theme.busy : Theme.text
            }
            Label {
                text: qsTr("%L1 msg/s").arg(rates.totalRate)
            }
            Label {
                visible: messageModel.paused
                text: qsTr("Paused: %L1 waiting").arg(messageModel.pendingCount)
                color: Theme.busy
                font.bold: true
            }
            Item { Layout.fillWidth: true }
            Label { text: qsTr("History limit") }
            SpinBox {
                id: historyLimit
                objectName: "historyLimit"
                from: 100
                to: 1000000
                stepSize: 1000
                editable: true
                value: App.initialHistoryLimit > 0 ? App.initialHistoryLimit
                                                   : Number(profiles.value("historyLimit", 10000))
                onValueModified: profiles.setValue("historyLimit", value)
                implicitHeight: 24
                Layout.preferredWidth: 130
                ToolTip.text: qsTr("The oldest messages are dropped beyond this many")
                ToolTip.visible: hovered
            }
        }
    }

    // --- dialogs and notices ----------------------------------------------------------------

    Dialog {
        id: exportDialog
        objectName: "exportDialog"
        title: qsTr("Export visible messages")
        anchors.centerIn: parent
        width: 560
        modal: true
        standardButtons: Dialog.Ok | Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("%n message(s) will be written as JSON lines, one {\"command\", \"headers\", \"body\"} object per line (body_base64 for binary bodies).", "", visibleMessages.count)
            }
            TextField {
                id: exportPath
                objectName: "exportPath"
                Layout.fillWidth: true
                selectByMouse: true
            }
        }
        onAccepted: {
            const n = MonitorTools.exportJsonLines(visibleMessages, exportPath.text)
            window.notify(n < 0 ? MonitorTools.lastError
                                : qsTr("%n message(s) exported to %1.", "", n).arg(MonitorTools.localPath(exportPath.text)))
        }
    }

    Dialog {
        id: shortcutsDialog
        title: qsTr("Keyboard shortcuts")
        anchors.centerIn: parent
        width: 460
        modal: true
        standardButtons: Dialog.Close
        Column {
            spacing: 6
            Repeater {
                model: [
                    ["Ctrl+K", qsTr("Connect / disconnect")],
                    ["Ctrl+N", qsTr("New subscription")],
                    ["Ctrl+F", qsTr("Search messages")],
                    ["Ctrl+P", qsTr("Pause / resume the list")],
                    ["Ctrl+L", qsTr("Clear the list")],
                    ["Ctrl+E", qsTr("Export visible messages")],
                    ["\u2191 \u2193 PgUp PgDn", qsTr("Select a message")],
                    ["End", qsTr("Follow the newest message")],
                    ["Ctrl+Shift+C", qsTr("Copy the body of the selected message")],
                    ["Ctrl+1 / Ctrl+2", qsTr("Message / Send tab")],
                    ["Ctrl+Return", qsTr("Send the message")],
                    ["F1", qsTr("This help")]
                ]
                delegate: Row {
                    required property var modelData
                    spacing: 16
                    Label { width: 150; text: modelData[0]; font.family: Theme.mono; font.bold: true }
                    Label { text: modelData[1] }
                }
            }
        }
    }

    Rectangle {
        id: toast
        objectName: "toast"
        property alias text: toastLabel.text
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 24
        width: Math.min(toastLabel.implicitWidth + 32, parent.width - 80)
        height: toastLabel.implicitHeight + 16
        radius: 6
        color: "#2b3440"
        opacity: 0
        visible: opacity > 0
        Behavior on opacity { NumberAnimation { duration: 200 } }
        Label {
            id: toastLabel
            anchors.centerIn: parent
            width: parent.width - 32
            color: "white"
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        Timer { id: toastTimer; interval: 3500; onTriggered: toast.opacity = 0 }
    }

    // --- keyboard ---------------------------------------------------------------------------

    Shortcut { sequence: "Ctrl+K"; onActivated: connectionPanel.toggleConnection() }
    Shortcut { sequence: "Ctrl+N"; onActivated: subscriptionsPanel.focusNew() }
    Shortcut { sequence: StandardKey.Find; onActivated: { messageList.textFilterField.forceActiveFocus(); messageList.textFilterField.selectAll() } }
    Shortcut { sequence: "Ctrl+P"; onActivated: messageModel.paused = !messageModel.paused }
    Shortcut { sequence: "Ctrl+L"; onActivated: { messageModel.clear(); rates.clear(); window.selectedMessage = null } }
    Shortcut { sequence: "Ctrl+E"; onActivated: window.exportVisible() }
    Shortcut { sequence: "Ctrl+Shift+C"; onActivated: detail.copyBody() }
    Shortcut { sequence: "Ctrl+1"; onActivated: rightTabs.currentIndex = 0 }
    Shortcut { sequence: "Ctrl+2"; onActivated: rightTabs.currentIndex = 1 }
    Shortcut { sequences: ["Ctrl+Return", "Ctrl+Enter"]; onActivated: { rightTabs.currentIndex = 1; sendPanel.send() } }
    Shortcut { sequence: "F1"; onActivated: shortcutsDialog.open() }

    // --- start-up: last profile, then the command line ----------------------------------------

    Component.onCompleted: {
        if (profiles.lastUsed !== "" && App.initialUrl === "")
            connectionPanel.loadProfile(profiles.lastUsed)
        const launch = {}
        if (App.initialUrl !== "") launch.url = App.initialUrl
        if (App.initialLogin !== "") launch.login = App.initialLogin
        if (App.initialPasscode !== "") launch.passcode = App.initialPasscode
        if (App.initialVirtualHost !== "") launch.virtualHost = App.initialVirtualHost
        if (App.initialCaFile !== "") launch.tlsCaFile = App.initialCaFile
        if (App.initialCertFile !== "") launch.tlsCertFile = App.initialCertFile
        if (App.initialKeyFile !== "") launch.tlsKeyFile = App.initialKeyFile
        if (Object.keys(launch).length > 0)
            connectionPanel.apply(launch)
        for (const destination of App.initialSubscriptions)
            subscriptionsPanel.add(destination, StompClient.AckAuto, "")
        if (App.autoConnect)
            connectionPanel.connectToBroker()
    }
}
