import type { IChartApi, IPriceLine, ISeriesApi } from 'lightweight-charts';
import { Dec, roundTo, toWire } from '#shared/money/decimal';
import type { ChartLine } from './chart-controller';

const GRAB_PX = 6;

export interface DragState {
  readonly id: string;
  readonly kind: 'stop' | 'takeProfit';
  readonly orderId: number;
  /** The dragged price, rounded to the tick, as a decimal string. */
  readonly price: string;
  readonly original: string;
  /** Pixel position, to place the preview beside the line. */
  readonly y: number;
}

export interface DragHandlers {
  tickSize(): string;
  onDragPreview(drag: DragState | null): void;
  onDragEnd(drag: DragState): void;
  /** A line moved: handles placed over the chart follow it. */
  onLineMoved?(): void;
}

/**
 * Dragging of stop and take-profit lines. lightweight-charts has no draggable lines, so the
 * container listens in the capture phase: a press within 6 px of a draggable line takes the
 * gesture away from the chart (no pan), moves the line, and reports the new price; release
 * amends the order (via onDragEnd), Escape puts the line back. The keyboard path to the same
 * amendment is the positions table's Stop/TP action.
 */
export class ChartDrag {
  private active: { spec: ChartLine; line: IPriceLine; price: string; y: number } | null = null;
  private readonly listeners: [string, EventListener][] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly chart: IChartApi,
    private readonly series: () => ISeriesApi<'Candlestick'> | ISeriesApi<'Line'>,
    private readonly lines: () => { line: IPriceLine; spec: ChartLine }[],
    private readonly handlers: DragHandlers,
  ) {
    this.listen('pointerdown', (e) => this.onDown(e as PointerEvent));
    this.listen('mousedown', (e) => this.active && e.stopPropagation());
    this.listen('touchstart', (e) => this.active && e.stopPropagation());
    this.listen('pointermove', (e) => this.onMove(e as PointerEvent));
    this.listen('pointerup', () => this.onUp());
    this.listen('pointercancel', () => this.cancel());
    this.listen('keydown', (e) => (e as KeyboardEvent).key === 'Escape' && this.cancel());
  }

  get activeId(): string | null {
    return this.active?.spec.id ?? null;
  }

  destroy(): void {
    for (const [type, fn] of this.listeners) this.container.removeEventListener(type, fn, true);
  }

  private listen(type: string, fn: EventListener): void {
    this.container.addEventListener(type, fn, true);
    this.listeners.push([type, fn]);
  }

  private localY(e: PointerEvent): number {
    return e.clientY - this.container.getBoundingClientRect().top;
  }

  private hit(y: number): { line: IPriceLine; spec: ChartLine } | null {
    let best: { line: IPriceLine; spec: ChartLine } | null = null;
    let bestDist = GRAB_PX + 1;
    for (const entry of this.lines()) {
      if ((entry.spec.kind !== 'stop' && entry.spec.kind !== 'takeProfit') || entry.spec.orderId == null) continue;
      const ly = this.series().priceToCoordinate(entry.line.options().price);
      if (ly == null) continue;
      const d = Math.abs(ly - y);
      if (d < bestDist) {
        best = entry;
        bestDist = d;
      }
    }
    return best;
  }

  private onDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    const y = this.localY(e);
    const hit = this.hit(y);
    if (!hit) return;
    e.stopPropagation();
    e.preventDefault();
    this.chart.applyOptions({ handleScroll: false, handleScale: false });
    this.active = { spec: hit.spec, line: hit.line, price: hit.spec.price, y };
    this.container.setPointerCapture?.(e.pointerId);
    this.report();
  }

  private onMove(e: PointerEvent): void {
    const y = this.localY(e);
    if (!this.active) {
      this.container.style.cursor = this.hit(y) ? 'ns-resize' : '';
      return;
    }
    e.stopPropagation();
    const raw = this.series().coordinateToPrice(y);
    if (raw == null || !(raw > 0)) return;
    const price = toWire(roundTo(new Dec(raw.toFixed(10)), this.handlers.tickSize()));
    this.active.price = price;
    this.active.y = y;
    this.active.line.applyOptions({ price: Number(price) });
    this.report();
  }

  private onUp(): void {
    const a = this.active;
    if (!a) return;
    this.finish();
    if (a.price !== a.spec.price) this.handlers.onDragEnd(this.state(a));
  }

  cancel(): void {
    const a = this.active;
    if (!a) return;
    a.line.applyOptions({ price: Number(a.spec.price) });
    this.finish();
  }

  private finish(): void {
    this.active = null;
    this.chart.applyOptions({ handleScroll: true, handleScale: true });
    this.handlers.onDragPreview(null);
    this.handlers.onLineMoved?.();
  }

  private state(a: NonNullable<ChartDrag['active']>): DragState {
    return { id: a.spec.id, kind: a.spec.kind as 'stop' | 'takeProfit', orderId: a.spec.orderId!, price: a.price, original: a.spec.price, y: a.y };
  }

  private report(): void {
    if (this.active) this.handlers.onDragPreview(this.state(this.active));
    this.handlers.onLineMoved?.();
  }

  /** Keyboard dragging from a line's handle: start, nudge by ticks, then commit or cancel. */
  startKeyboard(id: string): boolean {
    const hit = this.lines().find((l) => l.spec.id === id && (l.spec.kind === 'stop' || l.spec.kind === 'takeProfit'));
    if (!hit) return false;
    if (this.active?.spec.id === id) return true;
    this.cancel();
    const y = this.series().priceToCoordinate(hit.line.options().price) ?? 0;
    this.active = { spec: hit.spec, line: hit.line, price: hit.spec.price, y };
    this.report();
    return true;
  }

  nudge(ticks: number): void {
    const a = this.active;
    if (!a) return;
    const tick = new Dec(this.handlers.tickSize());
    const next = new Dec(a.price).plus(tick.mul(ticks));
    if (!next.gt(0)) return;
    a.price = toWire(next);
    a.line.applyOptions({ price: Number(a.price) });
    a.y = this.series().priceToCoordinate(Number(a.price)) ?? a.y;
    this.report();
  }

  commit(): void {
    this.onUp();
  }
}
