// Hostile inputs for the robustness fuzzers: random text and bytes, token soups, mutations of
// the project's fixtures, and pathological shapes (deep nesting, unterminated strings, huge lines).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

/** Every text file under a fixture folder (skipping JSON test descriptions and large files). */
export function fixtureTexts(dir: string, max = 200): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let items: fs.Dirent[];
    try {
      items = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const it of items.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (out.length >= max) return;
      const full = path.join(d, it.name);
      if (it.isDirectory()) walk(full);
      else if (it.isFile() && !/\.(json|ts|gz)$/.test(it.name)) {
        try {
          const st = fs.statSync(full);
          if (st.size > 0 && st.size < 256 * 1024) out.push(fs.readFileSync(full, 'utf8'));
        } catch {
          // A fixture that vanished is simply not a seed.
        }
      }
    }
  };
  walk(path.join(FIXTURES, dir));
  return out;
}

/** The words and punctuation of the seeds, so that random soups look like the language. */
export function tokensOf(seeds: string[], max = 400): string[] {
  const set = new Set<string>();
  for (const s of seeds) {
    for (const t of s.split(/(\s+|[{}()[\]<>="',;:/])/)) {
      if (t && t.length < 40) set.add(t);
      if (set.size >= max) break;
    }
  }
  return [...set, ...SPECIAL_TOKENS];
}

/** Characters and fragments that break naive parsers. */
export const SPECIAL_TOKENS = [
  '\n', '\r\n', '\r', '\t', ' ', '\0', '\\', '\\\n', '"', "'", '`', '{', '}', '(', ')', '[', ']', '<', '>', '</', '/>',
  '<!--', '-->', '<![CDATA[', ']]>', '<?xml', '?>', '&', '&amp;', '&#x', '$', '${', '%', '#', ';', '=', ':', ',', '.', '*', '-', '--', '!',
  '\u202e', '\u2066', '\u200b', '\ufeff', '\ufffd', '\x1b[31m', '\ud800', '\udfff', '😀', '日本語', 'ｱ', '\u0085', '\u2028',
  'module(load="', 'action(type="omfile"', 'if $msg contains', 'then', 'else', 'template(', 'ruleset(', 'include(',
  'postrotate', 'endscript', 'prerotate', '/var/log/*.log {', '[Journal]', 'Storage=', '*filter', 'COMMIT', '-A INPUT',
  ':INPUT ACCEPT [0:0]', '<zone>', '<rule>', '[x](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', '```', '<script>', '<service name="', '<port port="', '"/>', '9999999999999999999999', '-1', '0x', '1e999',
];

/** Random bytes decoded as the server decodes files: UTF-8 with replacement characters. */
export const randomBytesText = fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('utf8'));

/** Random text from the whole of Unicode, lone surrogates included. */
export const randomText = fc.string({ unit: 'binary', maxLength: 1500 });

/** A soup of the language's own tokens. */
export function tokenSoup(tokens: string[]) {
  return fc.array(fc.constantFrom(...tokens), { maxLength: 300 }).map((a) => a.join(''));
}

type Mutation = (s: string, r: number[], tokens: string[]) => string;

const at = (s: string, x: number) => Math.floor(x * (s.length + 1));
const MUTATIONS: Mutation[] = [
  (s, r) => s.slice(0, at(s, r[0])) + s.slice(at(s, r[0]) + Math.floor(r[1] * 40)), // delete a span
  (s, r, t) => s.slice(0, at(s, r[0])) + t[Math.floor(r[1] * t.length)] + s.slice(at(s, r[0])), // insert a token
  (s, r) => {
    const a = at(s, r[0]);
    const b = Math.min(s.length, a + Math.floor(r[1] * 80));
    return s.slice(0, b) + s.slice(a, b) + s.slice(b); // duplicate a span
  },
  (s, r) => s.slice(0, at(s, r[0])), // truncate (unterminated everything)
  (s, r) => {
    const lines = s.split('\n');
    const i = Math.floor(r[0] * lines.length);
    const j = Math.floor(r[1] * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n'); // swap lines
  },
  (s) => s.replace(/\n/g, '\r\n'), // CRLF
  (s, r) => {
    const a = at(s, r[0]);
    return s.slice(0, a) + String.fromCharCode(Math.floor(r[1] * 0x10000)) + s.slice(a + 1); // replace a code unit
  },
  (s, r) => {
    const a = at(s, r[0]);
    const c = s.charAt(a) || 'x';
    return s.slice(0, a) + c.repeat(Math.floor(r[1] * 2000)) + s.slice(a); // a run of one character
  },
];

/** A fixture with a few random mutations applied. */
export function mutatedSeed(seeds: string[], tokens: string[]) {
  return fc
    .tuple(
      fc.nat({ max: Math.max(0, seeds.length - 1) }),
      fc.array(fc.tuple(fc.nat({ max: MUTATIONS.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
        minLength: 1,
        maxLength: 8,
      }),
    )
    .map(([i, muts]) => muts.reduce((s, [m, a, b]) => MUTATIONS[m](s, [a, b >= 1 ? 0.999 : b], tokens), seeds[i] ?? ''));
}

/** Small versions of the pathological shapes (the scaling check uses big ones). */
export const smallPathological = fc.tuple(fc.nat({ max: PATHOLOGICAL().length - 1 }), fc.integer({ min: 1, max: 400 })).map(([i, n]) => PATHOLOGICAL()[i].make(n));

/** Shapes that make naive parsers recurse, backtrack or rescan: `make(n)` is about n units long. */
export function PATHOLOGICAL(seed = ''): { name: string; make: (n: number) => string }[] {
  const rep = (s: string, n: number) => s.repeat(Math.max(1, Math.floor(n / s.length)));
  return [
    { name: 'brace nesting {{{', make: (n) => rep('{', n) },
    { name: 'paren nesting (((', make: (n) => rep('(', n) },
    { name: 'xml nesting <a><a>', make: (n) => rep('<a>', n) },
    { name: 'if nesting', make: (n) => rep('if $msg contains "x" then {\n', n) },
    { name: 'unterminated "', make: (n) => '"' + rep('a\\"', n) },
    { name: 'unterminated script', make: (n) => '/var/log/x {\npostrotate\n' + rep('echo x\n', n) },
    { name: 'quotes ""', make: (n) => rep('"', n) },
    { name: 'one long line', make: (n) => rep('ab= c', n) },
    { name: 'long token', make: (n) => rep('a', n) },
    { name: 'many lines', make: (n) => rep('x\n', n) },
    { name: 'backslash continuation', make: (n) => rep('a \\\n', n) },
    { name: 'spaces', make: (n) => rep(' \t', n) },
    { name: 'xml attributes', make: (n) => '<zone ' + rep('a="b" ', n) + '>' },
    { name: 'xml comments', make: (n) => rep('<!--', n) },
    { name: 'cdata', make: (n) => '<![CDATA[' + rep(']', n) },
    { name: 'ini sections', make: (n) => rep('[a]\nb=c\n', n) },
    { name: 'ini unterminated section', make: (n) => rep('[', n) },
    { name: 'iptables args', make: (n) => '*filter\n-A INPUT ' + rep('-m a ', n) + '\nCOMMIT\n' },
    { name: 'iptables quotes', make: (n) => '*filter\n-A INPUT --comment ' + rep('"\\', n) + '\n' },
    { name: 'repeated seed', make: (n) => (seed ? seed.repeat(Math.max(1, Math.ceil(n / seed.length))) : rep('#\n', n)) },
    { name: 'NUL and CR', make: (n) => rep('\0\r', n) },
    { name: 'dots and stars', make: (n) => rep('.*', n) },
    { name: 'digits', make: (n) => rep('9', n) },
    { name: 'ip-like', make: (n) => rep('1.', n) },
  ];
}

/** Any of the above for one target. */
export function anyInput(seeds: string[], tokens: string[]) {
  return fc.oneof(
    { arbitrary: mutatedSeed(seeds, tokens), weight: 4 },
    { arbitrary: tokenSoup(tokens), weight: 3 },
    { arbitrary: randomText, weight: 1 },
    { arbitrary: randomBytesText, weight: 1 },
    { arbitrary: smallPathological, weight: 1 },
  );
}
