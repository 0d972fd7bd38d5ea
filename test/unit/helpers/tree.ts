import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import type { LanguageContext, LanguageFacade, ParsedDocument } from '../../../server/src/languages/common/types';

/** The files below `dir` whose name `keep` accepts, sorted. */
export function filesIn(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesIn(p, keep));
    else if (keep(e.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Checks every file below `root/dir` as one workspace, the way the CLI does: each file's
 * diagnostics, by its path relative to `root`, as `format` writes them.
 */
export function checkTree(
  facade: LanguageFacade<any>,
  root: string,
  dir: string,
  keep: (name: string) => boolean,
  format: (d: Diagnostic) => string,
): Record<string, string[]> {
  const docs = filesIn(path.join(root, dir), keep).map((f) => ({ file: f, uri: 'file://' + f, parsed: facade.parse(fs.readFileSync(f, 'utf8')) as ParsedDocument<unknown> }));
  const workspace = { *documents() { for (const o of docs) yield { uri: o.uri, parsed: o.parsed }; } };
  const out: Record<string, string[]> = {};
  for (const d of docs) {
    const c: LanguageContext = { locale: 'en', uri: d.uri, workspace };
    out[path.relative(root, d.file)] = diagnose(facade, d.parsed, c).map(format);
  }
  return out;
}
