import { isAscii } from 'node:buffer';
import { forEachLineBlock, type ScanOptions } from './blocks';
import { asciiTransparent, makeDecoder, type LogEncoding } from './encoding';
import { formatTime } from './formatTime';
import { hourKey, parseSyslogHeader, YearTracker } from './syslog';
import { asciiLower } from './lowerCase';
import { requiredLiteral } from './regexLiteral';

/** One search term: a literal (default) or a regular expression; case-insensitive unless said. */
export interface FilterTerm {
  pattern: string;
  regex?: boolean;
  caseSensitive?: boolean;
}

/**
 * What to keep: lines matching every include term (like `grep a | grep b`), none of the exclude
 * terms (`grep -v`), from one of `programs` (when given) and within [from, to) — times as
 * milliseconds of the wall-clock time written in the log (see syslog.hourKey).
 */
export interface FilterSpec {
  include?: FilterTerm[];
  exclude?: FilterTerm[];
  programs?: string[];
  from?: number;
  to?: number;
  /** The file's dominant format (explain/detect.ts): its lines' times are read in that format first. */
  format?: string;
}

/** A filter ready to run, or the reason it cannot be. */
export type Compiled =
  | { ok: true; filter: CompiledFilter; warning?: string; /** the pattern the warning is about */ risky?: string }
  | { ok: false; error: string; /** for an invalid regular expression: the pattern and the engine's reason */ pattern?: string; reason?: string };

interface TermTest {
  /** Tests a line given lazily built latin1 (byte-exact) and decoded forms. */
  test(lat: () => string, txt: () => string): boolean;
}

