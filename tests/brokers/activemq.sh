#!/usr/bin/env bash
# Start or stop a private ActiveMQ broker (STOMP + OpenWire on loopback, free ports, no JMX, no
# web console) whose whole state lives in one folder, with one authenticated user so that an
# authentication failure can be tested.
#
#   tests/brokers/activemq.sh start [DIR]   # DIR defaults to $STOMPQT_BROKER_DIR or build/brokers
#   tests/brokers/activemq.sh stop  [DIR]
#   tests/brokers/activemq.sh status [DIR]
#
# start writes DIR/activemq/env.sh (STOMPQT_ACTIVEMQ_* exports).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"
STOMPQT_LOG_TAG=activemq

ACTIVEMQ_HOME=${STOMPQT_ACTIVEMQ_HOME:-/usr/share/activemq}
TIMEOUT=${STOMPQT_BROKER_TIMEOUT:-120}
TEST_USER=stompqt
TEST_PASSCODE=stompqt-secret

cmd=${1:-}
base=${2:-${STOMPQT_BROKER_DIR:-$(cd "$here/../.." && pwd)/build/brokers}}
dir=$base/activemq

stop() {
    [ -d "$dir" ] || return 0
    stompqt_kill_group "$dir/java.pid" 15
    rm -f "$dir/env.sh"
}

fail() {
    stompqt_log "ERROR: $*"
    stompqt_tail_logs "$dir/java.log"
    stop
    exit 1
}

start() {
    [ -f "$ACTIVEMQ_HOME/bin/activemq.jar" ] || stompqt_die "$ACTIVEMQ_HOME/bin/activemq.jar not found (run ./run.sh deps)"
    command -v java >/dev/null || stompqt_die "java not found (run ./run.sh deps)"
    stop
    rm -rf "$dir"
    mkdir -p "$dir/conf" "$dir/data" "$dir/tmp"

    local ports stomp openwire
    ports=$(stompqt_pick_ports 2) || stompqt_die "no free ports"
    read -r stomp openwire <<<"$(echo $ports)"

    # useJmx=false and no jetty import: nothing binds a port we did not choose.
    cat >"$dir/conf/activemq.xml" <<XML
<beans xmlns="http://www.springframework.org/schema/beans"
       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans-2.0.xsd
                           http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">
  <broker xmlns="http://activemq.apache.org/schema/core"
          brokerName="stompqt-$$" useJmx="false" persistent="false" schedulerSupport="false"
          dataDirectory="$dir/data" tmpDataDirectory="$dir/data/tmp">
    <managementContext>
      <managementContext createConnector="false"/>
    </managementContext>
    <plugins>
      <simpleAuthenticationPlugin anonymousAccessAllowed="false">
        <users>
          <authenticationUser username="$TEST_USER" password="$TEST_PASSCODE" groups="users,admins"/>
        </users>
      </simpleAuthenticationPlugin>
    </plugins>
    <systemUsage>
      <systemUsage>
        <memoryUsage><memoryUsage limit="128 mb"/></memoryUsage>
        <storeUsage><storeUsage limit="1 gb"/></storeUsage>
        <tempUsage><tempUsage limit="1 gb"/></tempUsage>
      </systemUsage>
    </systemUsage>
    <transportConnectors>
      <transportConnector name="openwire" uri="tcp://127.0.0.1:$openwire"/>
      <transportConnector name="stomp" uri="stomp+nio://127.0.0.1:$stomp"/>
    </transportConnectors>
  </broker>
</beans>
XML
    # Debian's ActiveMQ logs through log4j 1.2: everything goes to java.log.
    cat >"$dir/conf/log4j.properties" <<PROPS
log4j.rootLogger=INFO, out
log4j.logger.org.springframework=WARN
log4j.logger.org.apache.xbean=WARN
log4j.appender.out=org.apache.log4j.ConsoleAppender
log4j.appender.out.layout=org.apache.log4j.PatternLayout
log4j.appender.out.layout.ConversionPattern=%d{HH:mm:ss,SSS} %-5p %c{1} - %m%n
PROPS

    # STOMPQT_ACTIVEMQ_CPU=N (./run.sh bench sets it): the JVM runs on CPU N only and sizes
    # its thread pools for one processor, so that a client measured beside it has the other
    # core to itself (on two shared cores the client's CPU would otherwise slow the broker).
    local pin=() jvm_cpu=()
    if [ -n "${STOMPQT_ACTIVEMQ_CPU:-}" ] && command -v taskset >/dev/null; then
        pin=(taskset -c "$STOMPQT_ACTIVEMQ_CPU")
        jvm_cpu=(-XX:ActiveProcessorCount=1)
        stompqt_log "pinned to CPU $STOMPQT_ACTIVEMQ_CPU"
    fi
    stompqt_log "starting in $dir (stomp $stomp, openwire $openwire)"
    stompqt_spawn "$dir/java.pid" "$dir/java.log" \
        "${pin[@]}" java "${jvm_cpu[@]}" -Xms64m -Xmx"${STOMPQT_ACTIVEMQ_HEAP:-256m}" \
        --add-opens java.base/java.lang=ALL-UNNAMED \
        --add-opens java.base/java.util=ALL-UNNAMED \
        --add-opens java.base/java.util.concurrent=ALL-UNNAMED \
        --add-opens java.base/java.net=ALL-UNNAMED \
        -Djava.awt.headless=true \
        -Djava.io.tmpdir="$dir/tmp" \
        -Dlog4j.configuration="file:$dir/conf/log4j.properties" \
        -Dactivemq.classpath="$dir/conf" \
        -Dactivemq.home="$ACTIVEMQ_HOME" \
        -Dactivemq.base="$dir" \
        -Dactivemq.conf="$dir/conf" \
        -Dactivemq.data="$dir/data" \
        -jar "$ACTIVEMQ_HOME/bin/activemq.jar" start "xbean:file:$dir/conf/activemq.xml"

    local deadline=$((SECONDS + TIMEOUT)) p
    for p in "$stomp" "$openwire"; do
        until stompqt_port_open "$p"; do
            stompqt_group_alive "$(cat "$dir/java.pid")" || fail "java exited during startup"
            [ $SECONDS -lt $deadline ] || fail "ActiveMQ did not listen on port $p within ${TIMEOUT}s"
            sleep 0.25
        done
    done

    stompqt_write_env "$dir/env.sh" \
        STOMPQT_ACTIVEMQ_HOST=$STOMPQT_BROKER_HOST \
        STOMPQT_ACTIVEMQ_PORT=$stomp \
        STOMPQT_ACTIVEMQ_OPENWIRE_PORT=$openwire \
        STOMPQT_ACTIVEMQ_USER=$TEST_USER \
        STOMPQT_ACTIVEMQ_PASSCODE=$TEST_PASSCODE
    stompqt_log "ready: stomp://$STOMPQT_BROKER_HOST:$stomp"
}

status() {
    if [ -s "$dir/java.pid" ] && stompqt_group_alive "$(cat "$dir/java.pid")"; then
        echo "activemq: running (pgid $(cat "$dir/java.pid"), $dir)"
    else
        echo "activemq: not running"
        return 1
    fi
}

case "$cmd" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac
