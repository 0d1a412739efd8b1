import { Dec, ZERO, ceilTo, floorTo, toWire, toWireOrNull } from '#shared/money/decimal';
import { bracketIndexForNotional, clearanceFee, insuranceFundDelta, liquidationFeeRate, marginStateAt } from '#shared/risk/index';
import { offsetForNotional } from '../book/depth-curve';
import { averagePrice, walkBook, type WalkFill } from '../book/walk';
import type { EngineContext } from '../context';
import { applyFill } from '../ledger/apply-fill';
import { changeInsurance } from '../ledger/insurance';
import { money } from '../ledger/money';
import { closingOrderSide, entryPrice, type Account, type Position } from '../model/account';
import { LIQUIDITY_ID } from '../model/ids';
import type { MarketState } from '../model/market';
import { cancelAccountOrders, syncReduceOnly } from '../orders/lifecycle';
import { liquidationInput, positionMaintenance, positionUpnl, solvePrices } from '../risk/position-risk';
import { marketLookup } from '../risk/refresh';
import { nextId } from '../state/engine-state';
import { autoDeleverage } from './adl';
import { toFloat } from '#shared/money/to-float';

/**
 * Slack kept in the insurance fund when it decides how much book loss it can afford, so that the
 * per-fill rounding of cost basis (at most a few 1e-8) can never take it below zero.
 */
const FUND_SLACK = new Dec('0.000001');

/**
 * How much one liquidation step closes. Profiles with tiered liquidation (Binance, Bybit) take a
 * position above tier 1 down to the cap of the tier below, and check again; tier 1 positions and
 * every other profile close in full.
 */
export function liquidationQuantity(m: MarketState, p: Position): Dec {
  if (!m.profile.partialLiquidation) return p.qty;
  const brackets = m.spec.brackets;
  const unit = m.mark.mul(m.spec.contractSize);
  const i = bracketIndexForNotional(brackets, p.qty.mul(unit));
  if (i === 0) return p.qty;
  const keep = floorTo(brackets[i - 1]!.notionalCap.div(unit), m.spec.stepSize);
  const x = p.qty.minus(keep);
  return x.gt(0) && keep.gte(m.spec.minQty) ? x : p.qty;
}

/**
 * Liquidates an account whose margin no longer covers maintenance on `symbol`: its orders are
 * canceled (on that market for isolated, everywhere for cross), then the position is closed (a
 * cross book spanning several markets: every cross position, largest first).
 */
export function liquidateAccount(ctx: EngineContext, account: Account, symbol: string): void {
  const pos = account.positions.get(symbol);
  if (!pos) return;
  const cross = pos.mode === 'cross';
  const canceled = cancelAccountOrders(ctx, account, cross ? null : symbol, 'liquidation');
  if (cross && ctx.idx.liq.isMultiCross(account.id)) {
    const markets = marketLookup(ctx);
    const all = [...account.positions.values()]
      .filter((p) => p.mode === 'cross')
      .map((p) => ({ p, n: p.qty.mul(markets(p.symbol).mark) }))
      .sort((a, b) => b.n.comparedTo(a.n) || (a.p.symbol < b.p.symbol ? -1 : 1));
    all.forEach(({ p }, i) => liquidatePosition(ctx, account, p, true, i === 0 ? canceled : 0));
    return;
  }
  liquidatePosition(ctx, account, pos, false, canceled);
}

/**
 * The waterfall of one liquidation step (docs/engine.md):
 *  1. the liquidated part's margin (isolated share, or the cross wallet) goes into escrow: the
 *     trader is settled at the bankruptcy price and loses it;
 *  2. the part goes to the book as a liquidation order, as far as the insurance fund can afford
 *     fills worse than bankruptcy;
 *  3. whatever the fund cannot afford is auto-deleveraged against the best-ranked opposing
 *     positions at the bankruptcy price (the liquidity account backstops what nobody holds);
 *  4. escrow + realised PnL is the residual: positive pays the clearance fee, then the surplus,
 *     into the fund; negative is the deficit the fund pays. No wallet goes below zero.
 */
