import type { SeverityOverrides } from './languages/common/rules';
import type { DocsLanguage } from './languages/common/types';

/** The server's view of the `linuxAdminConfigs.*` settings. */
export interface ServerSettings {
  docsLanguage: 'auto' | DocsLanguage;
  severity: SeverityOverrides;
  validateEnabled: boolean;
  /** `linuxAdminConfigs.systemRoot`: where absolute paths are resolved first ('' = automatic). */
  systemRoot: string;
  /** `linuxAdminConfigs.codeLens.enable`: lenses above logrotate definitions, rsyslog file actions, firewalld zones. */
  codeLensEnabled: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { docsLanguage: 'auto', severity: {}, validateEnabled: true, systemRoot: '', codeLensEnabled: true };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads the `linuxAdminConfigs` section as sent by any client, ignoring malformed values. */
export function readSettings(raw: unknown): ServerSettings {
  const s: ServerSettings = { ...DEFAULT_SETTINGS, severity: {} };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, any>;
  const lang = r.docs?.language ?? r['docs.language'];
  if (lang === 'en' || lang === 'ja' || lang === 'auto') s.docsLanguage = lang;
  const sev = r.diagnostics?.severity ?? r['diagnostics.severity'];
  if (sev && typeof sev === 'object') {
    for (const [code, v] of Object.entries(sev)) if (typeof v === 'string' && SEVERITIES.has(v)) s.severity[code] = v as any;
  }
  const en = r.validate?.enable ?? r['validate.enable'];
  if (typeof en === 'boolean') s.validateEnabled = en;
  if (typeof r.systemRoot === 'string') s.systemRoot = r.systemRoot.trim();
  const lens = r.codeLens?.enable ?? r['codeLens.enable'];
  if (typeof lens === 'boolean') s.codeLensEnabled = lens;
  return s;
}

/** `ja`, `ja-JP` … give Japanese; anything else English. */
export function localeToDocs(locale: string | undefined): DocsLanguage {
  return locale && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
