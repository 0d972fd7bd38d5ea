import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { IniTree } from '../common/ini';
import { suggestionFixes } from '../common/quickFix';
import type { LanguageContext, LanguageFacade } from '../common/types';
import { completeJournald } from './complete';
import { format } from './format';
import { hoverJournald } from './hover';
import { parseJournald, type JdDocument } from './parse';
import { RULES } from './rules';
import { foldingJournald, symbolsJournald } from './symbols';
import { validateJournald } from './validate';
import { navigation } from './navigate';

const FIXABLE = new Set(['journald/unknown-key', 'journald/unknown-section', 'journald/deprecated-key']);

/** Quick fixes: replace an unknown or old key/section name by a suggestion. */
function codeActions(_doc: JdDocument, d: Diagnostic, ctx: LanguageContext): CodeAction[] {
  return FIXABLE.has(String(d.code)) ? suggestionFixes(d, ctx) : [];
}

/** journald.conf, journald@NAMESPACE.conf and journald.conf.d drop-ins. */
export const journaldFacade: LanguageFacade<IniTree> = {
  id: 'journald',
  rules: RULES,
  parse: parseJournald,
  validate: validateJournald,
  complete: completeJournald,
  hover: hoverJournald,
  symbols: symbolsJournald,
  folding: foldingJournald,
  codeActions,
  format,
  navigation,
};
