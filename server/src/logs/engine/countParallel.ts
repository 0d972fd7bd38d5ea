// Counting the lines a filter keeps in a big plain file on all cores (grep --count without rg):
// byte ranges cut at line starts, each counted by a worker thread (dist/statsWorker.js).
import * as fs from 'node:fs';
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledFilter } from './filter';
import { runFilter } from './filter';
import { isGzPath } from './reader';
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
  await runFilter(file, filter, () => void n++, { start, end, sync: true });
  return n;
}

/**
 * The number of lines the filter keeps: in byte ranges on all cores for a big plain file when the
 * worker script is there and the filter has no time range (whose years depend on earlier lines);
 * in one pass otherwise.
 */
export async function parallelCount(file: string, filter: CompiledFilter, opts: { workerScript?: string; workers?: number; minBytes?: number } = {}): Promise<number> {
  const n = Math.max(1, Math.min(8, opts.workers ?? os.availableParallelism?.() ?? os.cpus().length));
  const size = fs.statSync(file).size;
  const timed = filter.spec.from !== undefined || filter.spec.to !== undefined;
  if (!opts.workerScript || n < 2 || timed || isGzPath(file) || size < (opts.minBytes ?? 32 << 20) || !fs.existsSync(opts.workerScript)) return countRange(file, 0, Infinity, filter);
  const cuts = lineStartCuts(file, size, n);
  const counts = await Promise.all(
    cuts.slice(0, -1).map(
      (start, k) =>
        new Promise<number>((resolve, reject) => {
          const job: CountRangeJob = { kind: 'countRange', file, start, end: cuts[k + 1], filter };
          const w = new Worker(opts.workerScript!, { workerData: job });
          w.on('message', (m: { count?: number; error?: string }) => (m.count !== undefined ? resolve(m.count) : m.error !== undefined ? reject(new Error(m.error)) : undefined));
          w.on('error', reject);
          w.on('exit', (code) => (code ? reject(new Error(`count worker exited with code ${code}`)) : undefined));
        }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}
