// The log viewer (custom editor linuxAdminConfigs.logViewer) in a real VS Code: a generated
// 200 MB syslog file opens at once, scrolls to its end, filters with a running count, follows
// appended lines, draws its charts, and shows hostile text as text.
import * as assert from 'node:assert/strict';
import { appendFileSync, closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { screenshot, useSession } from './harness';
import { openTab, poll, runCommand, webviewFrame } from './vscode';

const FILE = 'var/log/huge.log';
const TARGET_BYTES = 200 * 1024 * 1024;
const XSS = '<img src=x onerror=alert(1)>';
const LAST_MARK = 'END-OF-GENERATED-LOG';
/** Every KEY_EVERY-th line (from line KEY_AT) is an sshd "Failed password" line; nothing else says "failed". */
const KEY_EVERY = 101;
const KEY_AT = 50;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function stamp(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const TEMPLATES: ((i: number) => string)[] = [
  (i) => `web01 CRON[${10000 + (i % 5000)}]: (root) CMD (run-parts /etc/cron.hourly)`,
  (i) => `web01 systemd[1]: Started session-${i % 9000}.scope - Session ${i % 9000} of User admin.`,
  (i) => `web01 postfix/smtpd[${20000 + (i % 3000)}]: connect from mail${i % 40}.example.net[198.51.100.${i % 250}]`,
  (i) => `web01 sshd[${30000 + (i % 7000)}]: Accepted publickey for admin from 192.0.2.${i % 250} port ${40000 + (i % 20000)} ssh2: RSA SHA256:q8Xk3Yt1vZp0aB9cD7eF2gH4iJ6kL8mN0oP2qR4sT6u`,
  (i) => `web01 kernel: [${(i / 10).toFixed(6)}] e1000e 0000:00:19.0 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None`,
  (i) => `web01 named[812]: client @0x7f3a2c0e${pad(i % 100)} 203.0.113.${i % 250}#${50000 + (i % 9999)} (www.example.com): query: www.example.com IN A + (192.0.2.1)`,
];
const keyLine = (i: number) => `web01 sshd[${30000 + (i % 7000)}]: Failed password for invalid user oracle from 203.0.113.${i % 250} port ${40000 + (i % 20000)} ssh2`;

/** Writes the log; returns its line count and how many lines contain "Failed". */
function generate(path: string): { lines: number; keyword: number; first: string } {
  const start = Date.UTC(2026, 10, 16, 0, 0, 0);
  const span = 6 * 86400 * 1000; // a week of logs: the chart gets several days
  const estimated = Math.ceil(TARGET_BYTES / 112); // about the mean line length
  const fd = openSync(path, 'w');
  let bytes = 0;
  let i = 0;
  let keyword = 0;
  let first = '';
  let chunk: string[] = [];
  let chunkBytes = 0;
  let lastSec = -1;
  let ts = '';
  const flush = () => {
    const buf = Buffer.from(chunk.join(''), 'utf8');
    writeSync(fd, buf);
    bytes += buf.length;
    chunk = [];
    chunkBytes = 0;
  };
  while (bytes + chunkBytes < TARGET_BYTES) {
    const sec = Math.floor((i * span) / estimated / 1000);
    if (sec !== lastSec) {
      lastSec = sec;
      ts = stamp(new Date(start + sec * 1000));
    }
    let body: string;
    if (i === 2) body = `web01 myapp[4242]: rendered comment ${XSS}`;
    else if (i % KEY_EVERY === KEY_AT) {
      body = keyLine(i);
      keyword++;
    } else body = TEMPLATES[i % TEMPLATES.length](i);
    const line = `${ts} ${body}\n`;
    if (i === 0) first = line.trimEnd();
    chunk.push(line);
    chunkBytes += line.length;
    i++;
    if (chunkBytes > 1 << 20) flush();
  }
  chunk.push(`${stamp(new Date(start + span))} web01 systemd[1]: logrotate.service: Deactivated successfully. ${LAST_MARK}\n`);
  i++;
  flush();
  closeSync(fd);
  return { lines: i, keyword, first };
}

describe('log viewer in VS Code (e2e)', function () {
  let log: { lines: number; keyword: number; first: string } | undefined;
  const dialogs: string[] = [];
  const session = useSession({
    prepare(workspace) {
      mkdirSync(join(workspace, 'var/log'), { recursive: true });
      const t = Date.now();
      log = generate(join(workspace, FILE));
      console.log(`      (generated ${FILE}: ${log.lines} lines, ${log.keyword} with "Failed", in ${Date.now() - t} ms)`);
    },
  });
  let frame: Frame;

  /** The text of the rows the viewer shows now. */
  const rowTexts = () => frame.locator('.rows .row .tx').allInnerTexts();

  it('"Open in Log Viewer" on the active 200 MB file shows its first lines at once', async () => {
    const { page } = session();
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    await openTab(page, FILE);
    // VS Code keeps files this large out of the text editor and says so; let that settle first.
    await page.getByText(/not displayed in the text editor because it is very large/).waitFor({ timeout: 30000 });
    const t = Date.now();
    await runCommand(page, 'Linux Admin Configs: Open in Log Viewer');
    frame = await webviewFrame(page, '#app .scroller');
    await poll('the first line in the viewer', rowTexts, (rows) => rows.includes(log!.first));
    const ms = Date.now() - t;
    console.log(`      (first screen ${ms} ms after the command)`);
    assert.ok(ms < 20000, `first screen took ${ms} ms`);
    await screenshot(page, 'log-viewer');
  });

  it('a line holding an <img onerror> tag shows as text: no img element, no dialog', async () => {
    await poll('the hostile line as text', rowTexts, (rows) => rows.some((r) => r.endsWith(`rendered comment ${XSS}`)));
    assert.equal(await frame.locator('img').count(), 0, 'an <img> element made it into the viewer');
    assert.deepEqual(dialogs, []);
  });

  it('indexes the whole file and the End key scrolls to the last line', async () => {
    const count = await poll(
      'indexing to finish',
      async () => (await frame.locator('#count').innerText()).trim(),
      (t) => /^[\d,]+ lines$/.test(t),
      120000,
    );
    assert.equal(count, `${log!.lines.toLocaleString('en-US')} lines`);
    await frame.locator('.scroller').click({ position: { x: 300, y: 40 } });
    await frame.locator('.scroller').press('End');
    await poll('the last line on screen', rowTexts, (rows) => rows.some((r) => r.includes(LAST_MARK)), 30000);
  });

  it('filtering for "failed" shows the running count until the final one', async () => {
    await frame.locator('#include').fill('failed');
    const seen: string[] = [];
    const final = await poll(
      'the final match count',
      async () => {
        const t = (await frame.locator('#matches').innerText()).trim();
        if (seen[seen.length - 1] !== t) seen.push(t);
        return t;
      },
      (t) => /^[\d,]+ matches$/.test(t),
      120000,
    );
    assert.equal(final.replace(/,/g, ''), `${log!.keyword} matches`, `counts seen: ${seen.join(' | ')}`);
    await poll('matching rows', rowTexts, (rows) => rows.length > 0 && rows.every((r) => r.includes('Failed password')));
    await screenshot(session().page, 'log-viewer-filter');
    await frame.locator('#include').fill('');
    await poll('the unfiltered view', rowTexts, (rows) => rows.some((r) => !r.includes('Failed password')));
  });

  it('the charts button draws the uPlot charts', async () => {
    await frame.locator('#charts').click();
    await poll('a uPlot canvas', () => frame.locator('#chartPanel .uplot canvas').count(), (n) => n > 0, 120000);
    await screenshot(session().page, 'log-viewer-charts');
    await frame.locator('#charts').click();
  });

  it('the context menu of a row explains that line in a Markdown preview, as text', async () => {
    const { page } = session();
    await frame.locator('.scroller').press('Home');
    const row = frame.locator('.rows .row', { hasText: 'rendered comment' }).first();
    await row.waitFor();
    await row.click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    const item = menu.locator('.action-item', { hasText: /^Explain This Log Line$/ }).first();
    await item.waitFor();
    // A click while the menu is still settling is ignored: click until the menu closes.
    await poll(
      'the context menu to take the click',
      async () => {
        if (await menu.isVisible()) await item.click({ timeout: 2000 }).catch(() => undefined);
        return !(await menu.isVisible());
      },
      (closed) => closed,
    );
    const preview = await webviewFrame(page, 'text=Log line explained');
    await poll('the explanation of the hostile line', () => preview.locator('body').innerText(), (t) => t.includes(`A message from myapp: rendered comment ${XSS}`));
    assert.equal(await preview.locator('img').count(), 0, 'an <img> element made it into the preview');
    assert.deepEqual(dialogs, []);
    await screenshot(page, 'log-viewer-explain');
  });

  it('follow mode shows a line appended to the file', async () => {
    const { workspace } = session();
    await frame.locator('#follow').click();
    await poll('follow mode on', () => frame.locator('#follow').getAttribute('aria-pressed'), (v) => v === 'true');
    const mark = `FOLLOW-${Date.now()}`;
    appendFileSync(join(workspace, FILE), `Nov 22 23:59:59 web01 myapp[4242]: appended by the test ${mark}\n`);
    await poll('the appended line on screen', rowTexts, (rows) => rows.some((r) => r.includes(mark)), 30000);
    assert.deepEqual(dialogs, []);
    assert.equal(await frame.locator('img').count(), 0);
  });
});
