// The charts as a bundle of their own (dist/webviewCharts.js, mostly uPlot): the viewer's first
// screen does not wait for it; chartsLoader.ts loads it when charts are first asked for.
import { chartData, drawCharts } from './charts';

(window as unknown as { lacCharts?: unknown }).lacCharts = { chartData, drawCharts };
