import { isUtf8 } from 'node:buffer';
import { forEachLineBlock, type ScanOptions } from './blocks';
import { formatTime, hasFormatTime } from './formatTime';
import { hourKey, parseSyslogHeader, YearTracker } from './syslog';

/** Counts by hour and by program, the data behind the viewer's charts and `cli stats`. */
export interface LogStats {
  lines: number;
  bytes: number;
  /** Lines without a recognisable timestamp. */
  unparsed: number;
  /** Per hour (hours since the epoch, wall-clock time as written): lines, bytes, first line number. */
  hours: { hour: number; lines: number; bytes: number; firstLine: number }[];
  /** Lines per program, most first. */
  programs: { program: string; lines: number }[];
  /** Lines per program per day (YYYY-MM-DD), for the programs with the most lines. */
  programDays: Record<string, Record<string, number>>;
}

const MAX_PROGRAMS = 400;

/** A program's lines not yet added to the maps: n in all, dn of them on `day`. */
interface ProgEntry {
  name: string;
  n: number;
  day: number;
  dn: number;
}

/** A program's bytes and entry, chained on a hash collision. */
interface ProgIndex {
  raw: Uint8Array;
  ent: ProgEntry;
  next: ProgIndex | undefined;
}

/** The counts of one stretch of a file (structured-clone safe, for worker threads). */
export interface StatsPart {
  lines: number;
  bytes: number;
  unparsed: number;
  hours: Map<number, { lines: number; bytes: number; firstLine: number }>;
  programs: Map<string, number>;
  programDays: Map<string, Map<number, number>>;
  /** Year the part's inferred years started from and ended at; months of its first and last such lines (-1: none). */
  startYear: number;
  endYear: number;
  firstMonth: number;
  lastMonth: number;
}

/** Accumulates statistics block by block (the viewer feeds several rotated files into one). */
export class StatsAccumulator {
  private hours = new Map<number, { lines: number; bytes: number; firstLine: number }>();
  private programs = new Map<string, number>();
  private programDays = new Map<string, Map<number, number>>();
  private years: YearTracker;
  private startYear: number;
  /** Month of the first line whose year was inferred (-1: none yet), for joining parts. */
  private firstMonth = -1;
  lines = 0;
  bytes = 0;
  unparsed = 0;

  /** The file's dominant format (explain/detect.ts), when its times are not syslog's. */
  readonly format: string | undefined;

  constructor(baseYear: number, format?: string) {
    this.years = new YearTracker(baseYear);
    this.startYear = baseYear;
    this.format = hasFormatTime(format) ? format : undefined;
  }

  /** Starts a new file whose traditional timestamps begin in `year`. */
  setBaseYear(year: number): void {
    this.years = new YearTracker(year);
    this.startYear = year;
    this.firstMonth = -1;
  }

  /** The counts so far, as one part of a file counted in pieces (see statsParallel.ts). */
  part(): StatsPart {
    this.settleAll();
    return {
      lines: this.lines,
      bytes: this.bytes,
      unparsed: this.unparsed,
      hours: this.hours,
      programs: this.programs,
      programDays: this.programDays,
      startYear: this.startYear,
      endYear: this.years.year,
      firstMonth: this.firstMonth,
      lastMonth: this.years.lastMonth,
    };
  }

  /**
   * The year the next part starts in when it follows what was counted so far, as counting it in
   * the same pass would have found (undefined: the part cannot be joined exactly).
   */
  yearAfter(p: StatsPart, year = this.years.year, lastMonth = this.years.lastMonth): number | undefined {
    if (p.programs.has('(other)')) return undefined;
    return p.firstMonth >= 0 && lastMonth >= 0 && p.firstMonth < lastMonth - 1 ? year + 1 : year;
  }

