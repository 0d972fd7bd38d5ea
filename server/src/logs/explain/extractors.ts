import services from '../../../data/logs/services.json';
import { genericFields } from './generic';
import type { Extracted } from './types';
import { http, httpRequestText, modsecurity, quotedRequestAttacks } from './webExtractors';

const SERVICES: Record<string, string> = services;
const SERVICE_PORT = new Map(Object.entries(SERVICES).map(([port, name]) => [name.split(' ')[0], port]));

/** The well-known service of a port number (`80` → `http`), or undefined. */
export function serviceName(port: string | undefined): string | undefined {
  return port ? SERVICES[port] : undefined;
}

/** `KEY=VALUE` words separated by spaces; bare words go to `flags`. Values end at a space. */
export function spaceKv(text: string): { kv: Record<string, string>; flags: string[] } {
  const kv: Record<string, string> = {};
  const flags: string[] = [];
  for (const w of text.split(' ')) {
    if (!w) continue;
    const eq = w.indexOf('=');
    if (eq > 0) kv[w.slice(0, eq)] = w.slice(eq + 1);
    else if (eq === -1) flags.push(w);
  }
  return { kv, flags };
}

/** Postfix style `key=value, key=<v>, status=deferred (reason)`; values may hold `(…)` or `<…>` with commas. */
export function commaKv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === ',')) i++;
    const eq = text.indexOf('=', i);
    if (eq === -1) break;
    const key = text.slice(i, eq);
    if (!/^[a-z_]+$/.test(key)) {
      const next = text.indexOf(', ', i);
      if (next === -1) break;
      i = next + 2;
      continue;
    }
    let j = eq + 1;
    let depth = 0;
    for (; j < n; j++) {
      const c = text[j];
      if (c === '(' || c === '<' || c === '[') depth++;
      else if ((c === ')' || c === '>' || c === ']') && depth > 0) depth--;
      else if (c === ',' && depth === 0 && text[j + 1] === ' ') break;
    }
    out[key] = text.slice(eq + 1, j);
    i = j + 1;
  }
  return out;
}

const TCP_FLAGS = new Set(['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN']);
const IP_FLAGS = new Set(['DF', 'MF', 'CE']);
const ETHERTYPES: Record<string, string> = { '08:00': 'IPv4', '86:dd': 'IPv6', '08:06': 'ARP', '81:00': 'VLAN (802.1Q)' };

/** Splits a firewalld log prefix such as `filter_IN_public_REJECT`. */
export function firewalldPrefix(prefix: string): { table: string; direction: string; zone: string; action: string } | undefined {
  const m = /^(filter|nat|mangle|raw|security)_(IN|OUT|FWD|FWDI|FWDO|FWD_IN|FWD_OUT)_(.+)_(REJECT|DROP|ACCEPT|DENY|LOG|allow|deny)$/.exec(prefix.replace(/[: ]+$/, ''));
  return m ? { table: m[1], direction: m[2], zone: m[3], action: m[4].toUpperCase() } : undefined;
}

