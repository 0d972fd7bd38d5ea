import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { isGzPath } from './reader';

/**
 * Called with a block of whole lines: buf[from, to) starts at a line start and ends just after a
 * newline (or at the end of the file). `offset` is the file offset of buf[from]. Return false to stop.
 */
export type BlockCallback = (buf: Buffer, from: number, to: number, offset: number) => boolean | void;

export interface ScanOptions {
  /** Start offset (a line start). Plain files only; .gz always starts at 0. */
  start?: number;
  /** Stop before this offset (plain files; the block is cut at the last newline before it). */
  end?: number;
  /** Read size; the buffer is reused and grows only for lines longer than it. */
  chunkSize?: number;
  /** Called between blocks; returning true stops the scan (cancellation). */
  cancelled?: () => boolean;
  /** The buffer to read into (plain files; a larger one is allocated only for a longer line). */
  buffer?: Buffer;
  /** Read with blocking calls (workers and the CLI: faster, and nothing else waits on that thread). */
  sync?: boolean;
  /** Hand over only lines that end with a newline (a follower waits for the rest). */
  completeOnly?: boolean;
  /** Longest line kept whole; a longer one is handed over in pieces of this size. */
  maxLine?: number;
  /**
   * Called at the end when the file changed under the scan: 'shrank' (truncated while it was read:
   * the scan ended before the size the file had when it was opened, so what was seen is partial),
   * or 'replaced' (the path names another file now, e.g. rotated by rename: the file as it was
   * when opened was read).
   */
  onChanged?: (change: FileChange) => void;
}

export interface FileChange {
  kind: 'shrank' | 'replaced';
  /** Size when the scan began, and bytes scanned. */
  sizeBefore: number;
  scanned: number;
}

export const DEFAULT_CHUNK = 8 * 1024 * 1024;
/** Longest line handed over whole by default; a longer one comes in pieces of this size. */
export const MAX_LINE = 256 * 1024 * 1024;

function readAt(fd: number, buf: Buffer, off: number, len: number, pos: number): Promise<number> {
  return new Promise((res, rej) => fs.read(fd, buf, off, len, pos, (e, n) => (e ? rej(e) : res(n))));
}

/**
 * Streams a log file as blocks of complete lines, reading into one reused buffer (memchr-speed
 * newline search by the callers with buf.indexOf(10)). .gz files are inflated on the fly.
 * Resolves to the offset just after the last byte handed over.
 */
