// Who and what, for any line: the remote address and host, the user, `key=value` pairs and
// quoted strings, found without knowing the program. Used when no pattern matched, and to add
// the remote address when a pattern matched without naming it. Every regex here is linear
// (no nested quantifiers) and runs at most once per line.

/** Field names that mean "the remote address or host" in some program's log, mapped to the shared vocabulary. */
const ADDRESS_KEYS = new Set([
  'rhost', 'rip', 'addr', 'client', 'src', 'remote', 'ip', 'host', 'hostname', 'client_addr', 'remote_addr', 'from_ip', 'laddr_remote',
  'remoteaddr', 'remote_ip', 'remoteip', 'src_ip', 'ip_addr', 'client_ip', 'clientip',
]);
/** Field names that mean "the user". */
const USER_KEYS = new Set(['user', 'acct', 'ruser', 'set_id', 'login', 'username', 'usr', 'account']);

const IPV4 = /^(?:::ffff:)?\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}$/;
const HOSTNAME = /^(?=.*[A-Za-z])[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+\.?$/;

/** True when the text is an IPv4 or IPv6 address (`::ffff:192.0.2.1` too). */
export function isAddress(s: string): boolean {
  return s.length <= 45 && (IPV4.test(s) || (s.includes(':') && IPV6.test(s) && /[0-9A-Fa-f]/.test(s) && fullOrCompressed(s)));
}

/** Eight groups, or fewer with `::` (RFC 4291): a time of day (`17:44:54`) is not an IPv6 address. */
function fullOrCompressed(s: string): boolean {
  let colons = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 58) colons++;
  return colons === 7 || (colons < 8 && s.includes('::'));
}

/** A dotted host name with at least one letter (`mail.example.net`). */
export function isHostName(s: string): boolean {
  return s.length <= 253 && HOSTNAME.test(s);
}

