import {
  DiagnosticSeverity,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
} from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, format, pick } from './rules';
import type { DocsLanguage, Localized } from './types';

/**
 * Bounds on what the language server computes and sends for one document, whatever its size.
 *
 * The result caps follow the editors' own: VS Code keeps at most 5000 folding regions
 * (`editor.foldingMaximumRegions`) and its JSON language service stops outlines and folding at
 * 5000 entries (`resultLimit`); the LSP sample caps problems at 1000 (`maxNumberOfProblems`).
 * Past `ANALYZED_CHARS` (a language may set a lower `analyzedChars`: XML parses slowly) only the
 * start of a document is parsed and checked, so every request costs at most a few hundred ms.
 */
export const LIMITS = {
  analyzedChars: 1024 * 1024,
  diagnostics: 1000,
  symbols: 5000,
  folding: 5000,
  completionItems: 1000,
  codeActions: 100,
  /** Diagnostics of one codeAction request looked at (the client sends those under the cursor). */
  codeActionDiagnostics: 50,
  hoverChars: 20_000,
};

/** How much of a too-large document was analyzed. */
export interface Truncation {
  /** Size of the whole document in UTF-16 code units (what editors count). */
  totalChars: number;
  totalLines: number;
  analyzedChars: number;
  analyzedLines: number;
}

/**
 * The part of `text` that is analyzed: all of it up to `max` code units, else the lines that fit
 * (a single longer line is cut, never inside a surrogate pair). Lines are counted up to the cut
 * only, so this stays cheap on any document.
 */
export function analyzedPart(text: string, max: number): { text: string; truncation?: Truncation } {
  if (text.length <= max) return { text };
  let end = text.lastIndexOf('\n', max - 1) + 1;
  if (end === 0) {
    end = max;
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
  }
  const head = text.slice(0, end);
  // Lines analyzed whole: the cut is at a line end, or inside the only (first) line.
  const analyzedLines = head.endsWith('\n') ? countLines(head) - 1 : 1;
  return { text: head, truncation: { totalChars: text.length, totalLines: countLines(text), analyzedChars: end, analyzedLines } };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const mb = (chars: number) => (chars / (1024 * 1024)).toFixed(1);
const num = (n: number, locale: DocsLanguage) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US');

/** The notices the limits add at line 1 (information diagnostics, one of each at most). */
const NOTICES: Record<'large-file' | 'too-many-problems', Localized> = {
  'large-file': {
    en: 'This file is {size} MB ({lines} lines): only its first {analyzedSize} MB ({analyzedLines} lines) are checked, outlined, folded, completed and hovered.',
    ja: 'このファイルは {size} MB（{lines} 行）あります。検査、アウトライン、折りたたみ、補完とホバーの対象は先頭の {analyzedSize} MB（{analyzedLines} 行）だけです。',
  },
  'too-many-problems': {
    en: '{count} problems found: only {shown} are shown (errors first).',
    ja: '問題が {count} 件見つかりました。表示は {shown} 件までです（エラーを優先）。',
  },
};

/** The one notice at line 1 of a document that is checked only in part. */
export function largeFileNotice(t: Truncation, locale: DocsLanguage): Diagnostic {
  const args = { size: mb(t.totalChars), lines: num(t.totalLines, locale), analyzedSize: mb(t.analyzedChars), analyzedLines: num(t.analyzedLines, locale) };
  return notice('large-file', format(pick(NOTICES['large-file'], locale), args, locale));
}

/** The diagnostics to publish: at most `max`, errors first, then by position; says so when cut. */
export function capDiagnostics(diags: Diagnostic[], locale: DocsLanguage, max = LIMITS.diagnostics): Diagnostic[] {
  if (diags.length <= max) return diags;
  const rank = (d: Diagnostic) => d.severity ?? DiagnosticSeverity.Error;
  const kept = [...diags]
    .sort((a, b) => rank(a) - rank(b) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .slice(0, max)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const message = format(pick(NOTICES['too-many-problems'], locale), { count: num(diags.length, locale), shown: num(max, locale) }, locale);
  return [notice('too-many-problems', message), ...kept];
}

function notice(code: string, message: string): Diagnostic {
  const at = { line: 0, character: 0 };
  return { range: { start: at, end: at }, severity: DiagnosticSeverity.Information, code, source: DIAGNOSTIC_SOURCE, message };
}

/** At most `max` symbols counting children at every depth, in document order (outline semantics kept). */
export function capSymbols(symbols: DocumentSymbol[], max = LIMITS.symbols): DocumentSymbol[] {
  let left = max;
  const take = (list: DocumentSymbol[]): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    for (const s of list) {
      if (left <= 0) break;
      left--;
      out.push(s.children?.length ? { ...s, children: take(s.children) } : s);
    }
    return out;
  };
  return take(symbols);
}

export function capList<T>(list: T[], max: number): T[] {
  return list.length <= max ? list : list.slice(0, max);
}

export function capCompletion(items: CompletionItem[]): CompletionItem[] {
  return capList(items, LIMITS.completionItems);
}

/** A hover whose text is at most `LIMITS.hoverChars` long (a hover may quote a line of the file). */
export function capHover(h: Hover | null): Hover | null {
  if (!h) return h;
  const cut = (s: string) => (s.length > LIMITS.hoverChars ? s.slice(0, LIMITS.hoverChars) + ' …' : s);
  const c = h.contents as any;
  if (typeof c === 'string') return { ...h, contents: cut(c) };
  if (Array.isArray(c)) return { ...h, contents: c.map((x) => (typeof x === 'string' ? cut(x) : { ...x, value: cut(x.value) })) };
  if (c && typeof c.value === 'string') return { ...h, contents: { ...c, value: cut(c.value) } };
  return h;
}
