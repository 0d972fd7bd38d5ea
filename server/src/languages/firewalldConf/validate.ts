import { didYouMean, suggestionText } from '../common/didYouMean';
import type { IniEntry, IniTree } from '../common/ini';
import type { Finding, LanguageContext, Localized, ParsedDocument } from '../common/types';
import { checkInteger, checkInterface } from '../firewalld/checks';
import { entityIndex } from '../firewalld/entities';
import { KEYS } from './catalog';
import { entries } from './parse';

const R = (en: string, ja: string): Localized => ({ en, ja });
const BOOL = ['yes', 'no', 'true', 'false'];

function checkReloadPolicy(value: string): Localized | undefined {
  const verdicts = ['ACCEPT', 'REJECT', 'DROP'];
  if (verdicts.includes(value.toUpperCase())) return undefined;
  const seen = new Set<string>();
  for (const part of value.split(',')) {
    const [chain, verdict, extra] = part.trim().split(':');
    if (extra !== undefined || !['INPUT', 'FORWARD', 'OUTPUT'].includes((chain ?? '').toUpperCase()) || !verdicts.includes((verdict ?? '').toUpperCase())) {
      return R('write DROP, REJECT or ACCEPT, or CHAIN:VERDICT pairs such as INPUT:DROP,FORWARD:DROP,OUTPUT:ACCEPT', 'DROP、REJECT、ACCEPT のいずれか、または INPUT:DROP,FORWARD:DROP,OUTPUT:ACCEPT のような チェイン:動作 の組を書きます');
    }
    if (seen.has(chain.toUpperCase())) return R(`${chain} is given twice`, `${chain} が 2 回指定されています`);
    seen.add(chain.toUpperCase());
  }
  return undefined;
}

function checkFlowtable(value: string): Localized | undefined {
  if (value.toLowerCase() === 'off') return undefined;
  for (const iface of value.split(/\s+/).filter(Boolean)) {
    const r = checkInterface(iface);
    if (r) return r;
  }
  return undefined;
}

/** Why a value is wrong for its key, or undefined. Mirrors how firewalld compares (some keys ignore case). */
function valueReason(type: string | undefined, values: string[] | undefined, key: string, value: string): Localized | undefined {
  switch (type) {
    case 'bool':
      return BOOL.includes(value.toLowerCase()) ? undefined : R('expected yes or no', 'yes または no を指定します');
    case 'enum': {
      // firewalld compares LogDenied exactly and the other choices without regard to case.
      const v = key === 'LogDenied' ? value : value.toLowerCase();
      const ok = values?.includes(v) || (key === 'IPv6_rpfilter' && BOOL.includes(v));
      return ok ? undefined : R(`expected one of ${values?.join(', ')}`, `${values?.join('、')} のいずれかを指定します`);
    }
    case 'integer':
      return checkInteger(value);
    case 'reload-policy':
      return checkReloadPolicy(value);
    case 'flowtable':
      return checkFlowtable(value);
    default:
      return undefined;
  }
}

function check(e: IniEntry, seen: Map<string, IniEntry>, ctx: LanguageContext, out: Finding[]) {
  const key = KEYS.get(e.key);
  if (!key) {
    // Keys are case-sensitive: `Defaultzone` is unknown to firewalld, but the fix is obvious.
    const sameLetters = KEYS.entries.find((k) => k.name.toLowerCase() === e.key.toLowerCase());
    const s = sameLetters ? [sameLetters.name] : didYouMean(e.key, KEYS.names());
    out.push({ code: 'firewalld-conf/unknown-key', range: e.keyRange, args: { key: e.key, hint: { en: suggestionText(s, 'en'), ja: suggestionText(s, 'ja') } }, data: { replacements: s } });
    return;
  }
  if (e.value.includes('=')) {
    out.push({ code: 'firewalld-conf/bad-line', range: e.range, args: { text: `${e.key}=${e.value}` } });
    return;
  }
  if (e.value === '') {
    out.push({ code: 'firewalld-conf/missing-value', range: e.keyRange, args: { key: e.key } });
    return;
  }
  const first = seen.get(key.name);
  if (first) {
    out.push({ code: 'firewalld-conf/duplicate-key', range: e.keyRange, args: { key: e.key, line: first.keyRange.start.line + 1 } });
    return;
  }
  seen.set(key.name, e);
  if (key.deprecated) {
    const note = key.deprecated.note;
    out.push({ code: 'firewalld-conf/deprecated-key', range: e.keyRange, args: { key: e.key, note: note ? { en: ` ${note.en}`, ja: ` ${note.ja}` } : '' }, tags: ['deprecated'] });
    return;
  }
  if (key.type === 'zone') {
    const zones = entityIndex(ctx);
    if (!zones.has('zone', e.value)) {
      const s = didYouMean(e.value, zones.names('zone'));
      out.push({ code: 'firewalld-conf/unknown-zone', range: e.valueRange, args: { name: e.value, hint: { en: suggestionText(s, 'en'), ja: suggestionText(s, 'ja') } }, data: { replacements: s } });
    }
    return;
  }
  const reason = valueReason(key.type, key.values, key.name, e.value);
  if (reason) {
    out.push({
      code: 'firewalld-conf/invalid-value',
      range: e.valueRange,
      args: { key: e.key, value: e.value, reason, default: key.default ? { en: ` '${key.default}'`, ja: ` '${key.default}' ` } : '' },
    });
  }
}

/** Keys, values, duplicates and the default zone of firewalld.conf. */
export function validate(doc: ParsedDocument<IniTree>, ctx: LanguageContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, IniEntry>();
  for (const e of entries(doc)) check(e, seen, ctx, out);
  return out;
}
