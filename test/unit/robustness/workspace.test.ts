import { strict as assert } from 'node:assert';
import { DocumentStore } from '../../../server/src/documentStore';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import type { LanguageContext, ParsedDocument, WorkspaceView } from '../../../server/src/languages/common/types';
import { facadeFor } from '../../../server/src/languages/index';

/**
 * Files read from disk into the server's document store, checked the way the server checks them,
 * counting how many documents cross-file checks read from the workspace.
 */
class Workspace implements WorkspaceView {
  readonly store = new DocumentStore();
  readonly files = new Map<string, string>();
  reads = 0;
  get generation(): number {
    return this.store.generation;
  }
  *documents(languageId: string): Iterable<{ uri: string; parsed: ParsedDocument<unknown> }> {
    for (const d of this.store.documents(languageId)) {
      this.reads++;
      yield d;
    }
  }
  put(uri: string, languageId: string, text: string): void {
    this.store.putDisk(uri, languageId, text);
    this.files.set(uri, languageId);
  }
  /** `line code` of each diagnostic of each file (or of the files given). */
  check(only?: string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [uri, languageId] of this.files) {
      if (only && !only.includes(uri)) continue;
      const parsed = [...this.store.documents(languageId)].find((d) => d.uri === uri)!.parsed;
      const c: LanguageContext = { locale: 'en', uri, workspace: this };
      out.set(uri, diagnose(facadeFor(languageId)!, parsed, c).map((d) => `${d.range.start.line + 1} ${d.code}`));
    }
    return out;
  }
  /** Reading every document once per file would be N² reads: allow two passes at most. */
  assertLinear(): void {
    assert.ok(this.reads <= 2 * this.files.size, `the workspace was read ${this.reads} times for ${this.files.size} files`);
  }
}

const N = 300;
const dropIn = (i: number) => `file:///srv/etc/rsyslog.d/${String(i).padStart(3, '0')}-app.conf`;

/** Cross-file checks read the workspace once per change, not once per file (which is quadratic). */
describe('robustness: cross-file checks over many files', () => {
  it('rsyslog: 300 drop-ins see each other, and the workspace is read once, not once per file', () => {
    const ws = new Workspace();
    ws.put('file:///srv/etc/rsyslog.conf', 'rsyslog', 'module(load="imudp")\n$IncludeConfig /etc/rsyslog.d/*.conf\n');
    for (let i = 0; i < N; i++) {
      // Each drop-in uses the template the one before it defines (rsyslog reads them by name).
      ws.put(dropIn(i), 'rsyslog', `template(name="t${i}" type="string" string="%msg%\\n")\ninput(type="imudp" port="${1000 + i}")\nlocal3.* /var/log/x${i}.log;t${Math.max(0, i - 1)}\n`);
    }
    ws.put('file:///srv/etc/rsyslog.d/dup.conf', 'rsyslog', 'module(load="imudp")\n');
    const result = ws.check();
    assert.deepEqual(result.get(dropIn(7)), []);
    assert.deepEqual(result.get('file:///srv/etc/rsyslog.d/dup.conf'), ['1 rsyslog/duplicate-module']);
    ws.assertLinear();

    // An edit is seen by the next check: the template t7 is gone, so the next drop-in refers to nothing.
    ws.put(dropIn(7), 'rsyslog', 'input(type="imudp" port="1007")\n');
    assert.deepEqual(ws.check([dropIn(8)]).get(dropIn(8)), ['3 rsyslog/undefined-template']);
  });

  it('logrotate: the same log path in two of 300 files is found, and the workspace is read once', () => {
    const ws = new Workspace();
    for (let i = 0; i < N; i++) ws.put(`file:///srv/etc/logrotate.d/app${i}`, 'logrotate', `/var/log/app${i}/*.log {\n  daily\n  rotate 7\n  missingok\n}\n`);
    ws.put('file:///srv/etc/logrotate.d/zz-copy', 'logrotate', '/var/log/app42/*.log {\n  weekly\n}\n');
    const result = ws.check();
    assert.deepEqual(result.get('file:///srv/etc/logrotate.d/app42'), ['1 logrotate/duplicate-path']);
    assert.deepEqual(result.get('file:///srv/etc/logrotate.d/zz-copy'), ['1 logrotate/duplicate-path']);
    assert.deepEqual(result.get('file:///srv/etc/logrotate.d/app41'), []);
    ws.assertLinear();
  });

  it('firewalld: a zone sees the services of 300 files, and the workspace is read once', () => {
    const ws = new Workspace();
    for (let i = 0; i < N; i++) {
      ws.put(`file:///srv/etc/firewalld/services/app${i}.xml`, 'firewalld', `<?xml version="1.0" encoding="utf-8"?>\n<service>\n  <short>app${i}</short>\n  <port protocol="tcp" port="${2000 + i}"/>\n</service>\n`);
    }
    const zone = 'file:///srv/etc/firewalld/zones/internal.xml';
    ws.put(zone, 'firewalld', '<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Internal</short>\n  <service name="app42"/>\n  <service name="app4200"/>\n</zone>\n');
    assert.deepEqual(ws.check().get(zone), ['5 firewalld/unknown-service']);
    ws.assertLinear();
  });
});
