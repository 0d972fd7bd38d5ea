// What the iptables catalog generator learns about values by probing the tool: the longest word,
// whole-number bounds, value grammars and conditions between options, kept where the tool agrees.
import { probeEach, probeOne, TABLE_CHAINS, whereLoads } from './iptablesProbe.mjs';
import { LADDER } from './iptablesSeeds.mjs';

/** The longest run of `x` the tool takes for an option, up to 4096 (undefined: no limit found). */
export function longestWord(fam, rule) {
  const steps = [16, 32, 64, 128, 256, 1024, 4096];
  const res = probeEach(fam, steps.map((n) => rule('x'.repeat(n))));
  const k = res.findIndex((t) => !t.ok);
  if (k <= 0) return undefined;
  let [lo, hi] = [steps[k - 1], steps[k]];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (probeOne(fam, rule('x'.repeat(mid))).ok) lo = mid;
    else hi = mid;
  }
  // 1023 is iptables-restore's limit on every word, not the option's.
  return lo < 1023 ? lo : undefined;
}

/** Where either of two `where` answers loads. */
export function union(a, b) {
  const out = {};
  for (const [t, chains] of Object.entries(TABLE_CHAINS)) {
    const cs = chains.filter((c) => (a[t] ?? []).includes(c) || (b[t] ?? []).includes(c));
    if (cs.length) out[t] = cs;
  }
  return out;
}

/**
 * A value grammar of VALUE_TYPES, kept when the tool agrees with it: every name and `good`
 * example accepted, every `bad` one refused (rule(family, value) is the probe rule). With
 * `familyCheck`, the names the kernel refuses in a family are recorded as `refusedIn`.
 */
export function valueType(families, spec, rule) {
  const { good = [], bad = [], familyCheck, ...kept } = spec;
  const fam = families[0];
  const q = (v) => (v === '' || /\s/.test(v) ? `"${v}"` : v);
  const yes = [...(spec.values ?? []), ...good];
  const okYes = probeEach(fam, yes.map((v) => rule(fam, q(v))));
  const okBad = probeEach(fam, bad.map((v) => rule(fam, q(v))));
  const wrong = [...yes.filter((_, i) => !okYes[i].ok), ...bad.filter((_, i) => okBad[i].ok).map((v) => `${v} (accepted)`)];
  if (wrong.length) {
    console.error(`  value grammar ${spec.type} disagrees with the tool on: ${wrong.join(', ')}; not kept`);
    return undefined;
  }
  if (familyCheck) {
    const refusedIn = {};
    for (const f of families) {
      const no = (spec.values ?? []).filter((v) => Object.keys(whereLoads(f, rule(f, v))).length === 0);
      if (no.length) refusedIn[f] = no;
    }
    if (Object.keys(refusedIn).length) kept.refusedIn = refusedIn;
  }
  return kept;
}

/** A condition of RELATIONS with the tool's message, or undefined where the tool disagrees with an example. */
export function relation(fam, spec, rule) {
  const { good = [], bad = [], ...kept } = spec;
  const okGood = probeEach(fam, good.map(rule));
  const okBad = probeEach(fam, bad.map(rule));
  const wrong = [...good.filter((_, i) => !okGood[i].ok), ...bad.filter((_, i) => okBad[i].ok).map((v) => `${v} (accepted)`)];
  if (wrong.length) {
    console.error(`  relation ${spec.kind} disagrees with the tool on: ${wrong.join(', ')}; not kept`);
    return undefined;
  }
  return { ...kept, message: okBad[0]?.message ?? '' };
}

/** The smallest and largest whole numbers the option takes (rule(n) is the rule with value n). */
export function bounds(fam, rule) {
  const res = probeEach(fam, LADDER.map((n) => rule(n)));
  const okIdx = LADDER.map((_, i) => i).filter((i) => res[i].ok);
  if (okIdx.length === 0) return {};
  const lo = okIdx[0];
  const hi = okIdx.at(-1);
  const out = {};
  if (lo > 0) out.min = bisect(fam, rule, LADDER[lo - 1], LADDER[lo], false);
  if (hi < LADDER.length - 1) out.max = bisect(fam, rule, LADDER[hi], LADDER[hi + 1], true);
  return out;
}

/** Between an accepted and a refused value (in either order), the last/first accepted one. */
function bisect(fam, rule, a, b, upward) {
  let ok = upward ? a : b;
  let bad = upward ? b : a;
  while (Math.abs(bad - ok) > 1) {
    const mid = Math.floor((ok + bad) / 2);
    if (probeOne(fam, rule(mid)).ok) ok = mid;
    else bad = mid;
  }
  return ok;
}
