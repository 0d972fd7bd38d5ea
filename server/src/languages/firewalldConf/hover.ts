import type { Hover, Position } from 'vscode-languageserver-types';
import { entryMarkdown } from '../common/catalog';
import type { IniTree } from '../common/ini';
import { contains } from '../common/text';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { entityIndex } from '../firewalld/entities';
import { KEYS, VALUE_DOCS } from './catalog';
import { entries } from './parse';

/** Hover on a key shows its catalog entry; on a value, the value's meaning (or the zone's definition). */
export function hover(doc: ParsedDocument<IniTree>, pos: Position, ctx: LanguageContext): Hover | null {
  for (const e of entries(doc)) {
    const key = KEYS.get(e.key);
    if (!key) continue;
    if (contains(e.keyRange, pos)) return { contents: entryMarkdown(key, ctx.locale), range: e.keyRange };
    if (contains(e.valueRange, pos)) {
      if (key.type === 'zone') {
        const zones = entityIndex(ctx);
        const shipped = zones.shipped('zone', e.value);
        const local = zones.workspace('zone', e.value);
        if (local) {
          const file = decodeURIComponent(local.uri.replace(/^file:\/\//, ''));
          const text = ctx.locale === 'ja' ? `**${e.value}**（ワークスペースの定義: \`${file}\`）` : `**${e.value}** (defined in the workspace: \`${file}\`)`;
          return { contents: { kind: 'markdown', value: text }, range: e.valueRange };
        }
        if (shipped) return { contents: entryMarkdown(shipped, ctx.locale), range: e.valueRange };
      }
      const v = key.type !== 'zone' ? VALUE_DOCS.get(e.value) : undefined;
      if (v && (key.values?.includes(v.name) || key.type === 'bool')) {
        const md = entryMarkdown(v, ctx.locale);
        return { contents: { kind: 'markdown', value: `${md.value}\n\n---\n\n${entryMarkdown(key, ctx.locale).value}` }, range: e.valueRange };
      }
      return { contents: entryMarkdown(key, ctx.locale), range: e.valueRange };
    }
  }
  return null;
}
