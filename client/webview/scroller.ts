// A virtual scroller for any number of rows: only the rows on screen exist in the DOM, and the
// scroll height is capped (browsers limit element heights to a few million pixels), with the
// scrollbar position mapped proportionally onto the row range when the rows would not fit.

const MAX_HEIGHT = 8_000_000;

export class VirtualScroller {
  readonly el: HTMLDivElement;
  private spacer: HTMLDivElement;
  readonly rows: HTMLDivElement;
  private count = 0;
  private top = 0;
  private rowH = 18;
  private ignoreScroll = false;
  onRender: (first: number, visible: number) => void = () => undefined;
  /** End was pressed (the scroller has gone to its last row). */
  onEnd: () => void = () => undefined;
  /** The user moved away by other means than End (keys, wheel, scrollbar). */
  onMove: () => void = () => undefined;

  constructor(parent: HTMLElement) {
    this.el = document.createElement('div');
    this.el.className = 'scroller';
    this.el.tabIndex = 0;
    this.spacer = document.createElement('div');
    this.spacer.className = 'spacer';
    this.rows = document.createElement('div');
    this.rows.className = 'rows';
    this.el.append(this.spacer, this.rows);
    parent.appendChild(this.el);
    this.el.addEventListener('scroll', () => this.onScroll());
    this.el.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.el.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.render()).observe(this.el);
  }

  private measure(): void {
    const v = parseFloat(getComputedStyle(this.el).getPropertyValue('--row-h'));
    if (v > 0) this.rowH = v;
  }

  get visible(): number {
    return Math.max(1, Math.floor(this.el.clientHeight / this.rowH));
  }

  get first(): number {
    return this.top;
  }

  get rowCount(): number {
    return this.count;
  }

  /** True when the last row is on screen (follow mode keeps it there). */
  get atEnd(): boolean {
    return this.top + this.visible >= this.count;
  }

  private get maxTop(): number {
    return Math.max(0, this.count - this.visible);
  }

  private get height(): number {
    return Math.min(this.count * this.rowH, MAX_HEIGHT);
  }

  setCount(n: number, keepAtEnd = false): void {
    const wasEnd = this.atEnd;
    this.count = n;
    this.measure();
    this.spacer.style.height = `${this.height}px`;
    if (keepAtEnd && wasEnd) this.top = this.maxTop;
    this.top = Math.min(this.top, this.maxTop);
    this.syncScrollbar();
    this.render();
  }

  /** Scrolls so that row `n` is at the top (or centred). */
  scrollTo(n: number, center = false): void {
    this.top = Math.max(0, Math.min(this.maxTop, center ? n - Math.floor(this.visible / 2) : n));
    this.syncScrollbar();
    this.render();
  }

  private syncScrollbar(): void {
    const range = this.height - this.el.clientHeight;
    const target = this.maxTop ? Math.round((this.top / this.maxTop) * Math.max(0, range)) : 0;
    if (Math.abs(this.el.scrollTop - target) > 1) {
      this.ignoreScroll = true;
      this.el.scrollTop = target;
    }
  }

  private onScroll(): void {
    if (this.ignoreScroll) {
      this.ignoreScroll = false;
      this.render();
      return;
    }
    const range = this.height - this.el.clientHeight;
    this.top = range > 0 ? Math.round((this.el.scrollTop / range) * this.maxTop) : 0;
    if (this.top < this.maxTop) this.onMove();
    this.render();
  }

  private onWheel(e: WheelEvent): void {
    if (e.ctrlKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) return;
    e.preventDefault();
    this.onMove();
    const lines = e.deltaMode === 1 ? e.deltaY : e.deltaMode === 2 ? e.deltaY * this.visible : e.deltaY / this.rowH;
    this.scrollTo(this.top + Math.round(lines || Math.sign(e.deltaY)));
  }

  private onKey(e: KeyboardEvent): void {
    const v = this.visible;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: v, PageUp: -v, ' ': v };
    if (e.key in moves || e.key === 'Home') this.onMove();
    if (e.key in moves) this.scrollTo(this.top + moves[e.key]);
    else if (e.key === 'Home') this.scrollTo(0);
    else if (e.key === 'End') {
      this.scrollTo(this.maxTop);
      this.onEnd();
    } else return;
    e.preventDefault();
  }

  /** Redraws the rows on screen through onRender. */
  render(): void {
    this.rows.style.transform = `translateY(${this.el.scrollTop}px)`;
    this.onRender(this.top, Math.min(this.visible + 1, this.count - this.top));
  }
}
