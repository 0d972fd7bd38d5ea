import type { TextEdit } from 'vscode-languageserver-types';
import { lineEdits, trimBlanks } from './format';
import type { LineIndex } from './text';

/**
 * Formats an INI-style file (journald.conf, firewalld.conf) as `Key=value`: no blanks around the
 * key, the `=` or the ends of a line, comments and section headers at the margin. systemd and
 * firewalld strip exactly these blanks when they read a line, so the meaning stays. A value
 * continued with a trailing backslash is left as written, with the lines it continues on.
 */
export function formatIni(lines: LineIndex, commentChars: string, continuation: boolean): TextEdit[] {
  const count = lines.lineCount;
  const out: (string | undefined)[] = new Array(count);
  let continued = false;
  for (let n = 0; n < count; n++) {
    const raw = lines.line(n);
    const t = trimBlanks(raw);
    const wasContinued: boolean = continued;
    // A comment inside a continued value does not end it (systemd skips it).
    if (wasContinued && t !== '' && commentChars.includes(t[0])) continue;
    continued = continuation && t.endsWith('\\') && (wasContinued || t.includes('='));
    if (wasContinued || continued) continue;
    if (t === '' || commentChars.includes(t[0]) || t[0] === '[') {
      out[n] = t;
      continue;
    }
    const eq = t.indexOf('=');
    out[n] = eq === -1 ? t : trimBlanks(t.slice(0, eq)) + '=' + trimBlanks(t.slice(eq + 1));
  }
  return lineEdits(lines, out);
}
