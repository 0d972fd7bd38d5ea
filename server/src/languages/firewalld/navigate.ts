import type { IniTree } from '../common/ini';
import type { Navigation, Occurrence, Site } from '../common/navigation';
import type { LanguageContext, Localized, ParsedDocument } from '../common/types';
import { entries } from '../firewalldConf/parse';
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

/** Characters firewalld allows in a name besides letters and digits (firewall/core/io/*.py, ADDITIONAL_ALNUM_CHARS). */
const EXTRA_CHARS: Record<string, string> = { zone: '_-', policy: '_-', service: '_-', icmptype: '_-', ipset: '_-:.', helper: '-.' };
/**
 * Longest names: a zone's and a policy's go into chain names, which netfilter limits to 28
 * characters ("POST_<zone>_allow", "POST_<policy>_allow"); an ipset's into the kernel's set name.
 */
const MAX_LENGTH: Record<string, number> = { zone: 17, policy: 18, ipset: 32 };

/** Why firewalld would reject `name` for a file of this kind; undefined when it takes it. */
export function checkFirewalldName(kind: string, name: string): Localized | undefined {
  if (name === '') return L(`a ${kind} name cannot be empty`, `${kind} の名前は空にできません`);
  const extra = EXTRA_CHARS[kind] ?? '_-';
  for (const ch of name) {
    // Python's str.isalnum(): letters and digits of any script.
    if (/[\p{L}\p{N}]/u.test(ch) || extra.includes(ch)) continue;
    const allowed = [...extra].map((c) => `'${c}'`).join(', ');
    return L(`firewalld does not allow '${ch}' in a ${kind} name (letters, digits and ${allowed} only)`, `firewalld の ${kind} 名に '${ch}' は使えません（英数字と ${allowed} のみ）`);
  }
  const max = MAX_LENGTH[kind];
  const length = [...name].length;
  if (max !== undefined && length > max) return L(`a ${kind} name has at most ${max} characters for firewalld ('${name}' has ${length})`, `firewalld の ${kind} 名は ${max} 文字までです（'${name}' は ${length} 文字）`);
  return undefined;
}

/** Kinds named by their files (the root elements a file defines). */
const FILE_KINDS: ReadonlySet<string> = new Set(['service', 'zone', 'policy', 'ipset', 'helper', 'icmptype']);

/** The URI a service, zone … file gets when its name becomes `newName`; firewalld's shipped files are refused. */
function target(uri: string, newName: string): string | Localized {
  if (/\/usr\/lib\/firewalld\//.test(decodeURIComponent(uri))) {
    return L(
      `${decodeURIComponent(uri).replace(/^file:\/\//, '')} is one of firewalld's shipped definitions: copy it to /etc/firewalld and rename the copy`,
      `${decodeURIComponent(uri).replace(/^file:\/\//, '')} は firewalld 同梱の定義です。/etc/firewalld にコピーしてから名前を変更してください`,
    );
  }
  return `${uri.slice(0, uri.lastIndexOf('/') + 1)}${encodeURIComponent(newName)}.xml`;
}

/** firewalld.conf lines naming the zone: renaming the default zone without them would make firewalld fall back to 'public'. */
function otherUses(kind: string, name: string, ctx: LanguageContext): Site[] {
  if (kind !== 'zone') return [];
  const out: Site[] = [];
  for (const d of ctx.workspace.documents('firewalld-conf')) {
    for (const e of entries(d.parsed as ParsedDocument<IniTree>)) {
      if (e.key === 'DefaultZone' && e.value === name) out.push({ uri: d.uri, occ: { kind, name, range: e.valueRange, def: false } });
    }
  }
  return out;
}

export const navigation: Navigation<FirewalldTree> = {
  otherUses,
  occurrences,
  // The name is the file's name: a rename renames the file (fileNamed), and the name must be one firewalld accepts.
  checkName: (kind, oldName, newName) => (newName === oldName ? undefined : checkFirewalldName(kind, newName)),
  fileNamed: { kinds: FILE_KINDS, target },
  // Workspace first, then this machine's configuration and firewalld's shipped definitions.
  external: (kind, name) => [`/etc/firewalld/${folderOf(kind as RootKind)}${name}.xml`, `/usr/lib/firewalld/${folderOf(kind as RootKind)}${name}.xml`],
};
