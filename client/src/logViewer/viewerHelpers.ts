// What the file viewer and the journal viewer both use on the extension host: the sentence for a
// file that cannot be read, the Explain command, and a tab title for a set of files.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { Locale } from './protocol';
import { bundledRg } from '../../../server/src/logs/engine';
import { viewerText } from './strings';
import type { WorkerJob, WorkerReply } from './workerTypes';

/** A clear sentence for a file that cannot be read, naming the file and how to get access. */
export function accessMessage(file: string, e: unknown, locale: Locale = 'en'): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return viewerText(
      locale,
      'Permission denied: {0}. Files under /var/log are usually readable only by root and the groups adm (Debian/Ubuntu) or systemd-journal; add yourself with "sudo usermod -aG adm $USER" and log in again, or copy the file with sudo.',
      file,
    );
  if (code === 'ENOENT') return viewerText(locale, '{0} does not exist (it may have been rotated or deleted).', file);
  return viewerText(locale, 'Cannot read {0}: {1}', file, (e as Error)?.message ?? String(e));
}

/** Runs "Explain this log line" (provided by the explain feature) with the line's text, its file's format, its journal PRIORITY. */
export async function explain(text: string, context: { format?: string; priority?: number } = {}): Promise<void> {
  const all = await vscode.commands.getCommands(true);
  if (!all.includes('linuxAdminConfigs.explainLogLine')) {
    void vscode.window.showInformationMessage(vscode.l10n.t('"Explain this log line" is not available in this version.'));
    return;
  }
  await vscode.commands.executeCommand('linuxAdminConfigs.explainLogLine', { text, ...context });
}

export const describe = (files: string[]) => (files.length > 1 ? `${path.basename(files[files.length - 1])} (+${files.length - 1})` : path.basename(files[0]));

/** VS Code's own ripgrep (vscode.env.appRoot), or undefined outside VS Code. */
export function findBundledRg(): string | undefined {
  const root = vscode.env?.appRoot;
  return root ? bundledRg(root) : undefined;
}

/** Ends a process that may have ended already. */
export function killQuietly(pid: number): void {
  try {
    process.kill(pid);
  } catch {
    /* already ended */
  }
}

/** What the viewer says when the followed file is rotated: renamed, or copied and truncated (and whether lines were lost). */
export function rotationNotice(truncated: boolean, lost: boolean, file: string, t: (en: string, ...args: string[]) => string): { level: 'info' | 'warning'; message: string } {
  if (!truncated) return { level: 'info', message: t('{0} was rotated; continuing with the new file.', file) };
  if (lost) return { level: 'warning', message: t('{0} was truncated and no rotated copy holds the lines not yet shown; some lines may be missing.', file) };
  return { level: 'info', message: t('{0} was rotated (copytruncate); continuing with the new file.', file) };
}

/**
 * Starts the viewer's worker (dist/indexWorker.js) on a job. An rg the worker started outlives a
 * terminated worker, so it is ended with the worker.
 */
export function startWorker(script: string, job: WorkerJob, onReply: (r: WorkerReply) => void): Worker {
  const w = new Worker(script, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 64 } });
  const children = new Set<number>();
  w.on('message', (r: WorkerReply) => (r.kind !== 'child' ? onReply(r) : r.running ? children.add(r.pid) : children.delete(r.pid)));
  w.on('exit', () => {
    for (const pid of children) killQuietly(pid);
  });
  w.on('error', (e) => onReply({ kind: 'error', message: e.message }));
  return w;
}

/** Offers another file of `dir` for a file that cannot be opened, and opens the chosen one in the viewer; false when none was chosen. */
export async function pickAnotherFile(dir: string, title: string): Promise<boolean> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, defaultUri: vscode.Uri.file(dir), title });
  if (!picked?.[0]) return false;
  await vscode.commands.executeCommand('linuxAdminConfigs.logViewer.open', picked[0]);
  return true;
}
