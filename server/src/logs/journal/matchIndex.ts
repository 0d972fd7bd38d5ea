/**
 * Where the entries journalctl -g found sit in the viewer's numbering, without reading the journal
 * a second time. The viewer keeps the cursor of every BLOCK-th entry; a match's cursor is placed
 * between two of them the way journalctl orders entries (sd-journal compares seqnum when the
 * seqnum source is the same, else the monotonic time within one boot, else the wall-clock time,
 * else the content hash). Each match costs 8 bytes: its block and a 32-bit hash of its cursor, by
 * which it is found when its block is read to show it.
 */
import { MatchStore } from '../engine/matchStore';

/** The parts of a cursor (`s=…;i=…;b=…;m=…;t=…;x=…`, hexadecimal) that order entries. */
export interface CursorKey {
  s: string;
  i: string;
  b: string;
  m: string;
  t: string;
  x: string;
}

/** The parts of a cursor; journalctl writes them in lower case without leading zeros. */
export function cursorKey(c: string): CursorKey {
  const k: CursorKey = { s: '', i: '', b: '', m: '', t: '', x: '' };
  for (let at = 0; at < c.length; ) {
    const semi = c.indexOf(';', at);
    const stop = semi < 0 ? c.length : semi;
    const eq = c.indexOf('=', at);
    const name = eq > at && eq < stop ? c.slice(at, eq) : '';
    if (name in k) k[name as keyof CursorKey] = c.slice(eq + 1, stop);
    at = stop + 1;
  }
  return k;
}

/** Compares two hexadecimal numbers of any length. */
function hexCmp(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders two entries by their cursors as journalctl merges its files. */
export function compareCursors(a: CursorKey, b: CursorKey): number {
  if (a.s && a.s === b.s) {
    const r = hexCmp(a.i, b.i);
    if (r) return r;
  }
  if (a.b && a.b === b.b) {
    const r = hexCmp(a.m, b.m);
    if (r) return r;
  }
  return hexCmp(a.t, b.t) || hexCmp(a.x, b.x);
}

/** FNV-1a over the cursor's characters: how a match is told from the other entries of its block. */
export function cursorHash(c: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < c.length; i++) {
    h ^= c.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class JournalMatches {
  private readonly blocks: MatchStore;
  private readonly keys: MatchStore;
  private points: CursorKey[] = [];
  private at = 0;

  constructor(
    private readonly blockSize: number,
    budget?: number,
  ) {
    this.blocks = new MatchStore(budget);
    this.keys = new MatchStore(budget);
  }

  get length(): number {
    return this.blocks.length;
  }

  /** The checkpoints (cursor of entry k * blockSize) the matches are placed against; call before add(). */
  setCheckpoints(cursors: readonly string[]): void {
    this.points = cursors.map(cursorKey);
    this.at = 0;
  }

  /** One more checkpoint (the count goes on while the filter runs). */
  addCheckpoint(cursor: string): void {
    this.points.push(cursorKey(cursor));
  }

  /** Whether the block of a match is known: before the last checkpoint, or the count is complete. */
  placeable(key: CursorKey, complete: boolean): boolean {
    const last = this.points[this.points.length - 1];
    return complete || (last !== undefined && compareCursors(key, last) < 0);
  }

  /** The block a cursor falls in: the last checkpoint not after it (matches come in order, so the search starts at the previous one). */
  blockOf(key: CursorKey): number {
    const p = this.points;
    if (!p.length) return 0;
    if (compareCursors(p[this.at], key) > 0) this.at = 0;
    let lo = this.at;
    let hi = p.length - 1;
    if (lo < hi && compareCursors(p[lo + 1], key) > 0) return lo;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (compareCursors(p[mid], key) <= 0) lo = mid;
      else hi = mid - 1;
    }
    this.at = lo;
    return lo;
  }

  /** Adds a match found by journalctl -g (in journal order). */
  add(cursor: string, key = cursorKey(cursor)): void {
    this.blocks.add(this.blockOf(key));
    this.keys.add(cursorHash(cursor));
  }

  /** Adds a match whose entry number is known (an entry followed in). */
  addAt(n: number, cursor: string): void {
    this.blocks.add(Math.floor(n / this.blockSize));
    this.keys.add(cursorHash(cursor));
  }

  /** Match i's block and cursor hash. */
  get(i: number): { block: number; key: number } | undefined {
    const block = this.blocks.get(i);
    const key = this.keys.get(i);
    return block === undefined || key === undefined ? undefined : { block, key };
  }

  clear(): void {
    this.blocks.clear();
    this.keys.clear();
  }
}
