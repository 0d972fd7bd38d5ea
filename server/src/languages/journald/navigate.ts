import type { IniTree } from '../common/ini';
import type { Navigation, Occurrence, Site } from '../common/navigation';
import { pathOfUri, treeRootOf } from '../common/paths';
import type { Localized, ParsedDocument } from '../common/types';

/** Every `Key=` of the file: each one is a place the key's value may come from. */
function occurrences(doc: ParsedDocument<IniTree>): Occurrence[] {
  const out: Occurrence[] = [];
  for (const s of doc.tree.sections) for (const e of s.entries) out.push({ kind: `key:${s.name}`, name: e.key, range: e.keyRange, def: true });
  return out;
}

function parts(uri: string): { dir: string; base: string; dropIn: boolean } {
  const p = (pathOfUri(uri) ?? uri).split('/');
  const dir = p.length >= 2 ? p[p.length - 2] : '';
  return { dir, base: p[p.length - 1], dropIn: dir.endsWith('.conf.d') };
}

/** The journal namespace a file configures ('' for the default one), and the system tree it is in. */
function group(uri: string): string {
  const { dir, base, dropIn } = parts(uri);
  const name = dropIn ? dir.slice(0, -2) : base;
  const at = name.indexOf('@');
  const ns = at < 0 ? '' : name.slice(at + 1, name.lastIndexOf('.conf'));
  return `${treeRootOf(pathOfUri(uri) ?? '') ?? ''}|${ns}`;
}

/** Where systemd looks, least important first: a drop-in in /etc wins over one of the same name in /usr/lib. */
function precedence(uri: string): number {
  const p = pathOfUri(uri) ?? uri;
  if (p.includes('/etc/')) return 3;
  if (p.includes('/run/')) return 2;
  return 1;
}

/**
 * The assignment that takes effect: systemd reads journald.conf, then the drop-ins of all its
 * folders ordered by file name (a name in /etc hiding the same name elsewhere), the last
 * assignment winning.
 */
function pick(defs: Site[]): Site[] {
  const order = (s: Site) => {
    const { base, dropIn } = parts(s.uri);
    return { dropIn: dropIn ? 1 : 0, base: dropIn ? base : '', prec: precedence(s.uri), line: s.occ.range.start.line };
  };
  const sorted = [...defs].sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x.dropIn - y.dropIn || (x.base < y.base ? -1 : x.base > y.base ? 1 : 0) || x.prec - y.prec || x.line - y.line;
  });
  return sorted.length > 0 ? [sorted[sorted.length - 1]] : [];
}

const L = (en: string, ja: string): Localized => ({ en, ja });

export const navigation: Navigation<IniTree> = {
  occurrences,
  group,
  pick,
  checkName: (_kind, oldName) => L(`'${oldName}' is a journald.conf setting: its name is fixed by systemd`, `'${oldName}' は journald.conf の設定項目で、名前は systemd が決めています`),
};
