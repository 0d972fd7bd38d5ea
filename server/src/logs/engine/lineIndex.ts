import { DEFAULT_CHUNK, forEachLineBlock, type ScanOptions } from './blocks';
import { NewlineFinder } from './newlines';

/** Default distance between checkpoints: one stored offset per 256 lines (≈ 25 KiB of syslog). */
export const DEFAULT_STEP = 256;

/**
 * A sparse line index: the byte offset of every `step`-th line start. A 1 GB syslog of 10 M lines
 * needs 40 k checkpoints (320 KB); a line is found by jumping to its checkpoint and scanning at most
 * `step` lines forward.
 */
export class LineIndex {
  private cps: Float64Array;
  private nCps = 1;
  /** Lines that end with a newline. */
  complete = 0;
  /** Bytes indexed so far. */
  bytes = 0;

  constructor(readonly step = DEFAULT_STEP) {
    this.cps = new Float64Array(1024);
    this.cps[0] = 0;
  }

  /** Total lines, counting an unterminated last line. */
  get lines(): number {
    return this.complete + (this.bytes > this.lastLineStart ? 1 : 0);
  }

  /** Offset where the last (possibly unterminated) line starts. */
  lastLineStart = 0;

  get endsWithNewline(): boolean {
    return this.bytes === this.lastLineStart;
  }

  get checkpointCount(): number {
    return this.nCps;
  }

  /** Feeds the next block of the file (contiguous with what came before). */
  add(buf: Buffer, from: number, to: number, offset: number, finder: NewlineFinder = fallbackFinder): void {
    const step = this.step;
    let need = (Math.floor(this.complete / step) + 1) * step - this.complete; // newlines to the next checkpoint
    let p = from;
    for (;;) {
      const r = finder.findKth(buf, p, to, need);
      if (r < 0) {
        this.complete += -r - 1;
        break;
      }
      this.complete += need;
      this.push(offset + r - from);
      need = step;
      p = r;
    }
    const last = to > from ? buf.lastIndexOf(10, to - 1) : -1;
    if (last >= from) this.lastLineStart = offset + last + 1 - from;
    this.bytes = offset + (to - from);
  }

  private push(off: number): void {
    if (this.nCps === this.cps.length) {
      const n = new Float64Array(this.cps.length * 2);
      n.set(this.cps);
      this.cps = n;
    }
    this.cps[this.nCps++] = off;
  }

  /** The checkpoint at or before `line`: its line number and byte offset. */
  checkpointFor(line: number): { line: number; offset: number } {
    const k = Math.min(Math.floor(line / this.step), this.nCps - 1);
    return { line: k * this.step, offset: this.cps[k] };
  }

  /** The checkpoint at or before byte `offset`. */
  checkpointAtOffset(offset: number): { line: number; offset: number } {
    let lo = 0;
    let hi = this.nCps - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.cps[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo * this.step, offset: this.cps[lo] };
  }

  /** Memory held by the index, in bytes. */
  get memoryBytes(): number {
    return this.cps.byteLength;
  }

  /** A copy of the checkpoints (to send from the worker to the host). */
  exportState(): IndexState {
    return { step: this.step, cps: this.cps.slice(0, this.nCps), complete: this.complete, bytes: this.bytes, lastLineStart: this.lastLineStart };
  }

  static fromState(s: IndexState): LineIndex {
    const ix = new LineIndex(s.step);
    ix.cps = new Float64Array(Math.max(1024, s.cps.length));
    ix.cps.set(s.cps);
    ix.nCps = s.cps.length;
    ix.complete = s.complete;
    ix.bytes = s.bytes;
    ix.lastLineStart = s.lastLineStart;
    return ix;
  }
}

/** The plain-data form of a LineIndex (structured-clone friendly). */
export interface IndexState {
  step: number;
  cps: Float64Array;
  complete: number;
  bytes: number;
  lastLineStart: number;
}

const fallbackFinder = new NewlineFinder(0);

export interface BuildOptions extends ScanOptions {
  step?: number;
  /** Called after each block with bytes and lines done so far. */
  onProgress?: (bytes: number, lines: number) => void;
}

/** Streams a file once and builds its sparse index (continuing `into` from its end when given). */
export async function buildIndex(file: string, opts: BuildOptions = {}, into?: LineIndex): Promise<LineIndex> {
  const ix = into ?? new LineIndex(opts.step);
  const start = into ? into.lastLineStart : 0;
  if (into) {
    // Re-feed the unterminated tail from its start so the line is counted once.
    into.bytes = into.lastLineStart;
  }
  const finder = new NewlineFinder(opts.chunkSize ?? DEFAULT_CHUNK);
  await forEachLineBlock(
    file,
    (buf, from, to, offset) => {
      ix.add(buf, from, to, offset, finder);
      opts.onProgress?.(ix.bytes, ix.lines);
    },
    { ...opts, start, buffer: finder.buffer },
  );
  return ix;
}
