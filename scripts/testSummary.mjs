// The parts of scripts/test.mjs that decide what runs and what the closing line says, kept apart
// so that they can be tested.

export const TIERS = ['typecheck', 'build', 'unit', 'grammar', 'lsp', 'e2e', 'differential'];

/**
 * The tiers asked for with `--only unit,lsp` or `--only=unit,lsp` (empty: all). An unknown tier
 * name or a missing list is an error that names the known tiers.
 */
export function parseOnly(argv) {
  const only = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let list;
    if (a.startsWith('--only=')) list = a.slice('--only='.length);
    else if (a === '--only') {
      list = argv[i + 1];
      if (list === undefined || list.startsWith('-')) throw new Error(`--only needs a list of tiers, e.g. --only unit,lsp (tiers: ${TIERS.join(', ')})`);
      i++;
    } else throw new Error(`unknown argument ${a} (use --only unit,lsp; tiers: ${TIERS.join(', ')})`);
    for (const t of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      if (!TIERS.includes(t)) throw new Error(`unknown tier "${t}" (tiers: ${TIERS.join(', ')})`);
      only.push(t);
    }
  }
  return only;
}

/** Counts from mocha's spec reporter; a run that failed without saying how counts as one failure. */
export function mochaCounts(out, code) {
  const passed = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
  const failed = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
  const pending = Number(/(\d+) pending/.exec(out)?.[1] ?? 0);
  return { passed, failed: failed || (code !== 0 && passed === 0 ? 1 : 0), pending };
}

/** True when the environment says it is CI (CI=true, CI=1 …; CI=false or 0 is not). */
export function isCI(env) {
  return !!env.CI && !/^(false|0|no)$/i.test(env.CI);
}

/**
 * The closing line and the exit code. Pending (skipped) tests are reported apart from passed
 * ones; under CI any pending test fails the run, since it means a tier did not really run.
 */
export function verdict({ passed, failed, pending }, ci) {
  const line = `tests: ${passed} passed, ${failed} failed, ${pending} pending`;
  if (failed > 0) return { line, code: 1 };
  if (pending > 0 && ci) return { line: `${line} (pending tests fail the run under CI)`, code: 1 };
  return { line, code: 0 };
}
