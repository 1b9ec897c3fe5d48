#!/usr/bin/python3
"""StompQt peer comparison (issue 7): runs every client against the brokers and the stand-in
servers, prints a markdown table of medians, writes results/<date>.md and results/<date>.png.

Needs the brokers' STOMPQT_* environment (./run.sh bench provides it; by hand:
`source <broker dir>/env.sh`), peers_client/peers_server built in Release (--bin), node_modules
(npm ci in bench/peers) and gnuplot for the chart. /usr/bin/python3 only: stomp.py lives there.

  driver.py --bin build-release/bench/peers [--n 100000] [--reps 5] [--quick]
"""
import argparse, datetime, json, os, platform, random, shutil, statistics, struct, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENTS = ['raw', 'caller', 'worker', 'publisher', 'batched', 'queue', 'stomp.py', 'stompjs']
TITLES = {'raw': 'raw socket', 'caller': 'StompClient Caller', 'worker': 'StompClient Worker',
          'publisher': 'StompPublisher¹', 'batched': 'StompPublisher batched²', 'queue': 'StompMessageQueue', 'stomp.py': 'stomp.py 8.0',
          'stompjs': 'stompjs 7 (tcp-wrapper)'}
PEERS = ['stomp.py', 'stompjs']
STOMPQT = ['caller', 'worker', 'publisher', 'batched', 'queue']
PUBLISHERS = ('publisher', 'batched')  # write-only: publish scenarios only

ap = argparse.ArgumentParser()
ap.add_argument('--bin', required=True)
ap.add_argument('--n', type=int, default=100000)
ap.add_argument('--rtt', type=int, default=5000)
ap.add_argument('--reps', type=int, default=5)
ap.add_argument('--quick', action='store_true', help='10 000 messages, 1 repetition (development)')
ap.add_argument('--only', default='', help='comma-separated scenario prefixes to run')
ap.add_argument('--clients', default='', help='comma-separated clients to run (default: all)')
ap.add_argument('--keep-idle-states', action='store_true',
                help='do not hold the CPUs out of their idle states (see hold_idle_states)')
args = ap.parse_args()
if args.quick:
    args.n, args.rtt, args.reps = 10000, 1000, 1

env = os.environ
if 'STOMPQT_RABBITMQ_PORT' not in env or 'STOMPQT_ACTIVEMQ_PORT' not in env:
    sys.exit('driver.py: broker environment missing: ./run.sh bench, or source <broker dir>/env.sh')
RABBIT = dict(host='127.0.0.1', port=env['STOMPQT_RABBITMQ_PORT'], vhost=env['STOMPQT_RABBITMQ_VHOST'],
              login=env['STOMPQT_RABBITMQ_USER'], passcode=env['STOMPQT_RABBITMQ_PASSCODE'])
AMQ = dict(host='127.0.0.1', port=env['STOMPQT_ACTIVEMQ_PORT'], vhost='localhost',
           login=env['STOMPQT_ACTIVEMQ_USER'], passcode=env['STOMPQT_ACTIVEMQ_PASSCODE'])
args.bin = os.path.abspath(args.bin)
PEERS_CLIENT = os.path.join(args.bin, 'peers_client')
PEERS_SERVER = os.path.join(args.bin, 'peers_server')
uniq = [0]


# Idle states, as for any latency benchmark (tuned's latency-performance profile does the same):
# while /dev/cpu_dma_latency is held open at 0, the kernel's PM QoS keeps idle CPUs polling
# instead of halting. On this machine (a Firecracker guest, cpuidle haltpoll with
# guest_halt_poll_ns=0) every halt is a VM exit, and the wake-up that ends it took 100-300 us
# in stretches of ~55 ms about once a second: perf sched showed both cores idle 80 % of such a
# stretch with the broker's work per message unchanged. Whichever client ran then got a p99
# twice as high (per-run p99 bimodal at ~200/~400 us for every client, raw socket included),
# and each round trip carried ~70 us of wake-ups (RTT p50 110 -> 36 us, raw client CPU per
# round trip 30 -> 10 us with the CPUs held). Every client, peers included, runs under the
# same setting; the results' header says which one.
def hold_idle_states():
    if args.keep_idle_states:
        return None, 'idle states left to the kernel (--keep-idle-states)'
    try:
        fd = os.open('/dev/cpu_dma_latency', os.O_WRONLY)
        os.write(fd, struct.pack('i', 0))
        return fd, 'CPUs held out of idle states (/dev/cpu_dma_latency = 0)'
    except OSError as e:
        print('driver.py: cannot hold /dev/cpu_dma_latency at 0 (%s); wake-up latency stays in the '
              'figures' % e.strerror, file=sys.stderr)
        return None, 'idle states left to the kernel (/dev/cpu_dma_latency not writable)'


