// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later
pragma Singleton
import QtQuick

// Colours and metrics of the monitor, in one place.
QtObject {
    readonly property color window: "#eef0f3"
    readonly property color panel: "#ffffff"
    readonly property color panelHeader: "#f6f7f9"
    readonly property color border: "#d4d8de"
    readonly property color text: "#1f2328"
    readonly property color subtleText: "#5f6873"
    readonly property color accent: "#2563c9"
    readonly property color selection: "#d6e4fb"
    readonly property color rowAlt: "#f7f8fa"
    readonly property color ok: "#1a7f37"
    readonly property color busy: "#b7791f"
    readonly property color idle: "#8c959f"
    readonly property color error: "#c9252d"
    readonly property color errorBackground: "#fdecec"
    readonly property color toolbar: "#26303d"
    readonly property color toolbarText: "#f2f4f7"
    readonly property var series: ["#2563c9", "#e0701b", "#1a8f4a", "#8250df", "#d1334b", "#0f8fa8", "#b08800", "#6e7781"]
    readonly property string mono: "DejaVu Sans Mono"
    readonly property int spacing: 8
    readonly property int rowHeight: 24

    function seriesColor(index) { return series[index % series.length] }
}
