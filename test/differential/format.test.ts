/**
 * Formatting never changes meaning (tier "differential"): every Debian-shipped configuration of
 * the corpus is formatted; its parse tree must stay equal apart from blanks, a second format must
 * change nothing, and the real tool (rsyslogd -N1, logrotate -d, firewall-offline-cmd,
 * iptables-restore) must give the same verdict on the formatted file as on the original.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkWithTool } from '../../server/src/tools/index';
import { findProgram } from '../../server/src/tools/exec';
import { facadeFor } from '../../server/src/languages/index';
import { assertKeepsMeaning } from '../unit/helpers/formatCheck';
import { toolVerdict, type Case, type Outcome } from './agreement';
import { loadCorpus, type Corpus, type CorpusFile, type Lang } from './corpus';

const LANGS: Lang[] = ['logrotate', 'rsyslog', 'iptables', 'firewalld'];
const TOOLS: Record<Lang, string> = { rsyslog: 'rsyslogd', logrotate: 'logrotate', firewalld: 'firewall-offline-cmd', iptables: 'iptables-restore' };
/** The editor settings the corpus is formatted with: both indentation styles, a narrow width. */
const STYLES = [
  { tabSize: 4, insertSpaces: true, width: 100, alignActions: true },
  { tabSize: 8, insertSpaces: false, width: 60, alignActions: true },
];

/** A verdict without line numbers (an object written one parameter per line moves lines). */
function verdict(t: Outcome['tool']): string {
  return JSON.stringify({ status: t.status, errors: t.errors.map((e) => e.message.replace(/\d+/g, 'N')).sort() });
}

describe('differential: formatting keeps the real tools verdicts', function () {
  this.timeout(900_000);
  let corpus: Corpus | undefined;
  const report: string[] = [];

  before(function () {
    corpus = loadCorpus();
    const missing = ['rsyslog', 'logrotate', 'firewalld', 'ufw'].filter((p) => !corpus!.downloaded.includes(p));
    if (missing.length) {
      const msg = `apt-get download failed for ${missing.join(', ')} (it needs network access to a Debian mirror and package lists).`;
      if (process.env.CI) throw new Error(msg);
      console.log(`  skipped: ${msg}`);
      this.skip();
    }
  });

  after(() => {
    if (report.length) console.log(`\nFormatting the Debian corpus\n${report.join('\n')}`);
    corpus?.cleanup();
  });

  for (const lang of LANGS) {
    it(`${lang}: same parse tree, idempotent, and the same verdict from ${TOOLS[lang]}`, async function () {
      const files = corpus!.files.filter((f) => f.lang === lang);
      assert.ok(files.length > 0, `no ${lang} files in the corpus`);
      const facade = facadeFor(lang)!;
      // The widest change of the styles is the one the tool is asked about.
      const changed: { f: CorpusFile; before: string; text: string }[] = [];
      for (const f of files) {
        // iptables-save writes single spaces already: format a copy with blanks added around and
        // after each rule's command too; the tool must read it as it reads the copy.
        const inputs = lang === 'iptables' ? [f.text, f.text.replace(/^(-[A-Z]) (.*)$/gm, '  $1 \t $2  ')] : [f.text];
        for (const input of inputs) {
          let pick = input;
          for (const style of STYLES) {
            const out = assertKeepsMeaning(facade, input, f.origin, style);
            if (out !== input && pick === input) pick = out;
          }
          if (pick !== input) changed.push({ f, before: input, text: pick });
        }
      }
      if (!findProgram(TOOLS[lang])) {
        if (process.env.CI) throw new Error(`${TOOLS[lang]} is not installed`);
        report.push(`  ${lang}: ${files.length} files, ${changed.length} changed by formatting; ${TOOLS[lang]} missing, verdicts not compared`);
        return;
      }
      const diffs: string[] = [];
      if (lang === 'firewalld' && changed.length) {
        // One run checks the whole tree: check it as shipped, then with every file formatted.
        const first = files[0];
        const run = async () => {
          const r = await checkWithTool({ languageId: 'firewalld', file: first.file, text: fs.readFileSync(first.file, 'utf8'), timeoutMs: 120_000 });
          return verdict({ status: r.status, errors: r.findings.filter((x) => x.severity === 'error').map((x) => ({ line: x.line, message: `${x.file}: ${x.message}` })), hostDependent: [] });
        };
        const before = await run();
        for (const c of changed) fs.writeFileSync(c.f.file, c.text);
        try {
          const after = await run();
          if (after !== before) diffs.push(`whole tree: ${before} -> ${after}`);
        } finally {
          for (const c of changed) fs.writeFileSync(c.f.file, c.f.text);
        }
      } else {
        for (const c of changed) {
          const base: Case = { lang, file: c.f.file, origin: c.f.origin, op: 'base', surelyWrong: false, text: c.before };
          const a = verdict(await toolVerdict(base));
          const b = verdict(await toolVerdict({ ...base, text: c.text }));
          if (a !== b) diffs.push(`${c.f.origin}: ${a} -> ${b}`);
        }
      }
      report.push(`  ${lang}: ${files.length} files, ${changed.length} changed by formatting, ${diffs.length} verdict changes`);
      assert.deepEqual(diffs, [], `formatting changed ${TOOLS[lang]}'s verdict`);
    });
  }
});