idle_fd, IDLE_NOTE = hold_idle_states()  # held until the process exits


def command(client, mode, params):
    kv = ['%s=%s' % (k, v) for k, v in params.items()]
    if client == 'stomp.py':
        return ['/usr/bin/python3', os.path.join(HERE, 'stomppy_client.py'), mode] + kv
    if client == 'stompjs':
        return ['node', os.path.join(HERE, 'stompjs_client.mjs'), mode] + kv
    return [PEERS_CLIENT, client, mode] + kv


# Through a broker, the measured client runs on the core the brokers do not use (run.sh bench
# pins both brokers to core 0 and sets STOMPQT_CLIENT_CPU=1), so that neither steals the other's
# core; the stand-in servers of the client-alone scenarios are not pinned, nor their clients.
CLIENT_CPU = env.get('STOMPQT_CLIENT_CPU', '')


def run(client, mode, params, timeout=180, pin=False):
    cmd = command(client, mode, params)
    if pin and CLIENT_CPU and shutil.which('taskset'):
        cmd = ['taskset', '-c', CLIENT_CPU] + cmd
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=HERE)
    except subprocess.TimeoutExpired:
        print('  timeout: %s' % ' '.join(cmd), file=sys.stderr)
        return None
    for line in p.stdout.splitlines()[::-1]:
        if line.startswith('{'):
            return json.loads(line)
    print('  failed (%d): %s\n%s' % (p.returncode, ' '.join(cmd), p.stderr[-800:]), file=sys.stderr)
    return None


def start_server(*argv):
    p = subprocess.Popen([PEERS_SERVER] + list(argv), stdout=subprocess.PIPE, text=True)
    line = p.stdout.readline().split()
    if len(line) != 2 or line[0] != 'port':
        p.kill()
        sys.exit('peers_server did not start')
    return p, line[1]


def queue_name(tag):
    uniq[0] += 1
    return '/queue/bench-%d-%s-%d' % (os.getpid(), tag, uniq[0])


# Scenarios: (key, label, kind, clients, fn(client) -> result)
servers = []
def server(*argv):
    p, port = start_server(*argv)
    servers.append(p)
    return dict(host='127.0.0.1', port=port, vhost='/', login='x', passcode='x')

