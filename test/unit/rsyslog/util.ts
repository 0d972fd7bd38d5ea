import { check, ctx } from '../helpers/cursor';
import { rsyslogFacade } from '../../../server/src/languages/rsyslog/index';
import type { LanguageContext } from '../../../server/src/languages/common/types';

export const F = rsyslogFacade;

/** `line:code` (1-based line) of every diagnostic of a text. */
export function codes(text: string, c: LanguageContext = ctx()): string[] {
  return check(F, text, c).map((d) => `${d.range.start.line + 1}:${d.code}`);
}

/** Diagnostics at warning level or worse, as `line:code`. */
export function problems(text: string, c: LanguageContext = ctx()): string[] {
  return check(F, text, c)
    .filter((d) => (d.severity ?? 1) <= 2)
    .map((d) => `${d.range.start.line + 1}:${d.code} ${d.message}`);
}

/** A context whose workspace holds other rsyslog files. */
export function workspace(files: Record<string, string>, locale: 'en' | 'ja' = 'en'): LanguageContext {
  return ctx(
    locale,
    Object.entries(files).map(([uri, text]) => ({ uri, languageId: 'rsyslog', parsed: F.parse(text) })),
  );
}
