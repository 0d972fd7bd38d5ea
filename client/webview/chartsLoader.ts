// Loads the charts bundle (uPlot) on first use, with the page's script nonce: it is four fifths of
// the viewer's script and nothing on the first screen needs it.
import type * as Charts from './charts';

export type ChartsLib = Pick<typeof Charts, 'chartData' | 'drawCharts'>;

const me = document.currentScript as HTMLScriptElement | null;
/** Set by the page (client/src/logViewer/html.ts); next to this script otherwise. */
const src = me?.dataset.charts || 'webviewCharts.js';
const nonce = me?.nonce ?? '';
let loading: Promise<ChartsLib> | undefined;

export function loadCharts(): Promise<ChartsLib> {
  loading ??= new Promise<ChartsLib>((resolve, reject) => {
    const w = window as unknown as { lacCharts?: ChartsLib };
    if (w.lacCharts) return resolve(w.lacCharts);
    const s = document.createElement('script');
    s.nonce = nonce;
    s.src = src;
    s.addEventListener('load', () => (w.lacCharts ? resolve(w.lacCharts) : reject(new Error(`${src} did not define the charts`))));
    s.addEventListener('error', () => {
      loading = undefined;
      reject(new Error(`${src} could not be loaded`));
    });
    document.head.append(s);
  });
  return loading;
}
