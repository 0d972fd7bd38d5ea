import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLine, findProgram, readText, runProgram, withTempDir } from './exec';
import { linesWithToken, locateToken, quotedTokens, stripVersionTag, untemp, type TextFile } from './locate';
import { fill, MSG } from './messages';
import { writeRsyslogCopy } from './rsyslogCopy';
import { systemModuleDir } from './rsyslogSafety';
import { prepareTemp, sandbox, sandboxNote, toolEnv } from './sandbox';
import type { CheckInput, ToolFinding, ToolReport } from './types';

const TOOL = 'rsyslogd';

/** Lines that say nothing about the configuration. */
const NOISE = [/config validation run/, /could not interpret master config file/, /End of config validation run/, /^\s*$/];

/**
 * rsyslog reports "on or before line N": the statement that is wrong may start a few lines
 * earlier. When the message names a parameter, the nearest line at or before N that sets it wins.
 */
function refineBackwards(files: TextFile[], file: string | undefined, n: number, msg: string): number {
  const param = /parameter '([^']+)'/.exec(msg)?.[1];
  const text = files.find((f) => f.file === file)?.text;
  if (!param || text === undefined) return n;
  const lines = text.split('\n');
  const re = new RegExp(`(^|[\\s(])${param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`, 'i');
  for (let i = Math.min(n, lines.length - 1); i >= Math.max(0, n - 30); i--) if (re.test(lines[i])) return i;
  return n;
}

/**
 * Messages about the host rather than the configuration, placed at the statement they concern
 * and said to depend on the host: "$WorkDirectory: DIR can not be accessed" comes from
 * `global(workDirectory=…)` or `$WorkDirectory` and only means that DIR is missing here.
 */
