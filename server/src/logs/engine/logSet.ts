import * as fs from 'node:fs';
import { forEachLineBlock } from './blocks';
import { parseSyslogHeader } from './syslog';
import { detectEncoding, makeDecoder, type LogEncoding } from './encoding';
import { LineIndex } from './lineIndex';
import { FileReader, openReader, type RandomReader } from './reader';

/** One line as the viewer shows it. */
export interface LogLine {
  /** Line number in the whole set, from 0. */
  n: number;
  text: string;
  /** Length of the line in bytes (without the newline). */
  bytes: number;
  /** True when text holds only the first `maxLineBytes` bytes. */
  cut: boolean;
  member: number;
  /** Offset of the line in its member file. */
  offset: number;
}

export interface Member {
  path: string;
  reader: RandomReader;
  index: LineIndex;
}

const WINDOW = 64 * 1024;

/** A buffered forward reader over one member (one window kept). */
class Cursor {
  private buf: Buffer = Buffer.alloc(0);
  private at = 0;
  constructor(
    private readonly r: RandomReader,
    private readonly size: number,
  ) {}
  /** The byte at pos, or -1 at/after the end. */
  async window(pos: number): Promise<{ buf: Buffer; at: number }> {
    if (pos < this.at || pos >= this.at + this.buf.length) {
      this.at = pos;
      this.buf = pos < this.size ? await this.r.read(pos, Math.min(WINDOW, this.size - pos)) : Buffer.alloc(0);
    }
    return { buf: this.buf, at: this.at };
  }
  /** Finds the end of the line starting at pos: the offset of its newline, or the size. */
  async lineEnd(pos: number): Promise<number> {
    let p = pos;
    while (p < this.size) {
      const { buf, at } = await this.window(p);
      if (!buf.length) return this.size;
      const nl = buf.indexOf(10, p - at);
      if (nl >= 0) return at + nl;
      p = at + buf.length;
    }
    return this.size;
  }
  async bytes(pos: number, len: number): Promise<Buffer> {
    const { buf, at } = await this.window(pos);
    if (pos + len <= at + buf.length) return buf.subarray(pos - at, pos - at + len);
    return this.r.read(pos, len);
  }
}

/**
 * Several files read as one timeline (a rotated set, oldest first), each with its own sparse index.
 * Lines are read on demand; nothing but the checkpoints stays in memory.
 */
export class LogSet {
  members: Member[] = [];
  encoding: LogEncoding = 'utf-8';
  private decode = makeDecoder('utf-8');
  /** Longest part of a line decoded at once; the rest is fetched with lineSlice. */
  maxLineBytes = 64 * 1024;

  static async open(paths: string[], encoding?: LogEncoding): Promise<LogSet> {
    const set = new LogSet();
    for (const p of paths) set.members.push({ path: p, reader: await openReader(p), index: new LineIndex() });
    if (encoding) set.setEncoding(encoding);
    else {
      const last = set.members[set.members.length - 1];
      set.setEncoding(detectEncoding(await last.reader.read(0, 64 * 1024)));
    }
    return set;
  }

  setEncoding(enc: LogEncoding): void {
    this.encoding = enc;
    this.decode = makeDecoder(enc);
  }

  /** Lines indexed so far in all members. */
  get lineCount(): number {
    let n = 0;
    for (const m of this.members) n += m.index.lines;
    return n;
  }

  /** Line number of the first line of member i. */
  lineBase(i: number): number {
    let n = 0;
    for (let k = 0; k < i; k++) n += this.members[k].index.lines;
    return n;
  }

  private locate(line: number): { m: number; local: number } | undefined {
    let base = 0;
    for (let m = 0; m < this.members.length; m++) {
      const c = this.members[m].index.lines;
      if (line < base + c) return { m, local: line - base };
      base += c;
    }
    return undefined;
  }

  private async lineFrom(m: number, cur: Cursor, pos: number, n: number): Promise<{ line: LogLine; next: number }> {
    const end = await cur.lineEnd(pos);
    const len = end - pos;
    const take = Math.min(len, this.maxLineBytes);
    let raw = await cur.bytes(pos, take);
    if (take === len && raw.length && raw[raw.length - 1] === 13) raw = raw.subarray(0, raw.length - 1);
    const text = this.decode(raw, 0, raw.length);
    return { line: { n, text, bytes: len, cut: take < len, member: m, offset: pos }, next: end + 1 };
  }

