import * as tree from './tree';
import { type ActionForm, type LegacyAction, type Word } from './tree';

// Imported values are copied into module constants once: run from TypeScript sources (tsx), every
// use of an imported binding is a getter call, which costs more than the work in the hot loops.
const { SourceWord } = tree;

function w(s: string, start: number, end: number): Word {
  return new SourceWord(s, start, end);
}

/**
 * Splits a legacy action written between `start` and `end` into its form, target, template
 * suffix and (for forwarding) options, host and port.
 */
export function parseLegacyAction(s: string, start: number, end: number, knownSemi?: number): LegacyAction {
  const c = s[start];
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
  const bodyEnd = semi >= 0 ? semi : end;
  const template = semi >= 0 ? w(s, semi + 1, end) : null;
  let form: ActionForm = 'unknown';
  let ts = start;
  let te = bodyEnd;
  switch (c) {
    case '~':
      form = 'discard';
      te = start + 1;
      break;
    case '/':
      form = 'file';
      break;
    case '?':
      form = 'dynafile';
      ts = start + 1;
      break;
    case '|':
      form = 'pipe';
      ts = start + 1;
      break;
    case '^':
      form = 'program';
      ts = start + 1;
      break;
    case '$':
      form = 'output-channel';
      ts = start + 1;
      break;
    case '-':
      if (s[start + 1] === '?') {
        form = 'dynafile';
        ts = start + 2;
      } else {
        form = 'file-nosync';
        ts = start + 1;
      }
      break;
    case '*':
      form = bodyEnd === start + 1 ? 'all-users' : 'unknown';
      break;
    case '@':
      return forward(s, start, end, bodyEnd, template);
    case ':': {
      const close = s.indexOf(':', start + 1);
      if (close < 0 || close >= bodyEnd) break;
      const module = w(s, start + 1, close);
      form = module.text.toLowerCase() === 'omusrmsg' ? 'omusrmsg' : 'module';
      return build(s, start, end, form, close + 1, bodyEnd, template, { module });
    }
    default: {
      const code = s.charCodeAt(start);
      const wordy = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
      if (wordy) form = 'users';
    }
  }
  return build(s, start, end, form, ts, te, template);
}

function build(
  s: string,
  start: number,
  end: number,
  form: ActionForm,
  ts: number,
  te: number,
  template: Word | null,
  extra?: Partial<LegacyAction>,
): LegacyAction {
  // One object shape for every form keeps property access in the checks monomorphic.
  return {
    type: 'legacy-action',
    start,
    end,
    form,
    target: w(s, ts, te),
    template,
    host: extra?.host,
    port: extra?.port,
    options: extra?.options,
    module: extra?.module,
  };
}

function forward(s: string, start: number, end: number, bodyEnd: number, template: Word | null): LegacyAction {
  const tcp = s[start + 1] === '@';
  let j = start + (tcp ? 2 : 1);
  let options: Word | undefined;
  if (s[j] === '(') {
    const close = s.indexOf(')', j);
    const e = close < 0 || close > bodyEnd ? bodyEnd : close;
    options = w(s, j + 1, e);
    j = e < bodyEnd ? e + 1 : e;
  }
  const hostStart = j;
  let host: Word;
  let port: Word | undefined;
  if (s[j] === '[') {
    const close = s.indexOf(']', j);
    const e = close < 0 || close > bodyEnd ? bodyEnd : close;
    host = w(s, j + 1, e);
    j = e < bodyEnd ? e + 1 : e;
  } else {
    const colon = s.indexOf(':', j);
    const e = colon < 0 || colon > bodyEnd ? bodyEnd : colon;
    host = w(s, j, e);
    j = e;
  }
  if (s[j] === ':') port = w(s, j + 1, bodyEnd);
  return build(s, start, end, tcp ? 'tcp-forward' : 'udp-forward', hostStart, bodyEnd, template, { host, port, options });
}
