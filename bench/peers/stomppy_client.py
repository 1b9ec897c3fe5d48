#!/usr/bin/python3
# stomp.py (Debian's python3-stomp 8.0) side of the peer comparison; same modes and JSON output
# as peers_client (see peers_client.cpp). Run with /usr/bin/python3: only it imports stomp.
import json, resource, sys, threading, time

import stomp

opt = dict(a.split('=', 1) for a in sys.argv[2:])
mode = sys.argv[1]
n = int(opt.get('n', 10000))
dest = opt.get('dest', '/queue/bench')
body = 'x' * int(opt.get('size', 100))


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def report(count, t0, c0, lat=None):
    secs, c = time.perf_counter() - t0, cpu() - c0
    out = {'n': count, 'secs': secs, 'rate': count / secs, 'cpu_us': c * 1e6 / count,
           'rss_kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}
    if lat:
        lat.sort()
        pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1e6
        out.update(p50_us=pct(0.5), p99_us=pct(0.99), p999_us=pct(0.999))
    print(json.dumps(out), flush=True)


class Listener(stomp.ConnectionListener):
    def __init__(self):
        self.receipt = threading.Event()
        self.done = threading.Event()
        self.got = 0
        self.on_msg = None

    def on_receipt(self, frame):
        if frame.headers.get('receipt-id') == 'final':
            self.receipt.set()

    def on_message(self, frame):
        self.on_msg(frame)

    def on_error(self, frame):
        print('ERROR', frame.headers, frame.body, file=sys.stderr)


conn = stomp.Connection12([(opt.get('host', '127.0.0.1'), int(opt.get('port', 61613)))],
                        heartbeats=(0, 0), vhost=opt.get('vhost', '/'))
lst = Listener()
conn.set_listener('bench', lst)
conn.connect(opt.get('login', ''), opt.get('passcode', ''), wait=True)

if mode == 'pub':
    t0, c0 = time.perf_counter(), cpu()
    for _ in range(n - 1):
        conn.send(dest, body)
    conn.send(dest, body, headers={'receipt': 'final'})
    if not lst.receipt.wait(120):
        sys.exit('no receipt')
    report(n, t0, c0)
elif mode == 'con':
    ack = opt.get('ack', 'auto')
    each, every100 = ack == 'client-individual', ack == 'client100'

    def on_msg(frame):
        lst.got += 1
        if each or (every100 and (lst.got % 100 == 0 or lst.got == n)):
            conn.ack(frame.headers['ack'])
        if lst.got == n:
            lst.done.set()
    lst.on_msg = on_msg
    t0, c0 = time.perf_counter(), cpu()
    conn.subscribe(dest, id='0', ack='client' if every100 else ack)
    if not lst.done.wait(300):
        sys.exit('timeout after %d' % lst.got)
    report(n, t0, c0)
elif mode == 'rtt':
    ev = threading.Event()
    lst.on_msg = lambda frame: ev.set()
    conn.subscribe(dest, id='0', ack='auto')
    lat, warm = [], 100
    for i in range(n + warm):
        if i == warm:
            t0, c0 = time.perf_counter(), cpu()
        ev.clear()
        t = time.perf_counter()
        conn.send(dest, body)
        if not ev.wait(10):
            sys.exit('rtt timeout')
        if i >= warm:
            lat.append(time.perf_counter() - t)
    report(n, t0, c0, lat)
else:
    sys.exit('unknown mode')
sys.stdout.flush()
import os
os._exit(0)  # no graceful DISCONNECT: a firehose never answers it
