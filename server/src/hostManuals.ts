import { execFile } from 'node:child_process';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';

/**
 * Docs from the host: the paragraph for a hovered item, read from the manual page installed on
 * this machine (`man` renders it; never the network), so that the hover also shows the text of the
 * version that is actually installed. Pages are rendered once and cached; a missing page, a slow or
 * failing `man` just means no paragraph.
 */

export interface ManPage {
  name: string;
  section: string;
}

/** One item of a page: its term line (`rotate count`) and its paragraph. */
export interface ManItem {
  names: string[];
  term: string;
  body: string;
}

export interface ParsedManPage {
  /** The version from the page's footer (`3.21.0`, `systemd 252`), when it names one. */
  version?: string;
  items: ManItem[];
}

/** Renders a page as plain text; undefined when it is not installed or cannot be rendered. */
export type ManRunner = (page: ManPage) => Promise<string | undefined>;

/** The pages a language's items are described in, looked through in order. */
export function pagesFor(languageId: string, uri: string): ManPage[] {
  switch (languageId) {
    case 'rsyslog':
      return [{ name: 'rsyslog.conf', section: '5' }];
    case 'logrotate':
      return [{ name: 'logrotate', section: '8' }];
    case 'journald':
      return [{ name: 'journald.conf', section: '5' }];
    case 'iptables':
      return [{ name: 'iptables-extensions', section: '8' }];
    case 'firewalld':
      return /\/zones\/[^/]*$/.test(uri) ? [{ name: 'firewalld.zone', section: '5' }, { name: 'firewalld.richlanguage', section: '5' }] : [];
  }
  return [];
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The names a term line introduces: `-f, --force` → both; `[!] --ctstate statelist` → `--ctstate`; `Storage=` → `Storage`. */
function namesOf(term: string): string[] {
  const words = term.replace(/^\[!\]\s*/, '').split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    const name = w.replace(/,$/, '').replace(/=.*$/, '');
    if (name) out.push(name);
    if (!w.endsWith(',')) break;
  }
  return out;
}

/**
 * The items of a page rendered as text: a line followed at once by more indented lines is a term
 * and those lines are its paragraph; a short term shares its line with the paragraph's first line
 * (`imudp  Input plugin for UDP syslog.`).
 */
export function parseManText(text: string): ParsedManPage {
  const lines = text.replace(/.\x08/g, '').split('\n').map((l) => l.replace(/\s+$/, ''));
  const items: ManItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const ind = indentOf(line);
    const next = lines[i + 1];
    if (next === undefined || !next.trim()) continue;
    const bodyInd = indentOf(next);
    if (bodyInd <= ind) continue;
    let term = line.trim();
    // Lines of the paragraph with their indent; a short term shares its line with the paragraph's
    // first line (`omrelp Output module …`), a longer one (`rotate count`) has a line of its own.
    const body: { ind: number; text: string }[] = [];
    if (term.length > 30 && line.length > bodyInd && line[bodyInd - 1] === ' ' && line[bodyInd] !== ' ' && line.slice(ind, bodyInd).trim()) {
      term = line.slice(ind, bodyInd).trim();
      body.push({ ind: bodyInd, text: line.slice(bodyInd) });
    }
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j];
      if (l.trim() && indentOf(l) <= ind) break;
      body.push({ ind: l.trim() ? indentOf(l) : -1, text: l.trim() });
    }
    items.push({ names: namesOf(term), term, body: ownParagraphs(body) });
  }
  const footer = lines.filter((l) => l.trim()).pop() ?? '';
  const parts = footer.trim().split(/\s{2,}/).slice(0, -1);
  return { version: parts.find((p) => /\d/.test(p)), items };
}

/**
 * The item's own paragraphs: those at the paragraph's first indent, up to the first nested item
 * (a section's options, a list of values), which are items of their own.
 */
function ownParagraphs(body: { ind: number; text: string }[]): string {
  const first = body.find((b) => b.ind >= 0)?.ind;
  const paragraphs: string[] = [];
  let cur: string[] = [];
  for (const b of body) {
    if (b.ind < 0) {
      if (cur.length) paragraphs.push(cur.join(' '));
      cur = [];
    } else if (b.ind !== first) {
      // A deeper line: the paragraph started here is a nested item's term; stop before it.
      cur = [];
      break;
    } else cur.push(b.text);
  }
  if (cur.length) paragraphs.push(cur.join(' '));
  return paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
}

