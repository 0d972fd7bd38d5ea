import { strict as assert } from 'node:assert';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { HEAD } from './util';

describe('firewalld outline and folding', () => {
  const text = `${HEAD}<zone target="DROP">\n  <short>Lab</short>\n  <service name="ssh"/>\n  <port port="514" protocol="udp"/>\n  <source address="10.0.0.0/8"/>\n  <rule family="ipv4">\n    <service name="http"/>\n    <accept/>\n  </rule>\n</zone>\n`;
  it('has one symbol per element of interest', () => {
    const [root] = fw.symbols(fw.parse(text));
    assert.equal(root.name, 'zone');
    assert.equal(root.detail, 'target DROP');
    assert.deepEqual(root.children!.map((c) => c.name), ['service ssh', 'port 514/udp', 'source 10.0.0.0/8', 'rule']);
    assert.equal(root.children![3].detail, 'IPv4 service http → accept');
  });
  it('folds elements that span lines', () => {
    assert.deepEqual(fw.folding(fw.parse(text)).map((f) => [f.startLine, f.endLine]), [[1, 9], [6, 8]]);
  });
});
