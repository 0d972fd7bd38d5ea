// rsyslog in a real VS Code (code-server + Chromium): language mode, diagnostics in the editor and
// the Problems panel, hover, completion, quick fix, outline and snippets, on the demo workspace.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/codeServer.mjs';
import { demoLine as lineOf, expectAuthprivHover } from './docs';
import { screenshot, useSession } from './harness';
import {
  acceptCompletion,
  applyQuickFix,
  completionLabels,
  expectProblemAt,
  goTo,
  lineText,
  newLineAtEnd,
  openFile,
  outlineEntries,
  poll,
  resolveSnippetLine,
  visibleLines,
  waitForLanguageMode,
} from './vscode';

const demoLine = (prefix: string) => lineOf('etc/rsyslog.conf', prefix);

describe('rsyslog in VS Code (e2e)', () => {
  const session = useSession();

  it('opening etc/rsyslog.conf shows the language mode "rsyslog.conf"', async () => {
    const { page } = session();
    await openFile(page, 'etc/rsyslog.conf');
    await waitForLanguageMode(page, 'rsyslog.conf');
  });

  it('a logrotate.d file without an extension gets the logrotate language', async () => {
    const { page } = session();
    await openFile(page, 'etc/logrotate.d/myapp');
    await waitForLanguageMode(page, 'logrotate');
  });

  it('a misspelt facility (mial.*) gets a squiggle and an entry in the Problems panel', async () => {
    const { page } = session();
    const line = demoLine('mial.*');
    await openFile(page, 'etc/rsyslog.conf');
    await goTo(page, line, 1);
    await expectProblemAt(page, line, 'rsyslog/unknown-facility', /mial/);
    await screenshot(page, 'rsyslog-problems');
  });

  it('hovering authpriv shows its documentation', async () => {
    const { page } = session();
    await openFile(page, 'etc/rsyslog.conf');
    await expectAuthprivHover(page);
    await screenshot(page, 'rsyslog-hover', 'editor');
    await page.keyboard.press('Escape');
  });

  it('completion after "mail." offers the priority "info"', async () => {
    const { page } = session();
    await openFile(page, 'etc/rsyslog.conf');
    await newLineAtEnd(page);
    await page.keyboard.type('mail.');
    const labels = await completionLabels(page, 'info');
    assert.ok(labels.includes('err') || labels.includes('warning'), `priorities expected, got ${labels.join(', ')}`);
    await screenshot(page, 'rsyslog-completion');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+K'); // drop the scratch line again
  });

  it('the quick fix rewrites "$ModLoad imudp" as module(load="imudp")', async () => {
    const { page } = session();
    const line = demoLine('$ModLoad imudp');
    await openFile(page, 'etc/rsyslog.conf');
    await goTo(page, line, 3);
    await applyQuickFix(page, /module\(load="imudp"\)|RainerScript|module\(/);
    await poll(`line ${line} rewritten`, () => lineText(page, line), (t) => t?.trim() === 'module(load="imudp")');
  });

  it('the outline lists the rules by their selectors', async () => {
    const { page } = session();
    await openFile(page, 'etc/rsyslog.conf');
    const entries = await outlineEntries(page, /authpriv\.\*/);
    assert.ok(entries.some((e) => e.includes('cron.*')), entries.join('\n'));
    await screenshot(page, 'rsyslog-outline');
  });

  it('a snippet inserts its body', async () => {
    const { page } = session();
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets/rsyslog.json'), 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    const all = Object.values(snippets);
    const pick = all.find((s) => [s.prefix].flat().includes('forward-udp')) ?? all[0];
    assert.ok(pick, 'snippets/rsyslog.json has no snippets');
    const prefix = [pick.prefix].flat()[0];
    const expected = resolveSnippetLine([pick.body].flat()[0]);
    await openFile(page, 'etc/rsyslog.d/10-remote.conf');
    await newLineAtEnd(page);
    await page.keyboard.type(prefix);
    await acceptCompletion(page, prefix);
    await page.keyboard.press('Escape'); // leave snippet mode
    await poll(`the snippet text "${expected}"`, async () => [...(await visibleLines(page)).values()], (lines) => lines.some((l) => l.trim() === expected.trim()));
  });
});
