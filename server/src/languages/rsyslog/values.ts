import type { Localized } from '../common/types';
import { allowedValues, minimumOf, refusesUnknownValue, type ParamEntry } from './catalog';

export type ValueProblem = { code: 'rsyslog/invalid-value' | 'rsyslog/invalid-port' | 'rsyslog/unknown-value'; expected?: Localized } | null;
/** The types checkValue() checks besides enumerations. */
const CHECKED_TYPES = new Set(['onoff', 'boolean', 'integer', 'size', 'port', 'mode', 'queue-type']);
const QUEUE_TYPES = ['fixedarray', 'linkedlist', 'direct', 'disk'];

function isDigits(s: string, from = 0): boolean {
  if (s.length <= from) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True for `514`, `1g`, `10m`, `512k`, `100KB`. */
function isSize(s: string): boolean {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === 0) return false;
  const rest = s.slice(i).toLowerCase();
  return rest === '' || /^[kmgtpe]i?b?$/.test(rest) || rest === 'b';
}

/**
 * Checks one value against the catalog type of its parameter or directive. Values holding
 * backticks or `%` (environment and template expansions) are not checked.
 */
export function checkValue(entry: ParamEntry, raw: string): ValueProblem {
  // Most parameters (paths, names, strings) have nothing to check: tell so before reading the value.
  if (!CHECKED_TYPES.has(entry.type ?? '') && !(entry.values?.length && (entry.type === 'enum' || !entry.type))) return null;
  const v = raw.trim();
  // A `$` is no expansion in a number (`position.to="$"` is refused), only elsewhere.
  if (v.includes('`') || (v.includes('$') && entry.type !== 'integer')) return null;
  switch (entry.type) {
    case 'onoff':
    case 'boolean':
      // rsyslogd takes exactly `on` or `off` (not `true`, `yes`, `1` or `ON`) and refuses the rest.
      return v === 'on' || v === 'off' ? null : { code: 'rsyslog/invalid-value', expected: { en: 'on or off (lower case)', ja: 'on または off（小文字）' } };
    case 'integer': {
      if (!isDigits(v, v.startsWith('-') ? 1 : 0)) return { code: 'rsyslog/invalid-value', expected: { en: 'a whole number', ja: '整数' } };
      // rsyslogd -N1 refuses numbers below this (verified.json): maxSessions >= 1, TlsVerifyDepth >= 2.
      const min = minimumOf(entry);
      return min !== undefined && Number(v) < min ? { code: 'rsyslog/invalid-value', expected: { en: `a whole number of at least ${min}`, ja: `${min} 以上の整数` } } : null;
    }
    case 'size':
      return isSize(v) ? null : { code: 'rsyslog/invalid-value', expected: { en: 'a size such as 512k, 10m or 1g', ja: '512k、10m、1g のようなサイズ' } };
    case 'port': {
      if (isDigits(v)) {
        const n = Number(v);
        // 0 asks for a free port (with a port file to learn which).
        return n <= 65535 ? null : { code: 'rsyslog/invalid-port' };
      }
      // A service name (`syslog`) is resolved by rsyslog; anything else is not a port.
      return /^[A-Za-z][A-Za-z0-9-]*$/.test(v) ? null : { code: 'rsyslog/invalid-port' };
    }
    case 'mode':
      return /^0?[0-7]{3,4}$/.test(v) ? null : { code: 'rsyslog/invalid-value', expected: { en: 'an octal mode such as 0640', ja: '0640 のような 8 進数のモード' } };
    case 'queue-type':
      return QUEUE_TYPES.includes(v.toLowerCase()) ? null : enumProblem(['FixedArray', 'LinkedList', 'Direct', 'Disk']);
    default:
      break;
  }
  if (entry.values?.length && (entry.type === 'enum' || !entry.type)) {
    const { values, exactCase } = allowedValues(entry);
    const lv = v.toLowerCase();
    for (const x of values) if (exactCase ? x === v : x.toLowerCase() === lv) return null;
    return enumProblem(entry.values, refusesUnknownValue(entry));
  }
  return null;
}

function enumProblem(values: string[], refused = true): ValueProblem {
  const list = values.join(' | ');
  // Outside the documented list: an error where rsyslogd -N1 was seen to refuse it; elsewhere a
  // warning (rsyslog versions add values, and some are checked only when the module starts).
  return { code: refused ? 'rsyslog/invalid-value' : 'rsyslog/unknown-value', expected: { en: `one of ${list}`, ja: `${list} のいずれか` } };
}