N = args.n
BIG = max(200, N // 500)     # 256 KiB bodies: 200 messages (51 MB) at N = 100 000
KIB = max(2000, N // 5)      # 1 KiB bodies: 20 000
NULL = server('null')
FIRE = {100: server('firehose', '100'), 1024: server('firehose', '1024'), 262144: server('firehose', '262144')}
ALL = CLIENTS
CONSUMERS = [c for c in CLIENTS if c not in PUBLISHERS]


def through_broker(target):
    return target is RABBIT or target is AMQ


def pub(broker, size, n):
    def f(c):
        dest = queue_name('p')
        r = run(c, 'pub', dict(broker, n=n, size=size, dest=dest), pin=through_broker(broker))
        if broker is RABBIT:
            # Drained before the next run (not timed): a full run publishes about 10 GB of
            # RabbitMQ memory (1.4 KB per 100-byte message), and kept, it reached the paging
            # threshold mid-run and stalled whichever client published then (5 k msg/s instead
            # of 40 k). Draining also counts what arrived: it found StompPublisher losing
            # the end of a burst at disconnectFromHost() (fixed), and every client's next run
            # starts with an idle broker.
            if run('raw', 'con', dict(broker, n=n, size=size, dest=dest, ack='auto'), pin=True) is None:
                print('  drain of %s failed' % dest, file=sys.stderr)
        return r
    return f


def con(broker, size, n, ack, prefill=True):
    def f(c):
        dest = queue_name('c')
        pin = through_broker(broker)
        if prefill and run('raw', 'pub', dict(broker, n=n, size=size, dest=dest), pin=pin) is None:
            return None
        return run(c, 'con', dict(broker, n=n, size=size, dest=dest, ack=ack), pin=pin)
    return f


def rtt(broker, size, n):
    return lambda c: run(c, 'rtt', dict(broker, n=n, size=size, dest=queue_name('r')), pin=through_broker(broker))


SCEN = [
    ('pub100', 'publish 100 B, RabbitMQ', 'pub', ALL, pub(RABBIT, 100, N)),
    ('con-auto', 'consume auto 100 B, ActiveMQ', 'con', CONSUMERS, con(AMQ, 100, N, 'auto')),
    ('con-ci', 'consume client-individual 100 B, ActiveMQ', 'con', CONSUMERS, con(AMQ, 100, N, 'client-individual')),
    ('con-c100', 'consume client (ack every 100) 100 B, ActiveMQ', 'con', CONSUMERS, con(AMQ, 100, N, 'client100')),
    ('rtt', 'RTT 100 B one at a time, RabbitMQ', 'rtt', CONSUMERS, rtt(RABBIT, 100, args.rtt)),
    ('pub1k', 'publish 1 KiB, RabbitMQ (%d msgs)' % KIB, 'pub', ALL, pub(RABBIT, 1024, KIB)),
    ('pub256k', 'publish 256 KiB, RabbitMQ (%d msgs)' % BIG, 'pub', ALL, pub(RABBIT, 262144, BIG)),
    ('con1k', 'consume auto 1 KiB, ActiveMQ (%d msgs)' % KIB, 'con', CONSUMERS, con(AMQ, 1024, KIB, 'auto')),
    ('con256k', 'consume auto 256 KiB, ActiveMQ (%d msgs)' % BIG, 'con', CONSUMERS, con(AMQ, 262144, BIG, 'auto')),
    ('alone-pub100', 'alone: publish 100 B to null sink', 'pub', ALL, pub(NULL, 100, N)),
    ('alone-con100', 'alone: consume 100 B from firehose', 'con', CONSUMERS, con(FIRE[100], 100, N, 'auto', False)),
    ('alone-pub1k', 'alone: publish 1 KiB to null sink', 'pub', ALL, pub(NULL, 1024, N)),
    ('alone-con1k', 'alone: consume 1 KiB from firehose', 'con', CONSUMERS, con(FIRE[1024], 1024, N, 'auto', False)),
    ('alone-pub256k', 'alone: publish 256 KiB to null sink (%d msgs)' % (BIG * 10), 'pub', ALL, pub(NULL, 262144, BIG * 10)),
    ('alone-con256k', 'alone: consume 256 KiB from firehose (%d msgs)' % (BIG * 10), 'con', CONSUMERS, con(FIRE[262144], 262144, BIG * 10, 'auto', False)),
    ('mem-subs', 'StompQt with 1 000 subscriptions (null sink)', 'mem', ['caller', 'worker'],
     lambda c: run(c, 'subs', dict(NULL, n=1000))),
    ('mem-conns', 'StompQt with 200 connections (null sink)', 'mem', ['caller', 'worker'],
     lambda c: run(c, 'conns', dict(NULL, n=200))),
]
if args.only:
    pre = args.only.split(',')
    SCEN = [s for s in SCEN if any(s[0].startswith(p) for p in pre)]
if args.clients:
    keep = args.clients.split(',')
    SCEN = [(k, l, kind, [c for c in cl if c in keep], fn) for k, l, kind, cl, fn in SCEN]

# A p99 over 5 000 round trips moves between runs (with the CPUs allowed to halt, by 2x: see
# hold_idle_states): the RTT scenario runs five times per repetition, clients interleaved, and
# its cells are medians of all those runs. Short (about 1 s per client and run). Consume from
# ActiveMQ moves by a third between runs of the same client (the broker's dispatch; now and then
# a run of any client, the raw socket's included, at two thirds of the usual rate), so one such
# run decided a median of five paired ratios: consume auto and with an ACK every 100 run twice
# per repetition.
INNER = {'rtt': 5, 'con-c100': 2, 'con-auto': 2}

results = {}  # (key, client) -> list of dicts
t_start = time.time()
# Warm-up, not recorded: a freshly started ActiveMQ runs its first 100 000 messages with a cold
# JIT at a third of its later rate (raw client: 52 k msg/s in the first repetition, 149 k in
# the next ones), which made the first repetition of every consume scenario an outlier.
if not args.quick:
    for warm in (pub(RABBIT, 100, N), con(AMQ, 100, N, 'auto'), con(AMQ, 100, N, 'client100')):
        warm('raw')
try:
    for rep in range(args.reps):
        for key, label, kind, clients, fn in SCEN:
            for inner in range(INNER.get(key, 1)):
                # The clients take turns in an order shuffled anew for every round (seeded: a
                # run can be repeated), so that none always runs first or right after the same
                # neighbour (with a fixed rotation the raw socket always followed stompjs).
                order = list(clients)
                random.Random('%s/%d/%d' % (key, rep, inner)).shuffle(order)
                for c in order:
                    r = fn(c)
                    print('rep %d %-14s %-10s %s' % (rep + 1, key, c, json.dumps(r) if r else 'FAILED'),
                          file=sys.stderr, flush=True)
                    if r:
                        r['round'] = '%d.%d' % (rep, inner)  # pairs a client's run with raw's
                        results.setdefault((key, c), []).append(r)
finally:
    for p in servers:
        p.kill()


def med(key, c, field):
    v = [r[field] for r in results.get((key, c), []) if field in r]
    return statistics.median(v) if v else None


def fmt(v):
    if v is None:
        return '–'
    if v >= 100000:
        return '%.0fk' % (v / 1000)
    if v >= 1000:
        return '%.1fk' % (v / 1000)
    if v >= 100:
        return '%.0f' % v
    if v >= 10:
        return '%.1f' % v
    return '%.2f' % v


HIGHER = {'rate': True, 'cpu_us': False, 'p50_us': False, 'p99_us': False, 'p999_us': False, 'rss_kb': False}
UNIT = {'rate': 'msg/s', 'cpu_us': 'CPU µs/msg', 'p50_us': 'p50 µs', 'p99_us': 'p99 µs', 'p999_us': 'p99.9 µs',
        'rss_kb': 'peak RSS MiB'}


def cell(key, c, field):
    v = med(key, c, field)
    if v is None:
        return '–'
    shown = v / 1024 if field == 'rss_kb' else v
    peers = [med(key, p, field) for p in PEERS]
    peers = [p for p in peers if p]
    if not peers or c in PEERS:
        return fmt(shown)
    best = max(peers) if HIGHER[field] else min(peers)
    ratio = v / best if HIGHER[field] else best / v  # > 1: better than the best peer
    return '%s (%s×)' % (fmt(shown), ('%.1f' % ratio) if ratio < 100 else '%.0f' % ratio)


lines = []
host = platform.node()
cpu_model = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), '?')
date = datetime.datetime.now().strftime('%Y-%m-%d')
lines.append('StompQt peer comparison, %s, %s (%d cores, %s), %d messages (%d for RTT), median of %d runs, '
             '%.0f s; %s.' % (date, cpu_model, os.cpu_count(), platform.platform(), N, args.rtt, args.reps,
                              time.time() - t_start, IDLE_NOTE))
