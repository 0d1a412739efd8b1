// For its side effect: node:crypto's sha256 becomes the engine's state hasher (the pure engine's default, @noble's, is ~10x slower).
import '#main/trading/rebuild';
import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import type { AccountSummary, PositionView } from '#shared/domain/trading-account';
import type { EngineEvent } from '#shared/domain/trading-commands';
import type { FillView, FundingPaymentView, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import { Dec, ZERO, toWire, type DecimalString } from '#shared/money/decimal';
import type { Effect } from '#main/engine/effects';
import { Engine, type EngineOptions } from '#main/engine/engine';
import { TRADER_ID } from '#main/engine/model/ids';
import { accountSummary, positionViews } from '#main/engine/queries/account-view';
import type { TickSink } from '../market/replay/sink';
import { headerEvents, type SessionSpec } from './session';

export interface EngineReplayResult {
  readonly session: { readonly name: string; readonly deposit: DecimalString; readonly insuranceFund: DecimalString; readonly crowdTraders: number };
  readonly script: { readonly steps: number; readonly applied: number; readonly rejected: ReadonlyArray<{ step: number; t: number; type: string; code: string; message: string }> };
  readonly fills: readonly FillView[];
  readonly orders: readonly OrderView[];
  readonly funding: readonly FundingPaymentView[];
  readonly liquidations: {
    readonly total: number;
    readonly longs: number;
    readonly shorts: number;
    readonly quantity: DecimalString;
    readonly withAdl: number;
    readonly withDeficit: number;
    readonly backstopQuantity: DecimalString;
    readonly trader: readonly LiquidationView[];
    readonly firstAt: number | null;
    readonly lastAt: number | null;
  };
  readonly insuranceFund: { readonly start: DecimalString; readonly end: DecimalString; readonly min: DecimalString; readonly max: DecimalString; readonly changes: number };
  readonly crowd: { readonly opened: number; readonly skipped: number; readonly openPositionsAtEnd: number };
  readonly openInterestAtEnd: DecimalString;
  readonly feesCollected: DecimalString;
  readonly account: AccountSummary;
  readonly positions: readonly PositionView[];
  readonly events: number;
  readonly stateHash: string;
}

/**
 * The engine as a plain TickSink for headless replays (`levdesk replay`): the session's header,
 * then every tick and settlement, with the scenario's script applied at the first tick at or
 * after each step's time. Nothing is persisted; the result is a summary of what happened.
 */
export class HeadlessEngine implements TickSink {
  readonly engine: Engine;
  private next = 0;
  private readonly rejected: Array<{ step: number; t: number; type: string; code: string; message: string }> = [];
  private applied = 0;
  private readonly fills: FillView[] = [];
  private readonly orders = new Map<number, OrderView>();
  private readonly funding: FundingPaymentView[] = [];
  private readonly traderLiquidations: LiquidationView[] = [];
  private liq = { total: 0, longs: 0, shorts: 0, qty: ZERO, adl: 0, deficit: 0, backstop: ZERO, first: null as number | null, last: null as number | null };
  private fund = { start: ZERO, min: ZERO, max: ZERO, changes: 0 };
  private crowd = { opened: 0, skipped: 0 };

  constructor(
    private readonly spec: SessionSpec,
    options: EngineOptions = {},
  ) {
    this.engine = new Engine(undefined, options);
    for (const e of headerEvents(spec)) this.apply(e);
    const f = this.engine.readState.insurance;
    this.fund = { start: f, min: f, max: f, changes: 0 };
  }

  onTick(tick: MarketTick): void {
    this.apply({ kind: 'tick', tick });
    const script = this.spec.script;
    while (this.next < script.length && script[this.next]!.t <= tick.t) {
      const step = script[this.next]!;
      const r = this.engine.apply({ kind: 'command', t: tick.t, account: TRADER_ID, command: step.command });
      if (r.ok) {
        this.applied += 1;
        this.collect(r.effects);
      } else {
        this.rejected.push({ step: this.next, t: tick.t, type: step.command.type, code: r.rejection.code, message: r.rejection.message });
      }
      this.next += 1;
    }
  }

  onFunding(funding: FundingTick): void {
    this.apply({ kind: 'funding', funding });
  }

  private apply(e: EngineEvent): void {
    const r = this.engine.apply(e);
    if (!r.ok) throw new Error(`the engine refused the replay's ${e.kind}: ${r.rejection.message}`);
    this.collect(r.effects);
  }

  private collect(effects: readonly Effect[]): void {
    for (const e of effects) {
      switch (e.kind) {
        case 'fill':
          if (e.fill.account === TRADER_ID) this.fills.push(e.fill);
          break;
        case 'order':
          if (e.account === TRADER_ID) this.orders.set(e.order.id, e.order);
          break;
        case 'funding':
          if (e.payment.account === TRADER_ID) this.funding.push(e.payment);
          break;
        case 'liquidation': {
          const l = e.liquidation;
          this.liq.total += 1;
          if (l.side === 'long') this.liq.longs += 1;
          else this.liq.shorts += 1;
          this.liq.qty = this.liq.qty.plus(l.quantity);
          if (l.adl.length > 0) this.liq.adl += 1;
          if (new Dec(l.deficit).gt(0)) this.liq.deficit += 1;
          this.liq.backstop = this.liq.backstop.plus(l.backstopQuantity);
          this.liq.first ??= l.t;
          this.liq.last = l.t;
          if (l.account === TRADER_ID || l.adl.some((s) => s.account === TRADER_ID)) this.traderLiquidations.push(l);
          break;
        }
        case 'insurance': {
          const b = new Dec(e.entry.balance);
          this.fund.changes += 1;
          this.fund.min = Dec.min(this.fund.min, b);
          this.fund.max = Dec.max(this.fund.max, b);
          break;
        }
        case 'crowdArrived':
          this.crowd.opened += e.opened;
          this.crowd.skipped += e.skipped;
          break;
        case 'balance':
        case 'position':
        case 'triggered':
        case 'fundingSettled':
          break;
        default: {
          const never: never = e;
          throw new Error(`unknown effect ${String(never)}`);
        }
      }
    }
  }

  result(): EngineReplayResult {
    const st = this.engine.readState;
    const v = { state: st, idx: this.engine.indexes };
    const me = st.accounts.get(TRADER_ID)!;
    const m = st.markets.get(this.spec.symbol)!;
    let open = 0;
    for (const a of st.accounts.values()) if (a.kind === 'crowd' && a.positions.size > 0) open += 1;
    return {
      session: { name: this.spec.name, deposit: toWire(me.deposited), insuranceFund: toWire(this.fund.start), crowdTraders: this.spec.crowd?.traders ?? 0 },
      script: { steps: this.spec.script.length, applied: this.applied, rejected: this.rejected },
      fills: this.fills,
      orders: [...this.orders.values()].sort((a, b) => a.id - b.id),
      funding: this.funding,
      liquidations: {
        total: this.liq.total,
        longs: this.liq.longs,
        shorts: this.liq.shorts,
        quantity: toWire(this.liq.qty),
        withAdl: this.liq.adl,
        withDeficit: this.liq.deficit,
        backstopQuantity: toWire(this.liq.backstop),
        trader: this.traderLiquidations,
        firstAt: this.liq.first,
        lastAt: this.liq.last,
      },
      insuranceFund: { start: toWire(this.fund.start), end: toWire(st.insurance), min: toWire(this.fund.min), max: toWire(this.fund.max), changes: this.fund.changes },
      crowd: { ...this.crowd, openPositionsAtEnd: open },
      openInterestAtEnd: toWire(m.openInterest),
      feesCollected: toWire(st.fees),
      account: accountSummary(v, me),
      positions: m.hasPrices() ? positionViews(v, me) : [],
      events: st.seq,
      stateHash: this.engine.stateHash(),
    };
  }
}
