import type { Hover, Position, Range } from 'vscode-languageserver-types';
import { entryMarkdown, type CatalogEntry } from '../common/catalog';
import { pick } from '../common/rules';
import { lineRange } from '../common/text';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { didYouMean } from '../common/didYouMean';
import { logLevel, protocol, rejectType, state, table as tableEntry, target as targetEntry, TARGETS } from './catalog';
import { describeRule, portLabel } from './describe';
import type { IptablesTree, Rule, Table, Token } from './tree';

const md = (value: string, range: Range): Hover => ({ contents: { kind: 'markdown', value }, range });

function entryHover(e: CatalogEntry, ctx: LanguageContext, range: Range): Hover {
  return { contents: entryMarkdown(e, ctx.locale), range };
}

export function findRule(tree: IptablesTree, line: number): { table: Table; rule: Rule } | undefined {
  for (const t of tree.tables) {
    if (line < t.line || line > t.endLine) continue;
    const rule = t.rules.find((r) => r.line === line);
    if (rule) return { table: t, rule };
  }
  return undefined;
}

const within = (t: Token, ch: number) => ch >= t.start && ch <= t.end;

const BUILTIN_CHAIN_TEXT = {
  en: (c: string, t: string) => `Built-in chain **${c}** of the \`${t}\` table.`,
  ja: (c: string, t: string) => `\`${t}\` テーブルの組み込みチェイン **${c}** です。`,
};
const USER_CHAIN_TEXT = {
  en: (c: string) => `User-defined chain **${c}**: rules jump here with \`-j ${c}\`.`,
  ja: (c: string) => `ユーザー定義チェイン **${c}** です。\`-j ${c}\` でここへ移ります。`,
};

const UNKNOWN_TARGET_TEXT = {
  en: (name: string, s: string[]) => `Unknown target **${name}**: no chain of that name is declared in this table. Did you mean ${s.map((x) => `\`${x}\``).join(', ')}?`,
  ja: (name: string, s: string[]) => `不明なターゲット **${name}** です。このテーブルにその名前のチェインは宣言されていません。もしかして ${s.map((x) => `\`${x}\``).join('、')}?`,
};

/** Known targets close to `name` when `name` is not a chain of the table (a misspelt target, not a user chain). */
function misspeltTarget(name: string, t: Table): string[] | undefined {
  if (t.chains.some((c) => c.name === name) || t.rules.some((r) => r.command?.name === '--new-chain' && r.chain?.text === name)) return undefined;
  const s = didYouMean(name, TARGETS.filter((x) => !x.tables || x.tables.includes(t.name)).map((x) => x.name));
  return s.length ? s : undefined;
}

function chainHover(name: string, t: Table, ctx: LanguageContext, range: Range): Hover {
  const builtin = tableEntry(t.name)?.chains.includes(name);
  const text = builtin ? BUILTIN_CHAIN_TEXT[ctx.locale](name, t.name) : USER_CHAIN_TEXT[ctx.locale](name);
  const decl = t.chains.find((c) => c.name === name);
  const policy = decl?.policy && decl.policy !== '-' ? (ctx.locale === 'ja' ? `\n\nポリシー: \`${decl.policy}\`` : `\n\nPolicy: \`${decl.policy}\``) : '';
  const count = t.rules.filter((r) => r.chain?.text === name && r.command?.name === '--append').length;
  const rules = ctx.locale === 'ja' ? `\n\nルール数: ${count}` : `\n\nRules: ${count}`;
  return md(text + policy + rules, range);
}

/** Hover for tables, chains, options, matches, targets, values, and a reading of the whole rule on `-A`. */
export function hover(doc: ParsedDocument<IptablesTree>, pos: Position, ctx: LanguageContext): Hover | null {
  const text = doc.lines.line(pos.line);
  const ch = pos.character;
  const tree = doc.tree;
  if (text.startsWith('*')) {
    const t = tableEntry(text.slice(1).trim());
    return t ? entryHover(t, ctx, lineRange(pos.line, 0, text.trimEnd().length)) : null;
  }
  const table = tree.tables.find((t) => pos.line >= t.line && pos.line <= t.endLine);
  if (text.startsWith(':') && table) {
    const decl = table.chains.find((c) => c.line === pos.line);
    if (!decl) return null;
    if (decl.policyRange && ch >= decl.policyRange.start.character && ch <= decl.policyRange.end.character) {
      const t = targetEntry(decl.policy!);
      return t ? entryHover(t, ctx, decl.policyRange) : null;
    }
    if (ch <= decl.nameRange.end.character) return chainHover(decl.name, table, ctx, decl.nameRange);
    return null;
  }
  const found = findRule(tree, pos.line);
  if (!found) return null;
  const { rule } = found;
  const r = (t: Token) => lineRange(pos.line, t.start, t.end);
  if (rule.command && within(rule.command.token, ch)) {
    const reading = describeRule(rule, ctx.locale);
    const cmd = rule.items.find((i) => i.owner === 'command')?.entry;
    const extra = cmd ? `\n\n---\n\n${pick(cmd.docs, ctx.locale)}` : '';
    return md(`**${reading}**${extra}`, r(rule.command.token));
  }
  if (rule.chain && within(rule.chain, ch)) return chainHover(rule.chain.text, found.table, ctx, r(rule.chain));
  for (const m of rule.matches) {
    if (!m.implicit && within(m.token, ch) && m.entry) return entryHover(m.entry, ctx, r(m.token));
  }
  if (rule.target && within(rule.target.token, ch)) {
    if (rule.target.entry) return entryHover(rule.target.entry, ctx, r(rule.target.token));
    const misspelt = misspeltTarget(rule.target.name, found.table);
    if (misspelt) return md(UNKNOWN_TARGET_TEXT[ctx.locale](rule.target.name, misspelt), r(rule.target.token));
    return chainHover(rule.target.name, found.table, ctx, r(rule.target.token));
  }
  for (const it of rule.items) {
    if (it.negated && within(it.negated, ch)) {
      return md(ctx.locale === 'ja' ? `\`!\` は \`${it.token.text}\` の条件を否定します（一致しないときに一致）。` : `\`!\` inverts \`${it.token.text}\`: the rule matches when that test does not.`, r(it.negated));
    }
    if (within(it.token, ch) && it.entry) return entryHover(it.entry, ctx, r(it.token));
    const a = it.args.find((x) => within(x, ch));
    if (!a) continue;
    const v = valueEntry(it.entry?.type, a, ch);
    if (v) return entryHover(v, ctx, r(a));
    if (it.entry?.type === 'portrange' || it.entry?.type === 'portlist') {
      const label = a.text.split(',').map((p) => portLabel(p, rule.protocol?.name)).join(', ');
      return md(`${ctx.locale === 'ja' ? 'ポート' : 'Port'} ${label}`, r(a));
    }
    if (it.entry) return entryHover(it.entry, ctx, r(a));
  }
  return null;
}

/** The catalog entry of a value under the cursor (a protocol, a state inside `NEW,ESTABLISHED` …). */
function valueEntry(type: string | undefined, a: Token, ch: number): CatalogEntry | undefined {
  switch (type) {
    case 'protocol':
      return protocol(a.text);
    case 'rejecttype':
      return rejectType(a.text);
    case 'loglevel':
      return logLevel(a.text);
    case 'enumlist': {
      let off = a.start;
      for (const part of a.text.split(',')) {
        if (ch >= off && ch <= off + part.length) return state(part);
        off += part.length + 1;
      }
      return undefined;
    }
  }
  return undefined;
}
