// Every language on the demo workspace in a real VS Code: the file gets its language mode, and
// each DELIBERATE MISTAKE the demo points out gets a squiggle on the next line and a row with
// its diagnostic code in the Problems panel.
import * as assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/codeServer.mjs';
import { catalogDocs, docsFragment } from './docs';
import { useSession } from './harness';
import {
  acceptCompletion,
  applyQuickFix,
  completionLabels,
  goTo,
  hoverText,
  lineText,
  newLineAtEnd,
  openFile,
  outlineEntries,
  poll,
  problems,
  resolveSnippetLine,
  squiggleLines,
  visibleLines,
  waitForLanguageMode,
} from './vscode';

/** 1-based lines that follow a "DELIBERATE MISTAKE" comment (the first line that is not a comment). */
function mistakeLines(file: string): number[] {
  const lines = readFileSync(join(ROOT, 'demo', file), 'utf8').split('\n');
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (!l.includes('DELIBERATE MISTAKE')) return;
    let j = i + 1;
    while (j < lines.length && /^\s*(#|<!--)/.test(lines[j])) j++;
    out.push(j + 1);
  });
  return out;
}

const CASES: { file: string; mode: string; codes: string[] }[] = [
  { file: 'etc/logrotate.d/myapp', mode: 'logrotate', codes: ['logrotate/unknown-directive', 'logrotate/bad-size'] },
  { file: 'etc/systemd/journald.conf', mode: 'journald.conf', codes: ['journald/bad-value'] },
  { file: 'etc/firewalld/zones/public.xml', mode: 'firewalld XML', codes: ['firewalld/invalid-value'] },
  { file: 'etc/firewalld/firewalld.conf', mode: 'firewalld.conf', codes: ['firewalld-conf/invalid-value'] },
  { file: 'etc/sysconfig/iptables', mode: 'iptables rules', codes: ['iptables/unknown-target'] },
  { file: 'etc/rsyslog.d/20-myapp.conf', mode: 'rsyslog.conf', codes: ['rsyslog/unknown-priority'] },
];

/** The LSP-tier fixture of a language (test/fixtures/<lang>/lsp.json), 0-based positions. */
interface LspFixture {
  file: string;
  languageId: string;
  diagnostic: { line: number; code: string };
  hover: { line: number; character: number; contains: string };
  completion: { line: number; character: number; label: string };
}
const FIXTURES: { lang: string; mode: string }[] = [
  { lang: 'logrotate', mode: 'logrotate' },
  { lang: 'journald', mode: 'journald.conf' },
  { lang: 'firewalld', mode: 'firewalld XML' },
  { lang: 'firewalld-conf', mode: 'firewalld.conf' },
  { lang: 'iptables', mode: 'iptables rules' },
];
const fixture = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'test/fixtures', lang, 'lsp.json'), 'utf8')) as LspFixture;
/** Where a fixture file lands in the workspace: lsp-<lang>/<its path without the leading lsp/>. */
const fixturePath = (lang: string) => `lsp-${lang}/${fixture(lang).file.replace(/^lsp\//, '')}`;
const kinds = ['error', 'warning', 'info', 'hint'] as const;

