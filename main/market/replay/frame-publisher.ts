import { INTERVAL_MS, type Interval } from '#shared/domain/market-series';
import { MAX_BARS_PER_FRAME, type ReplayBar, type ReplayFrame } from '#shared/domain/market-replay';
import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import { compareDecimalText } from '../import/decimal-text';
import type { ClockTimers } from './clock';
import type { TickSink } from './sink';

/** At most this many frames per second reach the UI, whatever the replay speed. */
export const FRAMES_PER_SECOND = 30;
const FRAME_MS = Math.ceil(1000 / FRAMES_PER_SECOND);

/**
 * The UI's view of a replay: a TickSink that folds ticks into bars of the perp's last (with the
 * mark's and index's closes) and hands the renderer one coalesced frame per FRAME_MS at most.
 * At 600x or 'max' a frame covers thousands of ticks; the renderer never sees them one by one.
 * All bars since the start are kept (bounded by the scenario: ~1,500 for synthetic ones) so a
 * window that opens late can fetch them.
 */
export class FramePublisher implements TickSink {
  private bars: ReplayBar[] = [];
  private touched = new Set<number>();
  private funding: FundingTick[] = [];
  private latest: MarketTick | null = null;
  private ticks = 0;
  private reset = false;
  private timer: unknown = null;
  private lastSent = -Infinity;
  private readonly barMs: number;

  constructor(
    readonly interval: Interval,
    private readonly timers: ClockTimers,
    private readonly send: (frame: ReplayFrame) => void,
  ) {
    this.barMs = INTERVAL_MS[interval];
  }

  allBars(): ReplayBar[] {
    return this.bars;
  }

  onTick(tick: MarketTick): void {
    const t = Math.floor(tick.t / this.barMs) * this.barMs;
    const last = this.bars[this.bars.length - 1];
    if (last && last.t === t) {
      if (compareDecimalText(tick.last, last.high) > 0) last.high = tick.last;
      if (compareDecimalText(tick.last, last.low) < 0) last.low = tick.last;
      last.close = tick.last;
      last.mark = tick.mark;
      last.index = tick.index;
    } else {
      this.bars.push({ t, open: tick.last, high: tick.last, low: tick.last, close: tick.last, volume: null, mark: tick.mark, index: tick.index });
    }
    this.touched.add(this.bars.length - 1);
    this.latest = tick;
    this.ticks += 1;
    this.request();
  }

  onFunding(funding: FundingTick): void {
    this.funding.push(funding);
    this.request();
  }

  onReset(t: number): void {
    const keep = Math.floor(t / this.barMs) * this.barMs;
    this.bars = this.bars.filter((b) => b.t < keep);
    this.touched.clear();
    this.funding = [];
    this.reset = true;
  }

  /** Sends what is pending now (state changes call this so the UI is never a frame behind). */
  flush(): void {
    if (this.timer !== null) this.timers.cancel(this.timer);
    this.timer = null;
    if (!this.latest) return;
    const bars = this.touched.size > MAX_BARS_PER_FRAME ? [] : [...this.touched].sort((a, b) => a - b).map((i) => ({ ...this.bars[i]! }));
    const frame: ReplayFrame = { tick: this.latest, bars, funding: this.funding, ticks: this.ticks, reset: this.reset || this.touched.size > MAX_BARS_PER_FRAME };
    this.touched.clear();
    this.funding = [];
    this.ticks = 0;
    this.reset = false;
    this.lastSent = this.timers.now();
    this.send(frame);
  }

  dispose(): void {
    if (this.timer !== null) this.timers.cancel(this.timer);
    this.timer = null;
  }

  private request(): void {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastSent + FRAME_MS - this.timers.now());
    this.timer = this.timers.later(() => this.flush(), wait);
  }
}