  /** Adds a part counted separately that follows what was counted so far (its year checked by the caller). */
  absorb(p: StatsPart): void {
    this.settleAll();
    this.bucket = undefined;
    const base = this.lines;
    for (const [h, v] of p.hours) {
      const b = this.hours.get(h);
      if (b) {
        b.lines += v.lines;
        b.bytes += v.bytes;
      } else this.hours.set(h, { lines: v.lines, bytes: v.bytes, firstLine: v.firstLine + base });
    }
    for (const [prog, n] of p.programs) {
      const name = this.programs.has(prog) || this.programs.size < MAX_PROGRAMS ? prog : '(other)';
      this.programs.set(name, (this.programs.get(name) ?? 0) + n);
      let pd = this.programDays.get(name);
      if (!pd) this.programDays.set(name, (pd = new Map()));
      for (const [d, c] of p.programDays.get(prog) ?? []) pd.set(d, (pd.get(d) ?? 0) + c);
    }
    this.lines += p.lines;
    this.bytes += p.bytes;
    this.unparsed += p.unparsed;
    if (this.firstMonth < 0) this.firstMonth = p.firstMonth;
    const y = new YearTracker(p.endYear);
    if (p.lastMonth >= 0) y.lastMonth = p.lastMonth;
    else {
      y.year = this.years.year;
      y.lastMonth = this.years.lastMonth;
    }
    this.years = y;
  }

  /** Feeds a block of whole lines. */
  add(buf: Buffer, from: number, to: number): void {
    // Plain Uint8Array reads are faster than a Buffer's in the per-byte header parsing.
    const u8 = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    let s = from;
    while (s < to) {
      let e = buf.indexOf(10, s);
      if (e < 0 || e >= to) e = to;
      this.line(buf, u8, s, e);
      s = e + 1;
    }
  }

  // The last hour seen: consecutive lines mostly share it, so Date.UTC runs once per hour.
  private lastY = -1;
  private lastM = -1;
  private lastD = -1;
  private lastH = -1;
  private lastKey = 0;

  private line(buf: Buffer, u8: Uint8Array, s: number, e: number): void {
    const n = this.lines++;
    this.bytes += e - s + 1;
    let year: number;
    let month: number;
    let day: number;
    let hour: number;
    let prog: string | undefined;
    const fast = bsdHeader(u8, s, e);
    if (fast) {
      // The common case: no string is made; the program is found by its bytes.
      month = fast.month;
      day = fast.day;
      hour = fast.hour;
      year = this.years.yearOf(month);
      if (this.firstMonth < 0) this.firstMonth = month;
    } else {
      // Other forms (ISO timestamps, odd spacing): the general parser.
      // The file's own time form first (an access log's `[19/Jul/2024:19:21:07 …]`), else syslog's.
      let h = this.format !== undefined ? formatTime(this.format, buf.toString('latin1', s, Math.min(e, s + 200))) : undefined;
      if (!h) {
        h = parseSyslogHeader(buf.toString('latin1', s, Math.min(e, s + 64)));
        if (h && h.progStart < 0 && e - s > 64) h = parseSyslogHeader(buf.toString('latin1', s, Math.min(e, s + 256)));
      }
      if (!h) {
        this.unparsed++;
        return;
      }
      if (h.year === undefined && this.firstMonth < 0) this.firstMonth = h.month;
      year = h.year ?? this.years.yearOf(h.month);
      month = h.month;
      day = h.day;
      hour = h.hour;
      prog = h.program;
    }
    if (year !== this.lastY || month !== this.lastM || day !== this.lastD || hour !== this.lastH) {
      this.lastKey = hourKey(year, month, day, hour);
      this.lastY = year;
      this.lastM = month;
      this.lastD = day;
      this.lastH = hour;
    }
    const key = this.lastKey;
    let b = this.bucket;
    if (!b || key !== this.bucketKey) {
      b = this.hours.get(key);
      if (!b) this.hours.set(key, (b = { lines: 0, bytes: 0, firstLine: n }));
      this.bucket = b;
      this.bucketKey = key;
    }
    b.lines++;
    b.bytes += e - s + 1;
    const ent = fast ? this.byBytes(buf, u8, fast.progStart, fast.progEnd, fast.hash) : this.byName(prog === undefined ? '(none)' : /[^\x00-\x7f]/.test(prog) ? programName(Buffer.from(prog, 'latin1'), 0, prog.length) : prog);
    const d = Math.floor(key / 24);
    if (ent.day !== d) {
      this.settle(ent);
      ent.day = d;
    }
    ent.n++;
    ent.dn++;
  }

