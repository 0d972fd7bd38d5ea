import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';

/** Each rule of an agreement fixture (test/fixtures/iptables/agreement) with the verdict its comment line gives. */
/** `host-refused`: the tool refuses it on any machine we test on, but the verdict depends on the machine, so we warn. */
export function agreementCases(text: string): { line: number; ok: boolean; warned?: boolean; code?: string; why: string }[] {
  const out: { line: number; ok: boolean; warned?: boolean; code?: string; why: string }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^# (ok|refused|host-refused) ?([\w/-]*): (.*)$/.exec(l);
    if (m) out.push({ line: i + 1, ok: m[1] === 'ok', warned: m[1] === 'host-refused', code: m[2] || undefined, why: m[3] });
  });
  return out;
}

/**
 * The tests of a folder of agreement fixtures: each rule after a `# ok` / `# refused` comment gets
 * no error where the tool accepts it (and the named warning, if any), and the named error where it
 * refuses it.
 */
export function agreementTests(dir: string, check: (file: string, text: string) => Diagnostic[]): void {
  for (const file of fs.readdirSync(dir).filter((n) => n.includes('.rules.'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const diags = check(file, text);
    for (const c of agreementCases(text)) {
      it(`${file}:${c.line + 1} ${c.ok ? 'accepted' : 'refused'}: ${c.why}`, () => {
        const here = diags.filter((d) => d.range.start.line === c.line);
        const codes = JSON.stringify(here.map((d) => d.code));
        if (c.ok || c.warned) {
          assert.deepEqual(here.filter((d) => d.severity === 1).map((d) => d.code), []);
          // `# ok CODE:` — accepted, but a likely mistake we warn about.
          if (c.code) assert.ok(here.some((d) => d.code === c.code && d.severity === 2), `expected a ${c.code} warning on line ${c.line + 1}, got ${codes}`);
          // `# host-refused CODE:` — the warning says that the verdict depends on the machine.
          if (c.warned) assert.ok(here.some((d) => d.code === c.code && /depends on the (machine|host)/.test(d.message)), `the ${c.code} warning on line ${c.line + 1} does not say it depends on the machine`);
        } else assert.ok(here.some((d) => d.code === c.code && d.severity === 1), `expected a ${c.code} error on line ${c.line + 1}, got ${codes}`);
      });
    }
  }
}
