import { strict as assert } from 'node:assert';
import matchesJson from '../../../server/data/iptables/matches.json';
import targetsJson from '../../../server/data/iptables/targets.json';
import { MATCHES, TARGETS } from '../../../server/src/languages/iptables/catalog';
import { EXTENSIONS, GENERATED_FROM } from '../../../server/src/languages/iptables/generated';

/** The generated catalog (scripts/catalogs/iptables-extensions.mjs) and the hand-written docs agree. */
describe('iptables catalog: generated extensions and hand-written docs', () => {
  it('records the iptables version it was generated from', () => {
    assert.match(GENERATED_FROM, /^iptables v\d+\.\d+\.\d+/);
    assert.ok(EXTENSIONS.length >= 90, `only ${EXTENSIONS.length} extensions`);
  });

  it('every generated extension is a catalog entry with docs in both languages and a source', () => {
    const bad: string[] = [];
    for (const x of EXTENSIONS) {
      const e = (x.kind === 'match' ? MATCHES : TARGETS).find((m) => m.name === x.name);
      if (!e || !e.docs?.en?.trim() || !e.docs?.ja?.trim() || !e.source) bad.push(`${x.kind} ${x.name}`);
      for (const o of e?.options ?? []) if (!o.docs?.en?.trim() || !o.docs?.ja?.trim()) bad.push(`${x.name} ${o.name}`);
    }
    assert.deepEqual(bad, []);
  });

  it('every hand-written match and target names an extension of the package (built-in targets aside)', () => {
    const names = new Set(EXTENSIONS.map((x) => `${x.kind} ${x.name}`));
    const orphans = [
      ...(matchesJson as { name: string }[]).filter((m) => !names.has(`match ${m.name}`)).map((m) => `match ${m.name}`),
      ...(targetsJson as { name: string; builtin?: boolean }[]).filter((t) => !t.builtin && !names.has(`target ${t.name}`)).map((t) => `target ${t.name}`),
    ];
    assert.deepEqual(orphans, []);
  });

  it('every option a constraint names is an option of its extension', () => {
    const bad: string[] = [];
    for (const x of EXTENSIONS) {
      const known = new Set(x.options.map((o) => o.name));
      for (const r of x.required ?? []) for (const n of r.anyOf) if (!known.has(n)) bad.push(`${x.name} requires ${n}`);
      for (const e of x.exclusive ?? []) for (const n of e.options) if (!known.has(n)) bad.push(`${x.name} excludes ${n}`);
    }
    assert.deepEqual(bad, []);
  });
});
