import { DEFAULT_PAUSE_ON, type PauseEvent, type PauseOn, type ReplayBar, type ReplayFrame, type ReplayScenarioInfo, type ReplaySpeed, type ReplayStatus } from '#shared/domain/market-replay';
import { toWire } from '#shared/money/decimal';
import type { Interval } from '#shared/domain/market-series';
import { scenarioEndMs, type Scenario } from '#shared/domain/scenario';
import { runSliced } from '../../app/run-sliced';
import { compileScenario, compileScenarioSteps, type MarketData } from '../feed/compile';
import type { FeedSpec } from '../feed/feed-spec';
import { MarketFeed } from '../feed/market-feed';
import { ReplayClock, realTimers, type ClockTimers } from './clock';
import { FramePublisher } from './frame-publisher';
import { historyBars } from './history-bars';
import type { TickSink } from './sink';

export interface ReplayServiceDeps {
  readonly data: () => MarketData;
  readonly onStatus: (s: ReplayStatus) => void;
  readonly onFrame: (f: ReplayFrame) => void;
  readonly timers?: ClockTimers;
  /** Where the pause-on choices live (the workspace settings): read once at start, written on every change. */
  readonly pauseOnStore?: { load(): PauseOn; save(p: PauseOn): void };
}

/**
 * Ticks of a scenario's path compiled per step by compileAhead: under a millisecond, a few the
 * first time (before the JIT has the code: 5,000 took 20-25 ms then, 20,000 ~70 ms).
 */
const COMPILE_STEP = 1_000;
/** From this many ticks a scenario is compiled ahead in slices (51,840, three days of 5 s ticks, took ~20-35 ms at once). */
const SLICED_FROM_TICKS = 20_000;

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
  private history: ReplayBar[] = [];
  private pauseOn: PauseOn = DEFAULT_PAUSE_ON;
  private pausedBy: ReplayStatus['pausedBy'] = null;
  /** A scenario compiled ahead of its load() (compileAhead), and what it compiled to. */
  private compiled: { readonly scenario: Scenario; readonly spec: FeedSpec } | null = null;

  constructor(private readonly deps: ReplayServiceDeps) {
    this.timers = deps.timers ?? realTimers;
    this.clock = new ReplayClock(this.timers, () => this.changed());
    this.pauseOn = deps.pauseOnStore?.load() ?? DEFAULT_PAUSE_ON;
  }

  /** Registers a consumer of ticks (the engine). Returns the function that unregisters it. */
  addSink(sink: TickSink): () => void {
    return this.clock.addSink(sink);
  }

  /**
   * Compiles `scenario` in slices for the load() that follows with the same scenario object (the
   * picker's replay.load): a long scenario's path and venue noise held main ~0.2 s per 500,000
   * ticks in one piece. Rejects as load() would throw. Null when the scenario is short enough to
   * compile at once inside load().
   */
  compileAhead(scenario: Scenario): Promise<void> | null {
    // A short one (up to a day or so of 5 s ticks) compiles in a few milliseconds: load() does it at once.
    if ((scenario.durationMinutes * 60_000) / (scenario.stepMs ?? 5000) < SLICED_FROM_TICKS) return null;
    return runSliced(compileScenarioSteps(scenario, this.deps.data(), COMPILE_STEP)).then((spec) => {
      this.compiled = { scenario, spec };
    });
  }

  /** Compiles and loads a scenario (throws ScenarioDataError when the workspace lacks its data). */
  load(scenario: Scenario, id: string | null): ReplayStatus {
    const ahead = this.compiled;
    this.compiled = null;
    const spec = ahead?.scenario === scenario ? ahead.spec : compileScenario(scenario, this.deps.data());
    const feed = new MarketFeed(spec);
    this.unsubscribePublisher?.();
    this.publisher?.dispose();
    const history = historyBars(scenario, spec, this.deps.data());
    this.history = history.bars;
    this.pausedBy = null;
    // Each frame says what the coming settlement pays (the feed is read after the frame's last tick).
    this.publisher = new FramePublisher(spec.barInterval, this.timers, (f) => this.deps.onFrame({ ...f, comingFunding: this.comingFunding() }));
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
      history: { bars: history.bars.length, source: history.source },
    };
    this.clock.load(feed);
    // Show the opening tick at once, so a loaded replay is never a blank chart (a resumed session
    // already shows where it stopped).
    if (!this.clock.resumed) this.clock.step(1);
    return this.status();
  }

  /** Whether a reloaded session is still being caught up with (the clock delivers what the chart lacks in slices). */
  get catchingUp(): boolean {
    return this.clock.catchingUp;
  }

  /** Settles once the replay has caught up with the loaded session (at once when it has). */
  caughtUp(): Promise<void> {
    return this.clock.caughtUp();
  }

  unload(): ReplayStatus {
    this.clock.unload();
    this.unsubscribePublisher?.();
    this.publisher?.dispose();
    this.publisher = null;
    this.info = null;
    this.history = [];
    return this.status();
  }

  play(): ReplayStatus {
    this.pausedBy = null;
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
    this.pausedBy = null;
    this.clock.step(ticks);
    return this.status();
  }

  seek(t: number): ReplayStatus {
    this.pausedBy = null;
    this.clock.seek(t);
    return this.status();
  }

  /** The bars before the start (history or warm-up), then every bar replayed so far. */
  bars(): { interval: Interval | null; bars: ReplayBar[] } {
    return { interval: this.publisher?.interval ?? null, bars: this.publisher ? [...this.history, ...this.publisher.allBars()] : [] };
  }

  /** Which of the trader's events pause a playing replay; saved in the workspace settings before it takes effect. */
  setPauseOn(p: Partial<PauseOn>): ReplayStatus {
    const next = { ...this.pauseOn, ...p };
    this.deps.pauseOnStore?.save(next);
    return this.adoptPauseOn(next);
  }

  /** Takes pause-on choices already saved elsewhere (settings.update) without writing them again. */
  adoptPauseOn(p: PauseOn): ReplayStatus {
    this.pauseOn = { ...p };
    this.deps.onStatus(this.status());
    return this.status();
  }

  /**
   * The trading service saw one of the trader's events (from a tick, a settlement or the trader's
   * own command): when the trader asked for it, a playing clock stops (right after the tick being
   * delivered, or at once between ticks) and the status says what stopped it.
   */
  traderEvent(event: PauseEvent, t: number): void {
    if (!this.pauseOn[event] || this.clock.snapshot().state !== 'playing') return;
    // Set before the clock stops: an immediate pause pushes the status from inside requestPause.
    this.pausedBy = { event, t };
    this.clock.requestPause();
  }

  private comingFunding(): ReplayFrame['comingFunding'] {
    const c = this.clock.loaded?.comingFunding() ?? null;
    return c ? { t: c.t, rate: toWire(c.rate), source: c.source } : null;
  }

  status(): ReplayStatus {
    const c = this.clock.snapshot();
    return {
      state: c.state,
      speed: c.speed,
      scenario: this.info,
      t: c.t,
      tickIndex: c.tickIndex,
      effectiveSpeed: c.effectiveSpeed,
      error: c.error,
      pauseOn: this.pauseOn,
      pausedBy: c.state === 'playing' ? null : this.pausedBy,
      comingFunding: this.comingFunding(),
    };
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
