import type { Hover, Position } from 'vscode-languageserver-types';
import { explainLine, renderMarkdown } from '../../logs/explain/index';
import type { LanguageContext, ParsedDocument } from '../common/types';

/** Hover on a log line: the same explanation as the "Explain this log line" command. */
export function hoverLog(doc: ParsedDocument<null>, pos: Position, ctx: LanguageContext): Hover | null {
  const text = doc.lines.line(pos.line);
  if (!text.trim()) return null;
  const { result } = explainLine(text, ctx.locale, { workspace: ctx.workspace });
  return {
    contents: { kind: 'markdown', value: renderMarkdown(result, ctx.locale) },
    range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: text.length } },
  };
}