export async function forEachLineBlock(file: string, cb: BlockCallback, opts: ScanOptions = {}): Promise<number> {
  if (!isGzPath(file)) return plainBlocks(file, cb, opts);
  if (!opts.onChanged) return gzBlocks(file, cb, opts);
  // A compressed file is not written to: any change of size or identity means it was replaced.
  const before = fs.statSync(file);
  const end = await gzBlocks(file, cb, opts);
  const after = statOrUndefined(file);
  if (!after || after.ino !== before.ino || after.dev !== before.dev || after.size !== before.size) opts.onChanged({ kind: after && after.size < before.size && after.ino === before.ino ? 'shrank' : 'replaced', sizeBefore: before.size, scanned: end });
  return end;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

async function plainBlocks(file: string, cb: BlockCallback, opts: ScanOptions): Promise<number> {
  const fd = await new Promise<number>((res, rej) => fs.open(file, 'r', (e, fd) => (e ? rej(e) : res(fd))));
  try {
    if (!opts.onChanged) return await plainBlocksFd(fd, cb, opts);
    // Size and identity before and after, never the content: a truncation shows as a scan that
    // ended short of the size the file had, or a smaller size now.
    const before = fs.fstatSync(fd);
    let stopped = false;
    const watched: BlockCallback = (b, f, t, o) => {
      if (cb(b, f, t, o) !== false) return;
      stopped = true;
      return false;
    };
    const end = await plainBlocksFd(fd, watched, opts);
    const after = fs.fstatSync(fd);
    const wanted = Math.min(before.size, opts.end ?? Infinity);
    if (after.size < before.size || (end < wanted && !stopped && !opts.cancelled?.())) opts.onChanged({ kind: 'shrank', sizeBefore: before.size, scanned: end - (opts.start ?? 0) });
    const now = statOrUndefined(file);
    if (!now || now.ino !== before.ino || now.dev !== before.dev) opts.onChanged({ kind: 'replaced', sizeBefore: before.size, scanned: end - (opts.start ?? 0) });
    return end;
  } finally {
    fs.close(fd, () => undefined);
  }
}

/** As forEachLineBlock, on an already open descriptor (the follower keeps one across a rename). */
export async function plainBlocksFd(fd: number, cb: BlockCallback, opts: ScanOptions): Promise<number> {
  const maxLine = opts.maxLine ?? MAX_LINE;
  let size = opts.buffer?.length ?? opts.chunkSize ?? DEFAULT_CHUNK;
  let buf = opts.buffer ?? Buffer.allocUnsafe(size);
  let pos = opts.start ?? 0;
  const end = opts.end ?? Infinity;
  for (;;) {
    if (opts.cancelled?.()) return pos;
    const want = Math.min(size, end - pos);
    if (want <= 0) return pos;
    const n = opts.sync ? fs.readSync(fd, buf, 0, want, pos) : await readAt(fd, buf, 0, want, pos);
    if (n === 0) return pos;
    const last = n < want || pos + n >= end;
    const nl = buf.lastIndexOf(10, n - 1);
    if (nl >= 0) {
      const stop = cb(buf, 0, nl + 1, pos);
      pos += nl + 1;
      if (stop === false) return pos;
      if (!last) continue;
      if (nl + 1 < n && !opts.completeOnly) {
        cb(buf, nl + 1, n, pos);
        pos += n - nl - 1;
      }
      return pos;
    }
    // No newline in the whole buffer: a long line, or the unterminated tail.
    if (last) {
      if (opts.completeOnly) return pos;
      cb(buf, 0, n, pos);
      return pos + n;
    }
    if (size >= maxLine) {
      if (cb(buf, 0, n, pos) === false) return pos + n;
      pos += n;
      continue;
    }
    size = Math.min(size * 2, maxLine);
    buf = Buffer.allocUnsafe(size);
  }
}

/**
 * .gz: inflated in 1 MiB chunks. Whole lines inside a chunk are handed over where they lie; only
 * the unfinished line at a chunk's end is copied, into one buffer that grows by doubling (up to
 * maxLine), so the work stays linear in the input however long the lines are, and memory stays
 * bounded by maxLine plus one chunk whatever the file inflates to (a gzip bomb).
 */
async function gzBlocks(file: string, cb: BlockCallback, opts: ScanOptions): Promise<number> {
  const maxLine = opts.maxLine ?? MAX_LINE;
  const src = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const gz = src.pipe(zlib.createGunzip({ chunkSize: 1 << 20 }));
  src.on('error', (e) => gz.destroy(e));
  const line = new PendingLine(maxLine);
  let pos = 0;
  // Hands over the pending piece; false when the callback asked to stop.
  const flush = (): boolean => {
    const n = line.length;
    const stop = cb(line.buf, 0, n, pos);
    pos += n;
    line.length = 0;
    return stop !== false;
  };
  try {
    for await (const chunk of gz as AsyncIterable<Buffer>) {
      if (opts.cancelled?.()) return pos;
      let i = 0;
      if (line.length) {
        // Finish the pending line first (its first newline is in this chunk, or it grows on).
        const nl = chunk.indexOf(10);
        const upTo = nl < 0 ? chunk.length : nl + 1;
        while (i < upTo) {
          i += line.append(chunk, i, upTo);
          if (line.length === maxLine && !flush()) return pos; // the long-line cut
        }
        if (nl < 0) continue;
        if (line.length && !flush()) return pos;
      }
      const last = chunk.lastIndexOf(10);
      if (last >= i) {
        const stop = cb(chunk, i, last + 1, pos);
        pos += last + 1 - i;
        if (stop === false) return pos;
        i = last + 1;
      }
      while (i < chunk.length) {
        i += line.append(chunk, i, chunk.length);
        if (line.length === maxLine && !flush()) return pos;
      }
    }
    if (line.length) flush();
    return pos;
  } finally {
    src.destroy();
  }
}

/**
 * The bytes of an unfinished line. Past 64 KiB the buffer is allocated at its full `max` at once:
 * a large allocation is mapped lazily, so only the bytes written cost memory, and nothing is
 * copied again as the line grows.
 */
class PendingLine {
  buf: Buffer = Buffer.alloc(0);
  length = 0;
  constructor(private readonly max: number) {}

  /** Copies as much of src[from, to) as fits below max; returns how many bytes were taken. */
  append(src: Buffer, from: number, to: number): number {
    const take = Math.min(to - from, this.max - this.length);
    const need = this.length + take;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(need <= 64 * 1024 ? 64 * 1024 : this.max);
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    src.copy(this.buf, this.length, from, from + take);
    this.length = need;
    return take;
  }
}
