import type { Navigation, Occurrence } from '../common/navigation';
import type { Localized, ParsedDocument } from '../common/types';
import { specOf } from './context';
import type { FirewalldTree } from './parse';
import { attributeSpecs, entityNameFromUri, folderOf, kindFromUri, type RootKind } from './schema';
import { walk } from './xml';

/** Attribute types that name another firewalld file. */
const REF_TYPES = new Set(['service', 'icmptype', 'helper', 'ipset', 'zone']);

/**
 * firewalld names a service, zone, policy, ipset, helper or icmptype by its file name: the file
 * itself is the definition (at its root element), and the attributes that name it are the uses.
 */
function occurrences(doc: ParsedDocument<FirewalldTree>, uri: string): Occurrence[] {
  const out: Occurrence[] = [];
  const root = doc.tree.root;
  if (!root) return out;
  const kind = kindFromUri(uri);
  if (kind && root.name === kind) out.push({ kind, name: entityNameFromUri(uri), range: doc.lines.range(root.nameStart, root.nameEnd), def: true });
  const fileKind: RootKind = kind ?? (root.name as RootKind);
  for (const el of walk(root)) {
    const spec = specOf(fileKind, el);
    if (!spec) continue;
    const specs = attributeSpecs(spec);
    for (const a of el.attributes) {
      const type = specs.get(a.name)?.type;
      if (!type || !REF_TYPES.has(type) || !a.value) continue;
      if (type === 'zone' && (a.value === 'ANY' || a.value === 'HOST')) continue;
      out.push({ kind: type, name: a.value, range: doc.lines.range(a.valueStart, a.valueEnd), def: false });
    }
  }
  return out;
}

const L = (en: string, ja: string): Localized => ({ en, ja });

export const navigation: Navigation<FirewalldTree> = {
  occurrences,
  // The name is the file's name: renaming means renaming the file, which an edit of text cannot do.
  checkName: (kind, oldName) =>
    L(
      `firewalld names the ${kind} '${oldName}' after its file (${folderOf(kind as RootKind)}${oldName}.xml): rename the file, then its uses`,
      `firewalld の ${kind} '${oldName}' はファイル名（${folderOf(kind as RootKind)}${oldName}.xml）で決まります。ファイル名を変更してから参照を直してください`,
    ),
  // Workspace first, then this machine's configuration and firewalld's shipped definitions.
  external: (kind, name) => [`/etc/firewalld/${folderOf(kind as RootKind)}${name}.xml`, `/usr/lib/firewalld/${folderOf(kind as RootKind)}${name}.xml`],
};
