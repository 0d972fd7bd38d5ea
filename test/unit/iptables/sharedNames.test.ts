import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { iptablesFacade as f } from '../../../server/src/languages/iptables/index';
import { check, ctx } from '../helpers/cursor';

const DIR = path.join(__dirname, '../../fixtures/iptables/shared-names');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { file: string; tool: 'refuses' | 'accepts'; line?: number }[];

describe('iptables: kernel objects shared by name across the file (hashlimit tables, IDLETIMER timers)', () => {
  for (const c of MANIFEST) {
    it(`${c.file}: the kernel ${c.tool} it${c.line ? ` at line ${c.line}` : ''}, and so do we`, () => {
      const text = fs.readFileSync(path.join(DIR, c.file), 'utf8');
      const errors = check(f, text, { ...ctx(), uri: `file:///etc/iptables/${c.file.endsWith('v6') ? 'rules.v6' : 'rules.v4'}` }).filter((d) => d.severity === 1);
      if (c.tool === 'accepts') return assert.deepEqual(errors.map((d) => d.message), []);
      assert.deepEqual(errors.map((d) => [d.code, d.range.start.line + 1]), [['iptables/shared-name-conflict', c.line]]);
      assert.match(errors[0].message, /first used without .* and here with it/);
      assert.equal(errors[0].relatedInformation?.length, 1, 'points at the first use');
    });
  }

  it('counts the name per family: a -4 and a -6 rule of one name do not meet', () => {
    const text = '*filter\n:INPUT ACCEPT [0:0]\n-4 -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x\n-6 -A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-rate-match\nCOMMIT\n';
    const errors = check(f, text, { ...ctx(), uri: 'file:///etc/firewall/mixed.rules' }).filter((d) => d.code === 'iptables/shared-name-conflict');
    assert.deepEqual(errors, []);
    const same = text.replace('-6 -A', '-4 -A');
    assert.equal(check(f, same, { ...ctx(), uri: 'file:///etc/firewall/mixed.rules' }).filter((d) => d.code === 'iptables/shared-name-conflict').length, 1);
  });

  it('a rule that is deleted (-D) loads no object and meets no other', () => {
    const text = '*filter\n:INPUT ACCEPT [0:0]\n-D INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x\n-A INPUT -m hashlimit --hashlimit-upto 1/sec --hashlimit-name x --hashlimit-rate-match\nCOMMIT\n';
    assert.deepEqual(check(f, text, { ...ctx(), uri: 'file:///etc/iptables/rules.v4' }).filter((d) => d.code === 'iptables/shared-name-conflict'), []);
  });

  it('says it in Japanese too', () => {
    const text = fs.readFileSync(path.join(DIR, 'idletimer-alarm.rules.v4'), 'utf8');
    const errors = check(f, text, { ...ctx('ja'), uri: 'file:///etc/iptables/rules.v4' }).filter((d) => d.code === 'iptables/shared-name-conflict');
    assert.match(errors[0].message, /最初の使用（5 行目）では --alarm がなし、ここではありです/);
  });
});
