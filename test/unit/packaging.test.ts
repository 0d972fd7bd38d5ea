// The .vsix ships only what runs: the bundles in dist/ (no source maps), the manifest and its
// translations, grammars, language configurations, snippets and the docs for the extension page.
// Packs the extension (or reuses .cache/linux-admin-configs.vsix when nothing changed since
// `npm run package`) and reads the zip's central directory.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VSIX, packageVsix, vsixIsFresh } from '../../scripts/package.mjs';

const ROOT = join(__dirname, '..', '..');

/** Names of the entries of a zip file, from its central directory. */
export function zipEntries(buf: Buffer): string[] {
  // End of central directory record: signature 0x06054b50, at most 64 KiB + 22 bytes from the end.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function filesIn(dir: string, re: RegExp): string[] {
  const abs = join(ROOT, dir);
  return existsSync(abs) ? readdirSync(abs).filter((f) => re.test(f)).map((f) => `extension/${dir}/${f}`) : [];
}

describe('packaging (.vsix contents)', () => {
  let entries: string[];

  before(function () {
    this.timeout(240000);
    const vsix = process.env.LAC_VSIX ?? (vsixIsFresh() ? VSIX : packageVsix({ quiet: true }));
    entries = zipEntries(readFileSync(vsix)).sort();
  });

  it('holds exactly the runtime files and the extension page docs', () => {
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      ...readdirSync(ROOT)
        .filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))
        .map((f) => `extension/${f}`),
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      ...filesIn('dist', /\.(js|css)$/),
      ...filesIn('dist/web', /\.js$/),
      ...filesIn('l10n', /\.json$/),
      ...filesIn('syntaxes', /\.json$/),
      ...filesIn('snippets', /\.json$/),
      ...filesIn('media', /^icon\.png$/),
    ].sort();
    assert.deepEqual(entries, expected);
  });

  it('ships the client and the server bundles', () => {
    assert.ok(entries.includes('extension/dist/extension.js'));
    assert.ok(entries.includes('extension/dist/server.js'));
    // vscode.dev / github.dev: the web extension and its worker server.
    assert.ok(entries.includes('extension/dist/web/extension.js'));
    assert.ok(entries.includes('extension/dist/web/server.js'));
  });

  it('ships no sources, source maps, tests, demo, scripts or node_modules', () => {
    const forbidden = entries.filter((e) =>
      /(^|\/)(node_modules|src|test|demo|scripts|server|client|\.cache|\.ci|\.git)\/|\.(map|ts|mjs|tsbuildinfo)$|\.vsix$/.test(e.replace(/^extension\//, '')),
    );
    assert.deepEqual(forbidden, []);
  });

  it('names a main entry that is inside the package', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    assert.ok(entries.includes(`extension/${manifest.main.replace(/^\.\//, '')}`), manifest.main);
  });
});
