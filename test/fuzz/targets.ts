// What the fuzzers exercise: every language facade the way the server drives it, the log engine
// on raw bytes, and "explain this line". Each target checks the shape of what it returns, so a
// result VS Code would reject (a reversed range, a symbol whose selection lies outside it) fails
// like a throw does.
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { diagnose } from '../../server/src/languages/common/diagnose';
import { definition, documentLinks, highlights, references } from '../../server/src/languages/common/navigation';
import type { LanguageContext, LanguageFacade } from '../../server/src/languages/common/types';
import { LANGUAGES } from '../../server/src/languages/index';
import { StatsAccumulator, compileFilter, blockScanner, LineIndex, NewlineFinder, parseSyslogHeader, syslogTokens, visiblePieces, detectEncoding, makeDecoder } from '../../server/src/logs/engine/index';
import { explainLine, renderMarkdown, renderText, classifyLine } from '../../server/src/logs/explain/index';
import { fixtureTexts, tokensOf } from './inputs';

export class Violation extends Error {}

function fail(msg: string): never {
  throw new Violation(msg);
}

function checkPos(p: Position | undefined, what: string) {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) fail(`${what}: bad position ${JSON.stringify(p)}`);
}

function before(a: Position, b: Position) {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function checkRange(r: Range | undefined, what: string) {
  if (!r) fail(`${what}: missing range`);
  checkPos(r.start, what);
  checkPos(r.end, what);
  if (!before(r.start, r.end)) fail(`${what}: range ends before it starts ${JSON.stringify(r)}`);
}

function within(inner: Range, outer: Range) {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

export interface Target {
  name: string;
  /** Seeds for mutation and their tokens. */
  seeds: string[];
  tokens: string[];
  /** Runs everything on one input; `probes` in [0, 1) choose positions. Throws on a problem. */
  run(text: string, probes: number[]): void;
  /** The work the scaling check times (the whole pipeline on one document). */
  timed(text: string): void;
}

const fuzzCtx = (locale: 'en' | 'ja'): LanguageContext => ({
  locale,
  uri: 'file:///fuzz/current',
  workspace: { documents: () => [] },
});

/** The whole facade pipeline, as the server and the CLI drive it. */
export function facadeTarget(facade: LanguageFacade<any>, fixtureDir: string): Target {
  const seeds = fixtureTexts(fixtureDir);
  const tokens = tokensOf(seeds);
  const run = (text: string, probes: number[]) => {
    const ctx = fuzzCtx(probes[0] < 0.5 ? 'en' : 'ja');
    const doc = facade.parse(text);
    if (!doc || doc.text !== text) fail('parse did not keep the text');
    const diags: Diagnostic[] = diagnose(facade, doc, ctx);
    for (const d of diags) {
      checkRange(d.range, `diagnostic ${d.code}`);
      if (typeof d.message !== 'string' || !d.message) fail(`diagnostic ${d.code} has no message`);
      if (/\{[a-zA-Z]+\}/.test(d.message) && !/\{[a-zA-Z]+\}/.test(text)) fail(`diagnostic ${d.code} has an unfilled placeholder: ${d.message}`);
    }
    if (facade.codeActions) {
      for (const d of diags.slice(0, 50)) {
        for (const a of facade.codeActions(doc, d, ctx)) {
          for (const edits of Object.values(a.edit?.changes ?? {})) for (const e of edits) checkRange(e.range, `quick fix for ${d.code}`);
        }
      }
    }
    const lineCount = doc.lines.lineCount;
    const positions: Position[] = probes.map((p) => doc.lines.positionAt(Math.floor(p * (text.length + 1))));
    const outside: Position[] = [
      { line: lineCount + 3, character: 0 },
      { line: 0, character: 1e6 },
      { line: Math.max(0, lineCount - 1), character: 2 ** 31 - 1 },
    ];
    for (const pos of [...positions, ...outside]) {
      const inRange = pos.line < lineCount && pos.character <= doc.lines.line(pos.line).length;
      const items = facade.complete(doc, pos, ctx);
      if (!Array.isArray(items)) fail('completion is not a list');
      // Out-of-range positions must not throw; the server clamps them before asking, so the
      // shape of the answer is only checked for positions inside the document.
      if (!inRange) {
        facade.hover(doc, pos, ctx);
        continue;
      }
      for (const it of items) {
        if (typeof it.label !== 'string') fail('completion item without a label');
        const te = it.textEdit as any;
        if (te) {
          const r: Range | undefined = te.range ?? te.replace;
          checkRange(r, `completion ${it.label}`);
          if ((r!.start.line !== pos.line || r!.end.line !== pos.line || r!.start.character > pos.character || r!.end.character < pos.character)) {
            fail(`completion ${JSON.stringify(it.label)} edits ${JSON.stringify(r)}, which is not on the cursor's line around ${JSON.stringify(pos)}`);
          }
        }
      }
      const h = facade.hover(doc, pos, ctx);
      if (h) {
        if (!h.contents) fail('hover without contents');
        if (h.range) checkRange(h.range, 'hover');
      }
      for (const l of [...definition(facade, doc, pos, ctx), ...references(facade, doc, pos, ctx), ...highlights(facade, doc, pos, ctx)]) checkRange(l.range, 'navigation');
    }
    for (const l of documentLinks(facade, doc, ctx)) checkRange(l.range, 'document link');
    const symbols = facade.symbols(doc);
    const walk = (list: typeof symbols, depth: number) => {
      if (depth > 200) fail('symbols nested deeper than 200');
      for (const s of list) {
        if (typeof s.name !== 'string' || s.name === '') fail('symbol with an empty name (VS Code rejects it)');
        checkRange(s.range, `symbol ${s.name}`);
        checkRange(s.selectionRange, `symbol ${s.name}`);
        if (!within(s.selectionRange, s.range)) fail(`symbol ${JSON.stringify(s.name)}: selectionRange ${JSON.stringify(s.selectionRange)} is not inside range ${JSON.stringify(s.range)} (VS Code rejects it)`);
        if (s.children) walk(s.children, depth + 1);
      }
    };
    walk(symbols, 0);
    for (const f of facade.folding(doc)) {
      if (!Number.isInteger(f.startLine) || !Number.isInteger(f.endLine) || f.startLine < 0 || f.endLine < f.startLine) fail(`bad folding range ${JSON.stringify(f)}`);
    }
  };
  return {
    name: facade.id,
    seeds,
    tokens,
    run,
    timed(text) {
      const doc = facade.parse(text);
      const ctx = fuzzCtx('en');
      const diags = diagnose(facade, doc, ctx);
      if (facade.codeActions) for (const d of diags.slice(0, 20)) facade.codeActions(doc, d, ctx);
      const end = doc.lines.positionAt(text.length);
      const mid = doc.lines.positionAt(text.length >> 1);
      facade.complete(doc, end, ctx);
      facade.complete(doc, mid, ctx);
      facade.hover(doc, mid, ctx);
      facade.hover(doc, end, ctx);
      facade.symbols(doc);
      facade.folding(doc);
    },
  };
}

const LOG_SEEDS = () => fixtureTexts('logs', 50);

/** The log engine on raw bytes: index, stats, filters, header parsing and safe display. */
export function engineTarget(): Target {
  const seeds = LOG_SEEDS();
  const tokens = tokensOf(seeds);
  const finder = new NewlineFinder(1 << 16);
  const run = (text: string, probes: number[]) => {
    // The fuzzers hand strings around; the engine sees bytes. Half the time use latin1 so that
    // every byte value (invalid UTF-8, NUL, lone CR) reaches it.
    const buf = probes[0] < 0.5 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
    const nl = buf.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
    const ix = new LineIndex(1 + Math.floor(probes[1] * 8));
    const mid = Math.floor(probes[2] * buf.length);
    ix.add(buf, 0, mid, 0, finder);
    ix.add(buf, mid, buf.length, mid, finder);
    if (ix.complete !== nl) fail(`index counted ${ix.complete} newlines, the bytes have ${nl}`);
    const acc = new StatsAccumulator(2024);
    acc.add(buf, 0, buf.length);
    const st = acc.result();
    if (st.lines !== nl + (buf.length && buf[buf.length - 1] !== 10 ? 1 : 0) && !(buf.length === 0 && st.lines === 0)) fail(`stats counted ${st.lines} lines for ${nl} newlines`);
    const enc = detectEncoding(buf.subarray(0, 4096));
    const decoded = makeDecoder(enc)(buf, 0, buf.length);
    // A filter built from a piece of the input, literal and as a regex, case-(in)sensitive.
    const a = Math.floor(probes[3] * text.length);
    const piece = text.slice(a, a + 1 + Math.floor(probes[4] * 6));
    const specs = [
      { include: [{ pattern: piece }] },
      { include: [{ pattern: piece, caseSensitive: true }], exclude: [{ pattern: 'zz' }] },
      { include: [{ pattern: piece, regex: true }] },
      { include: [{ pattern: piece }, { pattern: 'a', regex: true }], programs: ['sshd'] },
      { from: 0, to: Date.UTC(2030, 0) },
    ];
    for (const spec of specs) {
      const c = compileFilter(spec, enc);
      if (!c.ok) continue;
      let lines = 0;
      blockScanner(c.filter, 2024)(buf, 0, buf.length, 0, (b, s, e) => {
        if (s < 0 || e > b.length || e < s) fail(`filter reported bytes ${s}..${e} of ${b.length}`);
        lines++;
      });
      if (lines > nl + 1) fail(`filter matched ${lines} lines of ${nl + 1}`);
    }
    for (const line of decoded.split('\n').slice(0, 200)) {
      parseSyslogHeader(line);
      syslogTokens(line.slice(0, 4096));
      const shown = visiblePieces(line.slice(0, 4096));
      for (const p of shown) if (!p.ctl && /[\x1b\u202a-\u202e\u2066-\u2069\x00]/.test(p.text)) fail(`visiblePieces left a control character in ${JSON.stringify(p.text)}`);
    }
  };
  return {
    name: 'log engine',
    seeds,
    tokens,
    run,
    timed(text) {
      const buf = Buffer.from(text, 'utf8');
      const ix = new LineIndex();
      ix.add(buf, 0, buf.length, 0, finder);
      const acc = new StatsAccumulator(2024);
      acc.add(buf, 0, buf.length);
      acc.result();
      const c = compileFilter({ include: [{ pattern: 'sshd' }], exclude: [{ pattern: 'x', regex: true }] });
      if (c.ok) blockScanner(c.filter, 2024)(buf, 0, buf.length, 0, () => true);
      visiblePieces(text);
    },
  };
}

/** "Explain this line" on random and mutated lines, in both languages, rendered both ways. */
export function explainTarget(): Target {
  const seeds = LOG_SEEDS().flatMap((s) => s.split('\n')).filter((l) => l.trim());
  const tokens = tokensOf(seeds);
  const run = (text: string, probes: number[]) => {
    const lines = text.split('\n').slice(0, 20);
    for (const line of lines) {
      const { result } = explainLine(line, probes[0] < 0.5 ? 'en' : 'ja');
      if (typeof result.summary !== 'string' || !result.summary) fail('explanation without a summary');
      const md = renderMarkdown(result);
      renderText(result);
      // Log text must not become live Markdown: outside code spans, a link or an HTML tag the
      // line carries must come out escaped.
      const live = md.replace(/(`+)[^`][\s\S]*?\1/g, '').replace(/\\./g, '');
      const link = /\[[^\]\n]*\]\((?:command|https?|file|vscode):[^)\s]*\)/i.exec(line);
      if (link && live.includes(link[0])) fail(`log text became a live Markdown link: ${JSON.stringify(link[0])}`);
      const tag = /<(?:img|script|a|iframe|svg)\b[^>\n]*>?/i.exec(line);
      if (tag && live.includes(tag[0])) fail(`log text became raw HTML in the Markdown: ${JSON.stringify(tag[0])}`);
    }
  };
  return {
    name: 'explain',
    seeds,
    tokens,
    run,
    timed(text) {
      const { result } = explainLine(text, 'en');
      renderMarkdown(result);
      classifyLine(text);
    },
  };
}

const FIXTURE_DIRS: Record<string, string> = {
  rsyslog: 'rsyslog',
  logrotate: 'logrotate',
  journald: 'journald',
  firewalld: 'firewalld',
  'firewalld-conf': 'firewalld-conf',
  iptables: 'iptables',
  'syslog-log': 'logs',
};

/** Every target: each registered language, then the log engine and explain. */
export function allTargets(): Target[] {
  const out: Target[] = [];
  for (const [id, facade] of LANGUAGES) out.push(facadeTarget(facade, FIXTURE_DIRS[id] ?? id));
  out.push(engineTarget(), explainTarget());
  return out;
}
