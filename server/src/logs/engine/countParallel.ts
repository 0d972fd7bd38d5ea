// Counting the lines a filter keeps in a big plain file on all cores (grep --count without rg):
// byte ranges cut at line starts, each counted by a worker thread (dist/statsWorker.js).
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledFilter } from './filter';
import { runFilter } from './filter';
import { isGzPath } from './reader';
import { rgCount, rgCountFrom, rgSlowOnRegexLiterals, type RgPlan } from './ripgrep';
import { lineStartCuts } from './statsParallel';

export interface CountRangeJob {
  kind: 'countRange';
  file: string;
  start: number;
  end: number;
  filter: CompiledFilter;
}

/** Lines of [start, end) the filter keeps (a worker's part of the count). */
export async function countRange(file: string, start: number, end: number, filter: CompiledFilter): Promise<number> {
  let n = 0;
  // 1 MiB reads: the block is still in the CPU cache when it is searched (and a regex's block
  // string stays small for the garbage collector).
  await runFilter(file, filter, () => void n++, { start, end, sync: true, chunkSize: 1 << 20 });
  return n;
}

/**
 * The number of lines the filter keeps: in byte ranges on all cores for a big plain file when the
 * worker script is there and the filter has no time range (whose years depend on earlier lines);
 * in one pass otherwise.
 */
export async function parallelCount(file: string, filter: CompiledFilter, opts: { workerScript?: string; workers?: number; minBytes?: number; /** count the first range on this thread (see ParallelOptions.here) */ here?: boolean } = {}): Promise<number> {
  const n = Math.max(1, Math.min(8, opts.workers ?? os.availableParallelism?.() ?? os.cpus().length));
  const size = fs.statSync(file).size;
  const timed = filter.spec.from !== undefined || filter.spec.to !== undefined;
  if (!opts.workerScript || n < 2 || timed || isGzPath(file) || size < (opts.minBytes ?? 32 << 20) || !fs.existsSync(opts.workerScript)) return countRange(file, 0, Infinity, filter);
  const cuts = lineStartCuts(file, size, n);
  const pending = cuts.slice(0, -1).map((start, k) =>
    k === 0 && opts.here
      ? undefined
      : new Promise<number>((resolve, reject) => {
          const job: CountRangeJob = { kind: 'countRange', file, start, end: cuts[k + 1], filter };
          const w = new Worker(opts.workerScript!, { workerData: job });
          w.on('message', (m: { count?: number; error?: string }) => (m.count !== undefined ? resolve(m.count) : m.error !== undefined ? reject(new Error(m.error)) : undefined));
          w.on('error', reject);
          w.on('exit', (code) => (code ? reject(new Error(`count worker exited with code ${code}`)) : undefined));
        }),
  );
  // Started after the workers, so that they boot while this thread counts.
  const first = opts.here ? countRange(file, cuts[0], cuts[1], filter) : undefined;
  const counts = await Promise.all(pending.map((p, k) => (k === 0 && first ? first : p!)));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The part of a count this thread takes while rg counts the rest from a line start (reading the
 * file as its stdin): about what makes both finish together, and 0 where rg alone is as fast.
 * Measured on a 1 GB syslog file, 2 cores, quiet machine (one JS thread against one rg):
 * - a literal: JS 0.43 s, rg 0.22 s, so a third here: 0.23 s → 0.15 s;
 * - a case-insensitive literal through PCRE2: JS 0.9 s, rg 0.6 s, 40% here: 0.62× grep → 0.43×;
 * - a regex with a required literal, rg 14 on: JS 0.85 s, rg 0.26 s, 15% here: 0.26 s → 0.24 s.
 *   Older rg counts it through the literal first (rgCount), on two cores already: nothing here.
 */
function jsShare(filter: CompiledFilter, plan: RgPlan, rg: string): number {
  const lead = filter.spec.include?.[0] ?? filter.spec.exclude?.[0];
  if (!lead) return 0;
  if (plan.args.includes('-P')) return 0.4;
  if (!lead.regex) return lead.caseSensitive ? 0.33 : 0.45;
  if (plan.literal) return rgSlowOnRegexLiterals(rg) ? 0 : 0.15;
  return 0.4;
}

/** The first line start at or after `pos` (the file's size when there is none). */
function lineStartAfter(file: string, pos: number, size: number): number {
  if (pos <= 0) return 0;
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (let p = pos - 1; p < size; ) {
      const got = fs.readSync(fd, buf, 0, buf.length, p);
      if (got <= 0) break;
      const nl = buf.subarray(0, got).indexOf(10);
      if (nl >= 0) return p + nl + 1;
      p += got;
    }
    return size;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The count through rg of a big plain file on two cores: rg counts from a line start to the end
 * while this thread counts the part before it with the JS engine, which keeps exactly the same
 * lines (the engines agree: test/unit/logs/count.fast.test.ts). One process (rg's own count)
 * for a small or compressed file, on one core or a busy machine (load average above the number
 * of cores), or when the rg plan checks more than its term.
 */
export async function hybridCount(rg: string, file: string, plan: RgPlan, filter: CompiledFilter, opts: { minBytes?: number; cores?: number; /** run-queue length (default: the 1-minute load average) */ load?: number; /** this thread's part (default: jsShare) */ share?: number } = {}): Promise<number> {
  const cores = opts.cores ?? os.availableParallelism?.() ?? os.cpus().length;
  // On a machine whose cores are all busy the second one is not free: rg alone costs less CPU.
  if ((opts.load ?? os.loadavg()[0]) > cores) return rgCount(rg, file, plan);
  const size = isGzPath(file) ? 0 : fs.statSync(file).size;
  const timed = filter.spec.from !== undefined || filter.spec.to !== undefined;
  if (plan.rest || timed || cores < 2 || size < (opts.minBytes ?? 64 << 20)) return rgCount(rg, file, plan);
  const share = opts.share ?? jsShare(filter, plan, rg);
  if (share === 0) return rgCount(rg, file, plan);
  const cut = lineStartAfter(file, Math.floor(size * share), size);
  if (cut <= 0 || cut >= size) return rgCount(rg, file, plan);
  const tail = rgCountFrom(rg, file, plan, cut);
  tail.catch(() => undefined); // awaited below
  const head = await countRange(file, 0, cut, filter);
  try {
    return head + (await tail);
  } catch {
    return rgCount(rg, file, plan); // no sh or dd: rg counts it all
  }
}
