import type { LanguageFacade } from '../common/types';
import { codeActions } from './actions';
import { complete } from './complete';
import { format } from './format';
import { hover } from './hover';
import { parse } from './parse';
import { RULES } from './rules';
import { semanticTokens } from './semanticTokens';
import { signatureHelp } from './signature';
import { folding, symbols } from './symbols';
import type { IptablesTree } from './tree';
import { validate } from './validate';
import { navigation } from './navigate';

/** iptables-save / iptables-restore rule files (/etc/sysconfig/iptables, /etc/iptables/rules.v4 …). */
export const iptablesFacade: LanguageFacade<IptablesTree> = {
  id: 'iptables',
  rules: RULES,
  openAtEnd: (f) => f.code === 'iptables/missing-commit',
  parse,
  validate,
  complete,
  hover,
  symbols,
  folding,
  codeActions,
  format,
  signatureHelp,
  semanticTokens,
  navigation,
};
