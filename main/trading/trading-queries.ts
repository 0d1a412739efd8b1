import type { Side } from '#shared/domain/exchange';
import type { AccountSummary, MarketView, PositionView } from '#shared/domain/trading-account';
import type { OrderRequest, OrderView } from '#shared/domain/trading-orders';
import type { CrowdPage, CrowdSort, Explanation, OrderPreview } from '#shared/domain/trading-queries';
import type { TradingState } from '#shared/ipc/channels/trading';
import { toWire } from '#shared/money/decimal';
import { EngineRejection } from '#main/engine/context';
import type { Engine } from '#main/engine/engine';
import type { Account } from '#main/engine/model/account';
import { TRADER_ID } from '#main/engine/model/ids';
import { accountSummary, marketView, openOrders, positionViews, type EngineView } from '#main/engine/queries/account-view';
import { crowdOrder, crowdOrderSteps, crowdPage, crowdTotals, prepareCrowdOrderSteps, sortMovesWithMark, type CrowdTotals } from '#main/engine/queries/crowd-page';
import { CrowdTotalsTracker } from '#main/engine/queries/crowd-totals';
import { explainFunding, explainRisk } from '#main/engine/queries/explain';
import { IdRanks } from '#main/engine/queries/id-ranks';
import { previewOrder } from '#main/engine/queries/preview';
import { AppError } from '../ipc/app-error';
import type { Db } from '../store/db-types';
import { TradingHistoryRepo } from '../store/trading-history-repo';
import { nextTask, runSliced } from '../app/run-sliced';

/** Positions (or ids) a slice of the first numbering or recording takes (~5-10 ms). */
const TOTALS_STEP = 5000;

/** The Market tab's caches of one engine (TradingQueries keeps one set per engine state). */
interface CrowdCaches {
  order: { readonly key: string; readonly ids: readonly string[] } | null;
  totals: { readonly key: string; readonly totals: CrowdTotals } | null;
  readonly idRanks: IdRanks;
  /** By market. */
  readonly sums: Map<string, CrowdTotalsTracker>;
  /**
   * By market: the liquidation index's version when its sums were last exact. Every change of a
   * position sets or removes its index entry, so the same version means the same positions and
   * the sums need no walk.
   */
  readonly sumsAt: Map<string, number>;
  /** prepareCrowd's numbering of the ids and recording of the sums, in slices (once per engine). */
  warming: Promise<void> | null;
}

type CrowdInput = { symbol?: string | undefined; sort: CrowdSort; desc: boolean; side?: Side | undefined; offset: number; limit: number };

/**
 * The read side of paper trading: live views from the engine, history from the workspace. The
 * market positions' ordering (the costly part of paging 100,000 rows) is cached per sort: until
 * the positions change for most sorts, until the next event for those that move with the mark.
 */
export class TradingQueries {
  readonly history: TradingHistoryRepo;
  /**
   * The Market tab's caches, one set per engine state: their keys are counters of one engine. The
   * stand-in engine shown while the real one is mid-event (a stepped funding settlement or
   * snapshot) gets its own, so the real engine's survive it: starting them afresh there cost
   * ~100 ms of renumbering 100,000 ids on main after every big settlement.
   */
  private caches = new WeakMap<object, CrowdCaches>();

  constructor(
    db: Db,
    private readonly engine: () => Engine,
    /** From how many positions a page's order is computed in slices beforehand (prepareCrowdPage). */
    private readonly slicedOrderRows = SLICED_ORDER_ROWS,
  ) {
    this.history = new TradingHistoryRepo(db);
  }

  invalidate(): void {
    this.caches = new WeakMap();
  }

  private cachesFor(state: object): CrowdCaches {
    let c = this.caches.get(state);
    if (!c) this.caches.set(state, (c = { order: null, totals: null, idRanks: new IdRanks(), sums: new Map(), sumsAt: new Map(), warming: null }));
    return c;
  }

  private view(): EngineView {
    const e = this.engine();
    return { state: e.readState, idx: e.indexes };
  }

  private trader(): Account | null {
    return this.engine().readState.accounts.get(TRADER_ID) ?? null;
  }

  account(): AccountSummary {
    const a = this.trader();
    if (!a) {
      const z = toWire(0);
      return { t: null, walletBalance: z, crossWalletBalance: z, isolatedMargin: z, unrealizedPnl: z, marginBalance: z, crossMarginBalance: z, maintenanceMargin: z, marginRatio: null, positionInitialMargin: z, openOrderMargin: z, availableBalance: z, maxWithdrawable: z, deposited: z, withdrawn: z };
    }
    return accountSummary(this.view(), a);
  }

  positions(): PositionView[] {
    const a = this.trader();
    return a ? positionViews(this.view(), a) : [];
  }

  openOrders(): OrderView[] {
    const a = this.trader();
    return a ? openOrders(a) : [];
  }

