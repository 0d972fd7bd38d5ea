import type { SemanticToken } from '../common/semanticTokens';
import type { ParsedDocument } from '../common/types';
import { table as tableEntry } from './catalog';
import type { IptablesTree, Token } from './tree';

function tok(line: number, t: Token, type: SemanticToken['type'], builtin: boolean): SemanticToken {
  return { line, character: t.start, length: t.end - t.start, type, modifiers: builtin ? ['defaultLibrary'] : [] };
}

/**
 * Chains and targets, told apart the way the grammar cannot: a built-in chain or target
 * (`INPUT`, `ACCEPT`, `LOG`) is a keyword of the library, a user chain is a function, both
 * where it is declared (`:MYCHAIN`) and where rules jump to it or are appended to it.
 */
export function semanticTokens(doc: ParsedDocument<IptablesTree>): SemanticToken[] {
  const out: SemanticToken[] = [];
  for (const t of doc.tree.tables) {
    const builtin = new Set(tableEntry(t.name)?.chains ?? []);
    for (const c of t.chains) {
      const r = c.nameRange;
      // The range may start at the `:` of the declaration line.
      const from = doc.lines.line(r.start.line).charCodeAt(r.start.character) === 58 ? r.start.character + 1 : r.start.character;
      out.push({ line: r.start.line, character: from, length: r.end.character - from, type: builtin.has(c.name) ? 'keyword' : 'function', modifiers: builtin.has(c.name) ? ['declaration', 'defaultLibrary'] : ['declaration'] });
    }
    for (const rule of t.rules) {
      if (rule.chain) out.push(tok(rule.line, rule.chain, builtin.has(rule.chain.text) ? 'keyword' : 'function', builtin.has(rule.chain.text)));
      if (rule.target) out.push(tok(rule.line, rule.target.token, rule.target.entry ? 'keyword' : 'function', !!rule.target.entry));
    }
  }
  return out;
}
