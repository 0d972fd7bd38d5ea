import type { RsyslogCatalog } from './catalog';
import * as scanner from './scanner';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { BANG, COMMA, COMMON_NAMES, DOT, EQ, SEMI, STAR } = scanner;

/**
 * Facility and priority names that validation accepts without a word (known and not
 * deprecated), as sorted codes (see CODE): a word is found by the number its characters make
 * while they are read, without comparing them to names one by one.
 */
interface PlainNames {
  facilities: Float64Array;
  priorities: Float64Array;
}

/**
 * 1..38 for the characters of plain names (`a`–`z`, `0`–`9`, `*`, `-`), 0 for any other. A word
 * of up to 9 such characters reads as the exact number Σ code·40^k, so equal numbers mean equal
 * words; longer words make larger numbers than any name (names have at most 8 characters).
 */
const CODE = (() => {
  const t = new Uint8Array(128);
  for (let c = 97; c <= 122; c++) t[c] = c - 96;
  for (let c = 48; c <= 57; c++) t[c] = c - 48 + 27;
  t[STAR] = 37;
  t[45] = 38;
  return t;
})();

function codeOf(name: string): number {
  let h = 0;
  for (let k = 0; k < name.length; k++) h = h * 40 + CODE[name.charCodeAt(k)];
  return h;
}

/** True when `h` is one of the sorted `codes`. */
function has(codes: Float64Array, h: number): boolean {
  let lo = 0;
  let hi = codes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = codes[mid];
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

let plain: { cat: RsyslogCatalog; names: PlainNames } | undefined;

function plainNames(cat: RsyslogCatalog): PlainNames {
  if (plain?.cat === cat) return plain.names;
  const facilities: number[] = [];
  const priorities: number[] = [];
  for (const n of COMMON_NAMES) {
    // Every common name is at most 8 characters of the CODE alphabet.
    if (n.length > 8) continue;
    const f = cat.facility(n);
    if (f.entry && !f.deprecatedFor) facilities.push(codeOf(n));
    const p = cat.priority(n);
    if (p.entry && !p.deprecatedFor) priorities.push(codeOf(n));
  }
  const names = { facilities: Float64Array.from(facilities).sort(), priorities: Float64Array.from(priorities).sort() };
  plain = { cat, names };
  return names;
}

/** Where the name read by the last nameCode() ends (a variable, to spare a result object). */
let nameEnd = 0;

/** The name starting at `i` (up to `end`) as a number, for the sorted tables; sets nameEnd. */
function nameCode(s: string, i: number, end: number): number {
  let h = 0;
  while (i < end) {
    const c = s.charCodeAt(i);
    const k = c < 128 ? CODE[c] : 0;
    if (k === 0) break;
    h = h * 40 + k;
    i++;
  }
  nameEnd = i;
  return h;
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
      const h = nameCode(s, i, end);
      i = nameEnd;
      if (i === ws || !has(names.facilities, h)) return false;
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
    const h = nameCode(s, i, end);
    i = nameEnd;
    if (i === ps || !has(names.priorities, h)) return false;
    if (i === end) return true;
    if (s.charCodeAt(i) !== SEMI || i + 1 >= end) return false;
    i++;
  }
}
