import type { EstimateParams, HeatmapDetail, HeatmapGrid, HeatmapLevelsView, HeatmapSource } from '#shared/domain/heatmap';
import { DEFAULT_ESTIMATE } from '#shared/domain/heatmap';
import { INTERVAL_MS } from '#shared/domain/market-series';
import type { Scenario } from '#shared/domain/scenario';
import { Dec } from '#shared/money/decimal';
import { TRADER_ID } from '#main/engine/model/ids';
import { AppError } from '../../ipc/app-error';
import type { MarketService } from '../../market/market-service';
import type { ReplayService } from '../../market/replay/replay-service';
import type { TradingService } from '../../trading/trading-service';
import { base64Cells, gridCells, type LayerInput } from './encode';
import { SentGrids } from './grid-delta';
import { estimateSegments, type EstimateBar } from './estimate';
import type { GridWindow } from './grid';
import { computeGridSliced } from './grid-sliced';
import { binningFor, detailOf, exactLevels, levelOf, levelSplits, levelsDoc } from './levels';
import { ownMarks } from './own';
import { rebuildHistoryOffMain, type HistoryRun } from './history-runner';
import { HeatmapRecorder } from './recorder';
import type { SegmentStore } from './segments';
import { rowsAliveAtSliced } from './segments-query';
import { readStoredBars } from './stored-bars';

/** The default price window around the first mark: wide enough for a real crash window's range. */
const DEFAULT_BELOW = 0.7;
const DEFAULT_ABOVE = 1.3;

export interface GridRequest {
  readonly source: HeatmapSource | 'auto';
  readonly t0?: number | undefined;
  readonly t1?: number | undefined;
  readonly p0?: number | undefined;
  readonly p1?: number | undefined;
  readonly cols: number;
  readonly rows: number;
  readonly layers: LayerInput;
  readonly estimate?: EstimateParams | undefined;
  /** The version of the grid the view holds: the answer may then carry only the columns that changed. */
  readonly base?: string | undefined;
}

/**
 * The heatmap behind the view's channels: the recorder's segments (engine source) or the
 * estimate's (from the window's candles), as grids, exact levels and cell details. Grids are
 * single passes over the segments, done in slices that yield to the event loop (grid-sliced.ts);
 * queries first wait for the recorder's queue (recorder.ts), so main is never held for long
 * (test/bench/heatmap-loop.bench.ts).
 */
export class HeatmapService {
  readonly recorder: HeatmapRecorder;
  private estimateCache: { key: string; store: SegmentStore } | null = null;
  /** The grids sent lately, for answers that carry only the changed columns (grid-delta.ts). */
  private readonly sentGrids = new SentGrids();
  private rebuild: HistoryRun | null = null;
  private closed = false;

  constructor(
    private readonly trading: TradingService,
    private readonly replay: ReplayService,
    private readonly market: MarketService,
    /** The workspace file: a reopened session's heatmap history is rebuilt from its log in a worker. */
    private readonly dbPath?: string,
  ) {
    // Asked on every tick: the session's symbol is a field read, the replay's status builds an object.
    this.recorder = new HeatmapRecorder(
      () => trading.engine,
      () => trading.currentSession?.symbol ?? null,
      { engineBusy: () => (trading.busy ? trading.settled() : null) },
    );
    if (dbPath) this.recorder.onResume = (_t, generation) => this.rebuildHistory(generation);
    // A reopened workspace: the engine already holds the session's past, which the recorder never saw.
    const t = trading.engine.readState.t;
    if (trading.currentSession && Number.isFinite(t)) this.recorder.beginResume(t);
  }

  /** Replays the session's log to the engine's event in a worker, then merges it in front (recorder.adoptHistory). */
  private rebuildHistory(generation: number): void {
    const symbol = this.trading.currentSession?.symbol;
    if (!symbol || !this.dbPath) return this.recorder.historyUnavailable(generation);
    this.trading.flush();
    const toSeq = this.trading.engine.readState.seq;
    this.rebuild?.cancel();
    const run = rebuildHistoryOffMain({ dbPath: this.dbPath, symbol, toSeq });
    this.rebuild = run;
    run.result
      .then((h) => this.recorder.adoptHistory(h, generation))
      .catch((err: unknown) => {
        if (!this.closed) console.warn(`Levdesk could not rebuild the heatmap's history: ${(err as Error).message}`);
        this.recorder.historyUnavailable(generation);
      })
      .finally(() => {
        if (this.rebuild === run) this.rebuild = null;
      });
  }

  /** Stops a history rebuild in flight (the app closes). */
  close(): void {
    this.closed = true;
    this.rebuild?.cancel();
    this.rebuild = null;
  }

