// Keyboard-driven helpers for the VS Code workbench in a browser page. Every helper waits for
// what it expects by polling the DOM (Playwright's auto-waiting or `poll` below), never by
// sleeping a fixed time.
import * as assert from 'node:assert/strict';
import { basename, dirname } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';

/** Repeats `probe` until `accept` holds for its value; the last value is in the error. */
export async function poll<T>(what: string, probe: () => Promise<T>, accept: (v: T) => boolean, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let delay = 50;
  for (;;) {
    try {
      last = await probe();
      if (accept(last)) return last;
    } catch (e) {
      last = (`error: ${(e as Error).message}` as unknown) as T;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
}

const quickInput = (page: Page) => page.locator('.quick-input-widget');

/** Opens a workspace file by its relative path through Quick Open (Ctrl+P). */
export async function openFile(page: Page, relPath: string): Promise<void> {
  await openTab(page, relPath);
  await activeEditor(page).locator('.view-lines').waitFor();
}

/**
 * Opens a workspace file through Quick Open and waits until its tab is the active one, whatever
 * editor shows it (a file too large for the text editor gets a placeholder, not .view-lines).
 */
export async function openTab(page: Page, relPath: string): Promise<void> {
  const base = basename(relPath);
  const dir = dirname(relPath);
  const input = quickInput(page).locator('input');
  // The row's description is the folder, relative to the workspace (or absolute): "etc" must not
  // pick lsp-x/etc/rsyslog.conf.
  const isTarget = (row: Locator) =>
    row.evaluate(
      (el, [b, d]) =>
        el.querySelector('.label-name')?.textContent?.trim() === b && new RegExp(`^(?:[~/].*/)?${d}$`).test(el.querySelector('.label-description')?.textContent?.trim() ?? ''),
      [base, escapeRe(dir)] as const,
    );
  const activeTab = page.locator('.tabs-container .tab.active .label-name').filter({ hasText: new RegExp(`^${escapeRe(base)}$`) });
  // Results arrive in steps (recent files, then the file index), and the list re-renders under
  // the mouse: pick the row with the keyboard, and check which editor became active.
  // Another file of the same name may be the active tab already: only trust the tab after
  // picking the right row.
  let picked = false;
  await poll(
    `${relPath} to open`,
    async () => {
      if (picked && (await activeTab.isVisible())) return true;
      if (!(await input.isVisible())) await page.keyboard.press('Control+P');
      await input.fill(relPath);
      const rows = quickInput(page).locator('.monaco-list-row');
      await rows.first().waitFor({ timeout: 3000 });
      for (let i = 0; i < 10; i++) {
        const focused = quickInput(page).locator('.monaco-list-row.focused').first();
        if ((await focused.count()) && (await isTarget(focused))) {
          await page.keyboard.press('Enter');
          picked = true;
          await activeTab.waitFor({ timeout: 3000 }).catch(() => undefined);
          return activeTab.isVisible();
        }
        await page.keyboard.press('ArrowDown');
      }
      return false;
    },
    (ok) => ok,
    60000,
  );
}

/** The editor in the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** The language mode shown in the status bar ("Plain Text", "rsyslog.conf", ...). */
export async function languageMode(page: Page): Promise<string> {
  return ((await page.locator('[id="status.editor.mode"]').textContent()) ?? '').trim();
}

/** Waits until the status bar shows the given language mode. */
export function waitForLanguageMode(page: Page, mode: string): Promise<string> {
  return poll(`language mode "${mode}"`, () => languageMode(page), (m) => m === mode);
}

/** Runs a command by its title through the command palette (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = quickInput(page).locator('input');
  const row = quickInput(page).locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) }) }).first();
  // The palette closes when something else takes the focus (an editor that finishes opening, a
  // notification): open it again until the click on the command lands.
  await poll(
    `command "${title}" to run`,
    async () => {
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        await input.waitFor({ timeout: 3000 });
      }
      await input.fill(`>${title}`);
      await row.waitFor({ timeout: 5000 });
      await row.click({ timeout: 2000 });
      return true;
    },
    (ok) => ok,
    60000,
  );
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** Moves the cursor to a 1-based line and column (Quick Open `:line:column`). */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  await activeEditor(page).click({ position: { x: 200, y: 5 } }).catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
  await poll(`cursor at ${line}:${column}`, () => cursorPosition(page), (p) => p === `Ln ${line}, Col ${column}`);
}

/** "Ln 3, Col 7" from the status bar. */
export async function cursorPosition(page: Page): Promise<string> {
  return ((await page.locator('[id="status.editor.selection"]').textContent()) ?? '').trim();
}

/** Moves the cursor to the first occurrence of `text` in the visible editor lines (offset chars into it). */
export async function goToText(page: Page, text: string, offset = 0): Promise<{ line: number; column: number }> {
  const lines = await visibleLines(page);
  for (const [n, t] of lines) {
    const i = t.indexOf(text);
    if (i >= 0) {
      await goTo(page, n, i + 1 + offset);
      return { line: n, column: i + 1 + offset };
    }
  }
  throw new Error(`"${text}" is not on a visible line:\n${[...lines].map(([n, t]) => `${n}: ${t}`).join('\n')}`);
}

/** The text of the rendered lines of the active editor, by 1-based line number. */
export async function visibleLines(page: Page): Promise<Map<number, string>> {
  const pairs = await activeEditor(page).evaluate((ed) => {
    const tops = (sel: string) =>
      Array.from(ed.querySelectorAll<HTMLElement>(sel)).map((el) => ({ top: Math.round(parseFloat(el.style.top || '0')), text: el.textContent ?? '' }));
    const numbers = Array.from(ed.querySelectorAll<HTMLElement>('.margin-view-overlays > div')).map((el) => ({
      top: Math.round(parseFloat(el.style.top || '0')),
      text: el.querySelector('.line-numbers')?.textContent ?? '',
    }));
    const lines = tops('.view-lines > .view-line');
    return lines.map((l) => [Number(numbers.find((n) => n.top === l.top)?.text ?? NaN), l.text.replace(/\u00a0/g, ' ')] as [number, string]);
  });
  return new Map(pairs.filter(([n]) => Number.isFinite(n)).sort((a, b) => a[0] - b[0]));
}

/** The text of one line (it must be on screen; goTo() first). */
export async function lineText(page: Page, line: number): Promise<string | undefined> {
  return (await visibleLines(page)).get(line);
}

/** Line numbers that carry a squiggle of the given kind. */
export async function squiggleLines(page: Page, kind: 'error' | 'warning' | 'info' | 'hint' = 'error'): Promise<number[]> {
  return activeEditor(page).evaluate((ed, k) => {
    const numbers = Array.from(ed.querySelectorAll<HTMLElement>('.margin-view-overlays > div')).map((el) => ({
      top: Math.round(parseFloat(el.style.top || '0')),
      n: Number(el.querySelector('.line-numbers')?.textContent ?? NaN),
    }));
    const out = new Set<number>();
    for (const overlay of Array.from(ed.querySelectorAll<HTMLElement>('.view-overlays > div'))) {
      if (overlay.querySelector(`.squiggly-${k}`)) {
        const top = Math.round(parseFloat(overlay.style.top || '0'));
        const n = numbers.find((x) => x.top === top)?.n;
        if (n !== undefined && Number.isFinite(n)) out.add(n);
      }
    }
    return [...out].sort((a, b) => a - b);
  }, kind);
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text once it contains `expected`. */
export async function hoverText(page: Page, expected: string | RegExp): Promise<string> {
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content');
  return poll(
    `a hover containing ${String(expected)}`,
    async () => {
      if (await hover.first().isVisible()) await page.keyboard.press('Escape'); // ask again: the answer may change
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await hover.first().waitFor({ timeout: 2000 });
      return (await hover.allInnerTexts()).join('\n');
    },
    (t) => (typeof expected === 'string' ? t.includes(expected) : expected.test(t)),
  );
}

/** Triggers completion (Ctrl+Space) and returns the labels once `expected` is among them. */
export async function completionLabels(page: Page, expected: string): Promise<string[]> {
  const rows = page.locator('.suggest-widget.visible .monaco-list-row .label-name');
  return poll(
    `completion offering "${expected}"`,
    async () => {
      if (!(await page.locator('.suggest-widget.visible').isVisible())) {
        await page.keyboard.press('Control+Space');
        await page.locator('.suggest-widget.visible').waitFor({ timeout: 3000 });
      }
      return (await rows.allTextContents()).map((s) => s.trim());
    },
    (labels) => labels.includes(expected),
  );
}

/** Accepts the completion item with this label (moving the selection to it with arrow keys). */
export async function acceptCompletion(page: Page, label: string): Promise<void> {
  await completionLabels(page, label);
  await poll(
    `completion "${label}" to be selected`,
    async () => {
      const focused = ((await page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name').first().textContent()) ?? '').trim();
      if (focused !== label) await page.keyboard.press('ArrowDown');
      return focused;
    },
    (f) => f === label,
    15000,
  );
  await page.keyboard.press('Enter');
  await page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
}

/**
 * Opens the Problems panel, types `filter` (default: `expected` when it is a string) into its
 * filter box so that the row is rendered however many problems there are, and returns the rows'
 * text once one matches `expected`.
 */
export async function problems(page: Page, expected: string | RegExp, filter = typeof expected === 'string' ? expected : ''): Promise<string[]> {
  const rows = page.locator('.markers-panel .monaco-list-row');
  const filterBox = page.getByPlaceholder(/^Filter \(e\.g\./);
  return poll(
    `a problem matching ${String(expected)}`,
    async () => {
      if (!(await page.locator('.markers-panel').isVisible())) await runCommand(page, 'Problems: Focus on Problems View');
      if ((await filterBox.inputValue()) !== filter) await filterBox.fill(filter);
      return rows.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).innerText.replace(/\s+/g, ' ')} | ${e.getAttribute('aria-label') ?? ''}`));
    },
    (texts) => texts.some((t) => (typeof expected === 'string' ? t.includes(expected) : expected.test(t))),
  );
}

/** Opens the quick fix menu (Ctrl+.) on the cursor and applies the action whose title matches. */
export async function applyQuickFix(page: Page, title: string | RegExp): Promise<string> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const matches = (t: string) => (typeof title === 'string' ? t.includes(title) : title.test(t));
  await poll(
    `a quick fix matching ${String(title)}`,
    async () => {
      if (!(await page.locator('.action-widget').isVisible())) await page.keyboard.press('Control+.');
      await rows.first().waitFor({ timeout: 2000 });
      return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''))).some(matches);
    },
    (ok) => ok,
  );
  // The menu has a pointer shield over it; pick with the keyboard like a user would.
  const chosen = await poll(
    `the quick fix matching ${String(title)} to be focused`,
    async () => {
      const focused = (await page.locator('.action-widget .monaco-list-row.action.focused').first().getAttribute('aria-label')) ?? '';
      if (!matches(focused)) await page.keyboard.press('ArrowDown');
      return focused;
    },
    matches,
    15000,
  );
  await page.keyboard.press('Enter');
  await page.locator('.action-widget').waitFor({ state: 'hidden' });
  return chosen;
}

/**
 * Shows the Outline view and returns all its entries (paging through the virtualised list) once
 * `expected` is among them.
 */
export async function outlineEntries(page: Page, expected: string | RegExp): Promise<string[]> {
  const rows = page.locator('.outline-pane .monaco-list-row');
  const matches = (t: string) => (typeof expected === 'string' ? t.includes(expected) : expected.test(t));
  return poll(
    `an outline entry matching ${String(expected)}`,
    async () => {
      // Give the outline the sidebar's height: collapse the file tree's section above it.
      const folders = page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]', { has: page.locator('.title', { hasText: /^workspace$/i }) });
      if (await folders.count()) await folders.first().click();
      await runCommand(page, 'Explorer: Focus on Outline View');
      await rows.first().waitFor({ timeout: 3000 });
      await page.keyboard.press('Home');
      const seen: string[] = [];
      for (let i = 0, idle = 0; i < 50 && idle < 3; i++) {
        const before = seen.length;
        for (const t of await rows.allInnerTexts()) {
          const one = t.replace(/\s+/g, ' ').trim();
          if (!seen.includes(one)) seen.push(one);
        }
        if (seen.some(matches)) break;
        idle = seen.length === before ? idle + 1 : 0;
        await page.keyboard.press('PageDown');
      }
      return seen;
    },
    (texts) => texts.some(matches),
  );
}

/** Goes to the end of the file and starts a new line. */
export async function newLineAtEnd(page: Page): Promise<void> {
  await activeEditor(page).locator('.view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
}

/**
 * The content frame of a webview (custom editor, Markdown preview) that has an element matching
 * `selector`. Webviews sit two iframes deep (the host iframe, then #active-frame); this searches
 * every frame of the page so that it needs no knowledge of code-server's iframe classes.
 */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 60000): Promise<Frame> {
  let found: Frame | undefined;
  await poll(
    `a webview frame with ${selector}`,
    async () => {
      for (const f of page.frames()) {
        if (f === page.mainFrame() || f.isDetached()) continue;
        if (await f.locator(selector).count().catch(() => 0)) {
          found = f;
          return true;
        }
      }
      return false;
    },
    (ok) => ok,
    timeoutMs,
  );
  return found!;
}

/** The text a snippet line shows right after insertion: placeholders become their defaults. */
export function resolveSnippetLine(body: string): string {
  let out = body;
  for (let i = 0; i < 5; i++) out = out.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1');
  return out.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\\$/g, '$');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Waits for an error or warning squiggle on `line` (1-based), then checks the Problems panel has a
 * row with `code` at that line that mentions `mention`.
 */
export async function expectProblemAt(page: Page, line: number, code: string, mention: RegExp, timeoutMs = 30000): Promise<void> {
  await poll(
    `a squiggle on line ${line}`,
    async () => [...(await squiggleLines(page, 'error')), ...(await squiggleLines(page, 'warning'))],
    (lines) => lines.includes(line),
    timeoutMs,
  );
  const rows = await problems(page, code);
  const row = rows.find((r) => r.includes(code) && r.includes(`[Ln ${line}, Col 1]`));
  assert.ok(row, `${code} at line ${line}:\n${rows.join('\n')}`);
  assert.match(row, mention, row);
}
