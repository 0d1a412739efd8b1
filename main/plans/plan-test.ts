// For its side effect: node:crypto's sha256 becomes the engine's state hasher (the pure engine's default, @noble's, is ~10x slower).
import '#main/trading/rebuild';
import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import { ScenarioSchema, scenarioEndMs, type Scenario } from '#shared/domain/scenario';
import type { PlanTestResult } from '#shared/ipc/channels/plans';
import type { z } from 'zod';
import type { PlanTestInputSchema } from '#shared/ipc/channels/plans';
import { Dec, toWire, type DecimalString } from '#shared/money/decimal';
import { TRADER_ID } from '#main/engine/model/ids';
import type { MarketData } from '../market/feed/compile';
import { runMarketReplay } from '../market/replay/run-headless';
import type { TickSink } from '../market/replay/sink';
import { HeadlessEngine } from '../trading/headless-engine';
import { sessionFromScenario, type TimedCommand } from '../trading/session';

export type PlanTestRequest = z.output<typeof PlanTestInputSchema>;
type PlanTestInput = PlanTestRequest;

/** A trailing stop is reduce-only: after a market entry it can follow at once; after a limit, only once the entry fills. */
export function trailingFollowsAtOnce(input: PlanTestInput): boolean {
  return input.entry.type === 'market';
}

/**
 * The scenario a plan's test runs: the chosen window with the plan's account (deposit = the plan's
 * equity, its profile, leverage and margin mode), the crowd only when asked, and a script that
 * sends the entry (with its attached stop and take-profits) and the trailing stop: at the same
 * minute after a market entry; after a limit entry at `trailingAtMinute`, the first whole minute
 * after it filled (found by the run; null: it never filled, no trailing stop). It is an
 * ordinary scenario document, so `levdesk replay` runs the same thing.
 */
export function planTestScenario(base: Scenario, input: PlanTestInput, trailingAtMinute: number | null = null): Scenario {
  const { crowd, ...rest } = base;
  const trailAt = trailingFollowsAtOnce(input) ? input.atMinute : trailingAtMinute;
  const script = [
    { atMinute: input.atMinute, command: { type: 'placeOrder' as const, order: input.entry } },
    ...(input.trailing && trailAt !== null ? [{ atMinute: trailAt, command: { type: 'placeOrder' as const, order: input.trailing } }] : []),
  ];
  const doc = {
    ...rest,
    ...(input.crowd && crowd ? { crowd } : {}),
    account: { ...(base.account ?? {}), deposit: input.equity, profile: input.profile, leverage: input.leverage, marginMode: input.marginMode },
    script,
  };
  // Parsed again so the document is exactly what a file with this text would give the CLI.
  return ScenarioSchema.parse(JSON.parse(JSON.stringify(doc)));
}

/** Samples the trader's live trailing stops after each tick: a point when the level moved, at most one a minute. */
class TrailingPathSink implements TickSink {
  readonly path: { t: number; stop: DecimalString }[] = [];
  private lastMinute = -1;
  private last: string | null = null;

  constructor(private readonly engine: HeadlessEngine) {}

  onTick(tick: MarketTick): void {
    const account = this.engine.engine.readState.accounts.get(TRADER_ID);
    if (!account) return;
    for (const o of account.orders.values()) {
      if (o.type !== 'trailingStop' || !o.trailingExtreme || !o.trigger) continue;
      const stop = toWire(o.trigger);
      const minute = Math.floor(tick.t / 60_000);
      if (stop !== this.last && minute !== this.lastMinute) {
        this.path.push({ t: tick.t, stop });
        this.lastMinute = minute;
      }
      this.last = stop;
    }
  }

  onFunding(_funding: FundingTick): void {}
}

/**
 * Sends a limit entry's trailing stop once the entry has filled, as the ticket does on the fill
 * event: when the trader first holds the position, a script step at the next whole minute
 * (scenario scripts are per minute; the step is after the tick that filled, so a replay of the
 * resulting document applies it at the same tick).
 */
class TrailingOnFillSink implements TickSink {
  atMinute: number | null = null;

  constructor(
    private readonly engine: HeadlessEngine,
    private readonly script: TimedCommand[],
    private readonly t0: number,
    private readonly symbol: string,
    private readonly order: PlanTestInput['trailing'],
  ) {}

  onTick(tick: MarketTick): void {
    if (this.atMinute !== null || !this.order) return;
    const held = this.engine.engine.readState.accounts.get(TRADER_ID)?.positions.get(this.symbol);
    if (!held || !held.qty.gt(0)) return;
    this.atMinute = Math.floor((tick.t - this.t0) / 60_000) + 1;
    this.script.push({ t: this.t0 + this.atMinute * 60_000, command: { type: 'placeOrder', order: this.order } });
  }

  onFunding(_funding: FundingTick): void {}
}

/**
 * Runs the plan headless on a stored window (no crowd unless asked) and says what would have
 * happened. A two-hour 1m window takes tens of milliseconds without the crowd (bench: plans).
 */
export function runPlanTest(base: Scenario, id: string | null, data: MarketData, input: PlanTestInput, now: () => number = () => performance.now()): PlanTestResult {
  const started = now();
  const first = planTestScenario(base, input);
  const spec = sessionFromScenario(first, id);
  // The script the engine reads, which the fill sink may extend while the window runs.
  const script: TimedCommand[] = [...spec.script];
  const engine = new HeadlessEngine({ ...spec, script });
  const trail = new TrailingPathSink(engine);
  const onFill = new TrailingOnFillSink(engine, script, spec.t0, first.symbol, trailingFollowsAtOnce(input) ? null : input.trailing);
  runMarketReplay(first, data, { id, sinks: [engine, onFill, trail] });
  const scenario = onFill.atMinute === null ? first : planTestScenario(base, input, onFill.atMinute);
  const r = engine.result();
  const trader = r.liquidations.trader.filter((l) => l.account === TRADER_ID);
  const exitFill = r.fills.find((f) => f.orderId !== null && new Dec(f.realizedPnl).abs().gt(0));
  const liquidatedFirst = trader.length > 0 && (!exitFill || trader[0]!.t <= exitFill.t);
  const pnl = new Dec(r.account.marginBalance).minus(input.equity);
  const start = Date.parse(scenario.start);
  return {
    scenario: JSON.stringify(scenario, null, 2),
    window: { start, end: scenarioEndMs(scenario), entryAt: start + Math.round(input.atMinute * 60_000) },
    rejected: [...r.script.rejected],
    fills: [...r.fills],
    orders: [...r.orders],
    trailingPath: trail.path,
    liquidations: trader,
    liquidatedFirst,
    pnl: toWire(pnl),
    r: toWire(pnl.div(input.lossAtStop).toDecimalPlaces(4, Dec.ROUND_HALF_EVEN)),
    positionsAtEnd: [...r.positions],
    stateHash: r.stateHash,
    ms: now() - started,
  };
}
