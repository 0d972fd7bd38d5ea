/**
 * Edit distance with transpositions (optimal string alignment), capped at `max` + 1 so that
 * comparing against a long catalog stays cheap.
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The closest candidates to a misspelt word, best first (case-insensitive).
 * The allowed distance grows with the word: 1 for short words, up to 3 for long ones.
 */
export function didYouMean(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const w = word.toLowerCase();
  const max = w.length <= 3 ? 1 : w.length <= 6 ? 2 : 3;
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === w) continue;
    let d = editDistance(w, lc, max);
    // A word the user stopped typing early (`authp`) still finds its completion.
    if (d > max && w.length >= 3 && lc.startsWith(w)) d = max;
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}

/** " Did you mean 'x'?" in the given language, or "" when there is no suggestion. */
export function suggestionText(suggestions: string[], locale: 'en' | 'ja'): string {
  if (suggestions.length === 0) return '';
  const list = suggestions.map((s) => `'${s}'`).join(locale === 'ja' ? '、' : ', ');
  return locale === 'ja' ? ` もしかして ${list}?` : ` Did you mean ${list}?`;
}