  /** Resolves when a history rebuild in flight is done (tests). */
  async historySettled(): Promise<void> {
    while (this.recorder.history === 'rebuilding') await new Promise((resolve) => setTimeout(resolve, 20));
  }

  symbol(): string | null {
    return this.replay.status().scenario?.symbol ?? this.trading.currentSession?.symbol ?? null;
  }

  /** Engine when the session has a crowd or the trader holds a position; otherwise the estimate. */
  autoSource(): HeatmapSource {
    const st = this.trading.engine.readState;
    if (st.crowd && st.crowd.params.traders > 0) return 'engine';
    const me = st.accounts.get(TRADER_ID);
    return me && me.positions.size > 0 ? 'engine' : 'estimate';
  }

  private resolve(source: HeatmapSource | 'auto'): HeatmapSource {
    return source === 'auto' ? this.autoSource() : source;
  }

  private clock(): number {
    const t = this.trading.engine.readState.t;
    if (Number.isFinite(t)) this.recorder.sync(t);
    return Number.isFinite(t) ? t : (this.replay.status().t ?? 0);
  }

  /**
   * The clock, once the recorder has read everything queued (a first read of a big crowd, a
   * cascade step, a funding settlement's re-read run in slices off the tick): the answer then
   * stands for the whole market at that time.
   */
  private async settledClock(): Promise<number> {
    this.clock();
    await this.recorder.settled();
    return this.clock();
  }

  async grid(req: GridRequest): Promise<HeatmapGrid> {
    const now = await this.settledClock();
    const started = performance.now();
    const source = this.resolve(req.source);
    const info = this.replay.status().scenario;
    const path = this.recorder.path.all();
    const first = path[0]?.mark ?? this.trading.engine.readState.markets.get(this.symbol() ?? '')?.markF ?? 1;
    const w: GridWindow = {
      t0: req.t0 ?? info?.start ?? now,
      t1: req.t1 ?? info?.end ?? now + 1,
      p0: req.p0 ?? first * DEFAULT_BELOW,
      p1: req.p1 ?? first * DEFAULT_ABOVE,
      cols: req.cols,
      rows: req.rows,
    };
    if (!(w.t1 > w.t0) || !(w.p1 > w.p0)) throw new AppError('BAD_INPUT', 'the grid needs t1 > t0 and p1 > p0');
    let data: Float64Array;
    const estimate = source === 'estimate' ? (req.estimate ?? DEFAULT_ESTIMATE) : null;
    if (source === 'engine') {
      const all = req.layers.long && req.layers.short && req.layers.stops;
      data = all && req.t0 === undefined && req.p0 === undefined ? (await this.recorder.liveGridSliced(w)).data : (await computeGridSliced(this.recorder.store, w, now, maskOf(req.layers))).data;
    } else {
      data = (await computeGridSliced(this.estimateStore(estimate!, now), w, now, maskOf(req.layers))).data;
    }
    const { cells, max } = gridCells(data, this.step());
    // A delta is right whatever changed meanwhile (window, layers, session): it is the difference in
    // cells from the grid the view holds, of the same shape.
    const sent = this.sentGrids.send(`${w.cols}x${w.rows}`, cells, w.rows, req.base);
    const d = sent.delta;
    return {
      source,
      ...w,
      now,
      data: d ? base64Cells(cells, d.from * w.rows, d.to * w.rows) : base64Cells(cells, 0, cells.length),
      max,
      version: sent.version,
      delta: d,
      path: path.filter((p) => p.t >= w.t0 && p.t <= w.t1).map((p) => ({ t: p.t, last: p.last, mark: p.mark, low: p.low, high: p.high })),
      estimate,
      computeMs: performance.now() - started,
      history: source === 'engine' ? this.recorder.history : 'complete',
      historyFrom: source === 'engine' && this.recorder.history !== 'complete' && Number.isFinite(this.recorder.resumedAt) ? this.recorder.resumedAt : null,
    };
  }

  /** The exact levels at t (the clock when omitted): what `levdesk heatmap` prints. */
  async levels(input: { t?: number | undefined; bins: number; source: HeatmapSource | 'auto'; estimate?: EstimateParams | undefined }): Promise<HeatmapLevelsView> {
    const now = await this.settledClock();
    const source = this.resolve(input.source);
    const m = this.marketState();
    // Taken before the scan yields: the replay may move on meanwhile, and these belong to `now`.
    const own = source === 'engine' && (input.t === undefined || input.t >= now) ? ownMarks(this.trading.engine, m.symbol) : [];
    const { rows, mark, t } = await this.rowsAt(source, input.t, input.estimate);
    const b = binningFor(rows, mark, input.bins, m.spec.tickSize);
    return { ...levelsDoc(t, mark, source, exactLevels(rows, b, m.spec.stepSize, mark), own), split: levelSplits(rows, b, m.spec.stepSize.toNumber()), bins: b.bins };
  }

