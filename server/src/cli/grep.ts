import * as path from 'node:path';
import { compileFilter, findRg, hybridCount, isGzPath, parallelCount, rgFilter, rgHasPcre2, rgPlan, runFilter, type FilterSpec } from '../logs/engine';
import { describeFsError, fileProblem, parseArgs, terminalSafe, usageError } from './common';

const FLAGS = {
  '--count': false,
  '-c': false,
  '-i': false,
  '--ignore-case': false,
  '--regex': false,
  '-E': false,
  '-v': false,
  '--invert': false,
  '-e': true,
  '-H': false,
  '-h': false,
  '--engine': true,
  '--rg': true,
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Every `-e PATTERN` (or `-ePATTERN`) apart from the other arguments: the parser keeps only the last of a repeated flag. */
export function takePatterns(args: string[]): { extra: string[]; rest: string[] } {
  const extra: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-e') {
      if (args[i + 1] === undefined) throw usageError("option '-e' needs a value");
      extra.push(args[++i]);
    } else if (args[i].startsWith('-e') && args[i].length > 2 && !args[i].startsWith('--')) extra.push(args[i].slice(2));
    else rest.push(args[i]);
  }
  return { extra, rest };
}

/** Output in big writes: a match costs a copy, not a syscall. */
class Out {
  private buf = Buffer.allocUnsafe(1 << 20);
  private n = 0;
  put(b: Buffer | string, s = 0, e?: number): void {
    const src = typeof b === 'string' ? Buffer.from(b) : b;
    const end = e ?? src.length;
    if (this.n + end - s > this.buf.length) this.flush();
    if (end - s > this.buf.length) {
      process.stdout.write(Buffer.from(src.subarray(s, end)));
      return;
    }
    this.n += src.copy(this.buf, this.n, s, end);
  }
  flush(): void {
    if (this.n) process.stdout.write(Buffer.from(this.buf.subarray(0, this.n)));
    this.n = 0;
  }
}

/**
 * `grep [--count] [-i] [--regex] [-v] [-e PATTERN]... PATTERN FILE...` over the log engine: matching
 * lines (prefixed with `file:` when there are several files) or their count. .gz files are read
 * decompressed. Exit 0 when something matched, 1 when nothing did, 2 on error — as grep does.
 */
export async function runGrep(args: string[]): Promise<number> {
  const { extra, rest } = takePatterns(args);
  const { flags, rest: pos } = parseArgs(rest, FLAGS);
  const patterns = extra.length ? extra : pos.splice(0, 1);
  if (!patterns.length || patterns[0] === undefined) throw usageError('grep needs a PATTERN');
  const files = pos;
  if (!files.length) throw usageError('grep needs at least one FILE');
  const count = !!(flags['--count'] || flags['-c']);
  const icase = !!(flags['-i'] || flags['--ignore-case']);
  const regex = !!(flags['--regex'] || flags['-E']);
  const invert = !!(flags['-v'] || flags['--invert']);
  const prefix = flags['-h'] ? false : files.length > 1 || !!flags['-H'];
  // Several -e patterns: a line matches when any of them does (grep's rule).
  const pattern = patterns.length === 1 ? patterns[0] : patterns.map((p) => `(?:${regex ? p : escapeRe(p)})`).join('|');
  const term = { pattern, regex: regex || patterns.length > 1, caseSensitive: !icase };
  const spec: FilterSpec = invert ? { exclude: [term] } : { include: [term] };
  const compiled = compileFilter(spec);
  if (!compiled.ok) throw usageError(compiled.error);
  if (compiled.warning) process.stderr.write(`linux-admin-configs: warning: ${compiled.warning}\n`);
  // ripgrep on PATH searches when the filter means the same to it; the JS engine otherwise.
  const engine = flags['--engine'] ?? 'auto';
  if (engine !== 'auto' && engine !== 'rg' && engine !== 'js') throw usageError("'--engine' must be auto, rg or js");
  // --rg FILE: another rg than the one on PATH (VS Code's bundled one, say).
  const rgFile = typeof flags['--rg'] === 'string' ? flags['--rg'] : undefined;
  const rg = engine === 'js' ? undefined : findRg(rgFile);
  if (rgFile !== undefined && engine !== 'js' && !rg) throw usageError(`'--rg ${rgFile}': not an executable file`);
  if (engine === 'rg' && !rg) throw usageError("'--engine rg': no rg on PATH (install ripgrep)");
  const plan = rg ? rgPlan(compiled.filter, { pcre2: () => rgHasPcre2(rg) }) : undefined;
  if (engine === 'rg' && !plan) process.stderr.write('linux-admin-configs: note: this pattern means something else to rg: searched without it\n');

  const out = new Out();
  let total = 0;
  let failed = false;
  for (const file of files) {
    let n = 0;
    const head = prefix ? Buffer.from(file + ':') : undefined;
    // A FIFO would block and /dev/zero never ends: only regular files are searched.
    const problem = fileProblem(file);
    if (problem) {
      out.flush();
      process.stderr.write(`linux-admin-configs: ${terminalSafe(problem)}\n`);
      failed = true;
      continue;
    }
    const onLine = (buf: Buffer, s: number, e: number) => {
      n++;
      if (!count) {
        if (head) out.put(head);
        out.put(buf, s, e);
        out.put('\n');
      }
    };
    // A .gz is inflated and searched here: faster than rg -z (which runs gzip), and the JS engine
    // keeps memory bounded on an endless line (a gzip bomb), where rg would hold the whole line.
    const viaRg = rg && plan && !isGzPath(file);
    try {
      // A big file is counted on two cores: rg from a cut to the end, the JS engine before it.
      if (viaRg && count && !plan.rest) n = await hybridCount(rg, file, plan, compiled.filter);
      else if (viaRg) await rgFilter(rg, file, plan, onLine);
      // Without rg, a count of a big file runs in byte ranges on all cores (dist/statsWorker.js).
      else if (count) n = await parallelCount(file, compiled.filter, { workerScript: path.join(__dirname, 'statsWorker.js'), here: true });
      else await runFilter(file, compiled.filter, onLine);
    } catch (e) {
      out.flush();
      process.stderr.write(`linux-admin-configs: ${describeFsError(file, e)}\n`);
      failed = true;
      continue;
    }
    if (count) out.put(`${head ? file + ':' : ''}${n}\n`);
    total += n;
  }
  out.flush();
  if (failed) return 2;
  return total > 0 ? 0 : 1;
}
