// The journal through journalctl on a large journal directory (BENCH_JOURNAL_MB, default 1024 MB,
// written once with systemd-journal-remote into .cache/bench and kept): the viewer's first screen,
// a text filter and a unit filter, each side by side in the same run with journalctl itself piped
// to `wc -l`, with the counts (which must agree) and the memory the reading side grew by.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { entryLine, JournalSource } from '../../server/src/logs/journal/source';
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

function shell(cmd: string): { ms: number; out: string } {
  const t = performance.now();
  const r = spawnSync('sh', ['-c', cmd], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { ms: performance.now() - t, out: r.stdout.trim() };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; grewMB: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const probe = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  const value = await fn();
  const took = performance.now() - t;
  clearInterval(probe);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms: took, value, grewMB: (peak - before.rss) / 1024 / 1024 };
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
  const src = new JournalSource({ directory: DIR });
  const rows: (string | number)[][] = [];

  const first = await timed(() => src.page(1000));
  const tail = await timed(() => src.before(200));
  const jFirst = shell(`journalctl --no-pager --directory ${DIR} -n 100 | wc -l`);
  const jHead = shell(`journalctl --no-pager --directory ${DIR} | head -n 1000 | wc -l`);
  rows.push(['first screen (the viewer\'s first 1000 entries)', ms(first.ms), first.value.length, `${first.grewMB.toFixed(1)} MB`, `journalctl | head -n 1000: ${ms(jHead.ms)}`, jHead.out]);
  rows.push(['last screen (200 entries, by cursor)', ms(tail.ms), tail.value.length, `${tail.grewMB.toFixed(1)} MB`, `journalctl -n 100: ${ms(jFirst.ms)}`, jFirst.out]);

  // The viewer's background pass: counts every entry, keeping a cursor per 1000.
  const cursors: string[] = [];
  const all = await timed(() => src.countCursors(1000, (_k, c) => void cursors.push(c)));
  const nAll = all.value;
  const jAll = shell(`journalctl --no-pager --directory ${DIR} -o cat | wc -l`);
  rows.push([`count all, keep ${cursors.length} cursors`, ms(all.ms), nAll, `${all.grewMB.toFixed(1)} MB`, `journalctl -o cat | wc -l: ${ms(jAll.ms)}`, jAll.out]);

  // The CLI as shipped (dist/cli.js, built by the bench runner): grep --journal -c PATTERN.
  const PATTERN = 'Failed password';
  const text = shell(`node dist/cli.js grep --journal ${DIR} -c '${PATTERN}'`);
  // journalctl's default output, as an admin pipes it; its "-- Boot …" separators are not entries.
  const jText = shell(`journalctl --no-pager --directory ${DIR} -g '${PATTERN}' --case-sensitive=yes | grep -vc '^-- '`);
  rows.push([`grep --journal -c '${PATTERN}' (CLI)`, ms(text.ms), text.out, 'n/a (own process)', `journalctl -g | grep -vc '^-- ': ${ms(jText.ms)}`, jText.out]);

  // A unit filter: lines as the CLI prints them, and the viewer's own pass when a unit is picked
  // (journalctl -u in export format, counting, a cursor kept every 1000 entries for its numbering).
  let nUnit = 0;
  const unit = await timed(() => new JournalSource({ directory: DIR, units: ['nginx.service'] }).lines(() => void nUnit++));
  const jUnit = shell(`journalctl --no-pager --directory ${DIR} -u nginx.service | grep -vc '^-- '`);
  const jUnitWc = shell(`journalctl --no-pager --directory ${DIR} -u nginx.service | wc -l`);
  rows.push(['unit filter -u nginx.service (CLI lines)', ms(unit.ms), nUnit, `${unit.grewMB.toFixed(1)} MB`, `journalctl -u | grep -vc '^-- ': ${ms(jUnit.ms)}`, jUnit.out]);
  const unitCursors: string[] = [];
  const view = await timed(() => new JournalSource({ directory: DIR, units: ['nginx.service'] }).countCursors(1000, (_k, c) => void unitCursors.push(c)));
  const nView = view.value;
  rows.push([`unit filter -u nginx.service (viewer, ${unitCursors.length} cursors)`, ms(view.ms), nView, `${view.grewMB.toFixed(1)} MB`, `journalctl -u | wc -l: ${ms(jUnitWc.ms)}`, jUnitWc.out]);
  // The viewer's text filter under that unit: one pass in export format over the fields it shows
  // (it matches the whole shown line, so it cannot hand the pattern to journalctl -g).
  let nJson = 0;
  const fields = ['MESSAGE', '_HOSTNAME', 'SYSLOG_IDENTIFIER', '_COMM', '_PID', 'SYSLOG_PID', '_SYSTEMD_UNIT', 'PRIORITY', 'MESSAGE_ID', '_BOOT_ID'];
  const json = await timed(() => new JournalSource({ directory: DIR, units: ['nginx.service'] }).scan((e) => void (entryLine(e) && nJson++), fields));
  const jText2 = shell(`journalctl --no-pager --directory ${DIR} -u nginx.service -o short-iso-precise | wc -l`);
  rows.push(['text filter pass under -u nginx.service (viewer, export)', ms(json.ms), nJson, `${json.grewMB.toFixed(1)} MB`, `journalctl -u -o short-iso-precise | wc -l: ${ms(jText2.ms)}`, jText2.out]);

  console.log(`\njournal: ${entries.toLocaleString()} entries, ${(sizeOf(DIR) / 1024 / 1024).toFixed(0)} MB in ${fs.readdirSync(DIR).length - 1} files (node ${process.version}, ${spawnSync('journalctl', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]})`);
  printTable(['task', 'ours', 'entries', 'memory grown', 'journalctl', 'journalctl lines'], rows);
  const same = jText.out === text.out && Number(jUnit.out) === nUnit && nView === nUnit && nJson === nUnit;
  console.log(`targets: first screen ≤ 1 s: ${first.ms <= 1000 ? 'yes' : 'NO'}; viewer's unit filter no slower than journalctl -u | wc -l: ${view.ms <= jUnitWc.ms ? 'yes' : 'NO'}; counts equal to journalctl's: ${same ? 'yes' : 'NO'}; memory ≤ 100 MB: ${Math.max(first.grewMB, all.grewMB, unit.grewMB, view.grewMB, json.grewMB) <= 100 ? 'yes' : 'NO'}`);
  process.exitCode = first.ms <= 1000 && same ? 0 : 1;
}

void main();
