import type { TextEdit } from 'vscode-languageserver-types';
import { isSpace, lineEdits, type FormatOptions } from '../common/format';
import type { ParsedDocument } from '../common/types';
import type { IptablesTree } from './tree';

/**
 * One rule line with single spaces between its words, as iptables-restore splits them (blanks
 * outside double quotes; a backslash escapes the next character inside quotes). Undefined when
 * a quote is left open: that line stays as written.
 */
export function tidyRule(text: string): string | undefined {
  const parts: string[] = [];
  let quoted = false;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (quoted) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) quoted = false;
      if (i >= text.length && quoted) return undefined;
      continue;
    }
    if (isSpace(c)) {
      if (start !== -1) parts.push(text.slice(start, i));
      start = -1;
      continue;
    }
    if (start === -1) start = i;
    if (c === 34) quoted = true;
  }
  return quoted ? undefined : parts.join(' ');
}

/**
 * Formats an iptables-save file: spacing only, never order. A rule line (`-A …`, `-I …`) gets single
 * spaces between its words and no blanks at its ends. Every other line stays byte for byte:
 * iptables-restore recognises `*table`, `:chain`, `COMMIT`, `[counters]` and comments by their
 * first character and `COMMIT` by the whole line, so a blank there would change the verdict.
 */
export function format(doc: ParsedDocument<IptablesTree>, _o: FormatOptions): TextEdit[] {
  const lines = doc.lines;
  const out: (string | undefined)[] = new Array(lines.lineCount);
  for (let n = 0; n < lines.lineCount; n++) {
    const raw = lines.line(n);
    let s = 0;
    while (s < raw.length && isSpace(raw.charCodeAt(s))) s++;
    if (raw.charCodeAt(s) === 45 /* - */) out[n] = tidyRule(raw);
  }
  return lineEdits(lines, out);
}
