#!/usr/bin/env bash
# StompQt developer entry point: install dependencies, build, run real brokers, test, demo, bench.
# Run ./run.sh help for the subcommands. Targets Debian 12; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

JOBS=${STOMPQT_JOBS:-2}
BUILD_DIR=$ROOT/build
BROKERS=$ROOT/tests/brokers

DEBIAN_PACKAGES=(
    cmake ninja-build g++ ccache
    qt6-base-dev qt6-declarative-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qtquick qml6-module-qtquick-templates
    qml6-module-qtquick-controls qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
    xvfb xauth libgl1-mesa-dri fonts-dejavu-core imagemagick
    rabbitmq-server activemq python3-stomp
    clang libclang-rt-14-dev
    openssl
)

say() { printf '\n=== %s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

usage() {
    cat <<'EOF'
usage: ./run.sh <command>

  deps                 install missing Debian packages (apt-get; sudo when not root)
  build                configure build/ (once) and build it
  brokers start        start private RabbitMQ + ActiveMQ on free loopback ports
  brokers stop         stop them (and everything they started)
  brokers env          print the STOMPQT_* exports (eval "$(./run.sh brokers env)")
  brokers status       tell whether they run
  test                 deps, build, brokers, ctest, TSan and ASan/UBSan suites, fuzz, install + package consumer
  demo                 send and receive a few messages through the brokers
  bench                Release build in build-release/, run its bench/*/bench_* programs
  help                 this text

Environment: STOMPQT_JOBS (build jobs, 2), STOMPQT_BROKER_DIR (broker state, build/brokers),
STOMPQT_BROKER_TIMEOUT (broker start-up, 120 s), STOMPQT_FUZZ_SECONDS (60),
STOMPQT_CMAKE_ARGS (extra configure arguments), CI (set: missing brokers fail tests instead of skipping).
EOF
}

# ---------------------------------------------------------------------------------------- deps
cmd_deps() {
    local missing=() p
    for p in "${DEBIAN_PACKAGES[@]}"; do
        if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" != "install ok installed" ]; then
            missing+=("$p")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "not root and no sudo: install ${missing[*]}"
        sudo=(sudo)
    fi
    say "installing ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# --------------------------------------------------------------------------------------- build
launcher_args() {
    if command -v ccache >/dev/null; then echo "-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"; fi
}

# configure_once DIR ARGS...: configure DIR unless it already holds a generated build.
configure_once() {
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        # shellcheck disable=SC2046,SC2086
        cmake -S "$ROOT" -B "$dir" -G Ninja $(launcher_args) "$@" ${STOMPQT_CMAKE_ARGS:-}
    fi
}

cmd_build() {
    say "build ($BUILD_DIR)"
    configure_once "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo
    cmake --build "$BUILD_DIR" -j"$JOBS"
}

# ------------------------------------------------------------------------------------- brokers
broker_dir() { echo "${STOMPQT_BROKER_DIR:-$BUILD_DIR/brokers}"; }

brokers_stop() {
    local dir
    dir=$(broker_dir)
    "$BROKERS/rabbitmq.sh" stop "$dir" || true
    "$BROKERS/activemq.sh" stop "$dir" || true
    rm -f "$dir/env.sh"
}

brokers_start() {
    local dir amq_pid
    dir=$(broker_dir)
    mkdir -p "$dir"
    rm -f "$dir/env.sh"
    # Interrupted half-way: stop whatever already runs (the callers reset these traps).
    trap 'brokers_stop; exit 130' INT
    trap 'brokers_stop; exit 143' TERM
    # ActiveMQ starts in about a second, RabbitMQ in about six: start them side by side.
    "$BROKERS/activemq.sh" start "$dir" &
    amq_pid=$!
    if ! "$BROKERS/rabbitmq.sh" start "$dir"; then
        wait "$amq_pid" || true
        brokers_stop
        die "RabbitMQ did not start"
    fi
    if ! wait "$amq_pid"; then
        brokers_stop
        die "ActiveMQ did not start"
    fi
    cat "$dir/rabbitmq/env.sh" "$dir/activemq/env.sh" >"$dir/env.sh"
    echo "broker environment: $dir/env.sh"
    sed 's/^/  /' "$dir/env.sh"
}

brokers_env() {
    local env
    env=$(broker_dir)/env.sh
    [ -f "$env" ] || die "brokers are not running ($env missing): ./run.sh brokers start"
    cat "$env"
}

cmd_brokers() {
    case "${1:-}" in
        start) brokers_start; trap - INT TERM ;;
        stop) brokers_stop ;;
        env) brokers_env ;;
        status)
            local rc=0
            "$BROKERS/rabbitmq.sh" status "$(broker_dir)" || rc=1
            "$BROKERS/activemq.sh" status "$(broker_dir)" || rc=1
            return $rc ;;
        *) usage >&2; exit 2 ;;
    esac
}

# Start private brokers for this run only (own temp folder, so a concurrent run or a
# `./run.sh brokers start` elsewhere does not collide) and stop them whatever happens.
with_private_brokers() {
    STOMPQT_BROKER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/stompqt-brokers.XXXXXX")
    export STOMPQT_BROKER_DIR
    trap 'brokers_stop; rm -rf "$STOMPQT_BROKER_DIR"' EXIT
    say "brokers ($STOMPQT_BROKER_DIR)"
    brokers_start
    # From here on the EXIT trap stops the brokers.
    trap 'exit 130' INT
    trap 'exit 143' TERM
    # shellcheck disable=SC1091
    . "$STOMPQT_BROKER_DIR/env.sh"
}

# ----------------------------------------------------------------------------------------- test
runtime_dir() {
    export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
    mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
}

step_ctest() {
    say "ctest"
    runtime_dir
    ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error -j1 --timeout 300
}

step_fuzz() {
    local fuzz_dir=$ROOT/build-fuzz secs=${STOMPQT_FUZZ_SECONDS:-60}
    if [ ! -f "$ROOT/tests/fuzz/CMakeLists.txt" ]; then
        say "fuzz: skipped (no tests/fuzz/CMakeLists.txt yet)"
        return 0
    fi
    say "fuzz ($fuzz_dir, ${secs}s)"
    command -v clang++ >/dev/null || { echo "clang++ missing (./run.sh deps)"; return 1; }
    if [ ! -f "$fuzz_dir/build.ninja" ]; then
        # shellcheck disable=SC2046
        CC=clang CXX=clang++ cmake -S "$ROOT" -B "$fuzz_dir" -G Ninja $(launcher_args) \
            -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DSTOMPQT_BUILD_FUZZERS=ON -DSTOMPQT_BUILD_QML=OFF -DSTOMPQT_BUILD_TOOLS=OFF \
            -DSTOMPQT_BUILD_EXAMPLES=OFF -DSTOMPQT_BUILD_TESTS=OFF -DSTOMPQT_BUILD_BENCHMARKS=OFF \
            -DSTOMPQT_BUILD_TRANSLATIONS=OFF || return 1
    fi
    cmake --build "$fuzz_dir" -j"$JOBS" --target fuzz_frameparser || return 1

    local corpus=$fuzz_dir/corpus artifacts=$fuzz_dir/artifacts log=$fuzz_dir/fuzz.log
    mkdir -p "$corpus" "$artifacts"
    if [ -d "$ROOT/tests/fuzz/corpus" ]; then cp -a "$ROOT/tests/fuzz/corpus/." "$corpus/"; fi
    local dict=()
    for d in "$ROOT"/tests/fuzz/*.dict; do [ -f "$d" ] && dict=("-dict=$d") && break; done

    local rc=0
    # halt_on_error: a UBSan report must fail the run, not scroll past.
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
        timeout --kill-after=10 $((secs + 120)) \
        "$fuzz_dir/tests/fuzz/fuzz_frameparser" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=30 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" >"$log" 2>&1 || rc=$?
    tail -n 15 "$log"
    if [ $rc -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|libFuzzer)|runtime error:|==[0-9]+==ERROR' "$log"; then
        echo "fuzz: FAILED (exit $rc); full log $log, reproducers in $artifacts:"
        ls -l "$artifacts" || true
        return 1
    fi
    echo "fuzz: no crash in ${secs}s"
}

# sanitized_suites DIR FLAGS TEST...: a build in DIR with FLAGS on the compiler and linker
# (the library and the tests; no QML, tools, examples or benchmarks), then TEST... under ctest.
sanitized_suites() {
    local dir=$1 flags=$2
    shift 2
    local tests=("$@")
    configure_once "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSTOMPQT_BUILD_QML=OFF -DSTOMPQT_BUILD_EXAMPLES=OFF -DSTOMPQT_BUILD_BENCHMARKS=OFF \
        -DSTOMPQT_BUILD_TOOLS=OFF -DSTOMPQT_BUILD_TRANSLATIONS=OFF \
        "-DCMAKE_CXX_FLAGS=$flags" "-DCMAKE_EXE_LINKER_FLAGS=$flags" \
        "-DCMAKE_SHARED_LINKER_FLAGS=$flags" >/dev/null || return 1
    cmake --build "$dir" -j"$JOBS" --target "${tests[@]}" || return 1
    local regex
    regex=$(IFS='|'; echo "${tests[*]}")
    ctest --test-dir "$dir" --output-on-failure --no-tests=error -j1 --timeout 600 -R "^($regex)\$"
}

# The client (both modes), the threaded client and the publisher/queue tests again, built
# with ThreadSanitizer: any report fails (tsan.supp names only Qt's and GLib's own internals).
step_tsan() {
    say "ThreadSanitizer build ($ROOT/build-tsan) and thread tests"
    sanitized_suites "$ROOT/build-tsan" -fsanitize=thread \
        tst_stompclient tst_stompclient_broker tst_stompclient_threads tst_stompmessagequeue tst_stomppublisher \
        tst_stomprandomstreams
}

# Every suite of the library's C++ API (the in-process fake server's malformed and truncated
# frames, stalls, drops and handlers that delete the client; the brokers; TLS; WebSocket; the
# protocol core), built with AddressSanitizer and UBSan: a read of freed memory or past a
# buffer fails the run even where it would not crash. Leak checking is off: Qt and GLib keep
# process-lifetime blocks.
step_asan() {
    say "AddressSanitizer + UBSan build ($ROOT/build-asan) and the library's suites"
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
        sanitized_suites "$ROOT/build-asan" \
        "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
        tst_stompframe tst_stompframeparser tst_stompframeencoder tst_stompclient \
        tst_stompclient_broker tst_stompclient_threads tst_stompfaults tst_stompreconnect \
        tst_stompmessagequeue tst_stomppublisher tst_stomptls tst_stompwebsocket tst_stomprandomstreams
}

step_package() {
    local prefix=$BUILD_DIR/install consumer=$BUILD_DIR/package
    say "package (install to $prefix, build tests/package against it)"
    rm -rf "$prefix" "$consumer"
    cmake --install "$BUILD_DIR" --prefix "$prefix" >/dev/null || return 1
    cmake -S "$ROOT/tests/package" -B "$consumer" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_PREFIX_PATH="$prefix" || return 1
    cmake --build "$consumer" -j"$JOBS" || return 1
    "$consumer/stompqt_package_consumer"
}

cmd_test() {
    cmd_deps
    cmd_build
    with_private_brokers

    local failed=()
    step_ctest || failed+=(ctest)
    step_tsan || failed+=(tsan)
    step_asan || failed+=(asan)
    # The remaining steps do not need the brokers: give their CPU back.
    say "stopping brokers"
    brokers_stop
    step_fuzz || failed+=(fuzz)
    step_package || failed+=(package)

    if [ ${#failed[@]} -ne 0 ]; then
        say "FAILED: ${failed[*]}"
        exit 1
    fi
    say "all passed"
}

# ----------------------------------------------------------------------------------------- demo
# show_frame FRAME: one line per frame, "|" between headers, "||" before the body.
show_frame() {
    local frame=$1
    while [[ $frame == $'\n'* ]]; do frame=${frame#$'\n'}; done # EOLs between frames
    local head=${frame%%$'\n\n'*} body=${frame#*$'\n\n'}
    printf '<<< %s || %s\n' "${head//$'\n'/ | }" "$body"
}

# raw_stomp NAME PORT LOGIN PASSCODE VHOST: connect with a bare socket, show CONNECTED, then send
# three messages to a queue and receive them back.
raw_stomp() {
    local name=$1 port=$2 login=$3 passcode=$4 vhost=$5 frame i queue=/queue/stompqt-demo
    say "$name on 127.0.0.1:$port (raw STOMP over bash /dev/tcp)"
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'CONNECT\naccept-version:1.0,1.1,1.2\nhost:%s\nlogin:%s\npasscode:%s\n\n\0' \
        "$vhost" "$login" "$passcode" >&3
    IFS= read -r -d '' -t 10 frame <&3 || { exec 3>&-; die "$name: no answer to CONNECT"; }
    show_frame "$frame"
    [[ $frame == CONNECTED* ]] || { exec 3>&-; die "$name: expected CONNECTED"; }
    printf 'SUBSCRIBE\nid:demo\ndestination:%s\nack:auto\n\n\0' "$queue" >&3
    for i in 1 2 3; do
        printf 'SEND\ndestination:%s\ncontent-type:text/plain\n\nhello %s from StompQt\0' "$queue" "$i" >&3
        echo ">>> SEND $queue: hello $i from StompQt"
    done
    for i in 1 2 3; do
        IFS= read -r -d '' -t 10 frame <&3 || { exec 3>&-; die "$name: message $i did not arrive"; }
        show_frame "$frame"
    done
    printf 'DISCONNECT\nreceipt:bye\n\n\0' >&3
    IFS= read -r -d '' -t 10 frame <&3 || true
    show_frame "$frame"
    exec 3>&-
}

# The monitor with live traffic from the demo publisher: a window when there is a display,
# otherwise a headless run that saves a screenshot.
demo_monitor() {
    local url=$1
    local monitor=$BUILD_DIR/examples/monitor/stompqt-monitor
    local publisher=$BUILD_DIR/examples/monitor/stompqt-demo-publisher
    if [ ! -x "$monitor" ] || [ ! -x "$publisher" ]; then
        echo "(the monitor is not built: QML parts off?)"
        return 0
    fi
    runtime_dir
    say "stompqt-demo-publisher (JSON, text and binary messages on /topic/demo.*)"
    "$publisher" --url "$url" --rate 60 --duration "${STOMPQT_DEMO_SECONDS:-20}" >/dev/null 2>&1 &
    local pub_pid=$!
    local shot=$BUILD_DIR/monitor-demo.png
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${STOMPQT_DEMO_HEADLESS:-}" ]; then
        say "stompqt-monitor (close the window to end the demo)"
        "$monitor" --url "$url" --subscribe '/topic/demo.#' || true
    else
        say "stompqt-monitor, headless for 12 s (no display)"
        QT_QPA_PLATFORM=offscreen timeout 60 "$monitor" --url "$url" --subscribe '/topic/demo.#' \
            --screenshot "$shot" --quit-after 12000 || true
        if [ -f "$shot" ]; then
            echo "screenshot of the monitor with live traffic: $shot"
        else
            echo "the monitor did not write a screenshot" >&2
        fi
    fi
    kill "$pub_pid" 2>/dev/null || true
    wait "$pub_pid" 2>/dev/null || true
}

cmd_demo() {
    cmd_deps
    cmd_build
    with_private_brokers
    local tool="" candidate
    for candidate in "$BUILD_DIR/tools/stompqt/stompqt" "$BUILD_DIR/tools/stompqt" "$BUILD_DIR/bin/stompqt"; do
        if [ -f "$candidate" ] && [ -x "$candidate" ]; then tool=$candidate; break; fi
    done
    if [ -n "$tool" ]; then
        local url="stomp://$STOMPQT_RABBITMQ_USER:$STOMPQT_RABBITMQ_PASSCODE@$STOMPQT_RABBITMQ_HOST:$STOMPQT_RABBITMQ_PORT/$STOMPQT_RABBITMQ_VHOST"
        local out=$STOMPQT_BROKER_DIR/subscriber.out sub_pid rc=0
        say "stompqt subscribe (RabbitMQ, vhost $STOMPQT_RABBITMQ_VHOST)"
        "$tool" subscribe --url "$url" --count 3 --timeout 10 --format json /queue/stompqt-demo >"$out" 2>&1 &
        sub_pid=$!
        sleep 1
        say "stompqt send"
        "$tool" send --url "$url" --count 3 /queue/stompqt-demo 'hello {n} from StompQt' || rc=$?
        echo "sent 3 messages (exit $rc)"
        wait "$sub_pid" || rc=$?
        say "subscriber output"
        cat "$out"
        [ $rc -eq 0 ] || die "demo failed (exit $rc)"
        demo_monitor "$url"
    else
        echo "(the stompqt tool is not built yet: raw protocol demo instead)"
        raw_stomp RabbitMQ "$STOMPQT_RABBITMQ_PORT" "$STOMPQT_RABBITMQ_USER" \
            "$STOMPQT_RABBITMQ_PASSCODE" "$STOMPQT_RABBITMQ_VHOST"
        raw_stomp ActiveMQ "$STOMPQT_ACTIVEMQ_PORT" "$STOMPQT_ACTIVEMQ_USER" \
            "$STOMPQT_ACTIVEMQ_PASSCODE" localhost
    fi
}

# ---------------------------------------------------------------------------------------- bench
cmd_bench() {
    cmd_deps
    local dir=$ROOT/build-release
    say "Release build ($dir)"
    configure_once "$dir" -DCMAKE_BUILD_TYPE=Release -DSTOMPQT_BUILD_TESTS=OFF \
        -DSTOMPQT_BUILD_EXAMPLES=OFF -DSTOMPQT_BUILD_BENCHMARKS=ON
    cmake --build "$dir" -j"$JOBS"
    local benches=() b
    # bench/<name>/ folders build bench_<name> executables (bench/bench_* also counts).
    while IFS= read -r b; do benches+=("$b"); done < <(
        find "$dir/bench" -maxdepth 2 -type f -perm -u+x -name 'bench_*' 2>/dev/null | sort)
    if [ ${#benches[@]} -eq 0 ]; then
        echo "no benchmarks built yet ($dir/bench/*/bench_*)"
        return 0
    fi
    # bench/peers: stompjs + tcp-wrapper from npm (bench/peers/package-lock.json), gnuplot for the chart.
    if [ -f "$ROOT/bench/peers/package-lock.json" ] && [ ! -d "$ROOT/bench/peers/node_modules/@stomp" ]; then
        command -v npm >/dev/null || die "npm missing: apt-get install npm (bench/peers runs stompjs)"
        (cd "$ROOT/bench/peers" && npm ci --no-audit --no-fund)
    fi
    if [ -d "$ROOT/bench/peers" ] && ! command -v gnuplot >/dev/null; then
        local sudo=()
        [ "$(id -u)" -ne 0 ] && sudo=(sudo)
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends gnuplot-nox \
            || echo "gnuplot-nox not installed: bench_peers writes no chart"
    fi
    # The peer comparison fills a fresh ActiveMQ queue per run: more heap than the tests need.
    export STOMPQT_ACTIVEMQ_HEAP=${STOMPQT_ACTIVEMQ_HEAP:-1g}
    # Both brokers on one core (taskset; one Erlang scheduler, a JVM sized for one processor):
    # the measured client gets the other, so its CPU does not slow the broker it is measured by.
    export STOMPQT_RABBITMQ_CPU=${STOMPQT_RABBITMQ_CPU:-0}
    export STOMPQT_ACTIVEMQ_CPU=${STOMPQT_ACTIVEMQ_CPU:-0}
    # ... and bench/peers/driver.py pins the measured client to that other core.
    if [ "$(nproc)" -ge 2 ] && [ "$STOMPQT_RABBITMQ_CPU" = 0 ] && [ "$STOMPQT_ACTIVEMQ_CPU" = 0 ]; then
        export STOMPQT_CLIENT_CPU=${STOMPQT_CLIENT_CPU:-1}
    fi
    with_private_brokers
    for b in "${benches[@]}"; do
        say "$(basename "$b")"
        "$b"
    done
}

# ----------------------------------------------------------------------------------------- main
case "${1:-help}" in
    deps) cmd_deps ;;
    build) cmd_deps; cmd_build ;;
    brokers) shift; cmd_brokers "$@" ;;
    test) cmd_test ;;
    demo) cmd_demo ;;
    bench) cmd_bench ;;
    help | -h | --help) usage ;;
    *) usage >&2; exit 2 ;;
esac
