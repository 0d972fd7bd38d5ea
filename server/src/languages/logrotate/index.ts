import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { suggestionFixes } from '../common/quickFix';
import type { LanguageContext, LanguageFacade } from '../common/types';
import { completeLogrotate } from './complete';
import { formatLogrotate } from './format';
import { hoverLogrotate } from './hover';
import { parseLogrotate } from './parse';
import type { LrDocument, LrTree } from './tree';
import { RULES } from './rules';
import { foldingLogrotate, symbolsLogrotate } from './symbols';
import { validateLogrotate } from './validate';
import { navigation } from './navigate';

/** Quick fixes: replace an unknown directive by one of the suggestions. */
function codeActions(_doc: LrDocument, d: Diagnostic, ctx: LanguageContext): CodeAction[] {
  return d.code === 'logrotate/unknown-directive' ? suggestionFixes(d, ctx) : [];
}

/** logrotate.conf and /etc/logrotate.d/*. */
export const logrotateFacade: LanguageFacade<LrTree> = {
  id: 'logrotate',
  rules: RULES,
  openAtEnd: (f) => f.code === 'logrotate/unclosed-block',
  parse: parseLogrotate,
  validate: validateLogrotate,
  complete: completeLogrotate,
  hover: hoverLogrotate,
  symbols: symbolsLogrotate,
  folding: foldingLogrotate,
  codeActions,
  format: formatLogrotate,
  navigation,
};
