import { strict as assert } from 'node:assert';
import { expandMacros, FAMILIES, familiesFor, FORMATS, parseLine } from '../../../server/src/logs/explain/index';
import { KEYWORD_CATEGORIES } from '../../../server/src/logs/keywords';
import { FORMAT_BY_NAME, FAMILY_BY_NAME } from '../../../server/src/logs/explain/data';

/** The families a sample line is dispatched to, exactly as classifyLine does. */
function dispatched(line: string) {
  const p = parseLine(line);
  const fam = p.format ? FORMAT_BY_NAME.get(p.format)?.family : undefined;
  return { p, families: fam ? [FAMILY_BY_NAME.get(fam)!] : familiesFor(p.program, p.message) };
}

describe('explain data: formats and patterns', () => {
  it('every format has at least one sample, and each sample matches exactly that one format', () => {
    const bad: string[] = [];
    for (const f of FORMATS.all) {
      if (!f.data.samples.length) bad.push(`${f.data.name}: no sample`);
      for (const s of f.data.samples) {
        const hits = FORMATS.all.filter((g) => g.re.test(s) && (!g.data.hint || s.includes(g.data.hint))).map((g) => g.data.name);
        if (hits.length !== 1 || hits[0] !== f.data.name) bad.push(`${f.data.name}: "${s}" matches [${hits.join(', ')}]`);
        if (parseLine(s).format !== f.data.name) bad.push(`${f.data.name}: parseLine gives ${parseLine(s).format}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('every pattern has at least one sample, and each sample matches exactly one pattern of the families it is dispatched to', () => {
    const bad: string[] = [];
    let n = 0;
    for (const fam of FAMILIES) {
      for (const pat of fam.patterns) {
        if (!pat.data.samples.length) bad.push(`${pat.data.name}: no sample`);
        for (const s of pat.data.samples) {
          n++;
          const { p, families } = dispatched(s);
          const hits = families.flatMap((f) => f.patterns).filter((q) => q.re.test(p.message)).map((q) => q.data.name);
          if (hits.length !== 1 || hits[0] !== pat.data.name) bad.push(`${pat.data.name}: "${s}" (format ${p.format}) matches [${hits.join(', ')}]`);
        }
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(n >= 60, `only ${n} samples`);
  });

  it('pattern categories are categories of the keyword table, and every summary and advice has English and Japanese', () => {
    const cats = new Set(KEYWORD_CATEGORIES.map((c) => c.name));
    const bad: string[] = [];
    for (const fam of FAMILIES) {
      for (const pat of fam.patterns) {
        const all = [pat.data, ...Object.values(pat.data.variants ?? {})];
        for (const v of all) if (v.category && !cats.has(v.category)) bad.push(`${pat.data.name}: category ${v.category}`);
        for (const v of all) for (const t of [v.summary, ...(v.advice ?? [])]) {
          if (t && (!t.en || !/[\u3040-\u30ff\u4e00-\u9fff]/.test(t.ja))) bad.push(`${pat.data.name}: text missing en or Japanese`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('no regular expression takes long on 100 kB adversarial lines', function () {
    this.timeout(60000);
    const k = 100_000;
    const rep = (s: string) => s.repeat(Math.ceil(k / s.length)).slice(0, k);
    const inputs = [
      rep('a'), rep(' '), rep('IN= '), rep('IN=x OUT='), rep('['), rep('[a] '), rep('from '), rep('Failed password for x from '),
      rep('user '), rep('"\\'), rep('a=b, '), rep('<'), rep('Jul 19 19:21:07 '), rep('1'), rep('1.'), rep('error, dev '), rep(': '),
      'Jul 19 19:21:07 host prog[1]: ' + rep('x '), '192.0.2.1 - - [19/Jul/2024:19:21:07 +0900] "' + rep('\\"'), 'Started ' + rep('.'),
      'BD551C9D845: to=<' + rep('a'), rep('POSSIBLE BREAK-IN '), rep('(root) '), rep('A') + 'x', rep('- '), rep('WARNING: '),
    ];
    const res = [
      ...FORMATS.all.map((f) => ({ name: `format ${f.data.name}`, re: f.re })),
      ...FAMILIES.flatMap((f) => f.patterns.map((p) => ({ name: `pattern ${p.data.name}`, re: p.re }))),
    ];
    const slow: string[] = [];
    for (const { name, re } of res) {
      const t0 = performance.now();
      for (const s of inputs) re.test(s);
      const ms = performance.now() - t0;
      if (ms > 250) slow.push(`${name}: ${ms.toFixed(0)} ms`);
    }
    assert.deepEqual(slow, []);
  });

  it('macros all expand', () => {
    for (const f of FORMATS.all) assert.doesNotMatch(expandMacros(f.data.regex), /\{\{/, f.data.name);
    for (const fam of FAMILIES) for (const p of fam.patterns) assert.doesNotMatch(p.re.source, /\{\{/, p.data.name);
  });
});
