import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { entryMarkdown } from '../common/catalog';
import type { LanguageContext } from '../common/types';
import { LOG_LEVELS, SYSTEMD_BOOLEAN_WORDS } from '../common/values';
import { KEYS, SECTIONS, type JdEntry } from './catalog';
import type { JdDocument } from './parse';

/** Typical values offered for the free-form types. */
const SAMPLES: Record<string, string[]> = {
  boolean: SYSTEMD_BOOLEAN_WORDS,
  tristate: ['yes', 'no'],
  booleanOrSize: ['yes', 'no', '512', '4K'],
  size: ['64M', '500M', '1G', '4G'],
  timespan: ['30s', '5min', '1h', '1d', '1week', '1month', '1year', '0'],
  loglevel: LOG_LEVELS,
  unsigned: ['1000', '10000'],
  uint64: ['100'],
  path: ['/dev/console', '/dev/tty12'],
  socketAddress: ['192.168.0.11:4444', 'vsock:2:1234', '/run/host/journal/socket'],
};

function valueItems(entry: JdEntry, ctx: LanguageContext): CompletionItem[] {
  if (entry.valueDocs?.length) {
    return entry.valueDocs.map((v) => ({
      label: v.name,
      kind: CompletionItemKind.EnumMember,
      detail: `${entry.name}=${v.name}`,
      documentation: { kind: 'markdown', value: ctx.locale === 'ja' ? v.docs.ja : v.docs.en },
    }));
  }
  const values = entry.values ?? SAMPLES[entry.type ?? ''] ?? [];
  return values.map((v) => ({ label: v, kind: entry.type === 'enum' ? CompletionItemKind.EnumMember : CompletionItemKind.Value, detail: entry.syntax }));
}

/** Completion of section names, keys (with `=`) and values. */
export function completeJournald(doc: JdDocument, pos: Position, ctx: LanguageContext): CompletionItem[] {
  const prefix = doc.lines.line(pos.line).slice(0, pos.character);
  const t = prefix.trimStart();
  if (t.startsWith('#') || t.startsWith(';')) return [];
  if (t.startsWith('[')) {
    return SECTIONS.entries.map((s) => ({ label: s.name, kind: CompletionItemKind.Module, documentation: entryMarkdown(s, ctx.locale) }));
  }
  const eq = t.indexOf('=');
  if (eq === -1) {
    const present = new Set<string>();
    for (const s of doc.tree.sections) for (const e of s.entries) if (e.range.start.line !== pos.line) present.add(e.key);
    return KEYS.entries
      .filter((e) => !e.deprecated)
      .map((e) => ({
        label: e.name,
        kind: CompletionItemKind.Property,
        detail: e.syntax,
        documentation: entryMarkdown(e, ctx.locale),
        insertText: `${e.name}=`,
        sortText: (present.has(e.name) ? '1' : '0') + e.name,
        command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
      }));
  }
  const entry = KEYS.get(t.slice(0, eq).trim());
  return entry ? valueItems(entry, ctx) : [];
}
