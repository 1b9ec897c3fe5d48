// Copyright (C) 2026 The StompQt authors. SPDX-License-Identifier: LGPL-3.0-or-later

// Proves an installed StompQt is usable: headers found under <StompQt/...>, the imported target
// carries its Qt dependencies, and the shared library loads and works.

#include <StompQt/stompframe.h>
#include <StompQt/stompframeencoder.h>

#include <cstdio>

int main()
{
    StompFrame f(StompFrame::Send);
    f.setHeader("destination", "/queue/a");
    f.setBody("x");

    const QByteArray wire = StompFrameEncoder::encode(f, StompFrame::Version::V1_2);
    std::fwrite(wire.constData(), 1, size_t(wire.size()), stdout);
    std::fputc('\n', stdout);

    if (!wire.startsWith("SEND\n")) {
        std::fprintf(stderr, "package consumer: unexpected encoding\n");
        return 1;
    }
    std::printf("package consumer: OK\n");
    return 0;
}
