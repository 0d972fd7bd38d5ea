import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';
import { agreementTests } from '../helpers/iptablesAgreement';

// Whole restore inputs (fragments for --noflush, chain lines) where the verdict depends on more than
// one rule; each line after a `# ok` / `# refused` comment is checked as in the agreement fixtures.
const DIR = path.join(__dirname, '../../fixtures/iptables/restore-input');

describe('iptables: restore inputs as a whole', () => {
  agreementTests(DIR, (file, text) => check(f, text, { ...ctx(), uri: `file:///etc/iptables/${file.endsWith('v6') ? 'rules.v6' : 'rules.v4'}` }));

  it('says that a fragment\'s verdict depends on the chains of the host, and offers to declare the chain', () => {
    const text = fs.readFileSync(path.join(DIR, 'noflush-fragment.rules.v4'), 'utf8');
    const d = check(f, text, { ...ctx(), uri: 'file:///etc/iptables/rules.v4' }).find((x) => x.code === 'iptables/chain-not-in-file')!;
    assert.match(d.message, /--noflush/);
    assert.match(d.message, /depends on the rules already on the host/);
  });
});
