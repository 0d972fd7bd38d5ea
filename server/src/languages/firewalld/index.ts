import type { LanguageFacade } from '../common/types';
import { replacementActions } from './codeActions';
import { complete } from './complete';
import { hover } from './hover';
import { parse, type FirewalldTree } from './parse';
import { RULES } from './rules';
import { folding, symbols } from './symbols';
import { validate } from './validate';

/** firewalld XML files: zones, services, policies, ipsets, icmptypes, helpers, direct.xml, lockdown-whitelist.xml. */
export const firewalldFacade: LanguageFacade<FirewalldTree> = {
  id: 'firewalld',
  rules: RULES,
  parse,
  validate,
  complete,
  hover,
  symbols,
  folding,
  codeActions: (_doc, diagnostic, ctx) => replacementActions(diagnostic, ctx),
};
