import { Worker } from 'node:worker_threads';

/**
 * The end of the followed file, read by a thread of its own as soon as the file changes. With
 * copytruncate, lines written between logrotate's copy and its truncation (a few ms: it syncs the
 * copy in between) are in no file afterwards; a follower whose thread is busy then (VS Code's
 * extension host runs other work too) would never see them. This thread does nothing else, so it
 * has them, and the follower takes them from here after the truncation.
 */
export class FollowCapture {
  private readonly worker: Worker;
  /** Where the thread's reading of the current generation of the file has got to (it writes it). */
  private readonly progress: Float64Array;
  private asked = 0;
  private closed = false;
  private readonly answers = new Map<number, (b: Buffer | undefined) => void>();

  /** Reads `file` from `pos` on while it is the file `id` (device:inode). */
  constructor(file: string, id: string, pos: number) {
    const shared = new SharedArrayBuffer(8);
    this.progress = new Float64Array(shared);
    this.progress[0] = pos;
    this.worker = new Worker(CAPTURE_THREAD, { eval: true, workerData: { file, id, pos, shared } });
    this.worker.unref();
    this.worker.on('message', (m: { n: number; bytes?: Uint8Array }) => {
      this.answers.get(m.n)?.(m.bytes ? Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.length) : undefined);
      this.answers.delete(m.n);
    });
    this.worker.on('error', () => this.close());
    this.worker.on('exit', () => this.close());
  }

  /** How far the thread has read the current generation of the file (tests wait on it). */
  get captured(): number {
    return this.progress[0];
  }

  /**
   * After a truncation: the bytes from `pos` to the end of the generation that was truncated, when
   * the thread read them; `before` are the bytes just before `pos` (to make sure it is the same).
   */
  take(pos: number, before: Buffer): Promise<Buffer | undefined> {
    const n = ++this.asked;
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.answers.set(n, resolve);
      this.worker.postMessage({ take: n, pos, before });
    });
  }

  /** The follower moved on to another file at the path (a rename rotation). */
  switchTo(id: string): void {
    if (!this.closed) this.worker.postMessage({ switchTo: id });
  }

  close(): void {
    if (this.closed) return;
    for (const a of this.answers.values()) a(undefined);
    this.answers.clear();
    this.closed = true;
    void this.worker.terminate();
  }
}

// Plain JavaScript run by the thread: kept small, no imports of ours (it is the same text in the
// bundle and in tests). It keeps the last KEEP bytes of each generation, the newest GENS of them.
const CAPTURE_THREAD = `
const fs = require('fs');
const path = require('path');
const { parentPort, workerData } = require('worker_threads');
const KEEP = 4 << 20, GENS = 3;
const { file, shared } = workerData;
const progress = new Float64Array(shared);
let fd = -1;
let cur = { start: workerData.pos, end: workerData.pos, parts: [] };
const done = [];
function open(id) {
  if (fd >= 0) fs.closeSync(fd);
  fd = -1;
  try {
    const f = fs.openSync(file, 'r');
    const st = fs.fstatSync(f);
    if (st.dev + ':' + st.ino === id) fd = f;
    else fs.closeSync(f);
  } catch {}
}
function read() {
  if (fd < 0) return;
  try {
    for (;;) {
      const size = fs.fstatSync(fd).size;
      if (size < cur.end) {
        done.push(cur);
        if (done.length > GENS) done.shift();
        cur = { start: 0, end: 0, parts: [] };
      }
      if (size <= cur.end) break;
      const b = Buffer.allocUnsafe(Math.min(size - cur.end, 1 << 20));
      const n = fs.readSync(fd, b, 0, b.length, cur.end);
      if (n <= 0) break;
      cur.parts.push(b.subarray(0, n));
      cur.end += n;
      while (cur.parts.length > 1 && cur.end - cur.start - cur.parts[0].length >= KEEP) cur.start += cur.parts.shift().length;
    }
  } catch {}
  progress[0] = cur.end;
}
function take(pos, before) {
  read();
  let found;
  for (const g of done) {
    if (pos - before.length < g.start || pos > g.end) continue;
    const all = Buffer.concat(g.parts);
    const at = pos - g.start;
    if (all.subarray(at - before.length, at).equals(before)) {
      found = all.subarray(at);
      break;
    }
  }
  // The follower reads the file from its start again: so does this thread, in step with it (it
  // may have missed a truncation followed at once by more lines than it had read).
  done.length = 0;
  restart();
  return found;
}
function restart() {
  cur = { start: 0, end: 0, parts: [] };
  try {
    if (fd >= 0) cur.start = cur.end = Math.max(0, fs.fstatSync(fd).size - KEEP);
  } catch {}
  read();
}
open(workerData.id);
// Only the end matters (what a copy may lack): a long backlog is the follower's to read.
try {
  if (fd >= 0) cur.start = cur.end = Math.max(cur.end, fs.fstatSync(fd).size - KEEP);
} catch {}
const base = path.basename(file);
try {
  fs.watch(path.dirname(file), (kind, name) => { if (!name || name.toString() === base) read(); });
} catch {}
setInterval(read, 100);
read();
parentPort.on('message', (m) => {
  if (m.switchTo) {
    open(m.switchTo);
    done.length = 0;
    restart();
  } else if (m.take) {
    const b = take(m.pos, Buffer.from(m.before));
    parentPort.postMessage({ n: m.take, bytes: b });
  }
});
`;
