// The viewer's worker (worker_threads): builds the sparse index, runs filters and counts, so the
// extension host never scans a big file itself. One worker per job; the host terminates it to
// cancel (which also stops a regular expression that backtracks for too long).
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndex, LineIndex, compileFilter, NewlineFinder, runFilter, StatsAccumulator, statsOf, DEFAULT_CHUNK, isGzPath } from '../../../server/src/logs/engine';
import type { WorkerJob, WorkerReply } from './workerTypes';

const post = (m: WorkerReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
const INTERVAL = 100;

function sizeOf(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += fs.statSync(f).size;
    } catch {
      /* reported when read */
    }
  }
  return n;
}

async function index(job: Extract<WorkerJob, { kind: 'index' }>): Promise<void> {
  let last = Date.now();
  const total = sizeOf([job.file]);
  const ix = new LineIndex(job.step);
  await buildIndex(job.file, {
    step: job.step,
    sync: true,
    onProgress: (bytes) => {
      const now = Date.now();
      if (now - last >= INTERVAL) {
        last = now;
        const state = ix.exportState();
        post({ kind: 'index', state, done: false }, [state.cps.buffer as ArrayBuffer]);
        post({ kind: 'progress', done: isGzPath(job.file) ? 0 : bytes, total });
      }
    },
  }, ix);
  const state = ix.exportState();
  post({ kind: 'index', state, done: true }, [state.cps.buffer as ArrayBuffer]);
}

async function filter(job: Extract<WorkerJob, { kind: 'filter' }>): Promise<void> {
  const c = compileFilter(job.spec, job.encoding);
  if (!c.ok) {
    post({ kind: 'error', message: c.error, code: 'filter' });
    return;
  }
  const finder = new NewlineFinder(DEFAULT_CHUNK);
  let batch = new Uint32Array(4096);
  let nBatch = 0;
  let total = 0;
  let stored = 0;
  let scannedBase = 0;
  let scanned = 0;
  let last = Date.now();
  const flush = () => {
    if (nBatch) {
      const lines = batch.slice(0, nBatch);
      post({ kind: 'matches', lines, total, scanned }, [lines.buffer]);
      nBatch = 0;
    }
  };
  let lineBase = job.range?.lineBase ?? 0;
  for (let i = 0; i < job.files.length; i++) {
    const file = job.files[i];
    // Line numbers: count newlines between matches with the SIMD finder.
    let line = 0;
    let cursor = 0; // where counting stopped in the current block
    let endsWithNewline = true;
    await runFilter(
      file,
      c.filter,
      (buf, s) => {
        line += -finder.findKth(buf, cursor, s, 0x7fffffff) - 1;
        cursor = s;
        total++;
        if (stored < job.maxStored) {
          if (nBatch === batch.length) {
            flush();
            batch = new Uint32Array(4096);
          }
          batch[nBatch++] = lineBase + line;
          stored++;
        }
        const now = Date.now();
        if (now - last >= INTERVAL) {
          last = now;
          flush();
        }
      },
      {
        sync: true,
        start: job.range?.start,
        end: job.range?.end,
        completeOnly: !!job.range,
        buffer: isGzPath(file) ? undefined : finder.buffer,
        baseYear: job.baseYears[i],
        onBlock: (buf, from, to, offset) => {
          line += -finder.findKth(buf, cursor, to, 0x7fffffff) - 1;
          cursor = 0;
          endsWithNewline = to > from && buf[to - 1] === 10;
          scanned = scannedBase + offset + to - from;
        },
        onProgress: () => {
          const now = Date.now();
          if (now - last >= INTERVAL) {
            last = now;
            flush();
            post({ kind: 'progress', done: scanned, total: totalSize });
          }
        },
      },
    );
    if (!endsWithNewline) line++;
    lineBase += line;
    scannedBase = scanned;
  }
  flush();
  post({ kind: 'filterDone', total, stored, scanned });
}
let totalSize = 0;

async function stats(job: Extract<WorkerJob, { kind: 'stats' }>): Promise<void> {
  const acc = new StatsAccumulator(job.baseYears[0] ?? new Date().getFullYear());
  let base = 0;
  let last = Date.now();
  for (let i = 0; i < job.files.length; i++) {
    acc.setBaseYear(job.baseYears[i]);
    await statsOf(job.files[i], acc, {
      sync: true,
      onProgress: (bytes) => {
        const now = Date.now();
        if (now - last >= INTERVAL) {
          last = now;
          post({ kind: 'progress', done: base + bytes, total: totalSize });
        }
      },
    });
    base = acc.bytes;
  }
  post({ kind: 'stats', stats: acc.result(8) });
}

async function main(): Promise<void> {
  const job = workerData as WorkerJob;
  try {
    if (job.kind === 'index') await index(job);
    else if (job.kind === 'filter') {
      totalSize = sizeOf(job.files);
      await filter(job);
    } else {
      totalSize = sizeOf(job.files);
      await stats(job);
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    post({ kind: 'error', message: err?.message ?? String(e), code: err?.code });
  }
}

void main();
