import { familiesFor, FORMATS, type CompiledFormat } from './data';
import type { ParsedLine } from './types';

const COMPILED_BY_NAME = new Map(FORMATS.all.map((f) => [f.data.name, f]));

/** Longest line we look at; the rest of a longer line is kept as message text only. */
const MAX_LINE = 64 * 1024;

/** `inFile`: the file's dominant format is this one, so the guard against look-alike text (`needs`) is not needed. */
function tryFormat(f: CompiledFormat, line: string, inFile = false): ParsedLine | undefined {
  if (f.data.hint && !line.includes(f.data.hint)) return undefined;
  const m = f.fast.exec(line);
  if (!m) return undefined;
  // The standard parts by group number; the other named groups that matched something are formatFields.
  const names = f.names;
  const formatFields: Record<string, string> = {};
  let timestamp: string | undefined;
  let host: string | undefined;
  let matchedProgram: string | undefined;
  let pid: string | undefined;
  let message = '';
  for (let i = 1; i < m.length; i++) {
    const n = names[i];
    const v = m[i];
    if (n === undefined || v === undefined) continue;
    if (n === 'timestamp') timestamp = v;
    else if (n === 'host') host = v;
    else if (n === 'program') matchedProgram = v;
    else if (n === 'pid') pid = v;
    else if (n === 'message') message = v;
    else if (v !== '') formatFields[n] = v;
  }
  let program: string | undefined = matchedProgram ?? f.data.program;
  // `Feb 17 17:40:17 sshd[1972]: …` has no host: what looked like the host is the program.
  // `Mar  3 00:17:22 [sshd]: …` and `[sshd] …` (some BSD and busybox loggers) name it in brackets.
  if (host && (host.endsWith(':') || host.startsWith('['))) {
    const hm = /^([^\s\[:]+)(?:\[(\d+)\])?:$/.exec(host) ?? /^\[([^\s\[\]:]+)\]:?$()/.exec(host);
    if (hm) {
      // What followed was message, even if it looked like a program (`192.0.2.1:5678 TLS Error`).
      if (matchedProgram) {
        const at = line.indexOf(host + ' ');
        if (at >= 0) message = line.slice(at + host.length + 1);
      }
      program = hm[1];
      pid = hm[2] || undefined;
      host = undefined;
    }
  }
  if (!inFile && f.data.needs === 'pid-or-known-program' && !pid && !familiesFor(program, '').length) return undefined;
  if (!program && f.programs) {
    for (const r of f.programs) {
      if (r.re.test(message)) {
        program = r.program;
        break;
      }
    }
  }
  if (f.data.name === 'rfc5424') {
    if (host === '-') host = undefined;
    if (program === '-') program = undefined;
    if (pid === '-') pid = undefined;
    if (formatFields.msgid === '-') delete formatFields.msgid;
    if (formatFields.sd === '-') delete formatFields.sd;
  }
  return { line, format: f.data.name, timestamp: timestamp ?? formatFields.uptime ?? formatFields.tai64n, host, program, pid, message, formatFields };
}

/**
 * Finds the line's format with a cheap first-character dispatch and one anchored regular
 * expression per candidate. A line of no known format is all message. `preferred` names a format
 * to try before the others (the file's dominant one).
 */
export function parseLine(raw: string, preferred?: string): ParsedLine {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  // `dmesg --color=always` and other coloured output: drop ANSI colour sequences first.
  if (line.includes('\x1b[')) line = line.replace(/\x1b\[[0-9;]*m/g, '');
  const tooLong = line.length > MAX_LINE;
  const head = tooLong ? line.slice(0, MAX_LINE) : line;
  // The file's dominant format first (see detect.ts); a line not in it is parsed as usual.
  const pref = preferred !== undefined ? COMPILED_BY_NAME.get(preferred) : undefined;
  const p = pref && tryFormat(pref, head, true);
  if (p) {
    if (tooLong) p.line = line;
    return p;
  }
  const c = head.charCodeAt(0);
  const candidates = c < 128 ? FORMATS.byFirst[c] : FORMATS.byFirst[128];
  if (candidates) {
    for (const f of candidates) {
      const p = tryFormat(f, head);
      if (p) {
        if (tooLong) p.line = line;
        return p;
      }
    }
  }
  return { line, message: line.trim(), formatFields: {} };
}
