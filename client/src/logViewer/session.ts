import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import {
  baseYearFor,
  MatchStore,
  compileFilter,
  ENCODINGS,
  Follower,
  isLogEncoding,
  LineIndex,
  LogSet,
  type CompiledFilter,
  type FilterSpec,
  type LogLine,
} from '../../../server/src/logs/engine';
import { makeDecoder } from '../../../server/src/logs/engine/encoding';
import { rotatedSet } from '../../../server/src/logs/engine/rotated';
import { detectFormat, SAMPLE_BYTES, type DetectedFormat } from '../../../server/src/logs/explain/detect';
import type { FilterSpecMsg, HostMessage, Locale, WebviewMessage, WireLine } from './protocol';
import { validateWebviewMessage } from './protocol';
import { legend, viewerConfig, viewerLocale } from './settings';
import { viewerText, webviewStrings } from './strings';
import { tailLines } from './tail';
import { liveFollower, literalMatches } from './followLive';
import { accessMessage, explain, findBundledRg, pickAnotherFile, startWorker } from './viewerHelpers';
import type { WorkerJob, WorkerReply } from './workerTypes';

const toWire = (l: LogLine): WireLine => ({ n: l.n, text: l.text, bytes: l.bytes, cut: l.cut });
/** Lines sent with init: a block of the webview's cache, more than any screen holds. */
const FIRST_SCREEN = 200;

