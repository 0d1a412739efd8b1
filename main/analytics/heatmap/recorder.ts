import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import type { Engine } from '#main/engine/engine';
import { TRADER_ID } from '#main/engine/model/ids';
import type { TickSink } from '../../market/replay/sink';
import { accountRows, accountsOn } from './engine-rows';
import { ALL_LAYERS, LiveGrid, type GridWindow } from './grid';
import { PricePath } from './price-path';
import { SegmentStore } from './segments';

/**
 * Records the engine's liquidation levels and stops over replay time, as segments (segments.ts).
 * It is a TickSink registered after the trading service, so it sees each tick after the engine
 * applied it. The engine tells it which positions changed (LiquidationIndex.onChange), so a tick
 * costs O(changed positions), not O(crowd). A replaced engine (a rewind restores one from a
 * snapshot, a new session starts one) is read in full once.
 */
export class HeatmapRecorder implements TickSink {
  readonly store = new SegmentStore();
  readonly path = new PricePath();
  private engine: Engine | null = null;
  private readonly dirty = new Set<string>();
  private live: LiveGrid | null = null;
  /** Engine time before which events came from a resumed log (recorded from there on). */
  private resumedAt = Number.NEGATIVE_INFINITY;
  now = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly getEngine: () => Engine,
    private readonly symbol: () => string | null,
  ) {}

  onTick(tick: MarketTick): void {
    if (tick.symbol !== this.symbol()) return;
    this.sync(tick.t);
    const m = this.engine?.readState.markets.get(tick.symbol);
    const markText = m?.hasPrices() ? m.mark.toFixed() : tick.mark;
    this.path.add(tick.t, m?.hasPrices() ? m.lastF : Number(tick.last), m?.hasPrices() ? m.markF : Number(tick.mark), markText);
  }

  onFunding(funding: FundingTick): void {
    if (funding.symbol === this.symbol()) this.sync(funding.t);
  }

  onReset(t: number): void {
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
    return 0;
  }

  /** Brings the segments up to the engine at time t (also called before a query, after a command). */
  sync(t: number): void {
    if (t < this.resumedAt) return;
    const engine = this.getEngine();
    const symbol = this.symbol();
    if (!symbol || !engine.readState.markets.has(symbol)) return;
    if (engine !== this.engine) {
      this.attach(engine);
      this.store.closeAll(t);
      for (const id of accountsOn(engine, symbol)) this.store.replace(`${id}|${symbol}`, accountRows(engine, id, symbol, false), t);
    } else {
      // The trader's orders change without a position change (a stop placed or moved): always re-read.
      this.dirty.add(`${TRADER_ID}|${symbol}`);
      for (const key of this.dirty) {
        const bar = key.indexOf('|');
        if (key.slice(bar + 1) !== symbol) continue;
        this.store.replace(key, accountRows(engine, key.slice(0, bar), symbol, false), t);
      }
    }
    this.dirty.clear();
    this.now = Math.max(this.now, t);
    const changes = this.store.drainChanges();
    if (this.live && this.live.compactions === this.store.compactions) this.live.advance(this.store, changes, this.now);
    else this.live = null;
  }

  /** The grid kept tick by tick for one window (the view's default); another window is computed in full. */
  liveGrid(w: GridWindow): LiveGrid {
    const same = this.live && sameWindow(this.live.window, w) && this.live.compactions === this.store.compactions;
    if (!same) this.live = new LiveGrid(w, ALL_LAYERS, this.store, this.now);
    return this.live!;
  }

  private attach(engine: Engine): void {
    this.detach();
    this.engine = engine;
    engine.indexes.liq.onChange = (account, symbol) => this.dirty.add(`${account}|${symbol}`);
  }

  private detach(): void {
    if (this.engine) this.engine.indexes.liq.onChange = null;
    this.engine = null;
    this.dirty.clear();
  }
}

function sameWindow(a: GridWindow, b: GridWindow): boolean {
  return a.t0 === b.t0 && a.t1 === b.t1 && a.p0 === b.p0 && a.p1 === b.p1 && a.cols === b.cols && a.rows === b.rows;
}
