// The text filter handed to journalctl -g (the viewer's and the CLI's): the pattern journalctl gets
// for several terms, and where each match sits in journalctl's order, over real journal files.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLine, grepPattern, withText, type TextTerm } from '../../../server/src/logs/journal/filters';
import { compareCursors, cursorKey, JournalMatches } from '../../../server/src/logs/journal/matchIndex';
import { JournalSource } from '../../../server/src/logs/journal/source';
import { standardEntry, writeJournal } from '../../fixtures/journal/generate';
import { tempDir } from './engineHelpers';

const TOTAL = 600;

describe('journal text filter through journalctl -g', function () {
  this.timeout(60_000);
  const T = tempDir();
  const dir = path.join(T.dir, 'journal');
  const journalctl = (...args: string[]) => spawnSync('journalctl', ['--no-pager', '--directory', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
  let messages: string[] = [];
  let cursors: string[] = [];
  before(() => {
    fs.mkdirSync(dir);
    // Two files from two writers (two seqnum sources), their entries interleaved in time: journalctl merges them.
    const all = Array.from({ length: TOTAL }, (_, i) => standardEntry(i, TOTAL));
    writeJournal(path.join(dir, 'a.journal'), all.filter((_, i) => i % 2 === 0));
    writeJournal(path.join(dir, 'b.journal'), all.filter((_, i) => i % 2 === 1));
    messages = journalctl('-o', 'cat').split('\n').filter(Boolean);
    cursors = journalctl('-o', 'export', '--output-fields=_BOOT_ID').split('\n').filter((l) => l.startsWith('__CURSOR=')).map((l) => l.slice(9));
  });
  after(() => T.cleanup());

  const matching = async (include: TextTerm[], exclude: TextTerm[] = []) => {
    const found: string[] = [];
    await new JournalSource(withText({ directory: dir }, include, exclude)).countCursors(1, (_k, c) => void found.push(c));
    return found;
  };

  it('counts what journalctl -g counts: MESSAGE only, and its case rule unless the term says otherwise', async () => {
    assert.equal(messages.length, TOTAL);
    // The host name and the identifier are in the shown line but not in MESSAGE: journalctl -g does not see them.
    assert.equal((await matching([{ pattern: 'web1' }])).length, 0);
    assert.equal((await matching([{ pattern: 'failed password' }])).length, messages.filter((m) => /failed password/i.test(m)).length);
    assert.equal((await matching([{ pattern: 'failed password', caseSensitive: true }])).length, 0);
    assert.equal(commandLine(withText({ directory: dir }, [{ pattern: 'Failed password', caseSensitive: true }])), `journalctl --directory ${dir} -g 'Failed password' --case-sensitive=yes`);
  });

  it('turns several words, exclusions and mixed case into one PCRE2 pattern journalctl matches as the viewer means it', async () => {
    const include: TextTerm[] = [{ pattern: 'FAILED' }, { pattern: 'port 5\\d{4}', regex: true, caseSensitive: true }];
    const exclude: TextTerm[] = [{ pattern: '198.51.100.1' }];
    const want = messages.filter((m) => /failed/i.test(m) && /port 5\d{4}/.test(m) && !m.includes('198.51.100.1'));
    assert.ok(want.length > 10 && want.length < messages.filter((m) => /failed/i.test(m)).length);
    assert.equal((await matching(include, exclude)).length, want.length);
    assert.deepEqual(grepPattern(include, exclude), { grep: '(?s)^(?=.*?(?:(?i:FAILED)))(?=.*?(?:port 5\\d{4}))(?!.*?(?:(?i:198\\.51\\.100\\.1)))', caseSensitive: true });
    // Only exclusions: every entry but those.
    assert.equal((await matching([], [{ pattern: 'cmd' }])).length, messages.filter((m) => !/cmd/i.test(m)).length);
    // A literal is a literal, whatever PCRE2 would make of it.
    assert.equal((await matching([{ pattern: '(root) CMD (run-parts' }])).length, messages.filter((m) => m.includes('(root) CMD (run-parts')).length);
  });

  it('says journalctl\'s own words for a pattern PCRE2 rejects', async () => {
    await assert.rejects(matching([{ pattern: 'port (', regex: true }]), /journalctl: Bad pattern "port \(": missing closing parenthesis/);
  });

  it('places every match in the block of the count\'s cursors it falls in, as journalctl orders the merged files', async () => {
    assert.equal(cursors.length, TOTAL);
    const every = 7;
    const matches = new JournalMatches(every);
    matches.setCheckpoints(cursors.filter((_, i) => i % every === 0));
    const found = await matching([{ pattern: 'from' }]);
    assert.ok(found.length > 100);
    for (const c of found) matches.add(c);
    found.forEach((c, i) => assert.equal(matches.get(i)!.block, Math.floor(cursors.indexOf(c) / every), `match ${i} (${c})`));
    // The order itself: each cursor after the one before it.
    for (let i = 1; i < cursors.length; i++) assert.ok(compareCursors(cursorKey(cursors[i - 1]), cursorKey(cursors[i])) < 0, `entry ${i}`);
  });
});
