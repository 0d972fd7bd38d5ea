// The web extension (package.json "browser") in a real VS Code: code-server is told by the user
// setting remote.extensionKind to run the extension in the browser's Web Worker extension host
// instead of the remote (Node) one, the way vscode.dev and github.dev run it. Diagnostics and hover
// then come from the language server in a Web Worker (dist/web/server.js).
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/codeServer.mjs';
import { demoLine as lineOf, expectAuthprivHover } from './docs';
import { useSession } from './harness';
import { expectProblemAt, goTo, openFile, waitForLanguageMode } from './vscode';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string };
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const demoLine = (prefix: string) => lineOf('etc/rsyslog.conf', prefix);

describe('the web extension in the browser (e2e)', () => {
  const session = useSession({ settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });

  it('a misspelt facility (mial.*) gets a squiggle and a Problems row from the Web Worker server', async () => {
    const { page } = session();
    const line = demoLine('mial.*');
    await openFile(page, 'etc/rsyslog.conf');
    await waitForLanguageMode(page, 'rsyslog.conf');
    await goTo(page, line, 1);
    await expectProblemAt(page, line, 'rsyslog/unknown-facility', /mial/, 60000);
  });

  it('hovering authpriv shows its documentation', async () => {
    const { page } = session();
    await openFile(page, 'etc/rsyslog.conf');
    await expectAuthprivHover(page);
    await page.keyboard.press('Escape');
  });

  it('the extension ran in the browser: the remote (Node) extension host never activated it, and no Node server was started', async () => {
    const { dir } = session();
    const remoteHost = findLogs(dir, 'remoteexthost.log');
    // The remote host did run (the built-in git extension activates there at start-up) ...
    assert.match(remoteHost, /_doActivateExtension vscode\.git\b/, 'no remote extension host log found');
    // ... but never ours, and no Node process of this session runs the desktop server bundle.
    assert.doesNotMatch(remoteHost, new RegExp(`_doActivateExtension ${EXTENSION_ID.replace(/\./g, '\\.')}`));
    assert.deepEqual(nodeServersOf(dir), []);
  });
});

/** The contents of the session's log files called `name`. */
function findLogs(dir: string, name: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name === name) out.push(readFileSync(join(d, e.name), 'utf8'));
    }
  };
  walk(join(dir, 'state', 'data', 'logs'));
  return out.join('\n');
}

/** Command lines of processes running dist/server.js out of the session's extensions. */
function nodeServersOf(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // gone already
    }
    if (cmd.includes(dir) && /dist\/server\.js/.test(cmd)) found.push(cmd);
  }
  return found;
}
