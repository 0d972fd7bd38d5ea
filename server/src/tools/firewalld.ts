import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLine, findProgram, isRoot, readText, runProgram, withTempDir, writeText } from './exec';
import { linesWithToken, quotedTokens, untemp, type TextFile } from './locate';
import { fill, MSG } from './messages';
import { sandbox, sandboxNote, toolEnv } from './sandbox';
import type { CheckInput, ToolFinding, ToolReport } from './types';

const TOOL = 'firewall-offline-cmd';
const SUBDIRS = ['zones', 'services', 'policies', 'ipsets', 'icmptypes', 'helpers'];
const TOP_FILES = ['firewalld.conf', 'direct.xml', 'lockdown-whitelist.xml'];

/** The configuration folder a firewalld file belongs to (the one holding zones/, services/ …). */
export function configRoot(file: string): string {
  const dir = path.dirname(file);
  // A part of a combined zone: zones/NAME/*.xml.
  if (path.basename(path.dirname(dir)) === 'zones') return path.dirname(path.dirname(dir));
  return SUBDIRS.includes(path.basename(dir)) ? path.dirname(dir) : dir;
}

/** True for a default (vendor) configuration such as /usr/lib/firewalld rather than /etc/firewalld. */
function isDefaultConfig(root: string): boolean {
  return /\/(usr\/)?lib\/firewalld$/.test(root) || /\/usr\/share\/firewalld$/.test(root);
}

/** The first `port=""` in `files` (the tool quotes an empty port as ''). */
function locateEmptyPort(files: TextFile[]): { file: string; line: number } | undefined {
  for (const f of files) {
    const i = f.text.search(/\bport\s*=\s*(""|'')/);
    if (i !== -1) return { file: f.file, line: f.text.slice(0, i).split('\n').length - 1 };
  }
  return undefined;
}

/** Where in `files` a name from the message occurs, as an XML attribute value first. */
function locateXml(files: TextFile[], tokens: string[]): { file: string; line: number } | undefined {
  for (const token of tokens) {
    for (const f of files) {
      for (const needle of [`"${token}"`, `'${token}'`, `<${token}`, `>${token}<`]) {
        const i = f.text.indexOf(needle);
        if (i !== -1) return { file: f.file, line: f.text.slice(0, i).split('\n').length - 1 };
      }
    }
  }
  for (const token of tokens) {
    for (const f of files) {
      const hits = linesWithToken(f.text, token, { comment: '<!--' });
      if (hits.length) return { file: f.file, line: hits[0] };
    }
  }
  return undefined;
}

/** A quick well-formedness test: every start tag is closed in order (comments, PIs, CDATA skipped). */
export function tagsBalanced(text: string): boolean {
  const stack: string[] = [];
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) return false;
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt);
      if (end === -1) return false;
      i = end + 3;
      continue;
    }
    const gt = text.indexOf('>', lt);
    if (gt === -1) return false;
    const tag = text.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('?') || tag.startsWith('!')) continue;
    if (tag.startsWith('/')) {
      if (stack.pop() !== tag.slice(1).trim()) return false;
    } else if (!tag.endsWith('/')) {
      stack.push(/^[^\s/>]+/.exec(tag)?.[0] ?? '');
    }
  }
  return stack.length === 0;
}

/**
 * Turns `firewall-offline-cmd --check-config` output into findings. The tool stops at the first
 * error and rarely names the file: an XML syntax error carries "line N", a reference error
 * names the zone or policy, and most name the bad value, which is looked up in `files` (the
 * edited file first). `mapPath` turns the tool's temporary paths back into the user's.
 */
