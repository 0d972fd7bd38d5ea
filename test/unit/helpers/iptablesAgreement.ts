/** Each rule of an agreement fixture (test/fixtures/iptables/agreement) with the verdict its comment line gives. */
export function agreementCases(text: string): { line: number; ok: boolean; code?: string; why: string }[] {
  const out: { line: number; ok: boolean; code?: string; why: string }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^# (ok|refused) ?([\w/-]*): (.*)$/.exec(l);
    if (m) out.push({ line: i + 1, ok: m[1] === 'ok', code: m[2] || undefined, why: m[3] });
  });
  return out;
}
