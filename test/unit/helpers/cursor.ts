import type { Position } from 'vscode-languageserver-types';
import type { LanguageContext, LanguageFacade, ParsedDocument } from '../../../server/src/languages/common/types';
import { diagnose } from '../../../server/src/languages/common/diagnose';

/** Splits a fixture with one `|` cursor marker into its text and the cursor's position. */
export function cursor(textWithMarker: string, marker = '|'): { text: string; pos: Position } {
  const at = textWithMarker.indexOf(marker);
  if (at === -1) throw new Error('fixture has no cursor marker');
  const text = textWithMarker.slice(0, at) + textWithMarker.slice(at + marker.length);
  const before = text.slice(0, at).split('\n');
  return { text, pos: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** A context with no other workspace files and no host access, in the given language. */
export function ctx(locale: 'en' | 'ja' = 'en', others: { uri: string; languageId: string; parsed: ParsedDocument<unknown> }[] = []): LanguageContext {
  return {
    locale,
    uri: 'file:///test/current',
    workspace: {
      *documents(languageId: string) {
        for (const o of others) if (o.languageId === languageId) yield { uri: o.uri, parsed: o.parsed };
      },
    },
  };
}

/** Diagnostics of a text as the user would see them: `line:col code` strings plus messages. */
export function check(facade: LanguageFacade<any>, text: string, c: LanguageContext = ctx()) {
  return diagnose(facade, facade.parse(text), c);
}

/** Completion labels at the `|` marker. */
export function labelsAt(facade: LanguageFacade<any>, textWithMarker: string, c: LanguageContext = ctx()): string[] {
  const { text, pos } = cursor(textWithMarker);
  return facade.complete(facade.parse(text), pos, c).map((i) => i.label);
}

/** Hover Markdown at the `|` marker, or '' when there is none. */
export function hoverAt(facade: LanguageFacade<any>, textWithMarker: string, c: LanguageContext = ctx()): string {
  const { text, pos } = cursor(textWithMarker);
  const h = facade.hover(facade.parse(text), pos, c);
  if (!h) return '';
  const v = h.contents as any;
  return typeof v === 'string' ? v : Array.isArray(v) ? v.map((x: any) => (typeof x === 'string' ? x : x.value)).join('\n') : v.value;
}
