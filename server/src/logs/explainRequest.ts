import type { DocsLanguage } from '../languages/common/types';
import { runSafe } from '../runSafe';
import type { CustomRequestContext } from '../customRequestContext';
import { explainLine, renderMarkdown, type ExplainResult } from './explain/index';

export const EXPLAIN_LINE_REQUEST = 'linuxAdminConfigs/explainLine';

export interface ExplainLineParams {
  /** One line or several (a selection); at most MAX_LINES non-empty lines are explained. */
  text: string;
  locale?: DocsLanguage;
  /** The dominant format of the file the text comes from (the log viewer detects it), tried first. */
  format?: string;
  /** The journal entry's PRIORITY (0-7) when the line comes from the journal. */
  priority?: number;
}

/** What the client knows about the text besides the text itself. */
export interface ExplainContext {
  format?: string;
  priority?: number;
}

export interface ExplainLineResponse {
  markdown: string;
  /** The first line's result (the one the command was invoked on). */
  result: ExplainResult | null;
  results: ExplainResult[];
}

const MAX_LINES = 200;

/** Explains text for the client: Markdown for the preview and the structured results. */
export function explainText(text: string, locale: DocsLanguage, workspace: CustomRequestContext['workspace'], context: ExplainContext = {}): ExplainLineResponse {
  const format = typeof context.format === 'string' && context.format.length <= 100 ? context.format : undefined;
  const priority = typeof context.priority === 'number' && Number.isInteger(context.priority) && context.priority >= 0 && context.priority <= 7 ? context.priority : undefined;
  const lines = String(text ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const results = lines.slice(0, MAX_LINES).map((l) => explainLine(l, locale, { workspace, format, priority }).result);
  const parts = results.map((r) => renderMarkdown(r, locale));
  if (lines.length > MAX_LINES) {
    parts.push(locale === 'ja' ? `*（先頭の ${MAX_LINES} 行のみ説明しています）*` : `*(Only the first ${MAX_LINES} lines are explained.)*`);
  }
  return { markdown: parts.join('\n\n---\n\n'), result: results[0] ?? null, results };
}

/** `linuxAdminConfigs/explainLine` {text, locale?} → {markdown, result}. */
export function registerExplainRequest(ctx: CustomRequestContext): void {
  ctx.connection.onRequest(EXPLAIN_LINE_REQUEST, (params: ExplainLineParams, token) =>
    runSafe<ExplainLineResponse>(ctx.log, 'explainLine', { markdown: '', result: null, results: [] }, token, () => {
      const locale = params?.locale === 'ja' || params?.locale === 'en' ? params.locale : ctx.docsLanguage();
      return explainText(params?.text ?? '', locale, ctx.workspace, { format: params?.format, priority: params?.priority });
    }),
  );
}
