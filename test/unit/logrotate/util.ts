import type { LanguageContext, ParsedDocument } from '../../../server/src/languages/common/types';
import { logrotateFacade } from '../../../server/src/languages/logrotate/index';
import { check, ctx } from '../helpers/cursor';

export const F = logrotateFacade;

/** `line:code` of every diagnostic (1-based lines, as logrotate prints them). */
export function codes(text: string, c: LanguageContext = ctx()): string[] {
  return check(F, text, c).map((d) => `${d.range.start.line + 1}:${d.code}`);
}

/** A context whose host knows a few users and groups and which paths exist. */
export function hostCtx(existing: string[] = [], locale: 'en' | 'ja' = 'en', others: { uri: string; text: string }[] = []): LanguageContext {
  const base = ctx(
    locale,
    others.map((o) => ({ uri: o.uri, languageId: 'logrotate', parsed: F.parse(o.text) as ParsedDocument<unknown> })),
  );
  return {
    ...base,
    host: {
      exists: (p) => existing.includes(p),
      users: () => new Set(['root', 'syslog', 'www-data', 'mysql']),
      groups: () => new Set(['root', 'adm', 'www-data', 'mysql']),
      userIds: () => new Set(['0', '33', '104', '110', '1000']),
      groupIds: () => new Set(['0', '4', '33', '110']),
    },
  };
}
