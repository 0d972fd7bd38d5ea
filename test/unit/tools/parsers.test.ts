import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFirewalldOutput } from '../../../server/src/tools/firewalld';
import { isIpv6Rules, parseIptablesOutput } from '../../../server/src/tools/iptables';
import { logrotateLineNumbers, parseLogrotateOutput, realLine } from '../../../server/src/tools/logrotate';
import { findMainConfig, parseRsyslogOutput } from '../../../server/src/tools/rsyslog';
import { writeRsyslogCopy } from '../../../server/src/tools/rsyslogCopy';

const FX = path.resolve(__dirname, '../../fixtures/tools');
const read = (rel: string) => fs.readFileSync(path.join(FX, rel), 'utf8');
const lines = (findings: { line: number; message: string }[]) => findings.map((f) => `${f.line + 1}: ${f.message}`);

describe('tool output parsers (captured real outputs)', () => {
  describe('rsyslogd -N1', () => {
    const dir = path.join(FX, 'rsyslog');
    const main = { file: path.join(dir, 'rsyslog.conf'), text: read('rsyslog/rsyslog.conf') };
    const app = { file: path.join(dir, 'rsyslog.d/30-app.conf'), text: read('rsyslog/rsyslog.d/30-app.conf') };
    const findings = parseRsyslogOutput(read('rsyslog-N1.txt'), [app, main], (p) => path.resolve(dir, p));
    const at = (file: string) => findings.filter((f) => f.file === file);

    it('places "on or before line N" at the statement that sets the unknown parameter', () => {
      const f = at(app.file).find((x) => /colour/.test(x.message));
      assert.equal(f?.line, 3, 'colour="red" is on line 4');
      assert.equal(f?.message, "parameter 'colour' not known -- typo in config file?");
    });

    it('moves a missing template to the line rsyslog names right after it', () => {
      const f = at(app.file).find((x) => /AppFormatt/.test(x.message));
      assert.equal(f?.line, 5);
    });

    it('finds lines for messages without one: legacy directive, module, facility', () => {
      assert.equal(at(app.file).find((x) => /ActionQueueTypo/.test(x.message))?.line, 4);
      assert.equal(at(main.file).find((x) => /imklogg/.test(x.message))?.line, 2);
      assert.equal(at(main.file).find((x) => /authh/.test(x.message))?.line, 9);
      assert.ok(findings.every((f) => !/config validation run|\[v8/.test(f.message)), 'banner and version tags are dropped');
    });

    it('moves an error rsyslog reports after a $IncludeConfig to the included file that has it', () => {
      const d = path.join(FX, 'rsyslog-include');
      const incMain = { file: path.join(d, 'rsyslog.conf'), text: read('rsyslog-include/rsyslog.conf') };
      const fw = { file: path.join(d, 'rsyslog.d/10-fw.conf'), text: read('rsyslog-include/rsyslog.d/10-fw.conf') };
      const f = parseRsyslogOutput(read('rsyslog-include-N1.txt'), [incMain, fw], (p) => path.resolve(d, p));
      assert.deepEqual(f.map((x) => [path.basename(x.file), x.line, x.message]), [['10-fw.conf', 1, "error: invalid compare operation 'contain'"]]);
    });

    it('finds the main rsyslog.conf of a drop-in and rewrites include paths without moving lines', () => {
      assert.equal(findMainConfig(app.file), main.file);
      assert.equal(findMainConfig(main.file), main.file);
      const t = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-copy-'));
      try {
        const text = '# x\n$IncludeConfig /etc/rsyslog.d/*.conf\ninclude(file="/etc/rsyslog.d/*.conf")\n*.* /etc/rsyslog.d/x';
        const tmpMain = path.join(t, 'rsyslog.conf');
        writeRsyslogCopy({ main: '/etc/rsyslog.conf', tmpMain, tmpD: '/tmp/t/rsyslog.d', dropDirs: ['/etc/rsyslog.d'], dropins: [], moduleDir: undefined, read: () => text });
        const out = fs.readFileSync(tmpMain, 'utf8');
        assert.deepEqual(out.split('\n'), ['# x', '$IncludeConfig /tmp/t/rsyslog.d/*.conf', 'include(file="/tmp/t/rsyslog.d/*.conf")', '*.* /etc/rsyslog.d/x']);
      } finally {
        fs.rmSync(t, { recursive: true, force: true });
      }
    });
  });

  describe('logrotate -d', () => {
    const dir = path.join(FX, 'logrotate');
    const webapp = { file: path.join(dir, 'webapp'), text: read('logrotate/webapp') };

    it('turns "error: FILE:LINE" into findings and leaves run-time errors out', () => {
      const f = parseLogrotateOutput(read('logrotate-d.txt'), [webapp], (p) => path.resolve(dir, p));
      assert.deepEqual(lines(f), ["5: unknown option 'compres' -- ignoring line", "6: unknown unit 'Q'", "11: bad rotation count 'eight'"]);
    });

    it("undoes logrotate 3.21's miscount after a file list over several lines", () => {
      const f = parseLogrotateOutput(read('logrotate-d.txt'), [webapp], (p) => path.resolve(dir, p), true);
      assert.deepEqual(lines(f).map((l) => l.split(':')[0]), ['7', '8', '13']);
      assert.deepEqual(logrotateLineNumbers('/a\n/b\n{\n rotate 1\n}\n/c {\n}\n').slice(0, 6), [0, 0, 0, 1, 2, 3]);
      assert.equal(realLine('/a\n/b\n{\n rotate x\n}\n', 1), 3);
    });

    it('places the missing endscript at the script that is never closed', () => {
      const noend = { file: path.join(dir, 'noend'), text: read('logrotate/noend') };
      const f = parseLogrotateOutput(read('logrotate-noend.txt'), [noend], (p) => path.resolve(dir, p));
      assert.deepEqual(lines(f), ['4: prerotate, postrotate or preremove without endscript']);
    });
  });

  describe('firewall-offline-cmd --check-config', () => {
    const zone = (name: string) => ({ file: path.join(FX, 'firewalld/zones', `${name}.xml`), text: read(`firewalld/zones/${name}.xml`) });
    const all = [zone('office'), zone('lab'), zone('dmz2')];

    it('finds the bad target by its value', () => {
      const f = parseFirewalldOutput(read('firewalld-office.txt'), all, () => undefined);
      assert.deepEqual(f.map((x) => [path.basename(x.file), x.line, x.message]), [['office.xml', 1, 'INVALID_TARGET: ACCEPTED']]);
    });

    it('finds an unknown service in the zone the message names, not in the edited file', () => {
      const f = parseFirewalldOutput(read('firewalld-lab.txt'), all, () => undefined);
      assert.deepEqual(f.map((x) => [path.basename(x.file), x.line]), [['lab.xml', 3]]);
    });

    it('uses the line of an XML syntax error', () => {
      const f = parseFirewalldOutput(read('firewalld-dmz2.txt'), all, () => undefined);
      assert.deepEqual(f.map((x) => [path.basename(x.file), x.line]), [['dmz2.xml', 5]]);
    });

    it("finds an empty port ('' is invalid port range) by its empty attribute", () => {
      const text = '<?xml version="1.0" encoding="utf-8"?>\n<zone>\n  <short>X</short>\n  <source-port port="" protocol="udp"/>\n</zone>\n';
      const f = parseFirewalldOutput("Configuration error: INVALID_PORT: '' is invalid port range\n", [{ file: '/etc/firewalld/zones/x.xml', text }], () => undefined);
      assert.deepEqual(f.map((x) => x.line), [3]);
    });
  });

  describe('rsyslogd -N1: messages without a line', () => {
    it('places "deprecated parameter NAME used" on the line that sets it, whatever its case', () => {
      const text = 'module(load="imudp")\ninput(type="imudp" port="514"\n      inputName="udp")\n';
      const f = parseRsyslogOutput('rsyslogd: imudp: deprecated parameter inputname used. Suggest to use name instead [v8.2302.0]\n', [{ file: '/etc/rsyslog.conf', text }], () => '/etc/rsyslog.conf');
      assert.deepEqual(f.map((x) => x.line), [2]);
    });
  });

  describe('iptables-restore', () => {
    const file = path.join(FX, 'iptables/rules.v4');
    const text = read('iptables/rules.v4');

    it('reads "Error occurred at line: N" with the message before it', () => {
      const f = parseIptablesOutput(read('iptables-port.txt'), file, text);
      assert.deepEqual(lines(f), ["7: invalid port/service `65536' specified"]);
    });

    it('moves a missing chain from the COMMIT line to the rule that jumps to it', () => {
      const f = parseIptablesOutput(read('iptables-chain.txt'), file, text);
      assert.deepEqual(lines(f), ["8: Chain 'WEBLOG' does not exist"]);
    });

    it('reads "COMMIT expected" and "line N failed"', () => {
      assert.deepEqual(lines(parseIptablesOutput(read('iptables-commit.txt'), file, text)), ['9: COMMIT expected (the table has no COMMIT line)']);
      assert.deepEqual(lines(parseIptablesOutput(read('iptables-policy.txt'), file, text)), ['4: Bad policy name.']);
    });

    it('tells IPv6 rule files by name or by the ip6tables-save banner', () => {
      assert.equal(isIpv6Rules('/etc/iptables/rules.v6', ''), true);
      assert.equal(isIpv6Rules('/etc/sysconfig/ip6tables', ''), true);
      assert.equal(isIpv6Rules('/etc/ufw/before6.rules', ''), true);
      assert.equal(isIpv6Rules('/etc/iptables/rules.v4', '# Generated by iptables-save'), false);
      assert.equal(isIpv6Rules('/tmp/x', '# Generated by ip6tables-save v1.8.9'), true);
    });
  });
});
