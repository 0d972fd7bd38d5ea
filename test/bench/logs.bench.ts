// Log engine benchmark on a generated syslog of BENCH_LOG_MB megabytes (default 1024), cached in
// .cache/bench/. Prints first-screen time, full index next to `wc -l`, filters next to `grep -c`
// and `grep -ci`, random access, .gz access, peak memory (in a child process), and lnav side by
// side when it is installed, with lnav's published figures scaled to the same size as a reference.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { buildIndex, bundledRg, compileFilter, GzReader, LogSet, runFilter, StatsAccumulator, statsOf, type FilterSpec } from '../../server/src/logs/engine';
import { writeSyslogFile } from '../fixtures/logs/generate';

const MB = Number(process.env.BENCH_LOG_MB ?? 1024);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// npm run bench runs from the repository's root (the benchmark itself runs bundled from .cache/).
const ROOT = process.cwd();
const DIR = path.join(ROOT, '.cache', 'bench');
const FILE = path.join(DIR, `syslog-${MB}mb.log`);
const PATTERN = 'Connection timed out';

function ensureInput(): void {
  if (fs.existsSync(FILE) && fs.statSync(FILE).size >= MB * 1024 * 1024 * 0.99) return;
  fs.mkdirSync(DIR, { recursive: true });
  const t = performance.now();
  const tmp = FILE + '.part';
  writeSyslogFile(tmp, MB * 1024 * 1024);
  fs.renameSync(tmp, FILE);
  console.log(`generated ${FILE} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor((s.length - 1) / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
};

async function timeit(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<{ median: number; p95: number }> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return stats(xs);
}

/** CPU time (user + system, ms) of the children reaped so far, from /proc (0 where there is none). */
function childCpu(): number {
  try {
    const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100; // cutime, cstime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

/** Wall time and CPU time (median of `runs`): on a busy machine the CPU time is the steadier figure. */
function timeCmd(cmd: string, args: string[], runs = RUNS, env?: NodeJS.ProcessEnv): { median: number; p95: number; out: string; cpu: number } | undefined {
  const xs: number[] = [];
  const cpus: number[] = [];
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = childCpu();
    const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env, timeout: 900_000, maxBuffer: 1 << 26 });
    if (r.error || (r.status !== 0 && r.status !== 1)) return undefined;
    xs.push(performance.now() - t);
    cpus.push(childCpu() - c);
    out = r.stdout;
  }
  return { ...stats(xs), out, cpu: stats(cpus).median };
}

async function count(spec: FilterSpec, file = FILE): Promise<number> {
  const c = compileFilter(spec);
  if (!c.ok) throw new Error(c.error);
  let n = 0;
  await runFilter(file, c.filter, () => void n++, { sync: true });
  return n;
}

/** Peak memory of indexing + reading + filtering, measured in a fresh process. */
async function memoryChild(): Promise<void> {
  const base = process.memoryUsage().rss;
  const set = await LogSet.open([FILE]);
  set.members[0].index = await buildIndex(FILE, { sync: true });
  for (let i = 0; i < 200; i++) await set.getLines(Math.floor(Math.random() * set.lineCount), 60);
  const c = compileFilter({ include: [{ pattern: PATTERN }] });
  let stored = new Uint32Array(1024);
  let n = 0;
  if (c.ok)
    await runFilter(FILE, c.filter, () => {
      if (n === stored.length) {
        const s = new Uint32Array(n * 2);
        s.set(stored);
        stored = s;
      }
      stored[n++] = n;
    }, { sync: true });
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ base, peak, index: set.members[0].index.memoryBytes, matches: n }));
}

/**
 * The shipped CLI (dist/cli.js, built by npm run bench) side by side with GNU grep and rg, all
 * counting the same file in the same run: our count through rg, and through the JS engine.
 */
function cliSideBySide(row: (what: string, ours: string, ref: string, target: string, ok?: boolean) => void): void {
  const CLI = path.join(ROOT, 'dist', 'cli.js');
  const hasRg = spawnSync('rg', ['--version']).status === 0;
  const vscodeRg = bundledRg(path.join(ROOT, '.cache', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode'));
  if (!vscodeRg) row("VS Code's rg", 'not here (the e2e tier installs code-server into .cache/code-server)', '', '');
  const node = process.execPath;
  for (const [name, grepArgs, rgArgs, ourArgs] of [
    ['literal', ['-c', PATTERN], ['-c', PATTERN], ['--count', PATTERN]],
    ['-i', ['-ci', PATTERN.toLowerCase()], ['-ci', PATTERN.toLowerCase()], ['--count', '-i', PATTERN.toLowerCase()]],
    ['regex', ['-cE', 'status=(deferred|bounced)'], ['-c', 'status=(deferred|bounced)'], ['--count', '--regex', 'status=(deferred|bounced)']],
  ] as [string, string[], string[], string[]][]) {
    const g = timeCmd('grep', [...grepArgs, FILE]);
    if (!g) continue;
    const x = (t?: { median: number; cpu: number }) => (t ? ` = ${(t.median / g.median).toFixed(2)}× grep (cpu ${t.cpu.toFixed(0)} ms = ${(t.cpu / g.cpu).toFixed(2)}×)` : '');
    row(`grep ${grepArgs.join(' ')} (${g.out.trim()})`, `${fmtMs(g)} (cpu ${g.cpu.toFixed(0)} ms)`, 'reference', '');
    const r = hasRg ? timeCmd('rg', [...rgArgs, FILE]) : undefined;
    row(`rg ${rgArgs.join(' ')}`, r ? fmtMs(r) + x(r) : 'rg not installed', r?.out.trim() ?? '', '(about 0.25× grep)');
    const ours = hasRg ? timeCmd(node, [CLI, 'grep', '--engine', 'rg', ...ourArgs, FILE]) : undefined;
    row(`ours grep --count ${name}, rg backend (${rgName('rg')})`, ours ? fmtMs(ours) + x(ours) : 'rg not installed', ours?.out.trim() ?? '', '≤ 0.5× grep', ours ? ours.median <= 0.5 * g.median : undefined);
    if (ours && ours.out.trim() !== g.out.trim()) row('!! count differs from grep', ours.out.trim(), g.out.trim(), '', false);
    // The rg the extension searches with: VS Code's own, here code-server's (installed by the e2e tier).
    if (vscodeRg) {
      const vr = timeCmd(vscodeRg, [...rgArgs, FILE]);
      row(`VS Code's rg ${rgArgs.join(' ')} (${rgName(vscodeRg)})`, vr ? fmtMs(vr) + x(vr) : 'failed', vr?.out.trim() ?? '', '(about 0.25× grep)');
      const vo = timeCmd(node, [CLI, 'grep', '--engine', 'rg', '--rg', vscodeRg, ...ourArgs, FILE]);
      row(`ours grep --count ${name}, VS Code's rg`, vo ? fmtMs(vo) + x(vo) : 'failed', vo?.out.trim() ?? '', '≤ 0.5× grep', vo ? vo.median <= 0.5 * g.median : undefined);
      if (vo && vo.out.trim() !== g.out.trim()) row('!! count differs from grep', vo.out.trim(), g.out.trim(), '', false);
    }
    const js = timeCmd(node, [CLI, 'grep', '--engine', 'js', ...ourArgs, FILE]);
    row(`ours grep --count ${name}, JS backend`, js ? fmtMs(js) + x(js) : 'failed', js?.out.trim() ?? '', '≤ 1.5× grep', js ? js.median <= 1.5 * g.median : undefined);
    if (js && js.out.trim() !== g.out.trim()) row('!! count differs from grep', js.out.trim(), g.out.trim(), '', false);
  }
  // Lines per program: awk | sort | uniq -c next to `stats` (which also counts per hour and day).
  const awk = timeCmd('sh', ['-c', `awk '{ p = $5; sub(/\\[.*/, "", p); sub(/:$/, "", p); print p }' '${FILE}' | sort | uniq -c | sort -rn | head -3`], 1);
  const ours = timeCmd(node, [CLI, 'stats', FILE], 1);
  const perGB = ours ? ours.median / (MB / 1024) : NaN;
  row('awk | sort | uniq -c (per program)', awk ? `${fmtMs(awk)} (cpu ${awk.cpu.toFixed(0)} ms)` : 'failed', 'reference', '');
  row(`ours stats (${os.availableParallelism()} threads)`, ours ? `${fmtMs(ours)} = ${(perGB / 1000).toFixed(2)} s/GB (cpu ${(ours.cpu / (MB / 1024) / 1000).toFixed(2)} s/GB)` : 'failed', '', '≤ 1 s per GB', ours ? perGB <= 1000 : undefined);
}

