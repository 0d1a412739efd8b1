import { speedFactor, type ReplaySpeed, type ReplayState } from '#shared/domain/market-replay';
import type { FeedEvent, MarketFeed } from '../feed/market-feed';
import type { TickSink } from './sink';

/** Time and timers, injected so tests can run the clock without waiting. */
export interface ClockTimers {
  /** Wall-clock milliseconds (monotonic). */
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

export const realTimers: ClockTimers = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** How often the playing clock wakes (ms) and how long it may spend delivering per wake. */
const WAKE_MS = 16;
const BUDGET_MS = 12;

export interface ClockSnapshot {
  readonly state: ReplayState;
  readonly speed: ReplaySpeed;
  /** Market time of the clock: between ticks while playing at a finite speed. */
  readonly t: number | null;
  readonly tickIndex: number;
  readonly effectiveSpeed: number | null;
  readonly error: string | null;
}

/**
 * Drives any number of TickSinks from a MarketFeed at a chosen speed. Market time advances with
 * the wall clock × speed; every event at or before it is delivered, in order, synchronously, to
 * every sink. A wake delivers for at most BUDGET_MS: when the machine (or a sink) cannot keep up,
 * the replay runs slower than asked instead of freezing, and effectiveSpeed says so. 'max' delivers
 * back to back, yielding between slices. Seeking back resets the sinks (onReset); seeking forward
 * delivers everything in between, so an engine sees every tick it would have seen playing.
 */
export class ReplayClock {
  private feed: MarketFeed | null = null;
  private readonly sinks = new Set<TickSink>();
  private state: ReplayState = 'empty';
  private speed: ReplaySpeed = '60x';
  private t: number | null = null;
  private timer: unknown = null;
  private lastWake = 0;
  private error: string | null = null;
  private window: { wall: number; market: number }[] = [];
  private pauseRequested = false;
  /** Catching up with the events the sinks held at load (resume), and what waits for it. */
  private resuming: {
    readonly held: ReadonlyMap<TickSink, number>;
    next: number;
    readonly upTo: number;
    /** Plays, steps and seeks asked meanwhile (dropped if the load is replaced). */
    readonly then: Array<() => void>;
    /** caughtUp() promises (settled however the catching up ends). */
    readonly waiters: Array<() => void>;
  } | null = null;
  /** An event is being handed to the sinks (a pause asked for now waits for the end of it). */
  private delivering = false;

  constructor(
    private readonly timers: ClockTimers = realTimers,
    /** Called on every change of state, speed or position worth showing (not on every tick). */
    private readonly onChange: () => void = () => undefined,
  ) {}

