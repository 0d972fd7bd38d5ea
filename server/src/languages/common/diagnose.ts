import type { Diagnostic } from 'vscode-languageserver-types';
import { capDiagnostics, largeFileNotice, type Truncation } from './limits';
import { toDiagnostics, type SeverityOverrides } from './rules';
import type { Finding, LanguageContext, LanguageFacade, ParsedDocument } from './types';

export interface DiagnoseLimits {
  /** At most this many diagnostics (errors first), plus one notice saying so. */
  maxProblems?: number;
  /** Set when `doc` is only the start of a larger document (see limits.analyzedPart). */
  truncation?: Truncation;
}

/** Syntax problems plus semantic checks of one document, as LSP diagnostics. */
export function diagnose<T>(
  facade: LanguageFacade<T>,
  doc: ParsedDocument<T>,
  ctx: LanguageContext,
  overrides?: SeverityOverrides,
  limits: DiagnoseLimits = {},
): Diagnostic[] {
  let findings = [...doc.problems, ...facade.validate(doc, ctx)];
  const t = limits.truncation;
  if (t) {
    // What the cut itself causes (a block or element left open, something missing at the end of
    // the analyzed part) is about the cut, not the file: those findings are dropped.
    const last = doc.lines.positionAt(doc.text.length);
    const beforeEnd = (f: Finding) => f.range.end.line < last.line || (f.range.end.line === last.line && f.range.end.character < last.character);
    findings = findings.filter((f) => beforeEnd(f) && !facade.openAtEnd?.(f));
  }
  const diags = capDiagnostics(toDiagnostics(findings, facade.rules, ctx.locale, overrides), ctx.locale, limits.maxProblems ?? Number.MAX_SAFE_INTEGER);
  return t ? [largeFileNotice(t, ctx.locale), ...diags] : diags;
}
