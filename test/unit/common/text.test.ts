import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../server/src/languages/common/text';
import { didYouMean } from '../../../server/src/languages/common/didYouMean';
import { parseIni } from '../../../server/src/languages/common/ini';
import { languageForPath } from '../../../server/src/languages/associations';

describe('common: line index', () => {
  it('maps offsets to positions across LF and CRLF and a missing final newline', () => {
    const idx = new LineIndex('a\r\nbc\nd');
    assert.equal(idx.lineCount, 3);
    assert.equal(idx.line(0), 'a');
    assert.equal(idx.line(1), 'bc');
    assert.equal(idx.line(2), 'd');
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 1 });
    assert.equal(idx.offsetAt({ line: 2, character: 0 }), 6);
  });
});

describe('common: did you mean', () => {
  it('suggests the nearest names, best first', () => {
    assert.deepEqual(didYouMean('authpirv', ['auth', 'authpriv', 'cron']), ['authpriv']);
    assert.deepEqual(didYouMean('xyzzy', ['auth', 'cron']), []);
  });
});

describe('common: INI tokenizer', () => {
  it('reads sections, keys, values and continuation lines with their ranges', () => {
    const { tree, problems } = parseIni('# c\n[Journal]\nStorage = persistent\nA=b \\\n  c\nbad line\n');
    assert.equal(tree.sections[1].name, 'Journal');
    const [s, a] = tree.sections[1].entries;
    assert.equal(s.key, 'Storage');
    assert.equal(s.value, 'persistent');
    assert.deepEqual(s.valueRange.start, { line: 2, character: 10 });
    assert.equal(a.value, 'b  c');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'ini/bad-line');
    assert.equal(problems[0].range.start.line, 5);
  });
});

describe('common: file associations', () => {
  it('names the language of well-known paths', () => {
    assert.equal(languageForPath('/etc/rsyslog.conf'), 'rsyslog');
    assert.equal(languageForPath('/etc/rsyslog.d/50-default.conf'), 'rsyslog');
    assert.equal(languageForPath('/etc/logrotate.d/httpd'), 'logrotate');
    assert.equal(languageForPath('/etc/systemd/journald.conf.d/size.conf'), 'journald');
    assert.equal(languageForPath('/etc/firewalld/zones/public.xml'), 'firewalld');
    assert.equal(languageForPath('/etc/firewalld/firewalld.conf'), 'firewalld-conf');
    assert.equal(languageForPath('/etc/iptables/rules.v4'), 'iptables');
    assert.equal(languageForPath('/tmp/saved', '*filter'), 'iptables');
    // Where other distributions and guides keep them, and copies named after the original.
    for (const p of ['/etc/iptables.up.rules', '/etc/ip6tables.up.rules', '/etc/iptables/iptables.rules', '/etc/iptables/ip6tables.rules', '/var/lib/iptables/rules-save', '/var/lib/ip6tables/rules-save', '/root/backup/rules.v4', '/srv/fw/web1.rules.v6']) {
      assert.equal(languageForPath(p, '# my firewall'), 'iptables', p);
    }
    assert.equal(languageForPath('/etc/udev/rules.d/70-net.rules'), undefined);
    assert.equal(languageForPath('/etc/hosts'), undefined);
  });
});
