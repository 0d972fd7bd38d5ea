import { strict as assert } from 'node:assert';
import { F } from './util';

const TEXT = 'weekly\n/var/log/a.log /var/log/b.log {\n  daily\n  rotate 7\n  postrotate\n    true\n  endscript\n}\n/var/log/c.log {\n}\n';

describe('logrotate outline and folding', () => {
  it('gives one symbol per definition, named by its paths, with its scripts inside', () => {
    const s = F.symbols(F.parse(TEXT));
    assert.deepEqual(s.map((x) => x.name), ['/var/log/a.log /var/log/b.log', '/var/log/c.log']);
    assert.equal(s[0].detail, 'daily, rotate 7');
    assert.deepEqual(s[0].children?.map((c) => c.name), ['postrotate']);
    assert.equal(s[0].range.end.line, 7);
  });
  it('folds definitions and scripts', () => {
    assert.deepEqual(F.folding(F.parse(TEXT)), [
      { startLine: 1, endLine: 6 },
      { startLine: 4, endLine: 5 },
    ]);
  });
});
