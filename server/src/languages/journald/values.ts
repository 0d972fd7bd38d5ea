import type { Localized } from '../common/types';
import { FORMS, parseCount, parseIecSize, parseLogLevel, parseSystemdBoolean, parseTimespan } from '../common/values';
import type { JdEntry } from './catalog';

const UINT32_MAX = 4294967295;

const SOCKET_FORM: Localized = {
  en: 'a socket address: HOST:PORT, [IPv6]:PORT, an absolute AF_UNIX path or vsock:CID:PORT',
  ja: 'ソケットアドレス（HOST:PORT、[IPv6]:PORT、AF_UNIX の絶対パス、vsock:CID:PORT）',
};

function isPort(s: string): boolean {
  const n = parseCount(s, { min: 1, max: 65535 });
  return n !== undefined;
}

/** Loose check of a socket address as systemd's socket_address_parse accepts it. */
function isSocketAddress(v: string): boolean {
  if (v.startsWith('/') || v.startsWith('@')) return v.length > 1;
  if (v.startsWith('vsock:')) {
    const parts = v.slice(6).split(':');
    return parts.length === 2 && parts.every((p) => p === '' || parseCount(p) !== undefined) && parts[1] !== '';
  }
  if (v.startsWith('[')) {
    const close = v.indexOf(']');
    return close > 1 && v[close + 1] === ':' && isPort(v.slice(close + 2));
  }
  const colon = v.lastIndexOf(':');
  if (colon === -1) return isPort(v);
  return colon > 0 && isPort(v.slice(colon + 1));
}

/**
 * Checks a value against its key's type. Returns the accepted form when the value is refused,
 * undefined when it is fine. An empty value resets the key to its default and is always fine.
 */
export function valueProblem(entry: JdEntry, value: string): Localized | undefined {
  if (value === '') return undefined;
  switch (entry.type) {
    case 'enum':
      return entry.values?.includes(value) ? undefined : { en: `one of ${entry.values?.join(', ')}`, ja: `${entry.values?.join('、')} のいずれか` };
    case 'boolean':
      return parseSystemdBoolean(value) === undefined ? FORMS.boolean : undefined;
    case 'tristate':
      return parseSystemdBoolean(value) === undefined && value !== 'keep' ? FORMS.boolean : undefined;
    case 'booleanOrSize':
      return parseSystemdBoolean(value) === undefined && parseIecSize(value) === undefined
        ? { en: `${FORMS.boolean.en}, or ${FORMS.size.en}`, ja: `${FORMS.boolean.ja}、または${FORMS.size.ja}` }
        : undefined;
    case 'size':
      return parseIecSize(value) === undefined ? FORMS.size : undefined;
    case 'timespan':
      return parseTimespan(value) === undefined ? FORMS.timespan : undefined;
    case 'loglevel':
      return parseLogLevel(value) === undefined ? FORMS.loglevel : undefined;
    case 'unsigned':
      return parseCount(value, { max: UINT32_MAX }) === undefined ? FORMS.count : undefined;
    case 'uint64':
      return parseCount(value) === undefined ? FORMS.count : undefined;
    case 'path':
      return value.startsWith('/') ? undefined : { en: 'an absolute path such as /dev/tty12', ja: '/dev/tty12 のような絶対パス' };
    case 'socketAddress':
      return isSocketAddress(value) ? undefined : SOCKET_FORM;
    default:
      return undefined;
  }
}
