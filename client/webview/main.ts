// The log viewer's page. It asks the host for the lines on screen, renders them as text only,
// and drives filters, trace, charts, follow mode and the encoding picker through messages.
import 'uplot/dist/uPlot.min.css';
import './style.css';
import type { FilterSpecMsg, FilterTermMsg, HostMessage, LegendEntry, StatsMsg, View, WebviewMessage, WireLine } from '../src/logViewer/protocol';
import { loadCharts, type ChartsLib } from './chartsLoader';
import { el, grouped, lineDetail, setProgress } from './dom';
import { makeHighlighter, renderText, type Highlighter } from './render';
import { VirtualScroller } from './scroller';

declare function acquireVsCodeApi(): { postMessage(m: unknown): void };
const vscode = acquireVsCodeApi();
const send = (m: WebviewMessage) => vscode.postMessage(m);

const BLOCK = 200;

let S: Record<string, string> = {};
let hl: Highlighter = makeHighlighter([]);
let lineCount = 0;
let indexing = true;
let view: View = 'all';
let matches = 0;
let filterActive = false;
let filterId = 0;
let req = 0;
let revealed = -1;
let maxLineBytes = 65536;
let stats: StatsMsg | undefined;
let byHour = false;
let destroyCharts: (() => void) | undefined;
let following = false;
let rotatedSiblings = 0;
const caches: Record<View, Map<number, WireLine>> = { all: new Map(), filter: new Map() };
const pending: Record<View, Set<number>> = { all: new Set(), filter: new Set() };
const include: FilterTermMsg[] = [];
const exclude: FilterTermMsg[] = [];
const traceStack: { include: FilterTermMsg[]; exclude: FilterTermMsg[] }[] = [];

// ---- layout -------------------------------------------------------------------------------
const app = document.getElementById('app')!;
const incInput = el('input', { type: 'text', id: 'include' });
const excInput = el('input', { type: 'text', id: 'exclude' });
const chips = el('span', { className: 'chips' });
const regexBtn = el('button', { id: 'regex', textContent: '.*' });
const caseBtn = el('button', { id: 'case', textContent: 'Aa' });
const progInput = el('input', { type: 'text', id: 'program' });
const progList = el('datalist', { id: 'programs' });
const fromInput = el('input', { type: 'datetime-local', id: 'from' });
const toInput = el('input', { type: 'datetime-local', id: 'to' });
const encSelect = el('select', { id: 'encoding' });
const followBtn = el('button', { id: 'follow' });
const viewBtn = el('button', { id: 'view', className: 'hidden' });
const traceBadge = el('button', { id: 'trace', className: 'chip hidden' });
const chartsBtn = el('button', { id: 'charts' });
const rotatedBtn = el('button', { id: 'rotated', className: 'hidden' });
const stopBtn = el('button', { id: 'stop', className: 'hidden' });
const legendBtn = el('button', { id: 'legendBtn' });
const toolbar = el('div', { className: 'toolbar' }, incInput, chips, excInput, regexBtn, caseBtn, progInput, progList, fromInput, toInput, encSelect, followBtn, chartsBtn, legendBtn, rotatedBtn, viewBtn, traceBadge);
const countEl = el('span', { id: 'count' });
const progress = el('div', { className: 'progress' }, el('div'));
const matchEl = el('span', { id: 'matches' });
const msgEl = el('span', { id: 'message' });
const formatEl = el('span', { id: 'format', className: 'hidden' });
const status = el('div', { className: 'status' }, countEl, formatEl, progress, matchEl, stopBtn, msgEl);
const chartPanel = el('div', { className: 'panel charts hidden', id: 'chartPanel' });
const legendPanel = el('div', { className: 'panel legend hidden', id: 'legend' });
const detail = el('div', { className: 'panel detail hidden', id: 'detail' });
const unavailable = el('div', { className: 'unavailable hidden', id: 'unavailable' });
app.append(unavailable, toolbar, status, chartPanel, legendPanel, detail);
const scroller = new VirtualScroller(app);
progInput.setAttribute('list', 'programs');
regexBtn.setAttribute('aria-pressed', 'false');
caseBtn.setAttribute('aria-pressed', 'false');

function setStrings(): void {
  incInput.placeholder = S.filter;
  excInput.placeholder = S.exclude;
  regexBtn.title = S.regex;
  caseBtn.title = S.matchCase;
  progInput.placeholder = S.program;
  fromInput.title = S.from;
  toInput.title = S.to;
  encSelect.title = S.encoding;
  followBtn.textContent = S.follow;
  chartsBtn.textContent = S.charts;
  legendBtn.textContent = S.legend;
  rotatedBtn.textContent = S.rotated;
  rotatedBtn.title = S.rotatedHint;
  stopBtn.textContent = S.cancel;
  scroller.el.title = S.explainHint;
}

