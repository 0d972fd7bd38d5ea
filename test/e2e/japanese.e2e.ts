// Japanese docs in a real VS Code. The server picks the docs language from the locale VS Code
// sends in `initialize`, unless linuxAdminConfigs.docs.language says "en" or "ja".
//
// What code-server does (checked with trace.server "verbose", whose log holds the initialize
// request): `--locale ja` alone is not enough. Without a Japanese language pack VS Code resolves
// the display language to English and sends locale "en". With a Japanese language pack
// registered (here an empty one, as the real pack cannot be downloaded offline) it sends "ja".
// The setting linuxAdminConfigs.docs.language = "ja" works either way.
import * as assert from 'node:assert/strict';
import { screenshot, useSession } from './harness';
import { catalogDocs, demoLine, docsFragment } from './docs';
import { goTo, hoverText, openFile, poll, waitForLanguageMode } from './vscode';

const authpriv = catalogDocs('rsyslog', 'facilities.json', 'authpriv');
const authprivLine = demoLine('etc/rsyslog.conf', 'authpriv.*');
const trace = { 'linuxAdminConfigs.trace.server': 'verbose' };

async function hoverAuthpriv(page: import('playwright-core').Page, expected: string, shot?: string): Promise<string> {
  await openFile(page, 'etc/rsyslog.conf');
  await waitForLanguageMode(page, 'rsyslog.conf');
  await goTo(page, authprivLine, 3);
  const text = await hoverText(page, expected);
  if (shot) await screenshot(page, shot, 'editor');
  await page.keyboard.press('Escape');
  return text;
}

describe('Japanese docs with --locale ja and a Japanese language pack (e2e)', () => {
  const session = useSession({ locale: 'ja', japaneseLanguagePack: true, settings: trace });

  it('VS Code sends locale "ja" and the hover shows the Japanese docs', async () => {
    const s = session();
    const text = await hoverAuthpriv(s.page, docsFragment(authpriv.ja, 20), 'rsyslog-hover-ja');
    assert.ok(!text.includes(docsFragment(authpriv.en, 30)), text);
    await poll('initialize with locale "ja"', async () => s.extensionLog(), (log) => /"locale": "ja"/.test(log));
  });
});

describe('Japanese docs without a language pack (e2e)', () => {
  const session = useSession({ locale: 'ja', settings: trace });

  it('--locale ja alone: VS Code falls back to English and sends locale "en"', async () => {
    const s = session();
    await hoverAuthpriv(s.page, docsFragment(authpriv.en, 40));
    await poll('initialize with locale "en"', async () => s.extensionLog(), (log) => /"locale": "en"/.test(log));
  });

  it('the setting linuxAdminConfigs.docs.language "ja" switches the hover to Japanese', async () => {
    const s = session();
    s.setWorkspaceSettings({ 'linuxAdminConfigs.docs.language': 'ja' });
    const text = await hoverAuthpriv(s.page, docsFragment(authpriv.ja, 20));
    assert.match(text, /authpriv/);
  });
});
