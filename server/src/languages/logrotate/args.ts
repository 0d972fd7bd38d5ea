import type { Finding, HostView } from '../common/types';
import { lineRange } from '../common/text';
import { FORMS, parseCInteger, parseLogrotateSize, parseOctalMode } from '../common/values';
import type { LrEntry } from './catalog';
import { ArgType } from './info';
import type { LrDirective, Word } from './tree';

/** strftime specifiers logrotate keeps in `dateformat`; any other is written literally. */
const DATE_SPECIFIERS = 'YmdHMSVs';

const ONE_ARG = { en: 'one argument', ja: '引数1つ' };

/** The date parts in the order rotated names must sort by. */
const DATE_ORDER = [89 /* Y */, 109 /* m */, 100 /* d */, 72 /* H */, 77 /* M */, 83 /* S */];
/** Scratch: where each of DATE_ORDER first follows a `%` in the value being checked. */
const DATE_FIRST = [-1, -1, -1, -1, -1, -1];

/** Scratch: start and end of the first words of a value (see `scanWords`). */
const WORD_START = [0, 0, 0, 0];
const WORD_END = [0, 0, 0, 0];

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}

/**
 * Finds the first four words of `value` as `splitWords` cuts them (into WORD_START and
 * WORD_END), without making them; returns how many there are, counting at most four.
 */
function scanWords(value: string): number {
  let count = 0;
  let i = 0;
  const n = value.length;
  while (i < n && count < 4) {
    while (i < n && isBlank(value.charCodeAt(i))) i++;
    if (i >= n) break;
    WORD_START[count] = i;
    while (i < n && !isBlank(value.charCodeAt(i))) i++;
    WORD_END[count++] = i;
  }
  return count;
}

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

/**
 * The same as checkOwner for word `k` of the value (found by scanWords); the word is only
 * made when there is something to report.
 */
function checkOwnerAt(d: LrDirective, k: number, count: number, kind: 'user' | 'group', host: HostView | undefined, out: Finding[]) {
  if (k >= count || !host) return;
  const text = d.argText.slice(WORD_START[k], WORD_END[k]);
  if (!ownerKnown(text, kind, host)) checkOwner(d.args[k], kind, host, out);
}

/**
 * False when the host says there is no such user or group. logrotate 3.21 looks a number up
 * as a name and then as an id, and refuses the file when neither exists.
 */
function ownerKnown(text: string, kind: 'user' | 'group', host: HostView): boolean {
  const names = kind === 'user' ? host.users() : host.groups();
  if (!names || names.has(text)) return true;
  if (!isNumeric(text)) return false;
  const ids = kind === 'user' ? host.userIds?.() : host.groupIds?.();
  return !ids || ids.has(String(Number(text)));
}

/** Checks a user or group name (or numeric id) against the host, when the host can tell. */
function checkOwner(w: Word | undefined, kind: 'user' | 'group', host: HostView | undefined, out: Finding[]) {
  if (!w || !host) return;
  if (!ownerKnown(w.text, kind, host)) out.push({ code: `logrotate/unknown-${kind}`, range: wordRange(w), args: { value: w.text } });
}

/**
 * Checks the arguments of one directive against its value type, the way logrotate 3.21 reads
 * them (values run to the end of the line, so a trailing comment is part of the value).
 */
export function checkArguments(d: LrDirective, entry: LrEntry, host: HostView | undefined, out: Finding[]): void {
  const type = d.info.argType;
  if (type === ArgType.None || type === ArgType.Script) return;
  const value = d.argText;
  if (value === '') {
    // A weekday (weekly) and a mode, owner and group (create) may be left out.
    if (type !== ArgType.Weekday && type !== ArgType.ModeOwnerGroup) out.push({ code: 'logrotate/missing-argument', range: d.nameRange, args: { name: d.name, syntax: entry.syntax ?? d.name } });
    return;
  }
  switch (type) {
    case ArgType.RotateCount: {
      const n = parseCInteger(value, true);
      if (n === undefined || n < -1) {
        out.push({ code: 'logrotate/bad-count', range: d.argRange, args: { name: d.name, value, form: { en: 'a whole number, or -1 to keep every version', ja: '整数（-1 ならすべての世代を残す）' } } });
      }
      return;
    }
    case ArgType.Count: {
      const n = parseCInteger(value);
      if (n === undefined) out.push({ code: 'logrotate/bad-count', range: d.argRange, args: { name: d.name, value, form: FORMS.count } });
      return;
    }
    case ArgType.Weekday: {
      const n = parseCInteger(value);
      if (n === undefined || n > 7) {
        out.push({ code: 'logrotate/bad-count', range: d.argRange, args: { name: d.name, value, form: { en: 'a weekday 0–6 (0 = Sunday) or 7 for every 7 days', ja: '曜日 0〜6（0=日曜）、または7日ごとを表す 7' } } });
      }
      return;
    }
    case ArgType.Size: {
      // A unit alone (`size M`): logrotate reads the missing number as 0 and takes it.
      if (/^\s*[kKMG]\s*$/.test(value)) out.push({ code: 'logrotate/size-zero', range: d.argRange, args: { name: d.name, value } });
      else if (parseLogrotateSize(value) === undefined) out.push({ code: 'logrotate/bad-size', range: d.argRange, args: { name: d.name, value, form: FORMS.logrotateSize } });
      return;
    }
    case ArgType.ModeOwnerGroup: {
      // The common case (`create 0640 root adm`) is read in place; the words are made only
      // for a report.
      const count = scanWords(value);
      let i = 0;
      const c0 = count > 0 ? value.charCodeAt(WORD_START[0]) : 0;
      if (c0 >= 48 && c0 <= 57) {
        if (parseOctalMode(value.slice(WORD_START[0], WORD_END[0])) === undefined) {
          const args = d.args;
          out.push({ code: 'logrotate/bad-mode', range: wordRange(args[0]), args: { value: args[0].text, form: FORMS.mode } });
          return;
        }
        i = 1;
      }
      if (count - i > 2) {
        const extra = d.args[i + 2];
        out.push({ code: 'logrotate/extra-argument', range: lineRange(extra.line, extra.start, d.argRange.end.character), args: { name: d.name, expected: { en: 'a mode, an owner and a group', ja: 'モード、所有ユーザ、所有グループ' } } });
        return;
      }
      checkOwnerAt(d, i, count, 'user', host, out);
      checkOwnerAt(d, i + 1, count, 'group', host, out);
      return;
    }
    case ArgType.UserGroup: {
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
    case ArgType.Path:
    case ArgType.Command: {
      if (hasBlank(value)) out.push({ code: 'logrotate/bad-path', range: d.argRange, args: { name: d.name, value } });
      return;
    }
    case ArgType.Address: {
      if (hasBlank(value)) {
        const args = d.args;
        out.push({ code: 'logrotate/extra-argument', range: lineRange(d.line, args[1].start, d.argRange.end.character), args: { name: d.name, expected: ONE_ARG } });
      }
      return;
    }
    case ArgType.Dateformat: {
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

