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
    let s = from;
    while (s < to) {
      let e = buf.indexOf(10, s);
      if (e < 0 || e >= to) e = to;
      this.line(buf, s, e);
      s = e + 1;
    }
  }

  // The last hour seen: consecutive lines mostly share it, so Date.UTC runs once per hour.
  private lastY = -1;
  private lastM = -1;
  private lastD = -1;
  private lastH = -1;
  private lastKey = 0;

  private line(buf: Buffer, s: number, e: number): void {
    const n = this.lines++;
    this.bytes += e - s + 1;
    let year: number;
    let month: number;
    let day: number;
    let hour: number;
    let prog: string | undefined;
    const fast = bsdHeader(buf, s, e);
    if (fast) {
      month = fast.month;
      day = fast.day;
      hour = fast.hour;
      year = this.years.yearOf(month);
      if (this.firstMonth < 0) this.firstMonth = month;
      prog = fast.progEnd > fast.progStart ? buf.toString('latin1', fast.progStart, fast.progEnd) : undefined;
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
    const ent = prog !== undefined ? this.byName(prog) : fast ? this.byBytes(buf, fast.progStart, fast.progEnd) : this.byName('(none)');
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
  private index = new Map<number, { raw: Buffer; ent: ProgEntry }[]>();

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

  private byBytes(buf: Buffer, ps: number, pe: number): ProgEntry {
    let h = 0x811c9dc5 ^ (pe - ps);
    for (let i = ps; i < pe; i++) h = Math.imul(h ^ buf[i], 16777619);
    const list = this.index.get(h);
    if (list) for (const x of list) if (x.raw.length === pe - ps && x.raw.compare(buf, ps, pe) === 0) return x.ent;
    const ent = this.byName(pe > ps ? buf.toString('latin1', ps, pe) : '(none)');
    const item = { raw: Buffer.from(buf.subarray(ps, pe)), ent };
    if (list) list.push(item);
    else this.index.set(h, [item]);
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
const FAST = { month: 0, day: 0, hour: 0, progStart: 0, progEnd: 0 };
const dig = (c: number) => c >= 48 && c <= 57;

/**
 * `Mmm dd HH:MM:SS host program[pid]:` read straight from the bytes (no string for the header):
 * the common case of traditional syslog. Undefined for anything else (the caller falls back).
 */
function bsdHeader(buf: Buffer, s: number, e: number): typeof FAST | undefined {
  if (e - s < 16 || buf[s + 3] !== 32 || buf[s + 9] !== 58 || buf[s + 12] !== 58 || buf[s + 15] !== 32) return undefined;
  const month = MONTH_CODES.get((buf[s] << 16) | (buf[s + 1] << 8) | buf[s + 2]);
  if (month === undefined) return undefined;
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
  while (i < lim) {
    const c = buf[i];
    if (c === 91 || c === 58 || c === 32) break;
    i++;
  }
  FAST.progStart = ps;
  FAST.progEnd = ps;
  if (buf[i] === 91) {
    const close = buf.indexOf(93, i);
    if (close > i && close - i < 12 && buf[close + 1] === 58) FAST.progEnd = i;
  } else if (buf[i] === 58 && i > ps) FAST.progEnd = i;
  return FAST;
}
