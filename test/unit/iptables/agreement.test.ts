import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';
import { agreementCases } from '../helpers/iptablesAgreement';

const DIR = path.join(__dirname, '../../fixtures/iptables/agreement');

describe('iptables: rules where we once disagreed with iptables-restore', () => {
  for (const file of fs.readdirSync(DIR).filter((n) => n.includes('.rules.'))) {
    const text = fs.readFileSync(path.join(DIR, file), 'utf8');
    const diags = check(f, text, { ...ctx(), uri: `file:///etc/iptables/${file.endsWith('v6') ? 'rules.v6' : 'rules.v4'}` });
    for (const c of agreementCases(text)) {
      it(`${file}:${c.line + 1} ${c.ok ? 'accepted' : 'refused'}: ${c.why}`, () => {
        const here = diags.filter((d) => d.range.start.line === c.line);
        if (c.ok) {
          assert.deepEqual(here.filter((d) => d.severity === 1).map((d) => d.code), []);
          // `# ok CODE:` — accepted, but a likely mistake we warn about.
          if (c.code) assert.ok(here.some((d) => d.code === c.code && d.severity === 2), `expected a ${c.code} warning on line ${c.line + 1}, got ${JSON.stringify(here.map((d) => d.code))}`);
        } else assert.ok(here.some((d) => d.code === c.code), `expected ${c.code} on line ${c.line + 1}, got ${JSON.stringify(here.map((d) => d.code))}`);
      });
    }
  }
});
