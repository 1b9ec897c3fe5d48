// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StompQt
import StompQtMonitor

// Compose and send a message: destination, content-type, headers, body; a receipt is shown
// when it arrives; optionally inside a transaction.
ColumnLayout {
    id: panel
    spacing: 0

    required property StompClient client
    readonly property bool connected: client.state === StompClient.Connected
    property string transaction: ""
    property int transactionFrames: 0
    readonly property var badLines: MonitorTools.badHeaderLines(headersArea.text)

    signal notify(string text)

    function send() {
        const destination = destinationField.text.trim()
        if (!connected || destination === "")
            return false
        const headers = MonitorTools.parseHeaders(headersArea.text)
        const type = contentType.editText.trim()
        if (type !== "")
            headers.unshift(["content-type", type])
        const inTransaction = transaction !== "" && useTransaction.checked
        const receipt = client.send(destination, bodyArea.text, headers,
                                    withReceipt.checked ? StompClient.WithReceipt : 0,
                                    inTransaction ? transaction : "")
        if (inTransaction)
            ++transactionFrames
        sent.insert(0, {
            time: Qt.formatTime(new Date(), "HH:mm:ss"),
            started: Date.now(),
            destination: destination,
            receipt: receipt,
            status: receipt !== "" ? "pending" : "sent",
            detail: inTransaction ? qsTr("in %1").arg(transaction) : ""
        })
        if (sent.count > 200)
            sent.remove(200, sent.count - 200)
        return true
    }

    function receiptArrived(id) {
        for (let i = 0; i < sent.count; ++i) {
            if (sent.get(i).receipt === id) {
                sent.setProperty(i, "status", "confirmed")
                sent.setProperty(i, "detail", qsTr("after %L1 ms").arg(Date.now() - sent.get(i).started))
                return
            }
        }
    }

    function receiptFailed(id) {
        for (let i = 0; i < sent.count; ++i) {
            if (sent.get(i).receipt === id) {
                sent.setProperty(i, "status", "failed")
                return
            }
        }
    }

    function begin() {
        transaction = client.begin()
        transactionFrames = 0
        useTransaction.checked = true
        notify(qsTr("Transaction %1 started.").arg(transaction))
    }

    function commit() {
        const receipt = client.commit(transaction, StompClient.WithReceipt)
        sent.insert(0, {time: Qt.formatTime(new Date(), "HH:mm:ss"), started: Date.now(),
                        destination: qsTr("COMMIT %1").arg(transaction), receipt: receipt,
                        status: "pending", detail: ""})
        transaction = ""
    }

    function rollback() {
        client.rollback(transaction)
        notify(qsTr("Transaction %1 aborted; %n message(s) discarded.", "", transactionFrames).arg(transaction))
        transaction = ""
    }

    function statusText(status) {
        switch (status) {
        case "pending": return qsTr("waiting for receipt…")
        case "confirmed": return qsTr("receipt received")
        case "failed": return qsTr("no receipt")
        }
        return qsTr("sent")
    }

    Connections {
        target: panel.client
        function onReceiptReceived(id) { panel.receiptArrived(id) }
        function onErrorOccurred(error, text) {
            if (error === StompClient.ReceiptTimeout)
                panel.receiptFailed(text)
        }
        function onDisconnected() { panel.transaction = "" }
    }

    ListModel { id: sent }


    GridLayout {
        Layout.fillWidth: true
        Layout.margins: 10
        columns: 2
        columnSpacing: 8
        rowSpacing: 6

        Label { text: qsTr("Destination") }
        TextField {
            id: destinationField
            objectName: "sendDestination"
            Layout.fillWidth: true
            placeholderText: "/queue/example"
            selectByMouse: true
        }
        Label { text: qsTr("Content type") }
        ComboBox {
            id: contentType
            Layout.fillWidth: true
            editable: true
            model: ["text/plain", "application/json", "application/xml", "application/octet-stream", ""]
        }
        Label {
            text: qsTr("Headers")
            Layout.alignment: Qt.AlignTop
            topPadding: 6
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            TextArea {
                id: headersArea
                objectName: "sendHeaders"
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                placeholderText: qsTr("name: value, one per line")
                font.family: Theme.mono
                selectByMouse: true
                wrapMode: TextEdit.NoWrap
                background: Rectangle { border.color: panel.badLines.length ? Theme.error : Theme.border; color: Theme.panel }
            }
            Label {
                visible: panel.badLines.length > 0
                color: Theme.error
                font.pixelSize: 11
                text: qsTr("Line %1 is not \"name: value\" and is left out.").arg(panel.badLines.join(", "))
            }
        }
    }

    Label {
        text: qsTr("Body")
        font.bold: true
        Layout.leftMargin: 10
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 70
        Layout.leftMargin: 10
        Layout.rightMargin: 10
        background: Rectangle { color: Theme.panel; border.color: Theme.border }
        TextArea {
            id: bodyArea
            objectName: "sendBody"
            font.family: Theme.mono
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            placeholderText: "{\"hello\": \"world\"}"
            background: null
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.margins: 10
        spacing: 6
        CheckBox {
            id: withReceipt
            text: qsTr("Ask for a receipt")
            checked: true
            padding: 0
            Layout.fillWidth: true
        }
        CheckBox {
            id: useTransaction
            text: qsTr("In transaction")
            enabled: panel.transaction !== ""
            checked: false
            padding: 0
            Layout.fillWidth: true
        }
        Button {
            id: sendButton
            objectName: "sendButton"
            text: qsTr("Send")
            highlighted: true
            enabled: panel.connected && destinationField.text.trim() !== ""
            onClicked: panel.send()
            ToolTip.text: qsTr("Send (Ctrl+Return)")
            ToolTip.visible: hovered
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.leftMargin: 10
        Layout.rightMargin: 10
        Layout.bottomMargin: 6
        spacing: 6
        Label {
            Layout.fillWidth: true
            elide: Text.ElideRight
            color: panel.transaction !== "" ? Theme.busy : Theme.subtleText
            text: panel.transaction !== ""
                  ? qsTr("Transaction %1: %n message(s)", "", panel.transactionFrames).arg(panel.transaction)
                  : qsTr("No transaction")
        }
        Button {
            text: qsTr("Begin")
            enabled: panel.connected && panel.transaction === ""
            onClicked: panel.begin()
        }
        Button {
            text: qsTr("Commit")
            enabled: panel.connected && panel.transaction !== ""
            onClicked: panel.commit()
        }
        Button {
            text: qsTr("Abort")
            enabled: panel.connected && panel.transaction !== ""
            onClicked: panel.rollback()
        }
    }

    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

    ListView {
        id: sentList
        objectName: "sentList"
        Layout.fillWidth: true
        Layout.preferredHeight: 120
        clip: true
        model: sent
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            required property int index
            required property string time
            required property string destination
            required property string status
            required property string detail
            width: ListView.view.width
            height: 22
            color: index % 2 ? Theme.rowAlt : Theme.panel
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10
                anchors.rightMargin: 10
                spacing: 8
                Label { text: time; color: Theme.subtleText; font.family: Theme.mono; font.pixelSize: 11 }
                Label { text: destination; elide: Text.ElideMiddle; Layout.fillWidth: true }
                Label {
                    text: (status === "confirmed" ? "\u2714 " : status === "failed" ? "\u2716 " : "")
                          + panel.statusText(status) + (detail ? " " + detail : "")
                    color: status === "confirmed" ? Theme.ok : status === "failed" ? Theme.error
                           : status === "pending" ? Theme.busy : Theme.subtleText
                    font.pixelSize: 11
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: sent.count === 0
            color: Theme.subtleText
            text: qsTr("Sent messages and their receipts appear here.")
        }
    }
}
