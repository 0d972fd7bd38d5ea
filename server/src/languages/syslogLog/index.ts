import type { LanguageFacade } from '../common/types';
import { hoverLog } from './hover';
import { parseLog } from './parse';

/**
 * Log files (/var/log/*, *.log): hover explains a line. Logs are read, not edited, so there
 * is nothing to validate or complete; `check` never reports on them (see associations.ts).
 */
export const syslogLogFacade: LanguageFacade<null> = {
  id: 'syslog-log',
  rules: {},
  parse: parseLog,
  validate: () => [],
  complete: () => [],
  hover: hoverLog,
  symbols: () => [],
  folding: () => [],
};
