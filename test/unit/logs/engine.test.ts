import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import {
  buildIndex,
  compileFilter,
  detectEncoding,
  GzReader,
  LogSet,
  perDay,
  rotatedSet,
  runFilter,
  StatsAccumulator,
  statsOf,
  parseSyslogHeader,
  syslogTokens,
  visiblePieces,
  type FilterSpec,
} from '../../../server/src/logs/engine';
import { syslogText } from '../../fixtures/logs/generate';
import { tempDir } from './engineHelpers';

const T = tempDir();
after(() => T.cleanup());

async function open(name: string, data: string | Buffer, step?: number): Promise<LogSet> {
  const p = T.file(name, data);
  const set = await LogSet.open([p]);
  set.members[0].index = await buildIndex(p, { step, chunkSize: 64 });
  return set;
}

async function grep(file: string, spec: FilterSpec): Promise<string[]> {
  const c = compileFilter(spec);
  assert.ok(c.ok, !c.ok ? c.error : '');
  const out: string[] = [];
  if (c.ok) await runFilter(file, c.filter, (buf, s, e) => void out.push(buf.toString('utf8', s, e)), { chunkSize: 128 });
  return out;
}

describe('log engine: index and read', () => {
  it('indexes line offsets with sparse checkpoints and reads any line', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(i % 7)}`);
    const set = await open('offsets.log', lines.join('\n') + '\n', 4);
    assert.equal(set.lineCount, 50);
    assert.equal(set.members[0].index.checkpointCount, 13);
    const got = await set.getLines(17, 5);
    assert.deepEqual(
      got.map((l) => [l.n, l.text]),
      [17, 18, 19, 20, 21].map((i) => [i, lines[i]]),
    );
    assert.equal(got[0].offset, lines.slice(0, 17).join('\n').length + 1);
    assert.equal(await set.lineNumberAt(0, got[3].offset), 20);
  });

  it('handles CRLF, a missing final newline and an empty file', async () => {
    const crlf = await open('crlf.log', 'one\r\ntwo\r\nthree');
    assert.equal(crlf.lineCount, 3);
    assert.deepEqual((await crlf.getLines(0, 10)).map((l) => l.text), ['one', 'two', 'three']);
    const empty = await open('empty.log', '');
    assert.equal(empty.lineCount, 0);
    assert.deepEqual(await empty.getLines(0, 10), []);
    const nl = await open('onlynl.log', '\n\n');
    assert.equal(nl.lineCount, 2);
  });

  it('cuts a 10 MB single line at the limit and serves the rest in slices', async () => {
    const big = 'A'.repeat(10 * 1024 * 1024 - 3) + 'END';
    const set = await open('long.log', big + '\nafter\n');
    set.maxLineBytes = 65536;
    assert.equal(set.lineCount, 2);
    const [l, next] = await set.getLines(0, 2);
    assert.equal(l.cut, true);
    assert.equal(l.text.length, 65536);
    assert.equal(l.bytes, big.length);
    assert.equal(next.text, 'after');
    const tail = await set.lineSlice(0, big.length - 10, 1 << 20);
    assert.equal(tail.text, 'AAAAAAAEND');
    assert.equal(tail.end, big.length);
  });

  it('reads .gz files decompressed, with the same lines as the plain file', async () => {
    const text = syslogText(3000, 3);
    const plain = T.file('maillog', text);
    const gz = T.file('maillog.2.gz', zlib.gzipSync(Buffer.from(text)));
    const a = await buildIndex(plain);
    const b = await buildIndex(gz);
    assert.equal(b.lines, 3000);
    assert.equal(b.bytes, a.bytes);
    const set = await LogSet.open([gz]);
    set.members[0].index = b;
    const want = text.split('\n');
    assert.deepEqual((await set.getLines(2500, 3)).map((l) => l.text), want.slice(2500, 2503));
    // Going back re-inflates from the start (or hits the block cache).
    assert.deepEqual((await set.getLines(10, 2)).map((l) => l.text), want.slice(10, 12));
    assert.equal((await grep(gz, { include: [{ pattern: 'sshd[' }] })).length, (await grep(plain, { include: [{ pattern: 'sshd[' }] })).length);
    const r = new GzReader(gz, 1);
    const far = text.length - 20;
    assert.ok(far > 262144, 'the fixture spans two 256 KiB blocks');
    assert.equal((await r.read(far, 10)).toString(), text.slice(far, far + 10));
    assert.equal((await r.read(5, 10)).toString(), text.slice(5, 15));
    assert.ok(r.restarts >= 2, 'a backwards read behind the cache restarts decompression');
  });
});

describe('log engine: encodings', () => {
  // エラー (error) by hand: Shift_JIS 83 47 83 89 81 5B, EUC-JP A5 A8 A5 E9 A1 BC.
  const sjis = Buffer.from([0x83, 0x47, 0x83, 0x89, 0x81, 0x5b]);
  const euc = Buffer.from([0xa5, 0xa8, 0xa5, 0xe9, 0xa1, 0xbc]);
  const line = (enc: Buffer) => Buffer.concat([Buffer.from('Jan  7 17:59:17 sv app[1]: '), enc, Buffer.from(' disk\n')]);

  it('detects and decodes Shift_JIS and EUC-JP', async () => {
    const s = Buffer.concat([line(sjis), line(sjis)]);
    const e = Buffer.concat([line(euc), line(euc)]);
    assert.equal(detectEncoding(s), 'shift_jis');
    assert.equal(detectEncoding(e), 'euc-jp');
    assert.equal(detectEncoding(Buffer.from('plain ascii\n')), 'utf-8');
    const ss = await LogSet.open([T.file('sjis.log', s)]);
    ss.members[0].index = await buildIndex(ss.members[0].path);
    assert.equal(ss.encoding, 'shift_jis');
    assert.equal((await ss.getLines(1, 1))[0].text, 'Jan  7 17:59:17 sv app[1]: エラー disk');
    const es = await LogSet.open([T.file('euc.log', e)]);
    es.members[0].index = await buildIndex(es.members[0].path);
    assert.equal((await es.getLines(0, 1))[0].text, 'Jan  7 17:59:17 sv app[1]: エラー disk');
  });

  it('filters a Shift_JIS file by a Japanese word', async () => {
    const file = T.file('sjis2.log', Buffer.concat([line(sjis), Buffer.from('Jan  7 17:59:18 sv app[1]: fine\n')]));
    const c = compileFilter({ include: [{ pattern: 'エラー' }] }, 'shift_jis');
    assert.ok(c.ok);
    let n = 0;
    if (c.ok) await runFilter(file, c.filter, () => void n++);
    assert.equal(n, 1);
  });

  it('shows invalid bytes as U+FFFD instead of dropping them; an override decodes as asked', async () => {
    const p = T.file('bad.log', Buffer.concat([Buffer.from('a'), Buffer.from([0xff]), Buffer.from('b\n' + 'ok line\n'.repeat(20))]));
    const set = await LogSet.open([p]);
    set.members[0].index = await buildIndex(p);
    assert.equal(set.encoding, 'utf-8', 'mostly UTF-8 with a stray byte stays UTF-8');
    assert.equal((await set.getLines(0, 1))[0].text, 'a\ufffdb');
    set.setEncoding('iso-8859-1');
    assert.equal((await set.getLines(0, 1))[0].text, 'a\u00ffb');
  });
});

describe('log engine: filter', () => {
  const text = [
    'Dec 27 00:01:08 sv postfix/smtp[17635]: 90442C9CB29: to=<sally@example.com>, status=deferred (Connection timed out)',
    'Dec 27 00:03:01 sv sendmail[5836]: OAA05836: SYSERR(root): mailer prog died with signal 13',
    'Dec 27 01:00:00 sv sendmail[87]: NOQUEUE: SYSERR(root): getrequests: accept: No route to host',
    'Dec 28 02:00:00 sv sshd[99]: Failed password for invalid user oracle from 192.0.2.7 port 4242 ssh2',
    'Dec 28 03:00:00 sv postfix/qmgr[12]: 90442C9CB29: removed',
  ].join('\r\n');
  let file: string;
  before(() => (file = T.file('filter.log', text + '\r\n')));

  it('is case-insensitive by default and combines terms like grep a | grep -i b', async () => {
    assert.equal((await grep(file, { include: [{ pattern: 'SENDMAIL' }] })).length, 2);
    assert.equal((await grep(file, { include: [{ pattern: 'SENDMAIL', caseSensitive: true }] })).length, 0);
    const both = await grep(file, { include: [{ pattern: 'sendmail' }, { pattern: 'err' }], exclude: [{ pattern: 'route' }] });
    assert.deepEqual(both, [text.split('\r\n')[1]]);
  });

  it('matches regular expressions per line and strips CR', async () => {
    const got = await grep(file, { include: [{ pattern: '^Dec 28 .*(ssh|qmgr)', regex: true }] });
    assert.equal(got.length, 2);
    assert.ok(!got[0].endsWith('\r'));
    assert.equal((await grep(file, { include: [{ pattern: 'host$', regex: true }] })).length, 1);
  });

  it('reports an invalid regular expression clearly and warns about nested repetition', () => {
    const bad = compileFilter({ include: [{ pattern: '(unclosed', regex: true }] });
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.error : '', /invalid regular expression \/\(unclosed\//);
    const risky = compileFilter({ include: [{ pattern: '(a+)+$', regex: true }] });
    assert.ok(risky.ok && /nested repetition/.test(risky.warning ?? ''));
  });

  it('filters by program and by time range', async () => {
    assert.equal((await grep(file, { programs: ['postfix/qmgr', 'sshd'] })).length, 2);
    const from = Date.UTC(2025, 11, 27, 0, 2);
    const to = Date.UTC(2025, 11, 28, 2, 30);
    const c = compileFilter({ from, to });
    assert.ok(c.ok);
    let n = 0;
    if (c.ok) await runFilter(file, c.filter, () => void n++, { baseYear: 2025 });
    assert.equal(n, 3);
  });

  it('counts a line once however often the term occurs in it', async () => {
    const f = T.file('twice.log', 'err err err\nok\nerr\n');
    assert.equal((await grep(f, { include: [{ pattern: 'err' }] })).length, 2);
    assert.deepEqual(await grep(f, { exclude: [{ pattern: 'err' }] }), ['ok']);
  });
});

describe('log engine: stats, rotated sets, tokens', () => {
  it('counts lines per day and per program across a year change', async () => {
    const f = T.file('stats.log', 'Dec 31 23:59:59 sv postfix/smtp[1]: a\nJan  1 00:00:01 sv postfix/smtp[2]: b\nJan  1 00:10:00 sv sshd[3]: c\nno timestamp\n');
    const acc = new StatsAccumulator(2025);
    await statsOf(f, acc);
    const st = acc.result();
    assert.deepEqual(
      perDay(st).map((d) => [d.day, d.lines, d.firstLine]),
      [
        ['2025-12-31', 1, 0],
        ['2026-01-01', 2, 1],
      ],
    );
    assert.deepEqual(st.programs[0], { program: 'postfix/smtp', lines: 2 });
    assert.equal(st.unparsed, 1);
    assert.equal(st.programDays['sshd']['2026-01-01'], 1);
  });

  it('counts the same as the general header parser, line by line', async () => {
    const text = syslogText(5000, 11) + '2025-12-27T00:01:08+09:00 sv kernel: iso line\nDec  1 00:00:00  odd spacing\n';
    const f = T.file('stats2.log', text);
    const acc = new StatsAccumulator(2025);
    await statsOf(f, acc);
    const st = acc.result(50);
    const progs = new Map<string, number>();
    let parsed = 0;
    for (const l of text.split('\n').slice(0, -1)) {
      const h = parseSyslogHeader(l);
      if (!h) continue;
      parsed++;
      progs.set(h.program ?? '(none)', (progs.get(h.program ?? '(none)') ?? 0) + 1);
    }
    assert.equal(st.lines - st.unparsed, parsed);
    assert.deepEqual(new Map(st.programs.map((p) => [p.program, p.lines])), progs);
  });

  it('orders a rotated set oldest first and reads it as one timeline', async () => {
    const d = tempDir();
    try {
      d.file('maillog', 'live 1\nlive 2\n');
      d.file('maillog.1', 'one\n');
      d.file('maillog.2.gz', zlib.gzipSync('two\n'));
      d.file('maillog.10', 'ten\n');
      d.file('maillog-20250101', 'dated\n');
      d.file('other.log', 'x\n');
      const set = rotatedSet(d.file('maillog.1'));
      assert.deepEqual(
        set.map((p) => p.slice(d.dir.length + 1)),
        ['maillog.10', 'maillog.2.gz', 'maillog.1', 'maillog-20250101', 'maillog'],
      );
      const ls = await LogSet.open(set);
      for (const m of ls.members) m.index = await buildIndex(m.path);
      assert.equal(ls.lineCount, 6);
      assert.deepEqual((await ls.getLines(0, 10)).map((l) => l.text), ['ten', 'two', 'one', 'dated', 'live 1', 'live 2']);
      assert.equal(await ls.lineNumberAt(4, 7), 5);
    } finally {
      d.cleanup();
    }
  });

  it('finds the syslog structure and traceable tokens', () => {
    const line = 'Dec 27 00:01:08 sv postfix/smtp[17635]: 90442C9CB29: to=<sally@example.com>, relay=none (connect to uk.example[62.50.72.146]: Connection timed out)';
    const toks = syslogTokens(line).map((t) => [t.kind, line.slice(t.start, t.end), t.trace]);
    assert.deepEqual(toks.slice(0, 5), [
      ['ts', 'Dec 27 00:01:08', undefined],
      ['host', 'sv', 'sv'],
      ['prog', 'postfix/smtp', undefined],
      ['pid', '17635', '[17635]'],
      ['qid', '90442C9CB29', '90442C9CB29'],
    ]);
    assert.deepEqual(toks[5], ['ip', '62.50.72.146', '62.50.72.146']);
    const ssh = 'Dec 28 02:00:00 sv sshd[99]: Failed password for invalid user oracle from 192.0.2.7 port 4242 ssh2';
    assert.ok(syslogTokens(ssh).some((t) => t.kind === 'user' && t.trace === 'oracle'));
    const ips = (l: string) => syslogTokens(l).filter((t) => t.kind === 'ip').map((t) => t.trace);
    assert.deepEqual(ips('Dec 28 02:00:00 sv sshd[9]: Accepted publickey for op from 2001:db8::7 port 22 ssh2'), ['2001:db8::7']);
    assert.deepEqual(ips('Dec 28 02:00:00 sv kernel: peer fe80:0:0:0:0:0:0:1 and ::1 up'), ['fe80:0:0:0:0:0:0:1', '::1']);
    // Not addresses: a PCI slot, a MAC address, a time of day.
    assert.deepEqual(ips('Dec 28 02:00:00 sv kernel: e1000e 0000:00:19.0 eth0: MAC 00:1a:2b:3c:4d:5e, next check 12:34:56'), []);
    const iso = syslogTokens('2025-12-27T00:01:08.123456+09:00 sv kernel: x');
    assert.equal(iso[0].end, '2025-12-27T00:01:08.123456+09:00'.length);
  });

  it('shows bidi overrides and ANSI escapes as visible markers', () => {
    const pieces = visiblePieces('a\u202Eb\x1b[31mc\td');
    assert.deepEqual(
      pieces.map((p) => p.text),
      ['a', '<U+202E>', 'b', '␛', '[31mc\td'],
    );
    assert.equal(pieces[1].ctl, 'U+202E');
  });
});
