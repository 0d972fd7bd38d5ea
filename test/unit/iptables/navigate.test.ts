import { strict as assert } from 'node:assert';
import { definition, documentLinks, highlights, prepareRename, references, rename } from '../../../server/src/languages/common/navigation';
import { iptablesFacade as F } from '../../../server/src/languages/iptables/index';
import { applyEdits, runTool, where, workspace } from '../helpers/navigation';

const RULES = 'file:///srv/copy/etc/sysconfig/iptables';
const rules = (marked: string) => `*filter
:INPUT DROP [0:0]
:LOGDROP - [0:0]
-A INPUT -p tcp --dport 22 -j ACCEPT
-A INPUT -m set --match-set blocked src -j LOGDROP
${marked}
-A LOGDROP -j LOG --log-prefix "dropped: "
-A LOGDROP -j DROP
COMMIT
*nat
:LOGDROP - [0:0]
COMMIT
`;

describe('iptables navigation', () => {
  it('jumps from -j to the chain declaration of the same table', () => {
    const w = workspace(F, { [RULES]: rules('-A INPUT -j LOGD|ROP') });
    assert.deepEqual(definition(F, w.doc, w.pos, w.ctx).map(where), ['iptables:2:1']);
  });

  it('finds the declaration, -A and -j uses of a user chain, not the chain of that name in nat', () => {
    const at = workspace(F, { [RULES]: rules('-I INPUT 1 -g LOG|DROP') });
    assert.deepEqual(references(F, at.doc, at.pos, at.ctx).map(where), ['iptables:2:1', 'iptables:4:43', 'iptables:5:14', 'iptables:6:3', 'iptables:7:3']);
  });

  it('renames a chain where -N creates it and where -A appends to it', () => {
    const w = workspace(F, { [RULES]: rules('-N AUDIT\n-A AUD|IT -j RETURN') });
    const edits = rename(F, w.doc, w.pos, 'AUDIT_IN', w.ctx)!.changes![RULES];
    assert.deepEqual(edits.map((e) => `${e.range.start.line}:${e.range.start.character}`), ['5:3', '6:3']);
  });

  it('gives a result iptables-restore --test accepts where it accepted the original', function () {
    const w = workspace(F, { [RULES]: rules('-A INPUT -j LOGD|ROP').replace(' -m set --match-set blocked src', '') });
    const before = runTool('iptables-restore', () => ['--test'], w.doc.text);
    if (!before || before.status !== 0) this.skip();
    const renamed = applyEdits(w.doc.text, rename(F, w.doc, w.pos, 'LOG_AND_DROP', w.ctx)!.changes![RULES]);
    assert.match(renamed, /-A INPUT -j LOG_AND_DROP\n/);
    assert.equal(runTool('iptables-restore', () => ['--test'], renamed)?.status, 0);
  });

  it('refuses chain names iptables rejects', () => {
    const w = workspace(F, { [RULES]: rules('-A INPUT -j LOGD|ROP') });
    assert.throws(() => rename(F, w.doc, w.pos, 'A'.repeat(29), w.ctx), /too long/);
    assert.throws(() => rename(F, w.doc, w.pos, '-X', w.ctx), /may not start with '-'/);
    assert.throws(() => rename(F, w.doc, w.pos, 'REJECT', w.ctx), /clashes/);
    assert.throws(() => rename(F, w.doc, w.pos, 'two words', w.ctx), /blank/);
    const b = workspace(F, { [RULES]: rules('-A INP|UT -j LOGDROP') });
    assert.throws(() => rename(F, b.doc, b.pos, 'IN', b.ctx), /built-in chain/);
    assert.throws(() => prepareRename(F, b.doc, b.pos, b.ctx), /built-in chain/);
    assert.deepEqual(prepareRename(F, w.doc, w.pos, w.ctx), { range: { start: { line: 5, character: 12 }, end: { line: 5, character: 19 } }, placeholder: 'LOGDROP' });
  });

  it('highlights LOG prefixes written alike, inside their quotes', () => {
    const w = workspace(F, { [RULES]: rules('-A INPUT -j LOG --log-prefix "drop|ped: "') });
    assert.deepEqual(highlights(F, w.doc, w.pos, w.ctx).map((h) => `${h.range.start.line}:${h.range.start.character}-${h.range.end.character}`), ['5:30-39', '6:32-41']);
  });

  describe('LOG prefix links to the lines the rule wrote', () => {
    const hostWith = (files: string[]) => ({ exists: (p: string) => files.includes(p), users: () => undefined, groups: () => undefined });
    const linksOf = (text: string, files: string[]) => {
      const w = workspace(F, { [RULES]: text }, { host: hostWith(files) });
      return documentLinks(F, w.doc, w.ctx).map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} ${decodeURIComponent(l.target!)}`);
    };

    it('opens the copy\'s kernel log that exists (messages here) in the log viewer, filtered on the prefix', () => {
      assert.deepEqual(linksOf(rules('|'), ['/srv/copy/var/log/messages', '/var/log/kern.log']), [
        '6:32-41 command:linuxAdminConfigs.logViewer.open?["file:///srv/copy/var/log/messages","dropped:"]',
      ]);
    });

    it('falls back to the host\'s kernel log when the copy holds none, and to kern.log when nothing exists', () => {
      assert.deepEqual(linksOf(rules('|'), ['/var/log/syslog']), ['6:32-41 command:linuxAdminConfigs.logViewer.open?["file:///var/log/syslog","dropped:"]']);
      assert.deepEqual(linksOf(rules('|'), []), ['6:32-41 command:linuxAdminConfigs.logViewer.open?["file:///srv/copy/var/log/kern.log","dropped:"]']);
    });

    it('opens ulogd\'s log for an NFLOG prefix, and offers no link for an empty prefix', () => {
      const text = rules('-A INPUT -j NFLOG --nflog-group 5 --nflog-prefix "nf in"\n-A INPUT -j LOG --log-prefix "" |');
      assert.deepEqual(linksOf(text, ['/var/log/ulog/syslogemu.log', '/var/log/kern.log']), [
        '5:50-55 command:linuxAdminConfigs.logViewer.open?["file:///var/log/ulog/syslogemu.log","nf in"]',
        '7:32-41 command:linuxAdminConfigs.logViewer.open?["file:///var/log/kern.log","dropped:"]',
      ]);
    });
  });
});
