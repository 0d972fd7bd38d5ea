// The webview bundle in headless Chromium, on a page with a stub acquireVsCodeApi that answers the
// protocol: log text is shown as text, control characters are visible, highlighting is there and
// only the visible rows exist.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from './engineHelpers';
import { webviewStrings } from '../../../client/src/logViewer/strings';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../../..');

// Runs in the page: a fake host that answers 'ready' and 'getLines' like the extension does.
const STUB = `
window.__sent = [];
window.__total = 100000;
function lineText(n) {
  if (window.__other) return 'other content ' + n;
  if (n === 0) return '<img src=x onerror=alert(1)>';
  if (n === 1) return 'Dec 27 00:01:08 sv app[1]: abc\\u202Eevil \\u001b[31mred';
  if (n === 2) return 'Dec 27 00:01:08 sv postfix/smtp[17635]: 90442C9CB29: to=<sally@example.com>, relay=none (connect to uk.example[62.50.72.146]: Connection timed out)';
  return 'Dec 27 00:01:08 sv sshd[99]: Failed password for invalid user oracle from 192.0.2.7 seq=' + n;
}
// Two days for the charts: the second has half the lines of the first, in the millions.
const day0 = Date.UTC(2026, 11, 26) / 3600000;
window.__stats = { lines: 15000000, unparsed: 0, programs: [{ program: 'postfix/smtp', lines: 15000000 }], programDays: {},
  hours: [{ hour: day0 + 3, lines: 10000000, bytes: 1, firstLine: 0 }, { hour: day0 + 27, lines: 5000000, bytes: 1, firstLine: 10000000 }] };
function reply(m) { window.postMessage(m, '*'); }
window.acquireVsCodeApi = () => ({
  postMessage(m) {
    window.__sent.push(m);
    setTimeout(() => {
      if (m.type === 'ready') reply(window.__lastInit = { type: 'init', files: ['/var/log/maillog'], encoding: 'utf-8', encodings: ['utf-8', 'shift_jis'], locale: 'en', strings: ${JSON.stringify(webviewStrings('en'))}, legend: [], rules: [{ pattern: 'oracle', regex: false, category: 'access' }], lineCount: window.__total, indexing: false, maxLineBytes: 65536, rotatedSiblings: 2 });
      if (m.type === 'stats') reply({ type: 'stats', stats: window.__stats });
      if (m.type === 'getLines') {
        const lines = [];
        for (let n = m.from; n < Math.min(window.__total, m.from + m.count); n++) lines.push({ n, text: lineText(n), bytes: lineText(n).length, cut: false });
        reply({ type: 'lines', req: m.req, view: m.view, from: m.from, lines });
      }
      // The file's real end (__fileTotal lines) while only __total are indexed: no line numbers yet.
      if (m.type === 'tail') {
        const lines = [];
        const end = window.__fileTotal || window.__total;
        for (let n = Math.max(0, end - m.count); n < end; n++) lines.push({ n: -1, text: lineText(n), bytes: lineText(n).length, cut: false });
        reply({ type: 'tail', req: m.req, lines });
      }
    }, 0);
  },
  getState() {}, setState() {},
});
`;

