import type { Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostics, type SeverityOverrides } from './rules';
import type { LanguageContext, LanguageFacade, ParsedDocument } from './types';

/** Syntax problems plus semantic checks of one document, as LSP diagnostics. */
export function diagnose<T>(
  facade: LanguageFacade<T>,
  doc: ParsedDocument<T>,
  ctx: LanguageContext,
  overrides?: SeverityOverrides,
): Diagnostic[] {
  const findings = [...doc.problems, ...facade.validate(doc, ctx)];
  return toDiagnostics(findings, facade.rules, ctx.locale, overrides);
}
