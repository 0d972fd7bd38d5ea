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
}

export const DEFAULT_CHUNK = 8 * 1024 * 1024;

function readAt(fd: number, buf: Buffer, off: number, len: number, pos: number): Promise<number> {
  return new Promise((res, rej) => fs.read(fd, buf, off, len, pos, (e, n) => (e ? rej(e) : res(n))));
}

/**
 * Streams a log file as blocks of complete lines, reading into one reused buffer (memchr-speed
 * newline search by the callers with buf.indexOf(10)). .gz files are inflated on the fly.
 * Resolves to the offset just after the last byte handed over.
 */
export async function forEachLineBlock(file: string, cb: BlockCallback, opts: ScanOptions = {}): Promise<number> {
  return isGzPath(file) ? gzBlocks(file, cb, opts) : plainBlocks(file, cb, opts);
}

async function plainBlocks(file: string, cb: BlockCallback, opts: ScanOptions): Promise<number> {
  const fd = await new Promise<number>((res, rej) => fs.open(file, 'r', (e, fd) => (e ? rej(e) : res(fd))));
  try {
    return await plainBlocksFd(fd, cb, opts);
  } finally {
    fs.close(fd, () => undefined);
  }
}

/** As forEachLineBlock, on an already open descriptor (the follower keeps one across a rename). */
export async function plainBlocksFd(fd: number, cb: BlockCallback, opts: ScanOptions): Promise<number> {
  const maxLine = opts.maxLine ?? 256 * 1024 * 1024;
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

async function gzBlocks(file: string, cb: BlockCallback, opts: ScanOptions): Promise<number> {
  const maxLine = opts.maxLine ?? 256 * 1024 * 1024;
  const src = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const gz = src.pipe(zlib.createGunzip({ chunkSize: 1 << 20 }));
  src.on('error', (e) => gz.destroy(e));
  let carry: Buffer = Buffer.alloc(0);
  let pos = 0;
  try {
    for await (const chunk of gz as AsyncIterable<Buffer>) {
      if (opts.cancelled?.()) return pos;
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const last = buf.lastIndexOf(10);
      if (last < 0) {
        if (buf.length >= maxLine) {
          if (cb(buf, 0, buf.length, pos) === false) return pos + buf.length;
          pos += buf.length;
          carry = Buffer.alloc(0);
        } else carry = buf;
        continue;
      }
      const stop = cb(buf, 0, last + 1, pos);
      pos += last + 1;
      carry = Buffer.from(buf.subarray(last + 1));
      if (stop === false) return pos;
    }
    if (carry.length) {
      cb(carry, 0, carry.length, pos);
      pos += carry.length;
    }
    return pos;
  } finally {
    src.destroy();
  }
}
