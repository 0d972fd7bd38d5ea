import { strict as assert } from 'node:assert';
import { firewalldConfFacade as conf } from '../../../server/src/languages/firewalldConf/index';
import { check, hoverAt, labelsAt } from '../helpers/cursor';
import { codes, fwCtx, HEAD } from './util';

const confCtx = (others: Record<string, string> = {}, locale: 'en' | 'ja' = 'en') => ({ ...fwCtx('x', others, locale), uri: 'file:///etc/firewalld/firewalld.conf' });

describe('firewalld.conf', () => {
  it('accepts the stock file', () => {
    const text = '# firewalld config file\n\nDefaultZone=public\nCleanupOnExit=yes\nCleanupModulesOnExit=no\nLockdown=no\nIPv6_rpfilter=yes\nIndividualCalls=no\nLogDenied=off\nFirewallBackend=nftables\nFlushAllOnReload=yes\nRFC3964_IPv4=yes\n';
    assert.deepEqual(codes(check(conf, text, confCtx())), []);
  });
  it('accepts the keys of firewalld 2.x', () => {
    const text = 'ReloadPolicy=INPUT:DROP,FORWARD:REJECT,OUTPUT:ACCEPT\nStrictForwardPorts=no\nNftablesFlowtable=eth0 eth1\nNftablesCounters=no\nNftablesTableOwner=yes\nIPv6_rpfilter=loose-forward';
    assert.deepEqual(codes(check(conf, text, confCtx())), []);
  });
  it('checks values, keys, lines and duplicates the way firewalld reads them', () => {
    const text = 'LogDenied=All\nFirewallBackend=nft\nDefaultzone=public\nbogus line\nCleanupOnExit=yes\nCleanupOnExit=no\nReloadPolicy=INPUT:DROP,INPUT:ACCEPT\nLockdown=\nMinimalMark=100\n';
    assert.deepEqual(codes(check(conf, text, confCtx())), [
      '1:firewalld-conf/invalid-value',
      '2:firewalld-conf/invalid-value',
      '3:firewalld-conf/unknown-key',
      '4:firewalld-conf/bad-line',
      '6:firewalld-conf/duplicate-key',
      '7:firewalld-conf/invalid-value',
      '8:firewalld-conf/missing-value',
      '9:firewalld-conf/deprecated-key',
    ]);
    assert.match(check(conf, 'Defaultzone=public\n', confCtx())[0].message, /Did you mean 'DefaultZone'/);
  });
  it('needs DefaultZone to name a shipped or workspace zone', () => {
    assert.deepEqual(codes(check(conf, 'DefaultZone=lab\n', confCtx())), ['1:firewalld-conf/unknown-zone']);
    assert.deepEqual(codes(check(conf, 'DefaultZone=lab\n', confCtx({ 'zones/lab.xml': `${HEAD}<zone/>\n` }))), []);
  });
  it('explains LogDenied in Japanese the way the manuals turn it on', () => {
    const h = hoverAt(conf, 'LogDen|ied=all\n', confCtx({}, 'ja'));
    assert.match(h, /firewall-cmd --set-log-denied=all/);
    assert.match(h, /--get-log-denied/);
    assert.match(hoverAt(conf, 'LogDenied=a|ll\n', confCtx({}, 'ja')), /拒否したすべてのパケットを記録します/);
  });
  it('hovers the default zone with its definition', () => {
    assert.match(hoverAt(conf, 'DefaultZone=pub|lic\n', confCtx()), /Zone shipped with firewalld .*`ssh`/);
  });
  it('completes keys not yet set, and values', () => {
    const keys = labelsAt(conf, 'DefaultZone=public\n|\n', confCtx());
    assert.ok(keys.includes('LogDenied') && !keys.includes('DefaultZone'));
    assert.deepEqual(labelsAt(conf, 'LogDenied=|\n', confCtx()), ['off', 'all', 'unicast', 'broadcast', 'multicast']);
    assert.ok(labelsAt(conf, 'DefaultZone=|\n', confCtx({ 'zones/lab.xml': `${HEAD}<zone/>\n` })).includes('lab'));
  });
  it('outlines one symbol per key', () => {
    assert.deepEqual(conf.symbols(conf.parse('# c\nDefaultZone=public\nLogDenied=all\n')).map((s) => `${s.name}=${s.detail}`), ['DefaultZone=public', 'LogDenied=all']);
  });
});
