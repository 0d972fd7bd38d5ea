import type { IniTree } from '../common/ini';
import type { LanguageFacade } from '../common/types';
import { replacementActions } from '../firewalld/codeActions';
import { complete } from './complete';
import { format } from './format';
import { hover } from './hover';
import { parse } from './parse';
import { RULES } from './rules';
import { folding, symbols } from './symbols';
import { validate } from './validate';

/** /etc/firewalld/firewalld.conf. */
export const firewalldConfFacade: LanguageFacade<IniTree> = {
  id: 'firewalld-conf',
  rules: RULES,
  parse,
  validate,
  complete,
  hover,
  symbols,
  folding,
  codeActions: (_doc, diagnostic, ctx) => replacementActions(diagnostic, ctx),
  format,
};
