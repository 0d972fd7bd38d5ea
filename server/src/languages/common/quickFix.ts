import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { LanguageContext } from './types';

/**
 * "Change to 'x'" quick fixes for the did-you-mean suggestions a diagnostic carries in its data
 * (under `key`: `suggestions` or `replacements`), replacing the diagnostic's range. The first
 * suggestion is the preferred fix.
 */
export function suggestionFixes(diagnostic: Diagnostic, ctx: LanguageContext, key = 'suggestions'): CodeAction[] {
  const data = diagnostic.data as Record<string, unknown> | undefined;
  const raw = data?.[key];
  const list = Array.isArray(raw) ? raw.filter((r): r is string => typeof r === 'string') : [];
  return list.map((r, i) => ({
    title: ctx.locale === 'ja' ? `'${r}' に変更` : `Change to '${r}'`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: i === 0,
    edit: { changes: { [ctx.uri]: [{ range: diagnostic.range, newText: r }] } },
  }));
}
