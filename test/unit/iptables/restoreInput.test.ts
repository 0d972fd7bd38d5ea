import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';
import { agreementCases } from '../helpers/iptablesAgreement';

// Whole restore inputs (fragments for --noflush, chain lines) where the verdict depends on more than
// one rule; each line after a `# ok` / `# refused` comment is checked as in the agreement fixtures.
const DIR = path.join(__dirname, '../../fixtures/iptables/restore-input');

describe('iptables: restore inputs as a whole', () => {
  for (const file of fs.readdirSync(DIR).filter((n) => n.includes('.rules.'))) {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const diags = check(f, text, { ...ctx(), uri: `file:///etc/iptables/${file.endsWith('v6') ? 'rules.v6' : 'rules.v4'}` });
    for (const c of agreementCases(text)) {
      it(`${file}:${c.line + 1} ${c.ok ? 'accepted' : 'refused'}: ${c.why}`, () => {
        const here = diags.filter((d) => d.range.start.line === c.line);
        if (c.ok) {
          assert.deepEqual(here.filter((d) => d.severity === 1).map((d) => d.code), []);
          if (c.code) assert.ok(here.some((d) => d.code === c.code && d.severity === 2), `expected a ${c.code} warning on line ${c.line + 1}, got ${JSON.stringify(here.map((d) => d.code))}`);
        } else assert.ok(here.some((d) => d.code === c.code && d.severity === 1), `expected a ${c.code} error on line ${c.line + 1}, got ${JSON.stringify(here.map((d) => d.code))}`);
      });
    }
  }

  it('says that a fragment\'s verdict depends on the chains of the host, and offers to declare the chain', () => {
    const text = fs.readFileSync(path.join(DIR, 'noflush-fragment.rules.v4'), 'utf8');
    const d = check(f, text, { ...ctx(), uri: 'file:///etc/iptables/rules.v4' }).find((x) => x.code === 'iptables/chain-not-in-file')!;
    assert.match(d.message, /--noflush/);
    assert.match(d.message, /depends on the rules already on the host/);
  });
});
