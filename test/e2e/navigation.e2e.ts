// Navigation in a real VS Code, on a small copy of a system tree (test/fixtures/navigation):
// Ctrl+click on an include opens the included file, Ctrl+click on a log path opens it in the log
// viewer, and F2 on an rsyslog template renames it in the two files that name it.
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from '../../scripts/codeServer.mjs';
import { useSession } from './harness';
import { activeEditor, goToText, openFile, poll, runCommand, waitForLanguageMode, webviewFrame } from './vscode';

/** The active tab's title. */
const activeTitle = (page: Page) => page.locator('.tabs-container .tab.active .label-name').first().innerText();

/**
 * Ctrl+click on the first rendered token holding `text`, with the mouse as a user moves it: onto
 * the token, Control down, a move that shows the link, then the click. (The editor's text spans do
 * not take pointer events themselves, so this goes by coordinates.)
 */
async function ctrlClick(page: Page, text: string): Promise<void> {
  const token = activeEditor(page).locator('.view-line span span', { hasText: text }).first();
  await token.waitFor({ timeout: 60000 });
  const box = await token.boundingBox();
  if (!box) throw new Error(`"${text}" is not on screen`);
  const x = box.x + Math.min(box.width / 2, 40);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.keyboard.down('Control');
  try {
    await page.mouse.move(x + 2, y, { steps: 2 });
    await activeEditor(page).locator('.detected-link-active, .goto-definition-link').first().waitFor({ timeout: 10000 });
    await page.mouse.down();
    await page.mouse.up();
  } finally {
    await page.keyboard.up('Control');
  }
}

describe('navigation in VS Code (e2e)', () => {
  const session = useSession({
    prepare(workspace) {
      // Only the navigation fixture: a small copy of a system tree at the workspace's root.
      for (const name of readdirSync(workspace)) rmSync(join(workspace, name), { recursive: true, force: true });
      cpSync(join(ROOT, 'test/fixtures/navigation'), workspace, { recursive: true });
    },
  });

  it('Ctrl+click on include(file="/etc/rsyslog.d/*.conf") opens the included file', async () => {
    const { page } = session();
    await openFile(page, 'etc/rsyslog.conf');
    await waitForLanguageMode(page, 'rsyslog.conf');
    // The links come from the server: click until the included file's tab is the active one.
    await poll(
      'the included file to open',
      async () => {
        if ((await activeTitle(page)) === 'rsyslog.conf') await ctrlClick(page, 'rsyslog.d');
        return activeTitle(page);
      },
      (t) => t === '10-remote.conf',
      120000,
    );
  });

  it('Ctrl+click on a logrotate log path opens the log in the log viewer', async () => {
    const { page } = session();
    await openFile(page, 'etc/logrotate.d/httpd');
    await waitForLanguageMode(page, 'logrotate');
    let frame: Frame | undefined;
    await poll(
      'the log viewer to open',
      async () => {
        if ((await activeTitle(page)) === 'httpd') await ctrlClick(page, '/var/log/httpd');
        frame = await webviewFrame(page, '#app .scroller', 5000).catch(() => undefined);
        return frame !== undefined;
      },
      (ok) => ok,
      120000,
    );
    assert.equal(await activeTitle(page), 'access_log');
    await poll('the log line in the viewer', () => frame!.locator('.rows .row .tx').allInnerTexts(), (rows) => rows.some((r) => r.includes('"GET / HTTP/1.1" 200 5')), 60000);
  });

  it('F2 on a template name renames it in rsyslog.conf and rsyslog.d/10-remote.conf', async () => {
    const { page, workspace } = session();
    await openFile(page, 'etc/rsyslog.conf');
    await waitForLanguageMode(page, 'rsyslog.conf');
    await goToText(page, 'name="RemoteFormat"', 'name="'.length + 2);
    const box = page.locator('.rename-box input, .rename-box textarea').first();
    // The server may still be indexing the workspace: press F2 until the rename box shows the name.
    await poll(
      'the rename box with the template name',
      async () => {
        if (!(await box.isVisible())) await page.keyboard.press('F2');
        await box.waitFor({ timeout: 5000 });
        return box.inputValue();
      },
      (v) => v === 'RemoteFormat',
      120000,
    );
    await box.fill('ForwardFormat');
    await page.keyboard.press('Enter');
    await box.waitFor({ state: 'hidden' });
    await runCommand(page, 'File: Save All Files');
    const read = (rel: string) => readFileSync(join(workspace, rel), 'utf8');
    const files = ['etc/rsyslog.conf', 'etc/rsyslog.d/10-remote.conf'];
    await poll(
      'both files renamed on disk',
      async () => files.map(read),
      (texts) => texts.every((t) => t.includes('template="ForwardFormat"') && !t.includes('RemoteFormat')),
      60000,
    );
    assert.match(read('etc/rsyslog.conf'), /template\(name="ForwardFormat"/);
  });
});
