import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageContext, ParsedDocument } from '../../../server/src/languages/common/types';
import { firewalldFacade } from '../../../server/src/languages/firewalld/index';
import { ctx } from '../helpers/cursor';

/** A context for a file at `path` (under /etc/firewalld), with other firewalld files of the workspace. */
export function fwCtx(path: string, others: Record<string, string> = {}, locale: 'en' | 'ja' = 'en'): LanguageContext {
  const docs = Object.entries(others).map(([p, text]) => ({
    uri: `file:///etc/firewalld/${p}`,
    languageId: 'firewalld',
    parsed: firewalldFacade.parse(text) as ParsedDocument<unknown>,
  }));
  return { ...ctx(locale, docs), uri: `file:///etc/firewalld/${path}` };
}

/** `line:code` (1-based lines) of each diagnostic, the way a user reads the CLI output. */
export function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.range.start.line + 1}:${d.code}`);
}

export const HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';

/** A zone file around the given body lines (the body starts on line 4). */
export function zone(body: string, attrs = ''): string {
  return `${HEAD}<zone${attrs}>\n  <short>Office</short>\n${body}</zone>\n`;
}
