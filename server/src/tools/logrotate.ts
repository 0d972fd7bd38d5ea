import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLine, findProgram, readText, runProgram, withTempDir, writeText } from './exec';
import { fill, MSG } from './messages';
import { linesWithToken, untemp, type TextFile } from './locate';
import { prepareTemp, sandbox, sandboxNote, toolEnv } from './sandbox';
import type { CheckInput, ToolFinding, ToolReport } from './types';

const TOOL = 'logrotate';
const SCRIPT_START = /^\s*(prerotate|postrotate|preremove|firstaction|lastaction)\b/;

/** The line of the last script block that has no `endscript` (logrotate names no line for it). */
function unterminatedScript(text: string): number {
  const lines = text.split('\n');
  let open = -1;
  for (let n = 0; n < lines.length; n++) {
    if (open === -1 && SCRIPT_START.test(lines[n])) open = n;
    else if (open !== -1 && /^\s*endscript\b/.test(lines[n])) open = -1;
  }
  return Math.max(0, open);
}

/**
 * For each real 0-based line, the line number logrotate 3.21 prints for it (0-based): it does
 * not count the line breaks between a block's file names and its `{`, so its numbers fall behind
 * after a file list spread over several lines.
 */
export function logrotateLineNumbers(text: string): number[] {
  const lines = text.split('\n');
  const out: number[] = [];
  let skipped = 0;
  let depth = 0;
  let inScript = false;
  let inNames = false;
  for (let n = 0; n < lines.length; n++) {
    out.push(n - skipped);
    const t = lines[n].trim();
    if (inScript) {
      if (/^endscript\b/.test(t)) inScript = false;
      continue;
    }
    if (depth > 0) {
      if (SCRIPT_START.test(t)) inScript = true;
      else if (t.startsWith('}')) depth--;
      continue;
    }
    if (!t || t.startsWith('#')) continue;
    if (inNames || /^["'\/~*]/.test(t)) {
      if (t.includes('{')) {
        depth++;
        inNames = false;
      } else {
        inNames = true;
        skipped++;
      }
    }
  }
  return out;
}

/** The real 0-based line for a line number logrotate printed (0-based), undoing its miscount. */
export function realLine(text: string, printed: number): number {
  const numbers = logrotateLineNumbers(text);
  let found = -1;
  for (let n = 0; n < numbers.length; n++) if (numbers[n] === printed) found = n;
  return found === -1 ? printed : found;
}

/**
 * Turns `logrotate -d` output into findings: `error: FILE:LINE message` (and `warning:`)
 * placed at that line; the missing-endscript error, which has no line, at the script that is
 * never closed. Run-time lines (a log file that does not exist, "found error in …, skipping")
 * are not about the configuration and are left out.
 */
export function parseLogrotateOutput(output: string, files: TextFile[], mapPath: (p: string) => string | undefined, miscounts = false): ToolFinding[] {
  const findings: ToolFinding[] = [];
  const outside = new Map<string, number>();
  for (const raw of output.split('\n')) {
    const m = /^(error|warning): (.+?):(\d+) (.*)$/.exec(raw.trim());
    if (m) {
      const file = mapPath(m[2]);
      if (!file) {
        outside.set(m[2], (outside.get(m[2]) ?? 0) + 1);
        continue;
      }
      const printed = Number(m[3]) - 1;
      const text = files.find((f) => f.file === file)?.text;
      const line = miscounts && text !== undefined ? realLine(text, printed) : printed;
      findings.push({ file, line, message: m[4].trim(), severity: m[1] === 'error' ? 'error' : 'warning' });
      continue;
    }
    const unread = /^error: failed to open config file (\/.*): (.*)$/.exec(raw.trim());
    if (unread && !mapPath(unread[1])) {
      const at = files.map((f) => ({ f, n: includeLine(f.text, unread[1]) })).find((x) => x.n !== undefined);
      const message = `not checked: logrotate could not read the included file ${unread[1]} (${unread[2]}); the check runs it as an unprivileged user and shows nothing of files outside the configuration`;
      findings.push({ file: at?.f.file ?? files[0]?.file ?? '', line: at?.n ?? 0, message, severity: 'warning', inferred: true });
      continue;
    }
    // An include whose target does not exist: logrotate names no line, the include is the place.
    const missing = /^error: cannot stat (\/.*?): (.*)$/.exec(raw.trim());
    if (missing) {
      const named = [missing[1], mapPath(missing[1])].filter((p): p is string => !!p);
      const at = files.flatMap((f) => named.map((p) => ({ f, n: includeLine(f.text, p) }))).find((x) => x.n !== undefined);
      if (at) findings.push({ file: at.f.file, line: at.n!, message: `cannot stat ${missing[1]}: ${missing[2]}`, severity: 'error', inferred: true });
      continue;
    }
    const blocked = /^error: error creating (\/.*): (Read-only file system|Permission denied)$/.exec(raw.trim());
    if (blocked) {
      // createolddir: the sandbox kept logrotate from creating the folder, as it should.
      const at = files.map((f) => ({ f, n: linesWithToken(f.text, blocked[1]).find((n) => /^\s*olddir\b/.test(f.text.split('\n')[n])) })).find((x) => x.n !== undefined);
      const message = `not checked: logrotate would create ${blocked[1]} (createolddir); the check does not let it change anything outside its temporary copy, so whether the folder can be created was not checked`;
      findings.push({ file: at?.f.file ?? files[0]?.file ?? '', line: at?.n ?? 0, message, severity: 'warning', inferred: true });
      continue;
    }
    const noLine = /^(error|warning): (.+?):(\D.*)$/.exec(raw.trim());
    if (noLine) {
      const file = mapPath(noLine[2]);
      const text = files.find((f) => f.file === file)?.text;
      if (!file || text === undefined) continue;
      const line = /without endscript/.test(noLine[3]) ? unterminatedScript(text) : 0;
      findings.push({ file, line, message: noLine[3].trim(), severity: noLine[1] === 'error' ? 'error' : 'warning', inferred: true });
    }
  }
  // Problems in an included file that is not part of the configuration: at the include line,
  // naming the file, never quoting it (it may be anything, even /etc/shadow).
  for (const [name, count] of outside) {
    const at = files.map((f) => ({ f, n: includeLine(f.text, name) })).find((x) => x.n !== undefined);
    const message = `logrotate reported ${count} problem(s) in ${name}, which is included here but is not part of the checked configuration; its text is not shown`;
    findings.push({ file: at?.f.file ?? files[0]?.file ?? '', line: at?.n ?? 0, message, severity: 'warning', inferred: true });
  }
  return findings;
}

/** The 0-based line of the `include` that names `file` or its folder. */
function includeLine(text: string, file: string): number | undefined {
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const m = /^\s*include\s+(\S+)/.exec(lines[n]);
    if (m && [file, path.dirname(file)].includes(m[1].replace(/\/+$/, ''))) return n;
  }
  return undefined;
}

