import type { LanguageContext } from '../../../server/src/languages/common/types';
import { journaldFacade } from '../../../server/src/languages/journald/index';
import { check, ctx } from '../helpers/cursor';

export const F = journaldFacade;

/** `line:code` of every diagnostic (1-based lines). */
export function codes(text: string, c: LanguageContext = ctx()): string[] {
  return check(F, text, c).map((d) => `${d.range.start.line + 1}:${d.code}`);
}
