// Follow across real rotations: BENCH_FOLLOW_LINES numbered lines (default 200,000) written at
// BENCH_FOLLOW_RATE lines/s (default 20,000) while `logrotate -f` rotates the file
// BENCH_FOLLOW_ROTATIONS times (default 5) in each mode: create (the writer reopens on SIGHUP from
// postrotate), copytruncate, and copytruncate + compress without delaycompress. Our Follower and
// `tail -F` follow the same file on the same run; the table gives the lines each never saw, and
// of the lines that end up in no file (copytruncate), how many each read before they were gone.
import { spawnSync } from 'node:child_process';
import { MODES, rotationRun } from '../fixtures/logs/rotation';
import { printTable } from './common';

const LINES = Number(process.env.BENCH_FOLLOW_LINES ?? 200_000);
const RATE = Number(process.env.BENCH_FOLLOW_RATE ?? 20_000);
const ROTATIONS = Number(process.env.BENCH_FOLLOW_ROTATIONS ?? 5);

async function main(): Promise<void> {
  if (spawnSync('logrotate', ['--version']).status !== 0) {
    console.log('logrotate is not installed: nothing to measure');
    return;
  }
  const hasTail = spawnSync('tail', ['--version']).status === 0;
  const rows: (string | number)[][] = [];
  let bad = 0;
  for (const mode of MODES) {
    const r = await rotationRun(mode, { lines: LINES, rate: RATE, rotations: ROTATIONS, tail: hasTail });
    if (r.missedOnDisk || r.repeatedOurs || r.lostMidWindow) bad++;
    const tailCol = (v: number | undefined) => (hasTail ? (v ?? '?') : 'not installed');
    rows.push([mode, r.rotations, r.lostOurs, tailCol(r.lostTail), r.repeatedOurs, r.destroyed, r.caughtOurs, tailCol(r.caughtTail), r.missedOnDisk, r.lostMidWindow]);
  }
  console.log(`\nfollow across logrotate -f: ${LINES.toLocaleString()} lines at ${RATE.toLocaleString()}/s, ${ROTATIONS} rotations per mode (node ${process.version})`);
  printTable(['mode', 'rotations', 'lost (ours)', 'lost (tail -F)', 'repeated (ours)', 'in no file at the end', 'of those, read by ours', 'by tail -F', 'ours missed though on disk', 'ours skipped mid-window'], rows);
  console.log('"in no file at the end": written between the end of the copy and the truncation (logrotate syncs the copy in between, a few ms);');
  console.log('only a reader that ran in between has them. The newest of them can be written microseconds before the truncation, so a');
  console.log('reader may miss them (logrotate(8): "some logging data might be lost"); the last two columns are always 0 unless a bug.');
  process.exitCode = bad ? 1 : 0;
}

void main();
