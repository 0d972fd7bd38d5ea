import type { DocumentSymbol, Hover, Position } from 'vscode-languageserver-types';
import { globToRegExp } from '../associations';
import { lineRange } from '../common/text';
import type { Finding, LanguageContext, LanguageFacade, WorkspaceView } from '../common/types';
import type { LrTree } from '../logrotate/tree';
import { parseStatus, type StatusDocument, type StatusEntry, type StatusTree } from './parse';
import { RULES } from './rules';

interface Stanza {
  uri: string;
  line: number;
  pattern: string;
}

/** Every path pattern of the workspace's logrotate configuration, or undefined when it has none. */
function stanzas(ws: WorkspaceView): Stanza[] | undefined {
  const out: Stanza[] = [];
  let any = false;
  for (const d of ws.documents('logrotate')) {
    any = true;
    const tree = d.parsed.tree as LrTree;
    for (const b of tree.blocks ?? []) for (const p of b.paths) out.push({ uri: d.uri, line: b.line, pattern: p.text });
  }
  return any ? out : undefined;
}

/** The stanza that rotates a path: logrotate matches its patterns as shell globs. */
function covering(all: Stanza[], path: string): Stanza | undefined {
  for (const s of all) {
    if (s.pattern === path) return s;
    if (/[*?[{]/.test(s.pattern) && globToRegExp(s.pattern).test(path)) return s;
  }
  return undefined;
}

function validate(doc: StatusDocument, ctx: LanguageContext): Finding[] {
  const all = stanzas(ctx.workspace);
  if (!all) return []; // Without a configuration in the workspace nothing can be told.
  return doc.tree.entries
    .filter((e) => !covering(all, e.path))
    .map((e) => ({ code: 'logrotate-status/not-configured', range: lineRange(e.line, e.pathStart, e.pathEnd), args: { path: e.path }, tags: ['unnecessary' as const] }));
}

const pad = (n: number) => String(n).padStart(2, '0');

function when(e: StatusEntry): string {
  const r = e.rotated!;
  return `${r.year}-${pad(r.month)}-${pad(r.day)} ${pad(r.hour)}:${pad(r.minute)}:${pad(r.second)}`;
}

function fileName(uri: string): string {
  const parts = decodeURIComponent(uri).split('/');
  return parts.slice(-2).join('/');
}

/** When the log on this line was last rotated, and which stanza of the configuration rotates it. */
function hover(doc: StatusDocument, pos: Position, ctx: LanguageContext): Hover | null {
  const e = doc.tree.entries.find((x) => x.line === pos.line);
  if (!e) return null;
  const ja = ctx.locale === 'ja';
  const parts = [`**${e.path}**`];
  if (e.rotated) parts.push(ja ? `最後のローテーション: ${when(e)}（サーバーの現地時刻）` : `Last rotated: ${when(e)} (the server's local time)`);
  const all = stanzas(ctx.workspace);
  if (all) {
    const s = covering(all, e.path);
    parts.push(
      s
        ? ja
          ? `\`${fileName(s.uri)}\` ${s.line + 1} 行目の \`${s.pattern}\` がローテーションします。`
          : `Rotated by \`${s.pattern}\` in \`${fileName(s.uri)}\`, line ${s.line + 1}.`
        : ja
          ? 'ワークスペースの設定にはこのファイルをローテーションする定義がありません。'
          : "No stanza of the workspace's configuration rotates this file.",
    );
  }
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: lineRange(e.line, 0, e.dateEnd) };
}

function symbols(doc: StatusDocument): DocumentSymbol[] {
  return doc.tree.entries.map((e) => {
    const range = lineRange(e.line, 0, e.dateEnd);
    return { name: e.path, detail: e.rotated ? when(e) : undefined, kind: 1, range, selectionRange: lineRange(e.line, e.pathStart, e.pathEnd) };
  });
}

/** logrotate's state file (/var/lib/logrotate/status, logrotate.status). */
export const logrotateStatusFacade: LanguageFacade<StatusTree> = {
  id: 'logrotate-status',
  rules: RULES,
  parse: parseStatus,
  validate,
  complete: () => [],
  hover,
  symbols,
  folding: () => [],
};
