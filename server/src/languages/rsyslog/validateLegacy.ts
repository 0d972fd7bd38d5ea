// The checks of legacy actions (`/var/log/x`, `@host:port`, `:omusrmsg:root`, `?dynafile`, `~`):
// their form, target and port, template suffix, output channel, and deprecated spellings.
import type { ParamEntry } from './catalog';
import { lower } from './lookups';
import * as legacy from './legacyAction';
import type { DirectiveStmt, LegacyAction, Span } from './tree';
import * as values from './values';
import { add, moduleUse, reference, type Env } from './validateNames';
import { legacyModuleForm } from './validateState';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { checkValue } = values;
const { Action } = legacy;

/** The catalog entry checkValue() uses for a forwarding action's port. */
const PORT_ENTRY: ParamEntry = { name: 'port', kind: 'parameter', type: 'port', docs: { en: '', ja: '' }, source: '' };

export function legacyAction(env: Env, a: LegacyAction): void {
  switch (a.form) {
    case 'file':
    case 'file-nosync':
      // The usual absolute path is told from its first character, without making the word.
      // `-relative` is refused; a relative name without '-' is accepted (a file or a user).
      if (a instanceof Action ? !a.targetStartsWith(47) : !a.target.text.startsWith('/')) {
        add(env, a.form === 'file-nosync' ? 'rsyslog/relative-sync-path' : 'rsyslog/relative-path', a.target, { path: a.target.text });
      }
      break;
    case 'users':
      if (a.target.text.includes('/') || a.target.text.includes('.')) {
        add(env, 'rsyslog/relative-path', a.target, { path: a.target.text });
        return;
      }
      deprecatedAction(env, a, ':omusrmsg:' + a.target.text);
      break;
    case 'all-users':
      deprecatedAction(env, a, ':omusrmsg:*');
      break;
    case 'discard':
      deprecatedAction(env, a, 'stop');
      break;
    case 'udp-forward':
    case 'tcp-forward': {
      if (a instanceof Action && a.plainForward()) break;
      if (!a.host?.text) add(env, 'rsyslog/unknown-action', a, { text: env.doc.text.slice(a.start, a.end) });
      const port = a.port;
      if (port) {
        const text = port.text;
        const p = plainPort(text) ? null : checkValue(PORT_ENTRY, text);
        if (p) add(env, 'rsyslog/invalid-port', port, { value: text });
      }
      break;
    }
    case 'dynafile':
      reference(env, 'template', a.target.text, a.target, true);
      break;
    case 'output-channel':
      outchannel(env, a.target.text, a.target);
      break;
    case 'module':
      if (a.module && moduleUse(env, a.module.text, a.module)) legacyModuleForm(env, a, a.start);
      // `:omfile:$NAME` writes through an output channel.
      if (a.module && lower(a.module.text) === 'omfile' && a.target.text.startsWith('$')) {
        const t = a.target;
        outchannel(env, t.text.slice(1), { start: t.start + 1, end: t.end });
      }
      break;
    case 'unknown':
      add(env, 'rsyslog/unknown-action', a, { text: env.doc.text.slice(a.start, a.end) });
      break;
  }
  const template = a.template;
  if (template) {
    const name = template.text;
    if (name) reference(env, 'template', name, template, true);
  }
}

/** rsyslogd drops an action naming an output channel no `$outchannel` defined. */
function outchannel(env: Env, text: string, span: Span): void {
  const name = text.split(/[;\s]/)[0];
  if (name && !name.includes('`') && !env.scope.has('outchannels', name.toLowerCase())) add(env, 'rsyslog/undefined-outchannel', span, { name });
}

/** True for the usual port, 0 to 65535 in digits, which checkValue() would accept too. */
function plainPort(text: string): boolean {
  if (text.length === 0 || text.length > 5) return false;
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
    n = n * 10 + (c - 48);
  }
  return n <= 65535;
}

function deprecatedAction(env: Env, a: LegacyAction, replacement: string): void {
  const span = a.template ? { start: a.start, end: a.template.start - 1 } : a;
  add(env, 'rsyslog/deprecated-action', span, { text: env.doc.text.slice(span.start, span.end), replacement }, {
    tags: ['deprecated'],
    data: { replacement },
  });
}


/**
 * `$AllowedSender UDP, 192.0.2.0/24, [2001:db8::]/32, *.example.com`: mask bits of 0 or above 32
 * (IPv4) or 128 (IPv6) are adjusted to a single host, with a report from rsyslogd -N1; bits that
 * are not a number make rsyslogd abort while it reads the list.
 */
export function allowedSender(env: Env, d: DirectiveStmt): void {
  const rest = d.rest;
  if (!rest) return;
  const text = rest.text;
  let at = text.indexOf(',');
  while (at >= 0) {
    const next = text.indexOf(',', at + 1);
    const raw = text.slice(at + 1, next < 0 ? text.length : next);
    const lead = raw.length - raw.trimStart().length;
    const entry = raw.trim();
    const slash = entry.lastIndexOf('/');
    if (entry && slash > 0 && !entry.includes('`')) {
      const addr = entry.slice(0, slash);
      const bits = entry.slice(slash + 1);
      const v6 = addr.includes(':');
      const span = { start: rest.start + at + 1 + lead, end: rest.start + at + 1 + lead + entry.length };
      if (v6 || /^[0-9.]+$/.test(addr)) {
        const max = v6 ? 128 : 32;
        if (!/^[0-9]+$/.test(bits)) {
          add(env, 'rsyslog/invalid-value', span, { value: entry, name: d.name.text, expected: { en: 'mask bits as a whole number (rsyslogd aborts on other text)', ja: '整数のマスクビット数（それ以外では rsyslogd が異常終了します）' } });
        } else if (Number(bits) === 0 || Number(bits) > max) {
          add(env, 'rsyslog/allowed-sender-bits', span, { value: entry, bits, max: String(max), family: v6 ? 'IPv6' : 'IPv4' });
        }
      }
    }
    at = next;
  }
}
