import type { TextEdit } from 'vscode-languageserver-types';
import { DepthMap, indentUnit, LineMask, lineEdits, reindent, type FormatOptions } from '../common/format';
import type { LrDocument, LrItem, LrScript } from './tree';

/**
 * Formats a logrotate configuration the way the shipped files look: directives indented one level
 * inside a definition's braces, everything else at the left margin, script bodies (shell) exactly
 * as written. Only blanks at the start and end of lines change: logrotate ignores both.
 */
export function formatLogrotate(doc: LrDocument, o: FormatOptions): TextEdit[] {
  const lines = doc.lines;
  const count = lines.lineCount;
  const depth = new DepthMap(count);
  const keep = new LineMask(count);
  const script = (s: LrScript) => {
    // The body is shell: a here-document or a quoted string may depend on every blank.
    const end = s.endLine === -1 ? count - 1 : s.closed ? s.endLine - 1 : s.endLine;
    keep.mark(s.line + 1, end);
  };
  const item = (it: LrItem) => {
    if (it.type === 'script') script(it);
    else if (it.type === 'block') {
      const open = it.openRange?.start.line;
      // Up to the closing brace, which goes back to the margin; an unclosed one indents to the end.
      if (open !== undefined) depth.open(open + 1, it.closeRange ? it.closeRange.start.line - 1 : count - 1);
      for (const inner of it.items) if (inner.type === 'script') script(inner);
    }
  };
  for (const it of doc.tree.items) item(it);
  const d = depth.depths();
  const unit = indentUnit(o);
  const out: (string | undefined)[] = new Array(count);
  for (let n = 0; n < count; n++) {
    if (keep.has(n)) continue;
    out[n] = reindent(lines.line(n), d[n], unit, false);
  }
  return lineEdits(lines, out);
}
