import * as assert from 'node:assert/strict';
import { compileFilter, requiredLiteral, runFilter } from '../../../server/src/logs/engine';
import { tempDir } from './engineHelpers';

const T = tempDir();
after(() => T.cleanup());

describe('regex filters: a literal every match holds, searched first', () => {
  it('finds the longest required literal, and none where a match may lack it', () => {
    const cases: [string, string | undefined][] = [
      ['status=(deferred|bounced)', 'status='],
      ['from \\d+\\.\\d+ port', 'from '],
      ['ab?cdef', 'cdef'],
      ['abc*de', 'ab'],
      ['xy+zw', 'xy'],
      ['a\\.b\\.c', 'a.b.c'],
      ['^Dec  7 .*sshd\\[\\d+\\]:', 'Dec  7 '],
      ['(?!foo)barbaz', 'barbaz'],
      ['qu{0,2}ux', 'ux'],
      ['foo|barbaz', undefined],
      ['(a|b)c', undefined],
      ['\\p{L}abc|x', undefined],
      ['(\\w)\\1abc', undefined],
      ['[abc]+', undefined],
      ['a', undefined],
      ['é+café', 'caf'],
      ['éé', undefined],
    ];
    for (const [src, want] of cases) assert.equal(requiredLiteral(src), want, src);
  });

  it('keeps the same lines as a test of each line on its own', async () => {
    const lines = [
      'Dec  7 00:00:01 sv postfix/smtp[1]: status=deferred (timeout)',
      'Dec  7 00:00:02 sv postfix/smtp[2]: status=sent',
      'Dec  7 00:00:03 sv postfix/smtp[3]: status=bounced\r',
      'Dec  7 00:00:04 sv app[4]: status=bounced café status=deferred',
      'status=deferred',
      'x status=',
      'Dec  7 00:00:05 sv app[5]: status=DEFERRED',
      'no status here',
      'Dec  7 00:00:06 sv app[6]: status=bounced',
    ];
    const text = lines.join('\n');
    const file = T.file('req.log', text);
    for (const pattern of ['status=(deferred|bounced)$', 'status=(deferred|bounced)', '^status=\\w+', 'sv app\\[\\d\\]: status=b', 'café status=\\w+$', 'status=(?!sent)']) {
      const want = lines.filter((l) => new RegExp(pattern, 'u').test(l.replace(/\r$/, ''))).map((l) => l.replace(/\r$/, ''));
      for (const chunkSize of [16, 64, 1 << 20]) {
        const c = compileFilter({ include: [{ pattern, regex: true, caseSensitive: true }] });
        assert.ok(c.ok);
        const got: string[] = [];
        if (c.ok) await runFilter(file, c.filter, (b, s, e) => void got.push(b.toString('utf8', s, e)), { chunkSize });
        assert.deepEqual(got, want, `${pattern} in ${chunkSize}-byte reads`);
      }
    }
  });
});
