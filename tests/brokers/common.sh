# Shared helpers for the broker scripts (sourced, not executed).
# Everything here is bounded: every wait has a deadline.

STOMPQT_BROKER_HOST=127.0.0.1

stompqt_log() { printf '[%s] %s\n' "${STOMPQT_LOG_TAG:-brokers}" "$*" >&2; }
stompqt_die() { stompqt_log "ERROR: $*"; exit 1; }

stompqt_python() {
    # /usr/bin/python3 first: it is the Debian interpreter (python3-stomp lives there).
    if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3
    elif command -v python3 >/dev/null 2>&1; then command -v python3
    else stompqt_die "python3 is needed to pick free ports (run ./run.sh deps)"; fi
}

# stompqt_pick_ports N -> N distinct ports, free on 127.0.0.1 right now, one per line.
# Picked at random below the kernel's ephemeral range so outgoing connections do not grab them
# between the pick and the broker's bind; two runs picking at the same time rarely meet.
stompqt_pick_ports() {
    "$(stompqt_python)" - "$1" <<'PY'
import random, socket, sys
n = int(sys.argv[1])
lo, hi = 20000, 32000
try:
    with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
        eph_lo = int(f.read().split()[0])
    hi = min(hi, eph_lo - 1)
except OSError:
    pass
picked = []
for port in random.sample(range(lo, hi), hi - lo):
    if len(picked) == n:
        break
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", port))
        picked.append(port)
    except OSError:
        pass
    finally:
        s.close()
if len(picked) != n:
    sys.exit("could not find %d free ports" % n)
print("\n".join(map(str, picked)))
PY
}

# stompqt_port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
stompqt_port_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/$STOMPQT_BROKER_HOST/$1" 2>/dev/null
}

# stompqt_spawn PIDFILE LOGFILE CMD...: start CMD in its own session (so stop can kill the whole
# process group), detached from our stdio, and record the pid (= process group id).
stompqt_spawn() {
    local pidfile=$1 logfile=$2
    shift 2
    setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &
    local waited=0
    while [ ! -s "$pidfile" ] && [ $waited -lt 50 ]; do sleep 0.1; waited=$((waited + 1)); done
    [ -s "$pidfile" ] || stompqt_die "could not start $1"
}

stompqt_pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# stompqt_group_alive PGID: true while any process of that group exists.
stompqt_group_alive() { [ -n "${1:-}" ] && kill -0 -- "-$1" 2>/dev/null; }

# stompqt_kill_group PIDFILE [GRACE_SECONDS]: TERM the process group, wait, then KILL it.
stompqt_kill_group() {
    local pidfile=$1 grace=${2:-15} pgid
    [ -s "$pidfile" ] || return 0
    pgid=$(cat "$pidfile")
    if stompqt_group_alive "$pgid"; then
        # A test may have left the broker SIGSTOPped: a stopped process ignores TERM.
        kill -CONT -- "-$pgid" 2>/dev/null || true
        kill -TERM -- "-$pgid" 2>/dev/null || true
        local i=0
        while stompqt_group_alive "$pgid" && [ $i -lt $((grace * 10)) ]; do sleep 0.1; i=$((i + 1)); done
        if stompqt_group_alive "$pgid"; then
            stompqt_log "process group $pgid did not stop after ${grace}s, killing it"
            kill -KILL -- "-$pgid" 2>/dev/null || true
            sleep 0.2
        fi
    fi
    rm -f "$pidfile"
}

# stompqt_tail_logs FILE...: print the end of each log that exists (for failures).
stompqt_tail_logs() {
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        echo "----- last lines of $f -----" >&2
        tail -n 40 "$f" >&2
        echo "-----" >&2
    done
}

# stompqt_write_env FILE NAME=VALUE...: write shell-quoted export lines.
stompqt_write_env() {
    local file=$1 kv
    shift
    : >"$file.tmp"
    for kv in "$@"; do
        printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}" >>"$file.tmp"
    done
    mv "$file.tmp" "$file"
}
