// End-to-end harness: one code-server per test file (the packaged .vsix installed into a temp
// extensions dir, a temp user-data-dir with quiet settings, HOME and XDG dirs in the same temp
// folder) and one headless Chromium shared by all files. A test that fails leaves a screenshot
// and the page's console log in test-results/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT, ensureCodeServer, freePort, installVsix, startCodeServer, type CodeServer } from '../../scripts/codeServer.mjs';
import { VSIX, packageVsix, vsixIsFresh } from '../../scripts/package.mjs';

export const RESULTS = join(ROOT, 'test-results');
export const SCREENSHOTS = join(ROOT, '.cache', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Settings every e2e VS Code starts with: nothing on screen but the workspace, nothing online. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'on',
  'files.autoSave': 'off',
  'window.commandCenter': false,
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
};

let browserPromise: Promise<Browser> | undefined;

/** One Chromium for the whole mocha run; closed by the root `after` hook below. */
function browser(): Promise<Browser> {
  browserPromise ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return browserPromise;
}

/** Closes the shared browser (mocha does it through the root hook below). */
export async function closeBrowser(): Promise<void> {
  const b = browserPromise;
  browserPromise = undefined;
  if (b) await (await b).close();
}

// Registered while the first spec file loads, so it lands on mocha's root suite and runs once.
if (typeof after === 'function') after(closeBrowser);
// Ctrl-C or a CI timeout: exit through process.exit so that the 'exit' hook of codeServer.mjs
// takes the code-servers down (they run in their own process groups).
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(130));

let vsixReady: string | undefined;

/**
 * The packaged extension: $LAC_VSIX when set, else the one `npm run test:e2e` just built, or a
 * fresh one when anything that goes into it changed since.
 */
export function vsix(): string {
  if (vsixReady) return vsixReady;
  if (process.env.LAC_VSIX) return (vsixReady = process.env.LAC_VSIX);
  if (!vsixIsFresh()) packageVsix({ quiet: true });
  vsixReady = VSIX;
  return VSIX;
}

export interface Session {
  server: CodeServer;
  context: BrowserContext;
  page: Page;
  /** The workspace folder (a copy of demo/). */
  workspace: string;
  /** Everything the page printed to its console, for failure reports. */
  consoleLog: string[];
  /** The temp dir holding state, HOME and workspace. */
  dir: string;
  /**
   * Writes the workspace's .vscode/settings.json. (VS Code in code-server notices changes there
   * at once through the workspace watcher; a changed user settings.json on disk goes unnoticed.)
   */
  setWorkspaceSettings(settings: Record<string, unknown>): void;
  /** What the extension's output channel holds (with trace.server "verbose": the LSP messages). */
  extensionLog(): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Passed to code-server as --locale. */
  locale?: string;
  /** Added to BASE_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Browser language (navigator.language). */
  browserLocale?: string;
  /** More .vsix files to install next to ours. */
  extraVsix?: string[];
  /**
   * Registers an empty Japanese language pack the way VS Code records an installed one
   * (<user-data-dir>/languagepacks.json). The real pack cannot be downloaded here, and without
   * one `--locale ja` falls back to English: VS Code then reports locale "en" to extensions.
   */
  japaneseLanguagePack?: boolean;
  /** Writes more files into the workspace (a copy of demo/) before code-server opens it. */
  prepare?: (workspace: string) => void | Promise<void>;
}

