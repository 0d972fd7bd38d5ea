import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { suggestionFixes } from '../common/quickFix';
import type { LanguageContext, ParsedDocument } from '../common/types';
import type { IptablesTree } from './tree';

const TITLES = {
  policy: { en: 'Set the policy to `-`', ja: 'ポリシーを `-` にする' },
  negation: { en: 'Move `!` before the option', ja: '`!` をオプションの前に移す' },
  quotes: { en: 'Use double quotes', ja: 'ダブルクォートにする' },
  match: { en: (m: string) => `Insert \`-m ${m}\``, ja: (m: string) => `\`-m ${m}\` を挿入する` },
  declare: { en: (c: string) => `Declare chain ${c}`, ja: (c: string) => `チェイン ${c} を宣言する` },
};

function fix(title: string, diagnostic: Diagnostic, uri: string, edits: TextEdit[]): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: edits } }, isPreferred: true };
}

/** Quick fixes keyed by diagnostic code, then a "Change to 'x'" for every did-you-mean suggestion. */
export function codeActions(doc: ParsedDocument<IptablesTree>, diagnostic: Diagnostic, ctx: LanguageContext): CodeAction[] {
  const own = byCode(doc, diagnostic, ctx);
  const changes = suggestionFixes(diagnostic, ctx);
  // A close known name is the likelier intent (`-A INPTU`), so it is preferred over declaring a new chain.
  if (changes.length) for (const c of own) c.isPreferred = false;
  return [...own, ...changes];
}

function byCode(doc: ParsedDocument<IptablesTree>, diagnostic: Diagnostic, ctx: LanguageContext): CodeAction[] {
  const loc = ctx.locale;
  const { range } = diagnostic;
  const text = doc.lines.line(range.start.line).slice(range.start.character, range.end.character);
  switch (diagnostic.code) {
    case 'iptables/user-chain-policy':
      return [fix(TITLES.policy[loc], diagnostic, ctx.uri, [{ range, newText: '-' }])];
    case 'iptables/legacy-negation': {
      // "--dport !" → "! --dport"
      const opt = text.split(/\s+/)[0];
      return [fix(TITLES.negation[loc], diagnostic, ctx.uri, [{ range, newText: `! ${opt}` }])];
    }
    case 'iptables/single-quotes': {
      if (!/^'[^'"]*'$/.test(text)) return [];
      return [fix(TITLES.quotes[loc], diagnostic, ctx.uri, [{ range, newText: `"${text.slice(1, -1)}"` }])];
    }
    case 'iptables/option-needs-match': {
      const m = (diagnostic.data as { match?: string } | undefined)?.match;
      if (!m) return [];
      return [fix(TITLES.match[loc](m), diagnostic, ctx.uri, [{ range: { start: range.start, end: range.start }, newText: `-m ${m} ` }])];
    }
    case 'iptables/undeclared-chain':
    case 'iptables/chain-not-in-file': {
      const chain = (diagnostic.data as { chain?: string } | undefined)?.chain;
      const t = doc.tree.tables.find((x) => range.start.line > x.line && range.start.line <= x.endLine);
      if (!chain || !t) return [];
      const after = t.chains.length ? t.chains[t.chains.length - 1].line + 1 : t.line + 1;
      return [fix(TITLES.declare[loc](chain), diagnostic, ctx.uri, [{ range: { start: { line: after, character: 0 }, end: { line: after, character: 0 } }, newText: `:${chain} - [0:0]\n` }])];
    }
  }
  return [];
}
