import type { LanguageFacade } from '../common/types';
import { codeActions } from './codeActions';
import { complete } from './complete';
import { format } from './format';
import { hover } from './hover';
import { navigation } from './navigate';
import { parse } from './parse';
import { RULES } from './rules';
import { semanticTokens } from './semanticTokens';
import { signatureHelp } from './signature';
import { folding, symbols } from './symbols';
import type { RsyslogTree } from './tree';
import { validate } from './validate';

/** rsyslog.conf and rsyslog.d/*.conf: legacy selectors, `$` directives and RainerScript. */
export const rsyslogFacade: LanguageFacade<RsyslogTree> = {
  id: 'rsyslog',
  rules: RULES,
  openAtEnd: (f) =>
    f.code === 'rsyslog/unterminated-comment' || ((f.code === 'rsyslog/unbalanced-brace' || f.code === 'rsyslog/unbalanced-paren') && (f.args?.char === '{' || f.args?.char === '(')),
  parse,
  validate,
  complete,
  hover,
  symbols,
  folding,
  codeActions,
  navigation,
  format,
  signatureHelp,
  semanticTokens,
};
