// What follow mode read last, kept in memory so that the lines of a copytruncate's window stay
// readable. logrotate's copytruncate copies the log, then truncates it: lines written between the
// copy and the truncation are in no file afterwards, though the follower read them (or its capture
// thread did). The viewer shows them from here.
import type { RandomReader } from '../../../server/src/logs/engine';

/** The last `cap` bytes appended to one file, with the offset they start at. */
export class RecentBytes {
  private chunks: Buffer[] = [];
  private start = 0;
  private size = 0;

  constructor(private readonly cap = 8 * 1024 * 1024) {}

  /** Bytes `buf[from, to)` read at file offset `offset` (a copy is kept: `buf` may be reused). */
  add(buf: Buffer, from: number, to: number, offset: number): void {
    if (to <= from) return;
    if (this.size && offset !== this.start + this.size) this.clear(); // not contiguous: start over
    if (!this.size) this.start = offset;
    this.chunks.push(Buffer.from(buf.subarray(from, to)));
    this.size += to - from;
    while (this.size - this.chunks[0].length >= this.cap) {
      const dropped = this.chunks.shift()!;
      this.start += dropped.length;
      this.size -= dropped.length;
    }
  }

  /** Everything kept (and forgets it): the bytes and the file offset of the first. */
  take(): { start: number; bytes: Buffer } {
    const r = { start: this.start, bytes: Buffer.concat(this.chunks) };
    this.clear();
    return r;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
    this.start = 0;
  }
}

/**
 * A file generation's bytes: those kept in memory first (they were read before the file was
 * truncated), the rest from `base` — the live file until the rotated copy is open, then the copy.
 * With nothing in memory it is just the base.
 */
export class OverlayReader implements RandomReader {
  constructor(
    private base: RandomReader,
    private readonly mem: Buffer,
    private readonly memStart: number,
  ) {}

  get path(): string {
    return this.base.path;
  }

  get gz(): boolean {
    return this.base.gz;
  }

  private pending: Promise<void> | undefined;

  /**
   * Switches the part not in memory to another reader (the copy, once open), closing the old one.
   * Reads wait for the switch, so none reads the truncated live file meanwhile.
   */
  setBase(next: Promise<RandomReader>): void {
    this.pending = next.then(
      (r) => {
        const old = this.base;
        this.base = r;
        void old.close().catch(() => undefined);
      },
      () => undefined, // the copy could not be opened: the live file it is
    );
  }

  async size(): Promise<number> {
    await this.pending;
    return this.mem.length ? this.memStart + this.mem.length : this.base.size();
  }

  async read(pos: number, length: number): Promise<Buffer> {
    await this.pending;
    if (!this.mem.length) return this.base.read(pos, length);
    const end = Math.min(pos + Math.max(0, length), this.memStart + this.mem.length);
    if (end <= pos) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    if (pos < this.memStart) {
      const want = Math.min(end, this.memStart) - pos;
      const got = await this.base.read(pos, want);
      parts.push(got);
      if (got.length < want) return Buffer.concat(parts); // the copy is shorter: no gap filled in
    }
    const from = Math.max(pos, this.memStart);
    if (from < end) parts.push(this.mem.subarray(from - this.memStart, end - this.memStart));
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  async close(): Promise<void> {
    await this.base.close();
  }
}
