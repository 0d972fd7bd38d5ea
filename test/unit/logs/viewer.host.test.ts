// The viewer's host side (session, worker, follower) against a stand-in for the vscode module: the
// conversation a webview has with it, on a real file, with the real worker bundle.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { installFakeVscode } from '../helpers/fakeVscode';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { HostMessage } from '../../../client/src/logViewer/protocol';
import { syslogText } from '../../fixtures/logs/generate';
import { tempDir, until } from './engineHelpers';

const ROOT = path.resolve(__dirname, '../../..');

// A minimal vscode: just what the session touches. `settings` holds what the user set (full keys).
const settings: Record<string, unknown> = {};
const executed: unknown[][] = [];
let dialogAnswer: { fsPath: string }[] | undefined;
const fakeVscode = {
  l10n: { t: (s: string, ...a: unknown[]) => s.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)])) },
  workspace: { getConfiguration: (section: string) => ({ get: (k: string, d: unknown) => settings[`${section}.${k}`] ?? d }) },
  env: { language: 'en' },
  Uri: { joinPath: (u: { fsPath: string }, ...p: string[]) => ({ fsPath: path.join(u.fsPath, ...p) }), file: (fsPath: string) => ({ fsPath }) },
  window: { showErrorMessage: () => undefined, showInformationMessage: () => undefined, showOpenDialog: async () => dialogAnswer },
  commands: { getCommands: async () => [], executeCommand: async (...a: unknown[]) => void executed.push(a) },
};

