// Reads catalog docs so that e2e tests expect exactly what the server's data says.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/codeServer.mjs';
import { goTo, hoverText } from './vscode';

/** A plain-text piece of catalog docs that survives Markdown rendering: the start of the first paragraph. */
export function docsFragment(markdown: string, length: number): string {
  return markdown.split('\n\n')[0].replace(/[`*_]/g, '').slice(0, length);
}

/** The docs of one catalog entry, e.g. catalogDocs('rsyslog', 'facilities.json', 'authpriv'). */
export function catalogDocs(lang: string, file: string, name: string): { en: string; ja: string } {
  const entries = JSON.parse(readFileSync(join(ROOT, 'server/data', lang, file), 'utf8')) as { name: string; docs: { en: string; ja: string } }[];
  const e = entries.find((x) => x.name === name);
  assert.ok(e, `${name} missing from server/data/${lang}/${file}`);
  return e.docs;
}

/** 1-based line of the first line of a demo file that starts with `prefix`. */
export function demoLine(file: string, prefix: string): number {
  const lines = readFileSync(join(ROOT, 'demo', file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `demo/${file} has no line starting with ${prefix}`);
  return i + 1;
}

/** Hovers `authpriv` in the demo's rsyslog.conf (open in the editor) and checks its catalog docs show. */
export async function expectAuthprivHover(page: Page): Promise<void> {
  await goTo(page, demoLine('etc/rsyslog.conf', 'authpriv.*'), 3);
  const text = await hoverText(page, docsFragment(catalogDocs('rsyslog', 'facilities.json', 'authpriv').en, 40));
  assert.match(text, /authpriv/);
}
