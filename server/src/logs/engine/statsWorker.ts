// Worker thread entry (bundled as dist/statsWorker.js): counts one byte range of a file — per
// hour and program for parallelStatsOf, or the lines a filter keeps for parallelCount — and
// posts the result back (with progress for stats).
import { parentPort, workerData } from 'node:worker_threads';
import { countRange, type CountRangeJob } from './countParallel';
import { statsPartOf, type StatsRangeJob } from './statsParallel';

const job = workerData as StatsRangeJob | CountRangeJob;
const fail = (e: unknown) => parentPort!.postMessage({ error: (e as Error)?.message ?? String(e) });
if (job.kind === 'countRange') {
  countRange(job.file, job.start, job.end, job.filter).then((count) => parentPort!.postMessage({ count }), fail);
} else {
  let last = 0;
  statsPartOf(job.file, job.start, job.end, job.baseYear, (bytes) => {
    const now = Date.now();
    if (now - last >= 100) {
      last = now;
      parentPort!.postMessage({ progress: bytes });
    }
  }, job.format).then((part) => parentPort!.postMessage({ part }), fail);
}
