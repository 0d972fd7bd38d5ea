import * as vscode from 'vscode';
import { KEYWORD_CATEGORIES } from '../../../server/src/logs/keywords';
import type { HighlightRuleMsg, LegendEntry, Locale } from './protocol';

/** en or ja: the linuxAdminConfigs.docs.language setting, or VS Code's display language for auto. */
export function viewerLocale(): Locale {
  const set = vscode.workspace.getConfiguration('linuxAdminConfigs').get<string>('docs.language', 'auto');
  if (set === 'en' || set === 'ja') return set;
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30})$/;

/**
 * Reads linuxAdminConfigs.logViewer.highlightRules and keeps the valid rules: a non-empty pattern,
 * a regular expression that compiles, and a known category or a plain colour (#hex or a CSS colour
 * name). Problems come back as messages for the user.
 */
export function highlightRules(raw: unknown): { rules: HighlightRuleMsg[]; problems: string[] } {
  const rules: HighlightRuleMsg[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { rules, problems };
  if (!Array.isArray(raw)) return { rules, problems: ['linuxAdminConfigs.logViewer.highlightRules must be a list of rules'] };
  const cats = new Set(KEYWORD_CATEGORIES.map((c) => c.name));
  raw.slice(0, 200).forEach((r, i) => {
    const where = `highlightRules[${i}]`;
    if (typeof r !== 'object' || r === null) return problems.push(`${where}: not an object`);
    const { pattern, regex, category, color } = r as Record<string, unknown>;
    if (typeof pattern !== 'string' || !pattern) return problems.push(`${where}: "pattern" must be a non-empty string`);
    if (regex !== undefined && typeof regex !== 'boolean') return problems.push(`${where}: "regex" must be true or false`);
    if (regex) {
      try {
        new RegExp(pattern, 'gi');
      } catch (e) {
        return problems.push(`${where}: invalid regular expression: ${(e as Error).message}`);
      }
    }
    if (category !== undefined && (typeof category !== 'string' || !cats.has(category))) return problems.push(`${where}: unknown category ${JSON.stringify(category)} (known: ${[...cats].join(', ')})`);
    if (color !== undefined && (typeof color !== 'string' || !COLOR.test(color))) return problems.push(`${where}: "color" must be #rgb/#rrggbb or a colour name`);
    if (category === undefined && color === undefined) return problems.push(`${where}: give a "category" or a "color"`);
    rules.push({ pattern, regex: !!regex, category: category as string | undefined, color: color as string | undefined });
  });
  return { rules, problems };
}

/** The keyword table as the legend shows it, in the user's language. */
export function legend(locale: Locale): LegendEntry[] {
  return KEYWORD_CATEGORIES.map((c) => ({ name: c.name, label: c.label[locale], docs: c.docs[locale], keywords: c.keywords }));
}

export function viewerConfig() {
  const c = vscode.workspace.getConfiguration('linuxAdminConfigs.logViewer');
  return {
    maxLineBytes: Math.max(1024, Math.min(16 * 1024 * 1024, c.get<number>('maxLineLength', 65536))),
    largeFileMB: c.get<number>('largeFileThresholdMB', 50),
    maxMatches: Math.max(1000, c.get<number>('maxStoredMatches', 5_000_000)),
    rules: highlightRules(c.get('highlightRules')),
  };
}
