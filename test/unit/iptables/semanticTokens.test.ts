import * as assert from 'node:assert/strict';
import { iptablesFacade as F } from '../../../server/src/languages/iptables/index';

describe('iptables semantic tokens', () => {
  it('tells a user chain from a built-in chain or target', () => {
    const text = '*filter\n:INPUT DROP [0:0]\n:LOGDROP - [0:0]\n-A INPUT -p tcp --dport 23 -j LOGDROP\n-A LOGDROP -j LOG\n-A LOGDROP -j DROP\nCOMMIT\n';
    const doc = F.parse(text);
    const got = F.semanticTokens!(doc).map((t) => `${doc.lines.line(t.line).slice(t.character, t.character + t.length)}:${t.type}${t.modifiers?.includes('defaultLibrary') ? '/builtin' : ''}`);
    assert.deepEqual(got, ['INPUT:keyword/builtin', 'LOGDROP:function', 'INPUT:keyword/builtin', 'LOGDROP:function', 'LOGDROP:function', 'LOG:keyword/builtin', 'LOGDROP:function', 'DROP:keyword/builtin']);
  });
});
