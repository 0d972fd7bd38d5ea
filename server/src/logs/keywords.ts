import data from '../../data/logs/keywords.json';
import type { Localized } from '../languages/common/types';

/** A category of the manuals' keyword table for log checks. */
export interface KeywordCategory {
  name: string;
  keywords: string[];
  severity: 'error' | 'warning';
  label: Localized;
  docs: Localized;
  source: string;
}

export const KEYWORD_CATEGORIES: KeywordCategory[] = data as KeywordCategory[];

/** A keyword found in a line: where, which word, which category. */
export interface KeywordHit {
  start: number;
  end: number;
  keyword: string;
  category: string;
}

/** A user rule from settings: a word or regular expression and the category (or a colour name) it marks. */
export interface UserKeywordRule {
  pattern: string;
  regex?: boolean;
  category: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Builds one case-insensitive matcher for the table (longest keywords first, so
 * "authentication failed" wins over "fail"). Literal alternation cannot backtrack badly.
 */
export function keywordMatcher(extra: UserKeywordRule[] = []): (line: string) => KeywordHit[] {
  const words: { word: string; category: string }[] = [];
  for (const c of KEYWORD_CATEGORIES) for (const k of c.keywords) words.push({ word: k, category: c.name });
  words.sort((a, b) => b.word.length - a.word.length);
  const byWord = new Map(words.map((w) => [w.word.toLowerCase(), w.category]));
  const re = new RegExp(words.map((w) => escape(w.word)).join('|'), 'gi');
  const userRes: { re: RegExp; category: string }[] = [];
  for (const r of extra) {
    try {
      userRes.push({ re: new RegExp(r.regex ? r.pattern : escape(r.pattern), 'gi'), category: r.category });
    } catch {
      // An invalid user pattern is reported by the settings UI; here it is skipped.
    }
  }
  return (line: string) => {
    const hits: KeywordHit[] = [];
    for (const u of userRes) {
      u.re.lastIndex = 0;
      for (let m = u.re.exec(line); m; m = u.re.exec(line)) {
        if (m[0] === '') {
          u.re.lastIndex++;
          continue;
        }
        hits.push({ start: m.index, end: m.index + m[0].length, keyword: m[0], category: u.category });
      }
    }
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      hits.push({ start: m.index, end: m.index + m[0].length, keyword: m[0], category: byWord.get(m[0].toLowerCase()) ?? 'error' });
    }
    hits.sort((a, b) => a.start - b.start);
    // Overlaps: the earlier (user rules were pushed first, so they win at the same start) keeps its place.
    const out: KeywordHit[] = [];
    let end = -1;
    for (const h of hits) if (h.start >= end) {
      out.push(h);
      end = h.end;
    }
    return out;
  };
}

/** The most serious category of a line, or undefined when no keyword is in it. */
export function lineCategory(hits: KeywordHit[]): string | undefined {
  let best: KeywordCategory | undefined;
  for (const h of hits) {
    const c = KEYWORD_CATEGORIES.find((k) => k.name === h.category);
    if (c && (!best || (c.severity === 'error' && best.severity !== 'error'))) best = c;
  }
  return best?.name ?? hits[0]?.category;
}
