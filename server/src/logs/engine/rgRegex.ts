// Translates the subset of JavaScript regular expressions whose meaning is the same under
// ripgrep's Rust regex engine. Anything outside the subset returns undefined and the JS engine
// searches instead, so both engines always agree.

const RUST_META = new Set([...'\\.+*?()|[]{}^$#&-~']);
const JS_SPACE = '\\t\\n\\x{0B}\\x{0C}\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
const CLASS_ESC: Record<string, string> = { d: '0-9', w: '0-9A-Za-z_', s: JS_SPACE };
const CONTROL: Record<string, string> = { t: '\\t', n: '\\n', r: '\\r', f: '\\x{0C}', v: '\\x{0B}' };

function lit(c: string): string {
  return RUST_META.has(c) ? '\\' + c : c;
}

/** An escape (the char after the backslash) as Rust text, for use outside (inClass false) or inside a class. */
function escape(src: string, i: number, inClass: boolean): { out: string; next: number } | undefined {
  const c = src[i];
  if (c === undefined) return undefined;
  if (CLASS_ESC[c]) return { out: inClass ? CLASS_ESC[c] : `[${CLASS_ESC[c]}]`, next: i + 1 };
  const up = c.toLowerCase();
  if (c !== up && CLASS_ESC[up]) return inClass ? undefined : { out: `[^${CLASS_ESC[up]}]`, next: i + 1 };
  if (CONTROL[c]) return { out: CONTROL[c], next: i + 1 };
  if (c === 'b' && !inClass) return { out: '(?-u:\\b)', next: i + 1 };
  if (c === 'B' && !inClass) return { out: '(?-u:\\B)', next: i + 1 };
  if (c === 'x' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) return { out: `\\x{${src.slice(i + 1, i + 3)}}`, next: i + 3 };
  // Escaped punctuation is the character itself; letters and digits (back-references, \p, \u, \c, \0) are not portable.
  if (/[A-Za-z0-9]/.test(c) || c.charCodeAt(0) > 0x7e || c < ' ') return undefined;
  return { out: lit(c), next: i + 1 };
}

/**
 * The Rust form of a JS regular expression (as the engine compiles it: with the `u` flag), or
 * undefined when the expression uses something whose meaning differs (look-around,
 * back-references, named groups, property escapes, `{,n}`, a pattern only valid without `u`).
 */
export function rustRegex(src: string): string | undefined {
  try {
    new RegExp(src, 'u');
  } catch {
    return undefined;
  }
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      const e = escape(src, i + 1, false);
      if (!e) return undefined;
      out += e.out;
      i = e.next;
    } else if (c === '[') {
      const r = charClass(src, i);
      if (!r) return undefined;
      out += r.out;
      i = r.next;
    } else if (c === '(') {
      if (src[i + 1] === '?') {
        if (src[i + 2] !== ':') return undefined; // look-around, named groups, modifiers
        out += '(?:';
        i += 3;
      } else {
        out += '(';
        i++;
      }
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return undefined;
      out += m[0];
      i += m[0].length;
    } else if (c === '.') {
      out += '[^\\n\\r\\x{2028}\\x{2029}]'; // JS's dot
      i++;
    } else if (c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '^' || c === '$') {
      out += c;
      i++;
    } else if (c === '#' || c === '&' || c === '~' || c === '-' || c === ' ') {
      out += c === ' ' ? ' ' : '\\' + c;
      i++;
    } else if (c === '\n' || c === '\r' || c === '\0') {
      return undefined;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function charClass(src: string, start: number): { out: string; next: number } | undefined {
  let i = start + 1;
  let out = '[';
  if (src[i] === '^') {
    out += '^';
    i++;
  }
  if (src[i] === ']') return undefined; // [] and [^] mean something else in Rust
  while (i < src.length && src[i] !== ']') {
    const c = src[i];
    if (c === '\\') {
      const e = escape(src, i + 1, true);
      if (!e || e.out === '(?-u:\\b)') return undefined;
      // \b in a JS class is a backspace: not portable; the rest are plain.
      if (src[i + 1] === 'b') return undefined;
      out += e.out;
      i = e.next;
    } else if (c === '-' && i > start + 1 && src[i + 1] !== ']' && src[i - 1] !== '[' && src[i - 1] !== '^') {
      out += '-';
      i++;
    } else if (c === '\n' || c === '\r' || c === '\0') {
      return undefined;
    } else {
      out += c === '[' || c === '&' || c === '~' || c === '-' || c === '^' ? '\\' + c : c;
      i++;
    }
  }
  if (src[i] !== ']') return undefined;
  return { out: out + ']', next: i + 1 };
}
