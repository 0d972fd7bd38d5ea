// Benchmark: parse + validate journald.conf (the shipped file with every key set, and a
// generated 10,000-line file of drop-in sections), and completion in it.
// Run: node --import tsx test/bench/journald.bench.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diagnose } from '../../server/src/languages/common/diagnose';
import type { LanguageContext } from '../../server/src/languages/common/types';
import { journaldFacade as F } from '../../server/src/languages/journald/index';
import { timeWallAndCpu } from './common';

const FULL = `# journald.conf with every key set
[Journal]
Storage=persistent
Compress=yes
Seal=yes
SplitMode=uid
SyncIntervalSec=5m
RateLimitIntervalSec=30s
RateLimitBurst=10000
SystemMaxUse=2G
SystemKeepFree=4G
SystemMaxFileSize=128M
SystemMaxFiles=100
RuntimeMaxUse=64M
RuntimeKeepFree=128M
RuntimeMaxFileSize=8M
RuntimeMaxFiles=100
MaxRetentionSec=1month
MaxFileSec=1week
ForwardToSyslog=no
ForwardToKMsg=no
ForwardToConsole=no
ForwardToWall=yes
TTYPath=/dev/console
MaxLevelStore=debug
MaxLevelSyslog=debug
MaxLevelKMsg=notice
MaxLevelConsole=info
MaxLevelWall=emerg
LineMax=48K
ReadKMsg=yes
Audit=no
`;

function generate(lines: number): string {
  const body = FULL.split('\n').slice(1, -1);
  const out: string[] = [];
  while (out.length < lines) out.push(...body, '# next drop-in', '');
  return out.slice(0, lines).join('\n') + '\n';
}

function time(n: number, fn: () => void) {
  const { wall, cpu } = timeWallAndCpu(n, fn);
  const q = (s: number[], p: number) => [...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { wall: { median: q(wall, 0.5), p95: q(wall, 0.95) }, cpu: { median: q(cpu, 0.5), p95: q(cpu, 0.95) } };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-bench-'));
fs.writeFileSync(path.join(dir, 'journald.conf'), FULL);
fs.writeFileSync(path.join(dir, 'big.conf'), generate(10_000));
const full = fs.readFileSync(path.join(dir, 'journald.conf'), 'utf8');
const big = fs.readFileSync(path.join(dir, 'big.conf'), 'utf8');
fs.rmSync(dir, { recursive: true, force: true });
const ctx: LanguageContext = { locale: 'en', uri: 'file:///etc/systemd/journald.conf', workspace: { *documents() {} } };

const small = time(2000, () => diagnose(F, F.parse(full), ctx));
const large = time(100, () => diagnose(F, F.parse(big), ctx));
const doc = F.parse(full);
const positions = [
  { line: 2, character: 3 },
  { line: 2, character: 10 },
  { line: 25, character: 14 },
];
let k = 0;
const comp = time(3000, () => F.complete(doc, positions[k++ % positions.length], ctx));

const row = (name: string, r: { median: number; p95: number }, target?: number) =>
  `| ${name.padEnd(40)} | ${r.median.toFixed(3).padStart(9)} | ${r.p95.toFixed(3).padStart(9)} | ${(target === undefined ? '—' : '≤ ' + target).padStart(7)} | ${target === undefined ? '    ' : r.p95 <= target ? 'ok  ' : 'SLOW'} |`;
console.log(`journald benchmark: journald.conf with all ${doc.tree.sections[1]?.entries.length ?? 0} keys; a 10,000-line file of repeated sections`);
console.log('| case                                     | median ms |    p95 ms |  target |      |');
console.log('|------------------------------------------|-----------|-----------|---------|------|');
console.log(row('parse + validate journald.conf', small.wall, 5));
console.log(row('  same, CPU time', small.cpu, 5));
console.log(row(`stress: 10,000 lines, ${diagnose(F, F.parse(big), ctx).length} findings`, large.wall));
console.log(row('  same, CPU time', large.cpu));
console.log(row('completion (key, value)', comp.wall, 1));
console.log(row('  same, CPU time', comp.cpu, 1));
console.log(`load average: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`);
