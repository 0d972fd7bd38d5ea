import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { asciiLower, compileFilter, countRange, findRg, hybridCount, parallelCount, rgCount, rgCountFrom, rgFilter, rgHasPcre2, rgPlan, slowRegexLiterals, type FilterSpec, type LogEncoding } from '../../../server/src/logs/engine';
import { syslogText } from '../../fixtures/logs/generate';
import { tempDir } from './engineHelpers';

const T = tempDir();
after(() => T.cleanup());
const ROOT = path.resolve(__dirname, '../../..');
const RG = findRg();

/** ASCII lower case, byte by byte (the reference). */
const slowLower = (b: Buffer) => Buffer.from(b.map((c) => (c >= 65 && c <= 90 ? c + 32 : c)));

describe('case-insensitive search: ASCII lower-casing of blocks', () => {
  it('lower-cases A-Z only, at any length and offset, by WebAssembly and by the JS fallback', () => {
    const all = Buffer.alloc(256 * 3);
    for (let i = 0; i < all.length; i++) all[i] = i % 256;
    for (const [from, to] of [[0, 0], [0, 1], [1, 16], [3, 17], [5, 300], [0, all.length], [255, 700]]) {
      const want = slowLower(all.subarray(from, to));
      assert.deepEqual(Buffer.from(asciiLower(all, from, to)), want, `wasm ${from}-${to}`);
      assert.deepEqual(Buffer.from(asciiLower(all, from, to, true)), want, `js ${from}-${to}`);
    }
    assert.equal(all[65], 65, 'the input is left as it is');
  });

  it('grows its memory for a block larger than any before (a long line)', () => {
    const big = Buffer.alloc(3 << 20, 'Connection TIMED Out ');
    const low = asciiLower(big, 7, big.length - 3);
    assert.equal(low.length, big.length - 10);
    assert.equal(low.toString('latin1', 0, 21), 'ion timed out connect');
    assert.equal(low.indexOf('TIMED'), -1);
    const utf8 = Buffer.from('ÀB\u00c9z');
    assert.deepEqual(Buffer.from(asciiLower(utf8, 0, utf8.length)), Buffer.from('Àb\u00c9z'), 'UTF-8 bytes stay as they are');
  });
});

