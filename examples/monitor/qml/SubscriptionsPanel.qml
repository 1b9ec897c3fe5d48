// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import StompQt
import StompQtMonitor

// Destinations to watch: add/remove with ack mode and extra headers; count and rate of each.
ColumnLayout {
    id: panel
    spacing: 0

    required property StompClient client
    readonly property int count: entries.count
    readonly property alias objects: subscriptionObjects

    readonly property var ackModes: [StompClient.AckAuto, StompClient.AckClient, StompClient.AckClientIndividual]
    readonly property var ackNames: ["auto", "client", "client-individual"]

    function add(destination, ackMode, headersText) {
        destination = destination.trim()
        if (destination === "")
            return false
        for (let i = 0; i < entries.count; ++i) {
            const e = entries.get(i)
            if (e.destination === destination && e.ackMode === ackMode && e.headersText === headersText)
                return false
        }
        entries.append({destination: destination, ackMode: ackMode || StompClient.AckAuto,
                        headersText: headersText || "", wanted: true})
        return true
    }

    function remove(index) { entries.remove(index) }
    function clear() { entries.clear() }

    // [{destination, ackMode, headers}] for profiles.
    function list() {
        const result = []
        for (let i = 0; i < entries.count; ++i) {
            const e = entries.get(i)
            result.push({destination: e.destination, ackMode: e.ackMode, headers: e.headersText})
        }
        return result
    }

    function restore(list) {
        entries.clear()
        for (const s of list || [])
            add(s.destination, s.ackMode, s.headers || "")
    }

    function focusNew() { newDestination.forceActiveFocus(); newDestination.selectAll() }

    ListModel { id: entries }

    Instantiator {
        id: subscriptionObjects
        model: entries
        delegate: StompSubscription {
            client: panel.client
            destination: model.destination
            ackMode: model.ackMode
            headers: MonitorTools.parseHeaders(model.headersText.replace(/;/g, "\n"))
            enabled: model.wanted
            // The monitor looks, it does not keep: messages of client modes are acknowledged.
            autoAcknowledge: true
        }
    }

    SectionHeader {
        Layout.fillWidth: true
        title: qsTr("Subscriptions")
        subtitle: entries.count > 0 ? "(" + entries.count + ")" : ""
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.margins: 10
        spacing: 6
        TextField {
            id: newDestination
            objectName: "newSubscriptionDestination"
            Layout.fillWidth: true
            placeholderText: qsTr("Destination, e.g. /topic/# or /queue/orders")
            selectByMouse: true
            onAccepted: addButton.clicked()
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 6
            ComboBox {
                id: ackBox
                objectName: "newSubscriptionAck"
                model: panel.ackNames
                Layout.preferredWidth: 150
                ToolTip.text: qsTr("Ack mode. In client modes the monitor acknowledges every message it shows.")
                ToolTip.visible: hovered
            }
            TextField {
                id: extraHeaders
                Layout.fillWidth: true
                placeholderText: qsTr("Headers: name: value; …")
                selectByMouse: true
                onAccepted: addButton.clicked()
            }
        }
        Button {
            id: addButton
            objectName: "addSubscriptionButton"
            Layout.fillWidth: true
            text: qsTr("Subscribe")
            enabled: newDestination.text.trim() !== ""
            onClicked: {
                if (panel.add(newDestination.text, panel.ackModes[ackBox.currentIndex], extraHeaders.text))
                    newDestination.text = ""
            }
        }
    }

    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

    ListView {
        id: list
        objectName: "subscriptionList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: 60
        clip: true
        model: entries
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        delegate: Rectangle {
            id: row
            required property int index
            required property string destination
            required property int ackMode
            required property string headersText
            required property bool wanted
            // Depends on count so that it is looked up again once the object exists.
            readonly property var sub: subscriptionObjects.count >= 0 ? subscriptionObjects.objectAt(index) : null

            width: ListView.view.width
            height: 48
            color: index % 2 ? Theme.rowAlt : Theme.panel

            Rectangle {
                x: 10
                anchors.verticalCenter: parent.verticalCenter
                width: 9; height: 9; radius: 4.5
                color: row.sub && row.sub.active ? Theme.ok : (row.wanted ? Theme.busy : Theme.idle)
            }
            ColumnLayout {
                anchors.left: parent.left
                anchors.leftMargin: 26
                anchors.right: tools.left
                anchors.verticalCenter: parent.verticalCenter
                spacing: 1
                Label {
                    Layout.fillWidth: true
                    text: row.destination
                    elide: Text.ElideMiddle
                    font.bold: true
                    color: row.wanted ? Theme.text : Theme.subtleText
                }
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    color: Theme.subtleText
                    font.pixelSize: 11
                    text: {
                        const s = row.sub
                        const stats = s ? qsTr("%L1 msgs · %2/s").arg(s.messageCount).arg(Number(s.rate).toLocaleString(Qt.locale(), "f", 1)) : ""
                        return panel.ackNames[row.ackMode] + (row.headersText ? " · " + row.headersText : "") + " · " + stats
                    }
                }
            }
            Row {
                id: tools
                anchors.right: parent.right
                anchors.rightMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                Switch {
                    checked: row.wanted
                    scale: 0.75
                    onToggled: entries.setProperty(row.index, "wanted", checked)
                    ToolTip.text: checked ? qsTr("Pause this subscription (unsubscribe)") : qsTr("Subscribe again")
                    ToolTip.visible: hovered
                }
                ToolButton {
                    text: "\u2715"
                    onClicked: panel.remove(row.index)
                    ToolTip.text: qsTr("Unsubscribe and remove")
                    ToolTip.visible: hovered
                }
            }
        }

        Label {
            anchors.centerIn: parent
            width: parent.width - 40
            visible: entries.count === 0
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.subtleText
            text: qsTr("No subscriptions yet. Add a destination above to see its messages.")
        }
    }
}