export interface CompiledFilter {
  spec: FilterSpec;
  encoding: LogEncoding;
  /** True when nothing restricts the lines (every line matches). */
  all: boolean;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Nested quantifiers such as (a+)+ or (x*)* can take exponential time on some lines. */
export function riskyRegex(src: string): boolean {
  // The check itself is quadratic in the worst case, so very long patterns only get a length check.
  if (src.length > 1000) return true;
  return /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(src);
}

/** Checks a filter: invalid regular expressions become a clear message instead of a crash. */
export function compileFilter(spec: FilterSpec, encoding: LogEncoding = 'utf-8'): Compiled {
  const terms = [...(spec.include ?? []), ...(spec.exclude ?? [])];
  let warning: string | undefined;
  let risky: string | undefined;
  for (const t of terms) {
    if (typeof t.pattern !== 'string') return { ok: false, error: 'a filter term has no pattern' };
    if (t.regex) {
      try {
        new RegExp(t.pattern, 'u');
      } catch (e) {
        try {
          new RegExp(t.pattern);
        } catch {
          const reason = (e as Error).message.replace(/^Invalid regular expression: /, '');
          return { ok: false, error: `invalid regular expression /${t.pattern}/: ${reason}`, pattern: t.pattern, reason };
        }
      }
      if (riskyRegex(t.pattern)) {
        risky = t.pattern;
        warning = `/${t.pattern}/ has nested repetition and may be very slow; the search can be stopped at any time`;
      }
    }
  }
  const include = (spec.include ?? []).filter((t) => t.pattern !== '');
  const exclude = (spec.exclude ?? []).filter((t) => t.pattern !== '');
  const clean: FilterSpec = { ...spec, include, exclude };
  const all = !include.length && !exclude.length && !spec.programs?.length && spec.from === undefined && spec.to === undefined;
  return { ok: true, filter: { spec: clean, encoding, all }, warning, risky };
}

export { asciiLower };

function regexFor(t: FilterTerm, global: boolean): RegExp {
  const flags = (global ? 'gm' : '') + (t.caseSensitive ? '' : 'i');
  if (!t.regex) return new RegExp(escapeRe(t.pattern), flags);
  try {
    return new RegExp(t.pattern, flags + 'u');
  } catch {
    return new RegExp(t.pattern, flags);
  }
}

const nonAscii = (s: string) => /[^\x00-\x7f]/.test(s);

function termTest(t: FilterTerm, enc: LogEncoding): TermTest {
  const transparent = asciiTransparent(enc);
  if (!t.regex) {
    if (transparent && (t.caseSensitive || !nonAscii(t.pattern)) && (enc === 'utf-8' || !nonAscii(t.pattern))) {
      // Byte-exact comparison on the latin1 form (one byte = one char): no decoding needed.
      const lat = Buffer.from(t.pattern, 'utf8').toString('latin1');
      if (t.caseSensitive) return { test: (l) => l().includes(lat) };
      const low = lat.toLowerCase();
      const re = new RegExp(escapeRe(lat), 'i');
      return { test: (l) => (low.length > 16 ? l().toLowerCase().includes(low) : re.test(l())) };
    }
    const p = t.caseSensitive ? t.pattern : t.pattern.toLowerCase();
    return { test: (_l, x) => (t.caseSensitive ? x() : x().toLowerCase()).includes(p) };
  }
  const re = regexFor(t, false);
  return { test: (_l, x) => re.test(x()) };
}

/** Called for each matching line: buf[start, end) without the newline, at file `offset`. Return false to stop. */
export type MatchCallback = (buf: Buffer, start: number, end: number, offset: number) => boolean | void;

export interface RunOptions extends ScanOptions {
  /** Year for traditional timestamps at the start of the file (time filters). */
  baseYear?: number;
  /** Called after each block with the bytes scanned so far. */
  onProgress?: (bytes: number) => void;
  /** Called after each block was searched (the viewer's worker counts line numbers with it). */
  onBlock?: (buf: Buffer, from: number, to: number, offset: number) => void;
}

/**
 * Scans a file and calls `onMatch` for each line the filter keeps. Literal include terms are
 * searched in the raw bytes (Buffer.indexOf, or a case-insensitive search over the block's latin1
 * form) and only candidate lines are looked at more closely.
 */
export async function runFilter(file: string, f: CompiledFilter, onMatch: MatchCallback, opts: RunOptions = {}): Promise<{ bytes: number; stopped: boolean }> {
  const scan = blockScanner(f, opts.baseYear ?? new Date().getFullYear());
  let stopped = false;
  const bytes = await forEachLineBlock(
    file,
    (buf, from, to, offset) => {
      if (scan(buf, from, to, offset, onMatch) === false) {
        stopped = true;
        return false;
      }
      opts.onBlock?.(buf, from, to, offset);
      opts.onProgress?.(offset + to - from);
    },
    opts,
  );
  return { bytes, stopped };
}

/** The per-block matcher (exported for the follower, which filters appended text the same way). */
export function blockScanner(f: CompiledFilter, baseYear: number): (buf: Buffer, from: number, to: number, offset: number, onMatch: MatchCallback) => boolean {
  const { spec, encoding } = f;
  const decode = makeDecoder(encoding);
  const include = spec.include ?? [];
  const exclude = spec.exclude ?? [];
  const transparent = asciiTransparent(encoding);
  // The first include term drives the block-level search when it can.
  const lead = include[0];
  const leadLiteralBytes = lead && !lead.regex && transparent && (lead.caseSensitive || !nonAscii(lead.pattern)) && (encoding === 'utf-8' || !nonAscii(lead.pattern)) ? Buffer.from(lead.pattern, 'utf8') : undefined;
  // -i with an ASCII pattern: search an ASCII-lowercased copy of the block for the lowercased bytes.
  const leadLower = leadLiteralBytes && !lead.caseSensitive && !nonAscii(lead.pattern) ? Buffer.from(lead.pattern.toLowerCase(), 'latin1') : undefined;
  const leadLatinRe = leadLiteralBytes && !lead.caseSensitive && !leadLower ? new RegExp(escapeRe(leadLiteralBytes.toString('latin1')), 'gi') : undefined;
  const leadRegex = lead && lead.regex && transparent ? regexFor(lead, true) : undefined;
  // A case-sensitive expression with a literal every match holds: only the lines holding the
  // literal (found in the raw bytes) are decoded and tested, each on its own.
  const required = leadRegex && lead.caseSensitive ? requiredLiteral(lead.pattern) : undefined;
  const requiredBytes = required !== undefined ? Buffer.from(required, 'latin1') : undefined;
  const leadAlone = requiredBytes ? regexFor(lead, false) : undefined;
  const leadHandled = !!(leadLiteralBytes || leadRegex);
  const restInclude = (leadHandled ? include.slice(1) : include).map((t) => termTest(t, encoding));
  const excludeTests = exclude.map((t) => termTest(t, encoding));
  const lineOk = lineChecker(restInclude, excludeTests, spec, baseYear, decode);
  const needLine = restInclude.length > 0 || excludeTests.length > 0 || !!spec.programs?.length || spec.from !== undefined || spec.to !== undefined;

  return (buf, from, to, offset, onMatch) => {
    const lineEnd = (p: number) => {
      const nl = buf.indexOf(10, p);
      return nl < 0 || nl >= to ? to : nl;
    };
    const emit = (s: number, e: number) => {
      const ee = e > s && buf[e - 1] === 13 ? e - 1 : e; // CRLF: the CR is not part of the text
      if (needLine && !lineOk(buf, s, ee)) return true;
      return onMatch(buf, s, ee, offset + s - from) !== false;
    };
    if (leadLiteralBytes && !leadLatinRe) {
      const pat = leadLower ?? leadLiteralBytes;
      const hay = leadLower ? asciiLower(buf, from, to) : buf;
      const shift = leadLower ? from : 0; // buf index = hay index + shift
      const hayEnd = to - shift;
      let p = from - shift;
      while (p < hayEnd) {
        const h = hay.indexOf(pat, p);
        if (h < 0 || h >= hayEnd) break;
        const hit = h + shift;
        const ls = hit > from ? buf.lastIndexOf(10, hit - 1) + 1 : from;
        const e = lineEnd(hit);
        if (hit + pat.length > e) {
          p = h + 1; // the hit crosses a newline (pattern with \n): no line holds it
          continue;
        }
        if (!emit(ls < from ? from : ls, e)) return false;
        p = e + 1 - shift;
      }
      return true;
    }
    if (requiredBytes && leadAlone) {
      let p = from;
      while (p < to) {
        const hit = buf.indexOf(requiredBytes, p);
        if (hit < 0 || hit >= to) break;
        const ls0 = hit > from ? buf.lastIndexOf(10, hit - 1) + 1 : from;
        const ls = ls0 < from ? from : ls0;
        const e = lineEnd(hit);
        const te = e > ls && buf[e - 1] === 13 ? e - 1 : e;
        if (leadAlone.test(decode(buf, ls, te)) && !emit(ls, e)) return false;
        p = e + 1;
      }
      return true;
    }
    if (leadLatinRe || leadRegex) {
      const ascii = isAscii(buf.subarray(from, to));
      const str = leadLatinRe || ascii ? buf.toString('latin1', from, to) : decode(buf, from, to);
      const re = (leadLatinRe ?? leadRegex)!;
      const exact = leadLatinRe || ascii; // string index == byte index
      let strPos = 0;
      let bytePos = from;
      re.lastIndex = 0;
      for (let m = re.exec(str); m; m = re.exec(str)) {
        const ls = m.index > 0 ? str.lastIndexOf('\n', m.index - 1) + 1 : 0;
        let le = str.indexOf('\n', m.index);
        if (le < 0) le = str.length;
        re.lastIndex = le + 1;
        // An empty match after the block's last newline is not a line.
        if (ls >= str.length) break;
        const cr = le > ls && str.charCodeAt(le - 1) === 13;
        if (m.index + m[0].length > le || (cr && m.index + m[0].length >= le - 1)) {
          // The match crossed a line end, or touched a CRLF's CR (which JS's ^ and $ see as a
          // line end): test the line, without its CR, on its own.
          const line = str.slice(ls, cr ? le - 1 : le);
          const alone = leadLatinRe ? new RegExp(re.source, 'i') : regexFor(lead, false);
          if (!alone.test(line)) continue;
        }
        let bs: number;
        if (exact) bs = from + ls;
        else {
          // Map by counting newlines, which every supported encoding keeps one-to-one.
          let nl = 0;
          for (let i = str.indexOf('\n', strPos); i >= 0 && i < ls; i = str.indexOf('\n', i + 1)) nl++;
          let b = bytePos;
          for (; nl > 0; nl--) b = buf.indexOf(10, b) + 1;
          strPos = ls;
          bytePos = b;
          bs = b;
        }
        const be = lineEnd(bs);
        if (!emit(bs, be)) return false;
        if (m[0].length === 0 && re.lastIndex <= m.index) re.lastIndex = m.index + 1;
      }
      return true;
    }
    // No lead term: look at every line.
    let s = from;
    while (s < to) {
      const e = lineEnd(s);
      if (!emit(s, e)) return false;
      s = e + 1;
    }
    return true;
  };
}

/**
 * The per-line part of a filter: program, time, and the given include and exclude tests, for a
 * line buf[s, e) without its newline (the ripgrep search applies it to the lines rg found).
 */
function lineChecker(restInclude: TermTest[], excludeTests: TermTest[], spec: FilterSpec, baseYear: number, decode: (buf: Buffer, s: number, e: number) => string): (buf: Buffer, s: number, e: number) => boolean {
  const programs = spec.programs?.length ? new Set(spec.programs) : undefined;
  const timed = spec.from !== undefined || spec.to !== undefined;
  const years = new YearTracker(baseYear);

  return (buf: Buffer, s: number, e: number): boolean => {
    let lat: string | undefined;
    let txt: string | undefined;
    const L = () => (lat ??= buf.toString('latin1', s, e));
    const X = () => (txt ??= decode(buf, s, e));
    if (programs || timed) {
      const head = buf.toString('latin1', s, Math.min(e, s + 200));
      const h = formatTime(spec.format, head) ?? parseSyslogHeader(head);
      if (!h) return false;
      if (programs && (!h.program || !programs.has(h.program))) return false;
      if (timed) {
        const y = h.year ?? years.yearOf(h.month);
        const ms = hourKey(y, h.month, h.day, h.hour) * 3_600_000 + h.minute * 60_000 + h.second * 1000;
        if (spec.from !== undefined && ms < spec.from) return false;
        if (spec.to !== undefined && ms >= spec.to) return false;
      }
    }
    for (const t of restInclude) if (!t.test(L, X)) return false;
    for (const t of excludeTests) if (t.test(L, X)) return false;
    return true;
  };
}

/** A line test for every term but the lead one (include[0], or exclude[0] when `leadExcluded`). */
export function restChecker(f: CompiledFilter, baseYear: number, leadExcluded: boolean): (buf: Buffer, s: number, e: number) => boolean {
  const inc = (f.spec.include ?? []).slice(leadExcluded ? 0 : 1).map((t) => termTest(t, f.encoding));
  const exc = (f.spec.exclude ?? []).slice(leadExcluded ? 1 : 0).map((t) => termTest(t, f.encoding));
  return lineChecker(inc, exc, f.spec, baseYear, makeDecoder(f.encoding));
}
