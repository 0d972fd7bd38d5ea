import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

/** Random access to the (decompressed) bytes of one log file. The viewer never writes through it. */
export interface RandomReader {
  readonly path: string;
  readonly gz: boolean;
  /** Bytes available now (for .gz: the decompressed size, known once a full pass has been made). */
  size(): Promise<number>;
  /** Reads up to `length` bytes at `pos`; a shorter buffer at the end. */
  read(pos: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** True for gzip-compressed names (rotated `maillog.2.gz`). */
export function isGzPath(p: string): boolean {
  return /\.gz$/i.test(p);
}

/** A plain file read with positioned reads on one open descriptor (survives a rename). */
export class FileReader implements RandomReader {
  readonly gz = false;
  private constructor(
    readonly path: string,
    readonly fd: number,
  ) {}

  static async open(p: string): Promise<FileReader> {
    const fd = await new Promise<number>((res, rej) => fs.open(p, 'r', (e, fd) => (e ? rej(e) : res(fd))));
    return new FileReader(p, fd);
  }

  async size(): Promise<number> {
    return new Promise((res, rej) => fs.fstat(this.fd, (e, st) => (e ? rej(e) : res(st.size))));
  }

  async read(pos: number, length: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafe(Math.max(0, length));
    let got = 0;
    while (got < length) {
      const n = await new Promise<number>((res, rej) => fs.read(this.fd, buf, got, length - got, pos + got, (e, n) => (e ? rej(e) : res(n))));
      if (n === 0) break;
      got += n;
    }
    return got === length ? buf : buf.subarray(0, got);
  }

  async close(): Promise<void> {
    await new Promise<void>((res) => fs.close(this.fd, () => res()));
  }
}

const BLOCK = 256 * 1024;

/**
 * Random access into a .gz file without writing anything to disk. gzip has no index, so a read
 * behind the current inflate position restarts decompression from the start; reads ahead continue
 * the running stream. Recently decompressed 256 KiB blocks are kept in a small LRU cache (16 MiB)
 * so scrolling back and forth near one place does not re-inflate.
 */
export class GzReader implements RandomReader {
  readonly gz = true;
  private cache = new Map<number, Buffer>();
  private stream: AsyncIterator<Buffer> | undefined;
  private src: { destroy(): void } | undefined;
  private streamPos = 0;
  private pending: Buffer = Buffer.alloc(0);
  private pendingPos = 0;
  private knownSize = -1;
  /** How many times decompression restarted from the beginning (the bench reports it). */
  restarts = 0;

  constructor(
    readonly path: string,
    private readonly maxBlocks = 64,
  ) {}

  static async open(p: string): Promise<GzReader> {
    await fs.promises.access(p, fs.constants.R_OK);
    return new GzReader(p);
  }

  /** Lets the indexer, which streams the whole file once, tell the reader its size. */
  setSize(n: number): void {
    this.knownSize = n;
  }

  async size(): Promise<number> {
    if (this.knownSize >= 0) return this.knownSize;
    let n = 0;
    for await (const c of fs.createReadStream(this.path).pipe(zlib.createGunzip())) n += (c as Buffer).length;
    this.knownSize = n;
    return n;
  }

  private restart(): void {
    this.restarts++;
    this.src?.destroy();
    const s = fs.createReadStream(this.path, { highWaterMark: 1 << 20 }).pipe(zlib.createGunzip({ chunkSize: 1 << 18 }));
    this.src = s;
    this.stream = s[Symbol.asyncIterator]();
    this.streamPos = 0;
    this.pending = Buffer.alloc(0);
    this.pendingPos = 0;
  }

  private remember(no: number, b: Buffer): void {
    this.cache.delete(no);
    this.cache.set(no, b);
    if (this.cache.size > this.maxBlocks) this.cache.delete(this.cache.keys().next().value as number);
  }

  /** Decompressed block `no` (BLOCK bytes, shorter at the end, empty past it). */
  private async block(no: number): Promise<Buffer> {
    const hit = this.cache.get(no);
    if (hit) {
      this.remember(no, hit);
      return hit;
    }
    const want = no * BLOCK;
    if (!this.stream || this.pendingPos > want) this.restart();
    for (;;) {
      // pending holds bytes starting at pendingPos (a block boundary).
      while (this.pending.length >= BLOCK) {
        const b = Buffer.from(this.pending.subarray(0, BLOCK));
        const bno = this.pendingPos / BLOCK;
        this.remember(bno, b);
        this.pending = this.pending.subarray(BLOCK);
        this.pendingPos += BLOCK;
        if (bno === no) return b;
      }
      const r = await this.stream!.next();
      if (r.done) {
        const bno = this.pendingPos / BLOCK;
        if (this.knownSize < 0) this.knownSize = this.pendingPos + this.pending.length;
        if (this.pending.length) {
          const b = Buffer.from(this.pending);
          this.remember(bno, b);
          this.pending = Buffer.alloc(0);
          this.pendingPos += b.length;
          if (bno === no) return b;
        }
        this.stream = undefined;
        return Buffer.alloc(0);
      }
      this.streamPos += r.value.length;
      this.pending = this.pending.length ? Buffer.concat([this.pending, r.value]) : r.value;
    }
  }

  async read(pos: number, length: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < length) {
      const p = pos + got;
      const b = await this.block(Math.floor(p / BLOCK));
      const off = p % BLOCK;
      if (off >= b.length) break;
      const piece = b.subarray(off, Math.min(b.length, off + length - got));
      parts.push(piece);
      got += piece.length;
      if (b.length < BLOCK) break;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  async close(): Promise<void> {
    this.cache.clear();
    this.src?.destroy();
    this.stream = undefined;
  }
}

/** Opens the right reader for a path (.gz decompressed on the fly). */
export async function openReader(p: string): Promise<RandomReader> {
  return isGzPath(p) ? GzReader.open(p) : FileReader.open(p);
}