export function liquidatePosition(ctx: EngineContext, account: Account, pos: Position, full: boolean, canceledOrders: number): void {
  const m = ctx.state.markets.get(pos.symbol)!;
  const markAtTrigger = m.mark;
  const cached = ctx.idx.liq.get(account.id, pos.symbol);
  const x = full ? pos.qty : liquidationQuantity(m, pos);
  const qBefore = pos.qty;
  const entry = entryPrice(pos);
  const markets = marketLookup(ctx);
  const solved = solvePrices(markets, account, pos);
  const atTrigger = pos.mode === 'isolated' && pos.margin.lte(0) ? { marginBalance: pos.margin.plus(positionUpnl(m, pos)), requirement: positionMaintenance(m, pos) } : marginStateAt(liquidationInput(markets, account, pos), markAtTrigger);
  // Bankruptcy is always defined for a position the engine liquidates; the mark is a safe stand-in.
  const bp = solved.bankruptcy ?? markAtTrigger;
  const side = pos.side;
  const closeSide = closingOrderSide(side);
  const liquidationId = nextId(ctx.state, 'liquidation');
  const insuranceBefore = ctx.state.insurance;

  let escrow: Dec;
  if (pos.mode === 'isolated') {
    escrow = x.eq(qBefore) ? pos.margin : money(pos.margin.mul(x).div(qBefore));
    pos.margin = pos.margin.minus(escrow);
  } else {
    escrow = x.eq(qBefore) ? account.wallet : money(account.wallet.mul(x).div(qBefore));
    account.wallet = account.wallet.minus(escrow);
  }
  const marginLost = escrow;

  // 2. The book, limited by what the fund can pay for fills worse than bankruptcy.
  const budget = Dec.max(ZERO, ctx.state.insurance.plus(Dec.min(ZERO, escrow)).minus(FUND_SLACK));
  const walk = walkBook(m.quote(), closeSide, x, null);
  const accepted: WalkFill[] = [];
  let net = ZERO;
  let bookQty = ZERO;
  for (const f of walk.fills) {
    const delta = insuranceFundDelta(side, f.qty, bp, f.price, m.spec.settlement, m.spec.contractSize);
    if (net.plus(delta).gte(budget.neg())) {
      accepted.push(f);
      net = net.plus(delta);
      bookQty = bookQty.plus(f.qty);
      continue;
    }
    // Part of this band: as much as the remaining budget covers at this band's loss per unit.
    const lossPerUnit = delta.neg().div(f.qty);
    const part = floorTo(net.plus(budget).div(lossPerUnit), m.spec.stepSize);
    if (part.gt(0)) {
      accepted.push({ price: f.price, qty: part });
      bookQty = bookQty.plus(part);
    }
    break;
  }
  const mm = ctx.state.accounts.get(LIQUIDITY_ID)!;
  let notional = ZERO;
  for (const f of accepted) {
    const out = applyFill(ctx, { account, market: m, side: closeSide, qty: f.qty, price: f.price, feeRate: null, liquidity: 'liquidation', orderId: null, liquidationId, escrow: true });
    escrow = escrow.plus(out.realized);
    applyFill(ctx, { account: mm, market: m, side: closeSide === 'sell' ? 'buy' : 'sell', qty: f.qty, price: f.price, feeRate: null, liquidity: 'liquidation', orderId: null, liquidationId });
    notional = notional.plus(f.qty.mul(f.price).mul(m.spec.contractSize));
  }
  if (bookQty.gt(0)) {
    const q = m.quote();
    m.displace(closeSide === 'buy' ? 1 : -1, offsetForNotional((toFloat(bookQty) * q.mid) / q.depthScale));
  }

  // 3. ADL for the rest, at the bankruptcy price rounded in the liquidated position's favour.
  const rest = x.minus(bookQty);
  const adlPrice = side === 'long' ? ceilTo(bp, m.spec.tickSize) : floorTo(bp, m.spec.tickSize);
  const adl = rest.gt(0) ? autoDeleverage(ctx, m, account, side, rest, adlPrice, liquidationId) : null;
  if (adl) {
    escrow = escrow.plus(adl.liquidatedRealized);
    notional = notional.plus(adl.value.mul(m.spec.contractSize));
  }

  // 4. Settle the residual with the fund.
  let fee = ZERO;
  let surplus = ZERO;
  let deficit = ZERO;
  if (escrow.gte(0)) {
    fee = Dec.min(escrow, money(clearanceFee(notional, liquidationFeeRate(m.profile, m.spec))));
    surplus = escrow.minus(fee);
    changeInsurance(ctx, fee, 'clearanceFee', liquidationId, account.id);
    changeInsurance(ctx, surplus, 'surplus', liquidationId, account.id);
  } else {
    deficit = escrow.neg();
    changeInsurance(ctx, escrow, 'deficit', liquidationId, account.id);
  }

  const remaining = account.positions.get(m.symbol)?.qty ?? ZERO;
  syncReduceOnly(ctx, account, m.symbol);
  ctx.dirty.add(account.id);
  if (account.history) ctx.effects.push({ kind: 'position', account: account.id, symbol: m.symbol });
  ctx.effects.push({
    kind: 'liquidation',
    liquidation: {
      id: liquidationId,
      t: ctx.state.t,
      account: account.id,
      isTrader: account.kind === 'trader',
      symbol: m.symbol,
      side,
      marginMode: pos.mode,
      quantity: toWire(x),
      partial: remaining.gt(0),
      remainingQuantity: toWire(remaining),
      entryPrice: toWire(entry.toSignificantDigits(20)),
      markPrice: toWire(markAtTrigger),
      marginBalance: toWire(atTrigger.marginBalance.toSignificantDigits(20)),
      maintenanceMargin: toWire(atTrigger.requirement.toSignificantDigits(20)),
      liquidationPrice: toWireOrNull(cached?.liquidation?.toSignificantDigits(20) ?? null),
      bankruptcyPrice: toWire(bp.toSignificantDigits(20)),
      marginLost: toWire(marginLost),
      bookFills: accepted.map((f) => ({ price: toWire(f.price), quantity: toWire(f.qty) })),
      bookQuantity: toWire(bookQty),
      averageFillPrice: toWireOrNull(averagePrice(accepted)?.toSignificantDigits(20) ?? null),
      clearanceFee: toWire(fee),
      surplus: toWire(surplus),
      deficit: toWire(deficit),
      insuranceBefore: toWire(insuranceBefore),
      insuranceAfter: toWire(ctx.state.insurance),
      adl: adl ? [...adl.steps] : [],
      backstopQuantity: toWire(adl?.backstop ?? ZERO),
      canceledOrders,
      lastAfter: toWire(m.last),
    },
  });
}
