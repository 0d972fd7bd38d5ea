import * as fs from 'node:fs';

/**
 * The lines of a labelled explain fixture with the address its `# offender: X` comment names for
 * the next line (undefined: an ordinary line). Other `#` lines and blank lines are skipped.
 */
export function labelledLines(file: string): { line: string; offender?: string }[] {
  const out: { line: string; offender?: string }[] = [];
  let offender: string | undefined;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# offender:')) offender = line.slice(11).trim();
    else if (line.startsWith('#') || !line.trim()) continue;
    else {
      out.push({ line, offender });
      offender = undefined;
    }
  }
  return out;
}
