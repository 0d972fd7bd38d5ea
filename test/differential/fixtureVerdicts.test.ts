/**
 * The fixtures' hand-kept verdicts checked against the real tools (issue 19, item 12): the
 * firewalld mutation manifest (an error of ours must be a refusal of firewall-offline-cmd
 * --check-config, a warning or a clean file must be accepted) and the rsyslog tool-verdict
 * fixtures (their `tool` column against rsyslogd -N1), and the iptables files whose rules share a
 * kernel object by name (against a real load in a private network namespace). Skipped without the
 * tools, except in CI.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findProgram } from '../../server/src/tools/exec';
import { checkWithTool } from '../../server/src/tools/index';

const FIX = path.join(__dirname, '../fixtures');

async function refuses(languageId: string, file: string): Promise<{ refused: boolean; said: string }> {
  const r = await checkWithTool({ languageId, file, text: fs.readFileSync(file, 'utf8'), timeoutMs: 60_000 });
  assert.ok(['ok', 'problems'].includes(r.status), `${r.status}: ${r.output}`);
  const errors = r.findings.filter((f) => f.severity === 'error');
  return { refused: errors.length > 0, said: errors.map((e) => `L${e.line + 1} ${e.message}`).join(' | ') || 'accepted' };
}

function needTool(ctx: Mocha.Context, tool: string): void {
  if (findProgram(tool)) return;
  if (process.env.CI) throw new Error(`${tool} is not installed (node scripts/setup.mjs installs it as root)`);
  ctx.skip();
}

describe('fixtures: the verdicts they claim are the real tools\' verdicts', function () {
  this.timeout(300_000);

  describe('firewalld mutations against firewall-offline-cmd --check-config', () => {
    const dir = path.join(FIX, 'firewalld/mutations');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { name: string; file: string; verdict: string }[];
    before(function () {
      needTool(this, 'firewall-offline-cmd');
    });
    for (const c of manifest) {
      const want = c.verdict === 'error';
      it(`${c.name}: firewall-offline-cmd ${want ? 'refuses' : 'accepts'} it`, async () => {
        const got = await refuses('firewalld', path.join(dir, c.file));
        assert.equal(got.refused, want, got.said);
      });
    }
  });

  describe('rsyslog tool verdicts against rsyslogd -N1', () => {
    const dir = path.join(FIX, 'rsyslog/tool-verdicts');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { name: string; tool: 'accepts' | 'refuses' }[];
    before(function () {
      needTool(this, 'rsyslogd');
    });
    for (const c of manifest) {
      it(`${c.name}: rsyslogd ${c.tool} it`, async () => {
        const got = await refuses('rsyslog', path.join(dir, `${c.name}.conf`));
        assert.equal(got.refused, c.tool === 'refuses', got.said);
      });
    }
  });

  describe('iptables shared names against a real load (iptables-restore in unshare -n)', () => {
    const dir = path.join(FIX, 'iptables/shared-names');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { file: string; tool: 'accepts' | 'refuses'; line?: number }[];
    before(function () {
      needTool(this, 'iptables-restore');
    });
    for (const c of manifest) {
      it(`${c.file}: the kernel ${c.tool} it${c.line ? ` at line ${c.line}` : ''}`, async () => {
        const got = await refuses('iptables', path.join(dir, c.file));
        assert.equal(got.refused, c.tool === 'refuses', got.said);
        if (c.line) assert.match(got.said, new RegExp(`^L${c.line} `), got.said);
      });
    }
  });
});
