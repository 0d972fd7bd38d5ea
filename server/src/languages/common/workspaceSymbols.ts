import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-types';
import type { LanguageFacade, WorkspaceView } from './types';

/** True when every character of `query` occurs in `name` in order (case-insensitive), as editors filter. */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let j = 0;
  for (let i = 0; i < n.length && j < q.length; i++) if (n[i] === q[j]) j++;
  return j === q.length;
}

/**
 * "Go to Symbol in Workspace": the outline symbols (stanzas, templates, rulesets, zones,
 * services, chains, sections …) of every parsed document of the workspace, open or scanned,
 * whose name matches the query; at most `limit`.
 */
export function workspaceSymbols(ws: WorkspaceView, facades: Iterable<LanguageFacade<any>>, query: string, limit: number): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const visit = (uri: string, list: DocumentSymbol[], container: string | undefined) => {
    for (const s of list) {
      if (out.length >= limit) return;
      if (fuzzyMatch(query, s.name)) out.push({ name: s.name, kind: s.kind, location: { uri, range: s.selectionRange }, containerName: container });
      if (s.children?.length) visit(uri, s.children, s.name);
    }
  };
  for (const f of facades) {
    for (const d of ws.documents(f.id)) {
      if (out.length >= limit) return out;
      visit(d.uri, f.symbols(d.parsed as never), undefined);
    }
  }
  return out;
}
