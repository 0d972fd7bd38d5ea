import * as scanner from './scanner';
import * as tree from './tree';
import { type ActionForm, type LegacyAction, type Word } from './tree';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { SourceWord } = tree;
const { equalsLower } = scanner;

/**
 * Splits a legacy action written between `start` and `end` into its form, target, template
 * suffix and (for forwarding) options, host and port.
 */
export function parseLegacyAction(s: string, start: number, end: number, knownSemi?: number): LegacyAction {
  // The template suffix: the first `;` outside brackets (a file name never holds one in practice).
  // The parser finds it while it looks for the action's end and passes it as `knownSemi`.
  let semi = knownSemi ?? -1;
  let depth = 0;
  for (let j = knownSemi === undefined ? start : end; j < end; j++) {
    const d = s.charCodeAt(j);
    if (d === 40 || d === 91) depth++;
    else if (d === 41 || d === 93) depth--;
    else if (d === 59 && depth <= 0) {
      semi = j;
      break;
    }
  }
  return new Action(s, start, end, semi >= 0 ? semi : end);
}

/**
 * A legacy action. It keeps offsets only: the form and where the target is are found when it
 * is made (a few character tests), the words (target, template, host, port, options, module)
 * are made when read. Large files hold thousands of actions and validation reads few words.
 */
export class Action implements LegacyAction {
  readonly type = 'legacy-action' as const;
  readonly form: ActionForm;
  /** Where the target starts and ends. */
  readonly ts: number;
  readonly te: number;
  /** Where the host of a forwarding action ends (see hostEnd()); -1 for other forms. */
  private readonly he: number = -1;
  constructor(
    private readonly src: string,
    readonly start: number,
    readonly end: number,
    /** Where the part before the template suffix ends: the `;`, or `end`. */
    readonly bodyEnd: number,
  ) {
    const s = src;
    const c = s.charCodeAt(start);
    let form: ActionForm = 'unknown';
    let ts = start;
    let te = bodyEnd;
    switch (c) {
      case 126: // ~
        form = 'discard';
        te = start + 1;
        break;
      case 47: // /
      case 46: // . (a relative name such as ./x.log, which rsyslog takes as a file)
        form = 'file';
        break;
      case 63: // ?
        form = 'dynafile';
        ts = start + 1;
        break;
      case 124: // |
        form = 'pipe';
        ts = start + 1;
        break;
      case 94: // ^
        form = 'program';
        ts = start + 1;
        break;
      case 36: // $
        form = 'output-channel';
        ts = start + 1;
        break;
      case 45: // -
        if (s.charCodeAt(start + 1) === 63) {
          form = 'dynafile';
          ts = start + 2;
        } else {
          form = 'file-nosync';
          ts = start + 1;
        }
        break;
      case 42: // *
        form = bodyEnd === start + 1 ? 'all-users' : 'unknown';
        break;
      case 64: // @
        form = s.charCodeAt(start + 1) === 64 ? 'tcp-forward' : 'udp-forward';
        ts = this.optionsEnd(form === 'tcp-forward' ? start + 2 : start + 1);
        break;
      case 58: {
        // :
        const close = s.indexOf(':', start + 1);
        if (close < 0 || close >= bodyEnd) break;
        form = equalsLower(s, start + 1, close, 'omusrmsg') ? 'omusrmsg' : 'module';
        ts = close + 1;
        break;
      }
      default:
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) form = 'users';
    }
    this.form = form;
    this.ts = ts;
    this.te = te;
    if (c === 64) this.he = this.hostEnd();
  }

  /** True when the target starts with the character `code` (and so is not empty). */
  targetStartsWith(code: number): boolean {
    return this.ts < this.te && this.src.charCodeAt(this.ts) === code;
  }

  get target(): Word {
    return new SourceWord(this.src, this.ts, this.te);
  }

  get template(): Word | null {
    return this.bodyEnd < this.end ? new SourceWord(this.src, this.bodyEnd + 1, this.end) : null;
  }

  /** `omrelp` in `:omrelp:host:port`. */
  get module(): Word | undefined {
    return this.form === 'module' || this.form === 'omusrmsg' ? new SourceWord(this.src, this.start + 1, this.ts - 1) : undefined;
  }

  /** `(o,z9)` in `@@(o,z9)host`, without the parentheses. */
  get options(): Word | undefined {
    if (!this.forward()) return undefined;
    const j = this.start + (this.form === 'tcp-forward' ? 2 : 1);
    if (this.src.charCodeAt(j) !== 40) return undefined;
    return new SourceWord(this.src, j + 1, indexBefore(this.src, 41, j, this.bodyEnd));
  }

  get host(): Word | undefined {
    if (!this.forward()) return undefined;
    const h = this.he;
    return new SourceWord(this.src, this.src.charCodeAt(this.ts) === 91 ? this.ts + 1 : this.ts, h);
  }

  get port(): Word | undefined {
    if (!this.forward()) return undefined;
    const s = this.src;
    let j = this.he;
    if (s.charCodeAt(this.ts) === 91) j = j < this.bodyEnd ? j + 1 : j;
    return s.charCodeAt(j) === 58 ? new SourceWord(s, j + 1, this.bodyEnd) : undefined;
  }

  /**
   * True for a forwarding action with a host and either no port or a port of 1 to 65535 in
   * digits: one that validation has nothing to say about (read from the text, no words made).
   */
  plainForward(): boolean {
    if (!this.forward()) return false;
    const s = this.src;
    const bracket = s.charCodeAt(this.ts) === 91;
    if (this.he <= (bracket ? this.ts + 1 : this.ts)) return false;
    let j = this.he;
    if (bracket) j = j < this.bodyEnd ? j + 1 : j;
    if (s.charCodeAt(j) !== 58) return true;
    const e = this.bodyEnd;
    if (e - (j + 1) < 1 || e - (j + 1) > 5) return false;
    let n = 0;
    for (let k = j + 1; k < e; k++) {
      const c = s.charCodeAt(k);
      if (c < 48 || c > 57) return false;
      n = n * 10 + (c - 48);
    }
    return n >= 1 && n <= 65535;
  }

  private forward(): boolean {
    return this.form === 'tcp-forward' || this.form === 'udp-forward';
  }

  /** After the `(options)` that may follow `@` or `@@` at `j`: where the host starts. */
  private optionsEnd(j: number): number {
    const s = this.src;
    if (s.charCodeAt(j) !== 40) return j;
    const e = indexBefore(s, 41, j, this.bodyEnd);
    return e < this.bodyEnd ? e + 1 : e;
  }

  /** The end of the host: the `]` of `[::1]`, or the `:` before the port, or the body's end. */
  private hostEnd(): number {
    const s = this.src;
    if (s.charCodeAt(this.ts) === 91) return indexBefore(s, 93, this.ts, this.bodyEnd);
    return indexBefore(s, 58, this.ts, this.bodyEnd);
  }
}

/** The first `code` in `s[from, limit)`, or `limit`. */
function indexBefore(s: string, code: number, from: number, limit: number): number {
  for (let k = from; k < limit; k++) if (s.charCodeAt(k) === code) return k;
  return limit;
}
