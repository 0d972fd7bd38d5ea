import { strict as assert } from 'node:assert';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { iptablesFacade as ipt } from '../../../server/src/languages/iptables/index';
import { check, ctx, hoverAt } from '../helpers/cursor';
import { fwCtx, HEAD } from '../firewalld/util';

const URI = 'file:///test/current';

/** The quick fixes offered for the first diagnostic with `code`, as [title, new text, preferred]. */
function iptFixes(text: string, code: string, locale: 'en' | 'ja' = 'en') {
  const doc = ipt.parse(text);
  const d = check(ipt, text).find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(check(ipt, text).map((x) => x.code))}`);
  return ipt.codeActions!(doc, d, ctx(locale)).map((a) => [a.title, a.edit!.changes![URI][0].newText, !!a.isPreferred]);
}

describe('did-you-mean quick fixes', () => {
  describe('iptables', () => {
    it('a misspelt -j target is changed to the known target', () => {
      assert.deepEqual(iptFixes('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCETP\nCOMMIT\n', 'iptables/unknown-target')[0], ["Change to 'ACCEPT'", 'ACCEPT', true]);
      assert.deepEqual(iptFixes('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ACCETP\nCOMMIT\n', 'iptables/unknown-target', 'ja')[0][0], "'ACCEPT' に変更");
    });
    it('the fix replaces exactly the target token', () => {
      const text = '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j REJCT --reject-with tcp-reset\nCOMMIT\n';
      const doc = ipt.parse(text);
      const d = check(ipt, text).find((x) => x.code === 'iptables/unknown-target')!;
      const e = ipt.codeActions!(doc, d, ctx())[0].edit!.changes![URI][0];
      const line = text.split('\n')[2];
      assert.equal(line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character), '-A INPUT -j REJECT --reject-with tcp-reset');
    });
    it('unknown tables, matches, options, policies and values offer their suggestion', () => {
      assert.equal(iptFixes('*filtr\nCOMMIT\n', 'iptables/unknown-table')[0][1], 'filter');
      assert.equal(iptFixes('*filter\n-A INPUT -m conntrak --ctstate NEW -j ACCEPT\nCOMMIT\n', 'iptables/unknown-match')[0][1], 'conntrack');
      assert.equal(iptFixes('*filter\n-A INPUT -p tcp --dprot 22 -j ACCEPT\nCOMMIT\n', 'iptables/unknown-option')[0][1], '--dport');
      assert.equal(iptFixes('*filter\n:INPUT ACCPET [0:0]\nCOMMIT\n', 'iptables/bad-policy')[0][1], 'ACCEPT');
      assert.equal(iptFixes('*filter\n-A INPUT -m conntrack --ctstate NEW,ESTABLSHED -j ACCEPT\nCOMMIT\n', 'iptables/unknown-value')[0][1], 'NEW,ESTABLISHED');
    });
    it('a misspelt chain prefers the known chain over declaring a new one', () => {
      const fixes = iptFixes('*filter\n:INPUT ACCEPT [0:0]\n-A INPTU -j DROP\nCOMMIT\n', 'iptables/undeclared-chain');
      assert.deepEqual(fixes.map((f) => [f[1], f[2]]), [[':INPTU - [0:0]\n', false], ['INPUT', true]]);
    });
    it('no fix is offered when nothing is close', () => {
      assert.deepEqual(iptFixes('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j ZZZZZZZZQ\nCOMMIT\n', 'iptables/unknown-target'), []);
    });
  });

  describe('iptables hover on a misspelt target', () => {
    const T = (rule: string) => `*filter\n:INPUT ACCEPT [0:0]\n:LOGDROP - [0:0]\n${rule}\nCOMMIT\n`;
    it('says unknown target and names the close target, not "user-defined chain"', () => {
      const h = hoverAt(ipt, T('-A INPUT -j ACCE|TP'));
      assert.match(h, /Unknown target \*\*ACCETP\*\*/);
      assert.match(h, /`ACCEPT`/);
      assert.doesNotMatch(h, /User-defined chain/);
      assert.match(hoverAt(ipt, T('-A INPUT -j ACCE|TP'), ctx('ja')), /不明なターゲット \*\*ACCETP\*\*/);
    });
    it('a declared chain is still a user-defined chain, even when close to a target', () => {
      const text = '*filter\n:INPUT ACCEPT [0:0]\n:REJECTED - [0:0]\n-A INPUT -j REJEC|TED\nCOMMIT\n';
      assert.match(hoverAt(ipt, text), /User-defined chain \*\*REJECTED\*\*/);
    });
  });

  describe('firewalld protocols', () => {
    const fixesFor = (body: string) => {
      const c = fwCtx('zones/z.xml');
      const doc = fw.parse(`${HEAD}<zone>\n${body}\n</zone>\n`);
      const d = diagnose(fw, doc, c).find((x) => String(x.message).includes('tpc') || String(x.message).includes('ucp'));
      assert.ok(d, 'the protocol is reported');
      return { message: String(d.message), fixes: fw.codeActions!(doc, d, c).map((a) => [a.title, a.edit!.changes![c.uri][0].newText]) };
    };
    it('a misspelt port protocol is changed to tcp', () => {
      const r = fixesFor('  <port port="22" protocol="tpc"/>');
      assert.match(r.message, /Did you mean 'tcp'/);
      assert.deepEqual(r.fixes[0], ["Change to 'tcp'", 'tcp']);
    });
    it('a misspelt protocol element value and one inside a rich rule are fixed too', () => {
      assert.deepEqual(fixesFor('  <protocol value="ucp"/>').fixes.map((f) => f[1]).includes('udp'), true);
      const rule = fixesFor('  <rule family="ipv4">\n    <port port="22" protocol="tpc"/>\n    <accept/>\n  </rule>');
      assert.deepEqual(rule.fixes[0], ["Change to 'tcp'", 'tcp']);
    });
  });
});
