import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { entryMarkdown, type CatalogEntry } from '../common/catalog';
import { lineRange } from '../common/text';
import type { LanguageContext, ParsedDocument } from '../common/types';
import {
  implicitMatch,
  LOG_LEVELS,
  MATCHES,
  OPTIONS,
  PORT_NAMES,
  PROTOCOLS,
  REJECT_TYPES,
  STATES,
  TABLES,
  table as tableEntry,
  TARGETS,
  type ModuleEntry,
  type OptionEntry,
} from './catalog';
import { familyOf } from './family';
import { interpretRule } from './interpret';
import { tokenize } from './tokens';
import type { IptablesTree, Table } from './tree';

/** Targets listed first when completing `-j`, in this order. */
const COMMON_TARGETS = ['ACCEPT', 'DROP', 'REJECT', 'LOG', 'RETURN'];

function item(label: string, kind: CompletionItemKind, range: Range, ctx: LanguageContext, entry?: CatalogEntry, detail?: string): CompletionItem {
  const c: CompletionItem = { label, kind, textEdit: { range, newText: label } };
  if (detail ?? entry?.syntax) c.detail = detail ?? entry!.syntax;
  if (entry) c.documentation = entryMarkdown(entry, ctx.locale);
  return c;
}

/** How an option is usually written: `-p` for rule options, `--dport` for match options. */
function preferred(e: OptionEntry): string {
  const all = [e.name, ...(e.aliases ?? [])];
  if (e.kind === 'option' || e.kind === 'command') return all.find((s) => /^-[^-]/.test(s)) ?? e.name;
  return all.filter((s) => s.startsWith('--')).sort((a, b) => a.length - b.length)[0] ?? e.name;
}

function chainNames(t: Table): string[] {
  const names = new Set(tableEntry(t.name)?.chains ?? []);
  for (const c of t.chains) if (c.name) names.add(c.name);
  return [...names];
}

function userChains(t: Table): string[] {
  const builtin = new Set(tableEntry(t.name)?.chains ?? []);
  return t.chains.map((c) => c.name).filter((n) => n && !builtin.has(n));
}

