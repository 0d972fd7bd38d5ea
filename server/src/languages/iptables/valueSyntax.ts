// The shapes of iptables values that are pure syntax, as the xtables parsers read them: digits,
// service names, IPv4 (dotted and inet_aton's short forms), IPv6 and host names.

/** 1 to 15 ASCII digits. */
export function isDigits(s: string): boolean {
  const n = s.length;
  if (n === 0 || n >= 16) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The same as isDigits for `s` from `from` to `to`. */
export function isDigitsIn(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n <= 0 || n >= 16) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The value of the digits of `s` from `from` to `to` (checked by isDigitsIn: exact, at most 15 digits). */
export function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** A service name as getservbyname knows them: a letter, then letters, digits, `_ . + -`. */
export function isServiceName(p: string): boolean {
  const n = p.length;
  if (n === 0) return false;
  let c = p.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  for (let i = 1; i < n; i++) {
    c = p.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 43 || c === 45)) return false;
  }
  return true;
}

/** Dotted quad: four groups of 1 to 3 digits, each at most 255. */
export function isIPv4(s: string): boolean {
  return isIPv4In(s, 0, s.length);
}

/** isIPv4 for the part of `s` from `from` to `to`. */
export function isIPv4In(s: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 7 || n > 15) return false;
  let groups = 0;
  let digits = 0;
  let value = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 46;
    if (c === 46 /* . */) {
      if (digits === 0 || value > 255) return false;
      groups++;
      digits = 0;
      value = 0;
    } else if (c >= 48 && c <= 57) {
      if (++digits > 3) return false;
      value = value * 10 + (c - 48);
    } else {
      return false;
    }
  }
  return groups === 4;
}

export function isIPv6(s: string): boolean {
  if (!s.includes(':') || s.length > 45) return false;
  let body = s;
  const lastColon = s.lastIndexOf(':');
  let extraGroups = 0;
  if (s.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    body = s.slice(0, lastColon + 1) + '0';
    extraGroups = 1;
  }
  const dbl = body.indexOf('::');
  if (dbl !== -1 && body.indexOf('::', dbl + 1) !== -1) return false;
  const groups = body.split(':');
  let empty = 0;
  for (const g of groups) {
    if (g === '') empty++;
    else if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false;
  }
  const count = groups.length - empty + extraGroups;
  if (dbl === -1) return empty === 0 && count === 8;
  return count <= 7;
}

export function isHostname(s: string): boolean {
  return s.length > 0 && s.length <= 253 && /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(s) && !/^[\d.]+$/.test(s);
}

/** An IPv4 address as inet_aton reads it (`1`, `10.1`, `0x7f.1`, `1.2.3.4`), as a 32-bit number. */
export function inetAton(s: string): number | undefined {
  const parts = s.split('.');
  if (parts.length > 4) return undefined;
  let value = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const n = /^0[xX][0-9a-fA-F]+$/.test(p) ? parseInt(p.slice(2), 16) : /^0[0-7]*$/.test(p) ? parseInt(p, 8) : /^[1-9][0-9]*$/.test(p) ? Number(p) : NaN;
    const last = i === parts.length - 1;
    const limit = last ? 2 ** (8 * (5 - parts.length)) - 1 : 255;
    if (!(n <= limit)) return undefined;
    value = last ? value * 2 ** (8 * (5 - parts.length)) + n : value * 256 + n;
  }
  return value;
}

/** The shorter numeric IPv4 forms inet_aton reads, as iptables does: `1` (0.0.0.1), `10.1` (10.0.0.1), `0x7f.1`. */
export function isInetAton(s: string): boolean {
  return inetAton(s) !== undefined;
}
