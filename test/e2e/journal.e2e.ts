// The journal viewer in a real VS Code over real journal files: a journal written by
// systemd-journal-remote in the workspace opens from the explorer's menu, shows its first entries
// and the journalctl command it reads with, and the unit filter (a quick pick) narrows the entries
// to what `journalctl --directory D -u UNIT` prints.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { writeJournal, type FixtureEntry } from '../fixtures/journal/generate';
import { screenshot, useSession } from './harness';
import { poll, webviewFrame } from './vscode';

/** A machine-id folder at the workspace root: the explorer offers the journal command on it. */
const DIR = '0123456789abcdef0123456789abcdef';
const ENTRIES = 3000;
const UNIT = 'cron.service';

function entries(): FixtureEntry[] {
  const start = Date.UTC(2024, 4, 1, 0, 0, 0) * 1000;
  return Array.from({ length: ENTRIES }, (_, i) => {
    // Two units, but not in strict turns: cron gets one entry in three.
    const cron = i % 3 === 1;
    return {
      time: start + i * 1_000_000,
      boot: '1111111111111111111111111111111a',
      unit: cron ? UNIT : 'sshd.service',
      ident: cron ? 'CRON' : 'sshd',
      pid: cron ? 700 : 900 + (i % 5),
      priority: i % 8,
      message: cron ? `(root) CMD (run-parts /etc/cron.hourly) entry-${i}` : `Accepted publickey for admin from 192.0.2.${i % 250} entry-${i}`,
    };
  });
}

/** The MESSAGE of every entry journalctl prints for `args` (one line each: no message has a newline). */
function journalctl(dir: string, ...args: string[]): string[] {
  return execFileSync('journalctl', ['--directory', dir, '-o', 'cat', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n').filter(Boolean);
}

describe('journal viewer in VS Code (e2e)', function () {
  let dir = '';
  const session = useSession({
    prepare(workspace) {
      dir = join(workspace, DIR);
      mkdirSync(dir, { recursive: true });
      writeJournal(join(dir, 'system.journal'), entries());
    },
  });
  let frame: Frame;
  const rowTexts = () => frame.locator('.rows .row .tx').allInnerTexts();
  const count = () =>
    poll(
      'the entry count',
      async () => (await frame.locator('#count').innerText()).trim(),
      (t) => /^[\d,]+ lines$/.test(t),
      60000,
    ).then((t) => Number(t.replace(/[^\d]/g, '')));

  async function explorerMenu(page: Page, label: string, command: string): Promise<void> {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await row.waitFor({ timeout: 30000 });
    const menu = page.locator('.context-view .monaco-menu');
    const item = menu.locator('.action-item', { hasText: command }).first();
    await poll(
      `"${command}" in the explorer's menu`,
      async () => {
        if (!(await menu.isVisible())) await row.click({ button: 'right' });
        // A menu opened before the extension's contributions arrived lacks the item: close it, try again.
        if (!(await item.waitFor({ timeout: 3000 }).then(() => true, () => false))) {
          await page.keyboard.press('Escape');
          return false;
        }
        // A click that the menu takes closes it; one it ignores (still settling) leaves it open and
        // is tried again on the same menu. Never open the menu again after a click that was taken:
        // a slow menu fading out would otherwise open a second viewer.
        await item.click({ timeout: 2000 });
        return menu.waitFor({ state: 'hidden', timeout: 5000 }).then(
          () => true,
          () => false,
        );
      },
      (closed) => closed,
      60000,
    );
  }

  it('the explorer menu on a journal folder opens it and shows its first entries', async () => {
    const { page } = session();
    await explorerMenu(page, DIR, 'Open the systemd Journal in the Log Viewer');
    frame = await webviewFrame(page, '#app .scroller');
    const all = journalctl(dir);
    assert.equal(all.length, ENTRIES);
    await poll('the first entries', rowTexts, (rows) => rows.length >= 5 && all.slice(0, 5).every((m, i) => rows[i].endsWith(`: ${m}`)));
    await poll('the whole count', count, (n) => n === all.length, 60000);
    await screenshot(page, 'journal-viewer');
  });

  it('shows the journalctl command line it reads with', async () => {
    const msg = await poll('the command line', () => frame.locator('#message').innerText(), (t) => t.includes('journalctl'));
    assert.match(msg, new RegExp(`journalctl --directory \\S*${DIR}(\\s|$)`));
  });

  it('the unit filter narrows the entries to journalctl -u UNIT', async () => {
    const { page } = session();
    const expected = journalctl(dir, '-u', UNIT);
    assert.ok(expected.length > 0 && expected.length < ENTRIES);
    // The command opens a quick pick of its own: runCommand() would wait for the palette to close.
    const qi = page.locator('.quick-input-widget');
    const unitItem = qi.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^-u$/ }) }).first();
    await poll(
      'the journal filter quick pick',
      async () => {
        if (!(await qi.locator('input').isVisible())) await page.keyboard.press('F1');
        await qi.locator('input').fill('>Journal Viewer: Filter by Unit');
        await qi.locator('.monaco-list-row', { hasText: 'Journal Viewer: Filter by Unit' }).first().click({ timeout: 3000 });
        await unitItem.waitFor({ timeout: 3000 });
        return true;
      },
      (ok) => ok,
      60000,
    );
    await unitItem.click();
    const unitRow = qi.locator(`.monaco-list-row[aria-label="${UNIT}"]:visible`).first();
    await unitRow.waitFor({ timeout: 30000 });
    // Tick the unit until the quick pick counts it (a click while the list is still settling is
    // lost), then accept with the OK button.
    const selected = qi.locator('.quick-input-count');
    const oneSelected = async () => /^1\b/.test(((await selected.innerText().catch(() => '')) || '').trim());
    await poll(
      'the unit ticked',
      async () => {
        if (await oneSelected()) return true;
        await unitRow.locator('input[type=checkbox], .monaco-checkbox, .quick-input-list-checkbox').first().click({ timeout: 2000 });
        return poll('the count to follow', oneSelected, (ok) => ok, 2000).catch(() => false);
      },
      (ok) => ok,
      30000,
    );
    await qi.locator('.quick-input-action .monaco-button, .quick-input-ok .monaco-button', { hasText: 'OK' }).first().click();
    await qi.waitFor({ state: 'hidden' });
    await poll('the filtered entries', rowTexts, (rows) => rows.length >= 3 && expected.slice(0, 3).every((m, i) => rows[i].endsWith(`: ${m}`)), 60000);
    await poll('the filtered count', count, (n) => n === expected.length, 60000);
    const msg = await frame.locator('#message').innerText();
    assert.match(msg, new RegExp(`journalctl --directory \\S*${DIR} -u ${UNIT.replace('.', '\\.')}`));
  });
});
