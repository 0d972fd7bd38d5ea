import { KEYWORD_CATEGORIES } from '../keywords';
import { FAMILY_BY_NAME, FORMAT_BY_NAME, familiesFor, type CompiledFamily } from './data';
import { EXTRACTORS } from './extractors';
import { parseLine } from './format';
import { genericFields, splitAddressPort } from './generic';
import { SEVERITY_ORDER, type Classified, type Extracted, type LineSeverity } from './types';

const escapeRe = (k: string) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Keywords of the manuals' table: those of error-severity categories and the others, longest first. */
const KW = KEYWORD_CATEGORIES.flatMap((c) => c.keywords.map((k) => ({ k: k.toLowerCase(), cat: c.name, error: c.severity === 'error' }))).sort(
  (a, b) => b.k.length - a.k.length,
);
const KW_CAT = new Map(KW.map((w) => [w.k, w.cat]));
const KW_ERROR = KW.filter((w) => w.error);
const ERROR_RE = KW_ERROR.length ? new RegExp(KW_ERROR.map((w) => escapeRe(w.k)).join('|'), 'i') : undefined;
const OTHER_RE = new RegExp(KW.filter((w) => !w.error).map((w) => escapeRe(w.k)).join('|'), 'i');

/**
 * The line's category by the keyword table, with the same choice as keywords.ts
 * `lineCategory(keywordMatcher()(line))`: an error-severity category wins, else the earliest
 * keyword. Two literal-alternation scans without collecting every hit keep classification cheap.
 */
export function keywordCategory(message: string): string | undefined {
  if (ERROR_RE) {
    const e = ERROR_RE.exec(message);
    if (e) return KW_CAT.get(e[0].toLowerCase());
  }
  const m = OTHER_RE.exec(message);
  return m ? KW_CAT.get(m[0].toLowerCase()) : undefined;
}

const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'security', 'console', 'solaris-cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];
const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

const LEVEL_SEVERITY: Record<string, LineSeverity> = {
  emerg: 'critical', panic: 'critical', alert: 'critical', crit: 'critical',
  err: 'error', error: 'error', fatal: 'error', warn: 'warning', warning: 'warning', notice: 'notice', info: 'info', debug: 'info',
};

function maxSeverity(a: LineSeverity, b: LineSeverity | undefined): LineSeverity {
  return b && SEVERITY_ORDER.indexOf(b) > SEVERITY_ORDER.indexOf(a) ? b : a;
}

/** The families a parsed line is matched against: the format's own, else by program and message. */
function familiesOf(format: string | undefined, program: string | undefined, message: string): CompiledFamily[] {
  const fam = format ? FORMAT_BY_NAME.get(format)?.family : undefined;
  if (fam) {
    const f = FAMILY_BY_NAME.get(fam);
    return f ? [f] : [];
  }
  return familiesFor(program, message);
}

/**
 * A classified line. Its `fields` are completed on first read: the shared vocabulary (`ip`,
 * `client_host` …) and, for a line no pattern names an address for, the generic fallback's
 * scan of the message. Counting lines by family, category or severity never pays for that scan.
 */
class ClassifiedLine implements Classified {
  family: string | undefined = undefined;
  pattern: string | undefined = undefined;
  variant: string | undefined = undefined;
  category: string | undefined = undefined;
  severity: LineSeverity = 'info';
  notes: Classified['notes'] = [];
  summary: Classified['summary'] = undefined;
  private raw: Record<string, string>;
  private matched = false;
  private complete = false;
  constructor(
    public line: string,
    public format: string | undefined,
    public timestamp: string | undefined,
    public host: string | undefined,
    public program: string | undefined,
    public pid: string | undefined,
    public message: string,
    public formatFields: Record<string, string>,
    fields: Record<string, string>,
  ) {
    this.raw = fields;
  }
  get fields(): Record<string, string> {
    if (!this.complete) {
      this.complete = true;
      withVocabulary(this.raw, this.message, this.matched);
    }
    return this.raw;
  }
  set fields(f: Record<string, string>) {
    this.raw = f;
    this.complete = true;
  }
  setMatched(): void {
    this.matched = true;
  }
  /** JSON and structured clones see `fields` like any other property. */
  toJSON(): Classified {
    const { line, format, timestamp, host, program, pid, message, formatFields, family, pattern, variant, category, severity, notes, summary } = this;
    return { line, format, timestamp, host, program, pid, message, formatFields, fields: this.fields, family, pattern, variant, category, severity, notes, ...(summary ? { summary } : {}) };
  }
}

/** What is known about a line besides its text. */
export interface ClassifyOptions {
  /** A format to try first: the dominant format of the file the line comes from. */
  format?: string;
  /** The journal entry's PRIORITY (0 emerg … 7 debug), when the line comes from the journal. */
  priority?: number;
}

/**
 * Parses and classifies one line: format, family pattern, fields, keyword category and
 * severity. Cheap enough to run on every line of a large file (no Markdown, no locale).
 */
