// The journal viewer's host side against a stand-in for the vscode module: the conversation a
// webview has with it, over a real journal directory read by the host's journalctl.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { installFakeVscode } from '../helpers/fakeVscode';
import * as path from 'node:path';
import type { HostMessage } from '../../../client/src/logViewer/protocol';
import { standardEntry, writeJournal } from '../../fixtures/journal/generate';
import { tempDir, until } from './engineHelpers';

const executed: unknown[][] = [];
const fakeVscode = {
  l10n: { t: (s: string, ...a: unknown[]) => s.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)])) },
  workspace: { getConfiguration: () => ({ get: (_k: string, d: unknown) => d }) },
  env: { language: 'en' },
  Uri: { joinPath: (u: { fsPath: string }, ...p: string[]) => ({ fsPath: path.join(u.fsPath, ...p) }), file: (fsPath: string) => ({ fsPath }) },
  window: { showErrorMessage: () => undefined, showInformationMessage: () => undefined },
  commands: { getCommands: async () => ['linuxAdminConfigs.explainLogLine'], executeCommand: async (...a: unknown[]) => void executed.push(a) },
};

const TOTAL = 2500;

describe('journal viewer host session (with a stand-in for vscode)', function () {
  this.timeout(60_000);
  const T = tempDir();
  const dir = path.join(T.dir, 'journal');
  let restoreVscode = () => undefined as void;
  type Session = import('../../../client/src/logViewer/journalSession').JournalSession;
  const sessions: Session[] = [];
  // What journalctl itself prints for the same journal, in the viewer's line form (UTC for the test).
  const journalctlLines = (...args: string[]) =>
    spawnSync('journalctl', ['--no-pager', '--directory', dir, '-o', 'short-iso-precise', '--utc', '-q', ...args], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean);

  before(() => {
    process.env.TZ = 'UTC';
    restoreVscode = installFakeVscode(fakeVscode);
    fs.mkdirSync(dir);
    writeJournal(path.join(dir, 'system.journal'), Array.from({ length: TOTAL }, (_, i) => standardEntry(i, TOTAL)));
  });
  after(() => {
    sessions.forEach((s) => s.dispose());
    restoreVscode();
    T.cleanup();
  });

  function open(query: object) {
    const { JournalSession } = require('../../../client/src/logViewer/journalSession') as typeof import('../../../client/src/logViewer/journalSession');
    const got: HostMessage[] = [];
    let handler: (m: unknown) => void = () => undefined;
    const panel = { title: '', webview: { postMessage: async (m: HostMessage) => void got.push(m), onDidReceiveMessage: (h: (m: unknown) => void) => (handler = h) } };
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const s = new JournalSession(panel as never, query, log as never);
    sessions.push(s);
    const last = <K extends HostMessage['type']>(type: K) => got.filter((m): m is Extract<HostMessage, { type: K }> => m.type === type).at(-1);
    return { got, send: (m: unknown) => handler(m), last, session: s, panel };
  }

  it('shows the first screen, counts by cursor, serves any page, filters, charts, and says the journalctl command', async () => {
    const v = open({ directory: dir });
    v.send({ type: 'ready' });
    await until(() => !!v.last('init'));
    assert.equal(v.last('init')!.lineCount, 1000, 'the first block before the count is done');
    await until(() => v.last('count')?.indexing === false);
    assert.equal(v.last('count')!.lineCount, TOTAL);
    assert.ok(v.got.some((m) => m.type === 'notice' && m.message === `Journal read with: journalctl --directory ${dir}`));
    const want = journalctlLines();
    v.send({ type: 'getLines', req: 3, view: 'all', from: 1995, count: 10 });
    await until(() => v.last('lines')?.req === 3);
    const seen = v.last('lines')!.lines;
    assert.deepEqual(seen.map((l) => l.n), [1995, 1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004]);
    assert.deepEqual(seen.map((l) => l.text), want.slice(1995, 2005));

    v.send({ type: 'filter', id: 1, spec: { include: [{ pattern: 'failed password', regex: false, caseSensitive: false }], exclude: [], programs: [] } });
    await until(() => v.last('filterResult')?.done === true);
    const failed = want.filter((l) => /failed password/i.test(l));
    assert.equal(v.last('filterResult')!.matches, failed.length);
    v.send({ type: 'getLines', req: 4, view: 'filter', from: failed.length - 2, count: 2 });
    await until(() => v.last('lines')?.req === 4);
    assert.deepEqual(v.last('lines')!.lines.map((l) => l.text), failed.slice(-2));
    v.send({ type: 'locate', view: 'filter', row: 1 });
    await until(() => !!v.last('reveal'));
    assert.equal(v.last('reveal')!.line, want.indexOf(failed[1]));

    v.send({ type: 'stats' });
    await until(() => !!v.last('stats'));
    const st = v.last('stats')!.stats;
    assert.equal(st.lines, TOTAL);
    assert.deepEqual(st.programs.map((p) => p.lines), [625, 625, 625, 625]);
    assert.equal(st.hours.reduce((a, h) => a + h.lines, 0), TOTAL);
  });

  it('hands the text filter to journalctl -g: the entries journalctl -g finds, numbered as in the whole journal, and the command says -g', async () => {
    const v = open({ directory: dir });
    v.send({ type: 'ready' });
    await until(() => v.last('count')?.indexing === false);
    const all = journalctlLines();
    // The host name is in every shown line, but not in MESSAGE: journalctl -g finds nothing.
    v.send({ type: 'filter', id: 5, spec: { include: [{ pattern: 'web1', regex: false, caseSensitive: false }], exclude: [], programs: [] } });
    await until(() => v.last('filterResult')?.id === 5 && v.last('filterResult')?.done === true);
    assert.equal(v.last('filterResult')!.matches, 0);
    const spec = { include: [{ pattern: 'failed password', regex: false, caseSensitive: false }], exclude: [{ pattern: '198.51.100.1', regex: false, caseSensitive: false }], programs: [] };
    v.send({ type: 'filter', id: 6, spec });
    await until(() => v.last('filterResult')?.id === 6 && v.last('filterResult')?.done === true);
    assert.match(v.session.command, /^journalctl --directory \S+ -g '\(\?s\)\^\(\?=\.\*\?\(\?:failed password\)\)\(\?!\.\*\?\(\?:198\\\.51\\\.100\\\.1\)\)' --case-sensitive=no$/);
    assert.ok(v.got.some((m) => m.type === 'notice' && m.message === `Filtered with: ${v.session.command}`));
    const want = journalctlLines('-g', 'failed password').filter((l) => !l.includes('198.51.100.1'));
    assert.ok(want.length > 100);
    assert.equal(v.last('filterResult')!.matches, want.length);
    v.send({ type: 'getLines', req: 21, view: 'filter', from: 0, count: want.length });
    await until(() => v.last('lines')?.req === 21);
    const got = v.last('lines')!.lines;
    assert.deepEqual(got.map((l) => l.text), want);
    assert.deepEqual(got.map((l) => l.n), want.map((l) => all.indexOf(l)));
    // Programs are tested on what journalctl found.
    v.send({ type: 'filter', id: 7, spec: { include: [{ pattern: 'from', regex: false, caseSensitive: false }], exclude: [], programs: ['postfix/smtpd'] } });
    await until(() => v.last('filterResult')?.id === 7 && v.last('filterResult')?.done === true);
    assert.equal(v.last('filterResult')!.matches, journalctlLines('-g', 'from').filter((l) => l.includes(' postfix/smtpd[')).length);
    v.send({ type: 'locate', view: 'filter', row: 3 });
    await until(() => v.got.filter((m) => m.type === 'reveal').length > 0);
    assert.equal(v.last('reveal')!.line, all.indexOf(journalctlLines('-g', 'from').filter((l) => l.includes(' postfix/smtpd['))[3]));
    v.send({ type: 'filter', id: 8, spec: null });
    await until(() => v.session.command === `journalctl --directory ${dir}`);
  });

  it('takes a text filter set before the count is done: journalctl -g goes on as far as the count\'s cursors allow, in PCRE2', async () => {
    const bdir = path.join(T.dir, 'big');
    fs.mkdirSync(bdir);
    const N = 30_000;
    writeJournal(path.join(bdir, 'system.journal'), Array.from({ length: N }, (_, i) => standardEntry(i, N)));
    const v = open({ directory: bdir });
    // The filter comes with the webview's first words, before the first screen is read.
    v.send({ type: 'ready' });
    v.send({ type: 'filter', id: 40, spec: { include: [{ pattern: '(?i)FAILED password for \\w++', regex: true, caseSensitive: true }], exclude: [], programs: [] } });
    await until(() => v.last('filterResult')?.id === 40 && v.last('filterResult')?.done === true, 60_000);
    assert.equal(v.last('filterResult')!.error, undefined);
    // The filter started before the count was done.
    const order = v.got.filter((m) => (m.type === 'filterResult' && m.id === 40) || (m.type === 'count' && !m.indexing)).map((m) => m.type);
    assert.equal(order[0], 'filterResult');
    const lines = (...args: string[]) => spawnSync('journalctl', ['--no-pager', '--directory', bdir, '-o', 'short-iso-precise', '--utc', '-q', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout.split('\n').filter(Boolean);
    const want = lines('-g', 'failed password');
    assert.equal(v.last('filterResult')!.matches, want.length);
    const all = lines();
    for (const from of [0, Math.floor(want.length / 2), want.length - 3]) {
      v.send({ type: 'getLines', req: 100 + from, view: 'filter', from, count: 3 });
      await until(() => v.last('lines')?.req === 100 + from);
      assert.deepEqual(v.last('lines')!.lines.map((l) => [l.n, l.text]), want.slice(from, from + 3).map((l) => [all.indexOf(l), l]));
    }
  });

  it('explains a line with its entry\'s PRIORITY, which sets the explanation\'s severity', async () => {
    const v = open({ directory: dir });
    v.send({ type: 'ready' });
    await until(() => !!v.last('init'));
    v.send({ type: 'getLines', req: 1, view: 'all', from: 0, count: 8 });
    await until(() => v.last('lines')?.req === 1);
    // The fixture's entry i has PRIORITY i % 8.
    for (const n of [3, 4]) {
      const text = v.last('lines')!.lines[n].text;
      v.send({ type: 'explain', text });
      await until(() => (executed.at(-1)?.[1] as { text?: string })?.text === text);
      assert.deepEqual(executed.at(-1), ['linuxAdminConfigs.explainLogLine', { text, priority: n }]);
    }
  });

  it('applies journal filters as a new query, and stops every journalctl when closed', async () => {
    const v = open({ directory: dir });
    v.send({ type: 'ready' });
    await until(() => v.last('count')?.indexing === false);
    await v.session.setQuery({ directory: dir, units: ['cron.service'], priority: 'notice' });
    assert.equal(v.session.command, `journalctl --directory ${dir} -u cron.service -p notice`);
    await until(() => v.last('count')?.indexing === false && v.got.filter((m) => m.type === 'init').length === 2);
    const want = journalctlLines('-u', 'cron.service', '-p', 'notice');
    assert.equal(v.last('init')!.lineCount, want.length);
    v.send({ type: 'getLines', req: 9, view: 'all', from: 0, count: 3 });
    await until(() => v.last('lines')?.req === 9);
    assert.deepEqual(v.last('lines')!.lines.map((l) => l.text), want.slice(0, 3));
    // A filter over the whole journal is running: closing must stop its journalctl.
    await v.session.setQuery({ directory: dir });
    v.send({ type: 'filter', id: 2, spec: { include: [{ pattern: 'x', regex: false, caseSensitive: false }], exclude: [], programs: [] } });
    await until(() => v.session.processes > 0);
    v.session.dispose();
    await until(() => v.session.processes === 0);
  });

  it('follows entries written after it opened', async () => {
    const fdir = path.join(T.dir, 'follow');
    fs.mkdirSync(fdir);
    writeJournal(path.join(fdir, 'a.journal'), Array.from({ length: 10 }, (_, i) => standardEntry(i, 10)));
    const v = open({ directory: fdir });
    v.send({ type: 'ready' });
    await until(() => v.last('init')?.indexing === false);
    v.send({ type: 'follow', on: true });
    await until(() => v.last('follow')?.on === true);
    // A text filter set before: the entries followed in are looked at by journalctl -g as well.
    v.send({ type: 'filter', id: 30, spec: { include: [{ pattern: '^new [13]$', regex: true, caseSensitive: true }], exclude: [], programs: [] } });
    await until(() => v.last('filterResult')?.id === 30 && v.last('filterResult')?.done === true);
    assert.equal(v.last('filterResult')!.matches, 0);
    const tmp = path.join(T.dir, 'b.journal');
    writeJournal(tmp, Array.from({ length: 4 }, (_, i) => ({ ...standardEntry(i, 4, Date.UTC(2024, 5, 1) * 1000), boot: 'feedfeedfeedfeedfeedfeedfeedfeed', message: `new ${i}` })));
    fs.renameSync(tmp, path.join(fdir, 'b.journal'));
    await until(() => v.last('count')?.lineCount === 14);
    v.send({ type: 'getLines', req: 11, view: 'all', from: 12, count: 5 });
    await until(() => v.last('lines')?.req === 11);
    assert.deepEqual(v.last('lines')!.lines.map((l) => l.text.replace(/^.*: /, '')), ['new 2', 'new 3']);
    await until(() => v.last('filterResult')?.matches === 2);
    v.send({ type: 'getLines', req: 12, view: 'filter', from: 0, count: 5 });
    await until(() => v.last('lines')?.req === 12);
    assert.deepEqual(v.last('lines')!.lines.map((l) => [l.n, l.text.replace(/^.*: /, '')]), [[11, 'new 1'], [13, 'new 3']]);
    v.send({ type: 'follow', on: false });
    await until(() => v.last('follow')?.on === false);
  });

  it('says so when the journal cannot be read, with journalctl\'s message', async () => {
    const v = open({ file: T.file('broken.journal', Buffer.alloc(64 * 1024, 0x41)) });
    v.send({ type: 'ready' });
    await until(() => !!v.last('unavailable'));
    assert.match(v.last('unavailable')!.message, /journalctl: Failed to open files: /);
  });
});
