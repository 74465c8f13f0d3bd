// The load generator of section 7: autocannon POSTing Alertmanager webhook v4 bodies, each
// request a distinct firing alert (its own fingerprint), so that every request is recorded,
// synced and queued by the gateway rather than deduplicated. Run as a child process so the load
// generator has an event loop of its own. Prints one JSON line: requests/s, latency percentiles,
// 2xx / non-2xx / error / timeout counts.
// Usage: node_modules/.bin/node scripts/bench/gateway-load.mjs '<json options>'
//   options: { url, bearer?, connections, seconds, prefix }
import autocannon from 'autocannon';

const { url, bearer, connections, seconds, prefix } = JSON.parse(process.argv[2] ?? '{}');
if (!url || !connections || !seconds || !prefix) {
  console.error('usage: gateway-load.mjs \'{"url":...,"connections":N,"seconds":S,"prefix":"..."}\'');
  process.exit(2);
}

/** One Alertmanager webhook (version 4) notification holding one firing alert, number `n`. */
function alertBody(runPrefix, n) {
  const labels = {
    alertname: 'BenchAlert',
    instance: `web-${n % 64}.bench.internal:9100`,
    path: '/etc/bench/app.conf',
    severity: 'page',
  };
  return JSON.stringify({
    version: '4',
    groupKey: `{}:{alertname="BenchAlert", instance="${labels.instance}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'remediate',
    groupLabels: { alertname: 'BenchAlert' },
    commonLabels: labels,
    commonAnnotations: { summary: 'benchmark alert' },
    externalURL: 'http://alertmanager.bench.internal:9093',
    alerts: [
      {
        status: 'firing',
        labels,
        annotations: { summary: 'benchmark alert' },
        startsAt: '2026-01-01T00:00:00Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus.bench.internal:9090/graph?g0.expr=up',
        fingerprint: `${runPrefix}-${n.toString(16).padStart(8, '0')}`,
      },
    ],
  });
}

let sent = 0;
const headers = { 'content-type': 'application/json' };
if (bearer) headers.authorization = `Bearer ${bearer}`;
// autocannon's own histogram keeps whole milliseconds; the 'response' event carries the
// hrtime duration, kept here for sub-millisecond percentiles (2xx answers only, as autocannon).
const latencies = [];
const result = await new Promise((resolve, reject) => {
  const instance = autocannon(
    {
      url,
      connections,
      duration: seconds,
      // An answer later than 10 s is a timeout (autocannon's default), counted apart from the answers.
      timeout: 10,
      requests: [
        {
          method: 'POST',
          headers,
          // Called for every request autocannon sends: a new alert each time.
          setupRequest: (request) => ({ ...request, body: alertBody(prefix, sent++) }),
        },
      ],
    },
    (error, res) => (error ? reject(error) : resolve(res)),
  );
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
});
const sorted = Float64Array.from(latencies).sort();
const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
console.log(
  JSON.stringify({
    connections,
    seconds: result.duration,
    requests: answered,
    rps: answered / result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
    errors: result.errors,
    timeouts: result.timeouts,
    built: sent,
    p50: pct(50),
    p99: pct(99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  }),
);
