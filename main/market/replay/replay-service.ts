import type { ReplayBar, ReplayFrame, ReplayScenarioInfo, ReplaySpeed, ReplayStatus } from '#shared/domain/market-replay';
import type { Interval } from '#shared/domain/market-series';
import { scenarioEndMs, type Scenario } from '#shared/domain/scenario';
import { compileScenario, type MarketData } from '../feed/compile';
import { MarketFeed } from '../feed/market-feed';
import { ReplayClock, realTimers, type ClockTimers } from './clock';
import { FramePublisher } from './frame-publisher';
import type { TickSink } from './sink';

export interface ReplayServiceDeps {
  readonly data: () => MarketData;
  readonly onStatus: (s: ReplayStatus) => void;
  readonly onFrame: (f: ReplayFrame) => void;
  readonly timers?: ClockTimers;
}

/** While playing, the status (position, effective speed) is pushed at most this often. */
const STATUS_EVERY_MS = 1000;

/**
 * The replay every window shares: one loaded scenario, one clock, any number of sinks. The trading
 * service registers itself with addSink() and receives every tick and settlement in order; the UI
 * gets replay.status on every change and coalesced replay.frame pushes (≤ 30/s).
 */
export class ReplayService {
  private readonly clock: ReplayClock;
  private readonly timers: ClockTimers;
  private publisher: FramePublisher | null = null;
  private unsubscribePublisher: (() => void) | null = null;
  private info: ReplayScenarioInfo | null = null;
  private statusTimer: unknown = null;

  constructor(private readonly deps: ReplayServiceDeps) {
    this.timers = deps.timers ?? realTimers;
    this.clock = new ReplayClock(this.timers, () => this.changed());
  }

  /** Registers a consumer of ticks (the engine). Returns the function that unregisters it. */
  addSink(sink: TickSink): () => void {
    return this.clock.addSink(sink);
  }

  /** Compiles and loads a scenario (throws ScenarioDataError when the workspace lacks its data). */
  load(scenario: Scenario, id: string | null): ReplayStatus {
    const spec = compileScenario(scenario, this.deps.data());
    const feed = new MarketFeed(spec);
    this.unsubscribePublisher?.();
    this.publisher?.dispose();
    this.publisher = new FramePublisher(spec.barInterval, this.timers, this.deps.onFrame);
    this.unsubscribePublisher = this.clock.addSink(this.publisher);
    this.info = {
      id,
      name: scenario.name,
      symbol: scenario.symbol,
      seed: scenario.seed,
      marketType: scenario.market.type,
      start: spec.start,
      end: scenarioEndMs(scenario),
      stepMs: spec.stepMs,
      tickCount: spec.n,
      barInterval: spec.barInterval,
      sources: spec.sources,
    };
    this.clock.load(feed);
    // Show the opening tick at once, so a loaded replay is never a blank chart (a resumed session
    // already shows where it stopped).
    if (!this.clock.resumed) this.clock.step(1);
    return this.status();
  }

  unload(): ReplayStatus {
    this.clock.unload();
    this.unsubscribePublisher?.();
    this.publisher?.dispose();
    this.publisher = null;
    this.info = null;
    return this.status();
  }

  play(): ReplayStatus {
    this.clock.play();
    return this.status();
  }

  pause(): ReplayStatus {
    this.clock.pause();
    return this.status();
  }

  setSpeed(speed: ReplaySpeed): ReplayStatus {
    this.clock.setSpeed(speed);
    return this.status();
  }

  step(ticks: number): ReplayStatus {
    this.clock.step(ticks);
    return this.status();
  }

  seek(t: number): ReplayStatus {
    this.clock.seek(t);
    return this.status();
  }

  bars(): { interval: Interval | null; bars: ReplayBar[] } {
    return { interval: this.publisher?.interval ?? null, bars: this.publisher?.allBars() ?? [] };
  }

  status(): ReplayStatus {
    const c = this.clock.snapshot();
    return { state: c.state, speed: c.speed, scenario: this.info, t: c.t, tickIndex: c.tickIndex, effectiveSpeed: c.effectiveSpeed, error: c.error };
  }

  /** The index's view at the current tick: which venue counted, which was stale or clipped. */
  indexSources(): ReturnType<MarketFeed['indexSourcesAt']> {
    const feed = this.clock.loaded;
    if (!feed || feed.position === 0) return [];
    return feed.indexSourcesAt(feed.position - 1);
  }

  close(): void {
    if (this.statusTimer !== null) this.timers.cancel(this.statusTimer);
    this.statusTimer = null;
    this.clock.dispose();
    this.publisher?.dispose();
  }

  private changed(): void {
    this.publisher?.flush();
    this.deps.onStatus(this.status());
    if (this.clock.snapshot().state === 'playing') this.tickStatus();
  }

  private tickStatus(): void {
    if (this.statusTimer !== null) return;
    this.statusTimer = this.timers.later(() => {
      this.statusTimer = null;
      if (this.clock.snapshot().state !== 'playing') return;
      this.deps.onStatus(this.status());
      this.tickStatus();
    }, STATUS_EVERY_MS);
  }
}
