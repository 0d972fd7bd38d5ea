// The `%property:from:to:options%` references of a string template, checked as rsyslogd reads
// them when it loads the template: the property name and the options it knows.
import { didYouMean } from '../common/didYouMean';
import type { Span } from './tree';
import { add, suggestion, type Env } from './validateNames';
import { lower } from './lookups';

/** Property options rsyslogd 8.2302 knows (rsyslog-doc "property replacer"; each tried with -N1). */
const OPTIONS = new Set(
  [
    'uppercase', 'lowercase', 'csv', 'drop-last-lf', 'date-utc', 'date-mysql', 'date-pgsql', 'date-rfc3164', 'date-rfc3164-buggyday', 'date-rfc3339',
    'date-unixtimestamp', 'date-year', 'date-month', 'date-day', 'date-hour', 'date-minute', 'date-second', 'date-tzoffshour', 'date-tzoffsmin',
    'date-tzoffsdirection', 'date-ordinal', 'date-week', 'date-iso-week', 'date-iso-week-year', 'date-wday', 'date-wdayname', 'date-subseconds',
    'escape-cc', 'space-cc', 'drop-cc', 'compressspace', 'sp-if-no-1st-sp', 'secpath-drop', 'secpath-replace', 'json', 'jsonf', 'jsonr', 'jsonfr',
    'mandatory-field', 'fixed-width', 'pos-end-relative',
  ],
);

/**
 * Checks the references in `text` (the unescaped template string) found at `at` in the file:
 * findings go on the whole string (escapes make offsets inside it unreliable).
 */
export function checkTemplateText(env: Env, text: string, at: Span): void {
  if (!text.includes('%') || text.includes('`')) return;
  const re = /%([^%\n]*)%/g;
  for (const m of text.matchAll(re)) {
    const body = m[1];
    if (!body) continue; // `%%` is a literal percent sign
    const parts = body.split(':');
    const name = parts[0];
    if (name && !knownProperty(env, name)) {
      const sug = didYouMean(name, env.cat.properties.names());
      add(env, 'rsyslog/unknown-property', at, { name, suggestion: suggestion(sug) }, { data: { suggestions: sug } });
      return;
    }
    // `%msg:R,ERE,1,DFLT:regex--end%`: rsyslogd reads the expression up to `--end` and refuses
    // the template without it ("invalid property ''").
    if (/^R(,|$)/.test(parts[1] ?? '') && !body.includes('--end')) {
      add(env, 'rsyslog/invalid-value', at, { value: `%${body}%`, name: 'a property reference', expected: { en: 'a regular expression ended by --end, as in %msg:R,ERE,1,DFLT:(x)--end%', ja: '%msg:R,ERE,1,DFLT:(x)--end% のように --end で終わる正規表現' } });
      return;
    }
    // Options are the fourth part, unless a regular expression (R,…) or field (F,…) holds colons.
    if (parts.length !== 4 || /^[RF],?/.test(parts[1])) continue;
    for (const o of parts[3].split(',')) {
      const opt = o.trim().toLowerCase();
      if (opt && !OPTIONS.has(opt)) {
        add(env, 'rsyslog/unknown-value', at, { value: o, name: 'a property option', expected: { en: 'see the property replacer options', ja: 'プロパティ置換のオプションを参照' } });
        return;
      }
    }
  }
}

/** Names rsyslogd 8.2302 takes besides the documented ones (aliases), each checked with -N1. */
const PROPERTY_ALIASES = new Set(['timestamp', 'source', 'syslogpriority', 'syslogpriority-text', 'parsesuccess']);

/** True when rsyslogd knows the message property `name` (variables and `$…` names are not checked). */
export function knownProperty(env: Env, name: string): boolean {
  // rsyslogd's propNameToID also takes a variable without its '$': '!x', '.x', '/x' (msg.c).
  if (!name || name.charCodeAt(0) === 36 || '!./'.includes(name[0]) || !env.cat.properties.entries.length) return true;
  const l = lower(name);
  return env.cat.properties.has(l) || PROPERTY_ALIASES.has(l);
}
