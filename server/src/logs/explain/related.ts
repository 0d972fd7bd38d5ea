import type { WorkspaceView } from '../../languages/common/types';
import type { RelatedSetting } from './types';

function lineOf(text: string, offset: number): { line: number; text: string } {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { line, text: text.slice(start, end === -1 ? text.length : end).trim() };
}

/** A prefix as the rule and the line hold it: no kernel timestamp (`[12345.678901] `, kern.log with printk times), no final colon. */
function normalise(prefix: string): string {
  return prefix.trim().replace(/^\[\s*\d+\.\d+\]\s*/, '').replace(/:$/, '').trim();
}

const LOG_PREFIX = /--log-prefix\s+(?:"([^"]*)"|'([^']*)'|(\S+))/g;
const RICH_LOG = /<log\b[^>]*\bprefix\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Places in the workspace that log lines with this prefix: iptables rules with a matching
 * `--log-prefix`, firewalld rich rules with `<log prefix=…>`, and for firewalld's own
 * prefixes (`filter_IN_public_REJECT`) the LogDenied setting of firewalld.conf.
 * Reads only the parsed documents' text, so it works whatever the other languages' trees look like.
 */
export function findRelated(workspace: WorkspaceView | undefined, prefix: string | undefined, firewalldStyle: boolean): RelatedSetting[] {
  if (!workspace || !prefix) return [];
  const want = normalise(prefix);
  if (!want) return [];
  const out: RelatedSetting[] = [];
  const scan = (languageId: string, re: RegExp, kind: RelatedSetting['kind']) => {
    for (const { uri, parsed } of workspace.documents(languageId)) {
      const text = parsed.text;
      if (!text.includes(want)) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (normalise(m[1] ?? m[2] ?? m[3] ?? '') === want) out.push({ uri, kind, ...lineOf(text, m.index) });
        if (out.length >= 20) return;
      }
    }
  };
  scan('iptables', LOG_PREFIX, 'iptables-log-prefix');
  scan('firewalld', RICH_LOG, 'firewalld-rich-log');
  if (firewalldStyle) {
    for (const { uri, parsed } of workspace.documents('firewalld-conf')) {
      const m = /^[ \t]*LogDenied[ \t]*=.*$/m.exec(parsed.text);
      if (m) out.push({ uri, kind: 'firewalld-log-denied', ...lineOf(parsed.text, m.index) });
    }
  }
  return out;
}
