import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledRg, compileFilter, findRg, pcreCaselessLiteral, rgFilter, rgHasPcre2, rgPlan, runFilter, rustRegex, type FilterSpec, type LogEncoding } from '../../../server/src/logs/engine';
import { tempDir } from './engineHelpers';

const T = tempDir();
after(() => T.cleanup());

const RG = findRg();

// Lines chosen so that a naive translation would differ: Unicode digits for \d, é for \w,
// the Kelvin sign for -i "k", CRLF endings, upper and lower case.
const UTF8_LINES = [
  'Mar  3 10:00:01 web sshd[411]: Failed password for root from 10.0.0.7 port 4022 ssh2',
  'Mar  3 10:00:02 web sshd[411]: Accepted publickey for alice from 10.0.0.8',
  'Mar  3 10:00:03 web CRON[77]: (root) CMD (run-parts /etc/cron.hourly)',
  'Mar  3 10:00:04 web kernel: [  12.5] ERROR: disk sdb failed, code ٣٣',
  'Mar  3 10:00:05 web app[9]: café au lait user=émile id=deadbeef',
  'Mar  3 10:00:06 web app[9]: temperature 300 \u212A reached\r',
  'Mar  3 10:00:07 web sshd[412]: Failed password for invalid user bob from 10.0.0.9\r',
  'Mar  3 10:00:08 web app[9]: FAILURE in  two  spaces; xxx marks',
  'Mar  3 10:00:09 web postfix/smtpd[3]: connect from unknown[10.0.0.1]',
  '',
  'no header at all: failed',
];

// "エラー 日本 ソ表" in Shift_JIS (ソ and 表 end in 0x5C, the backslash) and "エラー 日本" in EUC-JP.
const SJIS = Buffer.from([0x83, 0x47, 0x83, 0x89, 0x81, 0x5b, 0x20, 0x93, 0xfa, 0x96, 0x7b, 0x20, 0x83, 0x5c, 0x95, 0x5c]);
const EUC = Buffer.from([0xa5, 0xa8, 0xa5, 0xe9, 0xa1, 0xbc, 0x20, 0xc6, 0xfc, 0xcb, 0xdc]);

function jpFile(jp: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < 6; i++) {
    parts.push(Buffer.from(`Mar  3 10:0${i}:00 host app[${i}]: `), i % 2 ? jp : Buffer.from('plain ascii Error'), Buffer.from(i === 3 ? ' tail\\x\n' : '\n'));
  }
  return Buffer.concat(parts);
}

/** Decoded text of every kept line with its line number (from 0), by the JS engine. */
async function viaJs(file: string, raw: Buffer, spec: FilterSpec, enc: LogEncoding): Promise<string[]> {
  const c = compileFilter(spec, enc);
  assert.ok(c.ok);
  const td = new TextDecoder(enc);
  const out: string[] = [];
  if (c.ok)
    await runFilter(
      file,
      c.filter,
      (buf, s, e, offset) => {
        let n = 0;
        for (let p = raw.indexOf(10); p >= 0 && p < offset; p = raw.indexOf(10, p + 1)) n++;
        out.push(`${n}:${offset}:${td.decode(buf.subarray(s, e))}`);
      },
      { chunkSize: 64, baseYear: 2025 },
    );
  return out;
}

async function viaRg(file: string, spec: FilterSpec, enc: LogEncoding, raw: Buffer, pcre2 = false): Promise<string[] | undefined> {
  const c = compileFilter(spec, enc);
  assert.ok(c.ok);
  const plan = c.ok ? rgPlan(c.filter, { pcre2 }) : undefined;
  if (!plan) return undefined;
  const out: string[] = [];
  await rgFilter(RG!, file, plan, (buf, s, e, line, offset) => {
    // Transcoded output has no file offsets: take the offset of that line in the file.
    let off = offset;
    if (off < 0) {
      off = 0;
      for (let k = 0; k < line; k++) off = raw.indexOf(10, off) + 1;
    }
    out.push(`${line}:${off}:${buf.toString('utf8', s, e)}`);
  }, { baseYear: 2025 });
  return out;
}

const lit = (pattern: string, caseSensitive = false) => ({ pattern, caseSensitive });
const re = (pattern: string, caseSensitive = false) => ({ pattern, regex: true, caseSensitive });

const UTF8_SPECS: FilterSpec[] = [
  { include: [lit('Failed', true)] },
  { include: [lit('failed')] },
  { include: [lit('k')] },
  { include: [lit('émile', true)] },
  { include: [lit('[10.0.0.1]', true)] },
  { include: [re('\\d{2}')] },
  { include: [re('\\w+é')] },
  { include: [re('\\bsshd\\[\\d+\\]:')] },
  { include: [re('fail(ed|ure)')] },
  { include: [re('^\\w{3} +\\d')] },
  { include: [re('\\s{2,}\\w')] },
  { include: [re('user=\\S+ id=[a-f0-9]{8}$', true)] },
  { include: [re('reached$')] },
  { include: [re('s.$')] },
  { include: [re('^$')] },
  { include: [re('x{2,}|[#&~-]{1}')] },
  { include: [lit('sshd'), re('failed')], exclude: [lit('invalid')] },
  { exclude: [lit('sshd')] },
  { include: [lit('from')], programs: ['sshd'] },
  { include: [re('for')], from: Date.UTC(2025, 2, 3, 10, 0, 2), to: Date.UTC(2025, 2, 3, 10, 0, 8) },
];

