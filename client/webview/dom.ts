// Building the page's elements, the progress bar, the counts, and the panel that shows a long line
// piece by piece.
import type { HostMessage, WebviewMessage } from '../src/logViewer/protocol';
import { appendVisible } from './render';

type Props = { [k: string]: string | number | boolean | undefined };

/** An element with its properties and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  e.append(...kids);
  return e;
}

/**
 * The panel for a line longer than the viewer shows: `open` asks the host for a megabyte of it
 * from `start`, `show` puts the answer in the panel (an older answer is dropped), with a button
 * for the next piece.
 */
export function lineDetail(panel: HTMLElement, send: (m: WebviewMessage) => void, strings: () => { close: string; next: string }) {
  let req = 0;
  const open = (n: number, start: number): void => {
    req++;
    send({ type: 'lineSlice', req, n, start, length: 1024 * 1024 });
  };
  const show = (m: Extract<HostMessage, { type: 'lineSlice' }>): void => {
    if (m.req !== req) return;
    const S = strings();
    const pre = el('pre');
    appendVisible(pre, m.text);
    const close = el('button', { textContent: S.close });
    close.addEventListener('click', () => panel.classList.add('hidden'));
    const kids: HTMLElement[] = [el('h3', { textContent: `#${m.n + 1}: ${m.start}–${m.end} / ${m.bytes}` }), pre, close];
    if (m.end < m.bytes) {
      const next = el('button', { textContent: S.next });
      next.addEventListener('click', () => open(m.n, m.end));
      kids.push(next);
    }
    panel.replaceChildren(...kids);
    panel.classList.remove('hidden');
  };
  return { open, show };
}

/**
 * 1,234,567 (the grouping of both the viewer's languages). Not toLocaleString: its first call sets
 * up Intl, which costs the first screen about 10 ms.
 */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The progress bar at `done` of `total` (shown while under 100%). */
export function setProgress(bar: HTMLElement, done: number, total: number): void {
  const f = total ? Math.min(1, done / total) : 0;
  bar.classList.toggle('on', f < 1);
  (bar.firstElementChild as HTMLElement).style.width = `${Math.round(f * 100)}%`;
}
