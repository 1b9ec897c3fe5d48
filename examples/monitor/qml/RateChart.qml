// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import StompQtMonitor

// Messages per second over the last minute, one line per destination (the busiest few).
ColumnLayout {
    id: chart
    spacing: 0

    required property MessageRateHistory history

    // A round top for the y axis: four steps of 1, 2 or 5 × 10^k.
    function niceMax(v) {
        const rough = Math.max(v, 4) / 4
        const p = Math.pow(10, Math.floor(Math.log10(rough)))
        for (const m of [1, 2, 5, 10]) {
            if (rough <= m * p) return 4 * m * p
        }
        return 40 * p
    }

    SectionHeader {
        Layout.fillWidth: true
        title: qsTr("Rate")
        subtitle: qsTr("messages per second, last %1 s · now %L2/s · peak %L3/s")
                  .arg(chart.history.seconds).arg(chart.history.totalRate).arg(chart.history.peakRate)
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        spacing: 0

        Canvas {
            id: canvas
            objectName: "rateChart"
            Layout.fillWidth: true
            Layout.fillHeight: true
            renderStrategy: Canvas.Immediate
            property real yMax: chart.niceMax(chart.history.maxRate)

            Connections {
                target: chart.history
                function onUpdated() { canvas.requestPaint() }
            }
            onWidthChanged: requestPaint()
            onHeightChanged: requestPaint()

            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.fillStyle = Theme.panel
                ctx.fillRect(0, 0, width, height)
                const left = 48, right = 10, top = 10, bottom = 20
                const w = width - left - right, h = height - top - bottom
                if (w <= 0 || h <= 0)
                    return
                ctx.font = "10px sans-serif"
                ctx.textBaseline = "middle"
                ctx.lineWidth = 1
                // Horizontal grid with labels.
                for (let i = 0; i <= 4; ++i) {
                    const y = top + h - h * i / 4
                    ctx.strokeStyle = i === 0 ? Theme.border : "#eceef1"
                    ctx.beginPath(); ctx.moveTo(left, Math.round(y) + 0.5); ctx.lineTo(left + w, Math.round(y) + 0.5); ctx.stroke()
                    ctx.fillStyle = Theme.subtleText
                    ctx.textAlign = "right"
                    ctx.fillText(Number(yMax * i / 4).toLocaleString(Qt.locale(), "f", 0), left - 6, y)
                }
                // Time axis: seconds ago.
                const n = chart.history.seconds
                ctx.textAlign = "center"
                ctx.textBaseline = "top"
                for (let s = 0; s <= n; s += 15) {
                    const x = left + w - w * s / n
                    ctx.fillStyle = Theme.subtleText
                    ctx.textAlign = s === 0 ? "right" : s === n ? "left" : "center"
                    ctx.fillText(s === 0 ? qsTr("now") : qsTr("-%1 s").arg(s), s === 0 ? x + 4 : x, top + h + 5)
                }
                // One line per destination.
                const series = chart.history.series
                for (const s of series) {
                    const values = s.values
                    ctx.strokeStyle = Theme.seriesColor(s.colorIndex)
                    ctx.lineWidth = 1.8
                    ctx.lineJoin = "round"
                    ctx.beginPath()
                    for (let i = 0; i < values.length; ++i) {
                        const x = left + w * i / Math.max(1, values.length - 1)
                        const y = top + h - h * Math.min(values[i], yMax) / yMax
                        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y)
                    }
                    ctx.stroke()
                }
                if (series.length === 0) {
                    ctx.fillStyle = Theme.subtleText
                    ctx.textAlign = "center"
                    ctx.textBaseline = "middle"
                    ctx.font = "12px sans-serif"
                    ctx.fillText(qsTr("No traffic yet"), left + w / 2, top + h / 2)
                }
            }
        }

        // Legend: colour, destination, current rate.
        ListView {
            id: legend
            objectName: "rateLegend"
            Layout.preferredWidth: 200
            Layout.fillHeight: true
            Layout.topMargin: 6
            clip: true
            interactive: false
            model: chart.history.series
            delegate: RowLayout {
                required property var modelData
                width: ListView.view.width - 8
                height: 20
                spacing: 6
                Rectangle { width: 10; height: 10; radius: 2; color: Theme.seriesColor(modelData.colorIndex) }
                Label {
                    Layout.fillWidth: true
                    text: modelData.destination
                    elide: Text.ElideMiddle
                    font.pixelSize: 11
                }
                Label {
                    text: qsTr("%L1/s").arg(modelData.last)
                    font.pixelSize: 11
                    color: Theme.subtleText
                }
            }
        }
    }
}