describe('demo workspace: every language (e2e)', () => {
  const session = useSession({
    prepare(workspace) {
      for (const { lang } of FIXTURES) cpSync(join(ROOT, 'test/fixtures', lang, 'lsp'), join(workspace, `lsp-${lang}`), { recursive: true });
    },
  });

  for (const c of CASES) {
    it(`${c.file}: language "${c.mode}", squiggles and Problems rows for its deliberate mistakes`, async () => {
      const { page } = session();
      const expected = mistakeLines(c.file);
      assert.equal(expected.length, c.codes.length, `demo/${c.file}: one code per DELIBERATE MISTAKE`);
      await openFile(page, c.file);
      await waitForLanguageMode(page, c.mode);
      await goTo(page, expected[0], 1);
      const kinds = ['error', 'warning', 'info', 'hint'] as const;
      await poll(
        `squiggles on lines ${expected.join(', ')}`,
        async () => (await Promise.all(kinds.map((k) => squiggleLines(page, k)))).flat(),
        (lines) => expected.every((l) => lines.includes(l)),
      );
      for (const [i, code] of c.codes.entries()) {
        const rows = await problems(page, code);
        assert.ok(rows.some((r) => r.includes(code) && r.includes(`[Ln ${expected[i]},`)), `${code} on line ${expected[i]}:\n${rows.join('\n')}`);
      }
    });
  }

  for (const { lang, mode } of FIXTURES) {
    it(`${fixturePath(lang)}: language by path, squiggle + Problems row, hover, completion`, async () => {
      const { page } = session();
      const f = fixture(lang);
      await openFile(page, fixturePath(lang));
      await waitForLanguageMode(page, mode);
      const line = f.diagnostic.line + 1;
      await goTo(page, line, 1);
      await poll(`a squiggle on line ${line}`, async () => (await Promise.all(kinds.map((k) => squiggleLines(page, k)))).flat(), (lines) => lines.includes(line));
      const rows = await problems(page, f.diagnostic.code);
      assert.ok(rows.some((r) => r.includes(f.diagnostic.code) && r.includes(`[Ln ${line},`)), `${f.diagnostic.code} on line ${line}:\n${rows.join('\n')}`);
      await goTo(page, f.hover.line + 1, f.hover.character + 1);
      await hoverText(page, f.hover.contains.replace(/[`*]/g, ''));
      await page.keyboard.press('Escape');
      await goTo(page, f.completion.line + 1, f.completion.character + 1);
      await completionLabels(page, f.completion.label);
      await page.keyboard.press('Escape');
    });
  }

  it('logrotate: the hover on a directive shows its docs, and the outline lists the blocks', async () => {
    const { page } = session();
    await openFile(page, fixturePath('logrotate'));
    await goTo(page, 2, 6); // "    weekly"
    await hoverText(page, docsFragment(catalogDocs('logrotate', 'directives.json', 'weekly').en, 40));
    await page.keyboard.press('Escape');
    await outlineEntries(page, '/var/log/demo/*.log');
  });

  it('logrotate: completion on an empty line in a block offers directives', async () => {
    const { page } = session();
    await openFile(page, fixturePath('logrotate'));
    await goTo(page, 6, 5);
    // The list is virtualised: only the first rows are rendered, alphabetically.
    const labels = await completionLabels(page, 'compress');
    assert.ok(['copytruncate', 'create', 'daily'].every((l) => labels.includes(l)), labels.join(', '));
    await page.keyboard.press('Escape');
  });

  it("logrotate: the quick fix replaces the misspelt 'notifempy' by 'notifempty'", async () => {
    const { page } = session();
    await openFile(page, fixturePath('logrotate'));
    await goTo(page, 4, 6);
    await applyQuickFix(page, "Change to 'notifempty'");
    await poll('line 4 fixed', () => lineText(page, 4), (t) => t?.trim() === 'notifempty');
  });

  it('logrotate: the "httpd" snippet inserts its block', async () => {
    const { page } = session();
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets/logrotate.json'), 'utf8')) as Record<string, { prefix: string | string[]; body: string[] }>;
    const pick = Object.values(snippets).find((s) => [s.prefix].flat().includes('httpd'));
    assert.ok(pick, 'snippets/logrotate.json has no "httpd" snippet');
    await openFile(page, 'etc/logrotate.d/httpd');
    await newLineAtEnd(page);
    await page.keyboard.type('httpd');
    await acceptCompletion(page, 'httpd');
    await page.keyboard.press('Escape');
    const expected = [resolveSnippetLine(pick.body[0]), resolveSnippetLine(pick.body[1])].map((l) => l.trim());
    await poll(`the snippet lines ${JSON.stringify(expected)}`, async () => [...(await visibleLines(page)).values()].map((l) => l.trim()), (lines) => {
      const i = lines.indexOf(expected[0]);
      return i >= 0 && lines[i + 1] === expected[1];
    });
  });
});
