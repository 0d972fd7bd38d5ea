// Classification throughput of "Explain this log line" (format parse + family dispatch +
// pattern + keyword category) on a generated mix of lines. Target: ≥ 200,000 lines/s.
import * as os from 'node:os';
import { FAMILIES, FORMATS } from '../../server/src/logs/explain/data';
import { classifyLine } from '../../server/src/logs/explain/classify';

const TARGET = 200_000;
const N = 200_000;
const RUNS = 7;

// Every sample of the data, with its numbers varied so the mix is not one repeated string,
// plus a share of plain lines that match no pattern (the common case in /var/log/messages).
const seeds = [
  ...FORMATS.all.flatMap((f) => f.data.samples),
  ...FAMILIES.flatMap((f) => f.patterns.flatMap((p) => p.data.samples)),
  'Jul 19 19:21:07 host NetworkManager[812]: <info>  [1721384467.1234] device (eth0): state change: activated',
  'Jul 19 19:21:07 host dbus-daemon[700]: [system] Successfully activated service org.freedesktop.hostname1',
  'Jul 19 19:21:07 host chronyd[650]: Selected source 192.0.2.123 (ntp.example.org)',
  'unstructured text without any recognisable prefix at all',
];
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const lines: string[] = [];
for (let i = 0; i < N; i++) {
  const s = seeds[Math.floor(rnd() * seeds.length)];
  lines.push(s.replace(/\d+/g, (d) => (rnd() < 0.5 ? d : String(Math.floor(rnd() * 10 ** d.length)).padStart(d.length, '0'))));
}

for (let i = 0; i < 20_000; i++) classifyLine(lines[i]); // warm-up
// Wall-clock rate, and the rate per second of CPU this process got: on a shared, overloaded
// machine the second is the fairer measure of the code (both are printed).
const rates: number[] = [];
const cpuRates: number[] = [];
let sink = 0;
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const l of lines) sink += classifyLine(l).severity.length;
  const cpu = process.cpuUsage(c0);
  rates.push(N / ((performance.now() - t0) / 1000));
  cpuRates.push(N / ((cpu.user + cpu.system) / 1e6));
}
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
const median = rates[Math.floor(RUNS / 2)];
const p95 = rates[0]; // the slowest run: the 5th percentile of throughput is the 95th of time
const cpuMedian = cpuRates[Math.floor(RUNS / 2)];
const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(12);
console.log(`explain.bench: ${N.toLocaleString('en-US')} lines × ${RUNS} runs, ${seeds.length} distinct seeds (checksum ${sink})`);
console.log('metric                         lines/s        target');
console.log(`classify median          ${fmt(median)}  ${fmt(TARGET)}  ${median >= TARGET ? 'ok' : 'BELOW TARGET'}`);
console.log(`classify slowest (p95)   ${fmt(p95)}  ${fmt(TARGET)}  ${p95 >= TARGET ? 'ok' : 'BELOW TARGET'}`);
console.log(`per CPU-second (median) ${fmt(cpuMedian)}  ${fmt(TARGET)}  ${cpuMedian >= TARGET ? 'ok' : 'BELOW TARGET'}`);
const [l1, l5] = os.loadavg();
console.log(`(load average ${l1.toFixed(1)} / ${l5.toFixed(1)} on ${os.cpus().length} CPUs while measuring)`);
