// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StompQt
import StompQtMonitor

// The live list: filter bar, column headers, rows (newest at the bottom, followed unless the
// user scrolls up), and the history line with its limit.
ColumnLayout {
    id: root
    spacing: 0

    required property StompMessageModel messages
    required property StompMessageFilterModel visibleMessages
    property var selectedMessage: null
    property int selectedSequence: -1
    property bool follow: true
    readonly property alias destinationFilterField: destinationFilter
    readonly property alias textFilterField: textFilter

    signal messageSelected(var message)

    component HeaderCell: Label {
        height: 24
        verticalAlignment: Text.AlignVCenter
        font.bold: true
        font.pixelSize: 11
        color: Theme.subtleText
        elide: Text.ElideRight
        rightPadding: 8
    }
    component Cell: Text {
        height: Theme.rowHeight
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        rightPadding: 8
        color: Theme.text
        font.pixelSize: 12
    }

    // Column widths, shared by the header and the rows.
    readonly property int timeWidth: 100
    readonly property int destinationWidth: Math.max(120, Math.min(240, width * 0.24))
    readonly property int subscriptionWidth: Math.max(90, Math.min(180, width * 0.19))
    readonly property int sizeWidth: 62

    function selectRow(row) {
        if (row < 0 || row >= list.count)
            return
        list.currentIndex = row
        selectedSequence = visibleMessages.roleValue(row, "sequence")
        selectedMessage = visibleMessages.get(row)
        messageSelected(selectedMessage)
    }

    function followNewest() {
        follow = true
        list.positionViewAtEnd()
    }

    SectionHeader {
        Layout.fillWidth: true
        title: qsTr("Messages")
        subtitle: root.visibleMessages.filtering
                  ? qsTr("%L1 of %L2 shown").arg(root.visibleMessages.count).arg(root.messages.count)
                  : qsTr("%L1 received").arg(root.messages.totalCount)
        ToolButton {
            text: root.follow ? "\u2913 " + qsTr("Following") : "\u2913 " + qsTr("Follow")
            checkable: true
            checked: root.follow
            onClicked: checked ? root.followNewest() : (root.follow = false)
            ToolTip.text: qsTr("Keep the newest message in view (End)")
            ToolTip.visible: hovered
        }
    }

    // Filter bar
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: filterRow.implicitHeight + 12
        color: Theme.panel
        RowLayout {
            id: filterRow
            anchors.fill: parent
            anchors.margins: 6
            spacing: 6
            TextField {
                id: destinationFilter
                objectName: "destinationFilter"
                Layout.preferredWidth: root.width * 0.32
                placeholderText: qsTr("Destination (* and # wildcards)")
                selectByMouse: true
                onTextChanged: root.visibleMessages.destinationFilter = text
            }
            TextField {
                id: textFilter
                objectName: "textFilter"
                Layout.fillWidth: true
                placeholderText: qsTr("Search body and headers (Ctrl+F)")
                selectByMouse: true
                color: root.visibleMessages.validFilter ? Theme.text : Theme.error
                onTextChanged: root.visibleMessages.textFilter = text
            }
            CheckBox {
                text: qsTr("Regex")
                padding: 0
                checked: root.visibleMessages.regularExpression
                onToggled: root.visibleMessages.regularExpression = checked
                ToolTip.text: qsTr("Treat the search as a regular expression")
                ToolTip.visible: hovered
            }
            ToolButton {
                text: "\u2715"
                enabled: destinationFilter.text !== "" || textFilter.text !== ""
                onClicked: { destinationFilter.text = ""; textFilter.text = "" }
                ToolTip.text: qsTr("Clear the filter")
                ToolTip.visible: hovered
            }
        }
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
    }

    // Column headers
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: 24
        color: Theme.panelHeader
        Row {
            anchors.fill: parent
            anchors.leftMargin: 8
            spacing: 0
            HeaderCell { width: root.timeWidth; text: qsTr("Time") }
            HeaderCell { width: root.destinationWidth; text: qsTr("Destination") }
            HeaderCell { width: root.subscriptionWidth; text: qsTr("Subscription") }
            HeaderCell { width: root.sizeWidth; text: qsTr("Size"); horizontalAlignment: Text.AlignRight }
            HeaderCell { width: parent.width - x; text: qsTr("First line of the body"); leftPadding: 8 }
        }
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
    }

    ListView {
        id: list
        objectName: "messageList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        model: root.visibleMessages
        currentIndex: -1
        boundsBehavior: Flickable.StopAtBounds
        highlightMoveDuration: 0
        keyNavigationEnabled: false
        focus: true
        reuseItems: true
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }

        onCountChanged: if (root.follow) Qt.callLater(list.positionViewAtEnd)
        onMovementStarted: root.follow = false
        onMovementEnded: if (atYEnd) root.follow = true

        Keys.onUpPressed: root.selectRow(Math.max(0, currentIndex - 1))
        Keys.onDownPressed: root.selectRow(Math.min(count - 1, currentIndex + 1))
        Keys.onPressed: (event) => {
            if (event.key === Qt.Key_PageUp) {
                root.selectRow(Math.max(0, currentIndex - 20)); event.accepted = true
            } else if (event.key === Qt.Key_PageDown) {
                root.selectRow(Math.min(count - 1, currentIndex + 20)); event.accepted = true
            } else if (event.key === Qt.Key_Home) {
                root.follow = false; root.selectRow(0); event.accepted = true
            } else if (event.key === Qt.Key_End) {
                root.followNewest(); event.accepted = true
            }
        }

        delegate: Rectangle {
            id: row
            required property int index
            required property string timeText
            required property string destination
            required property string subscriptionDestination
            required property int size
            required property string firstLine
            required property bool binary
            required property var sequence

            width: ListView.view.width
            height: Theme.rowHeight
            color: sequence === root.selectedSequence ? Theme.selection
                   : (index % 2 ? Theme.rowAlt : Theme.panel)

            Row {
                anchors.fill: parent
                anchors.leftMargin: 8
                Cell { width: root.timeWidth; text: row.timeText; font.family: Theme.mono; color: Theme.subtleText }
                Cell { width: root.destinationWidth; text: row.destination; elide: Text.ElideMiddle }
                Cell { width: root.subscriptionWidth; text: row.subscriptionDestination; color: Theme.subtleText; elide: Text.ElideMiddle }
                Cell {
                    width: root.sizeWidth
                    horizontalAlignment: Text.AlignRight
                    text: MonitorTools.formatSize(row.size)
                    color: Theme.subtleText
                }
                Cell {
                    width: parent.width - x
                    leftPadding: 8
                    text: row.firstLine
                    font.family: Theme.mono
                    font.italic: row.binary
                    color: row.binary ? Theme.subtleText : Theme.text
                    textFormat: Text.PlainText
                }
            }
            MouseArea {
                anchors.fill: parent
                onClicked: { root.selectRow(row.index); list.forceActiveFocus() }
            }
        }

        Label {
            anchors.centerIn: parent
            width: parent.width - 60
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: list.count === 0
            color: Theme.subtleText
            text: root.messages.count > 0 ? qsTr("No message matches the filter.")
                  : qsTr("Messages appear here as they arrive. Connect and subscribe to a destination to start.")
        }
    }
}
