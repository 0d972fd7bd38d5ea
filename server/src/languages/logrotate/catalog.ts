import { Catalog, type CatalogEntry } from '../common/catalog';
import type { Localized } from '../common/types';
import directives from '../../../data/logrotate/directives.json';

/** A logrotate directive as the catalog describes it. */
export interface LrEntry extends CatalogEntry {
  /** The underlying setting several directives change (`compress` and `nocompress` share one). */
  setting?: string;
  /** The value this directive gives its setting (true/false, or a name such as `weekly`). */
  value?: boolean | string;
  /** The directive that undoes this one (`nocompress` for `compress`). */
  negation?: string;
  /** Settings that make this one pointless when both are on in one scope. */
  conflicts?: { name: string; note: Localized }[];
}

/** Every directive of logrotate(8) 3.21; names are case-sensitive, as logrotate compares them. */
export const CATALOG = new Catalog<LrEntry>(directives as LrEntry[], true);

/** Names of directives (not keywords such as `endscript`) valid in a context. */
export function directivesFor(context: 'global' | 'block'): LrEntry[] {
  return CATALOG.entries.filter((e) => e.kind === 'directive' && !e.deprecated && (e.contexts ?? []).includes(context));
}
