import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { validateWebviewMessage } from '../../../client/src/logViewer/protocol';
import { visiblePieces } from '../../../server/src/logs/engine/display';
import { installFakeVscode } from '../helpers/fakeVscode';
import { VALID_WEBVIEW_MESSAGES } from '../helpers/webviewMessages';

const ROOT = path.resolve(__dirname, '../../..');
const WEBVIEW_DIR = path.join(ROOT, 'client/webview');

/** viewerHtml() from client/src/logViewer/html.ts, loaded against a stand-in for the vscode module. */
function loadViewerHtml(): (webview: unknown, extensionUri: unknown) => string {
  const fake = {
    Uri: { joinPath: (u: { path: string }, ...p: string[]) => ({ path: path.posix.join(u.path, ...p) }) },
  };
  const restore = installFakeVscode(fake);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../../client/src/logViewer/html').viewerHtml;
  } finally {
    restore();
  }
}

const fakeWebview = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  asWebviewUri: (u: { path: string }) => `https://file+.vscode-resource.vscode-cdn.net${u.path}`,
};

/** The webview's TypeScript without comments, so that prose cannot trip the checks. */
function webviewSources(): { file: string; code: string }[] {
  return fs
    .readdirSync(WEBVIEW_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, code: fs.readFileSync(path.join(WEBVIEW_DIR, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '') }));
}