/** See LaunchOptions.japaneseLanguagePack. The UI stays English (no translations); the locale becomes ja. */
function registerJapaneseLanguagePack(stateDir: string): void {
  const dir = join(stateDir, 'ja-language-pack');
  mkdirSync(dir, { recursive: true });
  const translations = join(dir, 'main.i18n.json');
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = {
    ja: {
      hash: 'e2e-ja-stub-1',
      extensions: [{ extensionIdentifier: { id: 'linux-admin-configs-tests.ja-stub' }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: '日本語',
    },
  };
  writeFileSync(join(stateDir, 'data', 'languagepacks.json'), JSON.stringify(packs));
}

/** Starts code-server on a copy of demo/ and opens it in a new browser page. */
export async function launch(opts: LaunchOptions = {}): Promise<Session> {
  ensureCodeServer();
  const dir = mkdtempSync(join(tmpdir(), 'lac-e2e-'));
  const stateDir = join(dir, 'state');
  const home = join(dir, 'home');
  const workspace = join(dir, 'workspace');
  mkdirSync(home, { recursive: true });
  cpSync(join(ROOT, 'demo'), workspace, { recursive: true });
  await opts.prepare?.(workspace);
  installVsix(vsix(), stateDir);
  for (const extra of opts.extraVsix ?? []) installVsix(extra, stateDir);
  if (opts.japaneseLanguagePack) registerJapaneseLanguagePack(stateDir);
  const userDir = join(stateDir, 'data', 'User');
  mkdirSync(userDir, { recursive: true });
  const settingsFile = join(userDir, 'settings.json');
  writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...(opts.settings ?? {}) }, null, 2));
  const server = await startCodeServer({
    port: await freePort(),
    stateDir,
    locale: opts.locale,
    env: { HOME: home },
    timeoutMs: 90000,
  });
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 }, locale: opts.browserLocale ?? 'en-US' });
  // tsx compiles with esbuild's keepNames, which wraps functions handed to page.evaluate() in
  // __name(...); give the page a no-op of it.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  const consoleLog: string[] = [];
  page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
  await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  // The explorer lists the workspace once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  return {
    server,
    context,
    page,
    workspace,
    consoleLog,
    dir,
    setWorkspaceSettings(values) {
      mkdirSync(join(workspace, '.vscode'), { recursive: true });
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(values, null, 2));
    },
    extensionLog() {
      return findFiles(join(stateDir, 'data', 'logs'), (p) => p.endsWith('Linux Admin Configs.log'))
        .map(readFileSafe)
        .join('\n');
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
}

/**
 * Mocha hooks for a spec file: one session for all its tests, and on failure a screenshot, the
 * page console and code-server's output in test-results/.
 */
export function useSession(opts: LaunchOptions = {}): () => Session {
  let session: Session | undefined;
  before(async function () {
    this.timeout(240000);
    session = await launch(opts);
  });
  afterEach(async function () {
    const t = this.currentTest;
    if (!session || !t || t.state !== 'failed') return;
    mkdirSync(RESULTS, { recursive: true });
    const base = join(RESULTS, slug(t.fullTitle()));
    await session.page.screenshot({ path: `${base}.png` }).catch(() => undefined);
    writeFileSync(`${base}.console.log`, session.consoleLog.join('\n') + '\n');
    writeFileSync(`${base}.code-server.log`, session.server.output() + '\n' + serverLogs(session.dir));
  });
  after(async function () {
    this.timeout(30000);
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('session not started');
    return session;
  };
}

function findFiles(dir: string, accept: (path: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findFiles(p, accept, out);
    else if (accept(p)) out.push(p);
  }
  return out;
}

/** The extension host's and language client's logs of a session (output channels are logged to files). */
export function serverLogs(dir: string): string {
  return findFiles(join(dir, 'state', 'data', 'logs'), (p) => /exthost|Linux Admin Configs|remoteagent/i.test(p) && p.endsWith('.log'))
    .map((p) => `==> ${p}\n${readFileSafe(p)}`)
    .join('\n');
}

function readFileSafe(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Saves a screenshot under .cache/screenshots/ (README material). `editor` keeps only the editor
 * area (smaller files), `window` the whole page.
 */
export async function screenshot(page: Page, name: string, region: 'editor' | 'window' = 'window'): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  const box = region === 'editor' ? await page.locator('.part.editor').boundingBox() : null;
  await page.screenshot({ path: file, animations: 'disabled', ...(box ? { clip: box } : {}) });
  return file;
}
