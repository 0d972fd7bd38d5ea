import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { DocsLanguage, Finding, Localized, RuleTable, Severity } from './types';

export const DIAGNOSTIC_SOURCE = 'linux-admin-configs';

/** Severity overrides from settings: code → severity, or 'off' to silence a rule. */
export type SeverityOverrides = Record<string, Severity | 'off'>;

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Picks the text for the docs language. */
export function pick(text: Localized, locale: DocsLanguage): string {
  return text[locale] || text.en;
}

/** Fills `{name}` placeholders; Localized values are picked in the given language. */
export function format(
  template: string,
  args: Record<string, string | number | Localized> | undefined,
  locale: DocsLanguage,
): string {
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = args[name];
    if (v === undefined) return whole;
    return typeof v === 'object' ? pick(v, locale) : String(v);
  });
}

/** Severity name for an LSP severity number (used by the CLI). */
export function severityName(s: DiagnosticSeverity | undefined): Severity {
  switch (s) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'information';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/**
 * Turns findings into LSP diagnostics through the rule table.
 * An unknown code is a programming error; it still becomes an error diagnostic so nothing is lost.
 */
export function toDiagnostics(
  findings: Finding[],
  rules: RuleTable,
  locale: DocsLanguage,
  overrides: SeverityOverrides = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const rule = rules[f.code];
    const sev = overrides[f.code] ?? rule?.severity ?? 'error';
    if (sev === 'off') continue;
    const message = rule ? format(pick(rule.message, locale), f.args, locale) : f.code;
    const d: Diagnostic = {
      range: f.range,
      severity: LSP_SEVERITY[sev],
      code: f.code,
      source: DIAGNOSTIC_SOURCE,
      message,
    };
    if (f.data !== undefined) d.data = f.data;
    if (f.tags) {
      d.tags = f.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
    }
    if (f.related) {
      d.relatedInformation = f.related.map((r) => ({
        location: { uri: r.uri, range: r.range },
        message: pick(r.message, locale),
      }));
    }
    out.push(d);
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}