lines.append('')
lines.append('Cells: median (×: how many times better than the best of stomp.py and stompjs; >1 is better). '
             '¹ StompPublisher refuses receipts on its frames: it is timed to the return of '
             'disconnectFromHost(), which waits for the receipt of its DISCONNECT (the broker has then handled '
             'every frame before it). '
             '² The same with StompConnectionSettings::batchBytes = 64 KiB (opt-in): frames written in batches, '
             'the last one by disconnectFromHost().')
lines.append('')
lines.append('| scenario | figure | ' + ' | '.join(TITLES[c] for c in CLIENTS) + ' |')
lines.append('|---|---|' + '---|' * len(CLIENTS))
for key, label, kind, clients, fn in SCEN:
    fields = {'pub': ['rate', 'cpu_us', 'rss_kb'], 'con': ['rate', 'cpu_us', 'rss_kb'],
              'rtt': ['p50_us', 'p99_us', 'p999_us', 'cpu_us'], 'mem': ['rss_kb']}[kind]
    if key.startswith(('pub1k', 'pub256k', 'con1k', 'con256k', 'alone-')):
        fields = [f for f in fields if f != 'rss_kb'] if kind != 'mem' else fields
    for f in fields:
        lines.append('| %s | %s | ' % (label, UNIT[f]) + ' | '.join(
            cell(key, c, f) if c in clients else '' for c in CLIENTS) + ' |')

# Targets of issue 7.
def paired_raw(key, c):
    """Each run's rate over the raw socket's in the same round (same broker state, minutes
    apart at most): the median of those ratios, their range, and the raw socket's own range."""
    raw = {r['round']: r['rate'] for r in results.get((key, 'raw'), [])}
    ratios = sorted(r['rate'] / raw[r['round']] for r in results.get((key, c), []) if raw.get(r['round']))
    if not ratios:
        return None
    return statistics.median(ratios), ratios[0], ratios[-1], min(raw.values()), max(raw.values())

checks = []
for key in ('pub100', 'con-auto', 'con-ci', 'con-c100'):
    for c in STOMPQT:
        p = paired_raw(key, c)
        if p is not None:
            checks.append(('%s %s: %.0f %% of raw (median of %d paired runs, range %.0f-%.0f %%; raw itself '
                           '%s-%s msg/s)' % (key, TITLES[c], p[0] * 100, len(results.get((key, c), [])),
                                             p[1] * 100, p[2] * 100, fmt(p[3]), fmt(p[4])), p[0] >= 0.98))