// ---- rows ---------------------------------------------------------------------------------
function rowFor(i: number, line: WireLine | undefined): HTMLDivElement {
  const row = el('div', { className: 'row' });
  if (!line) {
    row.classList.add('placeholder');
    row.append(el('span', { className: 'no', textContent: view === 'all' ? String(i + 1) : '' }), el('span', { className: 'tx', textContent: '…' }));
    return row;
  }
  // A line read from the end while indexing has no number yet.
  const known = line.n >= 0;
  if (known) {
    row.dataset.n = String(line.n);
    row.dataset.row = String(i);
  }
  if (known && line.n === revealed) row.classList.add('revealed');
  // VS Code's webview context menu reads this ("Explain this log line" gets { text }).
  row.setAttribute('data-vscode-context', JSON.stringify({ webviewSection: 'logLine', text: line.text.slice(0, 65536), preventDefaultContextMenuItems: false }));
  row.append(el('span', { className: 'no', textContent: known ? String(line.n + 1) : '' }), renderText(line.text, hl, S.traceHint ?? ''));
  if (line.cut && known) {
    const more = el('span', { className: 'more', textContent: `… [+${line.bytes - maxLineBytes} ${S.more}] ${S.showMore}` });
    more.dataset.more = String(line.n);
    row.append(more);
  }
  return row;
}

function rowTotal(): number {
  return view === 'all' ? lineCount : matches;
}

// End while indexing: the file's real last lines, read from its end, until the index gets there.
let tail: WireLine[] | undefined;
let tailReq = 0;
function leaveTail(): void {
  tail = undefined;
  tailReq = 0;
}
scroller.onEnd = () => {
  if (!indexing || view !== 'all') return;
  tailReq = ++req;
  send({ type: 'tail', req: tailReq, count: scroller.visible });
};
scroller.onMove = leaveTail;

scroller.onRender = (first, visible) => {
  if (tail && view === 'all') {
    scroller.rows.replaceChildren(...tail.slice(-scroller.visible).map((l, i) => rowFor(-1 - i, l)));
    return;
  }
  const cache = caches[view];
  const rows: HTMLDivElement[] = [];
  for (let i = first; i < first + visible; i++) rows.push(rowFor(i, cache.get(i)));
  scroller.rows.replaceChildren(...rows);
  request(first, visible);
};

function request(first: number, visible: number): void {
  const total = rowTotal();
  const cache = caches[view];
  if (cache.size > 20000) cache.clear();
  const from = Math.max(0, first - visible);
  const to = Math.min(total, first + 2 * visible);
  for (let b = Math.floor(from / BLOCK); b * BLOCK < to; b++) {
    const start = b * BLOCK;
    const count = Math.min(BLOCK, total - start);
    if (count <= 0 || pending[view].has(b)) continue;
    let missing = false;
    for (let i = Math.max(start, from); i < Math.min(start + count, to) && !missing; i++) missing = !cache.has(i);
    if (!missing) continue;
    pending[view].add(b);
    send({ type: 'getLines', req: ++req, view, from: start, count });
  }
}

function invalidate(v: View): void {
  caches[v].clear();
  pending[v].clear();
}

// ---- filter -------------------------------------------------------------------------------
function currentSpec(): FilterSpecMsg | null {
  const regex = regexBtn.getAttribute('aria-pressed') === 'true';
  const caseSensitive = caseBtn.getAttribute('aria-pressed') === 'true';
  const inc = [...include];
  if (incInput.value) inc.push({ pattern: incInput.value, regex, caseSensitive });
  const exc = [...exclude];
  if (excInput.value) exc.push({ pattern: excInput.value, regex, caseSensitive });
  const programs = progInput.value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const t = (v: string) => (v ? Date.parse(v + 'Z') : undefined);
  const from = t(fromInput.value);
  const to = t(toInput.value);
  if (!inc.length && !exc.length && !programs.length && from === undefined && to === undefined) return null;
  const spec: FilterSpecMsg = { include: inc, exclude: exc, programs };
  if (from !== undefined && !Number.isNaN(from)) spec.from = from;
  if (to !== undefined && !Number.isNaN(to)) spec.to = to;
  return spec;
}

