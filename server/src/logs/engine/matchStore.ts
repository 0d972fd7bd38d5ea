import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CHUNK = 1 << 16; // line numbers per chunk (256 KB)

/**
 * The line numbers of a filter's matches, any number of them: 4 bytes each in fixed-size chunks;
 * past `budget` entries in memory, the oldest full chunks move to a temporary file, read back a
 * chunk at a time when asked for (match N is at a known place, so any jump is one small read).
 */
export class MatchStore {
  private chunks: (Uint32Array | undefined)[] = [];
  private n = 0;
  private inMemory = 0;
  private fd: number | undefined;
  private dir: string | undefined;
  private cached: { k: number; a: Uint32Array } | undefined;

  constructor(private readonly budget = 4_000_000) {}

  get length(): number {
    return this.n;
  }

  /** Entries currently on disk. */
  get spilled(): number {
    return this.n - this.inMemory;
  }

  push(lines: Uint32Array): void {
    let i = 0;
    while (i < lines.length) {
      const k = Math.floor(this.n / CHUNK);
      const at = this.n % CHUNK;
      if (at === 0) {
        this.chunks[k] = new Uint32Array(CHUNK);
        this.spill();
      }
      const take = Math.min(lines.length - i, CHUNK - at);
      this.chunks[k]!.set(lines.subarray(i, i + take), at);
      i += take;
      this.n += take;
      this.inMemory += take;
    }
  }

  /** Adds one match. */
  add(line: number): void {
    const k = Math.floor(this.n / CHUNK);
    const at = this.n % CHUNK;
    if (at === 0) {
      this.chunks[k] = new Uint32Array(CHUNK);
      this.spill();
    }
    this.chunks[k]![at] = line;
    this.n++;
    this.inMemory++;
  }

  /** Moves the oldest chunks in memory to disk until the budget holds (the chunk being filled stays). */
  private spill(): void {
    const last = this.chunks.length - 1;
    for (let k = 0; k < last && this.inMemory > this.budget; k++) {
      const a = this.chunks[k];
      if (!a) continue;
      if (this.fd === undefined) {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-matches-'));
        this.fd = fs.openSync(path.join(this.dir, 'matches'), 'w+', 0o600);
      }
      fs.writeSync(this.fd, a, 0, a.byteLength, k * CHUNK * 4);
      this.chunks[k] = undefined;
      this.inMemory -= CHUNK;
    }
  }

  private chunk(k: number): Uint32Array {
    const a = this.chunks[k];
    if (a) return a;
    if (this.cached?.k === k) return this.cached.a;
    const b = new Uint32Array(CHUNK);
    fs.readSync(this.fd!, b, 0, b.byteLength, k * CHUNK * 4);
    this.cached = { k, a: b };
    return b;
  }

  /** The line number of match i (undefined past the end). */
  get(i: number): number | undefined {
    if (i < 0 || i >= this.n) return undefined;
    return this.chunk(Math.floor(i / CHUNK))[i % CHUNK];
  }

  /** Matches [from, from + count), fewer at the end. */
  slice(from: number, count: number): number[] {
    const out: number[] = [];
    const end = Math.min(this.n, from + count);
    for (let i = Math.max(0, from); i < end; ) {
      const a = this.chunk(Math.floor(i / CHUNK));
      const stop = Math.min(end, (Math.floor(i / CHUNK) + 1) * CHUNK);
      for (; i < stop; i++) out.push(a[i % CHUNK]);
    }
    return out;
  }

  /** Forgets every match and removes the temporary file. */
  clear(): void {
    this.chunks = [];
    this.n = 0;
    this.inMemory = 0;
    this.cached = undefined;
    if (this.fd !== undefined) fs.closeSync(this.fd);
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.fd = undefined;
    this.dir = undefined;
  }
}
