import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { uriToPath } from '../documentStore';
import type { CustomRequestContext } from '../customRequestContext';
import { readText } from './exec';
import { checkWithTool } from './index';
import { pick, type ToolFinding, type ToolReport } from './types';
import { pathToFileURL } from 'node:url';

export const CHECK_WITH_TOOL = 'linuxAdminConfigs/checkWithTool';

export interface CheckWithToolParams {
  uri: string;
  /** Per-command timeout in seconds (the client's `linuxAdminConfigs.toolCheck.timeout`). */
  timeoutSeconds?: number;
}

export interface CheckWithToolResult {
  tool: string;
  status: ToolReport['status'];
  /** Summary in the user's language. */
  message: string;
  /** Diagnostics for the requested document, `source` = the tool's name. */
  diagnostics: Diagnostic[];
  /** Diagnostics the tool reported in other files of the same configuration (includes, drop-ins). */
  others: { uri: string; diagnostics: Diagnostic[] }[];
  commands: string[];
  output: string;
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

/** A diagnostic covering the text of the finding's line (without leading blanks). */
export function findingToDiagnostic(f: ToolFinding, text: string | undefined, tool: string): Diagnostic {
  const lines = (text ?? '').split('\n');
  const line = Math.min(f.line, Math.max(0, lines.length - 1));
  const content = (lines[line] ?? '').replace(/\r$/, '');
  const start = content.length - content.trimStart().length;
  return {
    range: { start: { line, character: start }, end: { line, character: Math.max(start, content.length) } },
    severity: SEVERITY[f.severity],
    source: tool,
    message: f.message,
  };
}

/** Groups a report's findings by file, as diagnostics for `uri` and for the other files. */
export function reportToResult(report: ToolReport, uri: string, file: string, textOf: (file: string) => string | undefined, locale: 'en' | 'ja'): CheckWithToolResult {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(findingToDiagnostic(f, textOf(f.file), report.tool));
    byFile.set(f.file, list);
  }
  const others = [...byFile]
    .filter(([f]) => f !== file)
    .map(([f, diagnostics]) => ({ uri: pathToFileURL(f).href, diagnostics }));
  return {
    tool: report.tool,
    status: report.status,
    message: pick(report.summary, locale),
    diagnostics: byFile.get(file) ?? [],
    others,
    commands: report.commands,
    output: report.output,
  };
}

/** Registers `linuxAdminConfigs/checkWithTool` {uri} → diagnostics from the installed tool. */
export function registerToolCheck(ctx: CustomRequestContext): void {
  ctx.connection.onRequest(CHECK_WITH_TOOL, async (params: CheckWithToolParams): Promise<CheckWithToolResult | null> => {
    try {
      const doc = ctx.documents.get(params.uri);
      const file = uriToPath(params.uri) ?? path.join(process.cwd(), path.basename(params.uri));
      const text = doc?.getText() ?? readText(file);
      const languageId = doc?.languageId;
      if (text === undefined || !languageId) return null;
      const openText = (f: string) => ctx.documents.get(pathToFileURL(f).href)?.getText();
      const report = await checkWithTool({
        languageId,
        file,
        text,
        timeoutMs: params.timeoutSeconds && params.timeoutSeconds > 0 ? params.timeoutSeconds * 1000 : undefined,
        readFile: openText,
      });
      const textOf = (f: string) => (f === file ? text : (openText(f) ?? readText(f)));
      return reportToResult(report, params.uri, file, textOf, ctx.docsLanguage());
    } catch (e) {
      ctx.log(`checkWithTool failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });
}