let filterTimer: number | undefined;
function filterChanged(now = false): void {
  if (filterTimer) clearTimeout(filterTimer);
  filterTimer = window.setTimeout(applyFilter, now ? 0 : 250);
}

function applyFilter(): void {
  const spec = currentSpec();
  filterId++;
  matches = 0;
  invalidate('filter');
  incInput.classList.remove('bad');
  msgEl.textContent = '';
  msgEl.className = '';
  filterActive = !!spec;
  send({ type: 'filter', id: filterId, spec });
  setView(spec ? 'filter' : 'all');
  renderChips();
  matchEl.textContent = spec ? S.filtering : '';
  stopBtn.classList.toggle('hidden', !spec);
}

function setView(v: View): void {
  leaveTail();
  view = v;
  viewBtn.classList.toggle('hidden', !filterActive);
  viewBtn.textContent = v === 'filter' ? S.showAll : S.showMatches;
  scroller.setCount(rowTotal());
  scroller.scrollTo(v === 'all' && revealed >= 0 ? revealed : 0, v === 'all');
}

function renderChips(): void {
  const list: HTMLElement[] = [];
  const chip = (t: FilterTermMsg, arr: FilterTermMsg[], ex: boolean) => {
    const c = el('span', { className: 'chip' + (ex ? ' ex' : '') });
    c.append(t.regex ? `/${t.pattern}/` : t.pattern, el('button', { textContent: '×', title: S.clear }));
    c.lastElementChild!.addEventListener('click', () => {
      arr.splice(arr.indexOf(t), 1);
      filterChanged(true);
    });
    list.push(c);
  };
  include.forEach((t) => chip(t, include, false));
  exclude.forEach((t) => chip(t, exclude, true));
  chips.replaceChildren(...list);
}

for (const input of [incInput, excInput]) {
  input.addEventListener('input', () => filterChanged());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && input.value) {
      (input === incInput ? include : exclude).push({ pattern: input.value, regex: regexBtn.getAttribute('aria-pressed') === 'true', caseSensitive: caseBtn.getAttribute('aria-pressed') === 'true' });
      input.value = '';
      filterChanged(true);
    } else if (e.key === 'Escape') {
      input.value = '';
      filterChanged(true);
    }
  });
}
for (const input of [progInput, fromInput, toInput]) input.addEventListener('change', () => filterChanged(true));
for (const b of [regexBtn, caseBtn])
  b.addEventListener('click', () => {
    b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
    filterChanged(true);
  });
viewBtn.addEventListener('click', () => setView(view === 'all' ? 'filter' : 'all'));

function trace(token: string): void {
  traceStack.push({ include: [...include], exclude: [...exclude] });
  include.splice(0, include.length, { pattern: token, regex: false, caseSensitive: true });
  exclude.splice(0);
  incInput.value = '';
  excInput.value = '';
  traceBadge.replaceChildren(`${S.trace}: ${token}  ×`);
  traceBadge.title = S.clearTrace;
  traceBadge.classList.remove('hidden');
  filterChanged(true);
}
traceBadge.addEventListener('click', () => {
  const prev = traceStack.pop();
  include.splice(0, include.length, ...(prev?.include ?? []));
  exclude.splice(0, exclude.length, ...(prev?.exclude ?? []));
  if (!traceStack.length) traceBadge.classList.add('hidden');
  filterChanged(true);
});

// ---- clicks on rows (one delegated listener; no inline handlers) ---------------------------
scroller.rows.addEventListener('click', (e) => {
  const t = e.target as HTMLElement;
  const tr = t.closest<HTMLElement>('[data-trace]');
  if (tr?.dataset.trace) return trace(tr.dataset.trace);
  const more = t.closest<HTMLElement>('[data-more]');
  if (more?.dataset.more) lineView.open(Number(more.dataset.more), maxLineBytes);
});
scroller.rows.addEventListener('dblclick', (e) => {
  const row = (e.target as HTMLElement).closest<HTMLElement>('.row');
  if (view === 'filter' && row?.dataset.row) send({ type: 'locate', view: 'filter', row: Number(row.dataset.row) });
});

// ---- long lines ---------------------------------------------------------------------------
const lineView = lineDetail(detail, send, () => ({ close: S.close, next: S.next }));

