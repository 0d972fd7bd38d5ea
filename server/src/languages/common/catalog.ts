import type { MarkupContent } from 'vscode-languageserver-types';
import { pick } from './rules';
import type { DocsLanguage, Localized } from './types';
import { citeSource } from './manualTitles';

/**
 * How a value is written. Languages add their own kinds; these are the shared ones that
 * `values.ts` knows how to check.
 */
export type ValueType =
  | 'string'
  | 'integer'
  | 'count'
  | 'port'
  | 'boolean'
  | 'onoff'
  | 'enum'
  | 'size'
  | 'timespan'
  | 'path'
  | 'user'
  | 'group'
  | 'mode'
  | 'command'
  | 'host'
  | 'loglevel'
  | 'none'
  | (string & {});

/** One piece of knowledge: a directive, key, option, module, parameter, element … */
export interface CatalogEntry {
  name: string;
  /** What it is: 'facility', 'priority', 'directive', 'module', 'parameter', 'key', 'element' … */
  kind: string;
  /** Other spellings that mean the same (warn for warning). */
  aliases?: string[];
  type?: ValueType;
  /** Allowed values for enums. */
  values?: string[];
  /** Where it may appear ('global', 'block', a section name, a parent element …). */
  contexts?: string[];
  /** Short argument form shown in hover and completion detail, e.g. `rotate COUNT`. */
  syntax?: string;
  default?: string;
  /** Version of the program that added it. */
  since?: string;
  deprecated?: { replacement?: string; note?: Localized };
  docs: Localized;
  /** The manual and section this comes from, e.g. `logrotate(8) rotate` or a shared manual. */
  source: string;
}

/** A catalog with case-insensitive lookup by name and alias. */
export class Catalog<E extends CatalogEntry = CatalogEntry> {
  private readonly byName = new Map<string, E>();
  constructor(
    readonly entries: E[],
    private readonly caseSensitive = false,
  ) {
    for (const e of entries) {
      this.byName.set(this.key(e.name), e);
      for (const a of e.aliases ?? []) this.byName.set(this.key(a), e);
    }
  }
  private key(s: string): string {
    return this.caseSensitive ? s : s.toLowerCase();
  }
  get(name: string): E | undefined {
    return this.byName.get(this.key(name));
  }
  has(name: string): boolean {
    return this.byName.has(this.key(name));
  }
  /** Every name and alias, for did-you-mean and completion. */
  names(): string[] {
    const out: string[] = [];
    for (const e of this.entries) out.push(e.name, ...(e.aliases ?? []));
    return out;
  }
  ofKind(kind: string): E[] {
    return this.entries.filter((e) => e.kind === kind);
  }
}

const SOURCE_LABEL: Localized = { en: 'Source', ja: '出典' };
const DEPRECATED_LABEL: Localized = { en: 'Deprecated', ja: '非推奨' };
const USE_INSTEAD: Localized = { en: 'use', ja: '代わりに' };
const SINCE_LABEL: Localized = { en: 'since', ja: '追加バージョン' };
const DEFAULT_LABEL: Localized = { en: 'Default', ja: '既定値' };

/** The entry each `entryMarkdown` result was made from (see `docsSource`). */
const DOCS_SOURCE = new WeakMap<MarkupContent, CatalogEntry>();

/**
 * The catalog entry a completion item's documentation was made from by `entryMarkdown`, if it
 * was. The server uses it to send such documentation on `completionItem/resolve` only, so
 * languages keep writing `documentation: entryMarkdown(e, locale)`.
 */
export function docsSource(documentation: unknown): CatalogEntry | undefined {
  return documentation && typeof documentation === 'object' ? DOCS_SOURCE.get(documentation as MarkupContent) : undefined;
}

/** Markdown for a hover or a completion item's documentation. */
export function entryMarkdown(entry: CatalogEntry, locale: DocsLanguage): MarkupContent {
  const parts: string[] = [];
  const head = entry.syntax ?? entry.name;
  parts.push('```\n' + head + '\n```');
  if (entry.deprecated) {
    const repl = entry.deprecated.replacement ? ` — ${pick(USE_INSTEAD, locale)} \`${entry.deprecated.replacement}\`` : '';
    const note = entry.deprecated.note ? ` ${pick(entry.deprecated.note, locale)}` : '';
    parts.push(`**${pick(DEPRECATED_LABEL, locale)}**${repl}.${note}`);
  }
  parts.push(pick(entry.docs, locale));
  const facts: string[] = [];
  if (entry.values?.length) facts.push(entry.values.map((v) => `\`${v}\``).join(' | '));
  if (entry.default !== undefined) facts.push(`${pick(DEFAULT_LABEL, locale)}: \`${entry.default}\``);
  if (entry.since) facts.push(`${pick(SINCE_LABEL, locale)} ${entry.since}`);
  if (facts.length) parts.push(facts.join(' · '));
  parts.push(`*${pick(SOURCE_LABEL, locale)}: ${citeSource(entry.source, locale)}*`);
  const md: MarkupContent = { kind: 'markdown', value: parts.join('\n\n') };
  DOCS_SOURCE.set(md, entry);
  return md;
}
