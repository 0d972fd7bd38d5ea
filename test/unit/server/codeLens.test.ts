import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diskFiles, lensesOf } from '../../../server/src/codeLensRequests';
import { diskResolver, uriOfPath } from '../../../server/src/languages/common/paths';
import type { LanguageContext } from '../../../server/src/languages/common/types';
import { firewalldFacade } from '../../../server/src/languages/firewalld/index';
import { logrotateFacade } from '../../../server/src/languages/logrotate/index';
import { LENS_ENTRY_BUDGET, type LensFiles } from '../../../server/src/languages/lenses';
import { rsyslogFacade } from '../../../server/src/languages/rsyslog/index';
import { readSettings } from '../../../server/src/settings';

const ROOT = path.join(__dirname, '../../fixtures/lens-root');

function ctxIn(file: string, locale: 'en' | 'ja' = 'en'): LanguageContext {
  return { locale, uri: uriOfPath(path.join(ROOT, file)), workspace: { *documents() {} }, paths: diskResolver(() => [ROOT], fs.existsSync) };
}

const titles = (lenses: { command?: { title: string } }[]) => lenses.map((l) => l.command!.title);

describe('code lenses', () => {
  describe('logrotate', () => {
    const file = 'etc/logrotate.d/app';
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    it('counts the files each definition matches in the copy of the system tree and reads the last rotation from the state file', () => {
      const lenses = lensesOf('logrotate', logrotateFacade, logrotateFacade.parse(text), ctxIn(file));
      assert.deepEqual(titles(lenses), ['2 files match · last rotated 2026-12-06 00:00', '1 file matches · not in the state file yet']);
      assert.deepEqual(lenses.map((l) => l.range.start.line), [0, 5]);
      assert.deepEqual(titles(lensesOf('logrotate', logrotateFacade, logrotateFacade.parse(text), ctxIn(file, 'ja')))[0], '一致するファイル: 2 件 · 最終ローテート 2026-12-06 00:00');
    });
    it('leaves the rotation out when no state file is readable', () => {
      const noStatus: LensFiles = { ...diskFiles, readText: () => undefined };
      assert.deepEqual(titles(lensesOf('logrotate', logrotateFacade, logrotateFacade.parse(text), ctxIn(file), noStatus)), ['2 files match', '1 file matches']);
    });
    it('stops reading a huge folder at the entry budget and says the count is a lower bound', () => {
      let read = 0;
      const huge: LensFiles = {
        readdir: (dir) => (dir === '/var/log' ? Array.from({ length: 50_000 }, (_, i) => `f${i}.log`) : undefined),
        readText: () => undefined,
        exists: () => true,
      };
      const counting: LensFiles = { ...huge, exists: (f) => (read++, huge.exists(f)) };
      const c: LanguageContext = { locale: 'en', uri: 'file:///etc/logrotate.d/x', workspace: { *documents() {} } };
      const lenses = lensesOf('logrotate', logrotateFacade, logrotateFacade.parse('/var/log/*.log {\n  daily\n}\n'), c, counting);
      assert.deepEqual(titles(lenses), [`${LENS_ENTRY_BUDGET}+ files match`]);
      assert.equal(read, LENS_ENTRY_BUDGET);
    });
  });

  it('rsyslog: "Open log" above each file action, with the file resolved in the copy', () => {
    const file = 'etc/rsyslog.d/app.conf';
    const lenses = lensesOf('rsyslog', rsyslogFacade, rsyslogFacade.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')), ctxIn(file));
    const a = lenses.find((l) => l.range.start.line === 0)!;
    assert.deepEqual(a.command, { title: 'Open log', command: 'linuxAdminConfigs.logViewer.open', arguments: [uriOfPath(path.join(ROOT, 'var/log/app/a.log'))] });
    assert.ok(lenses.some((l) => l.range.start.line === 1 && String(l.command!.arguments![0]).endsWith('/var/log/maillog')), 'the legacy action too');
  });

  describe('firewalld', () => {
    const zoneCtx: LanguageContext = { locale: 'en', uri: 'file:///etc/firewalld/zones/office.xml', workspace: { *documents() {} } };
    const lensFor = (xml: string, c = zoneCtx) => titles(lensesOf('firewalld', firewalldFacade, firewalldFacade.parse(xml), c));
    it('a zone says what it lets in', () => {
      const xml = '<?xml version="1.0"?>\n<zone>\n  <service name="ssh"/>\n  <service name="dhcpv6-client"/>\n  <port port="8080" protocol="tcp"/>\n  <rule family="ipv4"><source address="10.0.0.0/8"/><accept/></rule>\n</zone>\n';
      assert.deepEqual(lensFor(xml), ['Lets in: services ssh, dhcpv6-client; ports 8080/tcp; 1 rich rule']);
      assert.deepEqual(lensFor(xml, { ...zoneCtx, locale: 'ja' }), ['受け入れ: サービス ssh, dhcpv6-client; ポート 8080/tcp; リッチルール 1 件']);
    });
    it('an empty zone and an ACCEPT zone; no lens on a service file', () => {
      assert.deepEqual(lensFor('<zone>\n</zone>\n'), ['Lets in: nothing new (established traffic and ICMP only)']);
      assert.deepEqual(lensFor('<zone target="ACCEPT">\n</zone>\n'), ['Lets in: everything (target ACCEPT)']);
      assert.deepEqual(lensFor('<service>\n  <port port="22" protocol="tcp"/>\n</service>\n'), []);
    });
  });

  it('the setting linuxAdminConfigs.codeLens.enable defaults to on and can be turned off', () => {
    assert.equal(readSettings({}).codeLensEnabled, true);
    assert.equal(readSettings({ codeLens: { enable: false } }).codeLensEnabled, false);
    assert.equal(readSettings({ 'codeLens.enable': false }).codeLensEnabled, false);
  });
});
