// The session behind firstScreen.bench.ts: one code-server, a 1 KB log and a 1 GB log (generated
// once into .cache/bench/, linked into the workspace), each opened BENCH_RUNS times (default 7,
// alternating, after one cold open of each) with "Linux Admin Configs: Open in Log Viewer".
//
// Clock: every frame gets a probe (a Playwright init script) that notes, on the shared wall clock
// performance.timeOrigin + performance.now(), when the webview's script has run, when the init
// and first lines messages arrive and when the first row with a line number is in the DOM. The
// start is taken in the workbench page right before Enter runs the command, once the file's tab
// has settled (SETTLE_MS after the text editor shows it, or says it is too large).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syslogText, writeSyslogFile } from '../fixtures/logs/generate';
import { closeBrowser, launch, type Session } from '../e2e/harness';
import { activeEditor, openTab, poll, runCommand } from '../e2e/vscode';
import { ms, printTable } from './common';

const ROOT = process.cwd();
const BIG_MB = Number(process.env.BENCH_LOG_MB ?? 1024);
const BIG = path.join(ROOT, '.cache', 'bench', `syslog-${BIG_MB}mb.log`);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COMMAND = 'Linux Admin Configs: Open in Log Viewer';
const TARGET_MS = 100;
const SETTLE_MS = 1500;

interface Probe {
  frame: number;
  /** webview.js requested and received (resource timing). */
  fetch?: number;
  fetched?: number;
  jsBytes?: number;
  script?: number;
  init?: number;
  lines?: number;
  row?: number;
  text?: string;
}

/** Runs in every frame before its own scripts. Message listeners go on once #app exists: VS Code writes the webview's document after the frame loads, which drops earlier listeners. */
const PROBE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const p = (window.__lacProbe = { frame: performance.timeOrigin });
  let hooked = false;
  const check = () => {
    if (!hooked && document.getElementById('app')) {
      hooked = true;
      window.addEventListener('message', (e) => {
        const t = e.data && e.data.type;
        if (t === 'init' && !p.init) p.init = now();
        if (t === 'lines' && !p.lines) p.lines = now();
      }, true);
    }
    if (!p.script && document.querySelector('#app .scroller')) {
      p.script = now();
      const r = performance.getEntriesByType('resource').find((e) => /webview\.js/.test(e.name));
      if (r) { p.fetch = performance.timeOrigin + r.startTime; p.fetched = performance.timeOrigin + r.responseEnd; p.jsBytes = r.decodedBodySize; }
    }
    const tx = !p.row && document.querySelector('#app .rows .row[data-n] .tx');
    if (tx) { p.row = now(); p.text = tx.textContent; }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  // VS Code writes the webview's document into its frame, which may drop the observer: poll too.
  const timer = setInterval(() => { check(); if (p.row) clearInterval(timer); }, 4);
})();`;

function ensureBigLog(): void {
  if (fs.existsSync(BIG) && fs.statSync(BIG).size >= BIG_MB * 1024 * 1024 * 0.99) return;
  fs.mkdirSync(path.dirname(BIG), { recursive: true });
  const t = performance.now();
  const tmp = `${BIG}.${process.pid}.part`;
  writeSyslogFile(tmp, BIG_MB * 1024 * 1024);
  fs.renameSync(tmp, BIG);
  console.log(`generated ${path.basename(BIG)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** The workspace gets the big log as a hard link (a copy when links cannot be made) and a 1 KB log. */
function prepare(workspace: string): void {
  const dir = path.join(workspace, 'var', 'log');
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.linkSync(BIG, path.join(dir, 'big.log'));
  } catch {
    fs.symlinkSync(BIG, path.join(dir, 'big.log'));
  }
  const lines = syslogText(40, 3).split('\n');
  let small = '';
  for (const l of lines) if (small.length + l.length + 1 <= 1024) small += l + '\n';
  fs.writeFileSync(path.join(dir, 'small.log'), small);
}

function firstLine(file: string): string {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(4096);
  const n = fs.readSync(fd, buf, 0, buf.length, 0);
  fs.closeSync(fd);
  return buf.subarray(0, n).toString('utf8').split('\n')[0];
}

