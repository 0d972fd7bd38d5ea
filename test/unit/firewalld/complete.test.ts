import { strict as assert } from 'node:assert';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { diagnose } from '../../../server/src/languages/common/diagnose';
import { labelsAt } from '../helpers/cursor';
import { fwCtx, HEAD } from './util';

describe('firewalld completion', () => {
  it('offers the elements a zone may hold, without the ones already at their maximum', () => {
    const labels = labelsAt(fw, `${HEAD}<zone>\n  <short>x</short>\n  <|\n</zone>\n`, fwCtx('zones/z.xml'));
    assert.ok(labels.includes('service') && labels.includes('port') && labels.includes('rule') && labels.includes('forward'));
    assert.ok(!labels.includes('short'), 'short is already there');
    assert.ok(!labels.includes('accept'), 'actions belong in rules');
  });
  it('offers only what a rule still lacks', () => {
    const labels = labelsAt(fw, `${HEAD}<zone>\n  <rule family="ipv4">\n    <service name="ssh"/>\n    <|\n  </rule>\n</zone>\n`, fwCtx('zones/z.xml'));
    assert.ok(labels.includes('accept') && labels.includes('log') && labels.includes('source'));
    assert.ok(!labels.includes('port'), 'a rule holds one element');
  });
  it('inserts a whole element when no < was typed', () => {
    const items = fw.complete(fw.parse(`${HEAD}<zone>\n  \n</zone>\n`), { line: 2, character: 2 }, fwCtx('zones/z.xml'));
    const port = items.find((i) => i.label === 'port')!;
    assert.equal(port.insertText, '<port port="${1}" protocol="${2}"/>');
  });
  it('offers attributes not yet written', () => {
    assert.deepEqual(labelsAt(fw, `${HEAD}<zone>\n  <port port="22" |/>\n</zone>\n`, fwCtx('zones/z.xml')), ['protocol']);
  });
  it('offers attribute values', () => {
    assert.deepEqual(labelsAt(fw, `${HEAD}<zone>\n  <port port="22" protocol="|"/>\n</zone>\n`, fwCtx('zones/z.xml')), ['tcp', 'udp', 'sctp', 'dccp']);
    assert.deepEqual(labelsAt(fw, `${HEAD}<zone target="|">\n</zone>\n`, fwCtx('zones/z.xml')), ['ACCEPT', '%%REJECT%%', 'DROP', 'default']);
  });
  it('offers service names, shipped and from the workspace', () => {
    const labels = labelsAt(fw, `${HEAD}<zone>\n  <service name="|"/>\n</zone>\n`, fwCtx('zones/z.xml', { 'services/myapp.xml': `${HEAD}<service/>\n` }));
    assert.ok(labels.includes('ssh') && labels.includes('syslog') && labels.includes('myapp'));
  });
  it('offers the reject types of the rule family', () => {
    const labels = labelsAt(fw, `${HEAD}<zone>\n  <rule family="ipv6">\n    <service name="ssh"/>\n    <reject type="|"/>\n  </rule>\n</zone>\n`, fwCtx('zones/z.xml'));
    assert.ok(labels.includes('icmp6-adm-prohibited'));
    assert.ok(!labels.includes('icmp-host-prohibited'));
  });
  it('offers zone names, ANY and HOST in a policy', () => {
    const labels = labelsAt(fw, `${HEAD}<policy target="CONTINUE">\n  <ingress-zone name="|"/>\n</policy>\n`, fwCtx('policies/p.xml'));
    assert.ok(labels.includes('public') && labels.includes('ANY') && labels.includes('HOST'));
  });
});

describe('firewalld quick fixes', () => {
  it('replaces a misspelt service with the suggestion', () => {
    const c = fwCtx('zones/z.xml');
    const doc = fw.parse(`${HEAD}<zone>\n  <service name="htps"/>\n</zone>\n`);
    const d = diagnose(fw, doc, c)[0];
    const actions = fw.codeActions!(doc, d, c);
    assert.equal(actions[0].title, "Change to 'https'");
    assert.deepEqual(actions[0].edit!.changes![c.uri][0], { range: d.range, newText: 'https' });
  });
  it('offers the root element in an empty file', () => {
    assert.deepEqual(labelsAt(fw, '|', fwCtx('services/new.xml')), ['service']);
  });
});
