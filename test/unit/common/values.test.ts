import { strict as assert } from 'node:assert';
import {
  parseCInteger,
  parseCount,
  parseIecSize,
  parseLogLevel,
  parseLogrotateSize,
  parseOctalMode,
  parseSystemdBoolean,
  parseTimespan,
} from '../../../server/src/languages/common/values';

describe('common: value checkers', () => {
  it('reads systemd booleans in any case and refuses other words', () => {
    for (const t of ['yes', 'YES', 'true', 'on', '1', 'y', 't']) assert.equal(parseSystemdBoolean(t), true, t);
    for (const f of ['no', 'False', 'off', '0', 'n', 'f']) assert.equal(parseSystemdBoolean(f), false, f);
    for (const bad of ['enable', 'yess', '2', '']) assert.equal(parseSystemdBoolean(bad), undefined, bad);
  });
  it('reads base-1024 sizes with K M G T P E, fractions and sums', () => {
    assert.equal(parseIecSize('512'), 512);
    assert.equal(parseIecSize('64K'), 65536);
    assert.equal(parseIecSize('1.5G'), 1.5 * 1024 ** 3);
    assert.equal(parseIecSize('1G 512M'), 1024 ** 3 + 512 * 1024 ** 2);
    assert.equal(parseIecSize('2E'), 2 * 1024 ** 6);
    for (const bad of ['2X', '10MB', 'M', '', '1.5', '-1K']) assert.equal(parseIecSize(bad), undefined, bad);
  });
  it('reads systemd time spans', () => {
    assert.equal(parseTimespan('30'), 30e6);
    assert.equal(parseTimespan('5min 30s'), 330e6);
    assert.equal(parseTimespan('5min30s'), 330e6);
    assert.equal(parseTimespan('1w'), 7 * 86400e6);
    assert.equal(parseTimespan('1month'), 2629800e6);
    assert.equal(parseTimespan('100ms'), 100e3);
    assert.equal(parseTimespan('infinity'), Infinity);
    for (const bad of ['5 minutes later', '1fortnight', 'abc', '', 's']) assert.equal(parseTimespan(bad), undefined, bad);
  });
  it('reads log levels by name or number', () => {
    assert.equal(parseLogLevel('warning'), 4);
    assert.equal(parseLogLevel('debug'), 7);
    assert.equal(parseLogLevel('3'), 3);
    for (const bad of ['warn', '8', 'error', '']) assert.equal(parseLogLevel(bad), undefined, bad);
  });
  it('reads octal modes, C integers and counts', () => {
    assert.equal(parseOctalMode('0640'), 0o640);
    assert.equal(parseOctalMode('755'), 0o755);
    assert.equal(parseOctalMode('0999'), undefined);
    assert.equal(parseOctalMode('01777x'), undefined);
    assert.equal(parseCInteger('0x10'), 16);
    assert.equal(parseCInteger('010'), 8);
    assert.equal(parseCInteger('-1', true), -1);
    assert.equal(parseCInteger('-1'), undefined);
    assert.equal(parseCInteger('4 # keep'), undefined);
    assert.equal(parseCount('100'), 100);
    assert.equal(parseCount('70000', { max: 65535 }), undefined);
  });
  it('reads logrotate sizes with k/K, M and G only', () => {
    assert.equal(parseLogrotateSize('100'), 100);
    assert.equal(parseLogrotateSize('100k'), 102400);
    assert.equal(parseLogrotateSize('10K'), 10240);
    assert.equal(parseLogrotateSize('10M'), 10 * 1024 ** 2);
    assert.equal(parseLogrotateSize('1G'), 1024 ** 3);
    for (const bad of ['10m', '10g', '10T', '1.5M', '10 M', '10kB']) assert.equal(parseLogrotateSize(bad), undefined, bad);
  });
});