  addSink(sink: TickSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  snapshot(): ClockSnapshot {
    // Between ticks the clock's time is fractional (wall time × speed); the contract is whole ms.
    return { state: this.state, speed: this.speed, t: this.t === null ? null : Math.floor(this.t), tickIndex: this.feed?.position ?? 0, effectiveSpeed: this.effective(), error: this.error };
  }

  get loaded(): MarketFeed | null {
    return this.feed;
  }

  load(feed: MarketFeed): void {
    this.stop();
    this.endResume();
    this.feed = feed;
    this.state = 'paused';
    this.error = null;
    this.t = feed.spec.start;
    this.window = [];
    const held = new Map<TickSink, number>();
    for (const s of this.sinks) {
      if (s.onLoad) held.set(s, s.onLoad(feed.spec.start));
      else s.onReset?.(feed.spec.start);
    }
    this.resume(held);
    this.onChange();
  }

  /** Whether load() moved past events some sink already held (a session resumed, not restarted). */
  get resumed(): boolean {
    return (this.feed?.position ?? 0) > 0;
  }

  /**
   * Moves past the events the sinks already hold, giving each event to the sinks that lack it (the
   * chart's frames, the heatmap's path). Tens of thousands of them (a session reopened after a
   * long replay: ~70 µs each to compute) go a slice of BUDGET_MS at a time, so main's event loop
   * stays live; a play, step or seek asked meanwhile runs once the clock has caught up.
   */
  private resume(held: ReadonlyMap<TickSink, number>): void {
    this.resuming = { held, next: 0, upTo: Math.max(0, ...held.values()), then: [], waiters: [] };
    this.resumeSlice();
  }

  private resumeSlice(): void {
    const r = this.resuming;
    const feed = this.feed;
    if (!r || !feed) return;
    const started = this.timers.now();
    try {
      while (r.next < r.upTo) {
        const e = feed.next();
        if (!e) break;
        const t = e.kind === 'tick' ? e.tick.t : e.funding.t;
        this.t = Math.max(this.t ?? t, t);
        for (const s of this.sinks) {
          if ((r.held.get(s) ?? 0) > r.next) continue;
          if (e.kind === 'tick') s.onTick(e.tick);
          else s.onFunding(e.funding);
        }
        r.next += 1;
        if (r.next < r.upTo && this.timers.now() - started >= BUDGET_MS) {
          this.timer = this.timers.later(() => {
            this.timer = null;
            this.resumeSlice();
          }, 0);
          return;
        }
      }
    } catch (err) {
      this.endResume();
      this.error = `a tick consumer failed while the replay caught up: ${(err as Error).message}`;
      console.error('replay sink failed:', err);
      this.onChange();
      return;
    }
    this.resuming = null;
    if (feed.done) this.state = 'ended';
    this.onChange();
    for (const fn of r.then) fn();
    for (const fn of r.waiters) fn();
  }

  /** Stops catching up (a new load, an unload, a failed sink): what was asked meanwhile is dropped, waiters are told. */
  private endResume(): void {
    const r = this.resuming;
    this.resuming = null;
    for (const fn of r?.waiters ?? []) fn();
  }

  /** Whether the clock is still catching up with the events the sinks held at load. */
  get catchingUp(): boolean {
    return this.resuming !== null;
  }

  /** Settles once the clock has caught up (at once when it is not catching up, or the load is replaced). */
  caughtUp(): Promise<void> {
    return new Promise((resolve) => {
      if (this.resuming) this.resuming.waiters.push(resolve);
      else resolve();
    });
  }

  /** Runs `fn` now, or once the clock has caught up with what the sinks held (resume). */
  private afterResume(fn: () => void): boolean {
    if (!this.resuming) return false;
    this.resuming.then.push(fn);
    return true;
  }

  unload(): void {
    this.stop();
    this.endResume();
    this.feed = null;
    this.state = 'empty';
    this.t = null;
    this.onChange();
  }

  play(): void {
    if (this.afterResume(() => this.play())) return;
    if (!this.feed || this.state === 'playing') return;
    if (this.state === 'ended') return;
    this.state = 'playing';
    this.error = null;
    this.pauseRequested = false;
    this.lastWake = this.timers.now();
    this.window = [];
    this.schedule(0);
    this.onChange();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.stop();
    this.state = 'paused';
    this.onChange();
  }

  setSpeed(speed: ReplaySpeed): void {
    this.speed = speed;
    this.lastWake = this.timers.now();
    this.window = [];
    if (this.state === 'playing') {
      this.stop();
      this.schedule(0);
    }
    this.onChange();
  }

  /**
   * Asks a playing clock to pause right after the event being delivered (a sink saw something the
   * trader wants to look at). Ignored when not playing: a step or a seek goes where it was sent.
   */
  requestPause(): boolean {
    if (this.state !== 'playing') return false;
    if (this.delivering) {
      this.pauseRequested = true;
      return true;
    }
    // Between ticks (the trader's own command filled): stop now, not after one more tick.
    this.pause();
    return true;
  }

  /** Delivers the next `ticks` ticks (and any settlements before them), then pauses. */
  step(ticks = 1): void {
    if (this.afterResume(() => this.step(ticks))) return;
    const feed = this.feed;
    if (!feed) return;
    this.stop();
    if (this.state === 'playing') this.state = 'paused';
    let left = ticks;
    while (left > 0 && !feed.done) {
      const e = this.deliverNext();
      if (!e) break;
      if (e.kind === 'tick') left -= 1;
    }
    // A settlement at the very time of the last tick belongs to that instant: deliver it too.
    while (this.t !== null && feed.peekTime() === this.t) if (!this.deliverNext()) break;
    this.settle();
    this.onChange();
  }

  /** Moves the clock to market time t (clamped to the scenario). */
  seek(t: number): void {
    if (this.afterResume(() => this.seek(t))) return;
    const feed = this.feed;
    if (!feed) return;
    const wasPlaying = this.state === 'playing';
    this.stop();
    const end = feed.timeOf(feed.tickCount);
    const target = Math.max(feed.spec.start, Math.min(end, Math.floor(t)));
    if (this.t !== null && target < this.t) {
      feed.seekTime(target);
      this.t = target;
      this.error = null;
      for (const s of this.sinks) s.onReset?.(target);
    } else {
      for (let next = feed.peekTime(); next !== null && next < target; next = feed.peekTime()) {
        if (!this.deliverNext()) break;
      }
      this.t = target;
    }
    // A seek goes where it was sent: what the trader skipped over does not pause it.
    this.pauseRequested = false;
    this.state = feed.done ? 'ended' : wasPlaying ? 'playing' : 'paused';
    if (this.state === 'playing') {
      this.lastWake = this.timers.now();
      this.schedule(0);
    }
    this.onChange();
  }

  dispose(): void {
    this.stop();
    this.endResume();
    this.sinks.clear();
  }

  private wake(): void {
    this.timer = null;
    const feed = this.feed;
    if (!feed || this.state !== 'playing') return;
    const started = this.timers.now();
    if (this.sinkBusy()) {
      // Market time waits for the sink: the replay runs slower than asked instead of piling up events.
      this.lastWake = started;
      this.schedule(WAKE_MS);
      return;
    }
    const factor = speedFactor(this.speed);
    const target = factor === null ? Infinity : (this.t ?? feed.spec.start) + (started - this.lastWake) * factor;
    this.lastWake = started;
    let behind = false;
    for (let next = feed.peekTime(); next !== null && next <= target; next = feed.peekTime()) {
      if (!this.deliverNext()) return;
      if (this.pauseRequested) {
        this.pauseRequested = false;
        this.state = feed.done ? 'ended' : 'paused';
        this.onChange();
        return;
      }
      if (this.timers.now() - started >= BUDGET_MS || this.sinkBusy()) {
        behind = true;
        break;
      }
    }
    if (factor !== null && !behind) this.t = Math.min(target, feed.timeOf(feed.tickCount));
    this.window.push({ wall: this.timers.now(), market: this.t ?? 0 });
    while (this.window.length > 2 && this.window[this.window.length - 1]!.wall - this.window[0]!.wall > 1000) this.window.shift();
    if (feed.done) {
      this.state = 'ended';
      this.onChange();
      return;
    }
    this.schedule(factor === null ? 0 : WAKE_MS);
  }

  /** Delivers one event to every sink; a sink that throws stops the replay with its message. */
  private deliverNext(): FeedEvent | null {
    const feed = this.feed!;
    const e = feed.next();
    if (!e) return null;
    const t = e.kind === 'tick' ? e.tick.t : e.funding.t;
    this.t = Math.max(this.t ?? t, t);
    this.delivering = true;
    try {
      for (const s of this.sinks) {
        if (e.kind === 'tick') s.onTick(e.tick);
        else s.onFunding(e.funding);
      }
    } catch (err) {
      this.stop();
      this.state = 'paused';
      this.error = `a tick consumer failed at ${new Date(t).toISOString()}: ${(err as Error).message}`;
      console.error('replay sink failed:', err);
      this.onChange();
      return null;
    } finally {
      this.delivering = false;
    }
    return e;
  }

  private sinkBusy(): boolean {
    for (const s of this.sinks) if (s.busy) return true;
    return false;
  }

  private settle(): void {
    if (this.feed?.done) this.state = 'ended';
  }

  private schedule(ms: number): void {
    if (this.timer === null) this.timer = this.timers.later(() => this.wake(), ms);
  }

  private stop(): void {
    if (this.timer !== null) this.timers.cancel(this.timer);
    this.timer = null;
  }

  private effective(): number | null {
    if (this.state !== 'playing' || this.window.length < 2) return null;
    const a = this.window[0]!;
    const b = this.window[this.window.length - 1]!;
    return b.wall > a.wall ? Math.max(0, (b.market - a.market) / (b.wall - a.wall)) : null;
  }
}
