// The journal source over real journal files written by systemd-journal-remote and read by the
// host's journalctl: pages by cursor, the handbook's filters, lists for completion, counts, follow.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commandLine, journalArgs, priorityProblem, takeJournalOptions } from '../../../server/src/logs/journal/filters';
import { JournalError, runningCount, stderrNotices } from '../../../server/src/logs/journal/journalctl';
import { entryFields, entryLine, JournalFollower, JournalSource } from '../../../server/src/logs/journal/source';
import { BOOTS, standardEntry, writeJournal } from '../../fixtures/journal/generate';
import { tempDir, until } from './engineHelpers';

const TOTAL = 400;

describe('journal source (real journal files, the host journalctl)', function () {
  this.timeout(60_000);
  const T = tempDir();
  const dir = path.join(T.dir, 'journal');
  before(() => {
    fs.mkdirSync(dir);
    writeJournal(path.join(dir, 'system.journal'), Array.from({ length: TOTAL }, (_, i) => standardEntry(i, TOTAL)));
  });
  after(() => T.cleanup());

  it('reads the first page, the page after a cursor and the page before it, in order', async () => {
    const src = new JournalSource({ directory: dir });
    const first = await src.page(50);
    assert.equal(first.length, 50);
    assert.match(entryLine(first[0], true), /^2024-05-01T00:00:00\.000000\+0000 web1 sshd\[1000\]: Failed password for root from 198\.51\.100\.0/);
    const next = await src.page(50, { cursor: first[49].__CURSOR, after: true });
    assert.equal(next[0].__REALTIME_TIMESTAMP, first[49].__REALTIME_TIMESTAMP.replace(/\d+$/, (s) => String(Number(s) + 60_000_000)));
    const back = await src.before(10, next[0].__CURSOR);
    assert.deepEqual(back.map((e) => e.__CURSOR), first.slice(40).map((e) => e.__CURSOR));
    const tail = await src.before(3);
    assert.deepEqual(tail.map((e) => entryLine(e, true).slice(0, 19)), ['2024-05-01T06:37:00', '2024-05-01T06:38:00', '2024-05-01T06:39:00']);
    assert.equal(runningCount({}), 0);
  });

  it('filters by unit, priority, boot, identifier and time as journalctl -u/-p/-b/-t/--since/--until', async () => {
    const count = async (q: object) => {
      let n = 0;
      await new JournalSource({ directory: dir, ...q }).scan(() => void n++);
      return n;
    };
    assert.equal(await count({ units: ['sshd.service'] }), TOTAL / 4);
    assert.equal(await count({ units: ['sshd.service', 'cron.service'] }), TOTAL / 2);
    assert.equal(await count({ priority: 'err' }), (TOTAL / 8) * 4); // 0..3
    assert.equal(await count({ priority: 'warning..warning' }), TOTAL / 8);
    assert.equal(await count({ identifiers: ['CRON'] }), TOTAL / 4);
    assert.equal(await count({ boot: BOOTS[0] }), Math.ceil(TOTAL / 3));
    assert.equal(await count({ since: '2024-05-01 01:00:00 UTC', until: '2024-05-01 01:59:59 UTC' }), 60);
  });

  it('lists the units (for completion) and the boots (for -b)', async () => {
    const src = new JournalSource({ directory: dir });
    assert.deepEqual(await src.fieldValues('_SYSTEMD_UNIT'), ['cron.service', 'nginx.service', 'postfix@-.service', 'sshd.service']);
    const boots = await src.boots();
    assert.deepEqual(boots.map((b) => [b.offset, b.id]), [[-2, BOOTS[0]], [-1, BOOTS[1]], [0, BOOTS[2]]]);
  });

  it('counts per day, hour, unit and priority in one pass', async () => {
    const c = await new JournalSource({ directory: dir }).counts({ utc: true });
    assert.equal(c.entries, TOTAL);
    assert.deepEqual(c.days, { '2024-05-01': TOTAL });
    assert.equal(c.hours['2024-05-01T03'], 60);
    assert.equal(c.units['nginx.service'], TOTAL / 4);
    assert.equal(c.priorities.err, TOTAL / 8);
  });

  it('gives explain the journal fields, with the priority named', async () => {
    const [e] = await new JournalSource({ directory: dir, units: ['nginx.service'] }).page(1);
    const f = entryFields(e);
    assert.equal(f._SYSTEMD_UNIT, 'nginx.service');
    assert.equal(f.PRIORITY, '2 (crit)');
    assert.equal(f._PID, '1002');
  });

  it('follows new entries, also when journald rotates to a new file and vacuums the old one', async () => {
    const fdir = path.join(T.dir, 'follow');
    fs.mkdirSync(fdir);
    writeJournal(path.join(fdir, 'a.journal'), Array.from({ length: 20 }, (_, i) => standardEntry(i, 20)));
    const src = new JournalSource({ directory: fdir });
    const [last] = await src.before(1);
    const got: string[] = [];
    const f = new JournalFollower(src, { entries: (b) => got.push(...b.map((e) => e.MESSAGE ?? '')), problem: () => undefined }, last.__CURSOR, 200);
    await f.start();
    try {
      const later = (i: number) => ({ ...standardEntry(i, 20, Date.UTC(2024, 4, 2) * 1000), boot: 'feedfeedfeedfeedfeedfeedfeedfeed', message: `after rotation ${i}` });
      const tmp = path.join(T.dir, 'b.journal');
      writeJournal(tmp, Array.from({ length: 5 }, (_, i) => later(i)));
      fs.renameSync(tmp, path.join(fdir, 'b.journal'));
      await until(() => got.length >= 5);
      fs.rmSync(path.join(fdir, 'a.journal')); // vacuumed
      const tmp2 = path.join(T.dir, 'c.journal');
      writeJournal(tmp2, Array.from({ length: 3 }, (_, i) => later(i + 5)));
      fs.renameSync(tmp2, path.join(fdir, 'c.journal'));
      await until(() => got.length >= 8);
      assert.deepEqual(got, Array.from({ length: 8 }, (_, i) => `after rotation ${i}`));
    } finally {
      f.close();
    }
  });

  it('reports a corrupt journal file with journalctl\'s own message instead of hanging', async () => {
    const bad = T.file('bad.journal', Buffer.alloc(64 * 1024, 0x5a));
    await assert.rejects(new JournalSource({ file: bad }).page(10), (e: JournalError) => e instanceof JournalError && /Bad message|corrupt|not a journal|Failed to open/i.test(e.message));
  });

  it('says clearly when the host has no journalctl', async () => {
    const old = process.env.LINUX_ADMIN_JOURNALCTL;
    process.env.LINUX_ADMIN_JOURNALCTL = path.join(T.dir, 'no-such-journalctl');
    try {
      await assert.rejects(new JournalSource({ directory: dir }).page(1), (e: JournalError) => e.kind === 'missing' && /journalctl was not found/.test(e.message));
    } finally {
      if (old === undefined) delete process.env.LINUX_ADMIN_JOURNALCTL;
      else process.env.LINUX_ADMIN_JOURNALCTL = old;
    }
  });

  it('says plainly that the journal needs the systemd-journal group, with the fix, when journalctl is denied', async function () {
    if (process.getuid?.() !== 0 || spawnSync('runuser', ['--help']).status !== 0) return this.skip();
    // The real journalctl, run as the unprivileged user nobody.
    const wrapper = T.file('journalctl-as-nobody', '#!/bin/sh\nexec runuser -u nobody -- journalctl "$@"\n');
    fs.chmodSync(wrapper, 0o755);
    await assert.rejects(new JournalSource({ directory: dir }, {}, wrapper).page(10), (e: JournalError) => e.kind === 'access' && /Permission denied|insufficient permissions/.test(e.message) && /systemd-journal/.test(e.message) && /usermod -aG systemd-journal/.test(e.message));
  });

  it('recognises journalctl\'s note that only the user\'s own entries are shown', () => {
    const n = stderrNotices('Hint: You are currently not seeing messages from other users and the system.\n      Users in groups \'adm\', \'systemd-journal\' can see all messages.\n      Pass -q to turn off this notice.\n');
    assert.equal(n.access, true);
    assert.equal(stderrNotices('').access, false);
  });
});

