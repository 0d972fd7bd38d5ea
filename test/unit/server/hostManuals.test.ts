import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import type { Hover } from 'vscode-languageserver-types';
import { findItem, HostManuals, manRunner, parseManText, type ManPage } from '../../../server/src/hostManuals';
import { journaldFacade } from '../../../server/src/languages/journald/index';
import { logrotateFacade } from '../../../server/src/languages/logrotate/index';
import { ctx } from '../helpers/cursor';

/** A page as `man -P cat` renders it, written for these tests (not a real page's text). */
const PAGE = [
  'TOOL(8)                  System Administrator\'s Manual                 TOOL(8)',
  '',
  'CONFIGURATION FILE DIRECTIVES',
  '       rotate count',
  '              Keeps count old copies (test text, version two).',
  '',
  '              A second paragraph about rotate.',
  '',
  '       -f, --force',
  '              Forces it.',
  '',
  '       omx    Short term on the same line as the first line of its text which',
  '              goes on here.',
  '',
  '   conntrack',
  '       Section intro for the module.',
  '',
  '       [!] --ctstate statelist',
  '              The states.',
  '',
  '       Storage=',
  '           Where the data goes.',
  '',
  'Linux                               9.9.9                              TOOL(8)',
].join('\n');

function hoverFor(text: string, line: number, start: number, end: number): Hover {
  return { contents: { kind: 'markdown', value: 'catalog docs' }, range: { start: { line, character: start }, end: { line, character: end } } };
}

describe('docs from the host (installed manual pages)', () => {
  it('reads items, their own paragraphs and the version from a rendered page', () => {
    const page = parseManText(PAGE);
    assert.equal(page.version, '9.9.9');
    assert.equal(findItem(page, 'rotate')?.body, 'Keeps count old copies (test text, version two).\n\nA second paragraph about rotate.');
    assert.equal(findItem(page, '--force')?.body, 'Forces it.');
    assert.equal(findItem(page, '-f')?.term, '-f, --force');
    assert.equal(findItem(page, 'omx')?.body, 'Short term on the same line as the first line of its text which goes on here.');
    assert.equal(findItem(page, 'conntrack')?.body, 'Section intro for the module.', 'the section\'s options are items of their own');
    assert.equal(findItem(page, '--ctstate')?.body, 'The states.');
    assert.equal(findItem(page, 'Storage')?.term, 'Storage=');
    assert.equal(findItem(page, 'nothing'), undefined);
  });

  it('adds the paragraph under the catalog docs, marked as the installed version, and renders each page once', async () => {
    const asked: ManPage[] = [];
    const m = new HostManuals(async (p) => (asked.push(p), p.name === 'logrotate' ? PAGE : undefined));
    const text = '/var/log/x.log {\n    rotate 4\n}\n';
    const doc = logrotateFacade.parse(text);
    const base = logrotateFacade.hover(doc, { line: 1, character: 6 }, ctx())!;
    const h = await m.addTo(base, 'logrotate', 'file:///etc/logrotate.d/x', (n) => doc.lines.line(n), 'en');
    const value = (h!.contents as { value: string }).value;
    assert.ok(value.startsWith((base.contents as { value: string }).value), 'the catalog docs come first');
    assert.match(value, /From the manual page installed on this host, logrotate\(8\), 9\.9\.9:/);
    assert.match(value, /> Keeps count old copies \(test text, version two\)\./);
    const ja = await m.addTo(base, 'logrotate', 'file:///etc/logrotate.d/x', (n) => doc.lines.line(n), 'ja');
    assert.match((ja!.contents as { value: string }).value, /このホストにインストールされているマニュアル logrotate\(8\)/);
    assert.equal(asked.length, 1);
  });

  it('says nothing when the page is missing, fails or is slow', async () => {
    const text = '[Journal]\nStorage=auto\n';
    const doc = journaldFacade.parse(text);
    const base = journaldFacade.hover(doc, { line: 1, character: 2 }, ctx())!;
    const missing = new HostManuals(async () => undefined);
    assert.deepEqual(await missing.addTo(base, 'journald', 'file:///etc/systemd/journald.conf', (n) => doc.lines.line(n), 'en'), base);
    const failing = new HostManuals(() => Promise.reject(new Error('man crashed')));
    assert.deepEqual(await failing.addTo(base, 'journald', 'file:///etc/systemd/journald.conf', (n) => doc.lines.line(n), 'en'), base);
    const slow = new HostManuals(() => new Promise(() => undefined), 20);
    assert.deepEqual(await slow.addTo(base, 'journald', 'file:///etc/systemd/journald.conf', (n) => doc.lines.line(n), 'en'), base);
    const other = new HostManuals(async () => PAGE);
    assert.deepEqual(await other.addTo(hoverFor(text, 1, 0, 5), 'journald', 'file:///x', (n) => doc.lines.line(n), 'en'), hoverFor(text, 1, 0, 5), '"Stora" is not an item');
  });

  it('reads the real installed logrotate(8) when the host has it', async function () {
    try {
      execFileSync('man', ['-w', '8', 'logrotate'], { stdio: 'ignore', timeout: 3000 });
    } catch {
      this.skip();
    }
    const m = new HostManuals(manRunner(), 5000);
    const text = '/var/log/x.log {\n    compress\n}\n';
    const doc = logrotateFacade.parse(text);
    const base = logrotateFacade.hover(doc, { line: 1, character: 6 }, ctx())!;
    const h = await m.addTo(base, 'logrotate', 'file:///etc/logrotate.d/x', (n) => doc.lines.line(n), 'en');
    assert.match((h!.contents as { value: string }).value, /installed on this host, logrotate\(8\)[^\n]*\n\n\*\*compress\*\*\n\n> \S/);
  });
});
