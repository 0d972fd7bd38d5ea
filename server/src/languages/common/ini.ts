import type { Range } from 'vscode-languageserver-types';
import { LineIndex, lineRange } from './text';
import type { Finding } from './types';

/** One `Key=Value` line. */
export interface IniEntry {
  key: string;
  keyRange: Range;
  value: string;
  valueRange: Range;
  /** Whole entry, from the key to the end of the value (continuations included). */
  range: Range;
}

export interface IniSection {
  /** Section name without brackets; '' for entries before any section header. */
  name: string;
  nameRange: Range;
  /** From the header to the last line of the section. */
  range: Range;
  entries: IniEntry[];
}

export interface IniTree {
  sections: IniSection[];
}

export interface IniOptions {
  /** Comment starters at the beginning of a line (systemd: `#` and `;`). */
  commentChars?: string;
  /** Whether a trailing backslash continues the value on the next line (systemd: yes). */
  continuation?: boolean;
  /** Whether section headers exist at all (firewalld.conf has none). */
  sections?: boolean;
}

/**
 * Tokenizes an INI-style file as systemd and firewalld read them: `[Section]` headers,
 * `Key=Value` lines, whole-line comments, optional backslash continuation.
 * Syntax problems use the codes `ini/bad-line`, `ini/bad-section` and `ini/no-section`;
 * a language maps them into its own rule table by prefixing (see `iniProblemCode`).
 */
export function parseIni(text: string, opts: IniOptions = {}): { lines: LineIndex; tree: IniTree; problems: Finding[] } {
  const comment = opts.commentChars ?? '#;';
  const useSections = opts.sections ?? true;
  const lines = new LineIndex(text);
  const problems: Finding[] = [];
  const sections: IniSection[] = [];
  let current: IniSection = {
    name: '',
    nameRange: lineRange(0, 0, 0),
    range: lineRange(0, 0, 0),
    entries: [],
  };
  sections.push(current);
  for (let n = 0; n < lines.lineCount; n++) {
    const raw = lines.line(n);
    const start = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t === '' || comment.includes(t[0])) continue;
    if (t[0] === '[' && useSections) {
      const close = raw.indexOf(']', start);
      if (close === -1 || raw.slice(close + 1).trim() !== '') {
        problems.push({ code: 'ini/bad-section', range: lineRange(n, start, raw.length) });
      }
      const end = close === -1 ? raw.length : close;
      current.range = { start: current.range.start, end: lineRange(n, 0, 0).start };
      current = {
        name: raw.slice(start + 1, end).trim(),
        nameRange: lineRange(n, start + 1, end),
        range: lineRange(n, start, raw.length),
        entries: [],
      };
      sections.push(current);
      continue;
    }
    const eq = raw.indexOf('=', start);
    if (eq === -1) {
      problems.push({ code: 'ini/bad-line', range: lineRange(n, start, raw.length), args: { text: t } });
      continue;
    }
    if (useSections && current.name === '' && sections.length === 1) {
      problems.push({ code: 'ini/no-section', range: lineRange(n, start, raw.length) });
    }
    const keyText = raw.slice(start, eq);
    const key = keyText.trimEnd();
    let vStart = eq + 1;
    while (vStart < raw.length && (raw[vStart] === ' ' || raw[vStart] === '\t')) vStart++;
    let value = raw.slice(vStart).trimEnd();
    let endLine = n;
    let endChar = vStart + value.length;
    // systemd joins a line ending in a backslash with the next one, replacing the backslash by a space.
    while (opts.continuation !== false && value.endsWith('\\') && endLine + 1 < lines.lineCount) {
      endLine++;
      const next = lines.line(endLine);
      const nt = next.trim();
      if (nt !== '' && comment.includes(nt[0])) continue;
      value = value.slice(0, -1) + ' ' + nt;
      endChar = next.trimEnd().length;
    }
    const entry: IniEntry = {
      key,
      keyRange: lineRange(n, start, start + key.length),
      value,
      valueRange: endLine === n ? lineRange(n, vStart, endChar) : { start: { line: n, character: vStart }, end: { line: endLine, character: endChar } },
      range: { start: { line: n, character: start }, end: { line: endLine, character: endChar } },
    };
    current.entries.push(entry);
    current.range = { start: current.range.start, end: entry.range.end };
    n = endLine;
  }
  return { lines, tree: { sections }, problems };
}

/** Maps the tokenizer's generic codes into a language's namespace: `ini/bad-line` → `journald/bad-line`. */
export function iniProblemCode(languageId: string, finding: Finding): Finding {
  return { ...finding, code: finding.code.replace(/^ini\//, `${languageId}/`) };
}
