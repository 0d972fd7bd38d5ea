/**
 * The agreement suite (tier "differential"): our validator against rsyslogd -N1, logrotate -d,
 * firewall-offline-cmd --check-config and iptables-restore, on real Debian files and mutants.
 * Needs network to Debian (apt-get download) and the tools; under CI (env CI set) a failed
 * download or a missing tool fails the suite instead of skipping it.
 */
import * as assert from 'node:assert/strict';
import { findProgram } from '../../server/src/tools/exec';
import { loadCorpus, type Corpus, type Lang } from './corpus';
import { formatAcceptedMistakes, formatDisagreements, formatTable, runLanguage, summarize, type Outcome, type Summary } from './agreement';

const LANGS: Lang[] = ['logrotate', 'rsyslog', 'iptables', 'firewalld'];
const TOOLS: Record<Lang, string> = { rsyslog: 'rsyslogd', logrotate: 'logrotate', firewalld: 'firewall-offline-cmd', iptables: 'iptables-restore' };
/** Share of the real tools' rejections we must catch at the same line. */
const TARGET = 0.95;

describe('differential: our verdicts against the real tools', function () {
  this.timeout(600_000);
  let corpus: Corpus | undefined;
  const summaries: Summary[] = [];

  before(function () {
    corpus = loadCorpus();
    const need = ['rsyslog', 'logrotate', 'firewalld', 'ufw'];
    const missing = need.filter((p) => !corpus!.downloaded.includes(p));
    if (missing.length) {
      const msg = `apt-get download failed for ${missing.join(', ')} (it needs network access to a Debian mirror and package lists: run 'apt-get update' as root).`;
      if (process.env.CI) throw new Error(msg);
      console.log(`  skipped: ${msg}`);
      this.skip();
    }
    if (corpus.failed.length) console.log(`  note: not downloaded: ${corpus.failed.join(', ')}`);
  });

  after(() => {
    if (summaries.length) {
      console.log('\nAgreement with the real tools (targets: 0 false errors on files the tool accepts; catch rate >= 95%)\n');
      console.log(formatTable(summaries));
    }
    corpus?.cleanup();
  });

  for (const lang of LANGS) {
    describe(lang, () => {
      let outcomes: Outcome[] = [];
      let summary: Summary;
      before(async function () {
        if (!findProgram(TOOLS[lang])) {
          const msg = `${TOOLS[lang]} is not installed (node scripts/setup.mjs installs it as root)`;
          if (process.env.CI) throw new Error(msg);
          console.log(`  skipped: ${msg}`);
          this.skip();
        }
        outcomes = await runLanguage(lang, corpus!);
        summary = summarize(lang, outcomes);
        summaries.push(summary);
        console.log(`\n${formatTable([summary])}`);
        const dis = formatDisagreements(outcomes);
        if (dis) console.log(`  disagreements:\n${dis}`);
        const acc = formatAcceptedMistakes(outcomes);
        if (acc) console.log(`  mistakes the tool accepts (we should warn):\n${acc}`);
      });

      it('the real tool ran on every file', () => {
        assert.equal(summary.unavailable, 0, `${summary.unavailable} file(s) could not be checked with ${TOOLS[lang]}`);
        assert.ok(summary.files > 0, 'no files of this language in the corpus');
      });

      it('no false error on a real file the tool accepts', () => {
        const bad = outcomes.filter((o) => o.verdict === 'false-error' && o.c.op === 'base').map((o) => `${o.c.origin}: L${o.ours.errors[0].line + 1} ${o.ours.errors[0].code}`);
        assert.deepEqual(bad, []);
      });

      it('no false error on a mutant the tool accepts', () => {
        // A check with nothing to measure fails: every language needs mutants the tool accepts.
        const accepted = outcomes.filter((o) => o.c.op !== 'base' && (o.verdict === 'agree-accept' || o.verdict === 'false-error')).length;
        assert.ok(accepted > 0, `no mutant that ${TOOLS[lang]} accepts: nothing to measure`);
        const bad = outcomes.filter((o) => o.verdict === 'false-error' && o.c.op !== 'base').map((o) => `${o.c.origin} [${o.c.op}]: L${o.ours.errors[0].line + 1} ${o.ours.errors[0].code}`);
        assert.deepEqual(bad, []);
      });

      it(`catches at least ${TARGET * 100}% of the tool's rejections at the same line`, () => {
        assert.ok(summary.toolRejects > 0, `${TOOLS[lang]} rejected nothing: no catch rate to measure`);
        assert.ok(summary.catchRate >= TARGET, `caught ${summary.caught} of ${summary.toolRejects} (${(summary.catchRate * 100).toFixed(1)}%)`);
      });
    });
  }
});
