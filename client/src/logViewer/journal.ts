/**
 * Opening the systemd journal in the log viewer (a command, and the explorer's menu on
 * /var/log/journal, /run/log/journal, a machine-id folder or a *.journal file), the journal
 * filters as quick picks (units completed from the journal, boots listed), and the equivalent
 * journalctl command line copied to the clipboard.
 */
import * as vscode from 'vscode';
import { describeQuery, placeOf, PRIORITIES, priorityProblem, type JournalQuery } from '../../../server/src/logs/journal/filters';
import { JournalSource } from '../../../server/src/logs/journal/source';
import { viewerHtml } from './html';
import { JournalSession } from './journalSession';
import { concernsViewer } from './provider';

export const JOURNAL_VIEW_TYPE = 'linuxAdminConfigs.journalViewer';

/** Every open journal viewer, and the one last active (the target of the filter and copy commands). */
export const journalSessions = new Set<JournalSession>();
let active: JournalSession | undefined;

/** Opens a journal viewer panel over `query`. */
export function openJournal(context: vscode.ExtensionContext, query: JournalQuery, log: vscode.LogOutputChannel): JournalSession {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const panel = vscode.window.createWebviewPanel(JOURNAL_VIEW_TYPE, describeQuery(query), vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [dist] });
  panel.webview.html = viewerHtml(panel.webview, context.extensionUri);
  const session = new JournalSession(panel, query, log);
  journalSessions.add(session);
  active = session;
  panel.onDidChangeViewState((e) => {
    if (e.webviewPanel.active) active = session;
  });
  panel.onDidDispose(() => {
    journalSessions.delete(session);
    if (active === session) active = [...journalSessions].pop();
    session.dispose();
  });
  return session;
}

async function pickPlace(): Promise<JournalQuery | undefined> {
  const items: (vscode.QuickPickItem & { q?: JournalQuery })[] = [
    { label: vscode.l10n.t("This host's journal"), description: 'journalctl', q: {} },
    { label: '/var/log/journal', description: vscode.l10n.t('persistent journal (Storage=persistent or auto)'), q: { directory: '/var/log/journal' } },
    { label: '/run/log/journal', description: vscode.l10n.t('volatile journal (Storage=volatile)'), q: { directory: '/run/log/journal' } },
    { label: vscode.l10n.t('A journal folder or .journal file…') },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open the systemd Journal') });
  if (!pick) return undefined;
  if (pick.q) return pick.q;
  const uri = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, defaultUri: vscode.Uri.file('/var/log/journal'), filters: { Journal: ['journal', 'journal~'] } });
  return uri?.[0] ? placeOf(uri[0].fsPath) : undefined;
}

/** Quick picks for the journal filters of the active viewer; returns the new query or undefined. */
export async function pickFilters(q: JournalQuery): Promise<JournalQuery | undefined> {
  const src = new JournalSource(q);
  type Item = vscode.QuickPickItem & { key: 'unit' | 'priority' | 'boot' | 'since' | 'until' | 'ident' | 'clear' };
  const what = await vscode.window.showQuickPick<Item>(
    [
      { key: 'unit', label: '-u', description: vscode.l10n.t('Unit'), detail: q.units?.join(', ') },
      { key: 'priority', label: '-p', description: vscode.l10n.t('Priority'), detail: q.priority },
      { key: 'boot', label: '-b', description: vscode.l10n.t('Boot'), detail: q.boot },
      { key: 'since', label: '--since', description: vscode.l10n.t('From (time)'), detail: q.since },
      { key: 'until', label: '--until', description: vscode.l10n.t('Until (time)'), detail: q.until },
      { key: 'ident', label: '-t', description: vscode.l10n.t('Identifier'), detail: q.identifiers?.join(', ') },
      { key: 'clear', label: vscode.l10n.t('Clear the journal filters') },
    ],
    { title: vscode.l10n.t('Journal filters') },
  );
  if (!what) return undefined;
  const next: JournalQuery = { ...q };
  try {
    switch (what.key) {
      case 'unit': {
        const units = await src.fieldValues('_SYSTEMD_UNIT');
        const picked = await vscode.window.showQuickPick(units.map((u) => ({ label: u, picked: q.units?.includes(u) })), { canPickMany: true, title: vscode.l10n.t('Units (journalctl -F _SYSTEMD_UNIT)') });
        if (!picked) return undefined;
        next.units = picked.map((p) => p.label);
        break;
      }
      case 'priority': {
        const picked = await vscode.window.showQuickPick(['', ...PRIORITIES].map((p, i) => ({ label: p || vscode.l10n.t('(any)'), description: p ? `0..${i - 1} (${PRIORITIES.slice(0, i).join(', ')})` : undefined, value: p })), { title: vscode.l10n.t('Priority: this level and more serious') });
        if (!picked) return undefined;
        next.priority = picked.value || undefined;
        break;
      }
      case 'boot': {
        const boots = (await src.boots()).reverse();
        const picked = await vscode.window.showQuickPick([{ label: vscode.l10n.t('(all boots)'), value: undefined as string | undefined }, ...boots.map((b) => ({ label: String(b.offset), description: b.id, detail: `${b.first} — ${b.last}`, value: b.id }))], { title: vscode.l10n.t('Boot (journalctl --list-boots)') });
        if (!picked) return undefined;
        next.boot = picked.value;
        break;
      }
      case 'since':
      case 'until': {
        const v = await vscode.window.showInputBox({ title: what.label, value: q[what.key], prompt: vscode.l10n.t('A time as journalctl takes it: "2024-05-01 10:00", "yesterday", "-1h"; empty for none') });
        if (v === undefined) return undefined;
        next[what.key] = v.trim() || undefined;
        break;
      }
      case 'ident': {
        const v = await vscode.window.showInputBox({ title: '-t', value: q.identifiers?.join(' '), prompt: vscode.l10n.t('Syslog identifiers, separated by spaces (sshd CRON …); empty for none') });
        if (v === undefined) return undefined;
        next.identifiers = v.split(/\s+/).filter(Boolean);
        break;
      }
      case 'clear':
        return { directory: q.directory, file: q.file };
    }
  } finally {
    src.close();
  }
  if (next.priority && priorityProblem(next.priority)) return undefined;
  return next;
}

/** Registers the journal commands; the viewer's output channel is shared with the file viewer. */
export function activateJournalViewer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('linuxAdminConfigs.journal.open', async (uri?: vscode.Uri) => {
      const q = uri instanceof vscode.Uri ? placeOf(uri.fsPath) : await pickPlace();
      if (q) openJournal(context, q, log);
    }),
    vscode.commands.registerCommand('linuxAdminConfigs.journal.filter', async () => {
      if (!active) return void vscode.window.showInformationMessage(vscode.l10n.t('Open the journal in the log viewer first.'));
      const s = active;
      const q = await pickFilters(s.journalQuery);
      if (q) await s.setQuery(q);
    }),
    vscode.commands.registerCommand('linuxAdminConfigs.journal.copyCommand', async () => {
      if (!active) return void vscode.window.showInformationMessage(vscode.l10n.t('Open the journal in the log viewer first.'));
      await vscode.env.clipboard.writeText(active.command);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied: {0}', active.command));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (concernsViewer(e)) for (const s of journalSessions) s.settingsChanged();
    }),
    { dispose: () => [...journalSessions].forEach((s) => s.dispose()) },
  );
}
