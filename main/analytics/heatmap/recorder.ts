import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import type { Engine } from '#main/engine/engine';
import { LIQUIDITY_ID, TRADER_ID } from '#main/engine/model/ids';
import type { TickSink } from '../../market/replay/sink';
import { accountRows } from './engine-rows';
import { ALL_LAYERS, LiveGrid, type GridWindow } from './grid';
import { computeGridSliced } from './grid-sliced';
import { mergeHistory } from './history-merge';
import type { HeatmapHistory } from './history-replay';
import { PricePath } from './price-path';
import { ReadQueue } from './read-queue';
import { SegmentStore, type SegmentChange } from './segments';
import { nextIdleTurn, nextTurn } from '../../app/turns';

/** How long one piece of the recorder's work may hold main's thread before it yields. */
export const SLICE_MS = 8;

export interface RecorderOptions {
  /** Time budget of one slice of reads (ms); Infinity reads everything at once (headless, tests). */
  readonly sliceMs?: number;
  /** Runs the next slice later (default: an idle turn for reads and a turn for grid builds, turns.ts; this one for both). */
  readonly schedule?: (fn: () => void) => void;
  /**
   * While the trading engine is mid-event (an event applied in slices: getEngine() answers an
   * empty stand-in), a promise of its end; else null. The queued re-reads wait for it.
   */
  readonly engineBusy?: () => Promise<void> | null;
}

/**
 * Records the engine's liquidation levels and stops over replay time, as segments (segments.ts).
 * It is a TickSink registered after the trading service, so it sees each tick after the engine
 * applied it. The engine tells it which positions changed (LiquidationIndex.onChange); those
 * accounts are queued and read in slices of at most SLICE_MS, so neither the first read of a
 * 100,000-trader crowd, nor a cascade step that moves thousands of positions, nor the re-read
 * after a funding settlement holds main's event loop: what a slice leaves is read in the next
 * one (a turn no other job wants, turns.ts) or at the next tick, at the recorder's latest time. Reads are exact: an
 * entry a funding settlement made stale is solved again, so the view equals `levdesk heatmap`.
 */
export class HeatmapRecorder implements TickSink {
  readonly store = new SegmentStore();
  readonly path = new PricePath();
  private engine: Engine | null = null;
  private symbolNow: string | null = null;
  /** Accounts of the recorded symbol waiting to be read. */
  private readonly pending = new ReadQueue();
  private scheduled = false;
  private waiters: Array<() => void> = [];
  private live: LiveGrid | null = null;
  /** Live grids being built in slices: the changes recorded meanwhile, applied when they are done. */
  private readonly builds = new Set<SegmentChange[]>();
  /** Engine time before which events came from a resumed log (recorded from there on). */
  resumedAt = Number.NEGATIVE_INFINITY;
  /**
   * The history before a resume: 'complete' (recorded, or rebuilt from the log and merged),
   * 'rebuilding' (a worker replays the log), 'from-resume' (not rebuilt: it starts at resumedAt).
   */
  history: 'complete' | 'rebuilding' | 'from-resume' = 'complete';
  /** Told when a resume leaves history to rebuild (the service starts the worker); gets the generation to hand back. */
  onResume: ((resumedAt: number, generation: number) => void) | null = null;
  /** Bumped by every reset, load and resume: a rebuilt history of an older one is dropped. */
  private generation = 0;
  /** When the reads queued at the last attach were done (NaN while they are not). */
  private firstReadEnd = Number.NaN;
  now = Number.NEGATIVE_INFINITY;
  private readonly sliceMs: number;
  /** The reads' turns: idle ones, no answer waits on them (turns.ts). */
  private readonly schedule: (fn: () => void) => void;
  /** A grid build's turns: the view waits for it. */
  private readonly gridSchedule: (fn: () => void) => void;
  private readonly engineBusy: () => Promise<void> | null;

  constructor(
    private readonly getEngine: () => Engine,
    private readonly symbol: () => string | null,
    options: RecorderOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.schedule = options.schedule ?? nextIdleTurn;
    this.gridSchedule = options.schedule ?? nextTurn;
    this.engineBusy = options.engineBusy ?? (() => null);
  }

