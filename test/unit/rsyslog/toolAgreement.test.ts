import { strict as assert } from 'node:assert';
import { ctx } from '../helpers/cursor';
import type { LanguageContext } from '../../../server/src/languages/common/types';
import { codes, workspace } from './util';

/** A context whose host has only the files in `existing`. */
function host(existing: string[]): LanguageContext {
  return { ...ctx(), host: { exists: (p: string) => existing.includes(p), users: () => undefined, groups: () => undefined } };
}

/**
 * Checks that follow what rsyslogd -N1 refuses across statements and files, found by the
 * differential fuzzer on configurations shaped like rsyslog's own tests.
 */
describe('rsyslog: verdicts that need the rest of the configuration or the host', () => {
  it('an input module with no input anywhere is flagged; an input in a drop-in is enough', () => {
    assert.deepEqual(codes('module(load="imudp")\n*.* /var/log/x\n'), ['1:rsyslog/no-listener']);
    assert.deepEqual(codes('$ModLoad imtcp\n$InputTCPServerRun 514\n*.* /var/log/x\n').filter((c) => c.includes('listener')), []);
    const ws = workspace({ 'file:///etc/rsyslog.d/10-udp.conf': 'input(type="imudp" port="514")\n' });
    assert.deepEqual(codes('module(load="imudp")\n*.* /var/log/x\n', ws), []);
  });

  it('a lookup table must be defined before lookup() uses it, here or in another file', () => {
    assert.deepEqual(codes('set $.v = lookup("hosts", $hostname);\nlookup_table(name="hosts" file="/etc/hosts.json")\n*.* /var/log/x\n'), ['1:rsyslog/undefined-lookup-table']);
    assert.deepEqual(codes('lookup_table(name="hosts" file="/etc/hosts.json")\nreload_lookup_table("hosts", "stub")\nset $.v = lookup("hosts", $hostname);\n*.* /var/log/x\n'), []);
    const ws = workspace({ 'file:///etc/rsyslog.d/00-tables.conf': 'lookup_table(name="hosts" file="/etc/hosts.json")\n' });
    assert.deepEqual(codes('set $.v = lookup("hosts", $hostname);\n*.* /var/log/x\n', ws), []);
  });

  it('a file rsyslogd reads at start that is missing on this host is a warning that says so', () => {
    const text = 'lookup_table(name="t" file="/etc/rsyslog-t.json")\nset $.v = lookup("t", $msg);\n*.* /var/log/x\n';
    assert.deepEqual(codes(text, host([])), ['1:rsyslog/missing-file']);
    assert.deepEqual(codes(text, host(['/etc/rsyslog-t.json'])), []);
    assert.deepEqual(codes('include(file="/etc/rsyslog-extra.conf")\n*.* /var/log/x\n', host([])), ['1:rsyslog/missing-file']);
    assert.deepEqual(codes('include(file="/etc/rsyslog-extra.conf" mode="optional")\n*.* /var/log/x\n', host([])), []);
  });

  it('queue discard marks: legacy action settings go to the next legacy action only', () => {
    const queue = (text: string) => codes(text).filter((c) => c.includes('queue'));
    assert.deepEqual(queue('$ActionQueueSize 100\n$ActionQueueDiscardMark 50\n*.* /var/log/a\n*.* /var/log/b\n'), []);
    assert.deepEqual(queue('$ActionQueueDiscardMark 50\n*.* /var/log/a\n$ActionQueueSize 100\n*.* /var/log/b\n'), ['3:rsyslog/queue-discard-mark']);
    assert.deepEqual(queue('$MainMsgQueueSize 1000\nmain_queue(queue.size="500")\n*.* /var/log/a\n'), []);
  });
});
