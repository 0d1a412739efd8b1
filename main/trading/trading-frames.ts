import type { TradingState } from '#shared/ipc/channels/trading';
import type { Effect } from '#main/engine/effects';
import { ActivityBuffer } from './activity';
import type { Timers, TradingPush } from './trading-service-types';

export interface TradingFramesDeps {
  readonly publish: (push: TradingPush) => void;
  readonly timers: Timers;
  /** Coalescing period of the pushes. */
  readonly frameMs: number;
  /** Whether the engine is mid-event: only a stand-in engine could be shown, so the state waits. */
  readonly busy: () => boolean;
  readonly state: () => TradingState;
  /** Runs first in every push (the service commits buffered market events there). */
  readonly beforePush: () => void;
}

/**
 * The trading service's pushes to the renderer, coalesced: the activity since the last push and
 * whether the state changed go out at most once a frame (~100 ms), so a 600x replay sends one
 * frame instead of a message per tick.
 */
export class TradingFrames {
  private readonly activity = new ActivityBuffer();
  private stateDirty = false;
  private timer: unknown = null;
  private closed = false;

  constructor(private readonly deps: TradingFramesDeps) {}

  /** An event's effects: its activity goes out with the next frame, and the state changed. */
  absorb(effects: readonly Effect[]): void {
    this.activity.add(effects);
    this.markDirty();
  }

  /** The state changed: a frame is due (the timer starts unless one is running). */
  markDirty(): void {
    this.stateDirty = true;
    if (this.timer !== null || this.closed) return;
    this.timer = this.deps.timers.later(() => {
      this.timer = null;
      this.push();
    }, this.deps.frameMs);
  }

  /** Drops the activity gathered so far: a reset push tells the renderer to start afresh. */
  discardActivity(): void {
    this.activity.take();
  }

  /** Sends the coalesced frame now. */
  push(): void {
    this.deps.beforePush();
    const activity = this.activity.take();
    if (activity) this.deps.publish({ type: 'trading.activity', payload: activity });
    if (this.stateDirty && !this.deps.busy()) {
      this.stateDirty = false;
      this.deps.publish({ type: 'trading.state', payload: this.deps.state() });
    }
  }

  /** No more timed frames (a push asked for explicitly still goes out). */
  close(): void {
    this.closed = true;
    if (this.timer !== null) this.deps.timers.cancel(this.timer);
    this.timer = null;
  }
}
