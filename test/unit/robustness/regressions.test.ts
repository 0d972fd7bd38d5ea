import { strict as assert } from 'node:assert';
import { wildcardMatch } from '../../../server/src/host';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import { LANGUAGES } from '../../../server/src/languages/index';
import { ctx } from '../helpers/cursor';

// Minimal inputs the fuzzers found, kept as ordinary tests of what a user sees.
const lang = (id: string) => LANGUAGES.get(id)!;
/** CPU milliseconds of fn, the fastest of three runs (a loaded machine only ever adds time). */
const cpu = (fn: () => void) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
};

describe('robustness: regressions found by fuzzing', () => {
  it('firewalld.conf: a line "=value" shows in the outline with a name (VS Code rejects an empty symbol name)', () => {
    const f = lang('firewalld-conf');
    const names = f.symbols(f.parse('DefaultZone=public\n=x\n')).map((s) => s.name);
    assert.deepEqual(names, ['DefaultZone', '(empty key)']);
  });

  it('firewalld: a parse error on a token made up by error recovery still has a real position', () => {
    const f = lang('firewalld');
    const text = '<]]>module(load="DefaultZoneinfoLabd日本語';
    const diags = diagnose(f, f.parse(text), ctx());
    assert.ok(diags.length > 0);
    for (const d of diags) {
      assert.ok(Number.isInteger(d.range.start.character) && Number.isInteger(d.range.end.character), JSON.stringify(d.range));
    }
  });

  it('firewalld: an unclosed comment is reported once, on its line, and thousands of them parse in linear time', () => {
    const f = lang('firewalld');
    const diags = diagnose(f, f.parse('<zone>\n  <service name="ssh"/>\n  <!-- no end\n</zone>\n'), ctx());
    const comment = diags.filter((d) => /never closed with -->/.test(d.message));
    assert.equal(comment.length, 1);
    assert.equal(comment[0].range.start.line, 2);
    const small = cpu(() => f.parse('<!--'.repeat(500)));
    const big = cpu(() => f.parse('<!--'.repeat(5000)));
    assert.ok(big < 40 || big / Math.max(small, 0.5) < 30, `${small.toFixed(1)} ms -> ${big.toFixed(1)} ms`);
  });

  it('firewalld: a closed comment, and one inside CDATA, are not reported', () => {
    const f = lang('firewalld');
    const msgs = diagnose(f, f.parse('<zone>\n  <!-- a -->\n  <description><![CDATA[ <!-- ]]></description>\n</zone>\n'), ctx()).map((d) => d.message);
    assert.ok(!msgs.some((m) => /never closed with -->/.test(m)), msgs.join('\n'));
  });

  it('firewalld: a tag with thousands of attributes is checked in linear time, each duplicate reported', () => {
    const f = lang('firewalld');
    const make = (n: number) => '<zone ' + Array.from({ length: n }, (_, i) => `a${i % 3}="b"`).join(' ') + '>\n</zone>\n';
    const diags = diagnose(f, f.parse(make(10)), ctx());
    assert.equal(diags.filter((d) => /appears twice/.test(d.message)).length, 7);
    const small = cpu(() => diagnose(f, f.parse(make(500)), ctx()));
    const big = cpu(() => diagnose(f, f.parse(make(5000)), ctx()));
    assert.ok(big < 60 || big / Math.max(small, 0.5) < 30, `${small.toFixed(1)} ms -> ${big.toFixed(1)} ms`);
  });

  it('firewalld: elements nested thousands deep give one plain message at the tag that goes too deep, at once', () => {
    const f = lang('firewalld');
    const text = '<zone>\n' + '<rule>'.repeat(5000);
    let diags: ReturnType<typeof diagnose> = [];
    const ms = cpu(() => (diags = diagnose(f, f.parse(text), ctx())));
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /nested more than 100 levels deep/);
    assert.equal(diags[0].range.start.line, 1);
    assert.ok(ms < 2000, `${ms} ms`);
  });

  it('logrotate: a line " \\u00a0" (a space, then a no-break space) is a bad line whose range does not end before it starts', () => {
    const f = lang('logrotate');
    for (const d of diagnose(f, f.parse(' \u00a0'), ctx())) {
      const r = d.range;
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), JSON.stringify(r));
    }
  });

  it('journald: a line "=x" still gets a named outline entry (VS Code rejects an empty name)', () => {
    const f = lang('journald');
    const names = f.symbols(f.parse('[Journal]\n=x\n')).flatMap((s) => [s.name, ...(s.children ?? []).map((c) => c.name)]);
    assert.ok(names.every((n) => n !== ''), JSON.stringify(names));
  });
});

describe('robustness: glob matching on the host (server/src/host.ts)', () => {
  it('matches *, ? and [classes] like glob(3)', () => {
    assert.equal(wildcardMatch('*.conf', '50-default.conf'), true);
    assert.equal(wildcardMatch('*.conf', '50-default.conf.bak'), false);
    assert.equal(wildcardMatch('?0-*', '50-default.conf'), true);
    assert.equal(wildcardMatch('[0-9]*.conf', '50-x.conf'), true);
    assert.equal(wildcardMatch('[!0-9]*.conf', '50-x.conf'), false);
    assert.equal(wildcardMatch('[abc', '[abc'), true); // unclosed: a literal [
  });

  it('a pattern with many stars against a long name answers at once (the old regular expression took minutes)', () => {
    const c0 = process.cpuUsage();
    assert.equal(wildcardMatch('a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(200)), false);
    const c = process.cpuUsage(c0);
    assert.ok((c.user + c.system) / 1000 < 500);
  });
});
