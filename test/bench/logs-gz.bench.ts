// .gz logs whose lines are long or endless: `linux-admin-configs grep -c` (dist/cli.js) next to
// `zcat | wc -l` and `zgrep -c`, with wall time and peak memory (GNU time's maximum RSS) of each.
// Inputs, generated once into .cache/bench/: one line of BENCH_GZ_LINE_MB MiB (default 256) ending
// in a word to find, and a gzip bomb: BENCH_GZ_BOMB_MB MiB (default 4096) of NUL bytes, no newline.
// The line is the quadratic case (each inflated MiB copied the unfinished line again).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { printTable } from './common';

const ROOT = process.cwd();
const DIR = path.join(ROOT, '.cache', 'bench');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const LINE_MB = Number(process.env.BENCH_GZ_LINE_MB ?? 256);
const BOMB_MB = Number(process.env.BENCH_GZ_BOMB_MB ?? 4096);
const WORD = 'NEEDLE-AT-THE-END';

/** Streams `mb` MiB made by `piece(i)` (1 MiB each) through gzip into `file`, once. */
async function ensure(file: string, mb: number, piece: (i: number) => Buffer, level: number): Promise<void> {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(DIR, { recursive: true });
  const t = performance.now();
  const source = Readable.from((function* () {
    for (let i = 0; i < mb; i++) yield piece(i);
  })());
  await pipeline(source, zlib.createGzip({ level }), fs.createWriteStream(file + '.part'));
  fs.renameSync(file + '.part', file);
  console.log(`generated ${path.basename(file)} (${(fs.statSync(file).size / 1048576).toFixed(1)} MiB compressed) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** One 1 MiB piece of a long line: varied text, no newline; the last piece ends with WORD and '\n'. */
function linePiece(mb: number): (i: number) => Buffer {
  return (i) => {
    let s = '';
    for (let k = 0; s.length < 1048576; k++) s += `key${(i * 7919 + k) % 100003}=value${k % 977} `;
    const b = Buffer.from(s.slice(0, 1048576), 'latin1');
    if (i === mb - 1) b.write(WORD + '\n', b.length - WORD.length - 1, 'latin1');
    return b;
  };
}

/** Wall seconds and peak RSS (MiB) of a command, from GNU time; undefined when it failed. */
function measure(cmd: string[]): { s: number; mb: number; out: string } | undefined {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { encoding: 'utf8', timeout: 1_800_000, maxBuffer: 1 << 26 });
  const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (r.error || !m) return undefined;
  return { s: Number(m[1]), mb: Number(m[2]) / 1024, out: (r.stdout ?? '').trim() };
}

const fmt = (x: ReturnType<typeof measure>) => (x ? `${x.s.toFixed(2)} s, ${x.mb.toFixed(0)} MiB (out ${x.out || '-'})` : 'failed');

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run node scripts/build.mjs');
  if (!fs.existsSync('/usr/bin/time')) throw new Error('GNU time (/usr/bin/time) is needed for peak memory');
  const lineGz = path.join(DIR, `one-line-${LINE_MB}mb.log.gz`);
  const bombGz = path.join(DIR, `bomb-${BOMB_MB}mb.log.gz`);
  await ensure(lineGz, LINE_MB, linePiece(LINE_MB), 1);
  const zeros = Buffer.alloc(1048576);
  await ensure(bombGz, BOMB_MB, () => zeros, 9);
  const rows: string[][] = [];
  for (const [what, file, word] of [
    [`one line of ${LINE_MB} MiB`, lineGz, WORD],
    [`gzip bomb: ${BOMB_MB} MiB of NUL from ${(fs.statSync(bombGz).size / 1048576).toFixed(1)} MiB`, bombGz, 'x'],
  ] as const) {
    spawnSync('cat', [file], { stdio: 'ignore' }); // page cache
    const ours = measure([process.execPath, CLI, 'grep', '-c', word, file]);
    const wc = measure(['sh', '-c', 'zcat "$1" | wc -l', 'sh', file]);
    const zg = measure(['zgrep', '-c', word, file]);
    rows.push([what, 'linux-admin-configs grep -c', fmt(ours)]);
    rows.push(['', 'zcat | wc -l', fmt(wc)]);
    rows.push(['', 'zgrep -c', fmt(zg)]);
  }
  console.log(`\n.gz long lines and a gzip bomb (node ${process.version}); time = wall clock, memory = peak RSS`);
  printTable(['input', 'command', 'time, peak memory (output)'], rows);
}

void main();