/**
 * The tool's output without the text of files that are not part of the configuration:
 * `error: FILE:LINE …` lines about them keep the file's name only.
 */
export function redactOutput(output: string, isPart: (p: string) => boolean): string {
  return output
    .split('\n')
    .map((l) => {
      const m = /^(error|warning): (.+?):(\d+) /.exec(l.trim());
      return m && !isPart(m[2]) ? `${m[1]}: ${m[2]}:${m[3]} (not shown: the file is not part of the checked configuration)` : l;
    })
    .join('\n');
}

/**
 * logrotate names the files of an included folder relative to it ("error: myapp:4 …", after
 * "including /etc/logrotate.d"): makes those names absolute so they can be mapped back.
 */
export function absoluteNames(output: string): string {
  let dir = '';
  return output
    .split('\n')
    .map((l) => {
      const inc = /^including (\/.*)$/.exec(l.trim());
      if (inc) dir = inc[1];
      const m = /^(error|warning): ([^/\s][^:]*):(\d+ .*)$/.exec(l.trim());
      return m && dir ? `${m[1]}: ${path.join(dir, m[2])}:${m[3]}` : l;
    })
    .join('\n');
}

/** True when `file` really is in `dir` (not a link to somewhere else). */
function livesIn(file: string, dir: string): boolean {
  try {
    return path.dirname(fs.realpathSync(file)) === fs.realpathSync(dir);
  } catch {
    return false;
  }
}

/** A file name that survives logrotate's line-by-line output (no line breaks, no odd bytes), unique in `used`. */
export function safeName(name: string, used: Set<string>): string {
  const base = name.replace(/[^\w.+@-]/g, '_') || 'config';
  let out = base;
  for (let i = 2; used.has(out); i++) out = `${base}_${i}`;
  used.add(out);
  return out;
}

let miscountCache: Promise<boolean> | undefined;

/**
 * Whether this logrotate miscounts lines after a multi-line file list (3.21 does): asks it
 * once about a two-line list followed by a bad `rotate` on line 4.
 */
export function logrotateMiscounts(program: string): Promise<boolean> {
  miscountCache ??= withTempDir(async (tmp) => {
    const conf = path.join(tmp, 'probe');
    writeText(conf, '/nonexistent/lac-a.log\n/nonexistent/lac-b.log\n{\n  rotate x\n}\n');
    const r = await runProgram(program, ['-d', '-s', path.join(tmp, 'state'), conf], { cwd: tmp, timeoutMs: 10_000 });
    const m = /probe:(\d+) bad rotation count/.exec(r.stderr + r.stdout);
    return m ? Number(m[1]) !== 4 : false;
  });
  return miscountCache;
}

