/**
 * The journal as a source of log lines: pages read by cursor (never an index of every entry),
 * the tail, follow that resumes from its last cursor, the lists behind the filters (units, boots),
 * catalog text for MESSAGE_ID, and counts per day, hour, unit and priority. All through journalctl.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExportReader } from './exportFormat';
import { ACCESS_HINT, JournalError, runJournalctl, runningCount, stderrNotices, stopAll, type JournalEntry, type RunResult } from './journalctl';
import { journalArgs, PRIORITIES, type JournalQuery } from './filters';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** journalctl's output buffer for the passes over the whole journal (64 KB, the size of a pipe). */
const LONG_RUN_BUFFER = 65536;

/** The entry's time as ISO 8601 with microseconds and the offset, as `journalctl -o short-iso-precise` writes it, local or UTC. */
export function entryTime(e: JournalEntry, utc = false): string {
  const us = Number(e.__REALTIME_TIMESTAMP);
  const d = new Date(Math.floor(us / 1000));
  const off = utc ? 0 : -d.getTimezoneOffset();
  const t = new Date(d.getTime() + off * 60_000);
  const frac = pad(Math.floor(us % 1_000_000), 6);
  const sign = off < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${frac}${zone}`;
}

export const identifierOf = (e: JournalEntry) => e.SYSLOG_IDENTIFIER ?? e._COMM ?? e._SYSTEMD_UNIT ?? 'unknown';

/** One entry as a syslog line (`TIME HOST IDENT[PID]: MESSAGE`, journalctl's short-iso-precise), the form the viewer, explain and stats read. */
export function entryLine(e: JournalEntry, utc = false): string {
  const pid = e._PID ?? e.SYSLOG_PID;
  const msg = (e.MESSAGE ?? '').replace(/\r?\n/g, ' ⏎ ');
  return `${entryTime(e, utc)} ${e._HOSTNAME ?? 'localhost'} ${identifierOf(e)}${pid ? `[${pid}]` : ''}: ${msg}`;
}

/** The journal fields worth showing next to an explanation, with the priority's name. */
export function entryFields(e: JournalEntry): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['_SYSTEMD_UNIT', '_PID', 'PRIORITY', 'SYSLOG_IDENTIFIER', 'MESSAGE_ID', '_BOOT_ID', '_COMM', '_EXE', '_UID', '_TRANSPORT', 'CODE_FILE', 'CODE_LINE'])
    if (e[k] !== undefined) out[k] = k === 'PRIORITY' ? `${e[k]} (${PRIORITIES[Number(e[k])] ?? '?'})` : e[k]!;
  return out;
}

export interface Boot {
  offset: number;
  id: string;
  first: string;
  last: string;
}

export interface JournalCounts {
  entries: number;
  /** Entries per day (YYYY-MM-DD) and per hour (YYYY-MM-DDTHH), local time unless utc. */
  days: Record<string, number>;
  hours: Record<string, number>;
  units: Record<string, number>;
  priorities: Record<string, number>;
  /** Entries per unit per day, for the chart per unit. */
  unitDays: Record<string, Record<string, number>>;
}

export class JournalSource {
  /** Extra flags journalctl gets before ours; warnings it wrote on stderr are kept for the caller. */
  warnings: string[] = [];

  constructor(
    readonly query: JournalQuery,
    private readonly owner: object = {},
    readonly journalctl?: string,
  ) {}

  private run(args: string[], opts: { limit?: number; onEntry?: (e: JournalEntry) => boolean | void; onLine?: (l: string) => void; onData?: (c: Buffer) => boolean | void | Promise<void>; outputBuffer?: number }): Promise<RunResult> {
    return runJournalctl(args, { ...opts, owner: this.owner, journalctl: this.journalctl }).then((r) => {
      const w = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^(Hint:|Users in groups|Pass -q)/.test(l));
      for (const l of w) if (!this.warnings.includes(l)) this.warnings.push(l);
      if (stderrNotices(r.stderr).access && !this.warnings.includes(ACCESS_HINT)) this.warnings.unshift(ACCESS_HINT);
      return r;
    });
  }

  private base(fields?: string[]): string[] {
    const a = [...journalArgs(this.query), '-o', 'json'];
    if (fields) a.push(`--output-fields=${fields.join(',')}`);
    return a;
  }

  /**
   * Up to `n` entries in order, from the first (no cursor), from `cursor` itself, or after it.
   * "After" is read as "from the cursor, without the cursor's own entry": when the file that held
   * that entry was vacuumed, journalctl's --after-cursor would skip the next entry too.
   */
  async page(n: number, from?: { cursor: string; after?: boolean }, fields?: string[]): Promise<JournalEntry[]> {
    const out: JournalEntry[] = [];
    if (n <= 0) return out;
    const a = this.base(fields);
    if (from) a.push(`--cursor=${from.cursor}`);
    let first = !!from?.after;
    await this.run(a, {
      limit: first ? n + 1 : n,
      onEntry: (e) => {
        if (first && e.__CURSOR === from!.cursor) {
          first = false;
          return;
        }
        first = false;
        out.push(e);
        if (out.length >= n) return false;
      },
    });
    return out;
  }

  /** Up to `n` entries before `cursor` (or the last `n`), oldest first. */
  async before(n: number, cursor?: string): Promise<JournalEntry[]> {
    const out: JournalEntry[] = [];
    if (n <= 0) return out;
    const a = this.base();
    if (cursor) a.push(`--after-cursor=${cursor}`, '--reverse');
    else a.push('-n', String(n), '--reverse');
    await this.run(a, { limit: n, onEntry: (e) => void out.push(e) });
    return out.reverse();
  }

  /**
   * Every entry in order (or those after `after`), streamed, fields narrowed to `fields` when
   * given; return false to stop. Read in export format, which journalctl writes far faster than JSON.
   */
  async scan(onEntry: (e: JournalEntry) => boolean | void, fields?: string[], after?: string): Promise<RunResult> {
    const a = [...journalArgs(this.query), '-o', 'export'];
    if (fields) a.push(`--output-fields=${fields.join(',')}`);
    let first = !!after;
    if (after) a.push(`--cursor=${after}`);
    const each = (e: JournalEntry) => {
      const skip = first && e.__CURSOR === after;
      first = false;
      return skip ? undefined : onEntry(e);
    };
    const reader = new ExportReader();
    let stopped = false;
    const r = await this.run(a, {
      outputBuffer: LONG_RUN_BUFFER,
      onData: (c) => {
        stopped = !reader.push(c, each);
        return !stopped;
      },
    });
    if (!stopped && !r.stopped) reader.end(each);
    return r;
  }

  /**
   * Counts the entries (after `after`, when given) and hands over the cursor of every `every`-th
   * one: the viewer's sparse index. Export format with one small field is read, which journalctl
   * writes about twice as fast as JSON; return false from onCursor to stop. After each chunk,
   * `hold` may return a promise: journalctl's output waits until it settles.
   */
  async countCursors(every: number, onCursor: (index: number, cursor: string) => boolean | void, after?: string, onCount?: (n: number) => void, hold?: () => Promise<void> | undefined): Promise<number> {
    const a = [...journalArgs(this.query), '-o', 'export', '--output-fields=_BOOT_ID'];
    if (after) a.push(`--cursor=${after}`);
    let n = 0;
    let skipFirst = !!after;
    let last: string | undefined;
    // Starts at a newline: the line cut by a chunk's end (and, first, the stream's start).
    let tail = Buffer.from('\n');
    const KEY = Buffer.from('\n__CURSOR=');
    // The cursor lines in `buf`; a string only for the cursors wanted (and the last one): most are only counted.
    const each = (buf: Buffer): boolean => {
      let done = 0;
      let lastAt = -1;
      let lastEnd = 0;
      for (let i = buf.indexOf(KEY); i >= 0; i = buf.indexOf(KEY, done - 1)) {
        const nl = buf.indexOf(10, i + KEY.length);
        if (nl < 0) break;
        done = nl + 1;
        if (skipFirst) {
          skipFirst = false;
          if (buf.toString('latin1', i + KEY.length, nl) === after) continue;
        }
        lastAt = i + KEY.length;
        lastEnd = nl;
        if (n % every === 0 && onCursor(n, buf.toString('latin1', lastAt, nl)) === false) {
          last = buf.toString('latin1', lastAt, nl);
          return false;
        }
        n++;
        if (onCount && n % 10_000 === 0) onCount(n);
      }
      if (lastAt >= 0) last = buf.toString('latin1', lastAt, lastEnd);
      return true;
    };
    await this.run(a, {
      outputBuffer: LONG_RUN_BUFFER,
      // Only the __CURSOR lines matter: found in the bytes, no string per line (memory stays flat),
      // and no copy of the chunk: only the line cut at its start is put together.
      onData: (chunk: Buffer) => {
        const nl = chunk.indexOf(10);
        if (nl < 0) {
          tail = Buffer.concat([tail, chunk]);
          return hold?.();
        }
        if (!each(Buffer.concat([tail, chunk.subarray(0, nl + 1)])) || !each(chunk.subarray(nl))) return false;
        tail = Buffer.from(chunk.subarray(chunk.lastIndexOf(10)));
        return hold?.();
      },
    });
    this.lastSeen = last;
    return n;
  }

  /** The cursor of the last entry countCursors saw. */
  lastSeen: string | undefined;

  /**
   * Every entry as journalctl's own `short-iso-precise` line, streamed: much faster than JSON for
   * output that needs no cursor. Boot separators are dropped; a message of several lines comes as
   * one line with its continuation lines joined by " ⏎ ".
   */
  async lines(onLine: (line: string) => void, utc = false): Promise<RunResult> {
    let held: string | undefined;
    const r = await this.run([...journalArgs(this.query), '-o', 'short-iso-precise', ...(utc ? ['--utc'] : [])], {
      outputBuffer: LONG_RUN_BUFFER,
      onLine: (l) => {
        if (/^\s/.test(l) && held !== undefined) held += ' ⏎ ' + l.trim();
        else {
          if (held !== undefined) onLine(held);
          held = /^-- .* --$/.test(l) || !l ? undefined : l;
        }
      },
    });
    if (held !== undefined) onLine(held);
    return r;
  }

  /** Values of a field in the journal (`journalctl -F`), sorted: the units for completion. */
  async fieldValues(field: string): Promise<string[]> {
    const out = new Set<string>();
    const q: JournalQuery = { directory: this.query.directory, file: this.query.file };
    await this.run([...journalArgs(q), '-F', field], { onLine: (l) => l && out.add(l) });
    return [...out].sort();
  }

  /** The boots in the journal (`--list-boots`), oldest first. */
  async boots(): Promise<Boot[]> {
    const out: Boot[] = [];
    const q: JournalQuery = { directory: this.query.directory, file: this.query.file };
    await this.run([...journalArgs(q), '--list-boots'], {
      onLine: (l) => {
        const m = /^\s*(-?\d+)\s+([0-9a-f]{32})\s+(.+?)\s*(?:—|\s)\s*(\w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+)\s*$/.exec(l);
        if (m) out.push({ offset: Number(m[1]), id: m[2], first: m[3].trim(), last: m[4] });
      },
    });
    return out;
  }

  /** Catalog text for a MESSAGE_ID (`journalctl --dump-catalog ID`), or undefined when the host has none. */
  async catalog(messageId: string): Promise<string | undefined> {
    if (!/^[0-9a-f]{32}$/i.test(messageId)) return undefined;
    const lines: string[] = [];
    try {
      await this.run(['--dump-catalog', messageId.toLowerCase()], { onLine: (l) => void lines.push(l) });
    } catch {
      return undefined;
    }
    const text = lines.filter((l) => !l.startsWith('-- ')).join('\n').trim();
    return text || undefined;
  }

  /** Counts per day, hour, unit and priority in one pass (only the fields needed are asked for). */
  async counts(opts: { utc?: boolean; onProgress?: (n: number) => void } = {}): Promise<JournalCounts> {
    const c: JournalCounts = { entries: 0, days: {}, hours: {}, units: {}, priorities: {}, unitDays: {} };
    const inc = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);
    await this.scan(
      (e) => {
        c.entries++;
        const t = entryTime(e, opts.utc);
        const day = t.slice(0, 10);
        inc(c.days, day);
        inc(c.hours, t.slice(0, 13));
        const unit = e._SYSTEMD_UNIT ?? e.SYSLOG_IDENTIFIER ?? '(none)';
        inc(c.units, unit);
        inc((c.unitDays[unit] ??= {}), day);
        inc(c.priorities, PRIORITIES[Number(e.PRIORITY ?? 6)] ?? String(e.PRIORITY));
        if (opts.onProgress && c.entries % 50_000 === 0) opts.onProgress(c.entries);
      },
      ['_SYSTEMD_UNIT', 'SYSLOG_IDENTIFIER', 'PRIORITY'],
    );
    return c;
  }

  /** Stops every journalctl this source started. */
  close(): void {
    stopAll(this.owner);
  }
}

export interface FollowEvents {
  entries(batch: JournalEntry[]): void;
  problem(e: JournalError | Error): void;
}

/**
 * Follow by cursor: whenever the journal directory changes (and once a second besides), the
 * entries after the last cursor seen are read. Each read is a short journalctl run that opens the
 * files as they are now, so a rotation (new file) or vacuum (old files gone) loses nothing and
 * shows nothing twice; `journalctl -f` keeps the files it had open and misses new ones.
 */
export class JournalFollower {
  private cursor: string | undefined;
  private closed = false;
  private busy = false;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private watchers: fs.FSWatcher[] = [];
  private readonly reader: JournalSource;
  private readonly owner = {};

  constructor(
    source: JournalSource,
    private readonly events: FollowEvents,
    after?: string,
    private readonly intervalMs = 1000,
  ) {
    this.cursor = after;
    this.reader = new JournalSource(source.query, this.owner, source.journalctl);
  }

  /** journalctl processes the follower has running now. */
  get processes(): number {
    return runningCount(this.owner);
  }

  get lastCursor(): string | undefined {
    return this.cursor;
  }

  async start(): Promise<void> {
    if (!this.cursor) this.cursor = (await this.reader.before(1))[0]?.__CURSOR;
    const q = this.reader.query;
    const dirs = q.file ? [path.dirname(q.file)] : q.directory ? [q.directory] : ['/var/log/journal', '/run/log/journal'];
    for (const d of dirs) {
      try {
        const w = fs.watch(d, { recursive: false }, () => this.poke());
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        /* not there: the timer still polls */
      }
    }
    this.timer = setInterval(() => this.poke(), this.intervalMs);
    this.poke();
  }

  private poke(): void {
    if (this.closed) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    void this.read().finally(() => {
      this.busy = false;
      if (this.again && !this.closed) {
        this.again = false;
        setTimeout(() => this.poke(), 50);
      }
    });
  }

  private async read(): Promise<void> {
    for (;;) {
      let batch: JournalEntry[];
      try {
        batch = this.cursor ? await this.reader.page(5000, { cursor: this.cursor, after: true }) : await this.reader.page(5000);
      } catch (e) {
        this.events.problem(e as Error);
        return;
      }
      if (this.closed || !batch.length) return;
      this.cursor = batch[batch.length - 1].__CURSOR;
      this.events.entries(batch);
      if (batch.length < 5000) return;
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const w of this.watchers) w.close();
    this.reader.close();
  }
}
