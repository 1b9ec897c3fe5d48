// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import StompQt

// The connection state as a coloured dot and a word; always visible in the tool bar.
Rectangle {
    id: pill
    property int clientState: StompClient.Disconnected
    property bool failed: false
    readonly property color stateColor: clientState === StompClient.Connected ? Theme.ok
        : clientState === StompClient.Disconnected ? (failed ? Theme.error : Theme.idle)
        : Theme.busy
    readonly property alias text: label.text

    implicitWidth: row.implicitWidth + 20
    implicitHeight: 26
    radius: height / 2
    color: Qt.rgba(1, 1, 1, 0.10)
    border.color: Qt.rgba(1, 1, 1, 0.25)

    function stateText(s) {
        switch (s) {
        case StompClient.Connected: return qsTr("Connected")
        case StompClient.Connecting: return qsTr("Connecting…")
        case StompClient.Disconnecting: return qsTr("Disconnecting…")
        case StompClient.Reconnecting: return qsTr("Reconnecting…")
        }
        return failed ? qsTr("Connection failed") : qsTr("Disconnected")
    }

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 7
        Rectangle {
            width: 10; height: 10; radius: 5
            anchors.verticalCenter: parent.verticalCenter
            color: pill.stateColor
            SequentialAnimation on opacity {
                running: pill.clientState === StompClient.Connecting || pill.clientState === StompClient.Reconnecting
                loops: Animation.Infinite
                alwaysRunToEnd: true
                NumberAnimation { to: 0.3; duration: 450 }
                NumberAnimation { to: 1; duration: 450 }
            }
        }
        Label {
            id: label
            objectName: "connectionState"
            text: pill.stateText(pill.clientState)
            color: Theme.toolbarText
            font.bold: true
        }
    }
}
