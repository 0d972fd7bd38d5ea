import { strict as assert } from 'node:assert';
import { DocumentStore } from '../../../server/src/documentStore';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import type { LanguageContext, ParsedDocument, WorkspaceView } from '../../../server/src/languages/common/types';
import { facadeFor } from '../../../server/src/languages/index';

/** The server's document store, counting how many documents cross-file checks read from it. */
class CountingView implements WorkspaceView {
  reads = 0;
  constructor(readonly store: DocumentStore) {}
  get generation(): number {
    return this.store.generation;
  }
  *documents(languageId: string): Iterable<{ uri: string; parsed: ParsedDocument<unknown> }> {
    for (const d of this.store.documents(languageId)) {
      this.reads++;
      yield d;
    }
  }
}

function checkAll(view: CountingView, files: Map<string, string>) {
  const out = new Map<string, string[]>();
  for (const [uri, languageId] of files) {
    const facade = facadeFor(languageId)!;
    const parsed = [...view.store.documents(languageId)].find((d) => d.uri === uri)!.parsed;
    const c: LanguageContext = { locale: 'en', uri, workspace: view };
    out.set(uri, diagnose(facade, parsed, c).map((d) => `${d.range.start.line + 1} ${d.code}`));
  }
  return out;
}

const N = 300;
const name = (i: number) => `${String(i).padStart(3, '0')}-app.conf`;

/** Cross-file checks read the workspace once per change, not once per file (which is quadratic). */
describe('robustness: cross-file checks over many files', () => {
  it('rsyslog: 300 drop-ins see each other, and the workspace is read once, not once per file', () => {
    const store = new DocumentStore();
    const files = new Map<string, string>();
    const put = (uri: string, text: string) => {
      store.putDisk(uri, 'rsyslog', text);
      files.set(uri, 'rsyslog');
    };
    put('file:///srv/etc/rsyslog.conf', 'module(load="imudp")\n$IncludeConfig /etc/rsyslog.d/*.conf\n');
    for (let i = 0; i < N; i++) {
      // Each drop-in uses the template the one before it defines (rsyslog reads them by name).
      put(`file:///srv/etc/rsyslog.d/${name(i)}`, `template(name="t${i}" type="string" string="%msg%\\n")\ninput(type="imudp" port="${1000 + i}")\nlocal3.* /var/log/x${i}.log;t${Math.max(0, i - 1)}\n`);
    }
    put('file:///srv/etc/rsyslog.d/dup.conf', 'module(load="imudp")\n');
    const view = new CountingView(store);
    const result = checkAll(view, files);
    assert.deepEqual(result.get(`file:///srv/etc/rsyslog.d/${name(7)}`), []);
    assert.deepEqual(result.get('file:///srv/etc/rsyslog.d/dup.conf'), ['1 rsyslog/duplicate-module']);
    assert.ok(view.reads <= 2 * files.size, `the workspace was read ${view.reads} times for ${files.size} files`);

    // An edit is seen by the next check: the template t7 is gone, so the next drop-in refers to nothing.
    put(`file:///srv/etc/rsyslog.d/${name(7)}`, 'input(type="imudp" port="1007")\n');
    const after = checkAll(view, new Map([[`file:///srv/etc/rsyslog.d/${name(8)}`, 'rsyslog']]));
    assert.deepEqual(after.get(`file:///srv/etc/rsyslog.d/${name(8)}`), ['3 rsyslog/undefined-template']);
  });

  it('logrotate: the same log path in two of 300 files is found, and the workspace is read once', () => {
    const store = new DocumentStore();
    const files = new Map<string, string>();
    const put = (uri: string, text: string) => {
      store.putDisk(uri, 'logrotate', text);
      files.set(uri, 'logrotate');
    };
    for (let i = 0; i < N; i++) put(`file:///srv/etc/logrotate.d/app${i}`, `/var/log/app${i}/*.log {\n  daily\n  rotate 7\n  missingok\n}\n`);
    put('file:///srv/etc/logrotate.d/zz-copy', '/var/log/app42/*.log {\n  weekly\n}\n');
    const view = new CountingView(store);
    const result = checkAll(view, files);
    assert.deepEqual(result.get('file:///srv/etc/logrotate.d/app42'), ['1 logrotate/duplicate-path']);
    assert.deepEqual(result.get('file:///srv/etc/logrotate.d/zz-copy'), ['1 logrotate/duplicate-path']);
    assert.deepEqual(result.get('file:///srv/etc/logrotate.d/app41'), []);
    assert.ok(view.reads <= 2 * files.size, `the workspace was read ${view.reads} times for ${files.size} files`);
  });

  it('firewalld: a zone sees the services of 300 files, and the workspace is read once', () => {
    const store = new DocumentStore();
    const files = new Map<string, string>();
    for (let i = 0; i < N; i++) {
      const uri = `file:///srv/etc/firewalld/services/app${i}.xml`;
      store.putDisk(uri, 'firewalld', `<?xml version="1.0" encoding="utf-8"?>\n<service>\n  <short>app${i}</short>\n  <port protocol="tcp" port="${2000 + i}"/>\n</service>\n`);
      files.set(uri, 'firewalld');
    }
    const zone = 'file:///srv/etc/firewalld/zones/internal.xml';
    store.putDisk(zone, 'firewalld', '<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Internal</short>\n  <service name="app42"/>\n  <service name="app4200"/>\n</zone>\n');
    files.set(zone, 'firewalld');
    const view = new CountingView(store);
    const result = checkAll(view, files);
    assert.deepEqual(result.get(zone), ['5 firewalld/unknown-service']);
    assert.ok(view.reads <= 2 * files.size, `the workspace was read ${view.reads} times for ${files.size} files`);
  });
});