function netfilter(g: Record<string, string>, message: string): Extracted {
  const at = message.indexOf('IN=');
  const { kv, flags } = spaceKv(message.slice(at));
  const fields: Record<string, string> = {};
  const prefix = (g.prefix ?? '').trim();
  if (prefix) fields.prefix = prefix;
  for (const [k, v] of Object.entries(kv)) fields[k] = v;
  const mac = kv.MAC;
  if (mac) {
    const parts = mac.split(':');
    if (parts.length >= 14) {
      fields.MAC_destination = parts.slice(0, 6).join(':');
      fields.MAC_source = parts.slice(6, 12).join(':');
      const et = parts.slice(12, 14).join(':');
      fields.EtherType = `0x${et.replace(':', '')}${ETHERTYPES[et] ? ` (${ETHERTYPES[et]})` : ''}`;
    }
  }
  const tcp = flags.filter((f) => TCP_FLAGS.has(f));
  const ipf = flags.filter((f) => IP_FLAGS.has(f));
  if (tcp.length) fields.TCP_flags = tcp.join(' ');
  if (ipf.length) fields.IP_flags = ipf.join(' ');
  const svc = serviceName(kv.DPT);
  if (svc) fields.DPT_service = svc;
  const fw = firewalldPrefix(prefix);
  let action = '';
  if (fw) {
    fields.firewalld_table = fw.table;
    fields.firewalld_direction = fw.direction;
    fields.firewalld_zone = fw.zone;
    fields.firewalld_action = fw.action;
    action = fw.action;
  } else if (/REJECT|DROP|DENY|BLOCK/i.test(prefix)) action = 'DROP';
  else if (/ACCEPT|ALLOW/i.test(prefix)) action = 'ACCEPT';
  // A new connection attempt: SYN without ACK (CWR and ECE only negotiate congestion signalling).
  const synOnly = tcp.includes('SYN') && !tcp.includes('ACK') && !tcp.includes('RST') && !tcp.includes('FIN');
  if (synOnly) fields.connection = 'new';
  let variant: string | undefined;
  if (action === 'REJECT' || action === 'DROP' || action === 'DENY') variant = synOnly ? 'syn-blocked' : 'blocked';
  else if (action === 'ACCEPT') variant = 'accepted';
  else if (synOnly) variant = 'syn';
  return { fields, variant };
}