// ---- charts and legend --------------------------------------------------------------------
chartsBtn.addEventListener('click', () => {
  const show = chartPanel.classList.toggle('hidden') === false;
  chartsBtn.setAttribute('aria-pressed', String(show));
  if (show && !stats) {
    void loadCharts().catch(() => undefined);
    chartPanel.replaceChildren(S.counting);
    send({ type: 'stats' });
  } else if (show) drawAll();
});
function drawAll(): void {
  if (!stats) return;
  loadCharts().then(drawWith, (e: Error) => message('error', e.message));
}
function drawWith({ chartData, drawCharts }: ChartsLib): void {
  if (!stats || chartPanel.classList.contains('hidden')) return;
  destroyCharts?.();
  const toggle = el('button', { textContent: byHour ? S.perDay : S.byHour });
  toggle.addEventListener('click', () => {
    byHour = !byHour;
    drawAll();
  });
  const host = el('div');
  chartPanel.replaceChildren(el('div', {}, toggle, ' ', S.chartHint), host);
  destroyCharts = drawCharts(host, chartData(stats, byHour), { volume: byHour ? S.perHour : S.perDay, programs: S.perProgram }, (line) => {
    revealed = line;
    setView('all');
  });
}
function drawLegend(entries: LegendEntry[]): void {
  const dl = el('dl');
  for (const c of entries) {
    dl.append(el('dt', {}, el('span', { className: `kw kw-${c.name}`, textContent: c.label }), ` (${c.keywords.join(', ')})`), el('dd', { textContent: c.docs }));
  }
  const ex = el('span', { className: 't-ts', textContent: 'Jan  7 17:59:35' });
  legendPanel.replaceChildren(el('h3', { textContent: S.legendIntro }), dl, el('p', {}, ex, ' ', S.structure));
}
legendBtn.addEventListener('click', () => legendBtn.setAttribute('aria-pressed', String(!legendPanel.classList.toggle('hidden'))));

rotatedBtn.addEventListener('click', () => send({ type: 'openRotated' }));
stopBtn.addEventListener('click', () => send({ type: 'cancelFilter', id: filterId }));

// ---- follow and encoding ------------------------------------------------------------------
followBtn.addEventListener('click', () => send({ type: 'follow', on: !following }));
encSelect.addEventListener('change', () => send({ type: 'encoding', encoding: encSelect.value }));

// ---- status -------------------------------------------------------------------------------
function showCount(): void {
  countEl.textContent = `${grouped(lineCount)} ${S.lines ?? ''}${indexing ? ` — ${S.indexing}` : ''}`;
}
function message(level: 'info' | 'warning' | 'error', text: string): void {
  msgEl.textContent = text;
  msgEl.className = level === 'error' ? 'err' : level === 'warning' ? 'warn' : '';
}

/** The file cannot be opened: the message alone, with a way to try again or choose another file. */
function showUnavailable(m: Extract<HostMessage, { type: 'unavailable' }>): void {
  S = m.strings;
  document.documentElement.lang = m.locale;
  const retry = el('button', { id: 'retry', textContent: S.retry });
  retry.addEventListener('click', () => send({ type: 'ready' }));
  const pick = el('button', { id: 'pickFile', textContent: S.pickFile });
  pick.addEventListener('click', () => send({ type: 'pickFile' }));
  unavailable.replaceChildren(el('h3', { textContent: S.unavailable }), el('p', { className: 'err', textContent: m.message }), el('div', {}, pick, ' ', retry));
  unavailable.classList.remove('hidden');
  for (const part of [toolbar, status, chartPanel, legendPanel, detail, scroller.el]) part.classList.add('hidden');
}

/** Words, colours and limits that follow the settings (at init and whenever the settings change). */
function applySettings(m: Omit<Extract<HostMessage, { type: 'settings' }>, 'type'>): void {
  S = m.strings;
  setStrings();
  hl = makeHighlighter(m.rules);
  maxLineBytes = m.maxLineBytes;
  document.documentElement.lang = m.locale;
  drawLegend(m.legend);
}

