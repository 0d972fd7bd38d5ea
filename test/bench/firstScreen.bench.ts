// First screen of the log viewer in a real VS Code (code-server + headless Chromium), flat with
// the file's size: one session opens a 1 KB log and a generated 1 GB log through the "Open in Log
// Viewer" command, several times each, and times the command to the first rendered line. Target:
// the 1 GB log's first screen at most 100 ms later than the 1 KB log's.
//
// The bench runner bundles this file into .cache/bench/js; the session itself drives code-server
// through the e2e helpers, which locate the repository from their own path, so it runs from the
// sources under tsx (firstScreenSession.ts) in a child process.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// npm run bench runs from the repository's root.
const script = path.join(process.cwd(), 'test', 'bench', 'firstScreenSession.ts');
const r = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env: process.env });
if (r.error) throw r.error;
process.exitCode = r.status ?? 1;
