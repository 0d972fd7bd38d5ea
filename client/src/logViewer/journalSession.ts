/**
 * The log viewer over the systemd journal: the same webview and protocol as for files, with the
 * entries read through the host's journalctl. Memory stays bounded: a cursor every BLOCK entries
 * (not an index of every entry) and a few blocks of lines cached; closing stops every journalctl.
 */
import * as vscode from 'vscode';
import { commandLine, describeQuery, type JournalQuery } from '../../../server/src/logs/journal/filters';
import { cursorHash } from '../../../server/src/logs/journal/matchIndex';
import { findJournalctl, JournalError, NO_JOURNALCTL, runningCount, stopAll, type JournalEntry } from '../../../server/src/logs/journal/journalctl';
import { entryFields, entryLine, JournalFollower, JournalSource } from '../../../server/src/logs/journal/source';
import type { HostMessage, Locale, WebviewMessage, WireLine } from './protocol';
import { validateWebviewMessage } from './protocol';
import { legend, viewerConfig, viewerLocale } from './settings';
import { JournalTextFilter } from './journalFilter';
import { statsMessage } from './journalViews';
import { explain } from './viewerHelpers';
import { viewerText, webviewStrings } from './strings';

/** Entries per checkpoint cursor and per cached block. */
export const BLOCK = 1000;
const CACHED_BLOCKS = 12;
const FIELDS = ['MESSAGE', '_HOSTNAME', 'SYSLOG_IDENTIFIER', '_COMM', '_PID', 'SYSLOG_PID', '_SYSTEMD_UNIT', 'PRIORITY', 'MESSAGE_ID', '_BOOT_ID'];

interface Row {
  text: string;
  entry: JournalEntry;
  /** cursorHash of the entry's cursor: how a match is found in its block. */
  key: number;
}