  onTick(tick: MarketTick): void {
    if (tick.symbol !== this.symbol()) return;
    this.sync(tick.t);
    const m = this.engine?.readState.markets.get(tick.symbol);
    const markText = m?.hasPrices() ? m.mark.toFixed() : tick.mark;
    this.path.add(tick.t, m?.hasPrices() ? m.lastF : Number(tick.last), m?.hasPrices() ? m.markF : Number(tick.mark), markText);
  }

  /**
   * A settlement moves every position's margin, hence its liquidation price, without touching
   * the position (the engine re-solves lazily and says nothing): queue the whole market for an
   * exact re-read.
   */
  onFunding(funding: FundingTick): void {
    if (funding.symbol !== this.symbol()) return;
    this.sync(funding.t);
    if (this.engine && this.symbolNow === funding.symbol) {
      this.pending.addAll(this.engine.indexes.positionsIn(funding.symbol), LIQUIDITY_ID);
      this.work(performance.now() + this.sliceMs);
    }
  }

  onReset(t: number): void {
    this.generation += 1;
    // A rewind drops a rebuild in flight (it stood for a past that changed); before the resume, the
    // recording starts again at t.
    if (this.history === 'rebuilding') this.history = 'from-resume';
    if (t < this.resumedAt) this.resumedAt = t;
    this.store.truncate(t);
    this.path.truncate(t);
    this.detach();
    this.live = null;
    this.now = Math.min(this.now, t);
  }

  /** A resumed session's events are replayed to the chart only; record from the engine's time on. */
  onLoad(t: number): number {
    this.store.clear();
    this.path.clear();
    this.detach();
    this.live = null;
    this.now = Number.NEGATIVE_INFINITY;
    const et = this.getEngine().readState.t;
    this.resumedAt = Number.isFinite(et) && et > t ? et : Number.NEGATIVE_INFINITY;
    this.generation += 1;
    this.history = 'complete';
    if (Number.isFinite(this.resumedAt)) this.beginResume(this.resumedAt);
    return 0;
  }

  /**
   * The engine already holds a session's past (a reopened workspace, or its scenario loaded again)
   * that the recorder did not see: record from `t` on, and ask for the past to be rebuilt.
   */
  beginResume(t: number): void {
    this.resumedAt = t;
    this.generation += 1;
    this.history = this.onResume ? 'rebuilding' : 'from-resume';
    this.onResume?.(t, this.generation);
  }

  /** The history rebuilt from the log, merged in front of what was recorded since the resume. */
  async adoptHistory(h: HeatmapHistory, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    // Until the recorder has read the engine once, there is nothing to join the history to.
    while (generation === this.generation && !(this.firstReadEnd >= this.resumedAt)) {
      if (!this.engine) this.sync(Math.max(this.resumedAt, this.getEngine().readState.t));
      if (!this.engine) break;
      await this.settled();
    }
    if (generation !== this.generation) return;
    const end = Number.isFinite(this.firstReadEnd) ? this.firstReadEnd : this.resumedAt;
    this.store.load(mergeHistory(h.parts, this.store.parts(), end));
    this.path.adopt(h.path);
    this.live = null;
    this.history = 'complete';
  }

  /** The rebuild failed: the view says the history starts at the resume. */
  historyUnavailable(generation: number): void {
    if (generation === this.generation) this.history = 'from-resume';
  }

  /** Accounts still to be read (0: the segments stand for the engine at `now`). */
  get backlog(): number {
    return this.pending.size;
  }

  /** Brings the segments up to the engine at time t (also called before a query, after a command). */
  sync(t: number): void {
    if (t < this.resumedAt) return this.wake();
    const engine = this.getEngine();
    const symbol = this.symbol();
    if (!symbol || !engine.readState.markets.has(symbol)) return this.wake();
    this.now = Math.max(this.now, t);
    if (engine !== this.engine || symbol !== this.symbolNow) {
      this.attach(engine, symbol);
      this.firstReadEnd = Number.NaN;
      this.store.closeAll(this.now);
      this.pending.addAll(engine.indexes.positionsIn(symbol), LIQUIDITY_ID);
    }
    // The trader's orders change without a position change (a stop placed or moved): always re-read.
    this.read(TRADER_ID);
    this.pending.delete(TRADER_ID);
    this.work(performance.now() + this.sliceMs);
  }

  /** Reads everything queued now, whatever it costs (headless use and tests). */
  drainAll(): void {
    if (this.engine && this.engine === this.getEngine()) this.work(Number.POSITIVE_INFINITY);
    else this.pending.clear();
    this.wake();
  }

