import * as path from 'node:path';
import type { HostView } from '../../../server/src/languages/common/types';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';
import { agreementTests } from '../helpers/iptablesAgreement';

const DIR = path.join(__dirname, '../../fixtures/iptables/agreement');

/** Users, groups and services every Debian machine has (base-passwd, netbase), local files only: what host-*.rules.* are judged on. */
const DEBIAN: HostView = {
  exists: () => undefined,
  users: () => new Set(['root', 'daemon', 'bin', 'sys', 'nobody']),
  groups: () => new Set(['root', 'daemon', 'bin', 'sys', 'adm', 'nogroup']),
  readConfig: (p) => (p === '/etc/nsswitch.conf' ? 'passwd: files systemd\ngroup: files systemd\nservices: db files\n' : p === '/etc/services' ? 'ssh\t\t22/tcp\nsyslog\t\t514/udp\n' : undefined),
};

describe('iptables: rules where we once disagreed with iptables-restore', () => {
  agreementTests(DIR, (file, text) => check(f, text, { ...ctx(), uri: `file:///etc/iptables/${file.endsWith('v6') ? 'rules.v6' : 'rules.v4'}`, ...(file.startsWith('host-') ? { host: DEBIAN } : {}) }));
});
