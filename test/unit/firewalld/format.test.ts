import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { firewalldFacade } from '../../../server/src/languages/firewalld/index';
import { assertKeepsMeaning, formatted } from '../helpers/formatCheck';
import { filesIn } from '../helpers/tree';

describe('firewalld XML formatting', () => {
  it('indents elements by depth and keeps attribute order', () => {
    const text = '<?xml version="1.0" encoding="utf-8"?>\n<zone target="DROP">\n<short>Lab</short>\n      <rule priority="1" family="ipv4">\n<source address="10.0.0.0/8"/>\n<accept/>\n  </rule>\n   </zone>\n';
    assert.equal(
      formatted(firewalldFacade, text, { tabSize: 2 }),
      '<?xml version="1.0" encoding="utf-8"?>\n<zone target="DROP">\n  <short>Lab</short>\n  <rule priority="1" family="ipv4">\n    <source address="10.0.0.0/8"/>\n    <accept/>\n  </rule>\n</zone>\n',
    );
  });

  it('keeps comments and text that span lines as written', () => {
    const text = '<zone>\n<!-- first\n     second -->\n<description>Line one\n   line two</description>\n</zone>\n';
    assert.equal(formatted(firewalldFacade, text, { tabSize: 2 }), '<zone>\n  <!-- first\n     second -->\n  <description>Line one\n   line two</description>\n</zone>\n');
  });

  it('leaves a file with XML syntax errors alone', () => {
    const text = '<zone>\n<service name="ssh">\n</zone>\n';
    assert.equal(formatted(firewalldFacade, text), text);
  });

  it('keeps the meaning of every fixture, and a second run changes nothing', () => {
    const files = filesIn('test/fixtures/firewalld', (n) => n.endsWith('.xml'));
    assert.ok(files.length >= 30);
    for (const f of files) assertKeepsMeaning(firewalldFacade, fs.readFileSync(f, 'utf8'), f, { tabSize: 2 });
  });
});
