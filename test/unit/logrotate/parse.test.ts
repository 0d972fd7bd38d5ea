import { strict as assert } from 'node:assert';
import { F, codes } from './util';

describe('logrotate parser', () => {
  it('reads global directives, blocks with several (quoted, glob) paths and scripts', () => {
    const doc = F.parse(
      'weekly\nrotate 4\n"/var/log/a b.log" /var/log/httpd/*log {\n  missingok\n  postrotate\n    /bin/kill -HUP $(cat /run/x.pid) || true\n  endscript\n}\n',
    );
    assert.deepEqual(doc.problems, []);
    const [w, r, b] = doc.tree.items as any[];
    assert.equal(w.name, 'weekly');
    assert.equal(r.argText, '4');
    assert.deepEqual(b.paths.map((p: any) => p.text), ['/var/log/a b.log', '/var/log/httpd/*log']);
    assert.equal(b.items[0].name, 'missingok');
    assert.equal(b.items[1].type, 'script');
    assert.equal(b.items[1].endLine, 6);
    assert.equal(b.closeRange.start.line, 7);
  });

  it('accepts `=` between a directive and its value, tabs, CRLF and a missing final newline', () => {
    const doc = F.parse('rotate = 4\r\n/var/log/x {\r\n\tsize=100k\r\n}');
    assert.deepEqual(doc.problems, []);
    assert.equal((doc.tree.items[0] as any).argText, '4');
    assert.equal((doc.tree.blocks[0].items[0] as any).argText, '100k');
  });

  it('takes paths over several lines up to the brace, and a brace on the next line', () => {
    const doc = F.parse('/var/log/a.log /var/log/b.log\n/var/log/c.log\n{\n  daily\n}\n');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.tree.blocks[0].paths.map((p) => p.text), ['/var/log/a.log', '/var/log/b.log', '/var/log/c.log']);
  });

  it('reports syntax problems at the line logrotate names', () => {
    assert.deepEqual(codes('/var/log/x.log {\n  rotate 3\n}\n}\n'), ['4:logrotate/unexpected-close']);
    assert.deepEqual(codes('/var/log/x.log\nrotate 3\n'), ['1:logrotate/missing-brace']);
    assert.deepEqual(codes('/var/log/x.log {\n  rotate 3\n} rotate 5\n'), ['3:logrotate/text-after-close']);
    assert.deepEqual(codes('/var/log/x.log {\n  5rotate\n}\n'), ['2:logrotate/bad-line']);
    assert.deepEqual(codes('*.log {\n}\n'), ['1:logrotate/bad-line']);
    assert.deepEqual(codes('/var/log/a {\n  /var/log/b {\n  }\n}\n'), ['2:logrotate/path-in-block', '4:logrotate/unexpected-close']);
    assert.deepEqual(codes('/var/log/x.log {\n  rotate 3\n'), ['1:logrotate/unclosed-block']);
    assert.deepEqual(codes('var/log/x.log {\n}\n'), ['1:logrotate/bad-separator', '2:logrotate/unexpected-close']);
  });

  it('reports a script without endscript, and endscript without a script', () => {
    assert.deepEqual(codes('/var/log/x {\n  postrotate\n    echo x\n}\n'), ['2:logrotate/unterminated-script']);
    assert.deepEqual(codes('/var/log/x {\n  endscript\n}\n'), ['2:logrotate/stray-endscript']);
  });

  it('keeps script bodies as shell: braces and the word endscript inside a command do not count', () => {
    const doc = F.parse('/var/log/x {\n  postrotate\n    if true; then { echo endscript; }; fi\n  endscript\n}\n');
    assert.deepEqual(doc.problems, []);
    assert.equal(doc.tree.blocks[0].closeRange?.start.line, 4);
  });

  it('reads several flags on one line and refuses a stray argument after a flag', () => {
    assert.deepEqual(codes('/var/log/x { missingok notifempty }\n'), []);
    assert.deepEqual(codes('/var/log/x {\n  compress yes\n}\n'), ['2:logrotate/extra-argument']);
    assert.deepEqual(codes('/var/log/x {\n  compress # a comment\n}\n'), []);
  });

  it('never throws on hostile input and stays linear', () => {
    const inputs = ['{', '}', '"', '/x "', 'postrotate', '\u0000\u0001', 'a'.repeat(1_000_000), '{'.repeat(10000), '/x {\n'.repeat(5000)];
    for (const t of inputs) assert.ok(F.parse(t));
  });
});