function postfix(g: Record<string, string>, message: string): Extracted {
  const fields: Record<string, string> = {};
  const colon = message.indexOf(': ');
  const rest = message.slice(colon + 2);
  for (const [k, v] of Object.entries(commaKv(rest))) fields[k] = v;
  if (fields.status) {
    const sp = fields.status.indexOf(' ');
    if (sp > 0) {
      fields.status_detail = fields.status.slice(sp + 1).replace(/^\(|\)$/g, '');
      fields.status = fields.status.slice(0, sp);
    }
  }
  // The remote server's reply inside status=…(… said: 550 5.1.1 …) and the DSN give the codes.
  if (fields.status_detail && fields.smtp_code === undefined && !g.smtp_code) {
    const m = /(?:^|[\s(:])([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(fields.status_detail);
    if (m) {
      fields.smtp_code = m[1];
      fields.enhanced_code = m[2];
    }
  }
  if (fields.dsn && fields.enhanced_code === undefined && !g.enhanced_code) fields.enhanced_code = fields.dsn;
  if (fields.delays) {
    const d = fields.delays.split('/');
    if (d.length === 4) {
      fields.delay_before_queue = d[0];
      fields.delay_in_queue = d[1];
      fields.delay_connection = d[2];
      fields.delay_transmission = d[3];
    }
  }
  // smtpd reject lines end in space-separated `; from=<…> to=<…> proto=… helo=<…>`.
  const semi = message.indexOf('; from=');
  if (semi >= 0) {
    // smtpd writes `from=<a> to=<b>`, postscreen `from=<a>, to=<b>,`: drop the comma.
    const kv = spaceKv(message.slice(semi + 2)).kv;
    for (const k in kv) fields[k] = kv[k].replace(/,$/, '');
  }
  for (const k of ['from', 'to', 'orig_to', 'helo']) if (fields[k]) fields[k] = fields[k].replace(/^<|>$/g, '');
  if (fields.relay) {
    const m = /^([^\[]+)\[([^\]]+)\](?::(\d+))?$/.exec(fields.relay);
    if (m) {
      fields.relay_host = m[1];
      fields.relay_ip = m[2];
      if (m[3]) fields.relay_port = m[3];
    }
  }
  let variant: string | undefined = fields.status;
  if (fields.status === 'deferred' && /timed out/i.test(fields.status_detail ?? '')) variant = 'deferred-timeout';
  if (g.smtp_code) variant = g.smtp_code.startsWith('4') ? 'temporary' : 'permanent';
  return { fields, variant };
}

function pamKv(g: Record<string, string>): Extracted {
  const { kv } = spaceKv(g.rest ?? '');
  const fields: Record<string, string> = {};
  for (const k of ['logname', 'uid', 'euid', 'tty', 'ruser', 'rhost', 'user']) if (k in kv) fields[k] = kv[k];
  if (fields.rhost) fields.ip = fields.rhost;
  return { fields, variant: fields.rhost ? 'remote' : undefined };
}

function hostPort(s: string): { host: string; port?: string } {
  const dot = s.lastIndexOf('.');
  if (dot <= 0) return { host: s };
  return { host: s.slice(0, dot), port: s.slice(dot + 1) };
}

const TCPDUMP_VARIANTS: Record<string, string> = { S: 'syn', 'S.': 'synack', '.': 'ack', 'P.': 'push', 'F.': 'fin', 'FP.': 'fin', R: 'reset', 'R.': 'reset' };

function tcpdump(g: Record<string, string>, message: string): Extracted {
  const fields: Record<string, string> = {};
  const src = hostPort(g.src ?? '');
  const dst = hostPort(g.dst ?? '');
  fields.source = src.host;
  if (src.port) fields.source_port = src.port;
  fields.destination = dst.host;
  if (dst.port) fields.destination_port = dst.port;
  const named = dst.port && SERVICE_PORT.get(dst.port);
  if (named) fields.destination_service = `${dst.port} (port ${named})`;
  else if (serviceName(dst.port)) fields.destination_service = serviceName(dst.port)!;
  if (g.flags !== undefined) fields.flags = g.flags;
  const tail = message.slice(message.indexOf(': ') + 2);
  for (const part of tail.split(', ')) {
    const m = /^(seq|ack|win|length) (\S+)$/.exec(part);
    if (m) fields[m[1]] = m[2];
    else if (part.startsWith('options [')) fields.options = part.slice(9, part.endsWith(']') ? -1 : undefined);
  }
  return { fields, variant: g.flags !== undefined ? TCPDUMP_VARIANTS[g.flags] : undefined };
}

function segfault(g: Record<string, string>): Extracted {
  const code = Number.parseInt(g.error_code ?? '', 10);
  const fields: Record<string, string> = {};
  if (!Number.isNaN(code)) {
    fields.error_meaning = [
      code & 4 ? 'user mode' : 'kernel mode',
      code & 2 ? 'write' : code & 16 ? 'instruction fetch' : 'read',
      code & 1 ? 'protection violation' : 'no page mapped at the address',
    ].join(', ');
  }
  return { fields };
}

function sudo(g: Record<string, string>): Extracted {
  const fields: Record<string, string> = {};
  const rest = g.rest ?? '';
  const at = rest.indexOf('COMMAND=');
  if (at >= 0) fields.command = rest.slice(at + 8);
  return { fields, variant: g.failure ? 'failure' : undefined };
}

function preauth(_g: Record<string, string>, message: string): Extracted {
  return { fields: {}, variant: message.endsWith('[preauth]') ? 'preauth' : undefined };
}

function last(_g: Record<string, string>, _m: string, ff: Record<string, string>): Extracted {
  return { fields: {}, variant: ff.user === 'reboot' ? 'reboot' : ff.user === 'shutdown' ? 'shutdown' : undefined };
}

function nginxTail(_g: Record<string, string>, message: string): Extracted {
  const fields: Record<string, string> = {};
  const at = message.indexOf(', client: ');
  if (at >= 0) {
    for (const part of message.slice(at + 2).split(', ')) {
      const c = part.indexOf(': ');
      if (c > 0) fields[part.slice(0, c)] = part.slice(c + 2).replace(/^"|"$/g, '');
    }
    if (fields.client) fields.ip = fields.client;
  }
  // The request nginx quotes may be an attack (a probe for /.env, a traversal).
  if (fields.request === undefined) return { fields };
  const { found } = quotedRequestAttacks(fields.request);
  return { ...found, fields: { ...fields, ...found.fields } };
}

/** Any `key=value` record (audit, dovecot, pam): the generic fields; `res=failed` is the `failed` variant. */
function kv(g: Record<string, string>, message: string): Extracted {
  const fields = genericFields(message, g);
  const res = fields.res ?? g.res ?? '';
  return { fields, variant: /^(?:failed|failure|no|0)$/.test(res) ? 'failed' : undefined };
}

/** Exim's client `H=name (helo) [address]:port` (not `I=`, this server), `F=<sender>` and the message ID. */
function exim(g: Record<string, string>, message: string): Extracted {
  const fields: Record<string, string> = {};
  const m = /(?:^|\s)(?:H=)?(?:([\w.-]+) )?(?:\(([^)]*)\) )?\[((?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]*:[0-9A-Fa-f.:]*)\](?::(\d+))?/.exec(message);
  if (m) {
    if (m[1] && m[1] !== 'NULL' && m[1] !== 'host') fields.client_host = m[1];
    if (m[2] !== undefined) fields.helo = m[2];
    fields.ip = m[3].replace(/^::ffff:/, '');
    if (m[4]) fields.port = m[4];
  }
  const f = /\bF=<?([^>\s]*)>?/.exec(message);
  if (f) fields.from = f[1];
  const id = /(?:^|\s)([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4})\s/.exec(message);
  if (id && !g.queue_id) fields.queue_id = id[1];
  const auth = /: (\d{3}) [^(]*(?:\(set_id=([^)]{0,200})\))?$/.exec(message.slice(-400));
  if (auth) {
    fields.smtp_code = auth[1];
    if (auth[2] !== undefined) fields.user = auth[2];
  }
  return { fields };
}

/** sendmail's `key=value, …` list; `relay=name [address] (may be forged)` gives the client. */
function sendmail(g: Record<string, string>, message: string): Extracted {
  const colon = /^[A-Za-z0-9]+: /.test(message) ? message.indexOf(': ') + 2 : 0;
  const fields = commaKv(message.slice(colon));
  for (const k of Object.keys(fields)) if (g[k] !== undefined) delete fields[k];
  if (fields.from) fields.from = fields.from.replace(/^<|>$/g, '');
  if (fields.to) fields.to = fields.to.replace(/^<|>$/g, '');
  const relay = fields.relay;
  if (relay) {
    const m = /^(?:([^\s\[]+)(?:@([^\s\[]+))? )?\[([0-9A-Fa-f.:]+)\]/.exec(relay);
    if (m) {
      if (m[2] || m[1]) fields.client_host = m[2] ?? m[1];
      fields.ip = m[3].replace(/^IPv6:/i, '');
    }
  }
  if (fields.reject && !g.smtp_code) {
    const r = /^([45]\d\d) (?:([45]\.\d{1,3}\.\d{1,3}) )?/.exec(fields.reject);
    if (r) {
      fields.smtp_code = r[1];
      if (r[2]) fields.enhanced_code = r[2];
    }
  }
  if (fields.dsn && !fields.enhanced_code) fields.enhanced_code = fields.dsn;
  return { fields };
}

/** Squid's result code (`TCP_DENIED/403`): a refusal is the `denied` variant. */
function squid(_g: Record<string, string>, _m: string, ff: Record<string, string>): Extracted {
  const denied = /DENIED/.test(ff.squid_result ?? '') || ff.status === '403' || ff.status === '407';
  return { fields: {}, variant: denied ? 'denied' : undefined };
}

/** fail2ban's action (Ban, Unban, Found …) is the variant; the banned address is the remote party. */
function fail2ban(g: Record<string, string>): Extracted {
  return { fields: {}, variant: g.action === 'Restore Ban' ? 'Ban' : g.action };
}

/** Link up or down. */
function link(g: Record<string, string>): Extracted {
  return { fields: {}, variant: /^down$/i.test(g.state ?? '') ? 'down' : undefined };
}

/** A filesystem message that reports damage, an I/O error or a read-only remount is the `error` variant. */
function fs(g: Record<string, string>, message: string): Extracted {
  return { fields: {}, variant: /error|corrupt|shutdown|read-only|failed|inconsisten/i.test(message) ? 'error' : undefined };
}

type Extractor = (groups: Record<string, string>, message: string, formatFields: Record<string, string>) => Extracted;

/** Extractors by the name a pattern gives in its `extract` field. */
export const EXTRACTORS: Record<string, Extractor> = {
  netfilter,
  postfix,
  'pam-kv': pamKv,
  tcpdump,
  http,
  'http-request-text': httpRequestText,
  modsecurity,
  segfault,
  sudo,
  preauth,
  last,
  'nginx-tail': nginxTail,
  kv,
  exim,
  sendmail,
  squid,
  fail2ban,
  link,
  fs,
};