function hostDependent(msg: string, files: TextFile[]): ToolFinding | undefined {
  const wd = /^\$WorkDirectory: (.+?) can not be accessed/.exec(msg);
  if (!wd) return undefined;
  const re = /^\s*\$WorkDirectory\b|\bworkDirectory\s*=/i;
  for (const f of files) {
    const lines = f.text.split('\n');
    const n = lines.findIndex((l) => re.test(l.replace(/#.*$/, '')));
    if (n !== -1) {
      return {
        file: f.file,
        line: n,
        severity: 'warning',
        message: `the work directory ${wd[1]} does not exist on this host (rsyslogd ignores the setting where it is missing). This depends on the host, not on the file: create the folder on the server that runs rsyslog, or ignore this if it exists there.`,
      };
    }
  }
  return undefined;
}

/**
 * Turns `rsyslogd -N1` output into findings. Messages with "file F, on or before line N" or
 * "in file 'F' around line N" are placed there; messages that only name a thing (an unknown
 * facility, a legacy directive, a module, a template) are placed where that name occurs,
 * searching `files` in order (the edited file first). `mapPath` turns the tool's (temporary)
 * paths back into the user's; it returns undefined for files that are not part of the check.
 */
export function parseRsyslogOutput(output: string, files: TextFile[], mapPath: (p: string) => string | undefined): ToolFinding[] {
  const findings: ToolFinding[] = [];
  let pending: string[] = [];
  let previousPending = false;
  const fallback = files[0]?.file ?? '';
  const place = (msg: string, file: string | undefined, line: number, inferred = false) => {
    // An error in a file read by a legacy $IncludeConfig is reported at the including file's
    // next statement: when the name in the message is not near the reported line but is in
    // another file, it belongs there.
    const text = files.find((f) => f.file === file)?.text;
    const names = quotedTokens(msg).filter((t) => t.length >= 2 && !t.includes('/') && !/\s/.test(t));
    if (text !== undefined && names.length && !inferred) {
      const near = text.split('\n').slice(Math.max(0, line - 3), line + 1).join('\n');
      if (!names.some((t) => linesWithToken(near, t).length)) {
        const at = locateToken(files.filter((f) => f.file !== file), names);
        if (at) {
          file = at.file;
          line = at.line;
          inferred = true;
        }
      }
    }
    const severity = /^warning\b|\bwarning:/i.test(msg) ? 'warning' : 'error';
    findings.push({ file: file ?? fallback, line: Math.max(0, line), message: msg, severity, ...(inferred ? { inferred } : {}) });
  };
  // A file the check did not copy (it never should happen): say where, never what it contains.
  const outside = (name: string) => {
    const message = `rsyslogd reported a problem in ${name}, which is not part of the checked configuration; its text is not shown`;
    if (!findings.some((f) => f.message === message)) findings.push({ file: fallback, line: 0, message, severity: 'error', inferred: true });
  };
  for (const raw of output.split('\n')) {
    let line = raw.replace(/^rsyslogd:\s*/, '').trim();
    if (NOISE.some((re) => re.test(line))) continue;
    line = stripVersionTag(line);
    const wasPending = previousPending;
    previousPending = false;
    const parsing = /^error during parsing file (.+?), on or before line (\d+): (.*)$/.exec(line);
    if (parsing && !mapPath(parsing[1])) {
      outside(parsing[1]);
      continue;
    }
    if (parsing) {
      const file = mapPath(parsing[1]);
      const n = Number(parsing[2]) - 1;
      const msg = parsing[3];
      const around = /^errors occurred in file '.*' around line \d+$/.test(msg);
      if (around && wasPending) {
        // The message just before (a template or module that is missing) belongs here.
        place(pending.pop()!, file, n);
      } else if (!around || !findings.some((f) => f.file === file && f.line === n)) {
        place(msg, file, refineBackwards(files, file, n, msg));
      }
      continue;
    }
    const around = /^(.*?)\s*in file '?(.+?)'? (?:on|around) line (\d+)\b(.*)$/.exec(line);
    if (around && !mapPath(around[2])) {
      outside(around[2]);
      continue;
    }
    if (around) {
      place(line, mapPath(around[2]), Number(around[3]) - 1);
      continue;
    }
    pending.push(line);
    previousPending = true;
  }
  for (const p of pending) {
    const host = hostDependent(p, files);
    if (host) {
      findings.push(host);
      continue;
    }
    const tokens = quotedTokens(p).filter((t) => t.length >= 2);
    const cmd = /config file command '([^']+)'/.exec(p);
    const facility = /unknown facility name "([^"]+)"/.exec(p);
    const priority = /unknown priority name "([^"]+)"/.exec(p);
    const ordered = [
      ...(cmd ? ['$' + cmd[1]] : []),
      ...(facility ? [facility[1] + '.', facility[1] + ','] : []),
      ...(priority ? ['.' + priority[1], '.=' + priority[1], '.!' + priority[1]] : []),
      ...tokens,
    ];
    // "imudp: deprecated parameter inputname used": the parameter, in any case, before its '='.
    const dep = /deprecated parameter ([\w.]+) used/.exec(p)?.[1];
    const at = (dep ? locateParam(files, dep) : undefined) ?? locateToken(files, ordered);
    if (at) place(p, at.file, at.line, true);
    else place(p, fallback, 0, true);
  }
  return findings;
}

/** The first line setting parameter `name` (rsyslogd prints names lower-cased). */
function locateParam(files: TextFile[], name: string): { file: string; line: number } | undefined {
  const re = new RegExp(`(^|[\\s(])${name.replace(/[.]/g, '\\.')}\\s*=`, 'i');
  for (const f of files) {
    const line = f.text.split('\n').findIndex((l) => re.test(l));
    if (line >= 0) return { file: f.file, line };
  }
  return undefined;
}

/** The main rsyslog.conf for a file: itself, the one next to its rsyslog.d, or /etc/rsyslog.conf. */
export function findMainConfig(file: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  const dir = path.dirname(file);
  if (path.basename(dir) !== 'rsyslog.d') return file;
  const sibling = path.join(path.dirname(dir), 'rsyslog.conf');
  if (exists(sibling)) return sibling;
  if (exists('/etc/rsyslog.conf')) return '/etc/rsyslog.conf';
  return undefined;
}

/**
 * `rsyslogd -N1 -M MODDIR -f MAIN` on a temporary copy of the whole configuration (the main
 * file and its rsyslog.d drop-ins, with the editor's text in place), so a drop-in is judged in
 * context. No daemon is started: -N1 only checks and exits. It loads modules, though: those
 * from outside the system module folder are blanked out of the copy first (see
 * rsyslogCopy.ts), and the run is confined (sandbox.ts) as user nobody.
 */