const KEY_CHAR = /[\w.-]/;
const VALUE = /"[^"]*"|'[^']*'|<[^>\s]*>|[^\s,;)\]]*/y;
const BRACKET = /\[(?:IPv6:)?([0-9A-Fa-f.:]{3,45})\](?::(\d+))?/y;
const HOST_CHAR = /[\w.-]/;
const FROM = /\b(?:from|FROM|From|for|by|client|Client|rhost|host|Host:|peer|address)\s+[\[<]?([0-9A-Za-z][\w.:-]*[0-9A-Za-z])\]?(?:[#:](\d{1,5})\b| port (\d{1,5}))?/g;
const BARE_V4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
/** Only a text with `::` or two hex groups joined by colons can hold an IPv6 address. */
const V6_HINT = /::|[0-9A-Fa-f]:[0-9A-Fa-f]{1,4}:/;
const BARE_V6 = /(?:^|[^\w.:])([0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w.:])/g;
const QUOTED = /"([^"]{1,200})"|'([^']{1,200})'/;
const MYSQL_USER = /'([^'@\s]{0,80})'@'([^'\s]{1,100})'/;

/** The top-level string, number and boolean members of a JSON object line; none when it is not one. */
function jsonPairs(text: string): [string, string][] {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return [];
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return [];
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (out.length >= 40) break;
    if (typeof v === 'string') out.push([k, v.length > 1024 ? v.slice(0, 1024) : v]);
    else if (typeof v === 'number' || typeof v === 'boolean') out.push([k, String(v)]);
  }
  return out;
}

function unquote(v: string): string {
  const c = v[0];
  return (c === '"' || c === "'" || c === '<') && v.length >= 2 ? v.slice(1, -1) : v;
}

/** `192.0.2.1:5678`, `[2001:db8::1]:5678` or `192.0.2.1#5678` → address and port; else undefined. */
export function splitAddressPort(v: string): { ip: string; port?: string } | undefined {
  if (isAddress(v)) return { ip: v };
  const m = /^\[?([0-9A-Fa-f.:]+?)\]?[:#](\d{1,5})$/.exec(v);
  return m && isAddress(m[1]) ? { ip: m[1], port: m[2] } : undefined;
}

/** Adds the remote party under the shared names: `ip` for an address, `client_host` for a name. */
function addRemote(out: Record<string, string>, value: string, port?: string): boolean {
  let v = value;
  if (!isAddress(v)) {
    const a = splitAddressPort(v);
    if (a) {
      v = a.ip;
      port ??= a.port;
    }
  }
  if (v.startsWith('::ffff:') && IPV4.test(v)) v = v.slice(7);
  if (isAddress(v)) {
    if (out.ip === undefined) out.ip = v;
    else if (out.ip !== v && out.ip_2 === undefined) out.ip_2 = v;
    else return false;
    if (port && out.port === undefined) out.port = port;
    return true;
  }
  if (isHostName(v) && out.client_host === undefined) {
    out.client_host = v;
    return true;
  }
  return false;
}

/**
 * Fields any line yields: `key=value` pairs (quotes and angle brackets removed), and under the
 * shared vocabulary `ip` / `client_host` (the remote party), `port`, `user`, `quoted`.
 * Existing fields are not overwritten.
 */
export function genericFields(message: string, existing: Record<string, string> = {}): Record<string, string> {
  return scan(message, existing, undefined);
}

/** `genericFields` where the existing fields are those of `existing` and of `also` (no merged copy). */
function scan(message: string, existing: Record<string, string>, also: Record<string, string> | undefined): Record<string, string> {
  const has = (k: string) => existing[k] !== undefined || (also !== undefined && also[k] !== undefined);
  const out: Record<string, string> = {};
  const text = message.length > 8192 ? message.slice(0, 8192) : message;
  let n = 0;
  // A JSON object per line (Nextcloud, Mattermost, Cowrie …): its top-level members name the remote
  // party and the user. Text inside a string value (a message quoting `"remoteAddr":"…"`) does not.
  if (text.charCodeAt(0) === 123 && text.endsWith('}')) {
    for (const [key, value] of jsonPairs(text)) {
      const lk = key.toLowerCase();
      if (ADDRESS_KEYS.has(lk) && value) addRemote(out, value);
      else if (USER_KEYS.has(lk) && value && value !== '--' && out.user === undefined && !has('user')) out.user = value;
    }
  }
  if (text.includes('=')) {
    // audit's msg='op=login acct="root" addr=…' nests pairs in a quoted value: read those too.
    const nested: string[] = [];
    // Each `=`: the key is the word before it, the value what VALUE reads after it.
    for (let at = text.indexOf('='); at !== -1 && n < 40; at = text.indexOf('=', at + 1)) {
      let k = at;
      while (k > 0 && at - k < 41 && KEY_CHAR.test(text[k - 1])) k--;
      if (k === at || !/[A-Za-z_]/.test(text[k]) || (k > 0 && !/[\s,;(\[]/.test(text[k - 1]))) continue;
      VALUE.lastIndex = at + 1;
      const raw = VALUE.exec(text)?.[0] ?? '';
      n++;
      const key = text.slice(k, at);
      const value = unquote(raw);
      if (raw.length > 1) at += raw.length - 1; // `=` inside a quoted value are not keys
      if (raw[0] === "'" && value.includes('=') && nested.length < 2) nested.push(value);
      if (out[key] === undefined && !has(key)) out[key] = value;
      const lk = key.toLowerCase();
      if (ADDRESS_KEYS.has(lk) && value && value !== '?') addRemote(out, value);
      else if (USER_KEYS.has(lk) && value && out.user === undefined && !has('user')) out.user = value;
    }
    for (const inner of nested) {
      const g = scan(inner, existing, out);
      for (const k in g) if (out[k] === undefined) out[k] = g[k];
    }
  }
  const my = text.includes("'@'") ? MYSQL_USER.exec(text) : null;
  if (my) {
    if (out.user === undefined && !has('user')) out.user = my[1];
    // MySQL names the client as the server resolved it: `localhost` is a name without a dot.
    if (!addRemote(out, my[2]) && out.client_host === undefined && /^[\w.-]+$/.test(my[2])) out.client_host = my[2];
  }
  // `name[address]:port` and `[address]`: find each `[` and read the address after it and the name before it.
  n = 0;
  for (let at = text.indexOf('['); at !== -1 && n < 8; at = text.indexOf('[', at + 1), n++) {
    BRACKET.lastIndex = at;
    const m = BRACKET.exec(text);
    if (!m || !isAddress(m[1])) continue;
    let start = at;
    while (start > 0 && HOST_CHAR.test(text[start - 1])) start--;
    const name = text.slice(start, at);
    if (addRemote(out, m[1], m[2]) && name && name !== 'unknown' && /^[A-Za-z0-9]/.test(name) && out.client_host === undefined) out.client_host = name;
  }
  if (out.ip === undefined && !has('ip')) {
    FROM.lastIndex = 0;
    n = 0;
    for (let m = FROM.exec(text); m && n < 8; m = FROM.exec(text), n++) addRemote(out, m[1], m[2] ?? m[3]);
  }
  if (out.ip === undefined) {
    BARE_V4.lastIndex = 0;
    n = 0;
    for (let m = BARE_V4.exec(text); m && n < 4; m = BARE_V4.exec(text), n++) {
      const before = m.index > 0 ? text[m.index - 1] : ' ';
      const after = text[m.index + m[0].length] ?? ' ';
      if (!/[\w.]/.test(before) && !/[\w.]/.test(after) && addRemote(out, m[0])) break;
    }
    if (out.ip === undefined && V6_HINT.test(text)) {
      BARE_V6.lastIndex = 0;
      n = 0;
      for (let m = BARE_V6.exec(text); m && n < 4; m = BARE_V6.exec(text), n++) if (addRemote(out, m[1])) break;
    }
  }
  const q = text.includes('"') || text.includes("'") ? QUOTED.exec(text) : null;
  if (q) out.quoted = q[1] ?? q[2];
  // A fresh object rather than `delete` (which would slow every later access to it).
  const res: Record<string, string> = {};
  for (const k in out) if (!has(k)) res[k] = out[k];
  return res;
}