// ---- messages from the host ---------------------------------------------------------------
window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as HostMessage;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'init':
      // A second init is the same viewer over new content (the journal under other filters): nothing cached still holds.
      for (const v of ['all', 'filter'] as const) {
        caches[v].clear();
        pending[v].clear();
      }
      leaveTail();
      // The first screen's lines come with init: nothing to ask for before they show.
      m.first?.forEach((l, i) => caches.all.set(i, l));
      unavailable.classList.add('hidden');
      for (const part of [toolbar, status, scroller.el]) part.classList.remove('hidden');
      applySettings(m);
      indexing = m.indexing;
      lineCount = m.lineCount;
      encSelect.replaceChildren(...m.encodings.map((x) => el('option', { value: x, textContent: x, selected: x === m.encoding })));
      rotatedSiblings = m.rotatedSiblings;
      rotatedBtn.classList.toggle('hidden', !m.rotatedSiblings);
      if (m.rotatedSiblings) rotatedBtn.textContent = `${S.rotated} (+${m.rotatedSiblings})`;
      formatEl.textContent = m.format ? `${S.format}: ${m.format}` : '';
      formatEl.classList.toggle('hidden', !m.format);
      showCount();
      scroller.setCount(rowTotal());
      // Keys go to the rows, once they are painted (focusing costs a style pass).
      requestAnimationFrame(() => setTimeout(() => scroller.el.focus()));
      // Opened on a filter (a LOG rule's prefix): shown as typed, so the user can change it.
      if (m.filter && !incInput.value && !include.length) {
        incInput.value = m.filter;
        applyFilter();
      }
      break;
    case 'lines': {
      const cache = caches[m.view];
      pending[m.view].delete(Math.floor(m.from / BLOCK));
      m.lines.forEach((l, i) => cache.set(m.from + i, l));
      if (m.view === view) scroller.render();
      break;
    }
    case 'count': {
      const grew = m.lineCount !== lineCount;
      // The same count at the end of indexing is the same lines; otherwise (a new encoding) they changed.
      const finished = indexing && !m.indexing;
      // Rows past the old end may have been cut short while indexing: forget the last block.
      if (grew) for (let b = Math.floor(lineCount / BLOCK) * BLOCK; b < lineCount; b++) caches.all.delete(b);
      if (m.lineCount < lineCount) invalidate('all');
      lineCount = m.lineCount;
      indexing = m.indexing;
      if (!grew && m.appended === undefined && !finished) invalidate('all');
      showCount();
      // The index got to the end: the rows read from the end become numbered lines.
      const keepAtEnd = following || tailReq > 0;
      if (!indexing) leaveTail();
      if (view === 'all') scroller.setCount(lineCount, keepAtEnd);
      break;
    }
    case 'tail':
      if (m.req !== tailReq || view !== 'all' || !indexing || !m.lines.length || m.lines[0].n >= 0) break;
      tail = m.lines;
      scroller.render();
      break;
    case 'progress':
      setProgress(progress, m.done, m.total);
      break;
    case 'filterResult':
      if (m.id !== filterId) break;
      if (m.matches !== matches) {
        for (let b = Math.floor(matches / BLOCK) * BLOCK; b < matches; b++) caches.filter.delete(b);
        pending.filter.delete(Math.floor(matches / BLOCK));
        matches = m.matches;
        if (view === 'filter') scroller.setCount(matches, following);
      }
      matchEl.textContent = `${grouped(matches)} ${matches === 1 ? S.match : S.matches}${m.done ? '' : ' …'}${m.stopped ? ` (${S.stopped})` : ''}${m.capped ? ` (${S.capped})` : ''}`;
      stopBtn.classList.toggle('hidden', m.done);
      if (m.done && !matches && !m.error) message('info', S.noMatches);
      if (m.error) {
        message('error', m.error);
        incInput.classList.add('bad');
      } else if (m.warning) message('warning', m.warning);
      break;
    case 'stats':
      stats = m.stats;
      progList.replaceChildren(...m.stats.programs.slice(0, 200).map((p) => el('option', { value: p.program })));
      if (!chartPanel.classList.contains('hidden')) drawAll();
      break;
    case 'reveal':
      revealed = m.line;
      setView('all');
      break;
    case 'lineSlice':
      lineView.show(m);
      break;
    case 'notice':
      message(m.level, m.message);
      break;
    case 'unavailable':
      showUnavailable(m);
      break;
    case 'settings':
      // Lines already here were cut at the old length.
      if (m.maxLineBytes !== maxLineBytes) (['all', 'filter'] as View[]).forEach(invalidate);
      applySettings(m);
      if (rotatedSiblings) rotatedBtn.textContent = `${S.rotated} (+${rotatedSiblings})`;
      viewBtn.textContent = view === 'filter' ? S.showAll : S.showMatches;
      showCount();
      scroller.render();
      if (stats && !chartPanel.classList.contains('hidden')) drawAll();
      break;
    case 'follow':
      following = m.on;
      followBtn.setAttribute('aria-pressed', String(m.on));
      if (m.on) scroller.scrollTo(rowTotal());
      break;
  }
});

window.addEventListener('error', (e) => send({ type: 'log', level: 'error', message: String(e.message) }));
send({ type: 'ready' });
