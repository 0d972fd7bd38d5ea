// Searching through ripgrep (rg) when it is there: the CLI's `rg` on PATH, VS Code's bundled rg in
// the viewer. rg finds the lines of one term (the lead); the other terms, program and time
// filters run on those lines in JS. A filter rg cannot run with the same meaning (see rgPlan)
// goes to the JS engine (filter.ts), which stays the reference.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { restChecker, type CompiledFilter, type FilterTerm } from './filter';
import { isGzPath } from './reader';
import { requiredLiteral } from './regexLiteral';
import { rustRegex } from './rgRegex';

const RUST_META = /[\\.+*?()|[\]{}^$#&\-~]/g;
const nonAscii = (s: string) => /[^\x00-\x7f]/.test(s);

/** How rg runs a filter: its arguments (without the file) and what JS checks afterwards. */
export interface RgPlan {
  args: string[];
  /** The lead term is an exclude term (rg -v). */
  invert: boolean;
  /** Whether rg's byte offsets are file offsets (false when rg transcodes). */
  offsets: boolean;
  /** Something besides the lead term must be checked on each line. */
  rest: boolean;
  /** The filter as the JS per-line checks see rg's output (transcoded text is UTF-8). */
  textFilter: CompiledFilter;
  /**
   * A literal every line the lead regex keeps contains. A count then runs two rg: the first keeps
   * the lines holding the literal (a plain substring search, many times faster than the regex),
   * the second runs the regex on those lines only.
   */
  literal?: string;
}

/** The rg pattern for one term, or undefined when its meaning would differ from the JS engine's. */
export function rgPattern(t: FilterTerm, encoding: CompiledFilter['encoding']): string | undefined {
  if (/[\n\r\0]/.test(t.pattern)) return undefined;
  const latin = encoding === 'iso-8859-1';
  if (!t.regex) {
    if (nonAscii(t.pattern) && (latin || !t.caseSensitive)) return undefined;
    const esc = t.pattern.replace(RUST_META, '\\$&');
    // ASCII-only case folding, as the JS engine does for ASCII literals.
    return t.caseSensitive ? esc : `(?i-u:${esc})`;
  }
  if (latin) return undefined;
  const r = rustRegex(t.pattern);
  if (r === undefined) return undefined;
  return t.caseSensitive ? r : `(?i)${r}`;
}

/**
 * A case-insensitive ASCII literal for rg's PCRE2 engine without Unicode (ASCII-only folding, as
 * the JS engine does), or undefined for any other term. PCRE2's search for such a literal is
 * about twice as fast as rg's default engine's; a backslash before any ASCII character other
 * than a letter or digit means that character itself.
 */
export function pcreCaselessLiteral(t: FilterTerm): string | undefined {
  if (t.regex || t.caseSensitive || nonAscii(t.pattern) || /[\n\r\0]/.test(t.pattern)) return undefined;
  return '(?i)' + t.pattern.replace(/[^A-Za-z0-9]/g, '\\$&');
}

/** What one rg says to a question, asked once per rg and question. */
const asked = new Map<string, { status: number | null; stdout: string }>();
function ask(rg: string, arg: string): { status: number | null; stdout: string } {
  const key = `${rg}\0${arg}`;
  let r = asked.get(key);
  if (!r) {
    const p = spawnSync(rg, [arg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    r = { status: p.status, stdout: p.stdout ?? '' };
    asked.set(key, r);
  }
  return r;
}

/** Whether an rg was built with PCRE2 (`rg --pcre2-version` exits 0). */
export function rgHasPcre2(rg: string): boolean {
  return ask(rg, '--pcre2-version').status === 0;
}

/**
 * Whether an rg (its `--version` text) searches a regex whose literals share a prefix slowly:
 * ripgrep before 14 (Debian 12 ships 13) looks for `status=(deferred|bounced)` by its two whole
 * literals, whose common start matches everywhere, and counts it slower than grep -E; from 14 on
 * (VS Code bundles 15) its regex engine picks a rarer literal and counts it in a quarter of grep's
 * time. A count through the required literal first (countThroughLiteral) only pays for the old one.
 */
export function slowRegexLiterals(versionText: string): boolean {
  const m = /^ripgrep (\d+)\./m.exec(versionText);
  return !!m && Number(m[1]) < 14;
}

/**
 * The plan for a filter, or undefined when the JS engine must run it. With `pcre2` (the rg has
 * it: rgHasPcre2, or a function asking that), a case-insensitive ASCII literal lead term is
 * searched by PCRE2.
 */
export function rgPlan(f: CompiledFilter, opts: { pcre2?: boolean | (() => boolean) } = {}): RgPlan | undefined {
  const inc = f.spec.include ?? [];
  const exc = f.spec.exclude ?? [];
  const invert = !inc.length;
  const lead = invert ? exc[0] : inc[0];
  if (!lead) return undefined;
  // Asked only when it matters (a function: the probe spawns rg once).
  let pcre = opts.pcre2 ? pcreCaselessLiteral(lead) : undefined;
  if (pcre !== undefined && typeof opts.pcre2 === 'function' && !opts.pcre2()) pcre = undefined;
  const pat = pcre ?? rgPattern(lead, f.encoding);
  if (pat === undefined) return undefined;
  const transcoded = f.encoding === 'shift_jis' || f.encoding === 'euc-jp';
  const args = ['--no-config', '--text', '--no-heading', '--no-filename', '--color', 'never', '--crlf', '-j1', '-s'];
  args.push('--encoding', transcoded ? f.encoding : 'none');
  if (pcre) args.push('-P', '--no-pcre2-unicode');
  if (invert) args.push('-v');
  args.push('-e', pat);
  const rest = inc.length + exc.length > 1 || !!f.spec.programs?.length || f.spec.from !== undefined || f.spec.to !== undefined;
  const textFilter: CompiledFilter = transcoded ? { ...f, encoding: 'utf-8' } : f;
  const literal = lead.regex && lead.caseSensitive && !invert && !transcoded ? requiredLiteral(lead.pattern) : undefined;
  return { args, invert, offsets: !transcoded, rest, textFilter, ...(literal ? { literal } : {}) };
}

/** `rg` on PATH (or the given file when it is executable), else undefined. */
export function findRg(explicit?: string): string | undefined {
  const ok = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (explicit) return ok(explicit) ? explicit : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && ok(path.join(dir, 'rg'))) return path.join(dir, 'rg');
  }
  return undefined;
}

/** VS Code's own rg under its install (`vscode.env.appRoot`), plain or in the asar-unpacked tree. */
export function bundledRg(appRoot: string): string | undefined {
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  for (const nm of ['node_modules', 'node_modules.asar.unpacked']) {
    const p = findRg(path.join(appRoot, nm, '@vscode', 'ripgrep', 'bin', exe));
    if (p) return p;
  }
  return undefined;
}

/** Called for each kept line: text buf[s, e) (UTF-8 when rg transcoded), line number from 0, file offset or -1. */
export type RgMatch = (buf: Buffer, s: number, e: number, line: number, offset: number) => boolean | void;

/**
 * How an rg ends: resolves when it exits with 0 or 1 (no match), or was stopped (`stopped()`),
 * rejects with the last line it wrote to stderr otherwise. Tells onSpawn when it starts and ends.
 */
function settled(p: ChildProcess, onSpawn?: (pid: number, running: boolean) => void, stopped = () => false): Promise<void> {
  if (p.pid !== undefined) onSpawn?.(p.pid, true);
  let err = '';
  p.stderr!.on('data', (b: Buffer) => {
    if (err.length < 4000) err += b.toString();
  });
  return new Promise((resolve, reject) => {
    p.on('error', reject);
    p.on('close', (code) => {
      if (p.pid !== undefined) onSpawn?.(p.pid, false);
      if (stopped() || code === 0 || code === 1) resolve();
      else reject(new Error(err.trim().split('\n').pop() || `rg exited with code ${code}`));
    });
  });
}

async function run(rg: string, args: string[], onData: (b: Buffer) => boolean, stop?: AbortSignal, onSpawn?: (pid: number, running: boolean) => void, stdin: 'ignore' | number | NonNullable<ChildProcess['stdout']> = 'ignore'): Promise<{ stopped: boolean }> {
  const p = spawn(rg, args, { stdio: [stdin, 'pipe', 'pipe'] });
  let stopped = false;
  const kill = () => {
    stopped = true;
    p.kill();
  };
  stop?.addEventListener('abort', kill);
  p.stdout!.on('data', (b: Buffer) => {
    if (!stopped && !onData(b)) kill();
  });
  try {
    await settled(p, onSpawn, () => stopped);
  } finally {
    stop?.removeEventListener('abort', kill);
  }
  return { stopped };
}

/** slowRegexLiterals of an rg's own `rg --version` (asked once). */
export function rgSlowOnRegexLiterals(rg: string): boolean {
  return slowRegexLiterals(ask(rg, '--version').stdout);
}

/**
 * Counts the lines a filter keeps in one file with rg (the plan must have no `rest`): a regex with a
 * required literal through that literal first when this rg's regex engine is the old one.
 */
export async function rgCount(rg: string, file: string, plan: RgPlan, onSpawn?: (pid: number, running: boolean) => void): Promise<number> {
  if (plan.literal && rgSlowOnRegexLiterals(rg)) return countThroughLiteral(rg, file, plan, plan.literal, onSpawn);
  return countWith(rg, [...plan.args, '--count'], file, onSpawn);
}

/**
 * The count of a regex with a required literal: `rg -F LITERAL FILE | rg -c REGEX`. The lines
 * without the literal cannot match, so the count is the same; the two run on two cores.
 */
async function countThroughLiteral(rg: string, file: string, plan: RgPlan, literal: string, onSpawn?: (pid: number, running: boolean) => void): Promise<number> {
  const firstArgs = ['--no-config', '--text', '--no-heading', '--no-filename', '--no-line-number', '--color', 'never', '-j1', '-s', '--encoding', 'none', '-F', '-e', literal, ...(isGzPath(file) ? ['-z'] : []), '--', file];
  const first = spawn(rg, firstArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  const firstDone = settled(first, onSpawn);
  firstDone.catch(() => undefined); // awaited below
  let out = '';
  try {
    await run(rg, [...plan.args, '--count', '-'], (b) => ((out += b.toString()), true), undefined, onSpawn, first.stdout!);
  } finally {
    // This process keeps no copy of the pipe's read end (the second rg has its own).
    first.stdout!.destroy();
    if (first.exitCode === null) first.kill();
  }
  await firstDone;
  return out.trim() ? Number(out.trim()) : 0;
}

/** Lines in a file (a last line without a newline counts), counted by rg. */
export async function rgLineCount(rg: string, file: string, onSpawn?: (pid: number, running: boolean) => void): Promise<number> {
  return countWith(rg, ['--no-config', '--text', '--no-filename', '--encoding', 'none', '--count', '-e', ''], file, onSpawn);
}

/**
 * rg's count of the lines of a plain file from byte `start` (a line start) to its end. rg reads
 * the file as its stdin, positioned at `start` by dd (a seek: nothing is copied), so another
 * thread can count the part before `start` meanwhile.
 */
export async function rgCountFrom(rg: string, file: string, plan: RgPlan, start: number): Promise<number> {
  const fd = fs.openSync(file, 'r');
  try {
    let out = '';
    const script = 'dd bs=1 skip="$1" count=0 2>/dev/null || exit 2; shift; exec "$@"';
    await run('sh', ['-c', script, 'sh', String(start), rg, ...plan.args, '--count', '-'], (b) => ((out += b.toString()), true), undefined, undefined, fd);
    return out.trim() ? Number(out.trim()) : 0;
  } finally {
    fs.closeSync(fd);
  }
}

async function countWith(rg: string, args: string[], file: string, onSpawn?: (pid: number, running: boolean) => void): Promise<number> {
  let out = '';
  await run(rg, [...args, ...(isGzPath(file) ? ['-z'] : []), '--', file], (b) => ((out += b.toString()), true), undefined, onSpawn);
  return out.trim() ? Number(out.trim()) : 0;
}

/** Runs a filter over one file with rg; lines arrive in file order. */
export async function rgFilter(rg: string, file: string, plan: RgPlan, onMatch: RgMatch, opts: { baseYear?: number; signal?: AbortSignal; onSpawn?: (pid: number, running: boolean) => void } = {}): Promise<{ stopped: boolean }> {
  const check = plan.rest ? restChecker(plan.textFilter, opts.baseYear ?? new Date().getFullYear(), plan.invert) : undefined;
  const args = [...plan.args, '-n', ...(plan.offsets ? ['-b'] : []), ...(isGzPath(file) ? ['-z'] : []), '--', file];
  let left: Buffer | undefined;
  let done = false;
  const r = await run(
    rg,
    args,
    (chunk) => {
      const buf = left ? Buffer.concat([left, chunk]) : chunk;
      let s = 0;
      for (;;) {
        const nl = buf.indexOf(10, s);
        if (nl < 0) break;
        // LINE:OFFSET:text or LINE:text
        let p = s;
        let line = 0;
        for (let c = buf[p]; c !== 58; c = buf[++p]) line = line * 10 + c - 48;
        let offset = -1;
        if (plan.offsets) {
          offset = 0;
          for (let c = buf[++p]; c !== 58; c = buf[++p]) offset = offset * 10 + c - 48;
        }
        const ts = p + 1;
        const te = nl > ts && buf[nl - 1] === 13 ? nl - 1 : nl;
        s = nl + 1;
        if (check && !check(buf, ts, te)) continue;
        if (onMatch(buf, ts, te, line - 1, offset) === false) {
          done = true;
          return false;
        }
      }
      left = s < buf.length ? Buffer.from(buf.subarray(s)) : undefined;
      return true;
    },
    opts.signal,
    opts.onSpawn,
  );
  return { stopped: r.stopped || done };
}
