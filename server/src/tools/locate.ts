/** Finding the line a tool meant when its message names a thing but no line. */

export interface TextFile {
  file: string;
  text: string;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_-]/.test(c);
}

/** 0-based lines of `text` that contain `token` as a whole word, outside `#` comment lines. */
export function linesWithToken(text: string, token: string, opts: { comment?: string } = {}): number[] {
  const out: number[] = [];
  if (!token) return out;
  const lines = text.split('\n');
  const comment = opts.comment ?? '#';
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (comment && line.trimStart().startsWith(comment)) continue;
    let from = 0;
    for (;;) {
      const i = line.indexOf(token, from);
      if (i === -1) break;
      const before = line[i - 1];
      const after = line[i + token.length];
      const tokenStartsWord = isWordChar(token[0]);
      const tokenEndsWord = isWordChar(token[token.length - 1]);
      if ((!tokenStartsWord || !isWordChar(before)) && (!tokenEndsWord || !isWordChar(after))) {
        out.push(n);
        break;
      }
      from = i + 1;
    }
  }
  return out;
}

/**
 * The first place, among `files` in order (the edited file first), where one of `tokens` occurs;
 * tokens are tried in order, the most specific first.
 */
export function locateToken(files: TextFile[], tokens: string[], opts: { comment?: string } = {}): { file: string; line: number } | undefined {
  for (const token of tokens) {
    for (const f of files) {
      const hits = linesWithToken(f.text, token, opts);
      if (hits.length) return { file: f.file, line: hits[0] };
    }
  }
  return undefined;
}

/** The texts in single or double quotes (or backquote-quote pairs) in a message. */
export function quotedTokens(message: string): string[] {
  const out: string[] = [];
  const re = /"([^"\n]{1,200})"|'([^'\n]{1,200})'|`([^'`\n]{1,200})'/g;
  for (let m = re.exec(message); m; m = re.exec(message)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** Removes rsyslog's trailing `[v8.2302.0 try https://… ]` and similar decorations. */
export function stripVersionTag(message: string): string {
  return message.replace(/\s*\[v\d[^\]]*\]\s*$/, '').trim();
}

/** Replaces temporary copies' paths in a message with the user's paths. */
export function untemp(message: string, back: ReadonlyMap<string, string>): string {
  let out = message;
  const longestFirst = [...back].sort((a, b) => b[0].length - a[0].length);
  for (const [copy, orig] of longestFirst) if (out.includes(copy)) out = out.split(copy).join(orig);
  return out;
}
