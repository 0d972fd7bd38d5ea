import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { check } from '../helpers/cursor';
import { codes, fwCtx, HEAD, zone } from './util';

describe('firewalld parser', () => {
  it('reports an XML error where it is and keeps checking the rest', () => {
    const text = zone('  <port port="22" protocol="tcp"\n  <service name="nosuch"/>\n');
    const c = codes(check(fw, text, fwCtx('zones/z.xml')));
    assert.ok(c.includes('5:firewalld/xml-syntax'), JSON.stringify(c));
    assert.ok(c.includes('5:firewalld/unknown-service'), 'the element after the error is still checked');
  });
  it('reports a missing quote and an unclosed element', () => {
    assert.ok(codes(check(fw, zone('  <service name=ssh/>\n'), fwCtx('zones/z.xml'))).includes('4:firewalld/xml-syntax'));
    assert.ok(codes(check(fw, `${HEAD}<zone>\n  <rule>\n`, fwCtx('zones/z.xml'))).some((c) => c.endsWith('xml-syntax')));
  });
  it('handles CRLF line ends and a missing final newline', () => {
    const text = zone('  <port port="99999" protocol="tcp"/>\n').replace(/\n/g, '\r\n').trimEnd();
    const d = check(fw, text, fwCtx('zones/z.xml'));
    assert.deepEqual(codes(d), ['4:firewalld/invalid-value']);
    assert.equal(d[0].range.start.character, 14);
  });
  it('resolves entities in values', () => {
    const doc = fw.parse(`${HEAD}<zone>\n  <rule><log prefix="a&amp;b"/></rule>\n</zone>\n`);
    assert.equal(doc.tree.root!.children[0].children[0].attributes[0].value, 'a&b');
  });
  it('never throws and always gives positions inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '"', '=', ' ', '\n', 'a', 'zone', 'rule', 'port', '&', '!', '?') , maxLength: 80 }), (s) => {
        const diags = check(fw, s, fwCtx('zones/z.xml'));
        const lines = s.split('\n').length;
        return diags.every((d) => d.range.start.line < lines && d.range.end.line < lines);
      }),
      { numRuns: 300 },
    );
  });
  it('copes with a 1 MB attribute value', () => {
    const big = 'x'.repeat(1 << 20);
    const d = check(fw, zone(`  <rule><log prefix="${big}"/><accept/></rule>\n`), fwCtx('zones/z.xml'));
    assert.ok(codes(d).includes('4:firewalld/rule-ignored'));
  });
});