for key in ('pub100', 'con-auto', 'con-ci', 'con-c100'):
    peers = [med(key, p, 'cpu_us') for p in PEERS]
    if None in peers:
        continue
    for c in STOMPQT:
        v = med(key, c, 'cpu_us')
        if v is not None:
            checks.append(('%s %s CPU %.2f µs/msg vs peers %s: 1/%.1f of the best peer' % (
                key, TITLES[c], v, ' / '.join('%.2f' % p for p in peers), min(peers) / v), v * 10 <= min(peers)))
raw99 = med('rtt', 'raw', 'p99_us')
raw99s = sorted(r['p99_us'] for r in results.get(('rtt', 'raw'), []))
for c in ('caller', 'worker', 'queue'):
    v = med('rtt', c, 'p99_us')
    if v is not None and raw99:
        checks.append(('RTT p99 %s %.0f µs = %.2f× raw %.0f µs (medians of %d runs; raw itself %.0f-%.0f µs)' % (
            TITLES[c], v, v / raw99, raw99, len(raw99s), raw99s[0], raw99s[-1]), v <= 1.1 * raw99))
for key in ('alone-pub100', 'alone-con100'):
    for c in STOMPQT:
        v = med(key, c, 'rate')
        if v is not None:
            checks.append(('%s %s %.2f M msg/s' % (key, TITLES[c], v / 1e6), v >= 1e6))
lines.append('')
lines.append('Targets (issue 7):')
lines.append('')
for text, ok in checks:
    lines.append('- %s %s' % ('met:   ' if ok else 'MISSED:', text))

report = '\n'.join(lines) + '\n'
print(report)
outdir = os.path.join(HERE, 'results')
os.makedirs(outdir, exist_ok=True)
stamp = datetime.datetime.now().strftime('%Y-%m-%d')
md_path = os.path.join(outdir, stamp + '.md')
with open(md_path, 'w') as f:
    f.write(report)
with open(os.path.join(outdir, stamp + '.json'), 'w') as f:
    json.dump({'%s|%s' % k: v for k, v in results.items()}, f, indent=0)
print('wrote %s' % md_path)

# Chart: four panels (gnuplot, pngcairo).
gp = shutil.which('gnuplot')
if not gp:
    print('gnuplot missing (apt-get install gnuplot-nox): no chart')
    sys.exit(0)
png = os.path.join(outdir, stamp + '.png')
dat = os.path.join(outdir, '.chart.dat')
panels = [
    ('CPU per message (µs, log)', 'cpu_us', ['pub100', 'con-auto', 'con-ci', 'con-c100'], True),
    ('Client alone (msg/s, log)', 'rate', ['alone-pub100', 'alone-con100', 'alone-pub1k', 'alone-con1k'], True),
    ('Through the brokers (msg/s)', 'rate', ['pub100', 'con-auto', 'con-ci', 'con-c100'], False),
    ('RTT latency (µs, log)', None, ['p50_us', 'p99_us', 'p999_us'], True),
]
with open(dat, 'w') as f:
    for title, field, keys, log in panels:
        f.write('# %s\nx ' % title + ' '.join('"%s"' % TITLES[c] for c in CLIENTS) + '\n')
        for k in keys:
            row = [med('rtt', c, k) if field is None else med(k, c, field) for c in CLIENTS]
            f.write('"%s" ' % k.replace('_us', '') + ' '.join('%g' % v if v else '-' for v in row) + '\n')
        f.write('\n\n')
script = ['set terminal pngcairo size 1600,1000 font "DejaVu Sans,10"', 'set output "%s"' % png,
          'set datafile missing "-"', 'set style data histogram', 'set style histogram clustered gap 1',
          'set style fill solid 0.85 border -1', 'set boxwidth 0.9', 'set grid ytics', 'set key top left font ",8"',
          'set multiplot layout 2,2 title "StompQt vs peers, %s, %s (median of %d)"' % (stamp, host, args.reps)]
for i, (title, field, keys, log) in enumerate(panels):
    script.append('set title "%s"' % title)
    script.append('set logscale y' if log else 'unset logscale y')
    script.append('set yrange [*:*]')
    script.append('plot ' + ', '.join('"%s" index %d using %d:xtic(1) title columnheader(%d)' % (dat, i, j + 2, j + 2)
                                      for j in range(len(CLIENTS))))
script.append('unset multiplot')
subprocess.run([gp], input='\n'.join(script), text=True, check=False)
os.unlink(dat)
print('wrote %s' % png)
