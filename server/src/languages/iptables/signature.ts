import type { ParameterInformation, Position, SignatureHelp } from 'vscode-languageserver-types';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { findRule } from './hover';
import type { IptablesTree, RuleItem } from './tree';

/** The option whose arguments the cursor is on (or is about to type), with the argument index. */
function itemAt(items: RuleItem[], ch: number): { item: RuleItem; arg: number } | undefined {
  let item: RuleItem | undefined;
  for (const it of items) if (it.token.start < ch) item = it;
  if (!item || !item.entry || ch <= item.token.end) return undefined;
  const n = item.entry.args ?? (item.entry.type === 'none' ? 0 : 1);
  if (n < 2) return undefined;
  let arg = 0;
  for (const a of item.args) {
    if (ch <= a.end) break;
    arg++;
  }
  // Past the last argument with a blank between: the next one, if the option takes it.
  return arg < n ? { item, arg } : undefined;
}

/**
 * Signature help for options that take several arguments (`--tcp-flags MASK COMP`, `--match-set
 * SETNAME FLAGS` …): the option's syntax from the catalog, the argument under the cursor active.
 */
export function signatureHelp(doc: ParsedDocument<IptablesTree>, pos: Position, ctx: LanguageContext): SignatureHelp | null {
  const found = findRule(doc.tree, pos.line);
  if (!found) return null;
  const at = itemAt(found.rule.items, pos.character);
  if (!at) return null;
  const e = at.item.entry!;
  const label = e.syntax ?? `${e.name} ARG…`;
  const n = e.args ?? 2;
  // The argument words follow the option's name in the syntax line.
  const nameAt = label.indexOf(e.name);
  const parameters: ParameterInformation[] = [];
  const re = /\S+/g;
  re.lastIndex = nameAt === -1 ? 0 : nameAt + e.name.length;
  for (let m = re.exec(label); m && parameters.length < n; m = re.exec(label)) parameters.push({ label: [m.index, m.index + m[0].length] });
  const active = Math.min(at.arg, Math.max(0, parameters.length - 1));
  return { signatures: [{ label, parameters, documentation: { kind: 'markdown', value: e.docs[ctx.locale] }, activeParameter: active }], activeSignature: 0, activeParameter: active };
}