describe('robustness: the log viewer webview cannot be turned against the user', () => {
  describe('its HTML (client/src/logViewer/html.ts)', () => {
    let viewerHtml: ReturnType<typeof loadViewerHtml>;
    before(() => {
      viewerHtml = loadViewerHtml();
    });

    it('has a strict Content-Security-Policy: nothing by default, scripts only with a fresh nonce', () => {
      const html = viewerHtml(fakeWebview, { path: '/ext' });
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
      assert.ok(meta, 'no CSP meta tag');
      const csp = meta[1];
      assert.match(csp, /default-src 'none'/);
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp);
      assert.ok(nonce, `script-src has no nonce: ${csp}`);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*|https?:\/\/(?!file\+)/);
      // Every script carries that nonce and comes from the extension, none is inline.
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      assert.ok(scripts.length >= 1);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs, new RegExp(`nonce="${nonce[1]}"`));
        assert.match(attrs, /src="https:\/\/file\+\.vscode-resource/);
        assert.equal(body.trim(), '', 'inline script');
      }
      const again = /'nonce-([^']+)'/.exec(viewerHtml(fakeWebview, { path: '/ext' }))![1];
      assert.notEqual(again, nonce[1], 'the nonce must change with every page');
    });

    it('has no inline event handlers and no inline styles', () => {
      const html = viewerHtml(fakeWebview, { path: '/ext' });
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
      assert.doesNotMatch(html, /<style\b|\sstyle\s*=/i);
      assert.doesNotMatch(html, /javascript:/i);
    });
  });

  describe('its script (client/webview/*.ts)', () => {
    it('never parses strings as HTML or code (no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval, new Function, string timers)', () => {
      const offenders: string[] = [];
      for (const { file, code } of webviewSources()) {
        const re = /\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\s*\(|set(Timeout|Interval)\s*\(\s*['"`]|createContextualFragment|DOMParser/g;
        for (const m of code.matchAll(re)) offenders.push(`${file}: ${m[0]}`);
      }
      assert.deepEqual(offenders, []);
    });

    it('adds no inline handler attributes and no javascript: URLs', () => {
      const offenders: string[] = [];
      for (const { file, code } of webviewSources()) {
        for (const m of code.matchAll(/setAttribute\(\s*['"`]on[a-z]+|['"`]javascript:|\.href\s*=\s*(?!['"`]#)/gi)) offenders.push(`${file}: ${m[0]}`);
      }
      assert.deepEqual(offenders, []);
    });

    it('puts log text into the page only as text, through visible markers for control characters', () => {
      const all = webviewSources().map((s) => s.code).join('\n');
      assert.match(all, /textContent|createTextNode/);
      assert.match(all, /visiblePieces/, 'log text is not passed through visiblePieces');
    });

    it('can show the rest of a line that was cut (it asks the host for a slice of it)', () => {
      // The page's script, whichever of its files does it.
      const main = webviewSources().map((s) => s.code).join('\n');
      assert.match(main, /\.cut\b/);
      assert.match(main, /type: 'lineSlice'/);
      assert.ok(validateWebviewMessage({ type: 'lineSlice', req: 1, n: 5, start: 65536, length: 65536 }));
    });
  });

  describe('visible markers', () => {
    it('show U+202E, ANSI escapes and other controls instead of obeying them, for any text', () => {
      const DANGER = /[\x00-\x08\x0a-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/;
      fc.assert(
        fc.property(
          fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\u202e', '\x1b[31m', '\x1b]0;title\x07', '\u2066', '\r', '\0', '\ufeff')), { maxLength: 30 }),
          (parts) => {
            const text = parts.join('');
            const pieces = visiblePieces(text);
            let rebuilt = 0;
            for (const p of pieces) {
              if (p.ctl) {
                assert.ok(!DANGER.test(p.text), `marker ${JSON.stringify(p.text)} is itself a control`);
                rebuilt += 1;
              } else {
                assert.ok(!DANGER.test(p.text), `left ${JSON.stringify(p.text)} as it is`);
                rebuilt += p.text.length;
              }
            }
            // Every code unit is accounted for: shown as text or as one marker.
            assert.equal(rebuilt, text.length);
          },
        ),
        { numRuns: 200, seed: 7 },
      );
    });
  });

  describe('messages from the webview (protocol validator)', () => {
    const VALID = VALID_WEBVIEW_MESSAGES;

    it('never throws on random values and returns either nothing or a clean, self-consistent message', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true }), fc.constantFrom(...VALID)), (x) => {
          const v = validateWebviewMessage(x);
          if (v === undefined) return;
          assert.equal(Object.getPrototypeOf(v), Object.prototype);
          assert.deepEqual(validateWebviewMessage(JSON.parse(JSON.stringify(v))), v);
        }),
        { numRuns: 2000, seed: 11 },
      );
    });

    it('rejects every valid message with one field changed to a wrong value or one unknown field added', () => {
      const WRONG = [-1, 0.5, NaN, Infinity, 2 ** 60, '', '1', null, undefined, true, [], {}, 'x'.repeat(2 << 20)];
      let rejected = 0;
      let tried = 0;
      fc.assert(
        fc.property(fc.constantFrom(...VALID), fc.constantFrom(...WRONG), fc.nat(), fc.boolean(), (m, wrong, k, addField) => {
          const copy: Record<string, unknown> = JSON.parse(JSON.stringify(m));
          if (addField) {
            copy[['__proto__', 'constructor', 'extra', 'then'][k % 4]] = wrong ?? 1;
            Object.defineProperty(copy, '__proto__', { value: 1, enumerable: true, configurable: true, writable: true });
          } else {
            const keys = Object.keys(copy).filter((key) => key !== 'type');
            if (!keys.length) return;
            const key = keys[k % keys.length];
            // Some "wrong" values are right for some fields (0 for an id, null for a filter spec).
            if (wrong === null && key === 'spec') return;
            if (typeof copy[key] === typeof wrong && !(typeof wrong === 'number' && (!Number.isSafeInteger(wrong) || wrong < 0)) && !(typeof wrong === 'string' && wrong.length > 1 << 20)) return;
            copy[key] = wrong;
          }
          tried++;
          if (validateWebviewMessage(copy) === undefined) rejected++;
          else assert.fail(`accepted ${JSON.stringify(copy).slice(0, 200)}`);
        }),
        { numRuns: 1000, seed: 13 },
      );
      assert.ok(tried > 100 && rejected === tried);
    });
  });
});
