import type { Range } from 'vscode-languageserver-types';
import { didYouMean, suggestionText } from '../common/didYouMean';
import type { Finding, LanguageContext } from '../common/types';
import { KEYS, SECTIONS } from './catalog';
import type { JdDocument } from './parse';
import { valueProblem } from './values';

/** The oldest systemd version the catalog describes; keys added later get a note. */
const BASE_VERSION = 252;

function suggestion(word: string, names: string[]) {
  // systemd compares names case-sensitively, so `storage` is a different (unknown) key: offer `Storage`.
  const lower = word.toLowerCase();
  const sameLetters = names.filter((n) => n !== word && n.toLowerCase() === lower);
  const s = sameLetters.length ? sameLetters : didYouMean(word, names);
  return { args: { en: suggestionText(s, 'en'), ja: suggestionText(s, 'ja') }, list: s };
}

/** Semantic checks of journald.conf: sections, keys, values, repeated keys. */
export function validateJournald(doc: JdDocument, ctx: LanguageContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, { name: string; range: Range }>();
  for (const section of doc.tree.sections) {
    if (section.name === '') continue;
    if (!SECTIONS.has(section.name)) {
      // systemd ignores "X-" sections silently: they are for other tools.
      if (!section.name.startsWith('X-')) {
        const s = suggestion(section.name, SECTIONS.names());
        out.push({ code: 'journald/unknown-section', range: section.nameRange, args: { name: section.name, suggestion: s.args }, data: { suggestions: s.list } });
      }
      continue;
    }
    for (const e of section.entries) {
      const entry = KEYS.get(e.key);
      if (!entry) {
        if (e.key.startsWith('X-')) continue;
        const s = suggestion(e.key, KEYS.names());
        out.push({ code: 'journald/unknown-key', range: e.keyRange, args: { name: e.key, section: section.name, suggestion: s.args }, data: { suggestions: s.list } });
        continue;
      }
      if (entry.deprecated?.replacement) {
        out.push({ code: 'journald/deprecated-key', range: e.keyRange, args: { name: e.key, replacement: entry.deprecated.replacement }, tags: ['deprecated'], data: { suggestions: [entry.deprecated.replacement] } });
      }
      if (entry.since && Number(entry.since) > BASE_VERSION) {
        out.push({ code: 'journald/newer-key', range: e.keyRange, args: { name: e.key, since: entry.since } });
      }
      const form = valueProblem(entry, e.value);
      if (form) out.push({ code: 'journald/bad-value', range: e.valueRange, args: { name: e.key, value: e.value, form } });
      else if (entry.min !== undefined && e.value !== '' && entry.type === 'size') {
        const n = Number(e.value);
        if (Number.isFinite(n) && n < entry.min) out.push({ code: 'journald/value-raised', range: e.valueRange, args: { name: e.key, min: entry.min } });
      }
      const setting = entry.setting ?? entry.name;
      const prev = seen.get(setting);
      if (prev) {
        out.push({
          code: 'journald/duplicate-key',
          range: e.keyRange,
          args: { name: e.key, line: prev.range.start.line + 1 },
          related: [{ uri: ctx.uri, range: prev.range, message: { en: `earlier ${prev.name}=, overridden`, ja: `前の ${prev.name}=（上書きされます）` } }],
        });
      }
      seen.set(setting, { name: e.key, range: e.keyRange });
    }
  }
  return out;
}
