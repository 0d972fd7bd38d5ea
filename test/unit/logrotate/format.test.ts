import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { logrotateFacade } from '../../../server/src/languages/logrotate/index';
import { assertKeepsMeaning, formatted } from '../helpers/formatCheck';
import { filesIn } from '../helpers/tree';

describe('logrotate formatting', () => {
  it('indents directives inside a definition and puts braces and paths at the margin', () => {
    const text = '  /var/log/app/*.log {\ndaily\n\t\trotate 7   \n  }\n';
    assert.equal(formatted(logrotateFacade, text), '/var/log/app/*.log {\n    daily\n    rotate 7\n}\n');
  });

  it('leaves script bodies exactly as written and indents endscript with the directives', () => {
    const text = '/var/log/x {\n  postrotate\n      cat <<EOF   \n  x\nEOF\n      endscript\n}\n';
    assert.equal(formatted(logrotateFacade, text, { tabSize: 2 }), '/var/log/x {\n  postrotate\n      cat <<EOF   \n  x\nEOF\n  endscript\n}\n');
  });

  it('follows the editor: tabs, and a brace on a line of its own', () => {
    const text = '/var/log/a\n{\nweekly\n}\n';
    assert.equal(formatted(logrotateFacade, text, { insertSpaces: false }), '/var/log/a\n{\n\tweekly\n}\n');
  });

  it('keeps CRLF line ends', () => {
    assert.equal(formatted(logrotateFacade, '/var/log/a {\r\nweekly\r\n}\r\n'), '/var/log/a {\r\n    weekly\r\n}\r\n');
  });

  it('keeps the meaning of every fixture, and a second run changes nothing', () => {
    const files = filesIn('test/fixtures/logrotate', (n) => !n.endsWith('.json'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      assertKeepsMeaning(logrotateFacade, text, f);
      assertKeepsMeaning(logrotateFacade, text, f, { insertSpaces: false, tabSize: 8 });
    }
  });
});