/** Rewrites `include DIR` lines that name `from` directories to `to`; line numbers do not change. */
function rewriteIncludes(text: string, from: string[], to: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*include\s+)(\S+)(.*)$/.exec(line);
      if (!m) return line;
      const target = m[2].replace(/\/+$/, '');
      return from.includes(target) ? m[1] + to + m[3] : line;
    })
    .join('\n');
}

/**
 * `logrotate -d -s TMP/state FILE` on a temporary copy: debug mode never rotates, never runs a
 * script and never mails; the state file is a temporary one, never the live state. For a
 * logrotate.conf, the logrotate.d folder beside it is copied too and its `include` points there.
 */
export async function checkLogrotate(input: CheckInput): Promise<ToolReport> {
  const program = findProgram(TOOL);
  const base = { tool: TOOL, commands: [] as string[], output: '', findings: [] as ToolFinding[] };
  if (!program) return { ...base, status: 'missing', summary: fill(MSG.missing, { tool: TOOL, pkg: 'logrotate' }) };
  const box = sandbox();
  if (!box.ok) return { ...base, status: box.status, summary: box.reason };
  return withTempDir(async (tmp) => {
    const confDir = path.join(tmp, 'conf');
    const used = new Set<string>(['logrotate.d']);
    const copy = path.join(confDir, safeName(path.basename(input.file) || 'logrotate.conf', used));
    const back = new Map<string, string>([[copy, input.file]]);
    const texts: TextFile[] = [{ file: input.file, text: input.text }];
    let text = input.text;
    const notChecked: ToolFinding[] = [];
    if (path.basename(path.dirname(input.file)) !== 'logrotate.d') {
      const siblingD = path.join(path.dirname(input.file), 'logrotate.d');
      let names: string[] = [];
      try {
        names = fs.readdirSync(siblingD);
      } catch {
        // no drop-ins beside it
      }
      if (names.length) {
        const tmpD = path.join(confDir, 'logrotate.d');
        fs.mkdirSync(tmpD, { recursive: true });
        const usedD = new Set<string>();
        for (const n of names) {
          // logrotate skips these names itself (taboo extensions); copying them would be noise.
          if (n.startsWith('.') || /(\.dpkg-\w+|\.rpm\w+|\.swp|~|,v|\.bak|\.disabled|\.ucf-\w+)$/.test(n)) continue;
          const orig = path.join(siblingD, n);
          if (!livesIn(orig, siblingD)) {
            // A link to a file elsewhere (even /etc/shadow): not part of the configuration.
            notChecked.push({ file: orig, line: 0, message: `not checked: ${orig} is a link to a file outside ${siblingD}, so its content was not read`, severity: 'warning' });
            continue;
          }
          const t = input.readFile?.(orig) ?? readText(orig);
          if (t === undefined) continue;
          const dest = path.join(tmpD, safeName(n, usedD));
          writeText(dest, t);
          back.set(dest, orig);
          texts.push({ file: orig, text: t });
        }
        text = rewriteIncludes(text, [siblingD, '/etc/logrotate.d'], tmpD);
      }
    }
    writeText(copy, text);
    const state = path.join(tmp, 'state');
    const args = ['-d', '-s', state, copy];
    prepareTemp(tmp, 'nobody');
    const run = box.wrap(program, args, tmp, 'nobody');
    const cmd = commandLine(run.file, run.args);
    const r = await runProgram(run.file, run.args, { cwd: tmp, timeoutMs: input.timeoutMs, env: toolEnv(), cleanEnv: true });
    const raw = absoluteNames((r.stderr + r.stdout).trim());
    const output = redactOutput(raw, (p) => back.has(path.resolve(tmp, p)));
    const common = { ...base, commands: [cmd], output };
    if (r.timedOut) return { ...common, status: 'timeout', summary: fill(MSG.timeout, { tool: TOOL, seconds: Math.round((input.timeoutMs ?? 30000) / 1000) }) };
    if (r.spawnError) return { ...common, status: 'failed', summary: fill(MSG.failed, { tool: TOOL, reason: r.spawnError }) };
    const miscounts = await logrotateMiscounts(program);
    const fromTool = parseLogrotateOutput(raw, texts, (p) => back.get(path.resolve(tmp, p)), miscounts).map((f) => ({ ...f, message: untemp(f.message, back) }));
    const findings = [...notChecked, ...fromTool];
    const summary = findings.length ? fill(MSG.problems, { tool: TOOL, count: findings.length }) : fill(MSG.ok, { tool: TOOL, command: 'logrotate -d' });
    const note = sandboxNote('nobody');
    return { ...common, status: findings.length ? 'problems' : 'ok', findings, summary: { en: summary.en + note.en, ja: summary.ja + note.ja } };
  });
}
