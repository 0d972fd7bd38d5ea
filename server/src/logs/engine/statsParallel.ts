// Counting a big plain file in pieces on all cores: each worker thread counts one byte range (cut
// at line starts) and the parts are joined in file order. The join is exact or not done: a part
// whose inferred year depends on the parts before it (a new year inside the file, rare) or with
// more programs than are kept by name sends the file to the one-pass count.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { forEachLineBlock, type ScanOptions } from './blocks';
import { isGzPath } from './reader';
import { StatsAccumulator, statsOf, type StatsPart } from './stats';

/** What a stats worker is given (workerData) and posts back. */
export interface StatsRangeJob {
  kind: 'statsRange';
  file: string;
  start: number;
  end: number;
  baseYear: number;
  /** The file's dominant format, when its times are not syslog's (StatsAccumulator). */
  format?: string;
}

/** Counts lines [start, end) of a file (both at line starts) as one part. */
export async function statsPartOf(file: string, start: number, end: number, baseYear: number, onProgress?: (bytes: number) => void, format?: string): Promise<StatsPart> {
  const acc = new StatsAccumulator(baseYear, format);
  await forEachLineBlock(file, (buf, from, to, offset) => {
    acc.add(buf, from, to);
    onProgress?.(offset + to - from - start);
  }, { start, end, sync: true });
  return acc.part();
}

/** Cut points at line starts, splitting [0, size) into about n equal ranges. */
export function lineStartCuts(file: string, size: number, n: number): number[] {
  const cuts = [0];
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (let k = 1; k < n; k++) {
      let pos = Math.max(cuts[cuts.length - 1], Math.floor((size * k) / n));
      for (;;) {
        const got = fs.readSync(fd, buf, 0, buf.length, pos);
        if (got <= 0) {
          pos = size;
          break;
        }
        const nl = buf.subarray(0, got).indexOf(10);
        if (nl >= 0) {
          pos += nl + 1;
          break;
        }
        pos += got;
      }
      if (pos < size && pos > cuts[cuts.length - 1]) cuts.push(pos);
    }
  } finally {
    fs.closeSync(fd);
  }
  cuts.push(size);
  return cuts;
}

/**
 * Joins parts (in file order) into `acc`, which was just given the file's base year. False, with
 * `acc` untouched, when they cannot be joined exactly.
 */
export function joinParts(acc: StatsAccumulator, parts: StatsPart[]): boolean {
  const probe = acc.part();
  let year = probe.endYear;
  let last = probe.lastMonth;
  for (const p of parts) {
    if (acc.yearAfter(p, year, last) !== p.startYear) return false;
    if (p.lastMonth >= 0) {
      year = p.endYear;
      last = p.lastMonth;
    }
  }
  for (const p of parts) acc.absorb(p);
  return true;
}

export interface ParallelOptions extends ScanOptions {
  /** The bundled stats worker (statsWorker.js); without it, one pass on this thread. */
  workerScript?: string;
  /** Worker threads (default: the number of cores, at most 8). */
  workers?: number;
  /** Files smaller than this are counted in one pass (default 32 MiB). */
  minBytes?: number;
  onProgress?: (bytes: number) => void;
  /**
   * Count the first range on this thread while the workers count the others (one worker fewer to
   * start): for a caller whose thread has nothing else to do meanwhile (the CLI).
   */
  here?: boolean;
}

/** statsOf on all cores for a big plain file; one pass otherwise (and for .gz, which cannot be cut). */
export async function parallelStatsOf(file: string, acc: StatsAccumulator, baseYear: number, opts: ParallelOptions = {}): Promise<void> {
  const n = Math.max(1, Math.min(8, opts.workers ?? os.availableParallelism?.() ?? os.cpus().length));
  const before = fs.statSync(file);
  const single = () => statsOf(file, acc, opts);
  if (!opts.workerScript || n < 2 || isGzPath(file) || before.size < (opts.minBytes ?? 32 << 20) || !fs.existsSync(opts.workerScript)) return single();
  const cuts = lineStartCuts(file, before.size, n);
  const done = new Array<number>(cuts.length - 1).fill(0);
  const progress = (k: number, bytes: number) => {
    done[k] = bytes;
    opts.onProgress?.(done.reduce((a, b) => a + b, 0));
  };
  const pending = cuts.slice(0, -1).map((start, k) =>
    k === 0 && opts.here
      ? undefined
      : new Promise<StatsPart>((resolve, reject) => {
          const job: StatsRangeJob = { kind: 'statsRange', file, start, end: cuts[k + 1], baseYear, format: acc.format };
          const w = new Worker(opts.workerScript!, { workerData: job });
          w.on('message', (m: { progress?: number; part?: StatsPart; error?: string }) => {
            if (m.progress !== undefined) progress(k, m.progress);
            else if (m.part) resolve(m.part);
            else reject(new Error(m.error));
          });
          w.on('error', reject);
          w.on('exit', (code) => (code ? reject(new Error(`stats worker exited with code ${code}`)) : undefined));
        }),
  );
  // Started after the workers, so that they boot while this thread counts.
  const first = opts.here ? statsPartOf(file, cuts[0], cuts[1], baseYear, (b) => progress(0, b), acc.format) : undefined;
  const parts = await Promise.all(pending.map((p, k) => (k === 0 && first ? first : p!)));
  const after = fs.statSync(file, { throwIfNoEntry: false });
  if (!after || after.ino !== before.ino || after.size < before.size) return single(); // changed meanwhile: count it as it is now
  if (!joinParts(acc, parts)) return single();
}
