import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import type { LanguageContext, LanguageFacade, ParsedDocument } from '../../../server/src/languages/common/types';
import { cursor } from './cursor';

/** A small workspace: files by URI, one of them with a `|` cursor marker. */
export interface NavWorkspace {
  doc: ParsedDocument<any>;
  pos: Position;
  ctx: LanguageContext;
}

/**
 * Parses every file of `files` (URI → text) with `facade`; the one whose text holds `|` is the
 * current document. Other files are seen through the workspace view, as the server's store shows them.
 */
export function workspace(facade: LanguageFacade<any>, files: Record<string, string>, extra: Partial<LanguageContext> = {}): NavWorkspace {
  const parsed = new Map<string, ParsedDocument<any>>();
  let current: { uri: string; pos: Position } | undefined;
  for (const [uri, raw] of Object.entries(files)) {
    let text = raw;
    if (raw.includes('|') && !current) {
      const c = cursor(raw);
      text = c.text;
      current = { uri, pos: c.pos };
    }
    parsed.set(uri, facade.parse(text));
  }
  if (!current) throw new Error('no file has a cursor marker');
  const ctx: LanguageContext = {
    locale: 'en',
    uri: current.uri,
    workspace: {
      *documents(languageId: string) {
        if (languageId !== facade.id) return;
        for (const [uri, p] of parsed) yield { uri, parsed: p };
      },
    },
    ...extra,
  };
  return { doc: parsed.get(current.uri)!, pos: current.pos, ctx };
}

/** `uri:line:col` of a location, short enough to compare in tests. */
export function where(l: { uri: string; range: { start: Position } }): string {
  return `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`;
}

/** The text after applying one file's edits (they do not overlap). */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** Runs a tool on a text (stdin or a temporary file); undefined when the tool is not installed. */
export function runTool(cmd: string, args: (file: string) => string[], text: string): { status: number | null; output: string } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-nav-'));
  const file = path.join(dir, 'input.conf');
  fs.writeFileSync(file, text);
  try {
    const argv = args(file);
    // A tool given the file does not read stdin (and writing to it would fail with EPIPE).
    const r = spawnSync(cmd, argv, { input: argv.includes(file) ? '' : text, encoding: 'utf8', timeout: 20000 });
    if (r.error) {
      if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return { status: null, output: String(r.error) };
    }
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
