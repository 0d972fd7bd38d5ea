import * as path from 'node:path';
import { baseYearFor, hourName, parallelStatsOf, perDay, StatsAccumulator } from '../logs/engine';
import { CliError, describeFsError, fileProblem, parseArgs, terminalSafe, usageError } from './common';

/**
 * `stats [--json] [--hours] [--top N] FILE...`: lines (and bytes) per day or hour, per program, and
 * per program per day — the tables behind the manuals' mail-loop case study. Several files are
 * counted as one timeline in the order given (give rotated files oldest first).
 * A file truncated while it was read (its size shrank, or the read ended short of the size it had)
 * makes the counts partial: they are printed, stderr says which file, and the exit code is 1.
 * A file replaced meanwhile (rotated by rename) was read as it was when opened: a note on stderr.
 */
export async function runStats(args: string[]): Promise<number> {
  const { flags, rest: files } = parseArgs(args, { '--json': false, '--hours': false, '--top': true });
  if (!files.length) throw usageError('stats needs at least one FILE');
  const top = flags['--top'] ? Number(flags['--top']) : 10;
  if (!Number.isInteger(top) || top < 1) throw usageError("'--top' needs a positive whole number");
  const acc = new StatsAccumulator(new Date().getFullYear());
  const notes: string[] = [];
  let partial = false;
  for (const f of files) {
    // A FIFO would block and /dev/zero never ends: only regular files are counted.
    const problem = fileProblem(f);
    if (problem) throw new CliError(problem, 2);
    const year = await baseYearFor(f);
    acc.setBaseYear(year);
    try {
      // A big plain file is counted in byte ranges on all cores (dist/statsWorker.js, next to the CLI).
      await parallelStatsOf(f, acc, year, {
        workerScript: path.join(__dirname, 'statsWorker.js'),
        sync: true,
        here: true,
        onChanged: (c) => {
          if (c.kind === 'shrank') partial = true;
          notes.push(
            c.kind === 'shrank'
              ? `warning: ${f} was truncated while it was read (${c.scanned} of its ${c.sizeBefore} bytes counted): the counts are partial`
              : `note: ${f} was replaced (rotated?) while it was read: the counts are of the file as it was when opened`,
          );
        },
      });
    } catch (e) {
      throw new CliError(describeFsError(f, e), 2);
    }
  }
  const done = () => {
    for (const n of notes) process.stderr.write(`linux-admin-configs: ${terminalSafe(n)}\n`);
    return partial ? 1 : 0;
  };
  const st = acc.result(top);
  const days = perDay(st);
  if (flags['--json']) {
    const json = {
      files,
      lines: st.lines,
      bytes: st.bytes,
      unparsed: st.unparsed,
      days,
      hours: flags['--hours'] ? st.hours.map((h) => ({ hour: hourName(h.hour), lines: h.lines, bytes: h.bytes, firstLine: h.firstLine + 1 })) : undefined,
      programs: st.programs,
      programDays: st.programDays,
    };
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return done();
  }
  const w = (s: string) => process.stdout.write(s + '\n');
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  w(`${st.lines} lines, ${st.bytes} bytes${st.unparsed ? ` (${st.unparsed} without a timestamp)` : ''}`);
  w('');
  if (flags['--hours']) {
    w('hour                 lines       bytes');
    for (const h of st.hours) w(`${hourName(h.hour)} ${pad(h.lines, 10)} ${pad(h.bytes, 11)}`);
  } else {
    w('day             lines       bytes');
    for (const d of days) w(`${d.day} ${pad(d.lines, 10)} ${pad(d.bytes, 11)}`);
  }
  w('');
  w('program                          lines');
  for (const p of st.programs.slice(0, top)) w(`${p.program.padEnd(28)} ${pad(p.lines, 10)}`);
  const progs = Object.keys(st.programDays);
  if (progs.length > 1 && days.length > 1) {
    w('');
    w('lines per program per day');
    w('day        ' + progs.map((p) => pad(p.slice(-12), 13)).join(''));
    for (const d of days) w(d.day + ' ' + progs.map((p) => pad(st.programDays[p][d.day] ?? 0, 13)).join(''));
  }
  return done();
}