  /** Reads `count` lines from line `from` (fewer at the end of what is indexed). */
  async getLines(from: number, count: number): Promise<LogLine[]> {
    const out: LogLine[] = [];
    let loc = this.locate(from);
    let n = from;
    while (loc && out.length < count) {
      const mem = this.members[loc.m];
      const ix = mem.index;
      const cp = ix.checkpointFor(loc.local);
      const cur = new Cursor(mem.reader, ix.bytes);
      let pos = cp.offset;
      for (let skip = loc.local - cp.line; skip > 0; skip--) pos = (await cur.lineEnd(pos)) + 1;
      for (let local = loc.local; local < ix.lines && out.length < count; local++) {
        const r = await this.lineFrom(loc.m, cur, pos, n++);
        out.push(r.line);
        pos = r.next;
      }
      loc = loc.m + 1 < this.members.length ? { m: loc.m + 1, local: 0 } : undefined;
    }
    return out;
  }

  /** The lines starting at the given offsets of member m (filter results). */
  async linesAt(items: { member: number; offset: number; n?: number }[]): Promise<LogLine[]> {
    const out: LogLine[] = [];
    let cur: Cursor | undefined;
    let curM = -1;
    for (const it of items) {
      const mem = this.members[it.member];
      if (!mem) continue;
      if (curM !== it.member) {
        cur = new Cursor(mem.reader, mem.index.bytes);
        curM = it.member;
      }
      const r = await this.lineFrom(it.member, cur!, it.offset, it.n ?? -1);
      out.push(r.line);
    }
    return out;
  }

  /** The line number (in the whole set) of the line starting at `offset` in member m. */
  async lineNumberAt(member: number, offset: number): Promise<number> {
    const mem = this.members[member];
    const cp = mem.index.checkpointAtOffset(offset);
    const cur = new Cursor(mem.reader, mem.index.bytes);
    let n = cp.line;
    for (let pos = cp.offset; pos < offset; n++) pos = (await cur.lineEnd(pos)) + 1;
    return this.lineBase(member) + n;
  }

  /** More of a long line: `length` bytes from byte `start` of line n, decoded. */
  async lineSlice(n: number, start: number, length: number): Promise<{ text: string; end: number; bytes: number }> {
    const [l] = await this.getLines(n, 1);
    if (!l) return { text: '', end: 0, bytes: 0 };
    const mem = this.members[l.member];
    const s = Math.min(start, l.bytes);
    const e = Math.min(l.bytes, s + length);
    const raw = await mem.reader.read(l.offset + s, e - s);
    return { text: this.decode(raw, 0, raw.length), end: e, bytes: l.bytes };
  }

  async close(): Promise<void> {
    for (const m of this.members) await m.reader.close();
  }
}

/** A reader on an already open descriptor (the follower hands over the renamed file's fd). */
export function readerOnFd(path: string, fd: number): RandomReader {
  const r = Object.create(FileReader.prototype) as FileReader;
  Object.assign(r, { path, fd, gz: false });
  return r;
}

/** Year for traditional timestamps at the start of a file: from its first line's month and its mtime. */
export function baseYearOf(file: string, firstMonth?: number): number {
  let mtime = new Date();
  try {
    mtime = fs.statSync(file).mtime;
  } catch {
    /* keep now */
  }
  if (firstMonth === undefined) return mtime.getFullYear();
  return firstMonth > mtime.getMonth() ? mtime.getFullYear() - 1 : mtime.getFullYear();
}

/** baseYearOf, reading the first line of the file (plain or .gz) for its month. */
export async function baseYearFor(file: string): Promise<number> {
  let month: number | undefined;
  try {
    await forEachLineBlock(
      file,
      (buf, from, to) => {
        const e = buf.indexOf(10, from);
        month = parseSyslogHeader(buf.toString('latin1', from, Math.min(e < 0 || e > to ? to : e, from + 64)))?.month;
        return false;
      },
      { chunkSize: 64 * 1024 },
    );
  } catch {
    /* unreadable: the caller reports it */
  }
  return baseYearOf(file, month);
}
