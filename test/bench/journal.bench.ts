// The journal through journalctl on a large journal directory (BENCH_JOURNAL_MB, default 1024 MB,
// written once with systemd-journal-remote into .cache/bench and kept): the viewer's first screen,
// a text filter (handed to journalctl -g, as the viewer and the CLI do) and a unit filter, each side
// by side in the same run with journalctl itself piped to `wc -l`, with the counts (which must agree:
// journalctl's lines are its entries plus one "-- Boot …" line per change of boot) and the memory
// the reading side grew by. The machine may be shared: each pair runs ours, journalctl's, journalctl's,
// ours, and shows the better wall time of each and the CPU time (ours: node and its journalctl).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { withText } from '../../server/src/logs/journal/filters';
import { cursorHash, JournalMatches } from '../../server/src/logs/journal/matchIndex';
import { JournalSource } from '../../server/src/logs/journal/source';
import { JOURNAL_REMOTE, standardEntry, writeLargeJournal } from '../fixtures/journal/generate';
import { ms, printTable } from './common';

const MB = Number(process.env.BENCH_JOURNAL_MB ?? 1024);
/** journal-remote's files take about 330 bytes per entry of the standard fixture. */
const ENTRIES = Math.round((MB * 1024 * 1024) / 330);
const PER_FILE = 400_000;
const DIR = path.resolve(`.cache/bench/journal-${MB}mb`);

function sizeOf(dir: string): number {
  return fs.existsSync(dir) ? fs.readdirSync(dir).reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0) : 0;
}

