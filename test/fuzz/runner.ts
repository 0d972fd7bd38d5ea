// Drives fast-check over one target and measures what matters to a user: does anything throw,
// which input was slowest, and how time grows with input size.
import fc from 'fast-check';
import { anyInput, PATHOLOGICAL } from './inputs';
import type { Target } from './targets';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface FuzzReport {
  target: string;
  cases: number;
  failed: boolean;
  /** fast-check's report with the shrunk counterexample, when something failed. */
  failure?: string;
  /** The slowest input (timed twice, the faster run kept); `input` is the text when it is not huge. */
  slowest: { size: number; ms: number; preview: string; input?: string };
  /** Peak resident set of the process so far, in MB. */
  peakRssMb: number;
  seconds: number;
}

export interface FuzzOptions {
  numRuns?: number;
  /** Stop after this many seconds (with numRuns as the upper bound). */
  seconds?: number;
  seed?: number;
}

const probes = fc.array(fc.double({ min: 0, max: 0.999999, noNaN: true }), { minLength: 5, maxLength: 5 });

/** Fuzzes one target; never throws, reports instead. */
export function fuzzTarget(t: Target, opts: FuzzOptions = {}): FuzzReport {
  let cases = 0;
  let slowest: FuzzReport['slowest'] = { size: 0, ms: -1, preview: '' };
  const started = performance.now();
  const result = fc.check(
    fc.property(anyInput(t.seeds, t.tokens), probes, (text, p) => {
      cases++;
      const t0 = performance.now();
      t.run(text, p);
      let ms = performance.now() - t0;
      if (ms > slowest.ms) {
        // A pause of the loaded machine or the garbage collector is not the input's fault:
        // time a candidate again and keep the faster of the two.
        const t1 = performance.now();
        t.run(text, p);
        ms = Math.min(ms, performance.now() - t1);
        if (ms > slowest.ms) slowest = { size: text.length, ms, preview: escapeAll(text.slice(0, 60)), input: text.length <= 65536 ? text : undefined };
      }
    }),
    {
      numRuns: opts.numRuns ?? (opts.seconds ? 1e9 : 300),
      interruptAfterTimeLimit: opts.seconds ? opts.seconds * 1000 : undefined,
      seed: opts.seed,
      markInterruptAsFailure: false,
      endOnFailure: true,
    },
  );
  let failure: string | undefined;
  if (result.failed) {
    const ce = result.counterexample?.[0] as string | undefined;
    const err = result.errorInstance as Error | undefined;
    failure = `${err?.message ?? String(result.errorInstance)}\n  seed ${result.seed}, path ${result.counterexamplePath}\n  minimal input (${ce?.length ?? 0} chars): ${escapeAll(ce?.slice(0, 400) ?? '')}`;
  }
  return {
    target: t.name,
    cases,
    failed: result.failed,
    failure,
    slowest,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A string as a JS literal with every non-ASCII or invisible character escaped (U+2028, NBSP …). */
export function escapeAll(s: string): string {
  return '"' + s.replace(/[^\x20-\x7e]|["\\]/g, (c) => (c === '"' || c === '\\' ? '\\' + c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)) + '"';
}

/**
 * A full garbage collection, so a timing does not pay for garbage earlier tests left (in the whole
 * unit tier the heap is large, and a major collection during a run inflated its time).
 */
const collect: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : () => undefined;
})();

function cpuMs(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export interface ScalingRow {
  target: string;
  shape: string;
  n: number;
  msN: number;
  ms10N: number;
  ratio: number;
  ok: boolean;
  /** Set when the pipeline threw on this shape. */
  error?: string;
}

/**
 * Times `target.timed` on each pathological shape at size n and 10n (the fastest CPU time of `runs`),
 * and calls it super-linear when 10x the input costs more than `maxRatio` times as much. Tiny
 * timings are noise on a loaded machine: anything under `floorMs` at 10n passes. A failing shape
 * is measured twice more and the best ratio counts.
 */
export function scaling(t: Target, n: number, opts: { runs?: number; maxRatio?: number; floorMs?: number; shapes?: string[] } = {}): ScalingRow[] {
  const runs = opts.runs ?? 3;
  const maxRatio = opts.maxRatio ?? 20;
  const floorMs = opts.floorMs ?? 25;
  const rows: ScalingRow[] = [];
  const seed = t.seeds.find((s) => s.length > 200) ?? t.seeds[0] ?? '';
  for (const shape of PATHOLOGICAL(seed)) {
    if (opts.shapes && !opts.shapes.includes(shape.name)) continue;
    const small = shape.make(n);
    const big = shape.make(10 * n);
    const measure = () => {
      t.timed(small); // warm up
      collect();
      // The fastest of several runs: interference from a loaded machine only ever adds time.
      const a = Math.min(...Array.from({ length: runs * 3 }, () => cpuMs(() => t.timed(small)))); // cheap, and the ratio's denominator
      t.timed(big); // warm up: the heap grows to the big input's size before it is timed
      collect();
      const b = Math.min(...Array.from({ length: runs + 2 }, () => cpuMs(() => t.timed(big))));
      const ratio = b / Math.max(a, 0.05);
      return { a, b, ratio, ok: b < floorMs || ratio <= maxRatio };
    };
    let m: ReturnType<typeof measure>;
    try {
      m = measure();
      for (let retry = 0; retry < 2 && !m.ok; retry++) {
        const again = measure();
        if (again.ratio < m.ratio) m = again;
      }
    } catch (e) {
      rows.push({ target: t.name, shape: shape.name, n: small.length, msN: NaN, ms10N: NaN, ratio: NaN, ok: false, error: String((e as Error)?.message ?? e).slice(0, 200) });
      continue;
    }
    rows.push({ target: t.name, shape: shape.name, n: small.length, msN: m.a, ms10N: m.b, ratio: m.ratio, ok: m.ok });
  }
  return rows;
}

/** Time of the whole pipeline on one 1 MB line (must finish, and not take minutes). */
export function megabyteLine(t: Target): { ms: number } {
  const line = 'a'.repeat(256 * 1024) + ' "' + 'b='.repeat(256 * 1024) + ' {(' + '<x>'.repeat(64 * 1024) + '\u202e';
  return { ms: cpuMs(() => t.timed(line)) };
}
