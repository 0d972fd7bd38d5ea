import type { CatalogEntry } from '../common/catalog';
import commonJson from '../../../data/firewalld/common.json';
import zoneJson from '../../../data/firewalld/zone.json';
import zonePolicyJson from '../../../data/firewalld/zonePolicy.json';
import richJson from '../../../data/firewalld/rich.json';
import policyJson from '../../../data/firewalld/policy.json';
import serviceJson from '../../../data/firewalld/service.json';
import ipsetJson from '../../../data/firewalld/ipset.json';
import icmptypeJson from '../../../data/firewalld/icmptype.json';
import helperJson from '../../../data/firewalld/helper.json';
import directJson from '../../../data/firewalld/direct.json';
import whitelistJson from '../../../data/firewalld/whitelist.json';
import valuesJson from '../../../data/firewalld/values.json';

/** The kinds of firewalld XML file, named after their root element. */
export type RootKind = 'zone' | 'service' | 'policy' | 'ipset' | 'icmptype' | 'helper' | 'direct' | 'whitelist';

export const ROOT_KINDS: RootKind[] = ['zone', 'service', 'policy', 'ipset', 'icmptype', 'helper', 'direct', 'whitelist'];

export interface AttributeSpec extends CatalogEntry {
  required?: boolean;
  min?: number;
  max?: number;
  exclude?: number[];
  valueDocs?: CatalogEntry[];
}

export interface ChildSpec {
  name: string;
  min?: number;
  max?: number;
  /** Children sharing a group count together against `groups[group]`. */
  group?: string;
}

export interface ElementSpec extends CatalogEntry {
  /** Parent element names; `''` for the root element. */
  contexts: string[];
  attributes?: AttributeSpec[];
  children?: ChildSpec[];
  groups?: Record<string, number>;
  /** Whether the element carries text (`entry`, direct `rule`). */
  text?: 'optional' | 'required';
}

interface SchemaFile {
  roots: string[];
  elements: unknown[];
}

const FILES: SchemaFile[] = [commonJson, zoneJson, zonePolicyJson, richJson, policyJson, serviceJson, ipsetJson, icmptypeJson, helperJson, directJson, whitelistJson];

/** Everything known about one kind of file: its elements by `parent>name`, and all element names. */
export interface RootSchema {
  kind: RootKind;
  byContext: Map<string, ElementSpec>;
  /** Element names firewalld's parser accepts somewhere in this kind of file. */
  names: Set<string>;
  root: ElementSpec;
}

function buildSchemas(): Map<RootKind, RootSchema> {
  const out = new Map<RootKind, RootSchema>();
  for (const kind of ROOT_KINDS) {
    const byContext = new Map<string, ElementSpec>();
    const names = new Set<string>();
    for (const f of FILES) {
      if (!f.roots.includes(kind)) continue;
      for (const raw of f.elements) {
        const e = raw as ElementSpec;
        for (const ctx of e.contexts) byContext.set(`${ctx}>${e.name}`, e);
        names.add(e.name);
      }
    }
    const root = byContext.get(`>${kind}`);
    if (!root) throw new Error(`firewalld schema has no root element for ${kind}`);
    out.set(kind, { kind, byContext, names, root });
  }
  return out;
}

export const SCHEMAS = buildSchemas();

export const VALUES = valuesJson as {
  protocols: string[];
  rejectTypes: Record<'ipv4' | 'ipv6', string[]>;
  directTables: Record<string, string[]>;
  folders: Record<string, RootKind>;
  files: Record<string, RootKind>;
};

export const PROTOCOLS = new Set(VALUES.protocols);

/** Per kind: parent name → child name → spec, so a lookup builds no strings. */
const BY_PARENT = new Map<RootKind, Map<string, Map<string, ElementSpec>>>();
for (const [kind, schema] of SCHEMAS) {
  const byParent = new Map<string, Map<string, ElementSpec>>();
  for (const [key, spec] of schema.byContext) {
    const parent = key.slice(0, key.lastIndexOf('>'));
    let m = byParent.get(parent);
    if (!m) byParent.set(parent, (m = new Map()));
    m.set(spec.name, spec);
  }
  BY_PARENT.set(kind, byParent);
}

/** The spec of element `name` inside `parent` ('' for the root) in a file of this kind. */
export function elementSpec(kind: RootKind, parent: string, name: string): ElementSpec | undefined {
  return BY_PARENT.get(kind)?.get(parent)?.get(name);
}

/** Lookup tables computed once per spec; kept beside the spec rather than in a WeakMap because they are read for every element. */
interface SpecTables {
  childRules: Map<string, ChildSpec>;
  attributes: Map<string, AttributeSpec>;
}
const TABLES = new Map<ElementSpec, SpecTables>();
for (const schema of SCHEMAS.values()) {
  for (const spec of schema.byContext.values()) {
    if (TABLES.has(spec)) continue;
    TABLES.set(spec, {
      childRules: new Map((spec.children ?? []).map((c) => [c.name, c])),
      attributes: new Map((spec.attributes ?? []).map((a) => [a.name, a])),
    });
  }
}
const EMPTY: SpecTables = { childRules: new Map(), attributes: new Map() };

/** The child entries of an element spec by name. */
export function childRules(spec: ElementSpec): Map<string, ChildSpec> {
  return (TABLES.get(spec) ?? EMPTY).childRules;
}

/** The attribute specs of an element spec by name. */
export function attributeSpecs(spec: ElementSpec): Map<string, AttributeSpec> {
  return (TABLES.get(spec) ?? EMPTY).attributes;
}

/** Specs of the children allowed inside an element (`parentSpec` undefined: the document level). */
export function childSpecs(kind: RootKind, parentName: string, parentSpec: ElementSpec | undefined): { child: ChildSpec; spec: ElementSpec }[] {
  const schema = SCHEMAS.get(kind);
  if (!schema) return [];
  if (!parentSpec) return [{ child: { name: kind, max: 1 }, spec: schema.root }];
  const out: { child: ChildSpec; spec: ElementSpec }[] = [];
  for (const child of parentSpec.children ?? []) {
    const spec = schema.byContext.get(`${parentName}>${child.name}`);
    if (spec) out.push({ child, spec });
  }
  return out;
}

/**
 * What kind of firewalld file a path is: by its folder (`zones/`, `services/` …) or its file
 * name (`direct.xml`, `lockdown-whitelist.xml`). Undefined when the path says nothing.
 */
export function kindFromUri(uri: string): RootKind | undefined {
  const p = decodeURIComponent(uri).replace(/\\/g, '/');
  const parts = p.split('/');
  const base = parts[parts.length - 1];
  const folder = parts[parts.length - 2];
  if (VALUES.files[base]) return VALUES.files[base];
  if (folder && VALUES.folders[folder] && base.endsWith('.xml')) return VALUES.folders[folder];
  return undefined;
}

/** The entity name a file defines: its base name without `.xml`. */
export function entityNameFromUri(uri: string): string {
  const p = decodeURIComponent(uri).replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  return base.endsWith('.xml') ? base.slice(0, -4) : base;
}

/** The folder a kind of file lives in, for messages. */
export function folderOf(kind: RootKind): string {
  for (const [folder, k] of Object.entries(VALUES.folders)) if (k === kind) return `${folder}/`;
  for (const [file, k] of Object.entries(VALUES.files)) if (k === kind) return file;
  return kind;
}