  markets(): MarketView[] {
    const v = this.view();
    return [...v.state.markets.values()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1)).map((m) => marketView(v, m));
  }

  market(symbol: string): MarketView {
    const v = this.view();
    const m = v.state.markets.get(symbol);
    if (!m) throw new AppError('NOT_FOUND', `no ${symbol} market in this paper-trading session`);
    return marketView(v, m);
  }

  state(): TradingState {
    const st = this.engine().readState;
    return {
      t: Number.isFinite(st.t) ? st.t : null,
      seq: st.seq,
      account: this.account(),
      positions: this.positions(),
      openOrders: this.openOrders(),
      markets: this.markets(),
    };
  }

  preview(req: OrderRequest): OrderPreview {
    const a = this.trader();
    if (!a) throw new AppError('CONFLICT', 'no paper-trading session yet: load a scenario in the replay first');
    try {
      return previewOrder(this.view(), a, req);
    } catch (err) {
      if (err instanceof EngineRejection) throw new AppError('NOT_FOUND', err.message, { code: err.code });
      throw err;
    }
  }

  explain(input: { kind: 'liquidationPrice' | 'marginRatio'; symbol: string } | { kind: 'funding'; paymentId: number }): Explanation {
    if (input.kind === 'funding') {
      const p = this.history.fundingPayment(input.paymentId);
      if (!p) throw new AppError('NOT_FOUND', `no funding payment ${input.paymentId}`);
      return explainFunding(p);
    }
    const a = this.trader();
    const pos = a?.positions.get(input.symbol);
    if (!a || !pos) throw new AppError('NOT_FOUND', `no open ${input.symbol} position to explain`);
    if (!this.engine().readState.markets.get(input.symbol)!.hasPrices()) throw new AppError('CONFLICT', `${input.symbol} has no price yet`);
    return explainRisk(this.view(), a, pos, input.kind);
  }

  /**
   * Before the first crowd() of an engine (the IPC handler awaits it): numbers its markets'
   * account ids, orders the rows by id and records their sums in slices (100,000 positions at
   * once held main ~230 ms in that first page). Settles at once after that.
   */
  async prepareCrowd(): Promise<void> {
    const v = this.view();
    const c = this.cachesFor(v.state);
    c.warming ??= (async () => {
      await nextTask();
      for (const symbol of [...v.state.markets.keys()].sort()) {
        const positions = v.idx.positionsIn(symbol);
        await runSliced(c.idRanks.numberSteps(positions.keys(), TOTALS_STEP));
        // The rows' id order, as the Market tab's first page wants it (by notional, its default;
        // every sort but leverage walks the same rows).
        await runSliced(prepareCrowdOrderSteps(v, symbol, 'notional', c.idRanks, TOTALS_STEP));
        if (c.sums.has(symbol)) continue;
        const sums = new CrowdTotalsTracker();
        c.sums.set(symbol, sums);
        const version = v.idx.liq.version;
        await runSliced(sums.buildSteps(positions, TOTALS_STEP));
        if (v.idx.liq.version === version) c.sumsAt.set(symbol, version);
      }
    })().catch((err: unknown) => console.error('Levdesk could not prepare the Market tab in slices (it is computed at once instead):', err));
    await c.warming;
  }

  /**
   * Before a page (the IPC handler awaits it, after prepareCrowd): a big market's order for a sort
   * not cached yet, in slices. Given up, and left to crowd() at once, when the positions (or, for
   * a sort that moves with the mark, the engine) change meanwhile.
   */
  async prepareCrowdPage(input: CrowdInput): Promise<void> {
    const v = this.view();
    const c = this.cachesFor(v.state);
    const { symbol, key } = orderKey(v, input);
    if (c.order?.key === key || v.idx.positionsIn(symbol).size < this.slicedOrderRows) return;
    const unchanged = (): boolean => this.engine().readState === v.state && orderKey(v, input).key === key;
    const ids = await runSliced(whileTrue(crowdOrderSteps(v, symbol, input.sort, input.desc, input.side, c.idRanks, TOTALS_STEP), unchanged));
    if (ids && unchanged()) c.order = { key, ids };
  }

  crowd(input: CrowdInput): CrowdPage {
    const v = this.view();
    const c = this.cachesFor(v.state);
    const { symbol, key } = orderKey(v, input);
    if (c.order?.key !== key) c.order = { key, ids: crowdOrder(v, symbol, input.sort, input.desc, input.side, c.idRanks) };
    // The header's sums (100,000 decimal additions) change only with the positions.
    const totalsKey = `index ${v.idx.liq.version}|${symbol}`;
    if (c.totals?.key !== totalsKey) {
      const positions = v.idx.positionsIn(symbol);
      let sums = c.sums.get(symbol);
      if (!sums) {
        // Recorded in slices after this answer; until then the sums are taken afresh.
        c.sums.set(symbol, (sums = new CrowdTotalsTracker()));
        const steps = sums.buildSteps(positions, TOTALS_STEP);
        void nextTask().then(() => runSliced(steps));
      }
      const version = v.idx.liq.version;
      if (!sums.built) c.totals = { key: totalsKey, totals: crowdTotals(v, symbol) };
      else {
        c.totals = { key: totalsKey, totals: c.sumsAt.get(symbol) === version ? sums.current() : sums.update(positions) };
        c.sumsAt.set(symbol, version);
      }
    }
    return crowdPage(v, symbol, c.order.ids, input.offset, input.limit, c.totals.totals);
  }
}

const SLICED_ORDER_ROWS = 20_000;

/** The market a page shows and the key its order is cached under. */
function orderKey(v: EngineView, input: CrowdInput): { readonly symbol: string; readonly key: string } {
  const symbol = input.symbol ?? [...v.state.markets.keys()].sort()[0];
  if (!symbol || !v.state.markets.has(symbol)) throw new AppError('NOT_FOUND', `no ${input.symbol ?? ''} market in this paper-trading session`);
  // A tick moves no position: only an order that depends on the mark is rebuilt at every event.
  const version = sortMovesWithMark(input.sort) ? `seq ${v.state.seq}` : `index ${v.idx.liq.version}`;
  return { symbol, key: `${version}|${symbol}|${input.sort}|${input.desc}|${input.side ?? ''}` };
}

/** `steps` while `ok()` holds before each step; null once it does not. */
function* whileTrue<T>(steps: Generator<void, T>, ok: () => boolean): Generator<void, T | null> {
  for (;;) {
    if (!ok()) return null;
    const r = steps.next();
    if (r.done) return r.value;
    yield;
  }
}
