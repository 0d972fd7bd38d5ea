import { strict as assert } from 'node:assert';
import { check, ctx } from '../helpers/cursor';
import { F, codes } from './util';

describe('journald validation', () => {
  it('accepts the file systemd ships, every key commented out, and a typical persistent setup', () => {
    const shipped = '#  This file is part of systemd.\n[Journal]\n#Storage=auto\n#Compress=yes\n#SystemMaxUse=\n#MaxLevelStore=debug\n';
    assert.deepEqual(codes(shipped), []);
    const persistent =
      '[Journal]\nStorage=persistent\nCompress=yes\nSystemMaxUse=1G\nSystemKeepFree=2G\nSystemMaxFileSize=128M\nMaxRetentionSec=1month\nMaxFileSec=1week\nRateLimitIntervalSec=30s\nRateLimitBurst=10000\nSyncIntervalSec=5m\nForwardToSyslog=no\nMaxLevelStore=info\nMaxLevelConsole=3\nTTYPath=/dev/tty12\nLineMax=48K\nAudit=\nReadKMsg=on\n';
    assert.deepEqual(codes(persistent), []);
  });

  it('refuses bad values with a message naming the accepted form', () => {
    const d = check(F, '[Journal]\nStorage=disk\nSystemMaxUse=2X\nMaxRetentionSec=a while\nMaxLevelStore=warn\nSeal=maybe\nRateLimitBurst=-5\nTTYPath=tty12\nCompress=huge\n');
    assert.deepEqual(
      d.map((x) => `${x.range.start.line + 1}:${x.code}`),
      ['2:journald/bad-value', '3:journald/bad-value', '4:journald/bad-value', '5:journald/bad-value', '6:journald/bad-value', '7:journald/bad-value', '8:journald/bad-value', '9:journald/bad-value'],
    );
    assert.match(d[0].message, /expected one of volatile, persistent, auto, none/);
    assert.match(d[1].message, /K, M, G, T, P or E \(base 1024\)/);
    assert.match(d[2].message, /5min 30s/);
    assert.match(d[3].message, /emerg, alert, crit, err, warning, notice, info, debug, or 0–7/);
    assert.match(d[4].message, /yes\/no, true\/false, on\/off, 1\/0/);
    const ja = check(F, '[Journal]\nStorage=disk\n', ctx('ja'));
    assert.match(ja[0].message, /volatile、persistent、auto、none のいずれか/);
  });

  it('accepts every systemd spelling of booleans, sizes, spans and levels', () => {
    assert.deepEqual(codes('[Journal]\nSeal=TRUE\nReadKMsg=0\nCompress=4K\nSystemMaxUse=1.5G\nMaxFileSec=5min 30s\nMaxRetentionSec=infinity\nMaxLevelWall=emerg\n'), []);
  });

  it('flags unknown sections and keys with suggestions (keys are case-sensitive)', () => {
    const d = check(F, '[Journal]\nStorge=auto\nstorage=auto\n[Jornal]\nStorage=auto\n[X-Vendor]\nFoo=1\n');
    assert.deepEqual(d.map((x) => `${x.range.start.line + 1}:${x.code}`), ['2:journald/unknown-key', '3:journald/unknown-key', '4:journald/unknown-section']);
    assert.match(d[0].message, /Did you mean 'Storage'/);
    assert.match(d[1].message, /Did you mean 'Storage'/);
    assert.match(d[2].message, /Did you mean 'Journal'/);
  });

  it('reports syntax problems from the shared INI tokenizer in its own namespace', () => {
    assert.deepEqual(codes('Storage=auto\n[Journal]\nStorage auto\n[Journal\n'), ['1:journald/no-section', '3:journald/bad-line', '4:journald/bad-section']);
  });

  it('says that a repeated key replaces the earlier one, pointing at it', () => {
    const d = check(F, '[Journal]\nStorage=auto\nSystemMaxUse=1G\nStorage=persistent\n');
    assert.equal(d.length, 1);
    assert.equal(d[0].code, 'journald/duplicate-key');
    assert.equal(d[0].range.start.line, 3);
    assert.match(d[0].message, /already set on line 2; the last assignment wins/);
    assert.equal(d[0].relatedInformation?.[0].location.range.start.line, 1);
    assert.deepEqual(codes('[Journal]\nRateLimitInterval=10s\nRateLimitIntervalSec=30s\n'), ['2:journald/deprecated-key', '3:journald/duplicate-key']);
  });

  it('notes keys newer than systemd 252 and values systemd raises', () => {
    assert.deepEqual(codes('[Journal]\nForwardToSocket=192.168.0.11:4444\nMaxLevelSocket=info\n'), ['2:journald/newer-key', '3:journald/newer-key']);
    assert.deepEqual(codes('[Journal]\nForwardToSocket=[2001:db8::1]:4444\nLineMax=40\n'), ['2:journald/newer-key', '3:journald/value-raised']);
    assert.deepEqual(codes('[Journal]\nForwardToSocket=10.0.0.1:99999\n'), ['2:journald/newer-key', '2:journald/bad-value']);
  });
});
