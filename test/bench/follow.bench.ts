// Follow across real rotations: BENCH_FOLLOW_LINES numbered lines (default 200,000) written at
// BENCH_FOLLOW_RATE lines/s (default 20,000) while `logrotate -f` rotates the file
// BENCH_FOLLOW_ROTATIONS times (default 5) in each mode: create (the writer reopens on SIGHUP from
// postrotate), copytruncate, and copytruncate + compress without delaycompress. Our Follower and
// `tail -F` follow the same file on the same run; the table gives the lines each never saw.
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
    if (r.lostOurs || r.repeatedOurs) bad++;
    rows.push([mode, r.rotations, r.lostOurs, r.repeatedOurs, r.lostTail ?? 'not installed', r.destroyed, r.missedOnDisk]);
  }
  console.log(`\nfollow across logrotate -f: ${LINES.toLocaleString()} lines at ${RATE.toLocaleString()}/s, ${ROTATIONS} rotations per mode (node ${process.version})`);
  printTable(['mode', 'rotations', 'lost (ours)', 'repeated (ours)', 'lost (tail -F)', 'in no file at the end', 'ours missed though on disk'], rows);
  console.log('"in no file at the end": written between the end of the copy and the truncation; only a reader that read them in those few ms has them.');
  process.exitCode = bad ? 1 : 0;
}

void main();