/** One open viewer: the rotated set, its workers, the follower and the conversation with the webview. */
export class ViewerSession implements vscode.Disposable {
  private set!: LogSet;
  private indexing = true;
  private indexWorker: Worker | undefined;
  private filterWorker: Worker | undefined;
  private statsWorker: Worker | undefined;
  private filterId = 0;
  private filterSpec: FilterSpec | undefined;
  private compiled: CompiledFilter | undefined;
  /** Line numbers of the matches, any number of them (spilled to a temporary file past the setting's budget). */
  private matches = new MatchStore(viewerConfig().maxMatches);
  /** VS Code's own ripgrep (searches run through it when the filter means the same to it). */
  private readonly rgPath = findBundledRg();
  private nMatches = 0;
  private filterDone = true;
  private follower: Follower | undefined;
  private memberGen: number[] = [];
  private disposed = false;
  private countTimer: NodeJS.Timeout | undefined;
  private cfg = viewerConfig();
  /** The viewer's language (linuxAdminConfigs.docs.language), for its words and the host's messages alike. */
  private locale: Locale = viewerLocale();
  private readonly t = (en: string, ...args: (string | number)[]) => viewerText(this.locale, en, ...args);
  private readonly access = (file: string, e: unknown) => accessMessage(file, e, this.locale);
  private baseYears: number[] = [];

  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly files: string[],
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    /** Text the webview filters on when it first shows the file (a LOG rule's prefix). */
    private readonly initialFilter?: string,
  ) {
    panel.webview.onDidReceiveMessage((m) => this.onMessage(m));
    // The file opens while the webview boots: its 'ready' then gets the first screen at once.
    this.prepared = this.prepare();
  }

  private post(m: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(m);
  }

  private spawn(job: WorkerJob, onReply: (r: WorkerReply) => void): Worker {
    return startWorker(vscode.Uri.joinPath(this.extensionUri, 'dist', 'indexWorker.js').fsPath, job, onReply);
  }

  /** Opens the files (first screen from a quick look at the start), then indexes in a worker. */
  private started = false;
  private initMsg: Extract<HostMessage, { type: 'init' }> | undefined;
  /** The format most of the file's first lines are in, decided once when it opens. */
  private format: DetectedFormat | undefined;
  /** The opening started by the constructor, taken by the first 'ready'. */
  private prepared: Promise<string | undefined> | undefined;

  /**
   * Opens the set, indexes the first 256 KiB and builds the init message with the first screen's
   * lines in it. Returns why the file cannot be opened, or undefined when it is open.
   */
  private async prepare(): Promise<string | undefined> {
    this.locale = viewerLocale();
    const locale = this.locale;
    let set: LogSet;
    try {
      set = await LogSet.open(this.files);
    } catch (e) {
      const file = (e as { path?: string }).path ?? this.files[0];
      return this.access(file, e);
    }
    if (this.disposed) {
      void set.close();
      return undefined;
    }
    this.set = set;
    this.set.maxLineBytes = this.cfg.maxLineBytes;
    try {
      await this.firstScreen(locale);
    } catch (e) {
      void set.close();
      return this.access(this.files[0], e);
    }
    return undefined;
  }

  private async firstScreen(locale: Locale): Promise<void> {
    const first = this.set.members[0];
    const [baseYears, head] = await Promise.all([Promise.all(this.files.map((f) => baseYearFor(f))), first.reader.read(0, 256 * 1024)]);
    this.baseYears = baseYears;
    this.memberGen = this.files.map(() => 0);
    // First screen at once: index the first 256 KiB here, before the worker has even started.
    const nl = head.lastIndexOf(10);
    if (nl >= 0) first.index.add(head, 0, nl + 1, 0);
    this.format = detectFormat(makeDecoder(this.set.encoding)(head, 0, Math.min(head.length, SAMPLE_BYTES)));
    const lines = await this.set.getLines(0, Math.min(FIRST_SCREEN, this.set.lineCount));
    this.initMsg = {
      type: 'init',
      files: this.files,
      encoding: this.set.encoding,
      encodings: [...ENCODINGS],
      locale,
      strings: webviewStrings(locale),
      legend: legend(locale),
      rules: this.cfg.rules.rules,
      lineCount: this.set.lineCount,
      indexing: true,
      maxLineBytes: this.cfg.maxLineBytes,
      rotatedSiblings: this.files.length === 1 ? rotatedSet(this.files[0]).length - 1 : 0,
      ...(this.initialFilter ? { filter: this.initialFilter } : {}),
      format: this.format?.label[locale],
      first: lines.map(toWire),
    };
  }

  private async start(): Promise<void> {
    if (this.started) {
      // A reloaded webview asks again: the session is already running, so just tell it where we are.
      if (this.initMsg) this.post({ ...this.initMsg, first: undefined, lineCount: this.set.lineCount, indexing: this.indexing });
      return;
    }
    this.started = true;
    const opening = this.prepared ?? this.prepare();
    this.prepared = undefined;
    const problem = await opening;
    if (problem !== undefined || !this.initMsg) {
      // Say why, alone (no toolbar for a file that is not there), and offer to try again or pick another.
      const msg = problem ?? this.access(this.files[0], new Error('closed'));
      this.started = false;
      this.post({ type: 'unavailable', message: msg, locale: this.locale, strings: webviewStrings(this.locale) });
      this.log.warn(`log viewer: ${msg}`);
      return;
    }
    if (this.cfg.rules.problems.length) this.post({ type: 'notice', level: 'warning', message: this.cfg.rules.problems.join('\n') });
    this.post(this.initMsg);
    this.indexMember(0);
  }

  private indexMember(i: number): void {
    if (this.disposed) return;
    if (i >= this.set.members.length) {
      this.indexing = false;
      this.post({ type: 'count', lineCount: this.set.lineCount, indexing: false });
      this.post({ type: 'progress', task: 'index', done: 1, total: 1 });
      return;
    }
    const started = Date.now();
    const file = this.set.members[i].path;
    this.indexWorker = this.spawn({ kind: 'index', file }, (r) => {
      if (r.kind === 'index') {
        const ix = LineIndex.fromState(r.state);
        if (ix.lines >= this.set.members[i].index.lines || r.done) this.set.members[i].index = ix;
        if (r.done) {
          if (this.set.members[i].reader.gz) (this.set.members[i].reader as { setSize?: (n: number) => void }).setSize?.(ix.bytes);
          this.log.info(`indexed ${file}: ${ix.lines} lines, ${ix.bytes} bytes in ${Date.now() - started} ms (${ix.checkpointCount} checkpoints, ${ix.memoryBytes} bytes)`);
          void this.indexWorker?.terminate();
          this.indexMember(i + 1);
        } else this.scheduleCount();
      } else if (r.kind === 'progress') {
        const total = this.set.members.length;
        this.post({ type: 'progress', task: 'index', done: i / total + (r.total ? r.done / r.total / total : 0), total: 1 });
      } else if (r.kind === 'error') {
        const msg = this.access(file, { code: r.code, message: r.message });
        this.post({ type: 'notice', level: 'error', message: msg });
        this.indexMember(i + 1);
      }
    });
  }

  private scheduleCount(): void {
    if (this.countTimer) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      this.post({ type: 'count', lineCount: this.set.lineCount, indexing: this.indexing });
    }, 50);
  }

  private onMessage(raw: unknown): void {
    const m = validateWebviewMessage(raw);
    if (!m) {
      this.log.warn(`log viewer: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    void this.handle(m).catch((e) => this.log.error(`log viewer: ${(e as Error)?.stack ?? e}`));
  }

  private async handle(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        return this.start();
      case 'getLines': {
        if (!this.set) return;
        let lines: LogLine[];
        if (m.view === 'all') lines = await this.set.getLines(m.from, Math.min(m.count, Math.max(0, this.set.lineCount - m.from)));
        else {
          const ns = this.matches.slice(m.from, m.count);
          lines = await this.linesByNumber(ns);
        }
        this.post({ type: 'lines', req: m.req, view: m.view, from: m.from, lines: lines.map(toWire) });
        return;
      }
      case 'filter':
        return this.startFilter(m.id, m.spec);
      case 'stats':
        return this.startStats();
      case 'cancelFilter':
        if (m.id === this.filterId && this.filterWorker) {
          void this.filterWorker.terminate();
          this.filterWorker = undefined;
          this.filterDone = true;
          this.compiled = undefined;
          this.post({ type: 'filterResult', id: m.id, matches: this.nMatches, done: true, stopped: true });
          this.post({ type: 'progress', task: 'filter', done: 1, total: 1 });
        }
        return;
      case 'openRotated':
        await vscode.commands.executeCommand('linuxAdminConfigs.logViewer.openRotated', vscode.Uri.file(this.files[0]));
        return;
      case 'pickFile':
        // The chosen file opens in a viewer of its own, in place of this one.
        if (await pickAnotherFile(path.dirname(this.files[0]), this.t('Open in Log Viewer'))) this.panel.dispose();
        return;
      case 'locate': {
        const line = m.view === 'filter' ? this.matches.get(m.row) : m.row;
        if (line !== undefined) this.post({ type: 'reveal', line });
        return;
      }
      case 'encoding':
        if (!isLogEncoding(m.encoding) || !this.set) return;
        this.set.setEncoding(m.encoding);
        this.post({ type: 'count', lineCount: this.set.lineCount, indexing: this.indexing });
        if (this.filterSpec) this.startFilter(this.filterId, this.lastSpecMsg);
        return;
      case 'follow':
        return this.setFollow(m.on);
      case 'tail': {
        if (!this.set) return;
        const lines = this.indexing ? await tailLines(this.set, m.count) : await this.set.getLines(Math.max(0, this.set.lineCount - m.count), m.count);
        this.post({ type: 'tail', req: m.req, lines: lines.map(toWire) });
        return;
      }
      case 'lineSlice': {
        const s = await this.set.lineSlice(m.n, m.start, m.length);
        this.post({ type: 'lineSlice', req: m.req, n: m.n, start: m.start, end: s.end, bytes: s.bytes, text: s.text });
        return;
      }
      case 'explain':
        return explain(m.text, { format: this.format?.name });
      case 'log':
        this.log[m.level === 'warning' ? 'warn' : m.level](`webview: ${m.message}`);
        return;
    }
  }

  private async linesByNumber(ns: number[]): Promise<LogLine[]> {
    const out: LogLine[] = [];
    // Consecutive numbers are read in one go.
    for (let i = 0; i < ns.length; ) {
      let j = i + 1;
      while (j < ns.length && ns[j] === ns[j - 1] + 1) j++;
      out.push(...(await this.set.getLines(ns[i], j - i)));
      i = j;
    }
    return out;
  }

  private lastSpecMsg: FilterSpecMsg | null = null;

  private startFilter(id: number, msg: FilterSpecMsg | null): void {
    void this.filterWorker?.terminate();
    this.filterWorker = undefined;
    this.filterId = id;
    this.lastSpecMsg = msg;
    this.nMatches = 0;
    this.matches.clear();
    this.filterSpec = undefined;
    this.compiled = undefined;
    if (!msg) return;
    const spec: FilterSpec = {
      include: msg.include,
      exclude: msg.exclude,
      programs: msg.programs,
      from: msg.from,
      to: msg.to,
      format: this.format?.name,
    };
    const c = compileFilter(spec, this.set.encoding);
    if (!c.ok) {
      const error = c.pattern === undefined ? c.error : this.t('invalid regular expression /{0}/: {1}', c.pattern, c.reason ?? '');
      this.post({ type: 'filterResult', id, matches: 0, done: true, error });
      return;
    }
    if (c.filter.all) {
      this.post({ type: 'filterResult', id, matches: 0, done: true });
      return;
    }
    this.filterSpec = spec;
    this.compiled = c.filter;
    this.filterDone = false;
    const warning = c.risky === undefined ? c.warning : this.t('/{0}/ has nested repetition and may be very slow; the search can be stopped at any time.', c.risky);
    let capped = false;
    let lastProgress = Date.now();
    // A filter that makes no progress for this long is stuck in a regular expression: stop it.
    const watchdog = setInterval(() => {
      if (Date.now() - lastProgress > 5000 && this.filterWorker === w) {
        void w.terminate();
        this.filterWorker = undefined;
        this.filterDone = true;
        this.post({ type: 'filterResult', id, matches: this.nMatches, done: true, error: this.t('The filter was stopped: the regular expression took too long on one line (nested repetition such as (a+)+ can take exponential time).') });
      }
    }, 1000);
    const w = this.spawn({ kind: 'filter', files: this.files, spec, encoding: this.set.encoding, baseYears: this.baseYears, rg: this.rgPath }, (r) => {
      if (this.filterId !== id) return;
      lastProgress = Date.now();
      if (r.kind === 'matches') {
        this.append(r.lines);
        this.post({ type: 'filterResult', id, matches: this.nMatches, done: false, warning, scanned: r.scanned });
      } else if (r.kind === 'progress') {
        this.post({ type: 'progress', task: 'filter', done: r.done, total: r.total });
      } else if (r.kind === 'filterDone') {
        clearInterval(watchdog);
        capped = r.total > r.stored;
        this.filterDone = true;
        this.post({ type: 'filterResult', id, matches: this.nMatches, done: true, warning, capped });
        this.post({ type: 'progress', task: 'filter', done: 1, total: 1 });
        void w.terminate();
      } else if (r.kind === 'error') {
        clearInterval(watchdog);
        this.post({ type: 'filterResult', id, matches: this.nMatches, done: true, error: r.code === 'filter' ? r.message : this.access(this.files[0], r) });
      }
    });
    w.on('exit', () => clearInterval(watchdog));
    this.filterWorker = w;
    this.post({ type: 'filterResult', id, matches: 0, done: false, warning });
  }

  private append(lines: Uint32Array): void {
    this.matches.push(lines);
    this.nMatches = this.matches.length;
  }

  private startStats(): void {
    void this.statsWorker?.terminate();
    this.statsWorker = this.spawn({ kind: 'stats', files: this.files, baseYears: this.baseYears, format: this.format?.name }, (r) => {
      if (r.kind === 'progress') this.post({ type: 'progress', task: 'stats', done: r.done, total: r.total });
      else if (r.kind === 'stats') {
        this.post({ type: 'stats', stats: r.stats });
        this.post({ type: 'progress', task: 'stats', done: 1, total: 1 });
        void this.statsWorker?.terminate();
      } else if (r.kind === 'error') this.post({ type: 'notice', level: 'error', message: r.message });
    });
  }

  private async setFollow(on: boolean): Promise<void> {
    if (!on) {
      await this.follower?.close();
      this.follower = undefined;
      this.post({ type: 'follow', on: false });
      return;
    }
    if (this.follower) return;
    if (this.indexing) {
      this.post({ type: 'notice', level: 'info', message: this.t('Follow starts once indexing is done.') });
      this.post({ type: 'follow', on: false });
      return;
    }
    const live = this.set.members[this.set.members.length - 1];
    if (live.reader.gz) {
      this.post({ type: 'notice', level: 'warning', message: this.t('A compressed file cannot be followed.') });
      this.post({ type: 'follow', on: false });
      return;
    }
    const f = liveFollower({
      set: this.set,
      post: (m) => this.post(m),
      t: this.t,
      access: this.access,
      appended: (buf, from, to, offset, firstLine, member) => {
        if (this.compiled) this.filterAppended(buf, from, to, offset, firstLine, member);
      },
    });
    try {
      await f.open();
    } catch (e) {
      this.post({ type: 'notice', level: 'error', message: this.access(live.path, e) });
      this.post({ type: 'follow', on: false });
      return;
    }
    this.follower = f;
    f.start();
    this.post({ type: 'follow', on: true });
  }

  /**
   * Filters lines that follow mode appended. Literal terms are safe to test here (linear time);
   * a regular expression could backtrack for ages, so those lines go to a short worker job.
   */
  private filterAppended(buf: Buffer, from: number, to: number, offset: number, firstLine: number, member: number): void {
    const f = this.compiled!;
    const hasRegex = [...(f.spec.include ?? []), ...(f.spec.exclude ?? [])].some((t) => t.regex);
    if (hasRegex) {
      const p = this.appendQueue;
      if (p && p.member === member && p.end === offset) p.end = offset + to - from;
      else {
        if (p) this.flushAppendQueue();
        this.appendQueue = { member, start: offset, end: offset + to - from, lineBase: firstLine };
      }
      this.appendTimer ??= setTimeout(() => this.flushAppendQueue(), 300);
      return;
    }
    const found = literalMatches(f, buf, from, to, offset, firstLine);
    if (found.length) {
      this.append(Uint32Array.from(found));
      this.post({ type: 'filterResult', id: this.filterId, matches: this.nMatches, done: this.filterDone });
    }
  }

  private appendQueue: { member: number; start: number; end: number; lineBase: number } | undefined;
  private appendTimer: NodeJS.Timeout | undefined;

  private flushAppendQueue(): void {
    if (this.appendTimer) clearTimeout(this.appendTimer);
    this.appendTimer = undefined;
    const q = this.appendQueue;
    this.appendQueue = undefined;
    if (!q || !this.filterSpec || !this.compiled) return;
    const id = this.filterId;
    const file = this.set.members[q.member].reader.path;
    const w = this.spawn(
      { kind: 'filter', files: [file], spec: this.filterSpec, encoding: this.set.encoding, baseYears: [new Date().getFullYear()], range: q },
      (r) => {
        if (this.filterId !== id) return void w.terminate();
        if (r.kind === 'matches') {
          this.append(r.lines);
          this.post({ type: 'filterResult', id, matches: this.nMatches, done: this.filterDone });
        } else if (r.kind === 'filterDone' || r.kind === 'error') void w.terminate();
      },
    );
    // The same guard as for a full filter: a job that takes this long is stuck in the expression.
    setTimeout(() => void w.terminate(), 10_000).unref();
  }


  /** Settings changed (from the Settings UI, settings.json or anywhere else): the open viewer follows. */
  settingsChanged(): void {
    this.cfg = viewerConfig();
    this.locale = viewerLocale();
    if (!this.started || !this.initMsg) return;
    if (this.set) this.set.maxLineBytes = this.cfg.maxLineBytes;
    const locale = this.locale;
    const m = { locale, strings: webviewStrings(locale), legend: legend(locale), rules: this.cfg.rules.rules, maxLineBytes: this.cfg.maxLineBytes };
    this.initMsg = { ...this.initMsg, ...m };
    this.post({ type: 'settings', ...m });
    if (this.cfg.rules.problems.length) this.post({ type: 'notice', level: 'warning', message: this.cfg.rules.problems.join('\n') });
  }

  dispose(): void {
    this.disposed = true;
    if (this.countTimer) clearTimeout(this.countTimer);
    if (this.appendTimer) clearTimeout(this.appendTimer);
    for (const w of [this.indexWorker, this.filterWorker, this.statsWorker]) void w?.terminate();
    void this.follower?.close();
    void this.set?.close();
    this.matches.clear();
  }
}
