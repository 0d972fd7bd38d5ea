import * as path from 'node:path';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';
import { agreementTests } from '../helpers/iptablesAgreement';

const DIR = path.join(__dirname, '../../fixtures/iptables/agreement');

describe('iptables: rules where we once disagreed with iptables-restore', () => {
  agreementTests(DIR, (file, text) => check(f, text, { ...ctx(), uri: `file:///etc/iptables/${file.endsWith('v6') ? 'rules.v6' : 'rules.v4'}` }));
});
