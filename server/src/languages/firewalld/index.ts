import type { LanguageFacade } from '../common/types';
import { replacementActions } from './codeActions';
import { complete } from './complete';
import { format } from './format';
import { hover } from './hover';
import { parse, type FirewalldTree } from './parse';
import { RULES } from './rules';
import { folding, symbols } from './symbols';
import { validate } from './validate';
import { navigation } from './navigate';

/** firewalld XML files: zones, services, policies, ipsets, icmptypes, helpers, direct.xml, lockdown-whitelist.xml. */
export const firewalldFacade: LanguageFacade<FirewalldTree> = {
  id: 'firewalld',
  rules: RULES,
  // The XML parser takes ~0.8 s a MB: a large zone is checked in its first 256 kB only.
  analyzedChars: 256 * 1024,
  openAtEnd: (f) => f.code === 'firewalld/xml-syntax' && /never closed/.test(String(f.args?.detail)),
  parse,
  validate,
  complete,
  hover,
  symbols,
  folding,
  codeActions: (_doc, diagnostic, ctx) => replacementActions(diagnostic, ctx),
  format,
  navigation,
};
