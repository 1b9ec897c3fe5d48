#!/usr/bin/python3
# stomp.py (Debian's python3-stomp) on the other end of tst_cli's interop tests.
#
#   stomppy_peer.py receive HOST PORT LOGIN PASSCODE VHOST DESTINATION TIMEOUT_S
#       Subscribes (ack auto), waits for one MESSAGE and prints it as JSON.
#   stomppy_peer.py publish HOST PORT LOGIN PASSCODE VHOST DESTINATION TIMEOUT_S HEADERS_JSON BODY_HEX
#       Subscribes to DESTINATION (a topic) with a receipt, sends BODY with HEADERS to it with a
#       receipt, waits for its own copy and prints that copy as JSON: the same delivery another
#       subscriber of the topic got, as stomp.py parsed it.
#
# Output: one line {"command": ..., "headers": [[name, value], ...], "body_hex": "..."} with the
# headers in the order stomp.py parsed them (wire order; a repeated header keeps its first value).
# Exit codes: 0 ok, 2 connection or server error, 3 timeout.
import json
import sys
import threading

import stomp


class Listener(stomp.ConnectionListener):
    def __init__(self):
        self.messages = []
        self.receipts = set()
        self.errors = []
        self.changed = threading.Condition()

    def _notify(self):
        with self.changed:
            self.changed.notify_all()

    def on_message(self, frame):
        self.messages.append(frame)
        self._notify()

    def on_receipt(self, frame):
        self.receipts.add(frame.headers.get("receipt-id"))
        self._notify()

    def on_error(self, frame):
        self.errors.append(frame)
        self._notify()

    def wait_for(self, predicate, timeout):
        with self.changed:
            return self.changed.wait_for(lambda: predicate() or self.errors, timeout)


def dump(frame):
    print(json.dumps({
        "command": frame.cmd,
        "headers": [[k, v] for k, v in frame.headers.items()],
        "body_hex": bytes(frame.body or b"").hex(),
    }))
    sys.stdout.flush()


def main(argv):
    mode, host, port, login, passcode, vhost, destination, timeout = argv[1:9]
    timeout = float(timeout)
    # vhost= is what selects the virtual host: stomp.py 8's Protocol12.connect() overwrites a
    # 'host' passed in headers= with the host name unless the transport has a vhost.
    conn = stomp.Connection12(host_and_ports=[(host, int(port))], vhost=vhost, auto_decode=False,
                              reconnect_attempts_max=1, timeout=timeout)
    listener = Listener()
    conn.set_listener("peer", listener)
    try:
        conn.connect(login, passcode, wait=True, headers={"host": vhost})
    except Exception as e:  # stomp.py raises its own ConnectFailedException and socket errors
        print("connect failed: %r" % (e,), file=sys.stderr)
        return 2

    conn.subscribe(destination=destination, id="interop", ack="auto", headers={"receipt": "peer-sub"})
    if not listener.wait_for(lambda: "peer-sub" in listener.receipts, timeout) or listener.errors:
        print("no receipt for SUBSCRIBE", file=sys.stderr)
        return 3

    if mode == "publish":
        headers = dict(json.loads(argv[9]))
        conn.send(destination, bytes.fromhex(argv[10]), headers=headers, receipt="peer-send")

    if not listener.wait_for(lambda: listener.messages, timeout):
        print("no MESSAGE within %s s" % timeout, file=sys.stderr)
        return 3
    if listener.errors:
        print("server ERROR: %s" % listener.errors[0].headers.get("message"), file=sys.stderr)
        return 2
    dump(listener.messages[0])
    conn.disconnect()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
