import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session } from '../bench/lspClient';
import { serverPerTest } from './stdioServer';

const TREE = path.resolve(__dirname, '../fixtures/lens-root');
const uriOf = (rel: string) => pathToFileURL(path.join(TREE, rel)).href;

/** textDocument/codeLens through the real server, over a workspace holding a copy of a system tree. */
describe('LSP over stdio: code lenses', function () {
  this.timeout(60_000);
  let s: Session | undefined;
  const startServer = serverPerTest();

  async function lenses(rel: string, languageId: string): Promise<any[]> {
    const uri = uriOf(rel);
    const diags = s!.nextDiagnostics(uri);
    await s!.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text: fs.readFileSync(path.join(TREE, rel), 'utf8') } });
    await diags;
    return s!.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  }

  it('announces code lenses; logrotate definitions show their matches and last rotation, rsyslog actions open the log', async () => {
    s = await startServer({ rootUri: pathToFileURL(TREE).href });
    assert.ok(s.initializeResult.capabilities.codeLensProvider);
    const lr = await lenses('etc/logrotate.d/app', 'logrotate');
    assert.deepEqual(lr.map((l) => l.command.title), ['2 files match · last rotated 2026-12-06 00:00', '1 file matches · not in the state file yet']);
    const rs = await lenses('etc/rsyslog.d/app.conf', 'rsyslog');
    assert.deepEqual(rs[0].command, { title: 'Open log', command: 'linuxAdminConfigs.logViewer.open', arguments: [uriOf('var/log/app/a.log')] });
  });

  it('linuxAdminConfigs.codeLens.enable: false turns them off', async () => {
    s = await startServer({ rootUri: pathToFileURL(TREE).href, settings: { codeLens: { enable: false } } });
    assert.deepEqual(await lenses('etc/logrotate.d/app', 'logrotate'), []);
  });
});
