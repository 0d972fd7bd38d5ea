import type { LanguageFacade } from '../common/types';
import { codeActions } from './actions';
import { complete } from './complete';
import { hover } from './hover';
import { parse } from './parse';
import { RULES } from './rules';
import { folding, symbols } from './symbols';
import type { IptablesTree } from './tree';
import { validate } from './validate';

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
};
