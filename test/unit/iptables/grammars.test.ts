import { strict as assert } from 'node:assert';
import { checkBpf, checkClassId, checkDate, checkDaytime, checkIp6Opts, checkNames, checkU32 } from '../../../server/src/languages/iptables/grammars';

// Each value below was run through iptables-restore 1.8.9: `ok` ones load, `refused` ones do not.
const ok = (read: (v: string) => unknown, values: string[]) => assert.deepEqual(values.filter((v) => read(v) !== undefined), []);
const refused = (read: (v: string) => unknown, values: string[]) => assert.deepEqual(values.filter((v) => read(v) === undefined), []);

describe('iptables value grammars (what xtables parsers take)', () => {
  it('time dates: YYYY[-MM[-DD[Thh[:mm[:ss]]]]] from 1970 to 2038, parts may be left empty', () => {
    ok(checkDate, ['2001-02-03T04:05:06', '2001', '2001-2-3', '2038-12-31T23:59:59', '1970-01-01', '2001-02-03T04:', '2001-', '02001']);
    refused(checkDate, ['1969-01-01', '2039', '2001-13-01', '2001-02-32', '2001-02-03T24:00', '2001-02-03T23:60', '2001-02-03x', '20010203', '0x7d1', '2001-02-03t04']);
  });

  it('times of day: hh:mm[:ss] within a day', () => {
    ok(checkDaytime, ['01:02:03', '1:2:3', '01:02', '23:59:59', '01:02:', '01::02', ':']);
    refused(checkDaytime, ['01', '24:00', '23:60', '23:59:60', '1:2x', '01:02:03:04']);
  });

  it('CLASSIFY classes: hexadecimal MAJOR:MINOR, anything after them ignored', () => {
    ok(checkClassId, ['1:1', '0000:ffff', 'ffff:ffff', '1:-1', '10000:1', '0x1:1', '1:1x', '1:1:1']);
    refused(checkClassId, ['1', '1:', ':1', 'g:1', '1:g', 'abc']);
  });

  it('bpf programs: a length, then that many instructions of four numbers', () => {
    ok(checkBpf, ['4,48 0 0 9,21 0 1 6,6 0 0 1,6 0 0 0', '1,6 0 0 0', '1,6 0 0 0,', ' 1,6 0 0 0', '1, 6 0 0 0', '1,6 0 0 0 7']);
    refused(checkBpf, ['4,48 0 0 9,21 0 1 6,6 0 0 1', '2,6 0 0 0,6 0 0 0,6 0 0 0', '1,6 0 0', '0,', '1', '1,6 0 0 0,,', '1,6,0,0,0', '1 ,6 0 0 0', '4097,6 0 0 0', '1;6 0 0 0']);
  });

  it('u32 tests: locations joined by & << >> @, ranges after =, tests joined by &&', () => {
    ok(checkU32, ['0x0=0x0&&0x0=0x1', '0>>22&0x3C@ 12>>26&0x3C@ 0&0xFFFF=0x1', ' 0 = 0 ', '0=1:2', '0=1,2', '010=1', '0=4294967295', '0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1', '0=1,2,3,4,5,6,7,8,9,10']);
    refused(checkU32, ['1', '0=0&&', '0=1,', '0=,1', '0==1', '0=0x100000000', '0&=1', '@0=1', '0=1 2', '0 1=1', 'x=1', '0=1&0', '1:', '0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1&&0=1']);
  });

  it('u32 numbers: a plus sign is read, a minus sign (even -0) and an empty program are refused', () => {
    ok(checkU32, ['+1=+1', ' +1 = +1', '0=1:+2']);
    refused(checkU32, ['', '-', '1-', '-0=1', '-1=1', '1=-1', '1=1:-0']);
  });

  it('signs: -0 is a time of day part, another minus is refused; bpf lengths take +; a class without colon is refused', () => {
    ok(checkDaytime, ['-0:00', '0:-0', '1:-00:0']);
    refused(checkDaytime, ['-', '1-', '-1:00', '1:-1', '1:-01']);
    ok(checkBpf, ['+1,6 0 0 0', ' +1,6 0 0 0']);
    refused(checkBpf, ['-', '+', '-1,6 0 0 0', '-0,6 0 0 0', '+ 1,6 0 0 0']);
    ok(checkClassId, ['0x:1', '1:0x']);
    refused(checkClassId, ['0x', '0X', '0x1', '10x']);
  });

  it('hbh/dst options: up to 16 TYPE[:LENGTH] strtoul numbers, no length for PAD0', () => {
    ok(checkIp6Opts, ['1', '1:2,3', '0x10:0x2', '010', '256', '-1', '+1', ' 1', '1:256', '0', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15:1']);
    refused(checkIp6Opts, ['', '1,', ',1', '1,,2', '1:', ':1', '1:2:3', 'abc', '1.2.3', '0:1', '256:1', '08', '99999999999999999999', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16:1']);
  });

  it('names: DSCP classes are matched at the start of the value, in any case', () => {
    const g = { values: ['CS0', 'AF41', 'EF'], caseInsensitive: true, startsWith: true };
    ok((v) => checkNames(v, g, 'ipv4'), ['EF', 'ef', 'EFx', 'af41']);
    assert.deepEqual(checkNames('AF44', g, 'ipv4'), { unknown: 'AF44' });
  });

  it('names: lists refuse empty members; numbers are checked against their range', () => {
    const events = { values: ['new', 'related'], list: true };
    assert.equal(checkNames('new,related', events, undefined), undefined);
    assert.deepEqual(checkNames('new,', events, undefined), { unknown: '' });
    assert.deepEqual(checkNames('NEW', events, undefined), { unknown: 'NEW' });
    const days = { values: ['Mon', 'Sun'], list: true, numbers: { min: 1, max: 7 } };
    assert.equal(checkNames('Mon,7', days, undefined), undefined);
    assert.ok(checkNames('8', days, undefined) && 'reason' in checkNames('8', days, undefined)!);
    const tos = { values: ['Minimize-Delay'], caseInsensitive: true, numbers: { min: 0, max: 255, mask: true } };
    assert.equal(checkNames('0x10/0x3f', tos, undefined), undefined);
    assert.ok(checkNames('0x10/0x100', tos, undefined));
  });

  it('names: a prefix picks the first type in order, and a family may refuse it', () => {
    const g = { values: ['UNSPEC', 'BROADCAST', 'XRESOLVE'], list: true, prefix: true, caseInsensitive: true, refusedIn: { ipv6: ['BROADCAST', 'XRESOLVE'] } };
    assert.equal(checkNames('x', g, 'ipv4'), undefined);
    assert.deepEqual(checkNames('x', g, 'ipv6'), { family: 'ipv6', name: 'XRESOLVE' });
    assert.deepEqual(checkNames('unspec,b', g, 'ipv6'), { family: 'ipv6', name: 'BROADCAST' });
  });

  it('names: a prefix list refuses empty entries, as addrtype and HMARK --hmark-tuple do', () => {
    const g = { values: ['src', 'dst', 'sport'], list: true, prefix: true, caseInsensitive: true };
    assert.equal(checkNames('src,d', g, 'ipv4'), undefined);
    for (const v of ['src,', ',src', 'src,,dst']) assert.ok(checkNames(v, g, 'ipv4') && 'reason' in checkNames(v, g, 'ipv4')!, v);
  });
});
