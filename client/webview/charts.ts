// Counts drawn with uPlot: lines per day (or hour) as bars, and lines per program per day as
// lines (the manuals' case study). Clicking a bar jumps to the first line of that period.
import uPlot from 'uplot';
import type { StatsMsg } from '../src/logViewer/protocol';

const PALETTE = ['--vscode-charts-blue', '--vscode-charts-red', '--vscode-charts-green', '--vscode-charts-orange', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-terminal-ansiCyan', '--vscode-terminal-ansiMagenta'];
const FALLBACK = ['#3794ff', '#f14c4c', '#89d185', '#d18616', '#b180d7', '#cca700', '#11a8cd', '#bc3fbc'];

function color(i: number): string {
  const v = getComputedStyle(document.body).getPropertyValue(PALETTE[i % PALETTE.length]).trim();
  return v || FALLBACK[i % FALLBACK.length];
}

function fg(): string {
  return getComputedStyle(document.body).getPropertyValue('--vscode-foreground').trim() || '#888';
}

const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');

/**
 * Counts start at 0, so a day with half the lines looks half as tall; the top leaves a little
 * room, rounded to two significant digits, and an empty chart still has a 0–1 axis.
 */
export function countRange(max: number | null): [number, number] {
  if (max == null || !Number.isFinite(max) || max <= 0) return [0, 1];
  const step = Math.max(1, 10 ** (Math.floor(Math.log10(max)) - 1));
  return [0, Math.ceil((max * 1.05) / step) * step];
}

/** Width of the y axis: the widest label as drawn, plus tick and gap, so no digit is cut off. */
export function yAxisWidth(labels: string[], measure: (s: string) => number, tick: number, gap: number): number {
  const widest = labels.reduce((w, l) => Math.max(w, measure(l)), 0);
  return Math.ceil(widest + tick + gap + 4);
}

/** Lines are whole: y ticks step by 1, 2, 5, 10, 20, 50 … never 0.5. */
const COUNT_STEPS = Array.from({ length: 30 }, (_, i) => [1, 2, 5][i % 3] * 10 ** Math.floor(i / 3));

function axes(): uPlot.Axis[] {
  const stroke = fg();
  const grid = { stroke: 'rgba(128,128,128,0.2)', width: 1 };
  const size = (u: uPlot, values: string[] | null, i: number) => {
    const axis = u.axes[i];
    const font = Array.isArray(axis.font) ? axis.font[0] : axis.font;
    u.ctx.font = String(font ?? '12px sans-serif');
    // The canvas is scaled by devicePixelRatio; widths come back in device pixels.
    return yAxisWidth(values ?? [], (s) => u.ctx.measureText(s).width / devicePixelRatio, axis.ticks?.size ?? 10, axis.gap ?? 5);
  };
  return [
    { stroke, grid },
    { stroke, grid, size, incrs: COUNT_STEPS },
  ];
}

const counts: uPlot.Scale = { range: (_u, _min, max) => countRange(max) };

/** Half a period of room on each side of the time axis, so the first and last bars are whole. */
function timeScale(times: number[], period: number): uPlot.Scale {
  return { time: true, range: () => [(times[0] ?? 0) - period / 2, (times.at(-1) ?? 0) + period / 2] };
}

export interface ChartData {
  buckets: { t: number; lines: number; firstLine: number }[];
  programs: { name: string; perDay: number[] }[];
  days: { t: number; firstLine: number }[];
  /** Seconds in one bucket (a day or an hour). */
  period: number;
}

/** Buckets per day or hour from the stats message (times as seconds of the written wall clock). */
export function chartData(s: StatsMsg, byHour: boolean): ChartData {
  const buckets: ChartData['buckets'] = [];
  const days = new Map<number, { lines: number; firstLine: number }>();
  for (const h of s.hours) {
    const d = Math.floor(h.hour / 24);
    const v = days.get(d);
    if (v) {
      v.lines += h.lines;
      v.firstLine = Math.min(v.firstLine, h.firstLine);
    } else days.set(d, { lines: h.lines, firstLine: h.firstLine });
    if (byHour) buckets.push({ t: h.hour * 3600, lines: h.lines, firstLine: h.firstLine });
  }
  const dayList = [...days].sort((a, b) => a[0] - b[0]);
  if (!byHour) for (const [d, v] of dayList) buckets.push({ t: d * 86400, lines: v.lines, firstLine: v.firstLine });
  const dayNames = dayList.map(([d]) => new Date(d * 86400000).toISOString().slice(0, 10));
  const programs = Object.entries(s.programDays)
    .slice(0, 6)
    .map(([name, per]) => ({ name, perDay: dayNames.map((n) => per[n] ?? 0) }));
  return { buckets, programs, days: dayList.map(([d, v]) => ({ t: d * 86400, firstLine: v.firstLine })), period: byHour ? 3600 : 86400 };
}

/** Draws both charts into `host`; returns a function that destroys them. */
export function drawCharts(host: HTMLElement, data: ChartData, titles: { volume: string; programs: string }, onJump: (line: number) => void): () => void {
  host.replaceChildren();
  const width = Math.max(300, host.clientWidth - 12);
  const plots: uPlot[] = [];
  const bars = uPlot.paths.bars!({ size: [0.8, 40] });
  const volume = new uPlot(
    {
      title: titles.volume,
      width,
      height: 180,
      tzDate: utc,
      scales: { x: timeScale(data.buckets.map((b) => b.t), data.period), y: counts },
      axes: axes(),
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      series: [{}, { label: 'lines', stroke: color(0), fill: color(0) + '99', paths: bars, points: { show: false } }],
    },
    [data.buckets.map((b) => b.t), data.buckets.map((b) => b.lines)],
    host,
  );
  volume.root.classList.add('chart');
  volume.over.addEventListener('click', () => {
    const i = volume.cursor.idx;
    if (i != null && data.buckets[i]) onJump(data.buckets[i].firstLine);
  });
  plots.push(volume);
  if (data.programs.length > 1 && data.days.length > 1) {
    const prog = new uPlot(
      {
        title: titles.programs,
        width,
        height: 200,
        tzDate: utc,
        scales: { y: counts },
        axes: axes(),
        series: [{}, ...data.programs.map((p, i) => ({ label: p.name, stroke: color(i), width: 2 }))],
      },
      [data.days.map((d) => d.t), ...data.programs.map((p) => p.perDay)],
      host,
    );
    prog.root.classList.add('chart');
    prog.over.addEventListener('click', () => {
      const i = prog.cursor.idx;
      if (i != null && data.days[i]) onJump(data.days[i].firstLine);
    });
    plots.push(prog);
  }
  return () => plots.forEach((p) => p.destroy());
}
