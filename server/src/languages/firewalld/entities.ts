import type { CatalogEntry } from '../common/catalog';
import type { LanguageContext, ParsedDocument } from '../common/types';
import { workspaceMemo } from '../common/workspaceMemo';
import shippedJson from '../../../data/firewalld/shipped.json';
import { entityNameFromUri, kindFromUri, type RootKind } from './schema';
import { attrValue, type XmlElement } from './xml';

/** What a zone, policy or rule may refer to by name. */
export type EntityKind = 'service' | 'icmptype' | 'helper' | 'ipset' | 'zone' | 'policy';

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
  // Only the names of the shipped policies are kept (zones and policies share one name space).
  policy: new Map(SHIPPED.policies.map((name) => [name, { name } as unknown as CatalogEntry])),
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
  private readonly local: LocalView;
  /**
   * `base` is the workspace's definitions by `kind:name` (shared between files, never written);
   * `self`, the file being worked on as parsed now, takes the place of its saved copy.
   */
  constructor(base: Map<string, WorkspaceEntity>, self?: WorkspaceEntity) {
    this.local = self ? new LocalView(base, self) : new LocalView(base);
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
  // Built once per workspace generation and shared by every file's checks (linear, not quadratic).
  const base = workspaceMemo(ctx.workspace, 'firewalld/entities', () => {
    const m = new Map<string, WorkspaceEntity>();
    for (const d of ctx.workspace.documents('firewalld')) {
      const kind = kindFromUri(d.uri);
      if (!kind || kind === 'direct' || kind === 'whitelist') continue;
      const tree = (d.parsed as ParsedDocument<TreeLike>).tree;
      const e = { kind, name: entityNameFromUri(d.uri), uri: d.uri, root: tree?.root };
      m.set(`${e.kind}:${e.name}`, e);
    }
    return m;
  });
  if (self) {
    const kind = kindFromUri(self.uri);
    if (kind && kind !== 'direct' && kind !== 'whitelist') return new EntityIndex(base, { kind, name: entityNameFromUri(self.uri), uri: self.uri, root: self.root });
  }
  return new EntityIndex(base);
}

/** The workspace's definitions with one entry replaced or added, without copying the map. */
class LocalView {
  private readonly selfKey: string | undefined;
  constructor(
    private readonly base: Map<string, WorkspaceEntity>,
    private readonly self?: WorkspaceEntity,
  ) {
    this.selfKey = self ? `${self.kind}:${self.name}` : undefined;
  }
  get(key: string): WorkspaceEntity | undefined {
    return key === this.selfKey ? this.self : this.base.get(key);
  }
  has(key: string): boolean {
    return key === this.selfKey || this.base.has(key);
  }
  /** In the order of the workspace, the replaced entry where its saved copy was, an added one last. */
  *values(): Iterable<WorkspaceEntity> {
    for (const [k, e] of this.base) yield k === this.selfKey ? this.self! : e;
    if (this.selfKey !== undefined && !this.base.has(this.selfKey)) yield this.self!;
  }
}
