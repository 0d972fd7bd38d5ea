import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASSOCIATIONS } from '../../server/src/languages/associations';
import { LANGUAGES } from '../../server/src/languages/index';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const nlsJa = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.ja.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('package.json contributions', () => {
  it('runs in code-server 4.100 and on the remote side under Remote-SSH', () => {
    assert.equal(pkg.name, 'linux-admin-configs');
    assert.match(pkg.engines.vscode, /^\^1\.(\d+)\./);
    assert.ok(Number(/^\^1\.(\d+)/.exec(pkg.engines.vscode)![1]) <= 100);
    assert.deepEqual(pkg.extensionKind, ['workspace']);
  });

  it('gives VS Code the same file associations as the CLI and the server', () => {
    const langs = new Map<string, any>(pkg.contributes.languages.map((l: any) => [l.id, l]));
    for (const a of ASSOCIATIONS) {
      const l = langs.get(a.languageId);
      assert.ok(l, `language ${a.languageId} is contributed`);
      assert.deepEqual(l.filenames ?? [], a.filenames ?? [], `${a.languageId} filenames`);
      assert.deepEqual(l.filenamePatterns ?? [], a.filenamePatterns ?? [], `${a.languageId} filenamePatterns`);
      if (a.firstLine) assert.equal(l.firstLine, a.firstLine);
    }
  });

  it('has a grammar, a language configuration and snippets file for every language', () => {
    for (const l of pkg.contributes.languages) {
      if (l.configuration) assert.ok(fs.existsSync(path.join(ROOT, l.configuration)), l.configuration);
    }
    for (const g of pkg.contributes.grammars) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
    for (const s of pkg.contributes.snippets ?? []) assert.ok(fs.existsSync(path.join(ROOT, s.path)), s.path);
    for (const id of LANGUAGES.keys()) {
      assert.ok(pkg.contributes.languages.some((l: any) => l.id === id), `${id} is contributed`);
    }
  });

  it('localizes every %key% in English and Japanese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5);
    for (const k of keys) {
      assert.ok(nls[k], `package.nls.json has ${k}`);
      assert.ok(nlsJa[k], `package.nls.ja.json has ${k}`);
    }
  });

  it('documents every setting and every command in the README', () => {
    for (const key of Object.keys(pkg.contributes.configuration.properties)) {
      assert.ok(readme.includes(key), `README mentions ${key}`);
    }
    for (const c of pkg.contributes.commands) {
      const title = nls[String(c.title).replace(/%/g, '')] ?? c.title;
      assert.ok(readme.includes(title), `README mentions the command "${title}"`);
    }
  });

  it('translates into Japanese every message the extension shows (l10n.t, viewerText, this.t)', () => {
    const ja = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    const tsFiles = (dir: string): string[] =>
      fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : []));
    const sources = new Map([...tsFiles('client/src'), ...tsFiles('server/src')].map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')]));
    // A string literal's value (single, double or back quotes without substitutions).
    const LIT = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\`[^\`$\\]*\``;
    const value = (lit: string): string => (lit.startsWith('`') ? lit.slice(1, -1) : (JSON.parse(lit.startsWith("'") ? `"${lit.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : lit) as string));
    // Named string constants (`NO_JOURNALCTL`), for messages passed by name.
    const consts = new Map<string, string>();
    for (const text of sources.values()) for (const m of text.matchAll(new RegExp(String.raw`\bconst ([A-Z][A-Z0-9_]+) = (${LIT});`, 'g'))) consts.set(m[1], value(m[2]));
    const call = new RegExp(String.raw`(?:\bl10n\.t|\bviewerText|\bthis\.t)\(\s*(?:(?:this\.)?locale,\s*)?(?:(${LIT})|([A-Z][A-Z0-9_]+)\b)`, 'g');
    const used: string[] = [];
    for (const [f, text] of sources) {
      if (!f.startsWith('client/')) continue;
      for (const m of text.matchAll(call)) {
        const msg = m[1] !== undefined ? value(m[1]) : consts.get(m[2]);
        if (msg !== undefined) used.push(msg);
      }
    }
    assert.ok(used.length > 50, `found the messages (${used.length})`);
    assert.deepEqual([...new Set(used.filter((m) => !ja[m]))], [], 'messages missing from l10n/bundle.l10n.ja.json');
  });
});
