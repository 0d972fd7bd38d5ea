import type { Hover, Position } from 'vscode-languageserver-types';
import { entryMarkdown } from '../common/catalog';
import { citeSource } from '../common/manualTitles';
import { pick } from '../common/rules';
import { contains } from '../common/text';
import type { LanguageContext } from '../common/types';
import { KEYS, SECTIONS } from './catalog';
import type { JdDocument } from './parse';

/** Hover on a section name, a key (its documentation) or an enum value (that value's meaning). */
export function hoverJournald(doc: JdDocument, pos: Position, ctx: LanguageContext): Hover | null {
  for (const s of doc.tree.sections) {
    if (s.name !== '' && contains(s.nameRange, pos)) {
      const e = SECTIONS.get(s.name);
      return e ? { contents: entryMarkdown(e, ctx.locale), range: s.nameRange } : null;
    }
    if (pos.line < s.range.start.line || pos.line > s.range.end.line) continue;
    for (const e of s.entries) {
      if (pos.line < e.range.start.line || pos.line > e.range.end.line) continue;
      const entry = KEYS.get(e.key);
      if (!entry) return null;
      if (contains(e.keyRange, pos)) return { contents: entryMarkdown(entry, ctx.locale), range: e.keyRange };
      if (contains(e.valueRange, pos)) {
        const v = entry.valueDocs?.find((d) => d.name === e.value);
        if (v) {
          const value = `\`\`\`\n${e.key}=${e.value}\n\`\`\`\n\n${pick(v.docs, ctx.locale)}\n\n*${ctx.locale === 'ja' ? '出典' : 'Source'}: ${citeSource(v.source, ctx.locale)}*`;
          return { contents: { kind: 'markdown', value }, range: e.valueRange };
        }
        return { contents: entryMarkdown(entry, ctx.locale), range: e.valueRange };
      }
    }
  }
  return null;
}
