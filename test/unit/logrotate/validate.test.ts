import { strict as assert } from 'node:assert';
import { check, ctx } from '../helpers/cursor';
import { F, codes, hostCtx } from './util';

describe('logrotate validation', () => {
  it('flags unknown directives with a suggestion, in both languages', () => {
    const d = check(F, '/var/log/x {\n  notifempy\n}\n');
    assert.equal(d[0].code, 'logrotate/unknown-directive');
    assert.equal(d[0].range.start.line, 1);
    assert.match(d[0].message, /Did you mean 'notifempty'/);
    const ja = check(F, '/var/log/x {\n  notifempy\n}\n', ctx('ja'));
    assert.match(ja[0].message, /もしかして 'notifempty'/);
    assert.deepEqual(codes('/var/log/x {\n  Compress\n}\n'), ['2:logrotate/unknown-directive']);
  });

  it('checks counts, sizes and modes the way logrotate 3.21 reads them', () => {
    assert.deepEqual(codes('/var/log/x {\n  rotate abc\n}\n'), ['2:logrotate/bad-count']);
    assert.deepEqual(codes('/var/log/x {\n  rotate -1\n  rotate 0x5\n}\n').filter((c) => !c.includes('conflict')), []);
    assert.deepEqual(codes('/var/log/x {\n  rotate -2\n}\n'), ['2:logrotate/bad-count']);
    assert.deepEqual(codes('/var/log/x {\n  rotate 4 # keep four\n}\n'), ['2:logrotate/bad-count']);
    assert.deepEqual(codes('/var/log/x {\n  maxage -1\n}\n'), ['2:logrotate/bad-count']);
    assert.deepEqual(codes('/var/log/x {\n  size 10m\n}\n'), ['2:logrotate/bad-size']);
    assert.deepEqual(codes('/var/log/x {\n  size 100 k\n}\n'), ['2:logrotate/bad-size']);
    assert.deepEqual(codes('/var/log/x {\n  size 10G\n  minsize 1K\n  maxsize 100k\n}\n'), []);
    assert.deepEqual(codes('/var/log/x {\n  weekly 9\n}\n'), ['2:logrotate/bad-count']);
    assert.deepEqual(codes('/var/log/x {\n  create 0999 root root\n}\n'), ['2:logrotate/bad-mode']);
    assert.deepEqual(codes('/var/log/x {\n  create 0644 root root extra\n}\n'), ['2:logrotate/extra-argument']);
    assert.deepEqual(codes('/var/log/x {\n  create\n  create 640\n}\n').filter((c) => !c.includes('conflict')), []);
  });

  it('reports missing and extra arguments', () => {
    assert.deepEqual(codes('/var/log/x {\n  mail\n}\n'), ['2:logrotate/missing-argument']);
    assert.deepEqual(codes('/var/log/x {\n  su root\n}\n'), ['2:logrotate/missing-argument']);
    assert.deepEqual(codes('/var/log/x {\n  su root root extra\n}\n'), ['2:logrotate/extra-argument']);
    assert.deepEqual(codes('/var/log/x {\n  olddir /var/log/old dir\n}\n'), ['2:logrotate/bad-path']);
  });

  it('checks users and groups only when the host can tell', () => {
    const text = '/var/log/x {\n  create 0640 nobodyhere adm\n  su root nogroup\n}\n';
    assert.deepEqual(codes(text, hostCtx()), ['2:logrotate/unknown-user', '3:logrotate/unknown-group']);
    assert.deepEqual(codes(text), []);
    assert.deepEqual(codes('/var/log/x {\n  create 0640 1000 4\n}\n', hostCtx()), []);
  });

  it('keeps scripts inside definitions and taboo lists outside', () => {
    assert.deepEqual(codes('postrotate\n  echo\nendscript\n'), ['1:logrotate/script-outside-block']);
    assert.deepEqual(codes('/var/log/x {\n  tabooext + .bak\n}\n'), ['2:logrotate/global-only']);
    assert.deepEqual(codes('tabooext + .bak, .old\ntaboopat + *.orig\n'), []);
  });

  it('warns about directives that cancel each other in one scope', () => {
    assert.deepEqual(codes('/var/log/x {\n  compress\n  nocompress\n}\n'), ['3:logrotate/conflict']);
    assert.deepEqual(codes('/var/log/x {\n  daily\n  size 10M\n}\n'), ['3:logrotate/conflict']);
    assert.deepEqual(codes('/var/log/x {\n  create 0640 root adm\n  copytruncate\n}\n'), ['2:logrotate/no-effect']);
    assert.deepEqual(codes('/var/log/x {\n  copy\n  copytruncate\n}\n'), ['2:logrotate/no-effect']);
    // Global create with copytruncate in a definition is the usual Debian setup: not a conflict.
    assert.deepEqual(codes('create\n/var/log/x {\n  copytruncate\n}\n'), []);
    const d = check(F, '/var/log/x {\n  compress\n  nocompress\n}\n')[0];
    assert.match(d.message, /'nocompress' cancels 'compress' on line 2/);
  });

  it('warns about dateformat specifiers logrotate does not support', () => {
    const d = check(F, '/var/log/x {\n  dateext\n  dateformat -%Y-%b-%d\n}\n');
    assert.deepEqual(d.map((x) => `${x.range.start.line}:${x.range.start.character}:${x.code}`), ['2:17:logrotate/bad-dateformat']);
    assert.deepEqual(codes('/var/log/x {\n  dateformat -%Y%m%d%H%M%S.%s%%\n}\n'), []);
  });

  it('finds the same log path in two definitions, in the file and across the workspace', () => {
    const d = check(F, '/var/log/a.log {\n  rotate 3\n}\n/var/log/a.log {\n  rotate 4\n}\n');
    assert.deepEqual(d.map((x) => `${x.range.start.line + 1}:${x.code}`), ['4:logrotate/duplicate-path']);
    assert.equal(d[0].relatedInformation?.[0].location.range.start.line, 0);
    assert.deepEqual(codes('ignoreduplicates\n/var/log/a.log {\n}\n/var/log/a.log {\n}\n'), []);
    const ws = hostCtx([], 'en', [{ uri: 'file:///etc/logrotate.d/other', text: '# other\n/var/log/app/*.log /var/log/b.log {\n  daily\n}\n' }]);
    const cross = check(F, '/var/log/b.log {\n  weekly\n}\n', ws);
    assert.equal(cross[0].code, 'logrotate/duplicate-path');
    assert.match(cross[0].message, /other:2/);
    assert.equal(cross[0].relatedInformation?.[0].location.uri, 'file:///etc/logrotate.d/other');
    // A glob and a plain path collide only when the file exists.
    assert.deepEqual(codes('/var/log/app/x.log {\n}\n', ws), []);
    const ws2 = hostCtx(['/var/log/app/x.log'], 'en', [{ uri: 'file:///etc/logrotate.d/other', text: '/var/log/app/*.log {\n}\n' }]);
    assert.deepEqual(codes('/var/log/app/x.log {\n}\n', ws2), ['1:logrotate/duplicate-path']);
  });

  it('reports an include of a path that does not exist, when the host can tell', () => {
    assert.deepEqual(codes('include /etc/logrotate.d\ninclude /etc/nothere\n', hostCtx(['/etc/logrotate.d'])), ['2:logrotate/include-missing']);
    assert.deepEqual(codes('include /etc/nothere\n'), []);
  });

  it('marks the obsolete errors directive', () => {
    assert.deepEqual(codes('errors\n'), ['1:logrotate/deprecated']);
  });
});
