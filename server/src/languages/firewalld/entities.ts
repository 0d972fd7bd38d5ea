import type { CatalogEntry } from '../common/catalog';
import type { LanguageContext, ParsedDocument } from '../common/types';
import shippedJson from '../../../data/firewalld/shipped.json';
import { entityNameFromUri, kindFromUri, type RootKind } from './schema';
import { attrValue, type XmlElement } from './xml';

/** What a zone, policy or rule may refer to by name. */
export type EntityKind = 'service' | 'icmptype' | 'helper' | 'ipset' | 'zone';

export interface ShippedService extends CatalogEntry {
  title: string;
  ports: string[];
  protocols?: string[];
  sourcePorts?: string[];
  includes?: string[];
  helpers?: string[];
}
export interface ShippedIcmpType extends CatalogEntry {
  title: string;
  families: string[];
}
export interface ShippedHelper extends CatalogEntry {
  module: string;
  ports: string[];
}
export interface ShippedZone extends CatalogEntry {
  target: string;
  services: string[];
}

export const SHIPPED = shippedJson as unknown as {
  firewalldVersion: string;
  services: ShippedService[];
  icmptypes: ShippedIcmpType[];
  helpers: ShippedHelper[];
  zones: ShippedZone[];
  policies: string[];
};

const SHIPPED_BY_KIND: Record<EntityKind, Map<string, CatalogEntry>> = {
  service: new Map(SHIPPED.services.map((e) => [e.name, e])),
  icmptype: new Map(SHIPPED.icmptypes.map((e) => [e.name, e])),
  helper: new Map(SHIPPED.helpers.map((e) => [e.name, e])),
  zone: new Map(SHIPPED.zones.map((e) => [e.name, e])),
  ipset: new Map(),
};

/** A definition found in the workspace. */
export interface WorkspaceEntity {
  kind: RootKind;
  name: string;
  uri: string;
  root: XmlElement | undefined;
}

/** Names firewalld would know: the shipped ones plus those defined in the workspace. */
export class EntityIndex {
  private readonly local = new Map<string, WorkspaceEntity>();
  constructor(entities: Iterable<WorkspaceEntity>) {
    for (const e of entities) this.local.set(`${e.kind}:${e.name}`, e);
  }
  has(kind: EntityKind, name: string): boolean {
    return SHIPPED_BY_KIND[kind].has(name) || this.local.has(`${kind}:${name}`);
  }
  shipped(kind: EntityKind, name: string): CatalogEntry | undefined {
    return SHIPPED_BY_KIND[kind].get(name);
  }
  workspace(kind: EntityKind, name: string): WorkspaceEntity | undefined {
    return this.local.get(`${kind}:${name}`);
  }
  /** Workspace definitions of one kind. */
  *definitions(kind: RootKind): Iterable<WorkspaceEntity> {
    for (const e of this.local.values()) if (e.kind === kind) yield e;
  }
  names(kind: EntityKind): string[] {
    const out = new Set(SHIPPED_BY_KIND[kind].keys());
    for (const e of this.local.values()) if (e.kind === kind) out.add(e.name);
    return [...out];
  }
  /** Ports and protocols a service opens (workspace definition wins over the shipped one). */
  servicePorts(name: string): string[] | undefined {
    const w = this.local.get(`service:${name}`);
    if (w?.root) {
      const out: string[] = [];
      for (const c of w.root.children) {
        if (c.name === 'port') {
          const p = attrValue(c, 'port');
          out.push(p ? `${p}/${attrValue(c, 'protocol') ?? '?'}` : `${attrValue(c, 'protocol') ?? '?'}`);
        } else if (c.name === 'protocol') out.push(`proto ${attrValue(c, 'value') ?? '?'}`);
      }
      return out;
    }
    const s = SHIPPED_BY_KIND.service.get(name) as ShippedService | undefined;
    if (!s) return undefined;
    return [...s.ports, ...(s.protocols ?? []).map((p) => `proto ${p}`)];
  }
  /** IP families an ICMP type exists for, when known. */
  icmpFamilies(name: string): string[] | undefined {
    const w = this.local.get(`icmptype:${name}`);
    if (w?.root) {
      const fams: string[] = [];
      for (const c of w.root.children) {
        if (c.name !== 'destination') continue;
        if (/^(yes|true)$/i.test(attrValue(c, 'ipv4') ?? '')) fams.push('ipv4');
        if (/^(yes|true)$/i.test(attrValue(c, 'ipv6') ?? '')) fams.push('ipv6');
      }
      return fams.length ? fams : undefined;
    }
    return (SHIPPED_BY_KIND.icmptype.get(name) as ShippedIcmpType | undefined)?.families;
  }
}

interface TreeLike {
  root?: XmlElement;
}

/** The definitions of the other firewalld documents of the workspace, by the folder they sit in. */
export function entityIndex(ctx: LanguageContext, self?: { uri: string; root: XmlElement | undefined }): EntityIndex {
  const out: WorkspaceEntity[] = [];
  for (const d of ctx.workspace.documents('firewalld')) {
    const kind = kindFromUri(d.uri);
    if (!kind || kind === 'direct' || kind === 'whitelist') continue;
    const tree = (d.parsed as ParsedDocument<TreeLike>).tree;
    out.push({ kind, name: entityNameFromUri(d.uri), uri: d.uri, root: tree?.root });
  }
  if (self) {
    const kind = kindFromUri(self.uri);
    if (kind && kind !== 'direct' && kind !== 'whitelist') out.push({ kind, name: entityNameFromUri(self.uri), uri: self.uri, root: self.root });
  }
  return new EntityIndex(out);
}