export function parseFirewalldOutput(output: string, files: TextFile[], mapPath: (p: string) => string | undefined): ToolFinding[] {
  const findings: ToolFinding[] = [];
  const fallback = files[0]?.file ?? '';
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    const m = /^Configuration error: (.*)$/.exec(line);
    const warn = /^(?:ERROR|WARNING): (.*)$/.exec(line);
    if (!m && !warn) continue;
    if (warn && /Failed to load user configuration|Falling back to|Using fallback firewalld configuration/.test(line)) continue;
    const message = (m ?? warn)![1];
    // The tool loads the configuration twice and repeats what it says the first time.
    if (findings.some((f) => f.message === message)) continue;
    const severity = m || /^ERROR/.test(line) ? 'error' : 'warning';
    // "'PATH': message" for firewalld.conf, direct.xml and the lockdown whitelist.
    const named = /'(\/[^']+)'/.exec(message);
    const namedFile = named ? mapPath(named[1]) : undefined;
    let candidates = files;
    if (namedFile) candidates = files.filter((f) => f.file === namedFile);
    const owner = /(Zone|Policy|Service|Ipset|Helper|Icmptype) '([^']+)'/i.exec(message);
    if (owner && !namedFile) {
      const byName = files.filter((f) => path.basename(f.file) === `${owner[2]}.xml`);
      if (byName.length) candidates = [...byName, ...files.filter((f) => !byName.includes(f))];
    }
    const xmlLine = /line (\d+), column \d+/.exec(message);
    if (xmlLine) {
      // The tool does not say which file; the first one (edited first) that is not well formed.
      const broken = namedFile ?? files.find((f) => !tagsBalanced(f.text))?.file ?? fallback;
      findings.push({ file: broken, line: Number(xmlLine[1]) - 1, message, severity, inferred: broken !== namedFile });
      continue;
    }
    // The value after "CODE: " (INVALID_TARGET: FOO), quoted names, then "element foo".
    const afterCode = /^[A-Z_]+: ([^\s'":,]+)/.exec(message)?.[1];
    const element = /element '?([\w-]+)'?/.exec(message)?.[1];
    const tokens = [...quotedTokens(message).filter((t) => !t.startsWith('/') && t !== owner?.[2]), ...(afterCode ? [afterCode] : []), ...(element ? [element] : [])];
    // An empty port ('' is invalid port range) is found by its empty attribute.
    const at = (/^INVALID_PORT: '' /.test(message) ? locateEmptyPort(candidates) : undefined) ?? locateXml(candidates, tokens.filter((t) => t.length > 0));
    findings.push({ file: at?.file ?? namedFile ?? fallback, line: at?.line ?? 0, message, severity, inferred: true });
  }
  return findings;
}

/**
 * The *.xml files of one folder of the configuration (none when it is absent); in zones/, also the
 * parts of each combined zone (zones/NAME/*.xml, which firewalld merges into zone NAME).
 */
function copyXml(from: string, to: string, copy: (orig: string, dest: string) => void, part = false): void {
  let names: string[] = [];
  try {
    if (part && !fs.lstatSync(from).isDirectory()) return;
    names = fs.readdirSync(from);
  } catch {
    return; // folder absent
  }
  if (part) fs.mkdirSync(to, { recursive: true });
  for (const n of names) {
    if (n.endsWith('.xml')) copy(path.join(from, n), path.join(to, n));
    else if (!part && path.basename(from) === 'zones') copyXml(path.join(from, n), path.join(to, n), copy, true);
  }
}

/** Copies a firewalld configuration folder (only what firewalld reads), with `override` in place. */
function copyConfig(from: string, to: string, override: { file: string; text: string } | undefined, back: Map<string, string>, texts: TextFile[], read: (p: string) => string | undefined) {
  fs.mkdirSync(to, { recursive: true });
  for (const sub of SUBDIRS) fs.mkdirSync(path.join(to, sub), { recursive: true });
  const copy = (orig: string, dest: string) => {
    const text = override && orig === override.file ? override.text : read(orig);
    if (text === undefined) return;
    writeText(dest, text);
    back.set(dest, orig);
    texts.push({ file: orig, text });
  };
  for (const f of TOP_FILES) copy(path.join(from, f), path.join(to, f));
  for (const sub of SUBDIRS) copyXml(path.join(from, sub), path.join(to, sub), copy);
  if (override && !back.has(path.join(to, path.relative(from, override.file)))) {
    const dest = path.join(to, path.relative(from, override.file));
    if (!dest.startsWith(to + path.sep)) return;
    writeText(dest, override.text);
    back.set(dest, override.file);
    texts.push(override);
  }
}

