import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeText } from './exec';
import type { TextFile } from './locate';
import { blankInclude, expandInclude, findIncludes, isConfigFile, neutraliseModules } from './rsyslogSafety';
import type { ToolFinding } from './types';

/** How deep includes are followed, and how many files at most are copied. */
const MAX_DEPTH = 8;
const MAX_FILES = 300;

export interface RsyslogCopy {
  /** Temporary path → the user's path. */
  back: Map<string, string>;
  /** The user's files as they are (the edited one with the editor's text). */
  texts: TextFile[];
  /** Statements the check did not let the tool see (modules, files outside the configuration). */
  notChecked: ToolFinding[];
}

/**
 * Writes the temporary copy of an rsyslog configuration: `main` as `tmpMain`, the drop-ins
 * `dropins` (name → path) into `tmpD`. Every file the tool will read goes through here: modules
 * from outside `moduleDir` are blanked out, includes of the drop-in folders point at `tmpD`,
 * and other included `.conf` files are copied too (to TMP/inc/N/) so the tool never reads a
 * file the check has not made safe. Included files that are not `.conf` files are not read at
 * all: the include is blanked out and reported at its line, naming the file but nothing of it.
 */
export function writeRsyslogCopy(opts: {
  main: string;
  tmpMain: string;
  tmpD: string;
  dropDirs: string[];
  dropins: [string, string][];
  moduleDir: string | undefined;
  read: (p: string) => string | undefined;
}): RsyslogCopy {
  const tmp = path.dirname(opts.tmpMain);
  const back = new Map<string, string>();
  const texts: TextFile[] = [];
  const notChecked: ToolFinding[] = [];
  const copied = new Map<string, string>();
  let incCount = 0;
  const listDir = (d: string) => {
    try {
      return fs.readdirSync(d);
    } catch {
      return undefined;
    }
  };
  const note = (file: string, line: number, message: string) => notChecked.push({ file, line, message, severity: 'warning' });

  const put = (orig: string, copy: string, original: string, depth: number) => {
    copied.set(orig, copy);
    back.set(copy, orig);
    texts.push({ file: orig, text: original });
    const safe = neutraliseModules(original, opts.moduleDir);
    for (const b of safe.blanked) note(orig, b.line, b.message);
    let text = safe.text;
    // From the last include to the first, so that earlier offsets stay valid.
    for (const inc of findIncludes(text).reverse()) {
      if (inc.target === undefined) {
        text = blankInclude(text, inc);
        note(orig, inc.line, 'not checked: an include() without a plain quoted file name (include(text=…), a backtick expression) is not passed to the tool; it was ignored');
        continue;
      }
      // A relative path is taken from the main file's folder (the tool runs in the copy of it).
      const wanted = path.resolve(path.dirname(opts.main), inc.target) + (inc.target.endsWith('/') ? '/' : '');
      const dropDir = opts.dropDirs.find((d) => wanted.startsWith(d.replace(/\/+$/, '') + '/'));
      let target: string | undefined;
      if (dropDir) {
        target = opts.tmpD + wanted.slice(dropDir.replace(/\/+$/, '').length);
      } else {
        const dir = path.join(tmp, 'inc', String(++incCount));
        const matches = expandInclude(wanted, listDir);
        for (const m of matches) {
          if (!isConfigFile(m)) {
            if (fs.existsSync(m)) note(orig, inc.line, `not checked: ${m} is not a configuration file (only files named *.conf are passed to the tool), so its content was not read`);
            continue;
          }
          const known = copied.get(m);
          const dest = path.join(dir, path.basename(m));
          if (known) {
            // Already copied (or being copied: an include loop, which rsyslogd then reports).
            if (!fs.existsSync(known)) continue;
            fs.mkdirSync(dir, { recursive: true });
            fs.copyFileSync(known, dest);
            back.set(dest, m);
            continue;
          }
          const t = depth < MAX_DEPTH && copied.size < MAX_FILES ? opts.read(m) : undefined;
          if (t !== undefined) put(m, dest, t, depth + 1);
        }
        const isDir = wanted.endsWith('/') || listDir(wanted) !== undefined;
        if (!isDir && !/[*?[]/.test(path.basename(wanted)) && !isConfigFile(wanted) && fs.existsSync(wanted)) {
          text = blankInclude(text, inc);
          continue;
        }
        // A pattern keeps its last part; a folder becomes the folder of copies.
        target = isDir ? dir + '/' : path.join(dir, path.basename(wanted));
        back.set(dir, isDir ? wanted.replace(/\/+$/, '') : path.dirname(wanted));
      }
      text = text.slice(0, inc.at[0]) + target + text.slice(inc.at[1]);
    }
    writeText(copy, text);
  };

  put(opts.main, opts.tmpMain, opts.read(opts.main) ?? '', 0);
  for (const [name, orig] of opts.dropins) {
    if (!isConfigFile(orig)) {
      note(orig, 0, `not checked: ${orig} is a link to a file that is not a configuration file, so its content was not read`);
      continue;
    }
    const text = opts.read(orig);
    if (text !== undefined && !copied.has(orig)) put(orig, path.join(opts.tmpD, name), text, 1);
  }
  return { back, texts, notChecked };
}
