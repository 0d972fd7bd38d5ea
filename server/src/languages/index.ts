import type { LanguageFacade } from './common/types';
import { firewalldFacade } from './firewalld/index';
import { firewalldConfFacade } from './firewalldConf/index';
import { iptablesFacade } from './iptables/index';
import { journaldFacade } from './journald/index';
import { logrotateFacade } from './logrotate/index';
import { logrotateStatusFacade } from './logrotateStatus/index';
import { rsyslogFacade } from './rsyslog/index';
import { syslogLogFacade } from './syslogLog/index';

/**
 * Every language the server knows, by id. The server and the CLI look languages up here and
 * never switch on a language id anywhere else. Add a language by adding its facade.
 */
const FACADES: LanguageFacade<any>[] = [rsyslogFacade, logrotateFacade, journaldFacade, firewalldFacade, firewalldConfFacade, iptablesFacade, syslogLogFacade, logrotateStatusFacade];

export const LANGUAGES: ReadonlyMap<string, LanguageFacade<any>> = new Map(FACADES.map((f) => [f.id, f]));

export function facadeFor(languageId: string): LanguageFacade<any> | undefined {
  return LANGUAGES.get(languageId);
}
