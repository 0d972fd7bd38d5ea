import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { LanguageContext } from '../common/types';

/**
 * "Change to 'x'" for the did-you-mean suggestions a finding carries in `data.replacements`
 * (unknown services, ICMP types, helpers, ipsets, zones, attributes, firewalld.conf keys).
 */
export function replacementActions(diagnostic: Diagnostic, ctx: LanguageContext): CodeAction[] {
  const data = diagnostic.data as { replacements?: unknown } | undefined;
  const list = Array.isArray(data?.replacements) ? (data!.replacements as unknown[]).filter((r): r is string => typeof r === 'string') : [];
  return list.map((r, i) => ({
    title: ctx.locale === 'ja' ? `'${r}' に変更` : `Change to '${r}'`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: i === 0,
    edit: { changes: { [ctx.uri]: [{ range: diagnostic.range, newText: r }] } },
  }));
}
