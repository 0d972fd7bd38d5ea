/**
 * rsyslog reads its configuration in order: an action whose template is defined only further on
 * is disabled. Hand-written trees, checked by rsyslogd -N1 and by us: the same errors at the same
 * lines, and no error where rsyslogd accepts the order (defaults set by module() and
 * `$Action…DefaultTemplate` are looked up later).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnose } from '../../server/src/languages/common/diagnose';
import type { ParsedDocument, WorkspaceView } from '../../server/src/languages/common/types';
import { facadeFor } from '../../server/src/languages/index';
import { findProgram } from '../../server/src/tools/exec';

const t = (name: string) => `template(name="${name}" type="string" string="%msg%\\n")\n`;

/** Files of one tree, relative to its root; `rsyslog.conf` is the main file. `{root}` is replaced. */
const CASES: { name: string; files: Record<string, string> }[] = [
  { name: 'legacy action before its template', files: { 'rsyslog.conf': '*.* /var/log/a;Later\n' + t('Later') } },
  { name: 'action() before its template', files: { 'rsyslog.conf': 'action(type="omfile" file="/var/log/b" template="Later")\n' + t('Later') + '*.* /var/log/c\n' } },
  { name: 'dynafile before its template', files: { 'rsyslog.conf': '*.* ?Later\n' + t('Later') + '*.* /var/log/c\n' } },
  { name: 'module() default before its template', files: { 'rsyslog.conf': 'module(load="builtin:omfile" template="Later")\n' + t('Later') + '*.* /var/log/c\n' } },
  { name: '$ActionFileDefaultTemplate before its template', files: { 'rsyslog.conf': '$ActionFileDefaultTemplate Later\n' + t('Later') + '*.* /var/log/c\n' } },
  {
    name: 'drop-ins by name, and rsyslog.conf around its include',
    files: {
      'rsyslog.conf': t('Early') + '$IncludeConfig {root}/rsyslog.d/*.conf\n' + t('Late') + '*.* /var/log/main;Last\n',
      'rsyslog.d/10-first.conf': t('First'),
      'rsyslog.d/50-app.conf': '*.* /var/log/a;Early\n*.* /var/log/b;First\n*.* /var/log/c;Last\n*.* /var/log/d;Late\n',
      'rsyslog.d/90-last.conf': t('Last'),
    },
  },
];

/** `file:line` of each error, ours or the tool's. */
function oursFor(root: string, files: Record<string, string>): string[] {
  const facade = facadeFor('rsyslog')!;
  const docs = new Map<string, { rel: string; parsed: ParsedDocument<unknown> }>();
  for (const [rel, text] of Object.entries(files)) docs.set(pathToFileURL(path.join(root, rel)).href, { rel, parsed: facade.parse(text.replaceAll('{root}', root)) });
  const workspace: WorkspaceView = {
    generation: 0,
    *documents(id: string) {
      if (id === 'rsyslog') for (const [uri, d] of docs) yield { uri, parsed: d.parsed };
    },
  };
  const out: string[] = [];
  for (const [uri, d] of docs) {
    for (const x of diagnose(facade, d.parsed as ParsedDocument<never>, { locale: 'en', uri, workspace })) {
      if (x.severity === 1) out.push(`${d.rel}:${x.range.start.line + 1}`);
    }
  }
  return out.sort();
}

function toolFor(root: string): string[] {
  const r = spawnSync('rsyslogd', ['-N1', '-f', path.join(root, 'rsyslog.conf')], { encoding: 'utf8', timeout: 60_000 });
  const out = new Set<string>();
  for (const m of (r.stdout + r.stderr).matchAll(/error during parsing file (\S+), on or before line (\d+)/g)) out.add(`${path.relative(root, m[1].replace(/,$/, ''))}:${m[2]}`);
  return [...out].sort();
}

describe('differential: rsyslog template order against rsyslogd -N1', function () {
  this.timeout(120_000);
  before(function () {
    if (!findProgram('rsyslogd')) {
      if (process.env.CI) throw new Error('rsyslogd is not installed (node scripts/setup.mjs installs it as root)');
      this.skip();
    }
  });
  for (const c of CASES) {
    it(c.name, () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lac-order-'));
      try {
        for (const [rel, text] of Object.entries(c.files)) {
          fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
          fs.writeFileSync(path.join(root, rel), text.replaceAll('{root}', root));
        }
        assert.deepEqual(oursFor(root, c.files), toolFor(root));
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