describe('journal filters', () => {
  it('builds journalctl arguments and a command line ready to paste', () => {
    const q = { directory: '/var/log/journal', units: ['sshd.service'], priority: 'err', boot: '-1', since: '2024-05-01 10:00', identifiers: ["it's"] };
    assert.deepEqual(journalArgs(q), ['--directory', '/var/log/journal', '-u', 'sshd.service', '-t', "it's", '-p', 'err', '--boot=-1', '--since', '2024-05-01 10:00']);
    assert.equal(commandLine(q), `journalctl --directory /var/log/journal -u sshd.service -t 'it'\\''s' -p err --boot=-1 --since '2024-05-01 10:00'`);
  });

  it('reads --journal and the filters out of CLI arguments, leaving the rest', () => {
    const r = takeJournalOptions(['--count', '--journal', '-u', 'sshd.service', '-b', '-p', 'warning..emerg', 'Failed']);
    assert.deepEqual(r.query, { units: ['sshd.service'], boot: '', priority: 'warning..emerg' });
    assert.deepEqual(r.rest, ['--count', 'Failed']);
    assert.equal(takeJournalOptions(['x']).query, undefined);
    assert.match(takeJournalOptions(['--journal', '-p', 'loud']).problem ?? '', /priority 'loud' is not one of emerg/);
    assert.equal(priorityProblem('3'), undefined);
  });
});
