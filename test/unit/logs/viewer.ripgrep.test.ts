import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Worker } from 'node:worker_threads';
import * as esbuild from 'esbuild';
import { findRg, type FilterSpec } from '../../../server/src/logs/engine';
import type { WorkerJob, WorkerReply } from '../../../client/src/logViewer/workerTypes';
import { syslogText } from '../../fixtures/logs/generate';
import { tempDir } from './engineHelpers';

const ROOT = path.resolve(__dirname, '../../..');
const T = tempDir();
after(() => T.cleanup());
let script = '';

/** Runs a filter job in the viewer's worker; the line numbers it reports, and the child processes it said were running. */
function runJob(job: WorkerJob): Promise<{ lines: number[]; total: number; children: number }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { workerData: job });
    const lines: number[] = [];
    let children = 0;
    w.on('message', (r: WorkerReply) => {
      if (r.kind === 'matches') lines.push(...r.lines);
      else if (r.kind === 'child' && r.running) children++;
      else if (r.kind === 'filterDone') {
        void w.terminate();
        resolve({ lines, total: r.total, children });
      } else if (r.kind === 'error') reject(new Error(r.message));
    });
    w.on('error', reject);
  });
}

describe('log viewer worker: filters through rg', function () {
  this.timeout(60000);
  before(() => {
    script = path.join(T.dir, 'indexWorker.js');
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'client/src/logViewer/indexWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  });

  it('numbers the lines of a rotated set (.gz, no final newline) as the JS engine does, every match kept', async () => {
    const rg = findRg();
    assert.ok(rg, 'rg is not on PATH: install ripgrep');
    const oldest = syslogText(3000, 11);
    const files = [T.file('messages.2.gz', zlib.gzipSync(oldest)), T.file('messages.1', syslogText(2500, 12).replace(/\n$/, '')), T.file('messages', syslogText(2000, 13))];
    for (const spec of [{ include: [{ pattern: 'sshd' }] }, { include: [{ pattern: 'fail(ed|ure)', regex: true }], exclude: [{ pattern: 'root' }] }, { exclude: [{ pattern: 'a' }] }] as FilterSpec[]) {
      const job = (withRg: boolean): WorkerJob => ({ kind: 'filter', files, spec, encoding: 'utf-8', baseYears: [2025, 2025, 2025], ...(withRg ? { rg } : {}) });
      const js = await runJob(job(false));
      const viaRg = await runJob(job(true));
      assert.ok(js.lines.length > 0, JSON.stringify(spec));
      assert.equal(js.children, 0);
      assert.ok(viaRg.children >= 3, 'rg ran for each plain file, and counted the lines of the middle one');
      const d = viaRg.lines.findIndex((x, i) => x !== js.lines[i]);
      assert.deepEqual(viaRg.lines, js.lines, `${JSON.stringify(spec)} ${viaRg.lines.length} vs ${js.lines.length} first diff at ${d}: ${viaRg.lines[d]} vs ${js.lines[d]}`);
      assert.equal(viaRg.total, js.total);
      // And both as counted here, line by line over the set.
      const all = [oldest, fs.readFileSync(files[1], 'utf8'), fs.readFileSync(files[2], 'utf8')].flatMap((t) => t.replace(/\n$/, '').split('\n'));
      const keep = (l: string) => (spec.include ?? []).every((t) => (t.regex ? new RegExp(t.pattern, 'i').test(l) : l.toLowerCase().includes(t.pattern))) && !(spec.exclude ?? []).some((t) => l.toLowerCase().includes(t.pattern));
      assert.deepEqual(js.lines, all.flatMap((l, i) => (keep(l) ? [i] : [])));
    }
  });

  it('leaves a .gz to the JS engine, whose memory stays bounded on an endless line (rg -z holds the whole line)', async () => {
    const rg = findRg();
    assert.ok(rg, 'rg is not on PATH: install ripgrep');
    // 64 MiB of one line without a newline, then a short line that matches.
    const bomb = T.file('endless.log.1.gz', zlib.gzipSync(Buffer.concat([Buffer.alloc(64 * 1024 * 1024, 'x'), Buffer.from('\nsshd accepted\n')]), { level: 1 }));
    const r = await runJob({ kind: 'filter', files: [bomb], spec: { include: [{ pattern: 'sshd' }] }, encoding: 'utf-8', baseYears: [2025], rg });
    assert.equal(r.children, 0, 'no rg process for a .gz');
    assert.deepEqual(r.lines, [1]);
  });
});