describe('grep --count: the same count from every engine', function () {
  this.timeout(120_000);
  let script = '';
  before(() => {
    assert.ok(RG, 'rg is not on PATH');
    script = path.join(T.dir, 'statsWorker.js');
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'server/src/logs/engine/statsWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  });

  /** Lines kept through rg: its own count when nothing else is checked, else the lines it prints. */
  async function viaRg(file: string, spec: FilterSpec, enc: LogEncoding, pcre2: boolean): Promise<number | undefined> {
    const c = compileFilter(spec, enc);
    assert.ok(c.ok);
    const plan = c.ok ? rgPlan(c.filter, { pcre2 }) : undefined;
    if (!plan) return undefined;
    if (!plan.rest) return rgCount(RG!, file, plan);
    let n = 0;
    await rgFilter(RG!, file, plan, () => void n++, { baseYear: 2025 });
    return n;
  }

  const lit = (pattern: string, caseSensitive = false) => ({ pattern, caseSensitive });
  const re = (pattern: string, caseSensitive = false) => ({ pattern, regex: true, caseSensitive });
  // Mixed case on purpose: -i must find both, and a CRLF line and a last line without a newline.
  const text = syslogText(20000, 7) + 'Dec 31 23:59:59 sv app[1]: CONNECTION Timed OUT\r\nDec 31 23:59:59 sv app[1]: status=DEFERRED connection timed out';
  const specs: [FilterSpec, string[] | undefined][] = [
    [{ include: [lit('Connection timed out', true)] }, ['-c', '-F', 'Connection timed out']],
    [{ include: [lit('connection timed out')] }, ['-c', '-i', '-F', 'connection timed out']],
    [{ include: [re('status=(deferred|bounced)', true)] }, ['-c', '-E', 'status=(deferred|bounced)']],
    [{ include: [re('status=(deferred|bounced)')] }, ['-c', '-i', '-E', 'status=(deferred|bounced)']],
    [{ include: [lit('postfix')], exclude: [lit('connect')] }, undefined],
    [{ exclude: [lit('sshd')] }, ['-c', '-v', '-i', '-F', 'sshd']],
    [{ include: [lit('from'), re('\\d+\\.\\d+')], programs: ['sshd'] }, undefined],
  ];

  it('JS in one pass, JS on two threads, rg and rg with PCRE2 agree with grep -c, plain and .gz', async () => {
    const plain = T.file('many.log', text);
    const gz = T.file('many.log.gz', zlib.gzipSync(text));
    const pcre2 = rgHasPcre2(RG!);
    for (const [spec, grepArgs] of specs) {
      const c = compileFilter(spec);
      assert.ok(c.ok);
      if (!c.ok) continue;
      const one = await countRange(plain, 0, Infinity, c.filter);
      assert.ok(one > 0, JSON.stringify(spec));
      const what = JSON.stringify(spec);
      if (grepArgs) assert.equal(one, Number(spawnSync('grep', [...grepArgs, plain], { encoding: 'utf8' }).stdout), `grep ${grepArgs.join(' ')}`);
      assert.equal(await parallelCount(plain, c.filter, { workerScript: script, workers: 2, minBytes: 0, here: true }), one, `two threads: ${what}`);
      assert.equal(await parallelCount(plain, c.filter, { workerScript: script, workers: 3, minBytes: 0 }), one, `three workers: ${what}`);
      assert.equal(await countRange(gz, 0, Infinity, c.filter), one, `.gz: ${what}`);
      for (const file of [plain, gz]) {
        assert.equal(await viaRg(file, spec, 'utf-8', false), one, `rg ${file}: ${what}`);
        if (pcre2) assert.equal(await viaRg(file, spec, 'utf-8', true), one, `rg -P ${file}: ${what}`);
        // rg from a cut to the end, the JS engine before it.
        const plan = rgPlan(c.filter, { pcre2 });
        if (plan && !plan.rest) assert.equal(await hybridCount(RG!, file, plan, c.filter, { minBytes: 0, cores: 2, load: 0 }), one, `rg + JS ${file}: ${what}`);
      }
      const plan = rgPlan(c.filter);
      if (plan && !plan.rest) {
        const cut = text.indexOf('\n', text.length >> 1) + 1;
        const tail = await countRange(plain, cut, Infinity, c.filter);
        assert.ok(tail > 0 && tail < one);
        assert.equal(await rgCountFrom(RG!, plain, plan, cut), tail, `rg from byte ${cut}: ${what}`);
      }
    }
  });

  it('takes the literal first only with a ripgrep older than 14, whose regex engine is slow on shared literal prefixes', () => {
    const here = spawnSync(RG!, ['--version'], { encoding: 'utf8' }).stdout;
    const major = Number(/^ripgrep (\d+)/.exec(here)?.[1]);
    assert.ok(major > 0, here);
    assert.equal(slowRegexLiterals(here), major < 14);
    assert.equal(slowRegexLiterals('ripgrep 13.0.0\n-SIMD -AVX (compiled)\n'), true);
    assert.equal(slowRegexLiterals('ripgrep 15.0.0 (rev 3a612f88b8)\n\nfeatures:+pcre2\n'), false);
    assert.equal(slowRegexLiterals('not rg at all'), false);
  });

  it('counts a regex with a required literal through two rg (literal first), and says when the file cannot be read', async () => {
    const plain = T.file('literal.log', text);
    const c = compileFilter({ include: [re('status=(deferred|bounced)', true)] });
    assert.ok(c.ok);
    if (!c.ok) return;
    const plan = rgPlan(c.filter);
    assert.equal(plan?.literal, 'status=');
    const grep = Number(spawnSync('grep', ['-c', '-E', 'status=(deferred|bounced)', plain], { encoding: 'utf8' }).stdout);
    assert.ok(grep > 0);
    assert.equal(await rgCount(RG!, plain, plan!), grep);
    // Lines with the literal but not the regex, and no line at all.
    const none = compileFilter({ include: [re('status=(sent|expired)x', true)] });
    assert.ok(none.ok && rgPlan(none.filter)?.literal);
    if (none.ok) assert.equal(await rgCount(RG!, plain, rgPlan(none.filter)!), 0);
    await assert.rejects(rgCount(RG!, path.join(T.dir, 'no-such.log'), plan!), /no-such\.log|No such file/);
  });
});
