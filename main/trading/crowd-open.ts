import type { EngineEvent } from '#shared/domain/trading-commands';
import type { Engine } from '#main/engine/engine';
import { runSliced } from './restore-off-main';

/**
 * From how many arrivals on one tick the crowd opens in the trading worker: opening a crowd
 * trader costs about 0.1 ms on this engine, so 2,000 of them hold a thread for some 200 ms.
 * Fewer (a crowd spread over an entry window) open on main with the tick, as before.
 */
export const CROWD_OFF_MAIN_TRADERS = 2000;

/**
 * From what crowd size its draw (the crowd event: every trader's arrival, side, leverage and
 * size, ~4 µs each) goes to the trading worker too: some 10,000 draws hold a thread ~40 ms.
 */
export const CROWD_DRAW_OFF_MAIN_TRADERS = 10_000;

/**
 * How many crowd traders this tick would open (their arrival times have come): a read of the
 * crowd's schedule, which is sorted by time, counted from the next arrival (binary search).
 */
export function crowdArrivalsDue(engine: Engine, symbol: string, t: number): number {
  const crowd = engine.readState.crowd;
  if (!crowd || crowd.symbol !== symbol) return 0;
  const a = crowd.arrivals;
  let lo = crowd.next;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - crowd.next;
}

/**
 * The market events that arrive while a crowd opens off main (the replay keeps playing): held in
 * order and applied, a dozen milliseconds at a time, once main has the engine, so the log holds
 * the same events in the same order as if the tick had opened the crowd on main.
 */
export class HeldMarketEvents {
  private readonly events: EngineEvent[];

  /** `before`: the events still held by an open that led to this one (they come first). */
  constructor(before?: HeldMarketEvents | null) {
    this.events = before ? before.events.splice(0) : [];
  }

  hold(e: EngineEvent): void {
    this.events.push(e);
  }

  get size(): number {
    return this.events.length;
  }

  /** Applies the held events (and those held meanwhile) in order; stops if `current` turns false. */
  async drain(apply: (e: EngineEvent) => void, current: () => boolean): Promise<void> {
    await runSliced(this.steps(apply, current));
  }

  private *steps(apply: (e: EngineEvent) => void, current: () => boolean): Generator<void, void> {
    while (this.events.length > 0 && current()) {
      apply(this.events.shift()!);
      yield;
    }
  }
}