describe('log engine: ripgrep and the JS engine agree', function () {
  this.timeout(30000);
  before(() => assert.ok(RG, 'rg is not on PATH: install ripgrep (scripts/setup.mjs does)'));

  const utf8 = Buffer.from(UTF8_LINES.join('\n') + '\n');
  for (const [name, data, enc, specs] of [
    ['utf-8', utf8, 'utf-8', UTF8_SPECS],
    ['shift_jis', jpFile(SJIS), 'shift_jis', [{ include: [lit('エラー', true)] }, { include: [lit('ERROR')] }, { include: [lit('ソ表\\', true)] }, { include: [re('日.$')] }, { include: [lit('\\')] }, { include: [re('app'), lit('日本', true)], exclude: [lit('5')] }]],
    ['euc-jp', jpFile(EUC), 'euc-jp', [{ include: [lit('日本', true)] }, { include: [lit('error')] }, { include: [re('ー\\s日')] }, { include: [lit('app')], exclude: [lit('エラー', true)] }]],
  ] as [string, Buffer, LogEncoding, FilterSpec[]][]) {
    it(`same lines, line numbers and offsets in ${name}, plain and .gz`, async () => {
      const plain = T.file(`log-${name}`, data);
      const gz = T.file(`log-${name}.gz`, zlib.gzipSync(data));
      for (const spec of specs) {
        for (const file of [plain, gz]) {
          const js = await viaJs(file, data, spec, enc);
          const rg = await viaRg(file, spec, enc, data);
          assert.ok(rg, `rg should run ${JSON.stringify(spec)}`);
          assert.deepEqual(rg, js, `${file}: ${JSON.stringify(spec)}`);
        }
      }
    });
  }

  it('searches a case-insensitive ASCII literal with PCRE2: the same lines as the JS engine', async () => {
    assert.ok(rgHasPcre2(RG!), 'this rg has no PCRE2');
    const utf8Bytes = Buffer.from([...UTF8_LINES, 'a.b+c (x) [y] $z ^w \\q \tTAB', 'A.B+C (X) [Y] $Z ^W \\Q \ttab', 'a-b+c'].join('\n') + '\n');
    const cases: [string, Buffer, LogEncoding, FilterSpec[]][] = [
      ['utf-8', utf8Bytes, 'utf-8', [{ include: [lit('failed')] }, { include: [lit('k')] }, { include: [lit('FAILURE in  two')] }, { include: [lit('a.b+c (x) [y] $z ^w \\q \ttab')] }, { include: [lit('reached')] }, { include: [lit('from')], exclude: [lit('INVALID')] }, { exclude: [lit('SSHD')] }, { include: [lit('from')], programs: ['sshd'] }]],
      ['shift_jis', jpFile(SJIS), 'shift_jis', [{ include: [lit('error')] }, { include: [lit('APP')], exclude: [lit('5')] }]],
      ['euc-jp', jpFile(EUC), 'euc-jp', [{ include: [lit('error')] }]],
    ];
    for (const [name, data, enc, specs] of cases) {
      const plain = T.file(`pcre-${name}`, data);
      const gz = T.file(`pcre-${name}.gz`, zlib.gzipSync(data));
      for (const spec of specs) {
        const c = compileFilter(spec, enc);
        assert.ok(c.ok && rgPlan(c.filter, { pcre2: true })!.args.includes('-P'), `${name}: ${JSON.stringify(spec)} goes to PCRE2`);
        for (const file of [plain, gz]) {
          const js = await viaJs(file, data, spec, enc);
          assert.deepEqual(await viaRg(file, spec, enc, data, true), js, `${file}: ${JSON.stringify(spec)}`);
        }
      }
    }
    for (const t of [lit('café'), lit('x', true), re('x')]) assert.equal(pcreCaselessLiteral(t), undefined, JSON.stringify(t));
  });

  it('leaves regular expressions rg reads differently to the JS engine', () => {
    for (const p of ['(?<=sshd)\\[', '(\\w)\\1', '\\p{L}+', 'a{,3}', '(?<n>x)', '[^]', '[\\b]', '\\cJ', '\\u00e9']) {
      assert.equal(rustRegex(p), undefined, p);
      const c = compileFilter({ include: [re(p)] });
      assert.ok(c.ok && !rgPlan(c.filter), p);
    }
    const c = compileFilter({ include: [lit('café')] }, 'utf-8');
    assert.ok(c.ok && !rgPlan(c.filter), 'case-insensitive non-ASCII literal: JS lowercasing differs from rg folding');
  });

  it('a rotated set counts the same through both engines', async () => {
    const files = [T.file('rot.2.gz', zlib.gzipSync(utf8)), T.file('rot.1', utf8), T.file('rot', utf8)];
    const spec: FilterSpec = { include: [re('fail(ed|ure)')], exclude: [lit('bob')] };
    let js = 0;
    let rg = 0;
    for (const f of files) {
      js += (await viaJs(f, fs.readFileSync(f.endsWith('.gz') ? files[1] : f), spec, 'utf-8')).length;
      rg += (await viaRg(f, spec, 'utf-8', utf8))!.length;
    }
    assert.equal(rg, js);
    assert.equal(js, 12);
  });

  it("finds VS Code's own rg under its appRoot, plain or asar-unpacked", () => {
    for (const nm of ['node_modules', 'node_modules.asar.unpacked']) {
      const root = path.join(T.dir, `app-${nm}`);
      const bin = path.join(root, nm, '@vscode', 'ripgrep', 'bin');
      fs.mkdirSync(bin, { recursive: true });
      fs.copyFileSync(RG!, path.join(bin, 'rg'));
      fs.chmodSync(path.join(bin, 'rg'), 0o755);
      assert.equal(bundledRg(root), path.join(bin, 'rg'));
    }
    assert.equal(bundledRg(path.join(T.dir, 'no-vscode-here')), undefined);
  });
});
