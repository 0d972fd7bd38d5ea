// Coverage of "Explain this log line" on labelled lines: how many lines get a format and a
// program, how often the labelled offender (the address an admin would block) is among the
// fields, and how many Postfix queue IDs, hosts, addresses, statuses and codes are extracted.
// Labels: fail2ban's `# failJSON: {... "host": X}` comment labels the next line; the project's
// own fixtures use `# offender: X` the same way.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyLine } from '../../server/src/logs/explain/classify';

export interface Sample {
  group: string;
  line: string;
  offender?: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out.sort();
}

const SKIP = /(^|\/)(README\.md|COPYING|LICENSE|CITATION|.*\.csv)$/;

/** Reads every labelled log file under `root`; `group` is the file's path below `root` (without a `logs/` level). */
export function readSamples(root: string, prefix: string): Sample[] {
  const out: Sample[] = [];
  for (const file of walk(root)) {
    if (SKIP.test(file) || file.endsWith('.ts') || file.endsWith('.md')) continue;
    const group = prefix + path.relative(root, file).replace(/^logs\//, '');
    let offender: string | undefined;
    let labelled = false;
    for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.startsWith('# failJSON:')) {
        labelled = true;
        offender = undefined;
        try {
          const j = JSON.parse(line.slice(11));
          if (j.match === true && typeof j.host === 'string') offender = j.host;
        } catch {
          // A label we cannot read labels nothing.
        }
        continue;
      }
      if (line.startsWith('# offender:')) {
        labelled = true;
        offender = line.slice(11).trim();
        continue;
      }
      if (line.startsWith('#') || !line.trim()) continue;
      out.push({ group, line, offender: labelled ? offender : undefined });
      offender = undefined;
      labelled = false;
    }
  }
  return out;
}

/** Independently spotted Postfix tokens of a line: what a reader would want as fields. */
export function postfixTokens(line: string): string[] {
  const t: string[] = [];
  const q = /postfix[^:\s]*\[\d+\]: ([0-9A-F]{6,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,20}|NOQUEUE): /.exec(line);
  if (q) t.push(q[1]);
  // `name[address]`, not `program[pid]`: an address has a dot or a colon.
  for (const m of line.matchAll(/([A-Za-z0-9._-]*)\[([0-9A-Fa-f]*[.:][0-9A-Fa-f.:]*)\]/g)) t.push(...(m[1] && m[1] !== 'unknown' ? [m[1], m[2]] : [m[2]]));
  for (const m of line.matchAll(/\bstatus=([a-z]+)/g)) t.push(m[1]);
  for (const m of line.matchAll(/(?:^|[:;(] )([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})\b/g)) t.push(m[1], m[2]);
  for (const m of line.matchAll(/\bdsn=([245]\.\d{1,3}\.\d{1,3})/g)) t.push(m[1]);
  for (const m of line.matchAll(/\b(?:from|to)=<([^>\s]+)>/g)) t.push(m[1]);
  return [...new Set(t)];
}

export interface CoverageRow {
  group: string;
  lines: number;
  formatProgram: number;
  labelled: number;
  offenderFound: number;
  tokens: number;
  tokensFound: number;
}

function strip(v: string): string {
  return v.replace(/^[<\["']+|[>\]"']+$/g, '').toLowerCase();
}

/** Coverage per group (and a total row). */
export function coverage(samples: Sample[]): CoverageRow[] {
  const rows = new Map<string, CoverageRow>();
  const total: CoverageRow = { group: 'TOTAL', lines: 0, formatProgram: 0, labelled: 0, offenderFound: 0, tokens: 0, tokensFound: 0 };
  for (const s of samples) {
    let r = rows.get(s.group);
    if (!r) rows.set(s.group, (r = { group: s.group, lines: 0, formatProgram: 0, labelled: 0, offenderFound: 0, tokens: 0, tokensFound: 0 }));
    const c = classifyLine(s.line);
    const values = new Set(Object.values(c.fields).map(strip));
    const add = (k: keyof CoverageRow, n = 1) => {
      (r as any)[k] += n;
      (total as any)[k] += n;
    };
    add('lines');
    if (c.format && c.program) add('formatProgram');
    if (s.offender) {
      add('labelled');
      if (values.has(strip(s.offender))) add('offenderFound');
    }
    if (/postfix[^:\s]*\[\d+\]: /.test(s.line)) {
      const toks = postfixTokens(s.line);
      add('tokens', toks.length);
      add('tokensFound', toks.filter((x) => values.has(strip(x))).length);
    }
  }
  return [...rows.values(), total];
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');

/** The rows as table cells: group, lines, format+program, offender among fields, Postfix tokens. */
export function coverageCells(rows: CoverageRow[]): string[][] {
  return rows.map((r) => [
    r.group,
    String(r.lines),
    pct(r.formatProgram, r.lines),
    r.labelled ? `${pct(r.offenderFound, r.labelled)} of ${r.labelled}` : '-',
    r.tokens ? `${pct(r.tokensFound, r.tokens)} of ${r.tokens}` : '-',
  ]);
}
