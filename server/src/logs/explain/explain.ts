import appFieldsJson from '../../../data/logs/appFields.json';
import fieldsJson from '../../../data/logs/fields.json';
import type { DocsLanguage, Localized, WorkspaceView } from '../../languages/common/types';
import { KEYWORD_CATEGORIES } from '../keywords';
import { classifyLine } from './classify';
import { FAMILY_BY_NAME, FORMAT_BY_NAME } from './data';
import { findRelated } from './related';
import type { Classified, ExplainResult, PatternData } from './types';

interface FieldDoc {
  name: string;
  family?: string;
  docs: Localized;
}
const FIELD_DOCS = new Map<string, Localized>();
for (const f of [...fieldsJson, ...appFieldsJson] as FieldDoc[]) FIELD_DOCS.set(f.family ? `${f.family}:${f.name}` : f.name, f.docs);

/** What a field means, preferring the family's own meaning (`status` differs between Postfix and HTTP). */
export function fieldDoc(name: string, family: string | undefined, locale: DocsLanguage): string | undefined {
  return (FIELD_DOCS.get(`${family}:${name}`) ?? FIELD_DOCS.get(name))?.[locale];
}

/** Fills `{name}` placeholders; a value the line does not have shows as `-` (an empty one stays empty, as in `from=<>`). */
export function fill(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{([A-Za-z_]+)\}/g, (_m, k: string) => values[k] ?? '-');
}

function patternOf(c: Classified): PatternData | undefined {
  return c.family && c.pattern ? FAMILY_BY_NAME.get(c.family)?.data.patterns.find((p) => p.name === c.pattern) : undefined;
}

const GENERIC: Localized = {
  en: 'A message from {program}: {message}',
  ja: '{program} からのメッセージ: {message}',
};
const UNKNOWN: Localized = {
  en: 'A line of an unrecognised format: {message}',
  ja: '形式を判別できない行: {message}',
};

/** Options for `explainLine`. */
export interface ExplainOptions {
  /** Other documents of the workspace, to find the rule that logs a packet filter prefix. */
  workspace?: WorkspaceView;
  /** The dominant format of the line's file, tried first. */
  format?: string;
  /** The journal entry's PRIORITY (0-7), which sets the line's level and severity. */
  priority?: number;
}

/**
 * Explains one log line in the given language: the JSON result the CLI prints and the LSP
 * request returns, plus the classification the Markdown renderer uses.
 */
export function explainLine(raw: string, locale: DocsLanguage, opts: ExplainOptions = {}): { result: ExplainResult; classified: Classified } {
  const c = classifyLine(raw, { format: opts.format, priority: opts.priority });
  const values: Record<string, string | undefined> = { ...c.fields, program: c.program, host: c.host, message: c.message, pid: c.pid };
  const pat = patternOf(c);
  const variant = c.variant ? pat?.variants?.[c.variant] : undefined;
  const summaryT = c.summary ?? variant?.summary ?? pat?.summary ?? (c.program ? GENERIC : c.format ? GENERIC : UNKNOWN);
  const adviceT = [...(variant?.advice ?? []), ...(pat?.advice ?? [])];
  let summary = fill(summaryT[locale], { ...values, program: values.program ?? '-' });
  if (!c.program && c.format && !pat) summary = fill(GENERIC[locale], { ...values, program: FORMAT_BY_NAME.get(c.format)?.label[locale] ?? c.format });
  const advice = adviceT.map((a) => fill(a[locale], values));
  if (!pat) {
    const cat = KEYWORD_CATEGORIES.find((k) => k.name === c.category);
    if (cat) advice.push(cat.docs[locale]);
  }
  for (const n of c.notes) advice.push(n[locale]);
  const prefix = c.fields.prefix;
  const related = c.pattern === 'netfilter-log' ? findRelated(opts.workspace, prefix, !!c.fields.firewalld_zone) : [];
  const result: ExplainResult = {
    line: c.line,
    format: c.format ?? null,
    timestamp: c.timestamp ?? null,
    host: c.host ?? null,
    program: c.program ?? null,
    pid: c.pid ?? null,
    message: c.message,
    fields: c.fields,
    category: c.category ?? null,
    severity: c.severity,
    summary,
    family: c.family ?? null,
    pattern: c.pattern ?? null,
    advice,
    related,
    locale,
  };
  return { result, classified: c };
}