/**
 * `firewall-offline-cmd --system-config TMP/etc --default-config TMP/lib --check-config` on
 * temporary copies of the configuration (the edited file's folder with the editor's text in
 * place, and the host's /usr/lib/firewalld), so nothing of the real configuration is written.
 */
export async function checkFirewalld(input: CheckInput): Promise<ToolReport> {
  const program = findProgram(TOOL);
  const base = { tool: TOOL, commands: [] as string[], output: '', findings: [] as ToolFinding[] };
  if (!program) return { ...base, status: 'missing', summary: fill(MSG.missing, { tool: TOOL, pkg: 'firewalld' }) };
  // firewall-offline-cmd refuses to run unless the user id is 0; say so without copying anything.
  if (!isRoot()) return { ...base, commands: [commandLine(program, ['--check-config'])], status: 'needs-root', summary: MSG.firewalldRoot };
  const box = sandbox();
  if (!box.ok) return { ...base, status: box.status, summary: box.reason };
  const read = (p: string) => input.readFile?.(p) ?? readText(p);
  return withTempDir(async (tmp) => {
    const root = configRoot(input.file);
    const sys = path.join(tmp, 'etc');
    const def = path.join(tmp, 'lib');
    const back = new Map<string, string>();
    const texts: TextFile[] = [];
    const edited = { file: input.file, text: input.text };
    if (isDefaultConfig(root)) {
      copyConfig(root, def, edited, back, texts, read);
      fs.mkdirSync(sys, { recursive: true });
    } else {
      copyConfig(root, sys, edited, back, texts, read);
      copyConfig('/usr/lib/firewalld', def, undefined, back, [], read);
    }
    const conf = path.join(sys, 'firewalld.conf');
    if (!fs.existsSync(conf)) {
      // Without a firewalld.conf the tool complains about its absence; use the host's settings.
      writeText(conf, readText('/etc/firewalld/firewalld.conf') ?? 'DefaultZone=public\n');
    }
    texts.sort((a, b) => (a.file === input.file ? -1 : b.file === input.file ? 1 : 0));
    const args = ['--system-config', sys, '--default-config', def, '--check-config'];
    // firewall-offline-cmd insists on user id 0; it keeps that, without any capability.
    const run = box.wrap(program, args, tmp, 'root');
    const cmd = commandLine(run.file, run.args);
    const r = await runProgram(run.file, run.args, { cwd: tmp, timeoutMs: input.timeoutMs ?? 60_000, env: toolEnv(), cleanEnv: true });
    const output = (r.stderr + r.stdout).trim();
    const common = { ...base, commands: [cmd], output };
    if (r.timedOut) return { ...common, status: 'timeout', summary: fill(MSG.timeout, { tool: TOOL, seconds: Math.round((input.timeoutMs ?? 60000) / 1000) }) };
    if (r.spawnError) return { ...common, status: 'failed', summary: fill(MSG.failed, { tool: TOOL, reason: r.spawnError }) };
    if (/You need to be root/.test(output)) return { ...common, status: 'needs-root', summary: MSG.firewalldRoot };
    const findings = parseFirewalldOutput(output, texts, (p) => back.get(path.resolve(tmp, p))).map((f) => ({ ...f, message: untemp(f.message, back) }));
    if (r.code !== 0 && findings.length === 0) {
      findings.push({ file: input.file, line: 0, message: output || `${TOOL} exited with status ${r.code}`, severity: 'error' });
    }
    const summary = findings.length ? fill(MSG.problems, { tool: TOOL, count: findings.length }) : fill(MSG.ok, { tool: TOOL, command: 'firewall-offline-cmd --check-config' });
    const note = sandboxNote('root');
    return { ...common, status: findings.length ? 'problems' : 'ok', findings, summary: { en: summary.en + note.en, ja: summary.ja + note.ja } };
  });
}