export function classifyLine(raw: string, opts: ClassifyOptions = {}): Classified {
  const p = parseLine(raw, opts.format);
  const fields: Record<string, string> = {};
  for (const k in p.formatFields) fields[k] = p.formatFields[k];
  let levelSeverity: LineSeverity | undefined;
  const jp = opts.priority;
  if (jp !== undefined && Number.isInteger(jp) && jp >= 0 && jp <= 7) {
    // The journal's PRIORITY field: the level the program logged at, which the line's text does not show.
    fields.level = PRIORITIES[jp];
  } else if (p.formatFields.pri !== undefined) {
    const pri = Number(p.formatFields.pri);
    if (pri >= 0 && pri < 192) {
      fields.facility = FACILITIES[pri >> 3] ?? String(pri >> 3);
      fields.level = PRIORITIES[pri & 7];
    }
  }
  if (fields.level) levelSeverity = LEVEL_SEVERITY[fields.level.toLowerCase()];

  const message = p.message;
  const out = new ClassifiedLine(p.line, p.format, p.timestamp, p.host, p.program, p.pid, message, p.formatFields, fields);
  const fams = familiesOf(p.format, p.program, message);
  if (fams.length === 0) return unmatched(out, levelSeverity);
  const first = message.charCodeAt(0);
  const bucket = first < 128 ? first : 128;
  for (const fam of fams) {
    for (const pat of fam.byFirst[bucket]) {
      if (pat.prefix !== '' && !message.startsWith(pat.prefix)) continue;
      if (pat.hint !== '' && !message.includes(pat.hint)) continue;
      const m = pat.fast.exec(message);
      if (!m) continue;
      // The named groups that took part go straight into the fields (`rest` only to an extractor).
      const groups: Record<string, string> | undefined = pat.extract !== '' ? {} : undefined;
      const names = pat.names;
      for (let i = 1; i < m.length; i++) {
        const n = names[i];
        const g = m[i];
        if (n === undefined || g === undefined) continue;
        if (groups) groups[n] = g;
        if (n !== 'rest') fields[n] = g;
      }
      let variant: string | undefined;
      let ex: Extracted | undefined;
      if (groups) {
        ex = EXTRACTORS[pat.extract]?.(groups, message, p.formatFields);
        if (ex) {
          for (const k in ex.fields) fields[k] = ex.fields[k];
          variant = ex.variant;
          if (ex.notes) out.notes.push(...ex.notes);
          if (ex.summary) out.summary = ex.summary;
        }
      }
      const v = variant ? pat.data.variants?.[variant] : undefined;
      out.family = fam.data.name;
      out.pattern = pat.data.name;
      out.variant = v ? variant : undefined;
      out.category = ex?.category ?? v?.category ?? pat.data.category ?? keywordCategory(message);
      // A level the message itself states (`[WARNING]`, `<warn>`, `error:`) counts like the syslog priority.
      const said = fields.level !== undefined && fields.level !== p.formatFields.level ? LEVEL_SEVERITY[fields.level.toLowerCase()] : undefined;
      out.severity = maxSeverity(maxSeverity(maxSeverity(v?.severity ?? pat.data.severity, levelSeverity), said), ex?.severity);
      out.setMatched();
      return out;
    }
  }
  // No pattern: the family (if any) and the manuals' keyword table still say something.
  out.family = fams[0].data.name;
  return unmatched(out, levelSeverity);
}

const CATEGORY_BY_NAME = new Map(KEYWORD_CATEGORIES.map((c) => [c.name, c]));

function unmatched(out: ClassifiedLine, levelSeverity: LineSeverity | undefined): Classified {
  out.category = keywordCategory(out.message);
  const cat = out.category !== undefined ? CATEGORY_BY_NAME.get(out.category) : undefined;
  out.severity = maxSeverity(cat ? (cat.severity === 'error' ? 'error' : 'warning') : 'info', levelSeverity);
  return out;
}

/** Fields a pattern uses for an address other than the remote party's (a relay, a packet's source, a lease). */
const ADDRESS_FIELDS = ['client_host', 'SRC', 'relay_ip', 'relay_host', 'source', 'lease_ip', 'remote_host', 'lookup_ip', 'target'];
function namesAddress(f: Record<string, string>): boolean {
  for (const k of ADDRESS_FIELDS) if (f[k] !== undefined) return true;
  return false;
}

const MAY_NAME_ADDRESS = /\d\.\d{1,3}\.\d|[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:|\bfrom [\w.-]+\.[A-Za-z]|\b(?:rhost|rip|addr|client|src|remote|hostname)=[\w.:-]/;

/**
 * The shared field vocabulary: whatever a format or pattern called the remote party
 * (`client`, `rhost`, `SRC` …), it is also `ip` (an address) or `client_host` (a name), so
 * trace, charts and the CLI read one name. A line that names nobody gets the generic fields.
 */
function withVocabulary(f: Record<string, string>, message: string, matched: boolean): void {
  if (f.client_host === '') delete f.client_host; // postscreen's `[192.0.2.1]:port` names no host
  // A logged packet: the remote party is the source of incoming and the destination of outgoing traffic.
  if (f.ip === undefined && f.SRC !== undefined) f.ip = f.OUT && !f.IN && f.DST ? f.DST : f.SRC;
  if (f.ip === undefined) {
    const c = f.client ?? f.rhost;
    const a = c ? splitAddressPort(c) : undefined;
    if (a) {
      f.ip = a.ip;
      if (a.port && f.port === undefined) f.port = a.port;
    } else if (c && c.includes('.') && f.client_host === undefined && !c.includes(' ')) f.client_host = c;
  }
  // A matched line that named nobody: look for an address only where one can be (cheap test first).
  if (!matched || (f.ip === undefined && !namesAddress(f) && MAY_NAME_ADDRESS.test(message))) {
    const g = genericFields(message, f);
    for (const k in g) f[k] = g[k];
  }
  // An IPv4 address written the IPv6 way (`::ffff:192.0.2.1`) is the IPv4 address for trace and blocking.
  if (f.ip !== undefined && f.ip.startsWith('::ffff:') && f.ip.includes('.')) f.ip = f.ip.slice(7);
}
