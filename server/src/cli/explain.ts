import * as fs from 'node:fs';
import { explainLine, renderText } from '../logs/explain/index';
import { localeToDocs } from '../settings';
import { describeFsError, fileProblem, parseArgs, terminalSafe, usageError, CliError } from './common';

/** Failures from one address, in the lines given, from which the text output warns of a dictionary attack. */
const DICTIONARY_THRESHOLD = 5;

/** Longest line explained whole: the log viewer's default cut (logViewer.maxLineLength). */
export const EXPLAIN_MAX_LINE = 64 * 1024;

/**
 * The lines of a byte stream, each cut to its first `max` bytes (a line of hundreds of MB, or a
 * file with no newline at all, costs `max` bytes of memory, not the line). `bytes` is the whole
 * line's length (without the newline); a CR before the newline is dropped.
 */
export async function* cutLines(input: AsyncIterable<Buffer | string>, max: number): AsyncGenerator<{ text: string; bytes: number; cut: boolean }> {
  let parts: Buffer[] = [];
  let kept = 0;
  let bytes = 0;
  let pending = false;
  const finish = () => {
    let b = Buffer.concat(parts);
    if (bytes <= max && b[b.length - 1] === 13) b = b.subarray(0, b.length - 1);
    const cut = bytes > max;
    let text = b.toString('utf8');
    if (cut && text.endsWith('\ufffd')) text = text.slice(0, -1); // a character split by the cut
    const line = { text, bytes, cut };
    parts = [];
    kept = bytes = 0;
    pending = false;
    return line;
  };
  for await (const c of input) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    for (let s = 0; ; ) {
      const nl = chunk.indexOf(10, s);
      const e = nl < 0 ? chunk.length : nl;
      bytes += e - s;
      pending = true;
      const take = Math.min(e - s, max - kept);
      if (take > 0) {
        parts.push(Buffer.from(chunk.subarray(s, s + take))); // a copy: the chunk itself is not kept
        kept += take;
      }
      if (nl < 0) break;
      yield finish();
      s = nl + 1;
    }
  }
  if (pending && bytes > 0) yield finish();
}

/** The JSON object per line: the fields the issue promises, plus pattern and advice. */
function jsonOf(r: ReturnType<typeof explainLine>['result']) {
  const { line, format, timestamp, host, program, pid, message, fields, category, severity, summary, pattern, advice } = r;
  return { line, format, timestamp, host, program, pid, message, fields, category, severity, summary, pattern, advice };
}

/**
 * `explain [--json] [--locale ja|en] [LINE | --file F]`: explains log lines given as an
 * argument, read from a file, or piped on stdin (one explanation per non-empty line).
 */
export async function runExplain(args: string[]): Promise<number> {
  const { flags, rest } = parseArgs(args, { '--json': false, '--file': true, '--locale': true });
  const loc = flags['--locale'] as string | undefined;
  if (loc !== undefined && loc !== 'ja' && loc !== 'en') throw usageError(`--locale must be ja or en, not '${loc}'`);
  const locale = localeToDocs(loc ?? process.env.LC_ALL ?? process.env.LANG);
  const file = flags['--file'] as string | undefined;
  if (file && rest.length) throw usageError('give either a LINE or --file, not both');
  const json = !!flags['--json'];
  let first = true;
  // Authentication failures per address: many from one place is the manuals' dictionary attack.
  const failures = new Map<string, number>();
  const emit = (line: string) => {
    if (!line.trim()) return;
    const { result } = explainLine(line, locale);
    const ip = result.fields.ip || result.fields.rhost || result.fields.SRC;
    if (result.category === 'dictionary' && ip) failures.set(ip, (failures.get(ip) ?? 0) + 1);
    if (json) {
      process.stdout.write((first ? '[\n' : ',\n') + JSON.stringify(jsonOf(result)));
    } else {
      process.stdout.write((first ? '' : '\n') + renderText(result).split('\n').map(terminalSafe).join('\n') + '\n'); // log text must not drive the terminal
    }
    first = false;
  };
  if (rest.length) {
    for (const l of rest.join(' ').split(/\r?\n/)) emit(l);
  } else {
    let input: NodeJS.ReadableStream;
    if (file) {
      try {
        fs.accessSync(file, fs.constants.R_OK);
        if (fs.statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      } catch (e) {
        throw new CliError(describeFsError(file, e), 2);
      }
      // A FIFO would block and /dev/zero is one endless line: only regular files are read.
      const problem = fileProblem(file);
      if (problem) throw new CliError(problem, 2);
      input = fs.createReadStream(file);
    } else {
      if (process.stdin.isTTY) throw usageError('explain needs a LINE, --file F, or lines on stdin');
      input = process.stdin;
    }
    let n = 0;
    for await (const l of cutLines(input as AsyncIterable<Buffer>, EXPLAIN_MAX_LINE)) {
      n++;
      if (l.cut) process.stderr.write(`linux-admin-configs: ${file ?? 'stdin'}:${n}: line of ${l.bytes} bytes cut to its first ${EXPLAIN_MAX_LINE} bytes (as the log viewer shows it); only those are explained\n`);
      emit(l.text);
    }
  }
  if (json) process.stdout.write(first ? '[]\n' : '\n]\n');
  else {
    const many = [...failures].filter(([, n]) => n >= DICTIONARY_THRESHOLD).sort((a, b) => b[1] - a[1]);
    for (const [ip, n] of many) {
      process.stdout.write(
        locale === 'ja'
          ? `\n注意: ${ip} から認証の失敗が ${n} 回あります。辞書アタックと考えられます。アドレスの遮断を検討してください。\n`
          : `\nNote: ${n} authentication failures from ${ip}: this looks like a dictionary attack; consider blocking the address.\n`,
      );
    }
  }
  return 0;
}