describe('log viewer host session (with a stand-in for vscode)', function () {
  this.timeout(60_000);
  const T = tempDir();
  type Session = import('../../../client/src/logViewer/session').ViewerSession;
  const sessions: Session[] = [];
  let restoreVscode = () => undefined as void;

  before(() => {
    restoreVscode = installFakeVscode(fakeVscode);
    fs.mkdirSync(path.join(T.dir, 'dist'));
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'client/src/logViewer/indexWorker.ts')], outfile: path.join(T.dir, 'dist/indexWorker.js'), bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  });
  after(() => {
    sessions.forEach((s) => s.dispose());
    restoreVscode();
    T.cleanup();
  });

  async function open(files: string[], filter?: string) {
    const { ViewerSession } = (require('../../../client/src/logViewer/session') as typeof import('../../../client/src/logViewer/session'));
    const got: HostMessage[] = [];
    let handler: (m: unknown) => void = () => undefined;
    let disposed = false;
    const panel = { webview: { postMessage: async (m: HostMessage) => void got.push(m), onDidReceiveMessage: (h: (m: unknown) => void) => (handler = h) }, dispose: () => (disposed = true) };
    const warnings: string[] = [];
    const log = { info: () => undefined, warn: (s: string) => void warnings.push(s), error: (s: string) => void warnings.push(s) };
    const s = new ViewerSession(panel as never, files, { fsPath: T.dir } as never, log as never, filter);
    sessions.push(s);
    const send = (m: unknown) => handler(m);
    const last = <K extends HostMessage['type']>(type: K) => got.filter((m): m is Extract<HostMessage, { type: K }> => m.type === type).at(-1);
    return { got, send, last, warnings, session: s, disposed: () => disposed };
  }

  it('answers ready with init at once, indexes in the worker, serves lines, filters and counts', async () => {
    const text = syslogText(20000, 5);
    const file = T.file('maillog', text);
    const v = await open([file]);
    v.send({ type: 'ready' });
    await until(() => !!v.last('init'));
    assert.ok(v.last('init')!.lineCount > 0, 'first screen lines before the worker is done');
    await until(() => v.last('count')?.indexing === false);
    assert.equal(v.last('count')!.lineCount, 20000);
    v.send({ type: 'getLines', req: 7, view: 'all', from: 19990, count: 50 });
    await until(() => !!v.last('lines'));
    const lines = v.last('lines')!;
    assert.equal(lines.req, 7);
    assert.deepEqual(
      lines.lines.map((l) => l.text),
      text.split('\n').slice(19990, 20000),
    );
    v.send({ type: 'filter', id: 1, spec: { include: [{ pattern: 'sshd[', regex: false, caseSensitive: false }], exclude: [], programs: [], from: undefined } });
    await until(() => v.last('filterResult')?.done === true);
    const expected = text.split('\n').filter((l) => l.includes('sshd['));
    assert.equal(v.last('filterResult')!.matches, expected.length);
    v.send({ type: 'getLines', req: 8, view: 'filter', from: 0, count: 3 });
    await until(() => v.last('lines')?.req === 8);
    assert.deepEqual(
      v.last('lines')!.lines.map((l) => l.text),
      expected.slice(0, 3),
    );
    v.send({ type: 'locate', view: 'filter', row: 1 });
    await until(() => !!v.last('reveal'));
    assert.equal(v.last('reveal')!.line, text.split('\n').indexOf(expected[1]));
    v.send({ type: 'stats' });
    await until(() => !!v.last('stats'));
    assert.equal(v.last('stats')!.stats.lines, 20000);
  });

  it('sends the first screen with init, and End while indexing gets the real last lines of the file', async () => {
    const text = syslogText(150000, 11);
    const all = text.split('\n').slice(0, -1);
    const v = await open([T.file('mail.log', text)]);
    v.send({ type: 'ready' });
    await until(() => !!v.last('init'));
    const init = v.last('init')!;
    assert.ok(init.indexing && init.lineCount < all.length, `init while indexing (${init.lineCount} of ${all.length} lines)`);
    // No request needed for the first screen: its lines come with init.
    assert.deepEqual(init.first?.map((l) => [l.n, l.text]), all.slice(0, 200).map((t, n) => [n, t]));
    v.send({ type: 'tail', req: 4, count: 30 });
    await until(() => v.last('tail')?.req === 4);
    assert.deepEqual(v.last('tail')!.lines.map((l) => l.text), all.slice(-30));
    await until(() => v.last('count')?.indexing === false);
    // Once indexed, the same lines with their numbers.
    v.send({ type: 'tail', req: 5, count: 2 });
    await until(() => v.last('tail')?.req === 5);
    assert.deepEqual(v.last('tail')!.lines.map((l) => [l.n, l.text]), [[all.length - 2, all.at(-2)], [all.length - 1, all.at(-1)]]);
  });

  it('reports a bad regular expression, ignores malformed messages, and follows appended lines', async () => {
    const file = T.file('secure', 'Jan  1 00:00:00 sv sshd[1]: one\n');
    const v = await open([file]);
    v.send({ type: 'ready' });
    await until(() => v.last('count')?.indexing === false);
    v.send({ type: 'filter', id: 2, spec: { include: [{ pattern: '([a-', regex: true, caseSensitive: false }], exclude: [], programs: [] } });
    await until(() => !!v.last('filterResult'));
    assert.match(v.last('filterResult')!.error ?? '', /invalid regular expression/);
    // A regular expression that backtracks catastrophically is stopped; the host stays responsive.
    fs.appendFileSync(file, 'Jan  1 00:00:00 sv sshd[1]: ' + 'a'.repeat(40) + '!\n');
    v.send({ type: 'filter', id: 3, spec: { include: [{ pattern: '(a+)+$', regex: true, caseSensitive: false }], exclude: [], programs: [] } });
    await until(() => v.last('filterResult')?.id === 3);
    assert.match(v.last('filterResult')!.warning ?? '', /nested repetition/);
    v.send({ type: 'cancelFilter', id: 3 });
    await until(() => v.last('filterResult')?.stopped === true);
    assert.equal(v.last('filterResult')!.done, true);
    v.send({ type: 'getLines', req: 1, view: 'all', from: 0, count: 1e9 });
    v.send({ hello: 'world' });
    await until(() => v.warnings.length >= 2);
    assert.equal(v.warnings.filter((w) => w.includes('malformed')).length, 2, v.warnings.join('\n'));
    v.send({ type: 'follow', on: true });
    await until(() => v.last('follow')?.on === true);
    v.send({ type: 'filter', id: 4, spec: { include: [{ pattern: 'two$', regex: true, caseSensitive: false }], exclude: [], programs: [] } });
    await until(() => v.last('filterResult')?.id === 4 && v.last('filterResult')?.done === true);
    assert.equal(v.last('filterResult')!.matches, 0);
    fs.appendFileSync(file, 'Jan  1 00:00:01 sv sshd[1]: two\n');
    await until(() => v.last('count')?.lineCount === 3);
    // Appended lines are filtered too (a regular expression in a worker, never in the host).
    await until(() => v.last('filterResult')?.matches === 1);
    v.send({ type: 'getLines', req: 5, view: 'filter', from: 0, count: 1 });
    await until(() => v.last('lines')?.req === 5);
    assert.deepEqual(v.last('lines')!.lines.map((l) => [l.n, l.text]), [[2, 'Jan  1 00:00:01 sv sshd[1]: two']]);
    v.send({ type: 'follow', on: false });
    await until(() => v.last('follow')?.on === false);
  });

  it('after a copytruncate, still shows the lines written between the copy and the truncation (they are in no file)', async () => {
    const line = (n: number) => `Jan  1 00:00:0${n} sv app[1]: line ${n} ${'x'.repeat(20 * n)}`;
    const file = T.file('app.log', line(1) + '\n');
    const v = await open([file]);
    v.send({ type: 'ready' });
    await until(() => v.last('count')?.indexing === false);
    v.send({ type: 'follow', on: true });
    await until(() => v.last('follow')?.on === true);
    fs.appendFileSync(file, line(2) + '\n');
    await until(() => v.last('count')?.lineCount === 2);
    // logrotate's copytruncate: the copy, a line written in the window, then the truncation.
    fs.copyFileSync(file, file + '.1');
    fs.appendFileSync(file, line(3) + '\n');
    await until(() => v.last('count')?.lineCount === 3);
    fs.truncateSync(file, 0);
    fs.appendFileSync(file, line(4) + '\n');
    await until(() => v.last('count')?.lineCount === 4);
    v.send({ type: 'getLines', req: 7, view: 'all', from: 0, count: 4 });
    await until(() => v.last('lines')?.req === 7);
    assert.deepEqual(v.last('lines')!.lines.map((l) => l.text), [line(1), line(2), line(3), line(4)]);
    v.send({ type: 'follow', on: false });
    await until(() => v.last('follow')?.on === false);
  });

  it('names the file and the way in when permission is denied', async function () {
    if (process.getuid?.() === 0) {
      // root reads everything: check the message itself.
      const { accessMessage } = (require('../../../client/src/logViewer/viewerHelpers') as typeof import('../../../client/src/logViewer/viewerHelpers'));
      assert.match(accessMessage('/var/log/secure', { code: 'EACCES' }), /Permission denied: \/var\/log\/secure.*adm.*systemd-journal.*sudo/);
      return;
    }
    const file = T.file('locked.log', 'x\n');
    fs.chmodSync(file, 0);
    const v = await open([file]);
    v.send({ type: 'ready' });
    await until(() => !!v.last('notice'));
    assert.match(v.last('notice')!.message, /Permission denied: .*locked\.log.*adm/);
  });

  it('shows a gone file (a restored tab) as a message alone, then offers another file or a retry', async () => {
    const file = path.join(T.dir, 'gone.log');
    const v = await open([file]);
    v.send({ type: 'ready' });
    await until(() => !!v.last('unavailable'));
    assert.equal(v.last('init'), undefined, 'no viewer (and no toolbar) for a file that is not there');
    assert.match(v.last('unavailable')!.message, /gone\.log does not exist/);
    assert.equal(v.last('unavailable')!.strings.pickFile, 'Choose a file…');
    dialogAnswer = [{ fsPath: T.file('other.log', 'x\n') }];
    v.send({ type: 'pickFile' });
    await until(() => v.disposed());
    assert.deepEqual(executed.at(-1), ['linuxAdminConfigs.logViewer.open', dialogAnswer[0]]);
    // The file is back: trying again opens it.
    fs.writeFileSync(file, 'Jan  1 00:00:00 sv app[1]: back\n');
    v.send({ type: 'ready' });
    await until(() => !!v.last('init'));
    assert.equal(v.last('init')!.lineCount, 1);
  });

  it('tells the webview the filter it was opened on (a LOG rule\'s prefix), and none otherwise', async () => {
    const file = T.file('kern.log', 'Jan  1 00:00:00 sv kernel: [  1.0] dropped: IN=eth0 OUT= SRC=192.0.2.1\n');
    const v = await open([file], 'dropped:');
    v.send({ type: 'ready' });
    await until(() => !!v.last('init'));
    assert.equal(v.last('init')!.filter, 'dropped:');
    const plain = await open([file]);
    plain.send({ type: 'ready' });
    await until(() => !!plain.last('init'));
    assert.equal(plain.last('init')!.filter, undefined);
  });

  it('shows the format of the file\'s first lines and explains its lines in that format', async () => {
    const access = fs.readFileSync(path.join(ROOT, 'test/fixtures/logs/formats/access.log'), 'utf8');
    const v = await open([T.file('access_log', access)]);
    v.send({ type: 'ready' });
    await until(() => !!v.last('init'));
    assert.equal(v.last('init')!.format, 'Apache/nginx access log (combined)');
    // Charts and the time filter read the access log's own times.
    v.send({ type: 'stats' });
    await until(() => !!v.last('stats'));
    assert.deepEqual([v.last('stats')!.stats.unparsed, v.last('stats')!.stats.hours.map((h) => h.lines)], [0, [3]]);
    v.send({ type: 'filter', id: 1, spec: { include: [], exclude: [], programs: [], from: Date.UTC(2024, 6, 19, 19, 21, 8), to: Date.UTC(2024, 6, 19, 19, 23) } });
    await until(() => v.last('filterResult')?.done === true);
    assert.equal(v.last('filterResult')!.matches, 2);
    const getCommands = fakeVscode.commands.getCommands;
    fakeVscode.commands.getCommands = async () => ['linuxAdminConfigs.explainLogLine'] as never[];
    try {
      const text = access.split('\n')[1];
      v.send({ type: 'explain', text });
      await until(() => (executed.at(-1)?.[0] as string) === 'linuxAdminConfigs.explainLogLine');
      assert.deepEqual(executed.at(-1), ['linuxAdminConfigs.explainLogLine', { text, format: 'access-combined' }]);
    } finally {
      fakeVscode.commands.getCommands = getCommands;
    }
    // A file of no known format shows none.
    const w = await open([T.file('plain.txt', 'hello\nworld\n')]);
    w.send({ type: 'ready' });
    await until(() => !!w.last('init'));
    assert.equal(w.last('init')!.format, undefined);
  });

  it('speaks the docs language in its own messages too (regex warning, stop), and follows settings changes', async () => {
    settings['linuxAdminConfigs.docs.language'] = 'ja';
    try {
      const file = T.file('ja.log', 'Jan  1 00:00:00 sv sshd[1]: ' + 'a'.repeat(40) + '!\n');
      const v = await open([file]);
      v.send({ type: 'ready' });
      await until(() => v.last('count')?.indexing === false);
      assert.equal(v.last('init')!.locale, 'ja');
      v.send({ type: 'filter', id: 1, spec: { include: [{ pattern: '([a-', regex: true, caseSensitive: false }], exclude: [], programs: [] } });
      await until(() => v.last('filterResult')?.id === 1);
      assert.match(v.last('filterResult')!.error ?? '', /^正規表現 \/\(\[a-\/ が正しくありません/);
      v.send({ type: 'filter', id: 2, spec: { include: [{ pattern: '(a+)+$', regex: true, caseSensitive: false }], exclude: [], programs: [] } });
      await until(() => v.last('filterResult')?.id === 2);
      assert.match(v.last('filterResult')!.warning ?? '', /入れ子の繰り返し/);
      v.send({ type: 'cancelFilter', id: 2 });
      await until(() => v.last('filterResult')?.stopped === true);
      // Settings changed while the viewer is open (from settings.json or the Settings UI alike).
      settings['linuxAdminConfigs.docs.language'] = 'en';
      settings['linuxAdminConfigs.logViewer.highlightRules'] = [{ pattern: 'ORA-\\d+', regex: true, color: '#d19a66' }, { pattern: 'x' }];
      v.session.settingsChanged();
      await until(() => !!v.last('settings'));
      const m = v.last('settings')!;
      assert.equal(m.locale, 'en');
      assert.equal(m.strings.filter, 'Filter (all terms must match)');
      assert.deepEqual(m.rules, [{ pattern: 'ORA-\\d+', regex: true, category: undefined, color: '#d19a66' }]);
      assert.match(v.last('notice')!.message, /highlightRules\[1\]: give a "category" or a "color"/);
      v.send({ type: 'filter', id: 3, spec: { include: [{ pattern: '(b+)+$', regex: true, caseSensitive: false }], exclude: [], programs: [] } });
      await until(() => v.last('filterResult')?.id === 3);
      assert.match(v.last('filterResult')!.warning ?? '', /^\/\(b\+\)\+\$\/ has nested repetition/);
      v.send({ type: 'cancelFilter', id: 3 });
    } finally {
      for (const k of Object.keys(settings)) delete settings[k];
    }
  });

  it('validates highlightRules from settings and says what is wrong', () => {
    const { highlightRules } = require('../../../client/src/logViewer/settings') as typeof import('../../../client/src/logViewer/settings');
    const r = highlightRules([
      { pattern: 'oracle', category: 'access' },
      { pattern: 'ORA-\\d+', regex: true, color: '#d19a66' },
      { pattern: '(', regex: true, color: 'red' },
      { pattern: 'x', category: 'nope' },
      { pattern: 'y', color: 'url(javascript:alert(1))' },
      { pattern: '', color: 'red' },
      { pattern: 'z' },
      'text',
    ]);
    assert.deepEqual(r.rules, [
      { pattern: 'oracle', regex: false, category: 'access', color: undefined },
      { pattern: 'ORA-\\d+', regex: true, category: undefined, color: '#d19a66' },
    ]);
    assert.equal(r.problems.length, 6);
    assert.match(r.problems[0], /highlightRules\[2\]: invalid regular expression/);
    assert.match(r.problems[1], /unknown category "nope"/);
    assert.match(r.problems[2], /"color" must be/);
    assert.deepEqual(highlightRules('oops').problems, ['linuxAdminConfigs.logViewer.highlightRules must be a list of rules']);
  });
});
