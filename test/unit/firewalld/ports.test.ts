import { strict as assert } from 'node:assert';
import { firewalldFacade as fw } from '../../../server/src/languages/firewalld/index';
import { check } from '../helpers/cursor';
import { codes, fwCtx, HEAD, zone } from './util';

/** A service file around the given body lines (the body starts on line 4). */
const service = (body: string) => `${HEAD}<service>\n  <short>App</short>\n${body}</service>\n`;
const sev = (text: string, file: string) => check(fw, text, fwCtx(file)).map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);

/** Verdicts of firewall-offline-cmd --check-config 1.3.3 (each case was run through it). */
describe('firewalld ports as firewall-offline-cmd reads them', () => {
  it('refuses a port that is neither a number, a range nor a name of /etc/services, in zones and services', () => {
    assert.deepEqual(codes(check(fw, zone('  <port port="abc" protocol="tcp"/>\n  <source-port port="x-y" protocol="tcp"/>\n'), fwCtx('zones/office.xml'))), [
      '4:firewalld/invalid-value',
      '5:firewalld/invalid-value',
    ]);
    assert.deepEqual(codes(check(fw, service('  <port port="80x" protocol="tcp"/>\n  <source-port port="abc!" protocol="udp"/>\n'), fwCtx('services/app.xml'))), [
      '4:firewalld/invalid-value',
      '5:firewalld/invalid-value',
    ]);
  });

  it('accepts names of /etc/services and ranges of them, and says that names depend on the machine', () => {
    assert.deepEqual(codes(check(fw, service('  <port port="http-alt" protocol="tcp"/>\n  <port port="ssh-http" protocol="tcp"/>\n  <port port="1024-65535" protocol="udp"/>\n'), fwCtx('services/app.xml'))), []);
    const d = check(fw, zone('  <port port="nosuchname" protocol="tcp"/>\n'), fwCtx('zones/office.xml'));
    assert.match(d[0].message, /\/etc\/services.*on the machine it runs on/);
  });

  it('warns (does not err) about a reversed range, which the tool accepts', () => {
    assert.deepEqual(sev(zone('  <port port="100-50" protocol="tcp"/>\n'), 'zones/office.xml'), ['4:firewalld/reversed-range:2']);
    assert.deepEqual(sev(service('  <source-port port="2000-1000" protocol="udp"/>\n'), 'services/app.xml'), ['4:firewalld/reversed-range:2']);
    assert.match(check(fw, zone('  <port port="100-50" protocol="tcp"/>\n'), fwCtx('zones/office.xml'))[0].message, /\(50-100\)/);
  });

  it('warns about overlapping ranges of one protocol, not about the same ports of another protocol', () => {
    assert.deepEqual(sev(zone('  <port port="80-90" protocol="tcp"/>\n  <port port="85" protocol="tcp"/>\n  <port port="85" protocol="udp"/>\n'), 'zones/office.xml'), ['5:firewalld/overlap:2']);
    assert.deepEqual(sev(service('  <port port="8000-8100" protocol="tcp"/>\n  <port port="8050-8200" protocol="tcp"/>\n'), 'services/app.xml'), ['5:firewalld/overlap:2']);
  });

  it('warns about repeated entries of a service (the tool accepts them)', () => {
    assert.deepEqual(sev(service('  <port port="80" protocol="tcp"/>\n  <port port="80" protocol="tcp"/>\n  <protocol value="gre"/>\n  <protocol value="gre"/>\n'), 'services/app.xml'), [
      '5:firewalld/duplicate:2',
      '7:firewalld/duplicate:2',
    ]);
  });
});
