#!/usr/bin/env bash
# Start or stop a private RabbitMQ node (STOMP + Web-STOMP, loopback only, free ports) whose whole
# state lives in one folder. No systemd, no /var/lib/rabbitmq, its own epmd on its own port.
#
#   tests/brokers/rabbitmq.sh start [DIR]   # DIR defaults to $STOMPQT_BROKER_DIR or build/brokers
#   tests/brokers/rabbitmq.sh stop  [DIR]
#   tests/brokers/rabbitmq.sh status [DIR]
#
# start writes DIR/rabbitmq/env.sh (STOMPQT_RABBITMQ_* exports) and DIR/rabbitmq/rabbitmqctl,
# a wrapper that runs rabbitmqctl against this node.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"
STOMPQT_LOG_TAG=rabbitmq

RABBITMQ_LIB=${STOMPQT_RABBITMQ_LIB:-/usr/lib/rabbitmq/bin}
TIMEOUT=${STOMPQT_BROKER_TIMEOUT:-120}
TEST_USER=stompqt
TEST_PASSCODE=stompqt-secret
TEST_VHOST=stompqt

cmd=${1:-}
base=${2:-${STOMPQT_BROKER_DIR:-$(cd "$here/../.." && pwd)/build/brokers}}
dir=$base/rabbitmq

stop() {
    [ -d "$dir" ] || return 0
    if [ -s "$dir/server.pid" ] && stompqt_group_alive "$(cat "$dir/server.pid")"; then
        kill -CONT -- "-$(cat "$dir/server.pid")" 2>/dev/null || true # in case a test SIGSTOPped it
        # A clean shutdown is quick; the process-group kill below is the fallback.
        timeout 20 "$dir/rabbitmqctl" shutdown >/dev/null 2>&1 || true
    fi
    stompqt_kill_group "$dir/server.pid" 15
    # epmd outlives the node; it is ours (own port, own process group), so kill it too.
    stompqt_kill_group "$dir/epmd.pid" 5
    rm -f "$dir/env.sh"
}

