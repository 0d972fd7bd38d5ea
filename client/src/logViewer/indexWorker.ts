// The viewer's worker (worker_threads): builds the sparse index, runs filters and counts, so the
// extension host never scans a big file itself. One worker per job; the host terminates it to
// cancel (which also stops a regular expression that backtracks for too long).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildIndex, LineIndex, compileFilter, NewlineFinder, runFilter, StatsAccumulator, parallelStatsOf, DEFAULT_CHUNK, isGzPath, rgPlan, rgFilter, rgLineCount, type RgPlan } from '../../../server/src/logs/engine';
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
  // rg for plain files; .gz files stay with the JS engine, which is faster than `rg -z` there and
  // keeps its memory bounded on an endless line (a gzip bomb), where rg holds the whole line.
  const plan = job.rg && !job.range ? rgPlan(c.filter) : undefined;
  const keep = (line: number) => {
    total++;
    if (nBatch === batch.length) {
      flush();
      batch = new Uint32Array(4096);
    }
    batch[nBatch++] = line;
    stored++;
    const now = Date.now();
    if (now - last >= INTERVAL) {
      last = now;
      flush();
    }
  };
  const beat = plan ? setInterval(() => post({ kind: 'progress', done: scanned, total: totalSize }), INTERVAL * 5) : undefined;
  try {
    for (let i = 0; i < job.files.length; i++) {
      const file = job.files[i];
      if (plan && !isGzPath(file)) {
        const lines = await filterFileWithRg(job.rg!, file, plan, job.baseYears[i], i + 1 < job.files.length, (line, at) => {
          scanned = scannedBase + at;
          keep(lineBase + line);
        });
        lineBase += lines;
        scannedBase += sizeOf([file]);
        scanned = scannedBase;
        continue;
      }
      // Line numbers: count newlines between matches with the SIMD finder.
      let line = 0;
      // Where counting stopped in the current block (-1: at its start, which need not be index 0:
      // a last line without a newline comes as a block of its own in the same buffer).
      let cursor = -1;
      let next = job.range?.start ?? 0; // file offset of the next block's first byte
      let endsWithNewline = true;
      await runFilter(
        file,
        c.filter,
        (buf, s, _e, offset) => {
          if (cursor < 0) cursor = s - (offset - next);
          line += -finder.findKth(buf, cursor, s, 0x7fffffff) - 1;
          cursor = s;
          keep(lineBase + line);
        },
        {
          sync: true,
          start: job.range?.start,
          end: job.range?.end,
          completeOnly: !!job.range,
          buffer: isGzPath(file) ? undefined : finder.buffer,
          baseYear: job.baseYears[i],
          onBlock: (buf, from, to, offset) => {
            line += -finder.findKth(buf, cursor < 0 ? from : cursor, to, 0x7fffffff) - 1;
            cursor = -1;
            next = offset + to - from;
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
  } finally {
    if (beat) clearInterval(beat);
  }
  flush();
  post({ kind: 'filterDone', total, stored, scanned: plan ? totalSize : scanned });
}

/**
 * One plain file's matches through rg, which gives line numbers (from 0 here); with `countLines`
 * its line count too (for the next file's first line number), counted by rg as well.
 */
async function filterFileWithRg(rg: string, file: string, plan: RgPlan, baseYear: number, countLines: boolean, onLine: (line: number, scanned: number) => void): Promise<number> {
  const onSpawn = (pid: number, running: boolean) => post({ kind: 'child', pid, running });
  let at = 0;
  await rgFilter(rg, file, plan, (_b, _s, _e, line, offset) => {
    if (offset >= 0) at = offset;
    onLine(line, at);
  }, { baseYear, onSpawn });
  return countLines ? rgLineCount(rg, file, onSpawn) : 0;
}

/** Bytes of the job's files, for progress. */
let totalSize = 0;

async function stats(job: Extract<WorkerJob, { kind: 'stats' }>): Promise<void> {
  const acc = new StatsAccumulator(job.baseYears[0] ?? new Date().getFullYear(), job.format);
  let base = 0;
  let last = Date.now();
  for (let i = 0; i < job.files.length; i++) {
    acc.setBaseYear(job.baseYears[i]);
    // Big plain files: byte ranges counted on all cores by dist/statsWorker.js.
    await parallelStatsOf(job.files[i], acc, job.baseYears[i], {
      workerScript: path.join(__dirname, 'statsWorker.js'),
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