export class JournalSession implements vscode.Disposable {
  private source: JournalSource;
  /** checkpoints[k] is the cursor of entry k * BLOCK. */
  private checkpoints: string[] = [];
  private count = 0;
  private lastCursor: string | undefined;
  private indexing = true;
  private blocks = new Map<number, Promise<Row[]>>();
  /** Resolves when the count (and its cursors) is complete. */
  private indexed: Promise<void> = Promise.resolve();
  /** The text filter (through journalctl -g) and its matches. */
  private readonly text: JournalTextFilter;
  private follower: JournalFollower | undefined;
  private gen = 0;
  private disposed = false;
  private locale: Locale = viewerLocale();
  private readonly t = (en: string, ...a: (string | number)[]) => viewerText(this.locale, en, ...a);
  private readonly owner = {};

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private query: JournalQuery,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.source = new JournalSource(query, this.owner);
    // The filter reads the viewer's state as it is at each moment.
    const self = this;
    this.text = new JournalTextFilter(
      {
        get query() {
          return self.query;
        },
        owner: this.owner,
        get gen() {
          return self.gen;
        },
        get checkpoints() {
          return self.checkpoints;
        },
        get indexing() {
          return self.indexing;
        },
        get lastCursor() {
          return self.lastCursor;
        },
        get indexed() {
          return self.indexed;
        },
        post: (m) => this.post(m),
        notice: (level, message) => this.notice(level, message),
        t: (en, ...a) => this.t(en, ...a),
      },
      BLOCK,
      viewerConfig().maxMatches,
    );
    panel.webview.onDidReceiveMessage((m) => this.onMessage(m));
  }

  get journalQuery(): JournalQuery {
    return this.query;
  }

  /** The journalctl command line equivalent to what the viewer shows (with the text filter's -g when one is set). */
  get command(): string {
    return commandLine(this.text.textQuery ?? this.query);
  }

  /** journalctl processes this viewer has running now (0 once it is closed). */
  get processes(): number {
    return runningCount(this.owner) + (this.follower?.processes ?? 0);
  }

  private post(m: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(m);
  }

  private notice(level: 'info' | 'warning' | 'error', message: string): void {
    this.post({ type: 'notice', level, message });
  }

  private onMessage(raw: unknown): void {
    const m = validateWebviewMessage(raw);
    if (!m) return void this.log.warn(`journal viewer: ignored a malformed message: ${JSON.stringify(raw)?.slice(0, 200)}`);
    void Promise.resolve(this.handle(m)).catch((e: unknown) => this.problem(e));
  }

  private problem(e: unknown): void {
    const msg = e instanceof JournalError ? e.message : String((e as Error)?.message ?? e);
    this.log.error(`journal viewer: ${msg}`);
    this.notice('error', msg);
  }

  /** Applies new journal filters: everything is read again under the new query. */
  async setQuery(q: JournalQuery): Promise<void> {
    this.query = q;
    this.panel.title = describeQuery(q);
    await this.restart();
  }

  private async restart(): Promise<void> {
    this.gen++;
    this.follower?.close();
    this.follower = undefined;
    stopAll(this.owner);
    this.source = new JournalSource(this.query, this.owner);
    this.checkpoints = [];
    this.count = 0;
    this.blocks.clear();
    this.text.reset();
    this.post({ type: 'follow', on: false });
    await this.start();
    // The text filters stay as the user set them: run them again over the new entries.
    if (this.text.spec) void this.text.set(this.text.id, this.text.spec);
  }

  private async start(): Promise<void> {
    const gen = this.gen;
    // Until the count is done (or known to be needed no more), a text filter waits for its cursors.
    this.indexing = true;
    let counted = (): void => undefined;
    this.indexed = new Promise<void>((r) => (counted = r));
    let counting = false;
    try {
      this.locale = viewerLocale();
      const strings = webviewStrings(this.locale);
      if (!findJournalctl()) {
        this.post({ type: 'unavailable', message: this.t(NO_JOURNALCTL), locale: this.locale, strings });
        return;
      }
      let first: Row[];
      try {
        first = this.rows(await this.source.page(BLOCK, undefined, FIELDS));
      } catch (e) {
        this.post({ type: 'unavailable', message: (e as Error).message, locale: this.locale, strings });
        return;
      }
      if (gen !== this.gen) return;
      this.blocks.set(0, Promise.resolve(first));
      if (first.length) this.checkpoints[0] = first[0].entry.__CURSOR;
      this.count = first.length;
      this.indexing = first.length === BLOCK;
      const cfg = viewerConfig();
      this.post({
        type: 'init',
        files: [describeQuery(this.query)],
        encoding: 'utf-8',
        encodings: ['utf-8'],
        locale: this.locale,
        strings,
        legend: legend(this.locale),
        rules: cfg.rules.rules,
        lineCount: this.count,
        indexing: this.indexing,
        maxLineBytes: cfg.maxLineBytes,
        rotatedSiblings: 0,
      });
      this.notice('info', this.t('Journal read with: {0}', this.command));
      for (const w of this.source.warnings) this.notice('warning', w);
      if (!first.length) this.notice('info', this.t('No journal entries match these filters.'));
      if (this.indexing) {
        counting = true;
        void this.index(gen, first[first.length - 1].entry.__CURSOR).finally(counted);
      } else this.lastCursor = first[first.length - 1]?.entry.__CURSOR;
    } finally {
      if (!counting) {
        if (gen === this.gen) this.indexing = false;
        counted();
        this.text.counted();
      }
    }
  }

  /** Counts the entries after the first block and keeps a cursor every BLOCK entries. */
  private async index(gen: number, after: string): Promise<void> {
    let last = Date.now();
    const started = last;
    const base = this.count;
    try {
      const n = await this.source.countCursors(
        BLOCK,
        (k, cursor) => {
          if (gen !== this.gen) return false;
          this.checkpoints[(base + k) / BLOCK] = cursor;
          this.text.counted();
        },
        after,
        (k) => {
          if (gen !== this.gen || Date.now() - last < 200) return;
          last = Date.now();
          this.count = base + k;
          this.post({ type: 'count', lineCount: this.count, indexing: true });
        },
      );
      if (gen === this.gen) {
        this.count = base + n;
        this.lastCursor = this.source.lastSeen;
      }
    } catch (e) {
      if (gen === this.gen) this.problem(e);
    }
    if (gen !== this.gen) return this.text.counted();
    this.lastCursor ??= after;
    this.indexing = false;
    this.text.counted();
    this.log.info(`journal viewer: ${this.count} entries, ${this.checkpoints.length} cursors kept, in ${Date.now() - started} ms (${this.command})`);
    this.post({ type: 'count', lineCount: this.count, indexing: false });
    this.post({ type: 'progress', task: 'index', done: 1, total: 1 });
  }

  /** Block k of BLOCK entries, read from its checkpoint cursor; a few are kept, the oldest dropped. */
  private block(k: number): Promise<Row[]> {
    let b = this.blocks.get(k);
    if (b) {
      this.blocks.delete(k);
      this.blocks.set(k, b);
      return b;
    }
    const cursor = this.checkpoints[k];
    if (cursor === undefined) return Promise.resolve([]);
    b = this.source.page(BLOCK, { cursor }, FIELDS).then((es) => this.rows(es));
    b.catch(() => this.blocks.delete(k));
    this.blocks.set(k, b);
    while (this.blocks.size > CACHED_BLOCKS) this.blocks.delete(this.blocks.keys().next().value as number);
    return b;
  }

  private async rowsAt(ns: number[]): Promise<{ n: number; row: Row }[]> {
    const out: { n: number; row: Row }[] = [];
    for (const n of ns) {
      const rows = await this.block(Math.floor(n / BLOCK));
      const row = rows[n % BLOCK];
      if (row) out.push({ n, row });
    }
    return out;
  }

  /**
   * Match i with its entry number: read from its block (found by its cursor hash). Should the
   * journal's order and the cursors' disagree, the blocks next to it are tried too.
   */
  private async matchRow(i: number): Promise<{ n: number; row: Row } | undefined> {
    const m = this.text.matches.get(i);
    if (!m) return undefined;
    for (const k of [m.block, m.block + 1, m.block - 1]) {
      if (k < 0) continue;
      const rows = await this.block(k);
      const o = rows.findIndex((r) => r.key === m.key);
      if (o >= 0) return { n: k * BLOCK + o, row: rows[o] };
    }
    this.log.warn(`journal viewer: match ${i} was not found near entry ${m.block * BLOCK}`);
    return undefined;
  }

  private async getLines(req: number, view: 'all' | 'filter', from: number, count: number): Promise<void> {
    const gen = this.gen;
    const ns: number[] = [];
    let rows: { n: number; row: Row }[] = [];
    if (view === 'all') {
      for (let n = from; n < Math.min(this.count, from + count); n++) ns.push(n);
      rows = await this.rowsAt(ns);
    } else
      for (let i = from; i < Math.min(this.text.matches.length, from + count); i++) {
        const r = await this.matchRow(i);
        if (r) rows.push(r);
      }
    if (gen !== this.gen) return;
    const max = viewerConfig().maxLineBytes;
    const lines: WireLine[] = rows.map(({ n, row }) => {
      const bytes = Buffer.byteLength(row.text);
      return { n, text: bytes > max ? row.text.slice(0, max) : row.text, bytes, cut: bytes > max };
    });
    this.post({ type: 'lines', req, view, from, lines });
  }

  private async lineSlice(req: number, n: number, start: number, length: number): Promise<void> {
    const [r] = await this.rowsAt([n]);
    if (!r) return;
    const buf = Buffer.from(r.row.text);
    const text = buf.subarray(start, start + length).toString('utf8');
    this.post({ type: 'lineSlice', req, n, start, end: Math.min(buf.length, start + length), bytes: buf.length, text });
  }

  /** Charts: entries per hour (the written local time) and per unit per day, in one pass through journalctl. */
  private async stats(): Promise<void> {
    const gen = this.gen;
    const c = await this.source.counts({ utc: false, onProgress: (n) => this.post({ type: 'progress', task: 'stats', done: n, total: Math.max(n, this.count) }) });
    if (gen !== this.gen) return;
    const stats = statsMessage(c);
    this.post({ type: 'stats', stats });
    this.post({ type: 'progress', task: 'stats', done: 1, total: 1 });
  }

  /** Follow by cursor from the last entry counted; survives rotation and vacuuming (see JournalFollower). */
  private async setFollow(on: boolean): Promise<void> {
    if (!on) {
      this.follower?.close();
      this.follower = undefined;
      return this.post({ type: 'follow', on: false });
    }
    if (this.follower) return;
    if (this.indexing) {
      this.notice('info', this.t('Follow starts once indexing is done.'));
      return this.post({ type: 'follow', on: false });
    }
    const gen = this.gen;
    const f = new JournalFollower(
      this.source,
      {
        entries: (batch) => {
          if (gen !== this.gen) return;
          const base = this.count;
          const before = this.lastCursor;
          for (const e of batch) {
            if (this.count % BLOCK === 0) this.checkpoints[this.count / BLOCK] = e.__CURSOR;
            // The last block may be cached short: drop it so that it is read again with the new entries.
            this.blocks.delete(Math.floor(this.count / BLOCK));
            this.count++;
            this.lastCursor = e.__CURSOR;
          }
          this.post({ type: 'count', lineCount: this.count, indexing: false, appended: true });
          this.text.follow(gen, batch, base, before);
        },
        problem: (e) => this.notice('warning', e.message),
      },
      this.lastCursor,
    );
    this.follower = f;
    await f.start();
    this.post({ type: 'follow', on: true });
  }

  /** Explains the line as for a file, and shows the entry's journal fields with the catalog text for its MESSAGE_ID. */
  private async explain(text: string): Promise<void> {
    let entry: JournalEntry | undefined;
    for (const b of [...this.blocks.values()]) entry ??= (await b.catch(() => [] as Row[])).find((r) => r.text === text)?.entry;
    // The entry's PRIORITY sets the explanation's severity: the line's text does not carry it.
    const priority = entry?.PRIORITY !== undefined && /^[0-7]$/.test(entry.PRIORITY) ? Number(entry.PRIORITY) : undefined;
    await explain(text, { priority });
    if (!entry) return;
    const fields = Object.entries(entryFields(entry)).map(([k, v]) => `${k}=${v}`).join(', ');
    const catalog = entry.MESSAGE_ID ? await this.source.catalog(entry.MESSAGE_ID) : undefined;
    const msg = this.t('Journal fields: {0}', fields) + (catalog ? `\n${catalog}` : '');
    this.log.info(msg);
    this.notice('info', msg);
  }

  private rows(entries: JournalEntry[]): Row[] {
    return entries.map((e) => ({ text: entryLine(e), entry: e, key: cursorHash(e.__CURSOR) }));
  }

  private handle(m: WebviewMessage): Promise<void> | void {
    switch (m.type) {
      case 'ready':
        return this.initMsgAgain();
      case 'getLines':
        return this.getLines(m.req, m.view, m.from, m.count);
      case 'filter':
        return this.text.set(m.id, m.spec);
      case 'cancelFilter':
        return this.text.cancel(m.id);
      case 'stats':
        return this.stats();
      case 'locate':
        if (m.view !== 'filter') return this.post({ type: 'reveal', line: m.row });
        return void this.matchRow(m.row).then((r) => r && this.post({ type: 'reveal', line: r.n }));
      case 'follow':
        return this.setFollow(m.on);
      case 'explain':
        return this.explain(m.text);
      case 'lineSlice':
        return this.lineSlice(m.req, m.n, m.start, m.length);
      case 'log':
        this.log[m.level === 'warning' ? 'warn' : m.level](`webview: ${m.message}`);
        return;
      default:
        return; // encoding, rotated sets and file pickers do not apply to the journal
    }
  }

  private started = false;
  private async initMsgAgain(): Promise<void> {
    if (!this.started) {
      this.started = true;
      return this.start();
    }
    return this.restart();
  }

  /** Settings changed: words and highlight rules follow. */
  settingsChanged(): void {
    this.locale = viewerLocale();
    const cfg = viewerConfig();
    this.post({ type: 'settings', locale: this.locale, strings: webviewStrings(this.locale), legend: legend(this.locale), rules: cfg.rules.rules, maxLineBytes: cfg.maxLineBytes });
  }

  /** Closing the viewer stops every journalctl it started. */
  dispose(): void {
    this.disposed = true;
    this.gen++;
    this.follower?.close();
    this.follower = undefined;
    stopAll(this.owner);
    this.text.reset();
  }
}
