// Attacks and probes in web server access log lines: SQL injection, path traversal, Log4Shell,
// Shellshock, command and code injection, cross-site scripting, probes for secrets and admin
// pages, scanners' user agents. The signatures are data (server/data/logs/webAttacks.json); they
// are matched against the request target decoded as the application would see it (percent
// escapes, twice for double encoding, and `+` in the query), and against the user agent and
// referer. Every expression is bounded and runs once per field.
import data from '../../../data/logs/webAttacks.json';
import type { Localized } from '../../languages/common/types';

export type WebAttackKind = 'attack' | 'probe' | 'scanner';
type Where = 'target' | 'agent' | 'referer' | 'raw' | 'method-target';

interface Signature {
  name: string;
  kind: WebAttackKind;
  where: Where[];
  regex: string;
  label: Localized;
  /** The short noun phrase a summary uses (`an SQL injection attempt`). */
  what: Localized;
  advice: Localized;
  source: string;
}

export interface WebAttack {
  name: string;
  kind: WebAttackKind;
  label: Localized;
  what: Localized;
  advice: Localized;
}

const SIGNATURES = (data as Signature[]).map((s) => ({ ...s, re: new RegExp(s.regex, 'i') }));

/** Only this much of a field is searched: a request line of megabytes is cut, as the viewer cuts lines. */
const MAX_FIELD = 8192;

/** Percent escapes decoded byte by byte (as Latin-1, so a broken UTF-8 sequence cannot throw). */
function percentDecode(s: string): string {
  return s.includes('%') ? s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Apache writes bytes outside printable ASCII as `\xHH`; the text they stand for. */
function unescapeApache(s: string): string {
  return s.includes('\\x') ? s.replace(/\\x([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The request target as an application reads it: the query's `+` as a space, escapes decoded twice. */
export function decodeTarget(target: string): string {
  const t = target.slice(0, MAX_FIELD);
  const q = t.indexOf('?');
  const plus = q < 0 ? t : t.slice(0, q + 1) + t.slice(q + 1).replace(/\+/g, ' ');
  const once = percentDecode(unescapeApache(plus));
  return percentDecode(once);
}

/** The fields of an access log line that are searched. */
export interface RequestParts {
  method?: string;
  target?: string;
  agent?: string;
  referer?: string;
  /** The request line when it is not a valid one (binary, empty, a raw attack string). */
  raw?: string;
}

/** The signatures a request matches, attacks first, each once. */
export function detectWebAttacks(r: RequestParts): WebAttack[] {
  const texts: Record<Where, string | undefined> = {
    target: r.target !== undefined ? decodeTarget(r.target) : r.raw !== undefined ? decodeTarget(r.raw) : undefined,
    agent: r.agent !== undefined && r.agent !== '-' ? unescapeApache(r.agent.slice(0, MAX_FIELD)) : undefined,
    referer: r.referer !== undefined && r.referer !== '-' ? decodeTarget(r.referer) : undefined,
    raw: r.raw?.slice(0, MAX_FIELD),
    'method-target': r.method !== undefined && r.target !== undefined ? `${r.method} ${r.target.slice(0, MAX_FIELD)}` : undefined,
  };
  const hits: WebAttack[] = [];
  for (const s of SIGNATURES) {
    if (s.where.some((w) => texts[w] !== undefined && s.re.test(texts[w]!))) hits.push({ name: s.name, kind: s.kind, label: s.label, what: s.what, advice: s.advice });
  }
  const order: WebAttackKind[] = ['attack', 'probe', 'scanner'];
  return hits.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