  // Per-line counting touches one object per program; the maps are brought up to date (settled)
  // when the counts are read. Programs are found by their bytes without making a string.
  private bucket: { lines: number; bytes: number; firstLine: number } | undefined;
  private bucketKey = -1;
  private entries = new Map<string, ProgEntry>();
  /** Entries by a hash of the program's bytes (a chain for the rare collision). */
  private index = new Map<number, ProgIndex>();
  private none: ProgEntry | undefined;

  private byName(name: string): ProgEntry {
    let ent = this.entries.get(name);
    if (ent) return ent;
    if (!this.programs.has(name) && this.programs.size >= MAX_PROGRAMS) return name === '(other)' ? this.newEntry(name) : this.byName('(other)');
    return this.newEntry(name);
  }

  private newEntry(name: string): ProgEntry {
    const ent: ProgEntry = { name, n: 0, day: -1, dn: 0 };
    this.entries.set(name, ent);
    if (!this.programs.has(name)) this.programs.set(name, 0);
    return ent;
  }

  /** The entry of the program buf[ps, pe), whose bytes hash to `hash` (bsdHeader). */
  private byBytes(buf: Buffer, u8: Uint8Array, ps: number, pe: number, hash: number): ProgEntry {
    const len = pe - ps;
    if (len === 0) return (this.none ??= this.byName('(none)'));
    const h = hash ^ len;
    const first = this.index.get(h);
    for (let x = first; x; x = x.next) {
      const raw = x.raw;
      if (raw.length !== len) continue;
      let i = 0;
      while (i < len && raw[i] === u8[ps + i]) i++;
      if (i === len) return x.ent;
    }
    const ent = this.byName(programName(buf, ps, pe));
    // Bounded: past MAX_PROGRAMS names (all counted as "(other)") new names are not remembered.
    if (this.index.size < 2 * MAX_PROGRAMS) this.index.set(h, { raw: Uint8Array.from(buf.subarray(ps, pe)), ent, next: first });
    return ent;
  }

  /** Moves an entry's pending counts into the maps. */
  private settle(ent: ProgEntry): void {
    if (ent.n) this.programs.set(ent.name, (this.programs.get(ent.name) ?? 0) + ent.n);
    if (ent.dn) {
      let pd = this.programDays.get(ent.name);
      if (!pd) this.programDays.set(ent.name, (pd = new Map()));
      pd.set(ent.day, (pd.get(ent.day) ?? 0) + ent.dn);
    }
    ent.n = 0;
    ent.dn = 0;
  }

  private settleAll(): void {
    for (const ent of this.entries.values()) this.settle(ent);
  }

  result(topPrograms = 12): LogStats {
    this.settleAll();
    const programs = [...this.programs].map(([program, lines]) => ({ program, lines })).sort((a, b) => b.lines - a.lines);
    const programDays: Record<string, Record<string, number>> = {};
    for (const { program } of programs.slice(0, topPrograms)) {
      const o: Record<string, number> = {};
      for (const [d, c] of [...this.programDays.get(program)!].sort((a, b) => a[0] - b[0])) o[dayName(d)] = c;
      programDays[program] = o;
    }
    return {
      lines: this.lines,
      bytes: this.bytes,
      unparsed: this.unparsed,
      hours: [...this.hours].map(([hour, v]) => ({ hour, ...v })).sort((a, b) => a.hour - b.hour),
      programs,
      programDays,
    };
  }
}

/** A program's name from its bytes: UTF-8 when they are, else one char per byte. */
function programName(buf: Buffer, s: number, e: number): string {
  const b = buf.subarray(s, e);
  return b.length === 0 ? '(none)' : isUtf8(b) ? b.toString('utf8') : b.toString('latin1');
}

