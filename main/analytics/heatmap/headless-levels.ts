import type { EstimateParams, HeatmapLevels } from '#shared/domain/heatmap';
import { DEFAULT_ESTIMATE } from '#shared/domain/heatmap';
import { INTERVAL_MS } from '#shared/domain/market-series';
import type { MarketTick } from '#shared/domain/market-tick';
import type { Scenario } from '#shared/domain/scenario';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { eventTime } from '#shared/domain/trading-commands';
import { Dec } from '#shared/money/decimal';
import { Engine } from '#main/engine/engine';
import { TRADER_ID } from '#main/engine/model/ids';
import { compileScenario, type MarketData } from '../../market/feed/compile';
import { MarketFeed } from '../../market/feed/market-feed';
import { HeadlessEngine } from '../../trading/headless-engine';
import type { SessionSpec } from '../../trading/session';
import { engineRows } from './engine-rows';
import { estimateSegments, type EstimateBar } from './estimate';
import { binningFor, exactLevels, levelsDoc } from './levels';
import { ownMarks } from './own';
import { rowsAliveAt } from './segments-query';
import { readStoredBars } from './stored-bars';

/**
 * The heatmap at one moment of a scenario, headless (`levdesk heatmap`): the scenario replayed
 * to `at` (every event at or before it) with its account, crowd and script, or, when `log` is
 * given, a workspace's own paper-trading log of this scenario (the trader's commands included,
 * so the answer equals what the view shows at that time). Engine source when there is a crowd or
 * the trader holds a position; the estimate over the window's candles otherwise.
 */
export function headlessLevels(args: {
  scenario: Scenario;
  session: SessionSpec;
  data: MarketData;
  at: number;
  bins: number;
  log?: readonly EngineEvent[] | null;
  estimate?: EstimateParams;
}): HeatmapLevels {
  const spec = compileScenario(args.scenario, args.data);
  const feed = new MarketFeed(spec);
  const bars = new BarFolder(INTERVAL_MS[spec.barInterval]);
  let engine: Engine;
  if (args.log) {
    engine = new Engine();
    for (const e of args.log) {
      if (eventTime(e) > args.at) break;
      const r = engine.apply(e);
      if (!r.ok && e.kind !== 'command') throw new Error(`the workspace's log was refused at a ${e.kind}: ${r.rejection.message}`);
      if (e.kind === 'tick') bars.add(e.tick);
    }
  } else {
    const headless = new HeadlessEngine(args.session);
    for (let e = feed.next(); e; e = feed.next()) {
      const t = e.kind === 'tick' ? e.tick.t : e.funding.t;
      if (t > args.at) break;
      if (e.kind === 'tick') {
        headless.onTick(e.tick);
        bars.add(e.tick);
      } else headless.onFunding(e.funding);
    }
    engine = headless.engine;
  }
  const symbol = args.scenario.symbol;
  const m = engine.readState.markets.get(symbol);
  if (!m || !m.hasPrices()) throw new RangeError(`no tick of ${symbol} at or before ${new Date(args.at).toISOString()} (the scenario starts at ${args.scenario.start})`);
  const me = engine.readState.accounts.get(TRADER_ID);
  const crowd = engine.readState.crowd;
  const useEngine = (crowd !== null && crowd.params.traders > 0) || (me !== undefined && me.positions.size > 0);
  const tick = m.spec.tickSize;
  if (useEngine) {
    const rows = engineRows(engine, symbol, true);
    return levelsDoc(args.at, m.mark, 'engine', exactLevels(rows, binningFor(rows, m.mark, args.bins, tick), m.spec.stepSize, m.mark), ownMarks(engine, symbol));
  }
  const stored = readStoredBars(args.data, args.scenario, spec.start, args.at);
  const store = estimateSegments(stored?.bars ?? bars.bars, stored?.intervalMs ?? INTERVAL_MS[spec.barInterval], args.at, args.estimate ?? DEFAULT_ESTIMATE, m.spec.brackets[0]!.maintenanceMarginRate.toNumber(), m.spec.stepSize.toNumber());
  const rows = rowsAliveAt(store, args.at);
  const mark = new Dec(m.mark);
  return levelsDoc(args.at, mark, 'estimate', exactLevels(rows, binningFor(rows, mark, args.bins, tick), m.spec.stepSize, mark), []);
}

/** Bars of the perp's last from ticks (synthetic markets: each bar one unit of volume). */
class BarFolder {
  readonly bars: EstimateBar[] = [];
  constructor(private readonly ms: number) {}

  add(tick: MarketTick): void {
    const t = Math.floor(tick.t / this.ms) * this.ms;
    const p = Number(tick.last);
    const tail = this.bars[this.bars.length - 1];
    if (tail && tail.t === t) {
      this.bars[this.bars.length - 1] = { ...tail, high: Math.max(tail.high, p), low: Math.min(tail.low, p), close: p };
    } else this.bars.push({ t, open: p, high: p, low: p, close: p, volume: 1 });
  }
}
