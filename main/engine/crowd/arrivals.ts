import type { CrowdParams } from '#shared/domain/crowd';
import { Dec, ONE, ZERO, ceilTo, floorTo } from '#shared/money/decimal';
import { initialMargin, maxLeverageForNotional, timesContractSize, tradingFee } from '#shared/risk/index';
import { bestPrice } from '../book/walk';
import { market, reject, type EngineContext } from '../context';
import type { EngineState } from '../state/engine-state';
import { money, moneyUp } from '../ledger/money';
import { leverageDecimal, newAccount, symbolSettings } from '../model/account';
import { crowdId } from '../model/ids';
import type { MarketState } from '../model/market';
import { bookFill } from '../orders/book-fill';
import { newOrder, registerLive } from '../orders/lifecycle';
import { generateCrowd, type CrowdArrival } from './generate';
import { toFloat } from '#shared/money/to-float';

/** `drawn`: the arrivals already drawn for these params and time (generateCrowdSteps), else drawn here. */
export function startCrowd(ctx: EngineContext, symbol: string, params: CrowdParams, t: number, drawn?: CrowdArrival[]): void {
  market(ctx, symbol);
  if (ctx.state.crowd) reject('crowdExists', 'this workspace already has a crowd', 'crowd');
  ctx.state.crowd = { params, symbol, startT: t, next: 0, arrivals: drawn ?? generateCrowd(params, t), skipped: 0 };
}

/** Opens every crowd trader whose arrival time has come (called on each tick of the crowd's market). */
export function processArrivals(ctx: EngineContext, m: MarketState): void {
  const crowd = ctx.state.crowd;
  // Almost every tick opens nobody: no generator is made for those.
  if (!crowd || crowd.symbol !== m.symbol || (crowd.arrivals[crowd.next]?.t ?? Number.POSITIVE_INFINITY) > ctx.state.t) return;
  const steps = arrivalSteps(ctx, m, Number.MAX_SAFE_INTEGER);
  while (!steps.next().done);
}

/** How many crowd traders a tick of `symbol` at time t would open (0 on almost every tick). */
export function arrivalsDue(crowd: EngineState['crowd'], symbol: string, t: number): number {
  if (!crowd || crowd.symbol !== symbol) return 0;
  let n = 0;
  while (crowd.next + n < crowd.arrivals.length && crowd.arrivals[crowd.next + n]!.t <= t) n += 1;
  return n;
}

/**
 * processArrivals in steps: pauses after every `every` arrivals, so the tick that opens a
 * 100,000-trader crowd can run in slices on a thread that must stay live (Engine.applySteps).
 */
export function* arrivalSteps(ctx: EngineContext, m: MarketState, every: number): Generator<void, void> {
  const crowd = ctx.state.crowd;
  if (!crowd || crowd.symbol !== m.symbol) return;
  const arrivals = crowd.arrivals;
  if (crowd.next >= arrivals.length || arrivals[crowd.next]!.t > ctx.state.t) return;
  let opened = 0;
  const skippedBefore = crowd.skipped;
  // Entries fill at the quote without moving the book, so one quote serves every arrival of the
  // tick (100,000 when a crowd opens at once; between steps nothing else touches the market).
  const q = m.quote();
  const quotes = entryQuotes(m, bestPrice(q, 'buy'), bestPrice(q, 'sell'));
  let n = 0;
  while (crowd.next < arrivals.length && arrivals[crowd.next]!.t <= ctx.state.t) {
    const a = arrivals[crowd.next]!;
    crowd.next += 1;
    if (openArrival(ctx, m, a, quotes)) opened += 1;
    else crowd.skipped += 1;
    if (++n % every === 0) yield;
  }
  if (crowd.next >= arrivals.length) crowd.arrivals = [];
  ctx.effects.push({ kind: 'crowdArrived', t: ctx.state.t, opened, skipped: crowd.skipped - skippedBefore });
}

