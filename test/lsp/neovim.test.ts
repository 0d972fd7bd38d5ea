import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LANGUAGES } from '../../server/src/languages/index';
import { needNeovim, runNeovim } from './headlessNeovim';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');

interface LspCase {
  file: string;
  languageId: string;
  diagnostic?: { line: number; code: string };
  hover?: { line: number; character: number; contains: string };
  hoverJa?: { line: number; character: number; contains: string };
  /** `docs: false` says the item has no documentation at all (checked too), so nothing is skipped unsaid. */
  completion?: { line: number; character: number; label: string; docs?: false };
}

interface ClientSaw {
  diagnostics: { line: number; col: number; code: string; message: string }[];
  hover: unknown;
  completion: string[];
  /** The item labelled `completion.label`, after completionItem/resolve when it had `data`. */
  resolved?: { label: string; data?: unknown; documentation?: unknown };
  /** Whether that item carried its documentation in the list already. */
  listedDocs?: boolean;
  errors: string[];
}

function hoverText(h: unknown): string {
  if (!h || h === null) return '';
  if (typeof h === 'string') return h;
  if (Array.isArray(h)) return h.map(hoverText).join('\n');
  return String((h as { value?: string }).value ?? '');
}

/** Runs one session of headless Neovim against the real server, in a copy of the fixture folder. */
function runSession(dir: string, c: LspCase, hover: LspCase['hover'], initOptions: unknown): ClientSaw {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-nvim-'));
  try {
    fs.cpSync(dir, tmp, { recursive: true });
    const job = { file: path.join(tmp, c.file), languageId: c.languageId, hover, completion: c.completion, initOptions, expectDiagnostics: !!c.diagnostic };
    return runNeovim('neovim.lua', tmp, job) as ClientSaw;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const cases = fs.existsSync(FIXTURES)
  ? fs
      .readdirSync(FIXTURES)
      .filter((d) => fs.existsSync(path.join(FIXTURES, d, 'lsp.json')))
      .map((d) => ({ dir: path.join(FIXTURES, d), c: JSON.parse(fs.readFileSync(path.join(FIXTURES, d, 'lsp.json'), 'utf8')) as LspCase }))
  : [];

describe('LSP over stdio with a real client (headless Neovim)', function () {
  this.timeout(120_000);
  before(needNeovim);

  it('has a fixture for every language', () => {
    const covered = [...new Set(cases.map((x) => x.c.languageId))].sort();
    assert.deepEqual(covered, [...LANGUAGES.keys()].sort(), 'one test/fixtures/*/lsp.json per language of the server');
  });

  for (const { dir, c } of cases) {
    it(`${c.languageId}: diagnostics, hover and completion in ${c.file}`, () => {
      const saw = runSession(dir, c, c.hover, {});
      assert.deepEqual(saw.errors, []);
      if (c.diagnostic) {
        const codes = saw.diagnostics.map((d) => `${d.line}:${d.code}`);
        assert.ok(codes.includes(`${c.diagnostic.line}:${c.diagnostic.code}`), `expected ${c.diagnostic.line}:${c.diagnostic.code} among ${codes.join(', ')}`);
      }
      if (c.hover) assert.ok(hoverText(saw.hover).includes(c.hover.contains), `hover was: ${hoverText(saw.hover)}`);
      if (c.completion) {
        assert.ok(saw.completion.includes(c.completion.label), `completion was: ${saw.completion.slice(0, 30).join(', ')}`);
        // The item has documentation one way or the other: catalog docs are not in the list but
        // come with completionItem/resolve (the item has `data`); anything else is in the list.
        assert.ok(saw.resolved, `the item ${c.completion.label} was seen`);
        if (c.completion.docs === false) {
          assert.equal(saw.resolved.data, undefined, `${c.completion.label} has data to resolve: remove "docs": false from the fixture`);
          assert.equal(hoverText(saw.resolved.documentation), '', `${c.completion.label} is documented: remove "docs": false from the fixture`);
        } else {
          if (saw.resolved.data !== undefined) assert.equal(saw.listedDocs, false, 'catalog docs are left for resolve');
          else assert.equal(saw.listedDocs, true, `${c.completion.label} has no data to resolve and no docs in the list (if that is right, say "docs": false in the fixture)`);
          assert.ok(hoverText(saw.resolved.documentation).length > 20, `${c.completion.label} documentation: ${JSON.stringify(saw.resolved)}`);
        }
      }
    });
  }

  it('Japanese hover when the client asks for Japanese docs (linuxAdminConfigs.docs.language)', () => {
    const withJa = cases.filter((x) => x.c.hoverJa);
    assert.ok(withJa.length > 0, 'a test/fixtures/*/lsp.json sets "hoverJa"');
    for (const { dir, c } of withJa) {
      const saw = runSession(dir, c, c.hoverJa, { settings: { docs: { language: 'ja' } } });
      assert.deepEqual(saw.errors, []);
      assert.ok(hoverText(saw.hover).includes(c.hoverJa!.contains), `${c.languageId} hover was: ${hoverText(saw.hover)}`);
    }
  });
});
