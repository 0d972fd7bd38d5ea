import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { iptablesFacade } from '../../../server/src/languages/iptables/index';
import { assertKeepsMeaning, formatted } from '../helpers/formatCheck';
import { filesIn } from '../helpers/tree';

describe('iptables-save formatting', () => {
  it('puts single spaces between the words of a rule and keeps quoted text', () => {
    const text = '*filter\n:INPUT DROP [0:0]\n  -A  INPUT\t-p tcp   --dport 22 -m comment --comment "ssh  from \\"lan\\"  " -j ACCEPT  \nCOMMIT\n';
    assert.equal(formatted(iptablesFacade, text), '*filter\n:INPUT DROP [0:0]\n-A INPUT -p tcp --dport 22 -m comment --comment "ssh  from \\"lan\\"  " -j ACCEPT\nCOMMIT\n');
  });

  it('never reorders and leaves table, chain, COMMIT and comment lines byte for byte', () => {
    // iptables-restore reads `COMMIT ` and ` *filter` differently from `COMMIT` and `*filter`.
    const text = ' *filter\n:INPUT  ACCEPT [0:0]\n-A INPUT -j DROP\n-A INPUT  -j ACCEPT\n  # note  \nCOMMIT \n';
    assert.equal(formatted(iptablesFacade, text), ' *filter\n:INPUT  ACCEPT [0:0]\n-A INPUT -j DROP\n-A INPUT -j ACCEPT\n  # note  \nCOMMIT \n');
  });

  it('leaves a rule with an unclosed quote alone', () => {
    const text = '*filter\n-A INPUT  -m comment --comment "open  -j ACCEPT\nCOMMIT\n';
    assert.equal(formatted(iptablesFacade, text), text);
  });

  it('keeps the meaning of every fixture, and a second run changes nothing', () => {
    const files = filesIn('test/fixtures/iptables', (n) => !n.endsWith('.json') && !n.endsWith('.md'));
    assert.ok(files.length >= 8);
    for (const f of files) assertKeepsMeaning(iptablesFacade, fs.readFileSync(f, 'utf8'), f);
  });
});
