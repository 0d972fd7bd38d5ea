// Worker thread entry (bundled as dist/statsWorker.js): counts one byte range of a file for
// parallelStatsOf and posts the part back, with progress on the way.
import { parentPort, workerData } from 'node:worker_threads';
import { statsPartOf, type StatsRangeJob } from './statsParallel';

const job = workerData as StatsRangeJob;
let last = 0;
statsPartOf(job.file, job.start, job.end, job.baseYear, (bytes) => {
  const now = Date.now();
  if (now - last >= 100) {
    last = now;
    parentPort!.postMessage({ progress: bytes });
  }
}).then(
  (part) => parentPort!.postMessage({ part }),
  (e: unknown) => parentPort!.postMessage({ error: (e as Error)?.message ?? String(e) }),
);
