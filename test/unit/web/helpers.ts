// Builds the browser bundles (vscode.dev) exactly as scripts/build.mjs does, into a folder of the test's.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(__dirname, '../../..');

interface WebBundles {
  webServer: esbuild.BuildOptions;
  webExtension: esbuild.BuildOptions;
}

/** The esbuild options of the browser build (scripts/webBundles.mjs). */
export async function webBundleOptions(): Promise<WebBundles> {
  const spec = pathToFileURL(path.join(ROOT, 'scripts/webBundles.mjs')).href;
  return (await import(spec)) as WebBundles;
}

/** Bundles one of the browser entries into `outfile`; returns the files it was made of. */
export async function buildWeb(which: keyof WebBundles, outfile: string): Promise<string[]> {
  const opts = (await webBundleOptions())[which];
  const r = await esbuild.build({ ...opts, absWorkingDir: ROOT, outfile, sourcemap: false, metafile: true, logLevel: 'error' });
  return Object.keys(r.metafile!.inputs);
}
