import type { SemanticTokensLegend } from 'vscode-languageserver-types';

/**
 * Token types for what the grammar cannot tell apart: a template name from a property name, a
 * user chain from a built-in target. Everything else is left to the TextMate grammars.
 */
export const TOKEN_TYPES = ['type', 'property', 'function', 'keyword'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: (typeof TOKEN_TYPES)[number];
  modifiers?: (typeof TOKEN_MODIFIERS)[number][];
}

/** The protocol's relative encoding: five integers per token, in document order. */
export function encodeTokens(tokens: SemanticToken[]): number[] {
  const sorted = tokens.filter((t) => t.length > 0).sort((a, b) => a.line - b.line || a.character - b.character);
  const data: number[] = [];
  let line = 0;
  let ch = 0;
  for (const t of sorted) {
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.character - ch : t.character, t.length, TOKEN_TYPES.indexOf(t.type), (t.modifiers ?? []).reduce((m, x) => m | (1 << TOKEN_MODIFIERS.indexOf(x)), 0));
    line = t.line;
    ch = t.character;
  }
  return data;
}