/** `YYYY-MM-DD` for a day number (days since the epoch). */
export function dayName(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:00` for an hour key. */
export function hourName(hour: number): string {
  return new Date(hour * 3_600_000).toISOString().slice(0, 13).replace('T', ' ') + ':00';
}

/** Lines and bytes per day, summed from the hourly counts. */
export function perDay(stats: LogStats): { day: string; lines: number; bytes: number; firstLine: number }[] {
  const m = new Map<number, { lines: number; bytes: number; firstLine: number }>();
  for (const h of stats.hours) {
    const d = Math.floor(h.hour / 24);
    const v = m.get(d);
    if (v) {
      v.lines += h.lines;
      v.bytes += h.bytes;
      v.firstLine = Math.min(v.firstLine, h.firstLine);
    } else m.set(d, { lines: h.lines, bytes: h.bytes, firstLine: h.firstLine });
  }
  return [...m].sort((a, b) => a[0] - b[0]).map(([d, v]) => ({ day: dayName(d), ...v }));
}

/** Streams one file into an accumulator. */
export async function statsOf(file: string, acc: StatsAccumulator, opts: ScanOptions & { onProgress?: (bytes: number) => void } = {}): Promise<void> {
  await forEachLineBlock(
    file,
    (buf, from, to, offset) => {
      acc.add(buf, from, to);
      opts.onProgress?.(offset + to - from);
    },
    opts,
  );
}

const MONTH_CODES = new Map<number, number>(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => [(m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2), i]));
const FAST = { month: 0, day: 0, hour: 0, progStart: 0, progEnd: 0, hash: 0 };
let lastCode = -1;
let lastMonth = 0;
const dig = (c: number) => c >= 48 && c <= 57;

/**
 * `Mmm dd HH:MM:SS host program[pid]:` read straight from the bytes (no string for the header):
 * the common case of traditional syslog. Undefined for anything else (the caller falls back).
 */
function bsdHeader(buf: Uint8Array, s: number, e: number): typeof FAST | undefined {
  if (e - s < 16 || buf[s + 3] !== 32 || buf[s + 9] !== 58 || buf[s + 12] !== 58 || buf[s + 15] !== 32) return undefined;
  // Consecutive lines mostly share their month: the map is asked when it changes.
  const code = (buf[s] << 16) | (buf[s + 1] << 8) | buf[s + 2];
  if (code !== lastCode) {
    const m = MONTH_CODES.get(code);
    if (m === undefined) return undefined;
    lastCode = code;
    lastMonth = m;
  }
  const month = lastMonth;
  const d1 = buf[s + 4];
  const d2 = buf[s + 5];
  if (!dig(d2) || !(d1 === 32 || dig(d1)) || !dig(buf[s + 7]) || !dig(buf[s + 8])) return undefined;
  FAST.month = month;
  FAST.day = (d1 === 32 ? 0 : d1 - 48) * 10 + d2 - 48;
  FAST.hour = (buf[s + 7] - 48) * 10 + buf[s + 8] - 48;
  let i = s + 16;
  if (buf[i] === 32) return undefined; // unusual spacing: let the general parser decide
  while (i < e && buf[i] !== 32) i++; // host
  i++;
  const ps = i;
  const lim = Math.min(e, ps + 256);
  // The program's bytes are hashed as they are scanned (FNV-1a), for StatsAccumulator.byBytes.
  let h = 0x811c9dc5;
  while (i < lim) {
    const c = buf[i];
    if (c === 91 || c === 58 || c === 32) break;
    h = Math.imul(h ^ c, 16777619);
    i++;
  }
  FAST.progStart = ps;
  FAST.progEnd = ps;
  FAST.hash = h;
  if (i < e && buf[i] === 91) {
    // program[pid]: — the pid is short and on this line.
    const stop = Math.min(e - 1, i + 12);
    let close = i + 1;
    while (close < stop && buf[close] !== 93) close++;
    if (close < stop && buf[close + 1] === 58) FAST.progEnd = i;
  } else if (i < e && buf[i] === 58 && i > ps) FAST.progEnd = i;
  return FAST;
}
