// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The title strip of a panel, with room for buttons on the right.
Rectangle {
    id: header
    property alias title: titleLabel.text
    property alias subtitle: subtitleLabel.text
    default property alias tools: toolRow.data

    implicitHeight: 32
    color: Theme.panelHeader
    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 6
        spacing: 6
        Label {
            id: titleLabel
            font.bold: true
            font.pixelSize: 13
            color: Theme.text
        }
        Label {
            id: subtitleLabel
            color: Theme.subtleText
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Row {
            id: toolRow
            spacing: 4
            Layout.alignment: Qt.AlignVCenter
        }
    }
}