/** CPU seconds used so far by this process and by the children it has waited for (journalctl, sh, wc). */
function cpuNow(): number {
  const st = fs.readFileSync('/proc/self/stat', 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
}

interface Run<T> {
  ms: number;
  cpu: number;
  value: T;
  grewMB: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<Run<T>> {
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu = cpuNow();
  const t = performance.now();
  const value = await fn();
  const took = performance.now() - t;
  clearInterval(probe);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: took, cpu: cpuNow() - cpu, value, grewMB: (peak - before.rss) / 1024 / 1024 };
}

const shell = (cmd: string) => timed(async () => spawnSync('sh', ['-c', cmd], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.trim());

/** Ours and journalctl's, as ours, theirs, theirs, ours: the better wall time of each, the CPU of that run. */
async function pair<T>(ours: () => Promise<T>, theirs: string): Promise<{ ours: Run<T>; theirs: Run<string> }> {
  const a = await timed(ours);
  const b = await shell(theirs);
  const c = await shell(theirs);
  const d = await timed(ours);
  return { ours: a.ms <= d.ms ? a : { ...d, grewMB: Math.max(a.grewMB, d.grewMB) }, theirs: b.ms <= c.ms ? b : c };
}

const fmt = (r: Run<unknown>) => `${ms(r.ms)} (cpu ${r.cpu.toFixed(1)} s)`;

/** Boot changes in a run of cursors: journalctl writes a "-- Boot …" line at each. */
function bootCounter(): { see: (cursor: string) => void; changes: () => number } {
  let boot = '';
  let n = 0;
  return {
    see: (c) => {
      const at = c.indexOf(';b=') + 3;
      const b = c.slice(at, c.indexOf(';', at));
      if (boot && b !== boot) n++;
      boot = b;
    },
    changes: () => n,
  };
}

async function main(): Promise<void> {
  if (!JOURNAL_REMOTE || spawnSync('journalctl', ['--version']).status !== 0) {
    console.log('systemd-journal-remote or journalctl is not installed: nothing to measure');
    return;
  }
  const stamp = path.join(DIR, '.complete');
  if (!fs.existsSync(stamp)) {
    fs.rmSync(DIR, { recursive: true, force: true });
    fs.mkdirSync(DIR, { recursive: true });
    const t = performance.now();
    process.stdout.write(`writing ${ENTRIES.toLocaleString()} entries into ${DIR} … `);
    await writeLargeJournal(DIR, ENTRIES, PER_FILE, (i) => standardEntry(i, ENTRIES, undefined, 1_000_000));
    fs.writeFileSync(stamp, String(ENTRIES));
    console.log(`${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const entries = Number(fs.readFileSync(stamp, 'utf8'));
  const J = `journalctl --no-pager --directory ${DIR}`;
  const src = new JournalSource({ directory: DIR });
  const rows: (string | number)[][] = [];
  const load0 = os.loadavg();

  const first = await pair(() => src.page(1000), `${J} | head -n 1000 | wc -l`);
  rows.push(["first screen (the viewer's first 1000 entries)", fmt(first.ours), first.ours.value.length, `${first.ours.grewMB.toFixed(1)} MB`, `journalctl | head -n 1000: ${fmt(first.theirs)}`, first.theirs.value]);
  const tail = await pair(() => src.before(200), `${J} -n 200 | wc -l`);
  rows.push(['last screen (200 entries, by cursor)', fmt(tail.ours), tail.ours.value.length, `${tail.ours.grewMB.toFixed(1)} MB`, `journalctl -n 200: ${fmt(tail.theirs)}`, tail.theirs.value]);

  // The viewer's background pass: counts every entry, keeping a cursor per 1000.
  let cursors: string[] = [];
  const all = await pair(() => {
    cursors = [];
    return src.countCursors(1000, (_k, c) => void cursors.push(c));
  }, `${J} -o cat | wc -l`);
  rows.push([`count all, keep ${cursors.length} cursors (viewer, background)`, fmt(all.ours), all.ours.value, `${all.ours.grewMB.toFixed(1)} MB`, `journalctl -o cat | wc -l: ${fmt(all.theirs)}`, all.theirs.value]);

  // The viewer's text filter, as its session runs it: the words go to journalctl -g, only the
  // matching cursors are read back and placed in their blocks by the count's cursors. The viewer's
  // default is case-insensitive, as journalctl's -g is for a pattern without capitals.
  const PATTERN = 'failed password';
  const textSrc = new JournalSource(withText({ directory: DIR }, [{ pattern: PATTERN }]));
  let matches = new JournalMatches(1000);
  let textBoots = bootCounter();
  const text = await pair(() => {
    matches = new JournalMatches(1000);
    matches.setCheckpoints(cursors);
    textBoots = bootCounter();
    return textSrc.countCursors(1, (_k, c) => {
      matches.add(c);
      textBoots.see(c);
    });
  }, `${J} -g '${PATTERN}' | wc -l`);
  const nText = text.ours.value;
  rows.push([`text filter '${PATTERN}' (viewer: journalctl -g, cursors placed)`, fmt(text.ours), `${nText} (+${textBoots.changes()} boot lines = ${nText + textBoots.changes()})`, `${text.ours.grewMB.toFixed(1)} MB`, `journalctl -g | wc -l: ${fmt(text.theirs)}`, text.theirs.value]);
  // Three matches (first, middle, last) are looked up in the block they were placed in, as the viewer shows them.
  let placed = 0;
  for (const i of [0, Math.floor(matches.length / 2), matches.length - 1]) {
    const m = matches.get(i);
    if (m && (await src.page(1000, { cursor: cursors[m.block] })).some((e) => cursorHash(e.__CURSOR) === m.key)) placed++;
  }
  // The CLI as shipped (dist/cli.js, built by the bench runner) takes the same path.
  const cli = await shell(`node dist/cli.js grep --journal ${DIR} -i -c '${PATTERN}'`);
  rows.push([`grep --journal -i -c '${PATTERN}' (CLI, own process)`, fmt(cli), cli.value, 'n/a', `journalctl -g | wc -l: ${fmt(text.theirs)}`, text.theirs.value]);

  // The viewer's pass when a unit is picked: journalctl -u in export format, counting, a cursor kept every 1000 entries.
  let unitCursors = 0;
  let unitBoots = bootCounter();
  const unit = await pair(() => {
    unitCursors = 0;
    unitBoots = bootCounter();
    return new JournalSource({ directory: DIR, units: ['nginx.service'] }).countCursors(1, (k, c) => {
      if (k % 1000 === 0) unitCursors++;
      unitBoots.see(c);
    });
  }, `${J} -u nginx.service | wc -l`);
  const nUnit = unit.ours.value;
  rows.push([`unit filter -u nginx.service (viewer, ${unitCursors} cursors)`, fmt(unit.ours), `${nUnit} (+${unitBoots.changes()} boot lines = ${nUnit + unitBoots.changes()})`, `${unit.ours.grewMB.toFixed(1)} MB`, `journalctl -u | wc -l: ${fmt(unit.theirs)}`, unit.theirs.value]);

  console.log(`\njournal: ${entries.toLocaleString()} entries, ${(sizeOf(DIR) / 1024 / 1024).toFixed(0)} MB in ${fs.readdirSync(DIR).length - 1} files (node ${process.version}, ${spawnSync('journalctl', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]})`);
  printTable(['task', 'ours', 'entries', 'memory grown', 'journalctl', 'journalctl lines'], rows);
  const same = Number(text.theirs.value) === nText + textBoots.changes() && Number(cli.value) === nText && Number(unit.theirs.value) === nUnit + unitBoots.changes() && all.ours.value === entries && Number(all.theirs.value) === entries;
  const grew = Math.max(first.ours.grewMB, all.ours.grewMB, text.ours.grewMB, unit.ours.grewMB);
  const noSlower = (p: { ours: Run<unknown>; theirs: Run<unknown> }) => `${p.ours.ms <= p.theirs.ms ? 'yes' : 'NO'} by wall time, ${p.ours.cpu <= p.theirs.cpu ? 'yes' : 'NO'} by CPU`;
  console.log(`load average: ${load0.map((l) => l.toFixed(2)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end (${os.cpus().length} CPUs)`);
  console.log(`targets: first screen ≤ 1 s: ${first.ours.ms <= 1000 ? 'yes' : 'NO'}; text filter no slower than journalctl -g | wc -l: ${noSlower(text)}; unit filter no slower than journalctl -u | wc -l: ${noSlower(unit)}; counts equal to journalctl's: ${same ? 'yes' : 'NO'}; matches found in their blocks: ${placed}/3; memory ≤ 100 MB: ${grew <= 100 ? 'yes' : 'NO'} (${grew.toFixed(1)} MB)`);
  process.exitCode = first.ours.ms <= 1000 && same && placed === 3 ? 0 : 1;
}

void main();
