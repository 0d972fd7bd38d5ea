import * as assert from 'node:assert/strict';
import { iptablesFacade as F } from '../../../server/src/languages/iptables/index';
import { ctx, cursor } from '../helpers/cursor';

function activeParam(marked: string): string | null {
  const { text, pos } = cursor(marked);
  const h = F.signatureHelp!(F.parse(text), pos, ctx());
  if (!h) return null;
  const sig = h.signatures[0];
  const [a, b] = sig.parameters![h.activeParameter ?? 0].label as [number, number];
  return `${sig.label} @ ${sig.label.slice(a, b)}`;
}

describe('iptables signature help', () => {
  it('shows which argument of --tcp-flags the cursor is on', () => {
    assert.equal(activeParam('*filter\n-A INPUT -p tcp --tcp-flags SY|N,ACK SYN -j DROP\nCOMMIT\n'), '[!] --tcp-flags MASK COMP @ MASK');
    assert.equal(activeParam('*filter\n-A INPUT -p tcp --tcp-flags SYN,ACK |\nCOMMIT\n'), '[!] --tcp-flags MASK COMP @ COMP');
  });

  it('covers --match-set and stays quiet for one-argument options and after the last argument', () => {
    assert.equal(activeParam('*filter\n-A INPUT -m set --match-set blocked |\nCOMMIT\n'), '[!] --match-set SETNAME FLAG[,FLAG...] @ FLAG[,FLAG...]');
    assert.equal(activeParam('*filter\n-A INPUT -p tcp --dport 22 |\nCOMMIT\n'), null);
    assert.equal(activeParam('*filter\n-A INPUT -p tcp --tcp-flags SYN,ACK SYN |\nCOMMIT\n'), null);
  });
});