  /** One level (by index in the levels at t) or one grid cell (a float price range) in detail. */
  async detail(input: { t?: number | undefined; source: HeatmapSource | 'auto'; bins?: number | undefined; level?: number | undefined; priceFrom?: number | undefined; priceTo?: number | undefined; estimate?: EstimateParams | undefined }): Promise<HeatmapDetail> {
    await this.settledClock();
    const source = this.resolve(input.source);
    const { rows, mark, t } = await this.rowsAt(source, input.t, input.estimate);
    const m = this.marketState();
    if (input.level !== undefined && input.bins !== undefined) {
      const b = binningFor(rows, mark, input.bins, m.spec.tickSize);
      const i = Math.min(input.level, b.bins - 1);
      return detailOf(rows, (r) => levelOf(b, r.price, r.priceText) === i, t, b.lo.plus(b.width.mul(i)).toFixed(), b.lo.plus(b.width.mul(i + 1)).toFixed(), m.spec.stepSize, mark);
    }
    const lo = input.priceFrom ?? 0;
    const hi = input.priceTo ?? Number.POSITIVE_INFINITY;
    return detailOf(rows, (r) => r.price >= lo && r.price < hi, t, new Dec(lo).toSignificantDigits(12).toFixed(), Number.isFinite(hi) ? new Dec(hi).toSignificantDigits(12).toFixed() : '0', m.spec.stepSize, mark);
  }

  private async rowsAt(source: HeatmapSource, tIn: number | undefined, est: EstimateParams | undefined) {
    const now = this.clock();
    const t = tIn === undefined || tIn >= now ? now : tIn;
    const m = this.marketState();
    if (source === 'engine') {
      // The recorder's segments, not a fresh read of the engine: reading 100,000 positions' decimals
      // takes seconds, the segments a few ms (they hold the engine's own prices as text).
      const p = this.recorder.path.at(t);
      const mark = t === now ? m.mark : p ? new Dec(p.markText) : m.mark;
      return { rows: await rowsAliveAtSliced(this.recorder.store, t), mark, t };
    }
    const p = this.recorder.path.at(t);
    const mark = p ? new Dec(p.markText) : m.mark;
    return { rows: await rowsAliveAtSliced(this.estimateStore(est ?? DEFAULT_ESTIMATE, now), t), mark, t };
  }

  private marketState() {
    const symbol = this.symbol();
    const m = symbol ? this.trading.engine.readState.markets.get(symbol) : undefined;
    if (!m || !m.hasPrices()) throw new AppError('CONFLICT', 'no market yet: load a scenario in the replay first');
    return m;
  }

  private step(): number {
    const symbol = this.symbol();
    return (symbol && this.trading.engine.readState.markets.get(symbol)?.spec.stepSize.toNumber()) || 1;
  }

  private estimateStore(p: EstimateParams, now: number): SegmentStore {
    const bars = this.estimateBars(now);
    const key = `${JSON.stringify(p)}|${bars.bars.length}|${bars.bars[bars.bars.length - 1]?.t ?? 0}|${now}`;
    if (this.estimateCache?.key === key) return this.estimateCache.store;
    const m = this.marketState();
    const store = estimateSegments(bars.bars, bars.intervalMs, now, p, m.spec.brackets[0]!.maintenanceMarginRate.toNumber(), m.spec.stepSize.toNumber());
    this.estimateCache = { key, store };
    return store;
  }

  /** The window's stored candles up to now (with their volume), or the replay's bars (one unit each). */
  private estimateBars(now: number): { bars: EstimateBar[]; intervalMs: number } {
    const info = this.replay.status().scenario;
    const replayBars = this.replay.bars();
    const intervalMs = INTERVAL_MS[replayBars.interval ?? info?.barInterval ?? '1m'];
    const stored = storedBars(this.market, this.trading.currentSession?.source?.scenario ?? null, info?.start ?? 0, now);
    if (stored) return stored;
    return { bars: replayBars.bars.filter((b) => b.t <= now).map((b) => ({ t: b.t, open: Number(b.open), high: Number(b.high), low: Number(b.low), close: Number(b.close), volume: 1 })), intervalMs };
  }
}

function maskOf(l: LayerInput): number {
  return (l.long ? 1 : 0) | (l.short ? 2 : 0) | (l.stops ? 4 : 0);
}

function storedBars(market: MarketService, scenario: Scenario | null, start: number, now: number): { bars: EstimateBar[]; intervalMs: number } | null {
  return scenario ? readStoredBars(market.data(), scenario, start, now) : null;
}