/** "ripgrep 13.0.0" for an rg (its --version's first line). */
const rgName = (rg: string) => spawnSync(rg, ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0].replace(/ \(rev .*/, '') || rg;

const fmtMs = (x: { median: number; p95: number }) => `${x.median.toFixed(0).padStart(7)} ms (p95 ${x.p95.toFixed(0)})`;
const speed = (ms: number) => `${(MB / 1024 / (ms / 1000)).toFixed(2)} GB/s`;

async function main(): Promise<void> {
  ensureInput();
  if (process.env.BENCH_LOG_CHILD === 'mem') return memoryChild();
  const size = fs.statSync(FILE).size;
  const rows: string[][] = [];
  const row = (what: string, ours: string, ref: string, target: string, ok?: boolean) => rows.push([what, ours, ref, target, ok === undefined ? '' : ok ? 'yes' : 'NO']);
  spawnSync('cat', [FILE], { stdio: 'ignore' }); // warm the page cache, so every tool reads from memory
  // BENCH_ONLY=cli: only the CLI side by side with grep, rg and awk (quicker to repeat).
  const only = process.env.BENCH_ONLY === 'cli';

  if (only) cliSideBySide(row);
  else await engineRows(row, size);
  printTable(rows, size);
}

async function engineRows(row: (what: string, ours: string, ref: string, target: string, ok?: boolean) => void, size: number): Promise<void> {
  // First screen: open, look at the first 256 KiB, read the 60 lines of the first screen.
  const first = await timeit(async () => {
    const set = await LogSet.open([FILE]);
    const head = await set.members[0].reader.read(0, 256 * 1024);
    set.members[0].index.add(head, 0, head.lastIndexOf(10) + 1, 0);
    await set.getLines(0, 60);
    await set.close();
  }, 5);
  row('first screen (open + 60 lines)', fmtMs(first), '', '≤ 200 ms', first.median <= 200);

  let lines = 0;
  let ixMem = 0;
  const ix = await timeit(async () => {
    const i = await buildIndex(FILE, { sync: true });
    lines = i.lines;
    ixMem = i.memoryBytes;
  });
  const wc = timeCmd('wc', ['-l', FILE]);
  const wcLines = Number(wc?.out.trim().split(/\s+/)[0]);
  row(`full index (${lines.toLocaleString()} lines, ${speed(ix.median)})`, fmtMs(ix), wc ? `wc -l ${fmtMs(wc)}` : 'wc missing', '≥ ½ wc -l speed', wc ? ix.median <= 2 * wc.median : undefined);
  if (wc && wcLines !== lines) row('!! line count differs from wc -l', String(lines), String(wcLines), '', false);

  let n1 = 0;
  const lit = await timeit(async () => (n1 = await count({ include: [{ pattern: PATTERN, caseSensitive: true }] })));
  const g = timeCmd('grep', ['-c', PATTERN, FILE]);
  row(`filter literal (${n1.toLocaleString()} matches, ${speed(lit.median)})`, fmtMs(lit), g ? `grep -c ${fmtMs(g)}` : 'grep missing', '≥ ½ grep speed', g ? lit.median <= 2 * g.median : undefined);
  if (g && Number(g.out) !== n1) row('!! match count differs from grep -c', String(n1), g.out.trim(), '', false);
  let n2 = 0;
  const ci = await timeit(async () => (n2 = await count({ include: [{ pattern: PATTERN.toLowerCase() }] })));
  const gi = timeCmd('grep', ['-ci', PATTERN.toLowerCase(), FILE]);
  row(`filter -i (${n2.toLocaleString()} matches, ${speed(ci.median)})`, fmtMs(ci), gi ? `grep -ci ${fmtMs(gi)}` : '', '≥ ½ grep speed', gi ? ci.median <= 2 * gi.median : undefined);
  if (gi && Number(gi.out) !== n2) row('!! match count differs from grep -ci', String(n2), gi.out.trim(), '', false);
  let n3 = 0;
  const re = await timeit(async () => (n3 = await count({ include: [{ pattern: 'status=(deferred|bounced)', regex: true, caseSensitive: true }] })));
  const ge = timeCmd('grep', ['-cE', 'status=(deferred|bounced)', FILE]);
  row(`filter regex (${n3.toLocaleString()} matches)`, fmtMs(re), ge ? `grep -cE ${fmtMs(ge)}` : '', '(info)');
  const two = await timeit(async () => count({ include: [{ pattern: 'sendmail' }, { pattern: 'err' }] }));
  row('filter sendmail AND -i err', fmtMs(two), '', '(info)');

  const st = await timeit(async () => {
    const acc = new StatsAccumulator(2025);
    await statsOf(FILE, acc, { sync: true });
  }, 1);
  row('counts per hour/program (stats, one thread)', fmtMs(st), '', '(info)');

  cliSideBySide(row);

  // Random access: 500 jumps to random lines, 60 lines each (a screen).
  const set = await LogSet.open([FILE]);
  set.members[0].index = await buildIndex(FILE, { sync: true });
  const jumps: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t = performance.now();
    await set.getLines(Math.floor(Math.random() * set.lineCount), 60);
    jumps.push(performance.now() - t);
  }
  const j = stats(jumps);
  row('jump to a random line (60 lines)', fmtMs(j), '', '"instant" (< 16 ms)', j.p95 < 16);
  await set.close();

  // .gz: index by streaming; a read behind the cache re-inflates from the start.
  const gzMB = Math.min(MB, 128);
  const gzFile = path.join(DIR, `syslog-${gzMB}mb.log.gz`);
  if (!fs.existsSync(gzFile)) {
    const fd = fs.openSync(FILE, 'r');
    const buf = Buffer.allocUnsafe(gzMB * 1024 * 1024);
    fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    fs.writeFileSync(gzFile, zlib.gzipSync(buf.subarray(0, buf.lastIndexOf(10) + 1), { level: 6 }));
  }
  const gzIx = await timeit(() => buildIndex(gzFile), 1);
  const gz = await LogSet.open([gzFile]);
  gz.members[0].index = await buildIndex(gzFile);
  (gz.members[0].reader as GzReader).setSize(gz.members[0].index.bytes);
  const end = await timeit(() => gz.getLines(gz.lineCount - 60, 60), 1);
  const back = await timeit(() => gz.getLines(10, 60), 1);
  const near = await timeit(() => gz.getLines(12, 60), 1);
  row(`.gz ${gzMB} MB: index by streaming`, fmtMs(gzIx), '', '(info)');
  row(`.gz: jump to end / back to start / nearby`, `${end.median.toFixed(0)} / ${back.median.toFixed(0)} / ${near.median.toFixed(1)} ms`, '', 'restart from 0 when going back');

  // Peak memory in a fresh process.
  const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, BENCH_LOG_CHILD: 'mem' }, encoding: 'utf8', cwd: ROOT });
  try {
    const m = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
    const extra = (m.peak - m.base) / 1048576;
    row('peak memory: index + 200 jumps + filter', `${extra.toFixed(0)} MB over start (index ${(m.index / 1024).toFixed(0)} KiB)`, '', '≤ 100 MB (for 1 GB)', extra <= 100);
  } catch {
    row('peak memory', 'child failed: ' + child.stderr.slice(0, 200), '', '');
  }
  void ixMem;

  // lnav side by side (headless: -n, SQL through -c), and its published figures scaled.
  const scale = size / (3.3 * 1024 ** 3);
  row('lnav published (3.3 GB: 6.1 s, 480 MB; filter 2.9 s), scaled', `index ${(6100 * scale).toFixed(0)} ms, filter ${(2900 * scale).toFixed(0)} ms`, `${(480 * scale).toFixed(0)} MB`, 'reference');
  const hasLnav = spawnSync('lnav', ['-V']).status === 0;
  if (!hasLnav) row('lnav', 'not installed', '', '');
  else if (process.env.BENCH_LNAV === '0') row('lnav', 'skipped (BENCH_LNAV=0)', '', '');
  else {
    const home = fs.mkdtempSync(path.join(DIR, 'lnav-home-'));
    const env = { ...process.env, HOME: home };
    const timeV = (args: string[]) => {
      const r = spawnSync('/usr/bin/time', ['-v', 'lnav', ...args], { env, encoding: 'utf8', timeout: 1_800_000, maxBuffer: 1 << 26 });
      const wall = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
      const ms = wall ? ((Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3])) * 1000 : NaN;
      return { ms, rssMB: rss ? Number(rss[1]) / 1024 : NaN, out: r.stdout.trim().split('\n').pop()?.trim() };
    };
    const a = timeV(['-n', '-c', ';SELECT count(*) FROM all_logs', FILE]);
    row('lnav -n: load + count(*)', `${a.ms.toFixed(0)} ms, ${a.rssMB.toFixed(0)} MB RSS`, `count ${a.out}`, '(side by side)');
    const b = timeV(['-n', '-c', `;SELECT count(*) FROM all_logs WHERE log_raw_text LIKE '%${PATTERN}%'`, FILE]);
    row('lnav -n: load + LIKE filter (case-insensitive)', `${b.ms.toFixed(0)} ms, ${b.rssMB.toFixed(0)} MB RSS`, `count ${b.out}`, '(side by side)');
    fs.rmSync(home, { recursive: true, force: true });
  }

}

function printTable(rows: string[][], size: number): void {
  const w = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i].length), ['what', 'ours (median, p95)', 'reference', 'target', 'met'][i].length));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(w[i])).join(' | ') + ' |';
  console.log(`\nlog engine bench: ${FILE} (${(size / 1048576).toFixed(0)} MB, ${RUNS} runs), node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.availableParallelism()} cores`);
  console.log(line(['what', 'ours (median, p95)', 'reference', 'target', 'met']));
  console.log('|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

void main();
