import type { RsyslogCatalog } from './catalog';
import * as scanner from './scanner';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { BANG, COMMA, COMMON_NAMES, DOT, EQ, findWord, SEMI, STAR, wordTable, isWordChar } = scanner;

/** Facility and priority names that validation accepts without a word (known and not deprecated). */
interface PlainNames {
  facilities: (string[] | undefined)[];
  priorities: (string[] | undefined)[];
}

let plain: { cat: RsyslogCatalog; names: PlainNames } | undefined;

function plainNames(cat: RsyslogCatalog): PlainNames {
  if (plain?.cat === cat) return plain.names;
  const facilities: string[] = [];
  const priorities: string[] = [];
  for (const n of COMMON_NAMES) {
    const f = cat.facility(n);
    if (f.entry && !f.deprecatedFor) facilities.push(n);
    const p = cat.priority(n);
    if (p.entry && !p.deprecatedFor) priorities.push(n);
  }
  const names = { facilities: wordTable(facilities), priorities: wordTable(priorities) };
  plain = { cat, names };
  return names;
}

function isSelectorWordChar(c: number): boolean {
  return isWordChar(c) || c === STAR || c === 45;
}

/**
 * True when the selector written at `s[start, end)` is plainly fine: every item is
 * `fac[,fac…].[=|!|!=]prio` with known, current names in lower case. Validation then has
 * nothing to report for it and need not build the selector's words; anything else (unknown or
 * deprecated names, stray punctuation, line continuations, empty items) returns false and is
 * checked word by word.
 */
export function plainSelector(cat: RsyslogCatalog, s: string, start: number, end: number): boolean {
  const names = plainNames(cat);
  let i = start;
  for (;;) {
    // Facilities, separated by commas, up to the dot.
    for (;;) {
      const ws = i;
      while (i < end && isSelectorWordChar(s.charCodeAt(i))) i++;
      if (i === ws || findWord(names.facilities, s, ws, i) === undefined) return false;
      const c = s.charCodeAt(i);
      if (i < end && c === COMMA) {
        i++;
        continue;
      }
      if (i < end && c === DOT) {
        i++;
        break;
      }
      return false;
    }
    // An optional comparison, then the priority.
    if (i < end && s.charCodeAt(i) === BANG) i++;
    if (i < end && s.charCodeAt(i) === EQ) i++;
    const ps = i;
    while (i < end && isSelectorWordChar(s.charCodeAt(i))) i++;
    if (i === ps || findWord(names.priorities, s, ps, i) === undefined) return false;
    if (i === end) return true;
    if (s.charCodeAt(i) !== SEMI || i + 1 >= end) return false;
    i++;
  }
}