async function viewerFrames(s: Session): Promise<number> {
  let n = 0;
  for (const f of s.page.frames()) if (f !== s.page.mainFrame() && !f.isDetached() && (await f.locator('#app').count().catch(() => 1))) n++;
  // Editors still open (a viewer's frame may be detached while it is hidden).
  return n + (await s.page.locator('.tabs-container .tab').count());
}

/**
 * Runs "Clear Editor History": Quick Open offers recently closed editors as they were, so without
 * this it reopens the file in the closed viewer instead of the text editor.
 */
async function clearEditorHistory(s: Session): Promise<void> {
  const { page } = s;
  const quick = page.locator('.quick-input-widget');
  const input = quick.locator('input');
  const row = quick.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /(^|: )Clear Editor History$/ }) }).first();
  await poll(
    'Clear Editor History to run',
    async () => {
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        await input.waitFor({ timeout: 3000 });
      }
      await input.fill('>Clear Editor History', { timeout: 3000 });
      await row.click({ timeout: 3000 });
      return true;
    },
    (ok) => ok,
  );
  await quick.waitFor({ state: 'hidden' });
  // VS Code asks first.
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByRole('button', { name: /^Clear$/ }).click({ timeout: 10_000 });
  await dialog.waitFor({ state: 'hidden' });
}

/** Closes every editor, and makes sure the viewers' webviews are gone (a viewer left open would be revealed, not opened, next time). */
async function closeViewers(s: Session): Promise<void> {
  await poll(
    'the viewers to close',
    async () => {
      await runCommand(s.page, 'View: Close All Editor Groups');
      for (let i = 0; i < 20 && (await viewerFrames(s)); i++) await new Promise((r) => setTimeout(r, 250));
      return viewerFrames(s);
    },
    (n) => n === 0,
    60_000,
  );
  await clearEditorHistory(s);
}

/** Opens `rel` in the viewer through the command palette; returns the probe's times relative to the command. */
async function openOnce(s: Session, rel: string, expected: string, big: boolean): Promise<Probe> {
  const { page } = s;
  await openTab(page, rel);
  // Start once the text editor has settled: the small file's lines, or VS Code's word that the big
  // one is too large for it (its first look at a 1 GB file can take seconds, before any command).
  if (big) await page.getByText(/not displayed in the text editor because it is very large/).waitFor({ timeout: 60_000 });
  else await activeEditor(page).locator('.view-lines').waitFor({ timeout: 60_000 });
  // A user reads the tab before running a command: let the workbench finish what opening it started.
  await page.waitForTimeout(SETTLE_MS);
  const quick = page.locator('.quick-input-widget');
  const input = quick.locator('input');
  const row = quick.locator('.monaco-list-row.focused', { has: page.locator('.label-name', { hasText: COMMAND }) });
  await poll(
    'the command focused in the palette',
    async () => {
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        await input.waitFor({ timeout: 3000 });
      }
      await input.fill(`>${COMMAND}`, { timeout: 3000 });
      await row.waitFor({ timeout: 3000 });
      return true;
    },
    (ok) => ok,
  );
  const t0 = await page.evaluate(() => performance.timeOrigin + performance.now());
  await page.keyboard.press('Enter');
  let found: Probe | undefined;
  await poll(
    `the first line of ${rel} in the viewer`,
    async () => {
      const seen: unknown[] = [];
      for (const f of page.frames()) {
        if (f === page.mainFrame() || f.isDetached()) continue;
        const p = await f.evaluate(() => (window as unknown as { __lacProbe?: Probe }).__lacProbe).catch(() => undefined);
        if (p?.row && p.row > t0 && p.text?.endsWith(expected)) found = p;
        seen.push({ url: f.url().slice(-60), app: await f.evaluate(() => !!document.getElementById('app')).catch(() => 'x'), probe: p && { ...p, frame: p.frame - t0, row: p.row && p.row - t0 } });
      }
      const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
      return found ? 'found' : JSON.stringify({ expected, seen, tabs });
    },
    (v) => v === 'found',
    120_000,
  );
  const p = found!;
  const rel0 = (v: number | undefined) => (v === undefined ? NaN : v - t0);
  await closeViewers(s);
  return { frame: rel0(p.frame), fetch: rel0(p.fetch), fetched: rel0(p.fetched), jsBytes: p.jsBytes, script: rel0(p.script), init: rel0(p.init), lines: rel0(p.lines), row: rel0(p.row) };
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