/** Context-aware completion: line starts, chains, options of the loaded matches, and values. */
export function complete(doc: ParsedDocument<IptablesTree>, pos: Position, ctx: LanguageContext): CompletionItem[] {
  const full = doc.lines.line(pos.line);
  const before = full.slice(0, pos.character);
  const tree = doc.tree;
  const table = [...tree.tables].reverse().find((t) => pos.line > t.line && (t.commitLine === undefined || pos.line <= t.commitLine));
  const wordStart = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  const word = before.slice(wordStart);
  let wordEnd = pos.character;
  while (wordEnd < full.length && full[wordEnd] !== ' ' && full[wordEnd] !== '\t') wordEnd++;
  const range = lineRange(pos.line, wordStart, wordEnd);
  const K = CompletionItemKind;

  // Start of a line.
  if (wordStart === 0) {
    if (word.startsWith('*') || !table) {
      return TABLES.map((t) => item(`*${t.name}`, K.Module, range, ctx, t));
    }
    if (word.startsWith(':')) {
      const te = tableEntry(table.name);
      return (te?.chains ?? []).map((c) => item(`:${c} ACCEPT [0:0]`, K.Class, range, ctx, undefined, te ? `${te.name}` : undefined));
    }
    const out = OPTIONS.filter((o) => o.name === '--append' || o.name === '--insert').map((o) => item(preferred(o), K.Keyword, range, ctx, o));
    out.push(item('COMMIT', K.Keyword, range, ctx, undefined, ctx.locale === 'ja' ? 'テーブルの終わり' : 'end of the table'));
    return out;
  }
  if (!table) return [];
  const tokens = tokenize(full);
  const rule = interpretRule(tokens, pos.line, full.length, [], wordStart);
  const last = rule.items[rule.items.length - 1];
  const need = last ? (last.entry?.args ?? (last.entry?.type === 'none' ? 0 : 1)) : 0;
  const chain = rule.chain?.text;
  const { family } = familyOf(ctx.uri, tree);

  // An argument of the previous option.
  if (last && last.owner === 'command' && !rule.chain && last.args.length === 0) {
    return chainNames(table).map((c) => item(c, K.Class, range, ctx));
  }
  if (last && last.owner !== 'command' && last.args.length < need && last.entry) {
    const e = last.entry;
    switch (e.type) {
      case 'target': {
        const builtin = tableEntry(table.name)?.chains ?? [];
        const ok = (t: ModuleEntry) =>
          (!t.tables || t.tables.includes(table.name)) &&
          (!t.chains || !chain || !builtin.includes(chain) || t.chains.includes(chain)) &&
          (!family || !t.family || t.family === family);
        const out = TARGETS.filter(ok).map((t) => item(t.name, K.Function, range, ctx, t));
        for (const c of userChains(table)) out.push(item(c, K.Class, range, ctx, undefined, ctx.locale === 'ja' ? 'ユーザー定義チェイン' : 'user-defined chain'));
        // The verdicts nearly every rule uses first, then the file's own chains, then the rest.
        for (const it of out) {
          const common = COMMON_TARGETS.indexOf(it.label);
          it.sortText = common >= 0 ? `0${common}` : it.kind === K.Class ? `1${it.label}` : `2${it.label}`;
        }
        return out;
      }
      case 'chain':
        return userChains(table).map((c) => item(c, K.Class, range, ctx));
      case 'match':
        return MATCHES.filter((m) => !family || !m.family || m.family === family).map((m) => item(m.name, K.Module, range, ctx, m));
      case 'protocol':
        return PROTOCOLS.filter((p) => !family || !p.family || p.family === family).map((p) => item(p.name, K.EnumMember, range, ctx, p));
      case 'rejecttype':
        return REJECT_TYPES.filter((r) => !family || r.family === 'any' || r.family === family).map((r) => item(r.name, K.EnumMember, range, ctx, r));
      case 'loglevel':
        return LOG_LEVELS.filter((l) => l.name !== 'panic').map((l) => item(l.name, K.EnumMember, range, ctx, l, String(l.number)));
      case 'enumlist':
      case 'enum': {
        const comma = word.lastIndexOf(',');
        const segRange = e.type === 'enumlist' && comma !== -1 ? lineRange(pos.line, wordStart + comma + 1, wordEnd) : range;
        const already = new Set(word.split(',').slice(0, -1).map((s) => s.toUpperCase()));
        return (e.values ?? [])
          .filter((v) => !already.has(v.toUpperCase()))
          .map((v) => item(v, K.EnumMember, segRange, ctx, STATES.find((s) => s.name === v)));
      }
      case 'portrange':
      case 'portlist':
      case 'port': {
        const names = { ...PORT_NAMES.any, ...(PORT_NAMES[rule.protocol?.name ?? ''] ?? {}) };
        return Object.entries(names).map(([n, name]) => ({ ...item(n, K.Value, range, ctx, undefined, name), sortText: n.padStart(5, '0') }));
      }
      default:
        return [];
    }
  }

  // Another option: the rule's own, then those of the loaded matches and target.
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (e: OptionEntry, kind: CompletionItemKind, sort: string) => {
    const label = preferred(e);
    if (seen.has(label)) return;
    seen.add(label);
    out.push({ ...item(label, kind, range, ctx, e), sortText: sort + label });
  };
  for (const m of rule.matches) for (const o of m.entry?.options ?? []) add(o, K.Property, '0');
  if (rule.protocol && !rule.protocol.negated) {
    const imp = implicitMatch(rule.protocol.name);
    if (imp) for (const o of imp.options) add(o, K.Property, '0');
  }
  for (const o of rule.target?.entry?.options ?? []) add(o, K.Property, '0');
  for (const o of OPTIONS) {
    if (o.kind === 'command' && rule.command) continue;
    if (o.restoreForbidden) continue;
    if (o.kind === 'command' && !['--append', '--insert'].includes(o.name)) continue;
    add(o, o.kind === 'command' ? K.Keyword : K.Field, '1');
  }
  return out;
}
