import { Catalog, type CatalogEntry } from '../common/catalog';
import keys from '../../../data/journald/keys.json';
import sections from '../../../data/journald/sections.json';

/** A journald.conf key as the catalog describes it. */
export interface JdEntry extends CatalogEntry {
  /** Documentation of each enum value (Storage=). */
  valueDocs?: CatalogEntry[];
  /** Keys that set the same thing (RateLimitInterval= is the old name of RateLimitIntervalSec=). */
  setting?: string;
  /** Smallest value systemd keeps as written (LineMax=). */
  min?: number;
}

/** Keys of journald.conf(5); systemd compares key names case-sensitively. */
export const KEYS = new Catalog<JdEntry>(keys as JdEntry[], true);
export const SECTIONS = new Catalog<CatalogEntry>(sections as CatalogEntry[], true);