/** The first item the page gives for `key` (exact name, or `key=` for journald's keys). */
export function findItem(page: ParsedManPage, key: string): ManItem | undefined {
  if (!key) return undefined;
  return page.items.find((it) => it.names.includes(key) && it.body.length > 0);
}

/** `man` with a fixed width and locale, stopped after `timeoutMs`. */
export function manRunner(timeoutMs = 3000): ManRunner {
  return (page) =>
    new Promise((resolve) => {
      const env = { ...process.env, MANWIDTH: '80', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', GROFF_NO_SGR: '1', MAN_KEEP_FORMATTING: '' };
      try {
        execFile('man', ['--no-hyphenation', '--no-justification', '-P', 'cat', page.section, page.name], { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => {
          resolve(err || !stdout.trim() ? undefined : stdout);
        });
      } catch {
        resolve(undefined);
      }
    });
}

const MAX_BODY = 1500;

/** Caches rendered pages and adds the installed page's paragraph under a hover's own docs. */
export class HostManuals {
  private readonly pages = new Map<string, Promise<ParsedManPage | undefined>>();
  constructor(
    private readonly run: ManRunner = manRunner(),
    /** How long a hover waits for a page that is still being rendered (it is cached for the next one). */
    private readonly waitMs = 1500,
  ) {}

  page(p: ManPage): Promise<ParsedManPage | undefined> {
    const key = `${p.name}(${p.section})`;
    let v = this.pages.get(key);
    if (!v) {
      v = this.run(p).then((t) => (t ? parseManText(t) : undefined), () => undefined);
      this.pages.set(key, v);
    }
    return v;
  }

  /** The paragraph for `key` from the first installed page that has it, as markdown; undefined otherwise. */
  async paragraph(languageId: string, uri: string, key: string, locale: 'en' | 'ja'): Promise<string | undefined> {
    for (const p of pagesFor(languageId, uri)) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), this.waitMs)));
      const page = await Promise.race([this.page(p), late]);
      clearTimeout(timer);
      const item = page && findItem(page, key);
      if (!item) continue;
      const body = item.body.length > MAX_BODY ? item.body.slice(0, MAX_BODY).replace(/\s+\S*$/, '') + ' …' : item.body;
      const ver = page.version ? `, ${page.version}` : '';
      const head = locale === 'ja'
        ? `*このホストにインストールされているマニュアル ${p.name}(${p.section})${ver} の原文:*`
        : `*From the manual page installed on this host, ${p.name}(${p.section})${ver}:*`;
      const quoted = body.split('\n').map((l) => `> ${escape(l)}`).join('\n');
      return `${head}\n\n**${escape(item.term)}**\n\n${quoted}`;
    }
    return undefined;
  }

  /**
   * The hover with the installed page's paragraph for the hovered item (the text of the hover's
   * one-line range) appended under the hover's own docs; the hover itself when there is none.
   */
  async addTo(hover: Hover | null, languageId: string, uri: string, lineText: (line: number) => string, locale: 'en' | 'ja'): Promise<Hover | null> {
    if (!hover?.range || hover.range.start.line !== hover.range.end.line) return hover;
    if (typeof hover.contents !== 'object' || !('kind' in hover.contents) || hover.contents.kind !== 'markdown') return hover;
    const hoveredText = lineText(hover.range.start.line).slice(hover.range.start.character, hover.range.end.character);
    const key = hoveredText.trim().replace(/^<\/?/, '').replace(/=$/, '');
    if (!key || key.length > 80) return hover;
    try {
      const extra = await this.paragraph(languageId, uri, key, locale);
      if (!extra) return hover;
      const contents: MarkupContent = { kind: 'markdown', value: `${hover.contents.value}\n\n---\n\n${extra}` };
      return { ...hover, contents };
    } catch {
      return hover;
    }
  }
}

/** Markdown characters of the page's text shown as they are (`*.*`, `_`, backticks). */
function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