fail() {
    stompqt_log "ERROR: $*"
    stompqt_tail_logs "$dir/server.log" "$dir"/log/*.log "$dir/epmd.log"
    stop
    exit 1
}

# make_tls_files DIR: a test CA, a server certificate for "localhost" only (DNS name, no IP
# address: connecting to 127.0.0.1 is a host name mismatch) and a client certificate, both
# signed by the CA. Fresh for every start; valid for 30 days.
make_tls_files() {
    local tls=$1
    mkdir -p "$tls"
    (
        set -e
        cd "$tls"
        printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' \
            'extendedKeyUsage=serverAuth' 'subjectAltName=DNS:localhost' >server.ext
        printf '%s\n' 'basicConstraints=CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' \
            'extendedKeyUsage=clientAuth' >client.ext
        openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 30 -subj '/CN=StompQt test CA' \
            -keyout ca.key -out ca.pem -addext 'basicConstraints=critical,CA:TRUE' \
            -addext 'keyUsage=critical,keyCertSign,cRLSign'
        local who
        for who in server client; do
            local cn=localhost
            [ "$who" = client ] && cn=stompqt-client
            openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=$cn" -keyout "$who.key" -out "$who.csr"
            openssl x509 -req -sha256 -days 30 -in "$who.csr" -CA ca.pem -CAkey ca.key \
                -CAcreateserial -CAserial ca.srl -extfile "$who.ext" -out "$who.pem"
        done
        # The broker runs as this user; nobody else needs to read the keys.
        chmod 600 ./*.key
    ) >>"$tls/openssl.log" 2>&1
}

start() {
    [ -x "$RABBITMQ_LIB/rabbitmq-server" ] || stompqt_die "$RABBITMQ_LIB/rabbitmq-server not found (run ./run.sh deps)"
    command -v epmd >/dev/null || stompqt_die "epmd not found (erlang-base; run ./run.sh deps)"
    stop
    rm -rf "$dir"
    mkdir -p "$dir/home" "$dir/log" "$dir/mnesia"

    local ports amqp stomp ws dist epmd stomptls
    ports=$(stompqt_pick_ports 6) || stompqt_die "no free ports"
    read -r amqp stomp ws dist epmd stomptls <<<"$(echo $ports)"
    local node="stompqt-$$@localhost"

    # Server and CLI must share the cookie (in $HOME) and the epmd port.
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$dir/home/.erlang.cookie"
    chmod 400 "$dir/home/.erlang.cookie"
    : >"$dir/rabbitmq-env.conf"
    echo '[rabbitmq_stomp,rabbitmq_web_stomp].' >"$dir/enabled_plugins"
    make_tls_files "$dir/tls" || fail "could not generate the TLS test certificates (openssl)"
    cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.1 = 127.0.0.1:$amqp
stomp.listeners.tcp.1 = 127.0.0.1:$stomp
web_stomp.tcp.ip = 127.0.0.1
web_stomp.tcp.port = $ws
stomp.listeners.ssl.1 = 127.0.0.1:$stomptls
ssl_options.cacertfile = $dir/tls/ca.pem
ssl_options.certfile = $dir/tls/server.pem
ssl_options.keyfile = $dir/tls/server.key
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = true
loopback_users.guest = true
log.file.level = info
log.console = false
CONF
    # STOMPQT_RABBITMQ_CPU=N (./run.sh bench sets it): the node runs on CPU N only, with one
    # Erlang scheduler, so that a client measured beside it has the other core to itself.
    local erl_extra='' pin=()
    if [ -n "${STOMPQT_RABBITMQ_CPU:-}" ] && command -v taskset >/dev/null; then
        erl_extra=' +S 1:1 +SDcpu 1:1'
        pin=(taskset -c "$STOMPQT_RABBITMQ_CPU")
        stompqt_log "pinned to CPU $STOMPQT_RABBITMQ_CPU, one scheduler"
    fi
    cat >"$dir/node-env.sh" <<ENV
export HOME='$dir/home'
export RABBITMQ_NODENAME='$node'
export RABBITMQ_CONFIG_FILE='$dir/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$dir/advanced.config'
export RABBITMQ_ENABLED_PLUGINS_FILE='$dir/enabled_plugins'
export RABBITMQ_CONF_ENV_FILE='$dir/rabbitmq-env.conf'
export RABBITMQ_MNESIA_BASE='$dir/mnesia'
export RABBITMQ_LOG_BASE='$dir/log'
export RABBITMQ_DIST_PORT='$dist'
# Port 0: every CLI run gets its own ephemeral distribution port (the default is a fixed range).
export RABBITMQ_CTL_DIST_PORT_MIN=0
export RABBITMQ_CTL_DIST_PORT_MAX=0
# Erlang distribution on loopback only (it listens on every interface by default).
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}$erl_extra'
export RABBITMQ_CTL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
export ERL_EPMD_PORT='$epmd'
export ERL_EPMD_ADDRESS=127.0.0.1
ENV
    cat >"$dir/rabbitmqctl" <<WRAP
#!/bin/sh
# rabbitmqctl for the StompQt test node in $dir
. '$dir/node-env.sh'
exec '$RABBITMQ_LIB/rabbitmqctl' "\$@"
WRAP
    chmod +x "$dir/rabbitmqctl"

    stompqt_log "starting node $node in $dir (stomp $stomp, web-stomp $ws, amqp $amqp, dist $dist, epmd $epmd)"
    stompqt_spawn "$dir/epmd.pid" "$dir/epmd.log" epmd -port "$epmd" -address 127.0.0.1
    local deadline=$((SECONDS + 10))
    until stompqt_port_open "$epmd"; do
        stompqt_pid_alive "$(cat "$dir/epmd.pid")" || fail "epmd exited"
        [ $SECONDS -lt $deadline ] || fail "epmd did not listen on port $epmd within 10s"
        sleep 0.1
    done

    # shellcheck disable=SC1091
    (. "$dir/node-env.sh" && stompqt_spawn "$dir/server.pid" "$dir/server.log" ${pin[@]+"${pin[@]}"} "$RABBITMQ_LIB/rabbitmq-server")

    deadline=$((SECONDS + TIMEOUT))
    local p
    for p in "$stomp" "$ws" "$amqp" "$stomptls"; do
        until stompqt_port_open "$p"; do
            stompqt_group_alive "$(cat "$dir/server.pid")" || fail "rabbitmq-server exited during startup"
            [ $SECONDS -lt $deadline ] || fail "RabbitMQ did not listen on port $p within ${TIMEOUT}s"
            sleep 0.25
        done
    done
    local left=$((deadline - SECONDS)); [ $left -gt 5 ] || left=5
    timeout $((left + 5)) "$dir/rabbitmqctl" await_startup --timeout "$left" >>"$dir/ctl.log" 2>&1 \
        || fail "rabbitmqctl await_startup failed (see $dir/ctl.log)"

    {
        "$dir/rabbitmqctl" add_vhost "$TEST_VHOST"
        "$dir/rabbitmqctl" add_user "$TEST_USER" "$TEST_PASSCODE"
        "$dir/rabbitmqctl" set_permissions -p "$TEST_VHOST" "$TEST_USER" '.*' '.*' '.*'
        "$dir/rabbitmqctl" set_permissions -p / "$TEST_USER" '.*' '.*' '.*'
        "$dir/rabbitmqctl" set_permissions -p "$TEST_VHOST" guest '.*' '.*' '.*'
    } >>"$dir/ctl.log" 2>&1 || fail "could not create the test user/vhost (see $dir/ctl.log)"

    # The Erlang VM itself (for SIGSTOP tests); the pid file holds the process group leader.
    local beam
    beam=$("$dir/rabbitmqctl" eval 'os:getpid().' 2>>"$dir/ctl.log" | tr -dc '0-9')
    [ -n "$beam" ] || beam=$(pgrep -g "$(cat "$dir/server.pid")" beam.smp | head -n 1)
    [ -n "$beam" ] || fail "could not find the pid of the RabbitMQ VM"

    stompqt_write_env "$dir/env.sh" \
        STOMPQT_RABBITMQ_HOST=$STOMPQT_BROKER_HOST \
        STOMPQT_RABBITMQ_PORT=$stomp \
        STOMPQT_RABBITMQ_WS_PORT=$ws \
        STOMPQT_RABBITMQ_AMQP_PORT=$amqp \
        STOMPQT_RABBITMQ_USER=$TEST_USER \
        STOMPQT_RABBITMQ_PASSCODE=$TEST_PASSCODE \
        STOMPQT_RABBITMQ_VHOST=$TEST_VHOST \
        STOMPQT_RABBITMQ_CTL="$dir/rabbitmqctl" \
        STOMPQT_RABBITMQ_PID="$beam" \
        STOMPQT_RABBITMQ_TLS_PORT=$stomptls \
        STOMPQT_TLS_CA="$dir/tls/ca.pem" \
        STOMPQT_TLS_CLIENT_CERT="$dir/tls/client.pem" \
        STOMPQT_TLS_CLIENT_KEY="$dir/tls/client.key"
    stompqt_log "ready: stomp://$STOMPQT_BROKER_HOST:$stomp (vhost $TEST_VHOST), ws://$STOMPQT_BROKER_HOST:$ws/ws, stomp+ssl://localhost:$stomptls"
}

status() {
    if [ -s "$dir/server.pid" ] && stompqt_group_alive "$(cat "$dir/server.pid")"; then
        echo "rabbitmq: running (pgid $(cat "$dir/server.pid"), $dir)"
    else
        echo "rabbitmq: not running"
        return 1
    fi
}

case "$cmd" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac
