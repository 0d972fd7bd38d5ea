import { checkWithTool } from './index';
import { pick } from './types';

interface CliDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

/**
 * `check --with-tool`: runs the installed tool on each checked file and adds what it reports
 * to the file reports, with the tool's name as the code (rsyslogd, logrotate …). Findings the
 * tool reports in other files of the configuration go to those files' reports when they are
 * being checked too. A tool that is missing or needs root is said once on stderr.
 */
export async function addToolFindings(
  reports: { file: string; language: string; diagnostics: CliDiagnostic[] }[],
  texts: Map<string, string>,
  locale: 'en' | 'ja',
  absolute: (file: string) => string,
): Promise<string[]> {
  const notes = new Set<string>();
  const byAbs = new Map(reports.map((r) => [absolute(r.file), r]));
  const seen = new Set<string>();
  for (const r of reports) {
    const file = absolute(r.file);
    const report = await checkWithTool({ languageId: r.language, file, text: texts.get(r.file) ?? '' });
    if (report.status !== 'ok' && report.status !== 'problems') notes.add(pick(report.summary, locale));
    for (const f of report.findings) {
      const target = byAbs.get(f.file);
      const key = `${f.file}\0${f.line}\0${f.message}`;
      if (!target || seen.has(key)) continue;
      seen.add(key);
      target.diagnostics.push({ line: f.line + 1, column: 1, endLine: f.line + 1, endColumn: 1, severity: f.severity, code: report.tool, message: f.message });
    }
  }
  for (const r of reports) r.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return [...notes];
}