export async function checkRsyslog(input: CheckInput): Promise<ToolReport> {
  const program = findProgram(TOOL);
  const base = { tool: TOOL, commands: [] as string[], output: '', findings: [] as ToolFinding[] };
  if (!program) return { ...base, status: 'missing', summary: fill(MSG.missing, { tool: TOOL, pkg: 'rsyslog' }) };
  const box = sandbox();
  if (!box.ok) return { ...base, status: box.status, summary: box.reason };
  const read = (p: string) => (p === input.file ? input.text : (input.readFile?.(p) ?? readText(p)));
  const found = findMainConfig(input.file, (p) => p === input.file || read(p) !== undefined);
  const main = found ?? input.file;
  const alone = found === undefined;
  const moduleDir = systemModuleDir();
  return withTempDir(async (tmp) => {
    const tmpMain = path.join(tmp, 'rsyslog.conf');
    const tmpD = path.join(tmp, 'rsyslog.d');
    fs.mkdirSync(tmpD);
    const mainDir = path.dirname(main);
    // Drop-ins: the ones beside the main file, and the edited one in place (added if new).
    const dropins = new Map<string, string>();
    try {
      for (const n of fs.readdirSync(path.join(mainDir, 'rsyslog.d'))) if (n.endsWith('.conf')) dropins.set(n, path.join(mainDir, 'rsyslog.d', n));
    } catch {
      // no drop-in folder
    }
    if (main !== input.file) dropins.set(path.basename(input.file), input.file);
    const dropDirs = [...new Set([path.join(mainDir, 'rsyslog.d'), '/etc/rsyslog.d', ...(main !== input.file ? [path.dirname(input.file)] : [])])];
    const copy = writeRsyslogCopy({ main, tmpMain, tmpD, dropDirs, dropins: [...dropins].sort(), moduleDir, read });
    const { back, texts } = copy;
    // The edited file is searched first when a message names no line.
    texts.sort((a, b) => (a.file === input.file ? -1 : b.file === input.file ? 1 : 0));
    const args = ['-N1', ...(moduleDir ? ['-M', moduleDir] : []), '-f', tmpMain];
    prepareTemp(tmp, 'nobody');
    const run = box.wrap(program, args, tmp, 'nobody');
    const cmd = commandLine(run.file, run.args);
    const r = await runProgram(run.file, run.args, { cwd: tmp, timeoutMs: input.timeoutMs, env: toolEnv(), cleanEnv: true });
    const back2 = new Map([...back, [tmpD, path.join(mainDir, 'rsyslog.d')]]);
    const output = untemp((r.stderr + r.stdout).trim(), back2);
    const common = { ...base, commands: [cmd], output };
    if (r.timedOut) return { ...common, status: 'timeout', summary: fill(MSG.timeout, { tool: TOOL, seconds: Math.round((input.timeoutMs ?? 30000) / 1000) }) };
    if (r.spawnError) return { ...common, status: 'failed', summary: fill(MSG.failed, { tool: TOOL, reason: r.spawnError }) };
    const mapPath = (p: string) => back.get(path.resolve(tmp, p)) ?? (path.resolve(tmp, p) === tmpMain ? main : undefined);
    const fromTool = parseRsyslogOutput((r.stderr + r.stdout).trim(), texts, mapPath).map((f) => ({ ...f, message: untemp(f.message, back2) }));
    const findings = [...copy.notChecked, ...fromTool];
    let summary = findings.length ? fill(MSG.problems, { tool: TOOL, count: findings.length }) : fill(MSG.ok, { tool: TOOL, command: 'rsyslogd -N1' });
    if (alone) summary = { en: summary.en + MSG.rsyslogAlone.en, ja: summary.ja + MSG.rsyslogAlone.ja };
    const note = sandboxNote('nobody');
    summary = { en: summary.en + note.en, ja: summary.ja + note.ja };
    const status = findings.length || r.code !== 0 ? 'problems' : 'ok';
    if (status === 'problems' && findings.length === 0) {
      findings.push({ file: input.file, line: 0, message: output || `rsyslogd exited with status ${r.code}`, severity: 'error' });
    }
    return { ...common, status, findings, summary };
  });
}
