// Every language on the demo workspace in a real VS Code: the file gets its language mode, and
// each DELIBERATE MISTAKE the demo points out gets a squiggle on the next line and a row with
// its diagnostic code in the Problems panel.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/codeServer.mjs';
import { useSession } from './harness';
import { openFile, poll, problems, squiggleLines, waitForLanguageMode, goTo } from './vscode';

/** 1-based lines that follow a "DELIBERATE MISTAKE" comment (the first line that is not a comment). */
function mistakeLines(file: string): number[] {
  const lines = readFileSync(join(ROOT, 'demo', file), 'utf8').split('\n');
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (!l.includes('DELIBERATE MISTAKE')) return;
    let j = i + 1;
    while (j < lines.length && /^\s*(#|<!--)/.test(lines[j])) j++;
    out.push(j + 1);
  });
  return out;
}

const CASES: { file: string; mode: string; codes: string[] }[] = [
  { file: 'etc/logrotate.d/myapp', mode: 'logrotate', codes: ['logrotate/unknown-directive', 'logrotate/bad-size'] },
  { file: 'etc/systemd/journald.conf', mode: 'journald.conf', codes: ['journald/bad-value'] },
  { file: 'etc/firewalld/zones/public.xml', mode: 'firewalld XML', codes: ['firewalld/invalid-value'] },
  { file: 'etc/firewalld/firewalld.conf', mode: 'firewalld.conf', codes: ['firewalld-conf/invalid-value'] },
  { file: 'etc/sysconfig/iptables', mode: 'iptables rules', codes: ['iptables/unknown-target'] },
  { file: 'etc/rsyslog.d/20-myapp.conf', mode: 'rsyslog.conf', codes: ['rsyslog/unknown-priority'] },
];

describe('demo workspace: every language (e2e)', () => {
  const session = useSession();

  for (const c of CASES) {
    it(`${c.file}: language "${c.mode}", squiggles and Problems rows for its deliberate mistakes`, async () => {
      const { page } = session();
      const expected = mistakeLines(c.file);
      assert.equal(expected.length, c.codes.length, `demo/${c.file}: one code per DELIBERATE MISTAKE`);
      await openFile(page, c.file);
      await waitForLanguageMode(page, c.mode);
      await goTo(page, expected[0], 1);
      const kinds = ['error', 'warning', 'info', 'hint'] as const;
      await poll(
        `squiggles on lines ${expected.join(', ')}`,
        async () => (await Promise.all(kinds.map((k) => squiggleLines(page, k)))).flat(),
        (lines) => expected.every((l) => lines.includes(l)),
      );
      for (const [i, code] of c.codes.entries()) {
        const rows = await problems(page, code);
        assert.ok(rows.some((r) => r.includes(code) && r.includes(`[Ln ${expected[i]},`)), `${code} on line ${expected[i]}:\n${rows.join('\n')}`);
      }
    });
  }
});