interface EntryQuote {
  readonly price: Dec;
  /** price × contract size: one contract's value. */
  readonly unit: Dec;
  /** unit × step size: one step's value. */
  readonly stepValue: Dec;
}
type EntryQuotes = { readonly buy: EntryQuote; readonly sell: EntryQuote };

function entryQuotes(m: MarketState, buy: Dec, sell: Dec): EntryQuotes {
  const one = (price: Dec): EntryQuote => {
    const unit = price.mul(m.spec.contractSize);
    return { price, unit, stepValue: unit.mul(m.spec.stepSize) };
  };
  return { buy: one(buy), sell: one(sell) };
}

/**
 * A crowd trader arrives: deposits what its position needs (initial margin and taker fee, plus
 * its cushion for cross), opens at the best quote, and leaves a reduce-only stop if it uses
 * one. It obeys the same rules as the trader: the leverage is capped by the bracket its notional
 * falls in, the quantity meets the step, minimum quantity and minimum notional.
 *
 * Entries fill at the quote without walking the book: the crowd stands for positions built over
 * time whose flow is already in the real price series. Its stops and liquidations do walk the
 * book (that flow is the cascade this simulation adds).
 */
function openArrival(ctx: EngineContext, m: MarketState, a: CrowdArrival, quotes: EntryQuotes): boolean {
  const side = a.side === 'long' ? 'buy' : 'sell';
  const { price, unit, stepValue } = quotes[side];
  const spec = m.spec;
  // floorTo(notional / unit, step) with one division: the quotient is an integer exactly when
  // notional / unit is a multiple of the step, and otherwise lies far further from one than 40
  // digits can blur (a float's 17 digits over a unit of a dozen).
  let qty = new Dec(a.notional).div(stepValue).floor().mul(spec.stepSize);
  if (qty.lt(spec.minQty)) qty = spec.minQty;
  if (qty.mul(unit).lt(spec.minNotional)) qty = ceilTo(spec.minNotional.div(unit), spec.stepSize);
  // As applyFill writes a fill's value, so the fill takes it, its fee and its margin from here.
  const notional = timesContractSize(qty.mul(price), spec.contractSize);
  const wanted = leverageDecimal(Math.max(1, Math.floor(a.leverage)));
  const cap = maxLeverageForNotional(spec.brackets, notional);
  const lev = (wanted.lte(cap) ? wanted : cap).floor();
  if (lev.lt(ONE)) return false;
  const im = moneyUp(initialMargin(notional, lev));
  const fee = money(tradingFee(notional, m.profile.fees.taker));
  const deposit = moneyUp(im.plus(fee).plus(im.mul(a.cushion)));
  const id = crowdId(a.n);
  const account = newAccount(id, 'crowd', false);
  account.settings.set(m.symbol, symbolSettings(a.mode, toFloat(lev)));
  account.wallet = deposit;
  account.deposited = deposit;
  ctx.state.accounts.set(id, account);
  ctx.state.netDeposits = ctx.state.netDeposits.plus(deposit);
  bookFill(ctx, account, m, side, qty, price, m.profile.fees.taker, 'taker', null, null, { value: notional, opening: { fee, im } });
  if (a.stopDistance !== null) {
    const d = new Dec(a.stopDistance);
    const trigger = a.side === 'long' ? floorTo(price.mul(Dec.sub(1, d)), spec.tickSize) : ceilTo(price.mul(d.plus(1)), spec.tickSize);
    if (trigger.gt(0)) {
      const stop = newOrder(ctx, {
        account,
        symbol: m.symbol,
        side: side === 'buy' ? 'sell' : 'buy',
        type: 'stopMarket',
        qty: ZERO, // a closePosition order carries no quantity until it fires
        price: null,
        trigger,
        triggerSource: 'last',
        timeInForce: 'GTC',
        reduceOnly: true,
        closePosition: true,
        callbackRate: null,
        activation: null,
        clientOrderId: null,
        parentId: null,
        role: 'stopLoss',
        bracket: null,
        fraction: null,
        rung: null,
        status: 'pending',
      });
      registerLive(ctx, stop);
    }
  }
  return true;
}
