// Turning a log line into DOM nodes: structure and keyword highlighting, visible control
// characters, clickable trace tokens. Log text only ever goes in through textContent.
import { visiblePieces } from '../../server/src/logs/engine/display';
import { syslogTokens, type Token } from '../../server/src/logs/engine/syslog';
import { KEYWORD_CATEGORIES, keywordMatcher } from '../../server/src/logs/keywords';
import type { HighlightRuleMsg } from '../src/logViewer/protocol';

interface Span {
  start: number;
  end: number;
  cls: string;
  color?: string;
  trace?: string;
  title?: string;
}

export interface Highlighter {
  spans(text: string): Span[];
}

const TABLE_WORDS = new Set(KEYWORD_CATEGORIES.flatMap((c) => c.keywords.map((k) => k.toLowerCase())));
const WORD = /[\p{L}\p{N}_]/u;

/**
 * Widens a keyword hit to the whole word it sits in, so that `err` colours all of "error" and
 * `Fail` all of "Failed". Which lines match stays the keyword table's business; this only decides
 * what is coloured. An end that is not a letter or digit (`/phf`, `...:`) is not widened.
 */
export function wholeWord(text: string, start: number, end: number): [number, number] {
  if (end > start && WORD.test(text[start])) while (start > 0 && WORD.test(text[start - 1])) start--;
  if (end > start && WORD.test(text[end - 1])) while (end < text.length && WORD.test(text[end])) end++;
  return [start, end];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Builds the highlighter from the keyword table plus the user's rules. */
export function makeHighlighter(rules: HighlightRuleMsg[]): Highlighter {
  const kw = keywordMatcher(rules.filter((r) => r.category).map((r) => ({ pattern: r.pattern, regex: r.regex, category: r.category! })));
  const colored: { re: RegExp; color: string }[] = [];
  for (const r of rules)
    if (!r.category && r.color) {
      try {
        colored.push({ re: new RegExp(r.regex ? r.pattern : escapeRe(r.pattern), 'gi'), color: r.color });
      } catch {
        /* validated by the host; skip if the browser disagrees */
      }
    }
  return {
    spans(text: string): Span[] {
      const body = text.length > 65536 ? text.slice(0, 65536) : text;
      const cands: Span[] = [];
      for (const c of colored) {
        c.re.lastIndex = 0;
        for (let m = c.re.exec(body); m; m = c.re.exec(body)) {
          if (!m[0]) {
            c.re.lastIndex++;
            continue;
          }
          cands.push({ start: m.index, end: m.index + m[0].length, cls: 'kw rule', color: c.color });
        }
      }
      for (const h of kw(body)) {
        // The table's keywords colour whole words; a user's rule colours exactly what it matches.
        const [start, end] = TABLE_WORDS.has(h.keyword.toLowerCase()) ? wholeWord(body, h.start, h.end) : [h.start, h.end];
        cands.push({ start, end, cls: `kw kw-${h.category}` });
      }
      for (const t of syslogTokens(body) as Token[]) cands.push({ start: t.start, end: t.end, cls: `t-${t.kind}${t.trace ? ' tr' : ''}`, trace: t.trace });
      // Earlier candidates win on overlap: user colours, then keywords, then structure.
      const order = cands.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i);
      const out: Span[] = [];
      const taken: [number, number][] = [];
      for (const { c } of order.sort((a, b) => a.i - b.i)) {
        if (taken.some(([s, e]) => c.start < e && s < c.end)) continue;
        taken.push([c.start, c.end]);
        out.push(c);
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

/** Appends text to a parent, with control characters, ANSI escapes and bidi overrides as visible markers. */
export function appendVisible(parent: HTMLElement, text: string): void {
  for (const p of visiblePieces(text)) {
    if (p.ctl) {
      const s = document.createElement('span');
      s.className = 'ctl';
      s.title = p.ctl;
      s.textContent = p.text;
      parent.appendChild(s);
    } else parent.appendChild(document.createTextNode(p.text));
  }
}

/** The highlighted text of one line. */
export function renderText(text: string, hl: Highlighter, traceHint: string): HTMLElement {
  const tx = document.createElement('span');
  tx.className = 'tx';
  let at = 0;
  for (const s of hl.spans(text)) {
    if (s.start > at) appendVisible(tx, text.slice(at, s.start));
    const el = document.createElement('span');
    el.className = s.cls;
    if (s.color) el.style.color = s.color;
    if (s.trace) {
      el.dataset.trace = s.trace;
      el.title = traceHint;
    }
    appendVisible(el, text.slice(s.start, s.end));
    tx.appendChild(el);
    at = s.end;
  }
  if (at < text.length) appendVisible(tx, text.slice(at));
  return tx;
}