function bundleSize(ps: Probe[]): string {
  const b = median(ps.map((p) => p.jsBytes ?? NaN));
  return Number.isFinite(b) && b > 0 ? `${(b / 1024).toFixed(0)} KiB` : 'n/a';
}

async function main(): Promise<void> {
  ensureBigLog();
  const bigSize = fs.statSync(BIG).size;
  const s = await launch({ prepare, settings: { 'linuxAdminConfigs.logViewer.largeFileThresholdMB': 0 } });
  try {
    await s.context.addInitScript({ content: PROBE });
    const files = { small: 'var/log/small.log', big: 'var/log/big.log' } as const;
    const expected = { small: firstLine(path.join(s.workspace, files.small)), big: firstLine(BIG) };
    const cold = { small: await openOnce(s, files.small, expected.small, false), big: await openOnce(s, files.big, expected.big, true) };
    const warm: Record<'small' | 'big', Probe[]> = { small: [], big: [] };
    for (let i = 0; i < RUNS; i++) {
      const order: ('small' | 'big')[] = i % 2 ? ['big', 'small'] : ['small', 'big'];
      for (const k of order) warm[k].push(await openOnce(s, files[k], expected[k], k === 'big'));
    }
    const load = os.loadavg().map((v) => v.toFixed(2)).join(' ');
    const col = (ps: Probe[], k: keyof Probe) => median(ps.map((p) => p[k] as number));
    const row = (name: string, ps: Probe[]) => [
      name,
      ms(col(ps, 'row')),
      ms(Math.min(...ps.map((p) => p.row!))),
      ms(Math.max(...ps.map((p) => p.row!))),
      ms(col(ps, 'fetch')),
      ms(col(ps, 'fetched')),
      ms(col(ps, 'script')),
      ms(col(ps, 'init')),
      ms(col(ps, 'lines')),
    ];
    console.log(`\nCommand to first rendered line, ${RUNS} warm runs each (median, min, max) after one cold open of each (the first webview of the session, the file not yet read); the columns after "max" are medians of when the webview asked for its script, had it, had run it (and said ready), got init, got a first lines message (n/a: none was needed).`);
    console.log(`webview.js ${bundleSize([...warm.small, ...warm.big])}; load average ${load}; ${os.cpus().length} CPUs\n`);
    printTable(
      ['log', 'first line', 'min', 'max', 'js asked', 'js got', 'js ran', 'init', 'lines'],
      [
        row(`1 KB (${fs.statSync(path.join(s.workspace, files.small)).size} B)`, warm.small),
        row(`1 GB (${(bigSize / 2 ** 20).toFixed(0)} MiB)`, warm.big),
        row('1 KB, cold', [cold.small]),
        row('1 GB, cold', [cold.big]),
      ],
    );
    const diff = col(warm.big, 'row') - col(warm.small, 'row');
    // Each run opens both logs one after the other: their differences see the same load.
    const paired = median(warm.big.map((b, i) => b.row! - warm.small[i].row!));
    // From the webview asking for its script to the first line: the part the extension decides.
    const own = (ps: Probe[]) => median(ps.map((p) => p.row! - p.fetch!));
    console.log('');
    printTable(
      ['1 GB − 1 KB', 'measured', 'target', 'met'],
      [
        ['command to first line, difference of the medians', ms(diff), `≤ ${TARGET_MS} ms`, diff <= TARGET_MS ? 'yes' : 'NO'],
        ['command to first line, median of the differences run by run', ms(paired), `≤ ${TARGET_MS} ms`, paired <= TARGET_MS ? 'yes' : 'NO'],
        [`webview asks for its script to first line (1 KB ${ms(own(warm.small))}, 1 GB ${ms(own(warm.big))})`, ms(own(warm.big) - own(warm.small)), '', ''],
      ],
    );
  } finally {
    await s.close();
    await closeBrowser();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
