/**
 * `grep`, `stats` and `explain` over the systemd journal (`--journal [DIR|FILE]` with the
 * handbook's filters -u, -t, -p, -b, --since, --until), read through the host's journalctl.
 */
import { explainLine, renderText } from '../logs/explain/index';
import { commandLine, pcreLiteral, takeJournalOptions, withText, type JournalQuery } from '../logs/journal/filters';
import { JournalError } from '../logs/journal/journalctl';
import { entryFields, entryLine, JournalSource } from '../logs/journal/source';
import { localeToDocs } from '../settings';
import { CliError, parseArgs, terminalSafe, usageError } from './common';
import { takePatterns } from './grep';

/** The journal query of a command's arguments, or undefined when there is no --journal. */
export function journalQuery(args: string[]): { query: JournalQuery; rest: string[] } | undefined {
  const r = takeJournalOptions(args);
  if (r.problem) throw usageError(r.problem);
  return r.query ? { query: r.query, rest: r.rest } : undefined;
}

const fail = (e: unknown): never => {
  if (e instanceof JournalError) throw new CliError(e.message, 2);
  throw e;
};

function warnings(src: JournalSource): void {
  for (const w of src.warnings) process.stderr.write(`linux-admin-configs: journalctl: ${terminalSafe(w)}\n`);
}

/** `grep --journal …`: entries whose MESSAGE matches (as journalctl -g does), as syslog lines, or their count. */
export async function journalGrep(query: JournalQuery, args: string[]): Promise<number> {
  const { extra, rest } = takePatterns(args);
  const { flags, rest: pos } = parseArgs(rest, { '--count': false, '-c': false, '-i': false, '--ignore-case': false, '--regex': false, '-E': false, '-v': false, '--invert': false, '--utc': false });
  const patterns = extra.length ? extra : pos.splice(0, 1);
  if (!patterns.length || patterns[0] === undefined) throw usageError('grep needs a PATTERN');
  if (pos.length) throw usageError(`grep --journal reads the journal, not files: '${pos[0]}' (give the journal as --journal DIR|FILE)`);
  const count = !!(flags['--count'] || flags['-c']);
  const icase = !!(flags['-i'] || flags['--ignore-case']);
  const regex = !!(flags['--regex'] || flags['-E']);
  const invert = !!(flags['-v'] || flags['--invert']);
  // The same path as the viewer's text filter: journalctl -g matches MESSAGE (PCRE2) natively.
  const term = { pattern: patterns.length > 1 ? patterns.map((p) => (regex ? `(?:${p})` : pcreLiteral(p))).join('|') : patterns[0], regex: regex || patterns.length > 1, caseSensitive: !icase };
  const src = new JournalSource(withText(query, invert ? [] : [term], invert ? [term] : []));
  let n = 0;
  let buf = '';
  const put = (line: string) => {
    n++;
    buf += terminalSafe(line) + '\n';
    if (buf.length > 1 << 16) {
      process.stdout.write(buf);
      buf = '';
    }
  };
  try {
    // journalctl's own lines go out as they come; a count reads only the cursors.
    if (count) n = await src.countCursors(Number.MAX_SAFE_INTEGER, () => undefined);
    else await src.lines(put, !!flags['--utc']);
  } catch (e) {
    fail(e);
  }
  if (count) buf += `${n}\n`;
  process.stdout.write(buf);
  warnings(src);
  return n > 0 ? 0 : 1;
}

/** `stats --journal …`: entries per day (or hour), per unit and per priority. */
export async function journalStats(query: JournalQuery, args: string[]): Promise<number> {
  const { flags, rest } = parseArgs(args, { '--json': false, '--hours': false, '--top': true, '--utc': false });
  if (rest.length) throw usageError(`stats --journal reads the journal, not files: '${rest[0]}'`);
  const top = flags['--top'] ? Number(flags['--top']) : 10;
  if (!Number.isInteger(top) || top < 1) throw usageError("'--top' needs a positive whole number");
  const src = new JournalSource(query);
  const c = await src.counts({ utc: !!flags['--utc'] }).catch(fail);
  warnings(src);
  const units = Object.entries(c.units).sort((a, b) => b[1] - a[1]);
  if (flags['--json']) {
    const json = { journal: commandLine(query), entries: c.entries, days: c.days, hours: flags['--hours'] ? c.hours : undefined, units: Object.fromEntries(units.slice(0, top)), priorities: c.priorities, unitDays: c.unitDays };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return 0;
  }
  const w = (s: string) => process.stdout.write(s + '\n');
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  w(`${c.entries} entries (${commandLine(query)})`);
  w('');
  const rows = flags['--hours'] ? c.hours : c.days;
  w(flags['--hours'] ? 'hour               entries' : 'day             entries');
  for (const [k, v] of Object.entries(rows).sort()) w(`${flags['--hours'] ? k + ':00' : k} ${pad(v, 10)}`);
  w('');
  w('unit                             entries');
  for (const [u, v] of units.slice(0, top)) w(`${u.padEnd(28)} ${pad(v, 10)}`);
  w('');
  w('priority      entries');
  for (const p of ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug']) if (c.priorities[p]) w(`${p.padEnd(9)} ${pad(c.priorities[p], 10)}`);
  return 0;
}

/** `explain --journal … [-n N]`: the last N entries (10 unless said) explained, with their journal fields and catalog text. */
export async function journalExplain(query: JournalQuery, args: string[]): Promise<number> {
  const { flags, rest } = parseArgs(args, { '--json': false, '--locale': true, '-n': true, '--lines': true, '--utc': false });
  if (rest.length) throw usageError(`explain --journal explains journal entries, not '${rest[0]}'`);
  const loc = flags['--locale'] as string | undefined;
  if (loc !== undefined && loc !== 'ja' && loc !== 'en') throw usageError(`--locale must be ja or en, not '${loc}'`);
  const locale = localeToDocs(loc ?? process.env.LC_ALL ?? process.env.LANG);
  const nArg = (flags['-n'] ?? flags['--lines'] ?? '10') as string;
  const n = Number(nArg);
  if (!Number.isInteger(n) || n < 1) throw usageError("'-n' needs a positive whole number");
  const src = new JournalSource(query);
  const entries = await src.before(n).catch(fail);
  const catalogs = new Map<string, string | undefined>();
  const out: unknown[] = [];
  let first = true;
  for (const e of entries) {
    const line = entryLine(e, !!flags['--utc']);
    const { result } = explainLine(line, locale);
    const fields = entryFields(e);
    const id = e.MESSAGE_ID;
    if (id && !catalogs.has(id)) catalogs.set(id, await src.catalog(id));
    const catalog = id ? catalogs.get(id) : undefined;
    if (flags['--json']) {
      out.push({ line, summary: result.summary, category: result.category, severity: result.severity, program: result.program, pid: result.pid, message: result.message, advice: result.advice, journal: fields, catalog });
      continue;
    }
    const lines = [renderText(result), 'Journal fields: ' + Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(', ')];
    if (catalog) lines.push('Catalog (journalctl -x):', ...catalog.split('\n').map((l) => '  ' + l));
    process.stdout.write((first ? '' : '\n') + lines.join('\n').split('\n').map(terminalSafe).join('\n') + '\n');
    first = false;
  }
  if (flags['--json']) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  warnings(src);
  return 0;
}

