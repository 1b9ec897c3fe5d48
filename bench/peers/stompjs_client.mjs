// @stomp/stompjs over @stomp/tcp-wrapper side of the peer comparison; same modes and JSON output
// as peers_client (see peers_client.cpp). node stompjs_client.mjs MODE key=value...
import { Client } from '@stomp/stompjs';
import { TCPWrapper } from '@stomp/tcp-wrapper';

const mode = process.argv[2];
const opt = Object.fromEntries(process.argv.slice(3).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
const n = parseInt(opt.n ?? '10000', 10);
const dest = opt.dest ?? '/queue/bench';
const body = 'x'.repeat(parseInt(opt.size ?? '100', 10));

const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const now = () => Number(process.hrtime.bigint()) / 1e9;
let t0 = 0, c0 = 0;
const start = () => { t0 = now(); c0 = cpu(); };
function report(count, lat) {
  const secs = now() - t0, c = cpu() - c0;
  const out = { n: count, secs, rate: count / secs, cpu_us: (c * 1e6) / count, rss_kb: process.resourceUsage().maxRSS };
  if (lat) {
    lat.sort((a, b) => a - b);
    const pct = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] * 1e6;
    Object.assign(out, { p50_us: pct(0.5), p99_us: pct(0.99), p999_us: pct(0.999) });
  }
  process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
}

const client = new Client({
  webSocketFactory: () => new TCPWrapper(opt.host ?? '127.0.0.1', parseInt(opt.port ?? '61613', 10)),
  connectHeaders: { login: opt.login ?? '', passcode: opt.passcode ?? '', host: opt.vhost ?? '/' },
  heartbeatIncoming: 0,
  heartbeatOutgoing: 0,
  reconnectDelay: 0,
  debug: () => {},
});
client.onStompError = (f) => { console.error('ERROR', f.headers, f.body); process.exit(1); };
setTimeout(() => { console.error('timeout'); process.exit(1); }, 300000).unref();

client.onConnect = () => {
  if (mode === 'pub') {
    start();
    client.watchForReceipt('final', () => report(n));
    for (let i = 0; i < n - 1; i++) client.publish({ destination: dest, body });
    client.publish({ destination: dest, body, headers: { receipt: 'final' } });
  } else if (mode === 'con') {
    const ack = opt.ack ?? 'auto';
    const each = ack === 'client-individual', every100 = ack === 'client100';
    let got = 0;
    start();
    client.subscribe(dest, (m) => {
      got++;
      if (each || (every100 && (got % 100 === 0 || got === n))) m.ack();
      if (got === n) report(n);
    }, { id: '0', ack: every100 ? 'client' : ack });
  } else if (mode === 'rtt') {
    const warm = 100, lat = [];
    let i = 0, t = 0;
    client.subscribe(dest, () => {
      if (i >= warm) lat.push(now() - t);
      if (++i === n + warm) { report(n, lat); return; }
      if (i === warm) start();
      t = now();
      client.publish({ destination: dest, body });
    }, { id: '0', ack: 'auto' });
    t = now();
    client.publish({ destination: dest, body });
  } else {
    console.error('unknown mode'); process.exit(2);
  }
};
client.activate();
