import type { Finding, HostView } from '../common/types';
import { lineRange } from '../common/text';
import { FORMS, parseCInteger, parseLogrotateSize, parseOctalMode } from '../common/values';
import type { LrEntry } from './catalog';
import type { LrDirective, Word } from './parse';

/** strftime specifiers logrotate keeps in `dateformat`; any other is written literally. */
const DATE_SPECIFIERS = 'YmdHMSVs';

const ONE_ARG = { en: 'one argument', ja: '引数1つ' };

/** The date parts in the order rotated names must sort by. */
const DATE_ORDER = [89 /* Y */, 109 /* m */, 100 /* d */, 72 /* H */, 77 /* M */, 83 /* S */];
/** Scratch: where each of DATE_ORDER first follows a `%` in the value being checked. */
const DATE_FIRST = [-1, -1, -1, -1, -1, -1];

/** Value types whose argument may be left out. */
const OPTIONAL_ARG = new Set(['weekday', 'modeOwnerGroup']);

function isNumeric(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function hasBlank(s: string): boolean {
  return s.includes(' ') || s.includes('\t');
}

function wordRange(w: Word) {
  return lineRange(w.line, w.start, w.end);
}

/** Checks a user or group name against the host, when the host can tell. */
function checkOwner(w: Word | undefined, kind: 'user' | 'group', host: HostView | undefined, out: Finding[]) {
  if (!w || !host || isNumeric(w.text)) return;
  const names = kind === 'user' ? host.users() : host.groups();
  if (names && !names.has(w.text)) out.push({ code: `logrotate/unknown-${kind}`, range: wordRange(w), args: { value: w.text } });
}

/**
 * Checks the arguments of one directive against its value type, the way logrotate 3.21 reads
 * them (values run to the end of the line, so a trailing comment is part of the value).
 */
export function checkArguments(d: LrDirective, entry: LrEntry, host: HostView | undefined, out: Finding[]): void {
  const type = entry.type ?? 'none';
  if (type === 'none' || type === 'script') return;
  const value = d.argText;
  if (value === '') {
    if (!OPTIONAL_ARG.has(type)) out.push({ code: 'logrotate/missing-argument', range: d.nameRange, args: { name: d.name, syntax: entry.syntax ?? d.name } });
    return;
  }
  switch (type) {
    case 'rotateCount': {
      const n = parseCInteger(value, true);
      if (n === undefined || n < -1) {
        out.push({ code: 'logrotate/bad-count', range: d.argRange, args: { name: d.name, value, form: { en: 'a whole number, or -1 to keep every version', ja: '整数（-1 ならすべての世代を残す）' } } });
      }
      return;
    }
    case 'count': {
      const n = parseCInteger(value);
      if (n === undefined) out.push({ code: 'logrotate/bad-count', range: d.argRange, args: { name: d.name, value, form: FORMS.count } });
      return;
    }
    case 'weekday': {
      const n = parseCInteger(value);
      if (n === undefined || n > 7) {
        out.push({ code: 'logrotate/bad-count', range: d.argRange, args: { name: d.name, value, form: { en: 'a weekday 0–6 (0 = Sunday) or 7 for every 7 days', ja: '曜日 0〜6（0=日曜）、または7日ごとを表す 7' } } });
      }
      return;
    }
    case 'size': {
      if (parseLogrotateSize(value) === undefined) out.push({ code: 'logrotate/bad-size', range: d.argRange, args: { name: d.name, value, form: FORMS.logrotateSize } });
      return;
    }
    case 'modeOwnerGroup': {
      const args = d.args;
      let i = 0;
      if (args[0] && args[0].text.charCodeAt(0) >= 48 && args[0].text.charCodeAt(0) <= 57) {
        if (parseOctalMode(args[0].text) === undefined) {
          out.push({ code: 'logrotate/bad-mode', range: wordRange(args[0]), args: { value: args[0].text, form: FORMS.mode } });
          return;
        }
        i = 1;
      }
      if (args.length - i > 2) {
        const extra = args[i + 2];
        out.push({ code: 'logrotate/extra-argument', range: lineRange(extra.line, extra.start, d.argRange.end.character), args: { name: d.name, expected: { en: 'a mode, an owner and a group', ja: 'モード、所有ユーザ、所有グループ' } } });
        return;
      }
      checkOwner(args[i], 'user', host, out);
      checkOwner(args[i + 1], 'group', host, out);
      return;
    }
    case 'userGroup': {
      const args = d.args;
      if (args.length < 2) {
        out.push({ code: 'logrotate/missing-argument', range: d.argRange, args: { name: d.name, syntax: entry.syntax ?? d.name } });
      } else if (args.length > 2) {
        out.push({ code: 'logrotate/extra-argument', range: lineRange(d.line, args[2].start, d.argRange.end.character), args: { name: d.name, expected: { en: 'a user and a group', ja: 'ユーザとグループ' } } });
      }
      checkOwner(args[0], 'user', host, out);
      checkOwner(args[1], 'group', host, out);
      return;
    }
    case 'path':
    case 'command': {
      if (hasBlank(value)) out.push({ code: 'logrotate/bad-path', range: d.argRange, args: { name: d.name, value } });
      return;
    }
    case 'address': {
      if (hasBlank(value)) {
        const args = d.args;
        out.push({ code: 'logrotate/extra-argument', range: lineRange(d.line, args[1].start, d.argRange.end.character), args: { name: d.name, expected: ONE_ARG } });
      }
      return;
    }
    case 'dateformat': {
      for (let i = 0; i < value.length - 1; i++) {
        if (value[i] !== '%') continue;
        const spec = value[i + 1];
        if (spec === '%') {
          i++;
          continue;
        }
        if (!DATE_SPECIFIERS.includes(spec)) {
          const col = d.argRange.start.character + i;
          out.push({ code: 'logrotate/bad-dateformat', range: lineRange(d.line, col, col + 2), args: { spec } });
        }
        i++;
      }
      // logrotate sorts rotated names to find the oldest: the date parts must run from year down.
      // One pass finds where each `%Y` … `%S` first occurs (as text, even after `%%`), and `%s`.
      let hasEpoch = false;
      for (let k = 0; k < DATE_FIRST.length; k++) DATE_FIRST[k] = -1;
      for (let i = 0; i < value.length - 1; i++) {
        if (value.charCodeAt(i) !== 37) continue;
        const k = DATE_ORDER.indexOf(value.charCodeAt(i + 1));
        if (k !== -1 && DATE_FIRST[k] === -1) DATE_FIRST[k] = i;
        else if (value.charCodeAt(i + 1) === 115 /* s */) hasEpoch = true;
      }
      if (!hasEpoch) {
        let prev = -1;
        for (const at of DATE_FIRST) {
          if (at === -1) continue;
          if (at < prev) {
            out.push({ code: 'logrotate/unsortable-dateformat', range: d.argRange, args: { value } });
            break;
          }
          prev = at;
        }
      }
      return;
    }
    default:
      return;
  }
}

