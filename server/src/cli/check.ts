import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { nodeHost } from '../host';
import { ASSOCIATIONS, languageForPath } from '../languages/associations';
import { diagnose } from '../languages/common/diagnose';
import { severityName } from '../languages/common/rules';
import type { ParsedDocument, WorkspaceView } from '../languages/common/types';
import { facadeFor, LANGUAGES } from '../languages/index';
import { localeToDocs } from '../settings';
import { addToolFindings } from '../tools/cli';
import { cleanUpOnSignals } from '../tools/exec';
import { parseArgs, terminalSafe, usageError } from './common';
import { CHECK_HELP, configurationKey } from './configurations';
import { looksBinary, readCheckable, walkPaths } from './files';

interface FileReport {
  file: string;
  language: string;
  diagnostics: {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
  }[];
}

function firstLineOf(file: string): string {
  try {
    // Non-blocking, and regular files only: a FIFO (or a symlink to one) must not hang us here.
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      if (!fs.fstatSync(fd).isFile()) return '';
      const buf = Buffer.alloc(256);
      const n = fs.readSync(fd, buf, 0, 256, 0);
      const s = buf.subarray(0, n).toString('utf8');
      const nl = s.indexOf('\n');
      return nl === -1 ? s : s.slice(0, nl);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function toReport(file: string, language: string, diags: Diagnostic[]): FileReport {
  return {
    file,
    language,
    diagnostics: diags.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: severityName(d.severity),
      code: String(d.code ?? ''),
      message: d.message,
    })),
  };
}

/** `check [--json] [--language ID] PATH...` */
export function runCheck(args: string[]): number | Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    process.stdout.write(CHECK_HELP);
    return 0;
  }
  const { flags, rest } = parseArgs(args, { '--json': false, '--language': true, '--locale': true, '--with-tool': false });
  if (rest.length === 0) throw usageError('check needs at least one file or directory');
  const forced = flags['--language'] as string | undefined;
  if (forced && !LANGUAGES.has(forced)) {
    throw usageError(`unknown language '${forced}' (known: ${[...LANGUAGES.keys()].join(', ')})`);
  }
  if (forced && ASSOCIATIONS.some((a) => a.log && a.languageId === forced)) {
    throw usageError(`'${forced}' is for reading logs, not checking them; use 'explain' to explain log lines`);
  }
  const locale = localeToDocs((flags['--locale'] as string | undefined) ?? process.env.LC_ALL ?? process.env.LANG);
  const langOf = (file: string) => forced ?? languageForPath(path.resolve(file), firstLineOf(file));
  const explicit = new Set(rest.map((p) => path.resolve(p)));
  const { files, errors } = walkPaths(rest, (f) => langOf(f) !== undefined);

  const parsed: { file: string; uri: string; language: string; doc: ParsedDocument<unknown> }[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const language = langOf(file);
    if (!language || !facadeFor(language)) {
      if (explicit.has(path.resolve(file))) {
        errors.push(`${file}: cannot tell which language this is; name it with --language (${ASSOCIATIONS.filter((a) => !a.log).map((a) => a.languageId).join(', ')})`);
      }
      continue;
    }
    const read = readCheckable(file);
    if ('error' in read) {
      errors.push(read.error);
      continue;
    }
    if ('skip' in read) {
      // A FIFO or device named on the command line is an error; one met in a directory is not.
      (explicit.has(path.resolve(file)) ? errors : skipped).push(read.skip);
      continue;
    }
    const buf = read.buf;
    if (looksBinary(buf)) {
      skipped.push(`${file}: binary file (it contains NUL bytes), not checked`);
      continue;
    }
    const facade = facadeFor(language)!;
    try {
      parsed.push({ file, uri: pathToFileURL(path.resolve(file)).href, language, doc: facade.parse(buf.toString('utf8')) });
    } catch (e) {
      errors.push(internalError(file, e));
    }
  }

  // One workspace per configuration (see configurationKey): unrelated files named together are
  // checked apart, so two packages' logrotate files never make each other "duplicates".
  const groups = new Map<string, typeof parsed>();
  const keyOf = (p: (typeof parsed)[number]) => configurationKey(p.file, p.language);
  for (const p of parsed) groups.set(keyOf(p), [...(groups.get(keyOf(p)) ?? []), p]);
  const workspaces = new Map<string, WorkspaceView>();
  for (const [key, members] of groups) {
    workspaces.set(key, {
      // The files of one run never change: workspace-wide indexes are built once.
      generation: 0,
      *documents(languageId: string) {
        for (const p of members) if (p.language === languageId) yield { uri: p.uri, parsed: p.doc };
      },
    });
  }
  const host = nodeHost();
  const reports: FileReport[] = [];
  for (const p of parsed) {
    const facade = facadeFor(p.language)!;
    const workspace = workspaces.get(keyOf(p))!;
    try {
      const diags = diagnose(facade, p.doc, { locale, uri: p.uri, workspace, host });
      reports.push(toReport(p.file, p.language, diags));
    } catch (e) {
      errors.push(internalError(p.file, e));
    }
  }

  if (flags['--with-tool']) {
    // Ctrl-C or SIGTERM while a tool runs: stop it and remove the temporary copies first.
    cleanUpOnSignals();
    const texts = new Map(parsed.map((p) => [p.file, p.doc.text]));
    return addToolFindings(reports, texts, locale, (f) => path.resolve(f)).then((notes) => {
      for (const n of notes) process.stderr.write(`linux-admin-configs: ${n}\n`);
      return printReports(reports, !!flags['--json'], skipped, errors);
    });
  }
  return printReports(reports, !!flags['--json'], skipped, errors);
}

/** A checker bug on one file: say so and go on with the others (the run exits 2). */
function internalError(file: string, e: unknown): string {
  return `${file}: could not be checked (internal error: ${(e as Error)?.message ?? String(e)}); please report this file's shape`;
}

function printReports(reports: FileReport[], json: boolean, skipped: string[], errors: string[]): number {
  if (json) {
    process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  } else {
    const out: string[] = [];
    for (const r of reports) {
      // File names and messages quote the files' own text: never let it drive the terminal.
      for (const d of r.diagnostics) out.push(terminalSafe(`${r.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`));
    }
    if (out.length) process.stdout.write(out.join('\n') + '\n');
  }
  for (const s of skipped) process.stderr.write(`linux-admin-configs: ${terminalSafe(s)}\n`);
  for (const e of errors) process.stderr.write(`linux-admin-configs: ${terminalSafe(e)}\n`);
  if (errors.length) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}