describe('log viewer webview in headless Chromium', function () {
  this.timeout(60_000);
  let ctx: BrowserContext | undefined;
  let page: Page;
  let dialogs = 0;
  const T = tempDir();

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`${CHROMIUM} is missing: the browser tests cannot run under CI`);
      console.log(`      (skipped: ${CHROMIUM} is not installed; install chromium to run the webview tests)`);
      this.skip();
    }
    // The webview bundles exactly as scripts/build.mjs makes dist/webview.js and the charts it loads on use (built fresh here).
    const bundle = { bundle: true, minify: true, platform: 'browser', format: 'iife', target: 'es2022', loader: { '.css': 'css' }, logLevel: 'error' } as const;
    await esbuild.build({ ...bundle, entryPoints: [path.join(ROOT, 'client/webview/main.ts')], outfile: path.join(T.dir, 'webview.js') });
    await esbuild.build({ ...bundle, entryPoints: [path.join(ROOT, 'client/webview/chartsEntry.ts')], outfile: path.join(T.dir, 'webviewCharts.js') });
    fs.writeFileSync(
      path.join(T.dir, 'index.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="webview.css"></head><body class="vscode-dark"><div id="app"></div><script>${STUB}</script><script src="webview.js"></script></body></html>`,
    );
    ctx = await chromium.launchPersistentContext(path.join(T.dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1000, height: 600 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('file://' + path.join(T.dir, 'index.html'));
    await page.waitForSelector('.row[data-n="2"]');
  });

  after(async () => {
    await ctx?.close();
    T.cleanup();
  });

  it('shows <img src=x onerror=alert(1)> literally and runs nothing', async () => {
    const text = await page.textContent('.row[data-n="0"] .tx');
    assert.equal(text, '<img src=x onerror=alert(1)>');
    assert.equal(await page.locator('.rows img').count(), 0);
    await page.waitForTimeout(100);
    assert.equal(dialogs, 0);
  });

  it('shows U+202E and ANSI escapes as visible markers', async () => {
    const markers = await page.locator('.row[data-n="1"] .ctl').allTextContents();
    assert.deepEqual(markers, ['<U+202E>', '␛']);
    assert.match((await page.textContent('.row[data-n="1"] .tx')) ?? '', /abc<U\+202E>evil ␛\[31mred/);
  });

  it('highlights structure, keywords, user rules, and offers trace tokens', async () => {
    const row = page.locator('.row[data-n="2"]');
    assert.equal(await row.locator('.t-ts').textContent(), 'Dec 27 00:01:08');
    assert.equal(await row.locator('.t-prog').textContent(), 'postfix/smtp');
    assert.equal(await row.locator('.t-qid').textContent(), '90442C9CB29');
    assert.equal(await row.locator('.t-ip').textContent(), '62.50.72.146');
    assert.equal(await row.locator('.kw-network').textContent(), 'timed out');
    assert.equal(await page.locator('.row[data-n="3"] .kw-access').first().textContent(), 'oracle');
    const ctxAttr = JSON.parse((await row.getAttribute('data-vscode-context')) ?? '{}');
    assert.equal(ctxAttr.webviewSection, 'logLine');
    assert.match(ctxAttr.text, /^Dec 27 00:01:08 sv postfix\/smtp/);
    // The click may land while the row is still being laid out: click until the trace filter is
    // sent (a lost click left the later tests in a traced view, and they all failed with it).
    const lastFilter = () => page.evaluate(() => (window as unknown as { __sent: { type: string; spec?: { include: { pattern: string }[] } }[] }).__sent.filter((m) => m.type === 'filter').at(-1)?.spec?.include[0]?.pattern);
    for (let i = 0; i < 20 && (await lastFilter()) !== '90442C9CB29'; i++) {
      await row.locator('.t-qid').click();
      await page.waitForFunction(() => (window as any).__sent.some((m: { type: string }) => m.type === 'filter'), undefined, { timeout: 1000 }).catch(() => undefined);
    }
    assert.equal(await lastFilter(), '90442C9CB29');
    // Back to no filter: each click on the badge undoes one trace.
    for (let i = 0; i < 20 && (await page.isVisible('#trace')); i++) await page.click('#trace');
    assert.equal(await page.isVisible('#trace'), false, 'the trace badge is gone once every trace is undone');
    assert.equal(await page.isVisible('#rotated'), true, 'the rotated-set button shows when siblings exist');
  });

  it('charts counts from 0 (half the lines, half the bar) with every digit of the y labels inside the chart', async () => {
    await page.click('#charts');
    await page.waitForSelector('.chart canvas');
    const got = await page.evaluate(() => {
      const chart = document.querySelector('.chart')!;
      const canvas = chart.querySelector('canvas')!;
      const g = canvas.getContext('2d')!;
      const { data, width, height } = g.getImageData(0, 0, canvas.width, canvas.height);
      // Bar pixels: the series colour (#3794ff outside VS Code), filled or stroked.
      const heights: number[] = [];
      for (let x = 0; x < width; x++) {
        let n = 0;
        for (let y = 0; y < height; y++) {
          const i = (y * width + x) * 4;
          if (data[i + 3] > 100 && Math.abs(data[i] - 0x37) < 24 && Math.abs(data[i + 1] - 0x94) < 24 && data[i + 2] > 220) n++;
        }
        heights.push(n);
      }
      const bars: number[] = [];
      heights.forEach((h, x) => {
        if (h > 0 && !(heights[x - 1] > 0)) bars.push(0);
        if (h > 0) bars[bars.length - 1] = Math.max(bars[bars.length - 1], h);
      });
      // The y axis: uPlot's second axis element, as wide as uPlot made room for.
      const yAxis = chart.querySelectorAll<HTMLElement>('.u-axis')[1];
      const m = document.createElement('canvas').getContext('2d')!;
      m.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
      return { bars, axis: yAxis.offsetWidth, label: m.measureText((10_000_000).toLocaleString()).width };
    });
    assert.equal(got.bars.length, 2, `two bars: ${JSON.stringify(got.bars)}`);
    const ratio = got.bars[1] / got.bars[0];
    assert.ok(ratio > 0.4 && ratio < 0.6, `the day with half the lines is half as tall (ratio ${ratio.toFixed(2)})`);
    assert.ok(got.axis >= got.label + 10, `y axis ${got.axis}px for a ${got.label.toFixed(0)}px label plus its tick`);
    await page.click('#charts');
  });

  it('counts "1 match" and "2 matches"', async () => {
    await page.fill('#include', 'oracle');
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'filter'));
    const id = await page.evaluate(() => (window as unknown as { __sent: { type: string; id: number }[] }).__sent.filter((m) => m.type === 'filter').at(-1)!.id);
    for (const [n, text] of [[1, '1 match'], [2, '2 matches']] as const) {
      await page.evaluate(([id, n]) => window.postMessage({ type: 'filterResult', id, matches: n, done: true }, '*'), [id, n]);
      await page.waitForFunction((t) => document.getElementById('matches')!.textContent === t, text);
    }
    await page.fill('#include', '');
    await page.waitForFunction(() => document.getElementById('matches')!.textContent === '');
  });

  it('applies settings changed while open: new highlight rules and words, without reopening', async () => {
    await page.evaluate((strings) => window.postMessage({ type: 'settings', locale: 'ja', strings, legend: [], rules: [{ pattern: 'seq=\\d+', regex: true, color: '#d19a66' }], maxLineBytes: 65536 }, '*'), webviewStrings('ja'));
    await page.waitForSelector('.row[data-n="3"] .kw.rule');
    assert.equal(await page.textContent('.row[data-n="3"] .kw.rule'), 'seq=3');
    assert.equal(await page.textContent('#legendBtn'), '凡例');
    await page.evaluate((strings) => window.postMessage({ type: 'settings', locale: 'en', strings, legend: [], rules: [], maxLineBytes: 65536 }, '*'), webviewStrings('en'));
    await page.waitForFunction(() => !document.querySelector('.row[data-n="3"] .kw.rule'));
  });

  it('shows a file that cannot be opened as its message alone, with a way to pick another', async () => {
    await page.evaluate(() => window.postMessage({ type: 'unavailable', message: '/var/log/gone.log does not exist (it may have been rotated or deleted).', locale: 'en', strings: { unavailable: 'This log cannot be shown.', pickFile: 'Choose a file…', retry: 'Try again' } }, '*'));
    await page.waitForSelector('#unavailable:not(.hidden)');
    assert.equal(await page.isVisible('.toolbar'), false, 'no toolbar of empty buttons');
    assert.equal(await page.isVisible('.status'), false);
    assert.match((await page.textContent('#unavailable')) ?? '', /gone\.log does not exist/);
    const buttons = await page.locator('#unavailable button').allTextContents();
    assert.deepEqual(buttons, ['Choose a file…', 'Try again']);
    await page.click('#pickFile');
    await page.click('#retry');
    const sent = await page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent.map((m) => m.type).filter((t) => t === 'pickFile' || t === 'ready').slice(-2));
    assert.deepEqual(sent, ['pickFile', 'ready']);
    // The retry's init (the stub answers ready) brings the viewer back.
    await page.waitForSelector('#unavailable.hidden', { state: 'attached' });
    assert.equal(await page.isVisible('.toolbar'), true);
  });

  it('renders only the visible rows, even for more lines than an element can be tall', async () => {
    await page.waitForFunction(() => !document.querySelector('.row.placeholder'));
    const rows = await page.locator('.rows .row').count();
    assert.ok(rows > 10 && rows <= 40, `${rows} rows in the DOM for 100,000 lines`);
    // 50 million lines: far more than the ~33 M pixel limit of an element.
    await page.evaluate(() => {
      (window as unknown as { __total: number }).__total = 50_000_000;
      window.postMessage({ type: 'count', lineCount: 50_000_000, indexing: false }, '*');
    });
    await page.focus('.scroller');
    await page.keyboard.press('End');
    await page.waitForSelector('.row[data-n="49999999"]');
    const info = await page.evaluate(() => ({ rows: document.querySelectorAll('.rows .row').length, height: (document.querySelector('.spacer') as HTMLElement).offsetHeight }));
    assert.ok(info.rows <= 40, `${info.rows} rows`);
    assert.ok(info.height <= 8_000_000, `spacer ${info.height}px`);
    // The scrollbar maps onto the whole range: the middle of the bar is the middle of the file.
    await page.evaluate(() => {
      const s = document.querySelector('.scroller') as HTMLElement;
      s.scrollTop = (s.scrollHeight - s.clientHeight) / 2;
    });
    await page.waitForFunction(() => {
      const n = Number(document.querySelector('.rows .row:not(.placeholder)')?.getAttribute('data-n'));
      return n > 24_900_000 && n < 25_100_000;
    });
  });

  it('a second init (the journal read again under other filters) drops the lines cached for the first', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __other: boolean; __total: number };
      w.__other = true;
      w.__total = 100;
      window.postMessage({ ...(w as unknown as { __lastInit: object }).__lastInit, lineCount: 100 }, '*');
    });
    await page.focus('.scroller');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('.row[data-n="2"] .tx')?.textContent === 'other content 2', undefined, { timeout: 5000 });
  });

  it('shows the file\'s format in the status bar, and nothing for a file of no known format', async () => {
    await page.evaluate(() => window.postMessage({ ...(window as unknown as { __lastInit: object }).__lastInit, format: 'Apache/nginx access log (combined)' }, '*'));
    await page.waitForFunction(() => document.querySelector('#format')?.textContent === 'Format: Apache/nginx access log (combined)', undefined, { timeout: 5000 });
    assert.equal(await page.isVisible('#format'), true);
    await page.evaluate(() => window.postMessage((window as unknown as { __lastInit: object }).__lastInit, '*'));
    await page.waitForFunction(() => document.querySelector('#format')?.textContent === '', undefined, { timeout: 5000 });
    assert.equal(await page.isVisible('#format'), false);
  });

  it('shows the first screen from the lines that come with init, asking the host for none', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __sent: unknown[]; __lastInit: object; __other: boolean; __total: number };
      w.__sent.length = 0;
      w.__other = false;
      w.__total = 5000;
      const first = Array.from({ length: 200 }, (_, n) => ({ n, text: `sent with init ${n}`, bytes: 20, cut: false }));
      window.postMessage({ ...w.__lastInit, lineCount: 5000, indexing: true, first }, '*');
    });
    await page.waitForFunction(() => document.querySelector('.row[data-n="0"] .tx')?.textContent === 'sent with init 0', undefined, { timeout: 5000 });
    const asked = await page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent.filter((m) => m.type === 'getLines').length);
    assert.equal(asked, 0);
  });

  it('End while the file is still being indexed shows its real last lines, numbered once the index gets there', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __lastInit: object; __total: number; __fileTotal: number };
      w.__total = 1000;
      w.__fileTotal = 5000;
      window.postMessage({ ...w.__lastInit, lineCount: 1000, indexing: true }, '*');
    });
    await page.waitForSelector('.row[data-n="0"]');
    await page.focus('.scroller');
    await page.keyboard.press('End');
    const texts = () => page.locator('.rows .row .tx').allTextContents();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.rows .row .tx')).some((e) => e.textContent?.endsWith('seq=4999')), undefined, { timeout: 5000 });
    assert.ok((await texts()).every((t) => !t.endsWith('seq=999')), 'not the last line indexed so far');
    assert.deepEqual(await page.locator('.rows .row .no').evaluateAll((els) => [...new Set(els.map((e) => e.textContent))]), [''], 'no line numbers before the index gets there');
    // The index reaches the end: the same lines, now numbered.
    await page.evaluate(() => {
      (window as unknown as { __total: number }).__total = 5000;
      window.postMessage({ type: 'count', lineCount: 5000, indexing: false }, '*');
    });
    await page.waitForSelector('.row[data-n="4999"]');
    assert.match((await page.textContent('.row[data-n="4999"] .tx')) ?? '', /seq=4999$/);
    assert.equal(await page.textContent('.row[data-n="4999"] .no'), '5000');
  });

  it('filters at once on the text it was opened on (a LOG rule\'s prefix), shown in the include box', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { __sent: unknown[]; __lastInit: object };
      w.__sent.length = 0;
      window.postMessage({ ...w.__lastInit, filter: 'dropped:' }, '*');
    });
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'filter'));
    const sent = await page.evaluate(() => (window as unknown as { __sent: { type: string; spec?: { include: { pattern: string }[] } }[] }).__sent.filter((m) => m.type === 'filter'));
    assert.equal(sent.at(-1)?.spec?.include[0].pattern, 'dropped:');
    assert.equal(await page.inputValue('#include'), 'dropped:');
  });
});
