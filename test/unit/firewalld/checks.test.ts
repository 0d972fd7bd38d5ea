import { strict as assert } from 'node:assert';
import { checkLimit, checkPort, isIPv4WithMask, isIPv6, isIPv6WithMask, isMac } from '../../../server/src/languages/firewalld/checks';

describe('firewalld address and value checks', () => {
  it('reads IPv6 addresses with compression and embedded IPv4', () => {
    for (const ok of ['::1', '::', '2001:db8::', 'fe80::1%eth0', '::ffff:192.0.2.1', '2001:db8:0:0:0:0:0:1']) assert.ok(isIPv6(ok), ok);
    for (const bad of ['2001:db8:::1', '1:2:3:4:5:6:7:8:9', 'g::1', '2001:db8::1::2', ':1']) assert.ok(!isIPv6(bad), bad);
    assert.ok(isIPv6WithMask('2001:db8::/32') && !isIPv6WithMask('2001:db8::/129'));
  });
  it('reads IPv4 with prefix or dotted mask', () => {
    assert.ok(isIPv4WithMask('10.0.0.0/8') && isIPv4WithMask('10.0.0.0/255.0.0.0') && !isIPv4WithMask('10.0.0.0/255.0.255.0') && !isIPv4WithMask('1.2.3/8'));
  });
  it('reads MAC addresses', () => {
    assert.ok(isMac('00:1A:2b:3c:4d:5e') && !isMac('00-1a-2b-3c-4d-5e') && !isMac('00:1a:2b:3c:4d'));
  });
  it('reads ports, ranges and limits', () => {
    assert.equal(checkPort('1-65535'), undefined);
    assert.equal(checkPort('ssh'), undefined);
    assert.match(checkPort('65536')!.en, /too big/);
    assert.equal(checkLimit('2/d'), undefined);
    assert.equal(checkLimit('5/minute'), undefined);
    assert.match(checkLimit('1/d')!.en, /too slow/);
    assert.ok(checkLimit('3/w'));
  });
});
