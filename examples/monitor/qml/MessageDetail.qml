// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StompQt
import StompQtMonitor

// One message: headers in wire order, the body as text, pretty JSON or hex; copy; resend.
ColumnLayout {
    id: detail
    spacing: 0

    required property StompClient client
    property var message: null
    readonly property bool hasMessage: message !== null && message !== undefined && message.isValid
    readonly property bool binary: hasMessage && MonitorTools.isBinary(message)
    readonly property string prettyJson: hasMessage && !binary ? MonitorTools.prettyJson(message.body) : ""
    // 0 text, 1 JSON, 2 hex; chosen for each new message, changeable by the user.
    property int bodyMode: 0
    readonly property int maxShownChars: 256 * 1024

    signal notify(string text)

    // The bindings above may not have caught up yet: look at the new message itself.
    onMessageChanged: {
        if (message === null || message === undefined || !message.isValid)
            return
        bodyMode = MonitorTools.isBinary(message) ? 2 : (MonitorTools.prettyJson(message.body) !== "" ? 1 : 0)
        resendDestination.text = message.destination
    }

    function bodyText() {
        if (!hasMessage)
            return ""
        let text
        if (bodyMode === 2)
            text = MonitorTools.hexDump(message.body)
        else if (bodyMode === 1)
            text = prettyJson !== "" ? prettyJson : qsTr("(The body is not JSON.)")
        else
            text = binary ? qsTr("(Binary body: see Hex.)") : message.text
        if (text.length > maxShownChars)
            text = text.substring(0, maxShownChars) + "\n" + qsTr("… (shortened; Copy takes all of it)")
        return text
    }

    function copyBody() {
        if (!hasMessage)
            return
        MonitorTools.copyToClipboard(bodyMode === 2 ? MonitorTools.hexDump(message.body, message.bodySize)
                                     : bodyMode === 1 && prettyJson !== "" ? prettyJson : message.text)
        notify(qsTr("Body copied to the clipboard."))
    }

    function resend() {
        if (!hasMessage || resendDestination.text.trim() === "")
            return
        const receipt = client.send(resendDestination.text.trim(), message.body,
                                    MonitorTools.resendHeaders(message), StompClient.WithReceipt)
        notify(receipt !== "" ? qsTr("Sent again to %1.").arg(resendDestination.text.trim())
                              : qsTr("Not sent: connect first."))
    }


    Label {
        visible: !detail.hasMessage
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: 20
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        color: Theme.subtleText
        text: qsTr("Select a message to see its headers and body.")
    }

    ColumnLayout {
        visible: detail.hasMessage
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.margins: 10
        spacing: 6

        Label {
            objectName: "detailDestination"
            Layout.fillWidth: true
            text: detail.hasMessage ? detail.message.destination : ""
            font.bold: true
            font.pixelSize: 15
            elide: Text.ElideMiddle
        }
        Label {
            Layout.fillWidth: true
            color: Theme.subtleText
            elide: Text.ElideRight
            text: detail.hasMessage
                  ? qsTr("%1 · %2 · %3").arg(Qt.formatDateTime(detail.message.timestamp, "yyyy-MM-dd HH:mm:ss.zzz"))
                                        .arg(MonitorTools.formatBytes(detail.message.bodySize))
                                        .arg(detail.message.contentType || qsTr("no content-type"))
                  : ""
        }

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Headers"); font.bold: true; Layout.fillWidth: true }
            ToolButton {
                text: qsTr("Copy")
                onClicked: {
                    MonitorTools.copyToClipboard(MonitorTools.headersText(detail.message))
                    detail.notify(qsTr("Headers copied to the clipboard."))
                }
            }
        }
        Rectangle {
            id: headersBox
            Layout.fillWidth: true
            // contentHeight taken one event later: a direct binding would feed wrapped rows
            // back into the same layout pass.
            property real wantedHeight: 24
            Layout.preferredHeight: Math.min(wantedHeight + 4, Math.max(120, detail.height * 0.45))
            border.color: Theme.border
            color: Theme.panel
            ListView {
                id: headers
                objectName: "detailHeaders"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                model: detail.hasMessage ? detail.message.headerList : []
                onContentHeightChanged: Qt.callLater(() => { headersBox.wantedHeight = contentHeight })
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    required property int index
                    required property var modelData
                    width: ListView.view.width
                    height: Math.max(22, valueText.implicitHeight + 6)
                    color: index % 2 ? Theme.rowAlt : Theme.panel
                    Text {
                        id: nameText
                        x: 8
                        width: 130
                        height: parent.height
                        verticalAlignment: Text.AlignVCenter
                        text: modelData[0]
                        elide: Text.ElideRight
                        color: Theme.subtleText
                        font.family: Theme.mono
                        font.pixelSize: 12
                    }
                    TextEdit {
                        id: valueText
                        anchors.left: nameText.right
                        anchors.leftMargin: 8
                        anchors.right: parent.right
                        anchors.rightMargin: 8
                        anchors.verticalCenter: parent.verticalCenter
                        text: modelData[1]
                        readOnly: true
                        selectByMouse: true
                        wrapMode: Text.WrapAnywhere
                        color: Theme.text
                        font.family: Theme.mono
                        font.pixelSize: 12
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Body"); font.bold: true }
            TabBar {
                id: modeBar
                objectName: "bodyMode"
                Layout.fillWidth: true
                currentIndex: detail.bodyMode
                onCurrentIndexChanged: detail.bodyMode = currentIndex
                TabButton { text: qsTr("Text") }
                TabButton { text: qsTr("JSON"); enabled: detail.prettyJson !== "" }
                TabButton { text: qsTr("Hex") }
            }
            ToolButton {
                text: qsTr("Copy")
                onClicked: detail.copyBody()
                ToolTip.text: qsTr("Copy the body (Ctrl+Shift+C)")
                ToolTip.visible: hovered
            }
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 80
            background: Rectangle { color: Theme.panel; border.color: Theme.border }
            TextArea {
                id: bodyArea
                objectName: "detailBody"
                readOnly: true
                selectByMouse: true
                wrapMode: detail.bodyMode === 2 ? TextEdit.NoWrap : TextEdit.WrapAnywhere
                font.family: Theme.mono
                font.pixelSize: 12
                textFormat: TextEdit.PlainText
                text: detail.bodyText()
                background: null
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            Label { text: qsTr("Resend to") }
            TextField {
                id: resendDestination
                objectName: "resendDestination"
                Layout.fillWidth: true
                selectByMouse: true
                onAccepted: detail.resend()
            }
            Button {
                text: qsTr("Resend")
                enabled: detail.client.state === StompClient.Connected && resendDestination.text.trim() !== ""
                onClicked: detail.resend()
                ToolTip.text: qsTr("Send this body and its own headers to the destination")
                ToolTip.visible: hovered
            }
        }
    }
}
