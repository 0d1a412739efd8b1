import type { Effect } from '#main/engine/effects';
import { ActivityBuffer } from './activity';
import type { Timers, TradingPush } from './trading-service-deps';
import type { TradingState } from '#shared/ipc/channels/trading';

/**
 * The trading service's pushes to the renderer, coalesced: effects and state changes gather for
 * one frame (frameMs), then one activity push and one state push go out, whatever the replay's
 * speed. Before a frame, `beforeFrame` commits buffered market events, so nothing shown is more
 * than one frame from the disk.
 */
export class TradingFrames {
  private readonly activity = new ActivityBuffer();
  private stateDirty = false;
  private timer: unknown = null;
  private stopped = false;

  constructor(
    private readonly publish: (push: TradingPush) => void,
    private readonly timers: Timers,
    private readonly frameMs: number,
    private readonly state: () => TradingState,
    private readonly beforeFrame: () => void,
  ) {}

  /** Effects to show (and the state changed). */
  absorb(effects: readonly Effect[]): void {
    this.activity.add(effects);
    this.markDirty();
  }

  /** Forgets the activity gathered so far (a new session or a rewind replaces the timeline). */
  dropActivity(): void {
    this.activity.take();
  }

  markDirty(): void {
    this.stateDirty = true;
    if (this.timer !== null || this.stopped) return;
    this.timer = this.timers.later(() => {
      this.timer = null;
      this.push();
    }, this.frameMs);
  }

  push(): void {
    if (!this.stopped) this.beforeFrame();
    const activity = this.activity.take();
    if (activity) this.publish({ type: 'trading.activity', payload: activity });
    if (this.stateDirty) {
      this.stateDirty = false;
      this.publish({ type: 'trading.state', payload: this.state() });
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.cancel(this.timer);
    this.timer = null;
  }
}
