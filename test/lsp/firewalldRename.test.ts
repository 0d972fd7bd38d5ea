import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session } from '../bench/lspClient';
import { serverPerTest } from './stdioServer';

const ZONE = '<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>Lab</short>\n  <service name="backup"/>\n</zone>\n';
const SERVICE = '<?xml version="1.0" encoding="utf-8"?>\n<service>\n  <short>Backup</short>\n  <port protocol="tcp" port="873"/>\n</service>\n';

/** firewalld rename through the real server: a file rename only for clients that can apply one. */
describe('LSP over stdio: firewalld rename', function () {
  this.timeout(60_000);
  const startServer = serverPerTest();
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-fw-lsp-'));
    fs.mkdirSync(path.join(dir, 'etc/firewalld/zones'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'etc/firewalld/services'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'etc/firewalld/zones/lab.xml'), ZONE);
    fs.writeFileSync(path.join(dir, 'etc/firewalld/services/backup.xml'), SERVICE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function openZone(s: Session): Promise<{ textDocument: { uri: string }; position: { line: number; character: number } }> {
    const uri = pathToFileURL(path.join(dir, 'etc/firewalld/zones/lab.xml')).href;
    const diags = s.nextDiagnostics(uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'firewalld', version: 1, text: ZONE } });
    await diags;
    return { textDocument: { uri }, position: { line: 3, character: 19 } };
  }

  it('renames the service file and the zone that uses it, for a client that can rename files', async () => {
    const s = await startServer({ rootUri: pathToFileURL(dir).href, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } });
    const at = await openZone(s);
    // The workspace scan runs after the first diagnostics: ask until the service file is known.
    let edit: any;
    for (let i = 0; i < 100 && !edit?.documentChanges; i++) {
      edit = await s.conn.sendRequest('textDocument/rename', { ...at, newName: 'rsync-backup' }).catch(() => undefined);
      if (!edit?.documentChanges) await new Promise((r) => setTimeout(r, 50));
    }
    const svc = pathToFileURL(path.join(dir, 'etc/firewalld/services')).href;
    assert.deepEqual(
      edit.documentChanges.filter((c: any) => c.kind === 'rename').map((c: any) => [c.oldUri, c.newUri]),
      [[`${svc}/backup.xml`, `${svc}/rsync-backup.xml`]],
    );
    const text = edit.documentChanges.find((c: any) => c.textDocument?.uri === at.textDocument.uri);
    assert.deepEqual(text.edits.map((e: any) => e.newText), ['rsync-backup']);
  });

  it('refuses, saying why, for a client that cannot rename files', async () => {
    const s = await startServer({ rootUri: pathToFileURL(dir).href });
    const at = await openZone(s);
    await assert.rejects(s.conn.sendRequest('textDocument/prepareRename', at), (e: any) => /cannot rename files/.test(e.message));
  });

  it('refuses a zone-length name firewalld would reject', async () => {
    const s = await startServer({ rootUri: pathToFileURL(dir).href, workspaceEdit: { documentChanges: true, resourceOperations: ['rename'] } });
    const at = await openZone(s);
    await assert.rejects(
      s.conn.sendRequest('textDocument/rename', { textDocument: at.textDocument, position: { line: 1, character: 2 }, newName: 'a-very-long-zone-name' }),
      (e: any) => /at most 17 characters/.test(e.message),
    );
  });
});
