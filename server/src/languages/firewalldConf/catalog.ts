import { Catalog, type CatalogEntry } from '../common/catalog';
import confJson from '../../../data/firewalld/conf.json';

export const KEYS = new Catalog<CatalogEntry>((confJson as { keys: CatalogEntry[] }).keys, true);
export const VALUE_DOCS = new Catalog<CatalogEntry>((confJson as { values: CatalogEntry[] }).values, false);
