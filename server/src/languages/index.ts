import type { LanguageFacade } from './common/types';

/**
 * Every language the server knows, by id. The server and the CLI look languages up here and
 * never switch on a language id anywhere else. Add a language by adding its facade.
 */
const FACADES: LanguageFacade<any>[] = [];

export const LANGUAGES: ReadonlyMap<string, LanguageFacade<any>> = new Map(FACADES.map((f) => [f.id, f]));

export function facadeFor(languageId: string): LanguageFacade<any> | undefined {
  return LANGUAGES.get(languageId);
}
