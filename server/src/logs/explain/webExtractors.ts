// Field extractors for web server lines: an access log request (with the attacks it carries), a
// request line quoted in an error log, and ModSecurity's messages.
import type { Localized } from '../../languages/common/types';
import type { Extracted } from './types';
import { detectWebAttacks, type RequestParts, type WebAttack } from './webAttacks';

const WEB_SERVED = (s: string): Localized => ({
  en: `The server answered ${s}: the request reached its target. Check whether it did what it tried.`,
  ja: `サーバは ${s} を返しました。リクエストは対象に届いています。試みが成功していないか確認します。`,
});
const WEB_REFUSED = (s: string): Localized => ({
  en: `The server answered ${s}: it refused the request or had nothing there, so this attempt most likely failed; many such lines from one client are an automated scan.`,
  ja: `サーバは ${s} を返しました。リクエストを拒否したか対象がなかったため、この試みはおそらく失敗しています。同じクライアントから多数あれば自動スキャンです。`,
});

/** The attack field, notes, category and severity for the signatures a request matched. */
function attackFindings(hits: WebAttack[], status: string): Omit<Extracted, 'fields' | 'variant'> & { fields: Record<string, string> } {
  const served = /^[23]/.test(status);
  const notes: Localized[] = hits.map((h) => ({ en: `${h.label.en}. ${h.advice.en}`, ja: `${h.label.ja}。${h.advice.ja}` }));
  if (status && hits.some((h) => h.kind !== 'scanner')) notes.push(served ? WEB_SERVED(status) : WEB_REFUSED(status));
  const attack = hits.some((h) => h.kind === 'attack');
  return {
    fields: { attack: hits.map((h) => h.name).join(', ') },
    notes,
    category: 'cgi',
    severity: attack || (served && hits.some((h) => h.kind === 'probe')) ? 'warning' : 'notice',
  };
}

/** An access log request: the status's variant, and what the request tries when it is an attack. */
export function http(g: Record<string, string>, _m: string, ff: Record<string, string>): Extracted {
  const s = ff.status ?? '';
  const variant = s === '401' || s === '403' || s === '404' ? s : s ? `${s[0]}xx` : undefined;
  const hits = detectWebAttacks({ method: g.method, target: g.path, raw: g.raw, agent: ff.user_agent, referer: ff.referer });
  if (!hits.length) return { fields: {}, variant };
  const what = hits[0].what;
  return {
    ...attackFindings(hits, s),
    variant,
    summary:
      g.path !== undefined
        ? { en: `{client} sent ${what.en} to {path} ({method}); the server answered {status}.`, ja: `{client} が {path} に{method}で送ったリクエストは${what.ja}に見えます。サーバは {status} を返しました。` }
        : { en: `{client} sent ${what.en}; the server answered {status}.`, ja: `{client} が送ったデータは${what.ja}に見えます。サーバは {status} を返しました。` },
  };
}

/** The attacks in a request line quoted in an error log (`GET /… HTTP/1.1`), as fields, notes, category and severity. */
export function quotedRequestAttacks(text: string): { hits: WebAttack[]; found: Extracted } {
  const m = /^([A-Z]{3,10}) (\S+)(?: HTTP\/[\d.]+)?$/.exec(text);
  const parts: RequestParts = m ? { method: m[1], target: m[2] } : { raw: text };
  const hits = detectWebAttacks(parts);
  return { hits, found: hits.length ? attackFindings(hits, '') : { fields: {} } };
}

/** Apache's `Invalid URI in request …`: the attacks of the quoted request, if any. */
export function httpRequestText(g: Record<string, string>): Extracted {
  const { hits, found } = quotedRequestAttacks(g.request ?? '');
  if (!hits.length) return found;
  return { ...found, summary: { en: `Apache refused ${hits[0].what.en} from {client}: {request}`, ja: `Apache は {client} からの${hits[0].what.ja}を拒否しました: {request}` } };
}

/** `[name "value"]` pairs of a ModSecurity message (the first of each name). */
function bracketPairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/\[([a-z_]{2,20}) "((?:[^"\\]|\\.){0,2000})"\]/g)) if (!out.has(m[1])) out.set(m[1], m[2]);
  return out;
}

/** ModSecurity: the rule (id, message, matched data), the URI and whether the request was blocked. */
export function modsecurity(g: Record<string, string>): Extracted {
  const rest = g.rest ?? '';
  const pairs = bracketPairs(rest);
  const fields: Record<string, string> = {};
  const copy: [string, string][] = [
    ['id', 'rule_id'],
    ['msg', 'rule_msg'],
    ['data', 'rule_data'],
    ['severity', 'rule_severity'],
    ['uri', 'uri'],
    ['hostname', 'server_name'],
  ];
  for (const [from, to] of copy) {
    const v = pairs.get(from);
    if (v !== undefined) fields[to] = v;
  }
  const denied = /\bAccess denied with (?:code \d+|connection close|redirection[^.(]*)(?: \(phase \d\))?/.exec(rest);
  if (denied) fields.action = denied[0];
  return { fields, variant: denied ? 'denied' : /^\s*Warning\b/.test(rest) ? 'warning' : undefined };
}
