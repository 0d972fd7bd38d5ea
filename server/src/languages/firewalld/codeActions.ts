import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { suggestionFixes } from '../common/quickFix';
import type { LanguageContext } from '../common/types';

/**
 * "Change to 'x'" for the did-you-mean suggestions a finding carries in `data.replacements`
 * (unknown services, ICMP types, helpers, ipsets, zones, attributes, firewalld.conf keys).
 */
export function replacementActions(diagnostic: Diagnostic, ctx: LanguageContext): CodeAction[] {
  return suggestionFixes(diagnostic, ctx, 'replacements');
}