  /** Resolves once nothing is queued (queries wait for it, so they answer for the whole market). */
  settled(): Promise<void> {
    if (this.pending.empty) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.kick();
    });
  }

  /** The grid kept tick by tick for one window (the view's default); another window is computed in full. */
  liveGrid(w: GridWindow): LiveGrid {
    const same = this.live && sameWindow(this.live.window, w) && this.live.compactions === this.store.compactions;
    if (!same) this.live = new LiveGrid(w, ALL_LAYERS, this.store, this.now);
    return this.live!;
  }

  /**
   * liveGrid built in slices (computeGridSliced) when it must be built: the view's requests never
   * hold main for a store near capacity. The changes the recorder makes meanwhile are kept and
   * applied once the grid at the build's start is done; a change at the build's very instant
   * (which the pass may or may not have seen) or a compaction starts it again.
   */
  async liveGridSliced(w: GridWindow): Promise<LiveGrid> {
    for (;;) {
      if (this.live && sameWindow(this.live.window, w) && this.live.compactions === this.store.compactions) return this.live;
      await this.settled();
      const now0 = this.now;
      const changes: SegmentChange[] = [];
      this.builds.add(changes);
      let built;
      try {
        built = await computeGridSliced(this.store, w, now0, ALL_LAYERS, this.gridSchedule);
      } finally {
        this.builds.delete(changes);
      }
      if (built.compactions !== this.store.compactions || changes.some((c) => c.t <= now0)) continue;
      const live = new LiveGrid(w, ALL_LAYERS, this.store, now0, built);
      live.advance(this.store, changes, this.now);
      this.live = live;
      return live;
    }
  }

  /** Drops the live grid (the store was replaced under it). */
  invalidateLive(): void {
    this.live = null;
  }

  private read(id: string): void {
    const engine = this.engine!;
    const symbol = this.symbolNow!;
    this.store.replace(`${id}|${symbol}`, accountRows(engine, id, symbol, true), this.now);
  }

  /** Reads queued accounts until the deadline, then hands the changes to the live grid. */
  private work(deadline: number): void {
    // The store's next columns, one per slice, before the reads that will need them.
    this.store.prepareGrowth();
    if (this.engine && this.engine === this.getEngine()) {
      for (let id = this.pending.next(); id !== undefined; id = this.pending.next()) {
        this.read(id);
        // A read after a funding settlement re-solves its levels (~30 µs, now and then ms): the clock is read every time.
        if (performance.now() > deadline) break;
      }
    } else if (!this.engineBusy()) this.pending.clear();
    const changes = this.store.drainChanges();
    for (const b of this.builds) for (const c of changes) b.push(c);
    if (this.live && this.live.compactions === this.store.compactions) this.live.advance(this.store, changes, this.now);
    else this.live = null;
    if (!this.pending.empty) this.kick();
    else {
      if (Number.isNaN(this.firstReadEnd)) this.firstReadEnd = this.now;
      this.wake();
    }
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      if (this.pending.empty) return this.wake();
      // An engine mid-event (stand-in for queries) keeps its queue: read once the event is whole.
      const busy = this.engineBusy();
      if (busy) return void busy.then(() => this.kick());
      // A replaced engine (rewind, new session) is attached by the next sync, which reads it in full.
      if (this.engine !== this.getEngine()) return this.sync(Math.max(this.now, this.getEngine().readState.t));
      this.work(performance.now() + this.sliceMs);
    });
  }

  private wake(): void {
    if (!this.pending.empty || this.waiters.length === 0) return;
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  private attach(engine: Engine, symbol: string): void {
    this.detach();
    this.engine = engine;
    this.symbolNow = symbol;
    engine.indexes.liq.onChange = (account, sym) => {
      if (sym === symbol && account !== LIQUIDITY_ID) this.pending.add(account);
    };
  }

  private detach(): void {
    if (this.engine) this.engine.indexes.liq.onChange = null;
    this.engine = null;
    this.symbolNow = null;
    this.pending.clear();
    this.wake();
  }
}

function sameWindow(a: GridWindow, b: GridWindow): boolean {
  return a.t0 === b.t0 && a.t1 === b.t1 && a.p0 === b.p0 && a.p1 === b.p1 && a.cols === b.cols && a.rows === b.rows;
}
