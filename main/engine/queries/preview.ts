import type { Side } from '#shared/domain/exchange';
import type { OrderPreview } from '#shared/domain/trading-queries';
import type { OrderRequest } from '#shared/domain/trading-orders';
import { Dec, ZERO, toWire, type DecimalString } from '#shared/money/decimal';
import { initialMargin, maxOpenQuantity, tradingFee } from '#shared/risk/index';
import { averagePrice, bestPrice, walkBook } from '../book/walk';
import { EngineRejection, type EngineContext } from '../context';
import { money, moneyUp } from '../ledger/money';
import { closingOrderSide, entryPrice, sideOfOrder, type Account, type Position } from '../model/account';
import { isConditional } from '../model/order';
import { preflightOrder } from '../orders/commands';
import { isMarketable } from '../orders/execute';
import { validateRequest } from '../orders/validate';
import { accountMargin } from '../risk/account-margin';
import { solvePrices } from '../risk/position-risk';
import { lookup, type EngineView } from './account-view';

const sig = (d: Dec): DecimalString => toWire(d.toSignificantDigits(20));

/**
 * What an order would do, without doing it: the engine's own checks (so a preview never says
 * "fine" to an order the engine will refuse), the expected fill from a walk of the modeled book,
 * its margin and fee, and the position it would leave with that position's liquidation and
 * bankruptcy prices from the risk core. Nothing in the state changes.
 */
export function previewOrder(v: EngineView, account: Account, req: OrderRequest): OrderPreview {
  const m = v.state.markets.get(req.symbol);
  if (!m) throw new EngineRejection('unknownSymbol', `no market ${req.symbol} in this workspace`, 'symbol');
  const markets = lookup(v);
  let rejection: OrderPreview['rejection'] = null;
  const ctx: EngineContext = { state: v.state, idx: v.idx, effects: [], dirty: new Set() };
  try {
    const draft = validateRequest(account, m, req);
    preflightOrder(ctx, account, draft);
  } catch (err) {
    if (!(err instanceof EngineRejection)) throw err;
    rejection = { code: err.code, message: err.message, field: err.field ?? null };
  }
  const warnings: string[] = [];
  if (!m.hasPrices()) {
    return emptyPreview(rejection ?? { code: 'noPrice', message: `${m.symbol} has no price yet`, field: 'symbol' });
  }
  const pos = account.positions.get(req.symbol);
  const qty = req.quantity ? new Dec(req.quantity) : pos && closingOrderSide(pos.side) === req.side ? pos.qty : ZERO;
  const lev = account.settings.get(req.symbol)?.leverage ?? v.state.defaults.leverage;
  const mode = pos?.mode ?? account.settings.get(req.symbol)?.mode ?? v.state.defaults.mode;

  let ref: Dec;
  let slippage: Dec | null = null;
  let taker = true;
  if (req.type === 'market' || req.type === 'stopMarket' || req.type === 'takeProfitMarket' || req.type === 'trailingStop') {
    if (req.type === 'market' && qty.gt(0)) {
      const walk = walkBook(m.quote(), req.side, qty, null);
      ref = averagePrice(walk.fills) ?? bestPrice(m.quote(), req.side);
      slippage = ref.minus(bestPrice(m.quote(), req.side)).abs();
      if (walk.filled.lt(qty)) warnings.push(`the modeled book holds only ${walk.filled.toFixed()} of ${qty.toFixed()} within its range`);
    } else {
      ref = req.triggerPrice ? new Dec(req.triggerPrice) : m.mark;
    }
  } else {
    ref = new Dec(req.price!);
    taker = !isConditional(req.type) && isMarketable(m, { side: req.side }, ref);
  }
  const feeRate = taker ? m.profile.fees.taker : m.profile.fees.maker;
  const reducing = pos && closingOrderSide(pos.side) === req.side ? Dec.min(qty, pos.qty) : ZERO;
  const opening = req.reduceOnly || req.closePosition ? ZERO : qty.minus(reducing);
  const unit = ref.mul(m.spec.contractSize);
  const im = moneyUp(initialMargin(opening.mul(unit), new Dec(lev)));
  const fee = money(tradingFee(qty.mul(unit), feeRate));

  const after = hypothetical(account, req.symbol, pos, req.side, reducing, opening, unit, lev, mode, im, fee);
  let lp: Dec | null = null;
  let bp: Dec | null = null;
  if (after) {
    const solved = solvePrices(markets, after.account, after.position);
    lp = solved.liquidation;
    bp = solved.bankruptcy;
  }
  const margin = accountMargin(markets, account);
  const max = maxOpenQuantity({
    spec: m.spec,
    side: sideOfOrder(req.side),
    available: Dec.max(ZERO, margin.available),
    leverage: new Dec(lev),
    price: ref,
    markPrice: m.mark,
    feeRate: m.profile.fees.taker,
    existingNotional: pos && pos.side === sideOfOrder(req.side) ? pos.qty.mul(m.mark).mul(m.spec.contractSize) : ZERO,
  });
  const stops: Dec[] = [];
  if (req.attached?.stopLoss) stops.push(new Dec(req.attached.stopLoss.triggerPrice));
  if ((req.type === 'stopMarket' || req.type === 'stopLimit') && req.triggerPrice && (req.reduceOnly || req.closePosition)) stops.push(new Dec(req.triggerPrice));
  const guarded = after?.position.side ?? pos?.side ?? null;
  const stopBeyond = lp !== null && guarded !== null && stops.some((s) => beyond(guarded, s, lp!));
  if (stopBeyond) warnings.push(`the stop sits at or beyond the liquidation price ${lp!.toFixed(1)}: the position would be liquidated before it fires`);
  return {
    accepted: rejection === null,
    rejection,
    quantity: qty.gt(0) ? toWire(qty) : null,
    referencePrice: sig(ref),
    expectedSlippage: slippage ? sig(slippage) : null,
    notional: toWire(qty.mul(unit)),
    initialMargin: toWire(im),
    fee: toWire(fee),
    feeRate: toWire(feeRate),
    cost: toWire(im.plus(fee)),
    positionAfter: after ? { side: after.position.side, quantity: toWire(after.position.qty), entryPrice: sig(entryPrice(after.position)), marginMode: after.position.mode, leverage: after.position.leverage } : null,
    liquidationPrice: lp ? sig(lp) : null,
    bankruptcyPrice: bp ? sig(bp) : null,
    distanceToLiquidation: lp ? toWire(ref.minus(lp).abs().div(ref).toSignificantDigits(12)) : null,
    maxOpenQuantity: toWire(max.quantity),
    maxOpenLimitedBy: max.limitedBy,
    stopBeyondLiquidation: stopBeyond,
    warnings,
  };
}

function beyond(side: Side, stop: Dec, lp: Dec): boolean {
  return side === 'long' ? stop.lte(lp) : stop.gte(lp);
}

/** The account as it would be after the fill at `ref` (copies; the real account is untouched). */
function hypothetical(
  account: Account,
  symbol: string,
  pos: Position | undefined,
  side: 'buy' | 'sell',
  reducing: Dec,
  opening: Dec,
  unit: Dec,
  lev: number,
  mode: 'isolated' | 'cross',
  im: Dec,
  fee: Dec,
): { account: Account; position: Position } | null {
  let next: Position | null = pos ? { ...pos } : null;
  let wallet = account.wallet.minus(fee);
  if (next && reducing.gt(0)) {
    const share = reducing.div(next.qty);
    const released = next.mode === 'isolated' ? next.margin.mul(share) : ZERO;
    next.entryValue = next.entryValue.minus(next.entryValue.mul(share));
    next.margin = next.margin.minus(released);
    next.qty = next.qty.minus(reducing);
    if (next.qty.isZero()) next = null;
  }
  if (opening.gt(0)) {
    if (!next) {
      next = { account: account.id, symbol, side: sideOfOrder(side), qty: ZERO, entryValue: ZERO, mode, leverage: lev, margin: ZERO, fundingPaid: ZERO, realizedPnl: ZERO, feesPaid: ZERO, openedAt: 0, updatedAt: 0 };
    }
    next.qty = next.qty.plus(opening);
    next.entryValue = next.entryValue.plus(opening.mul(unit));
    if (next.mode === 'isolated') {
      next.margin = next.margin.plus(im);
      wallet = wallet.minus(im);
    }
  }
  if (!next) return null;
  const positions = new Map(account.positions);
  positions.set(symbol, next);
  return { account: { ...account, wallet, positions }, position: next };
}

function emptyPreview(rejection: NonNullable<OrderPreview['rejection']>): OrderPreview {
  return {
    accepted: false,
    rejection,
    quantity: null,
    referencePrice: '0' as OrderPreview['referencePrice'],
    expectedSlippage: null,
    notional: '0' as OrderPreview['notional'],
    initialMargin: '0' as OrderPreview['initialMargin'],
    fee: '0' as OrderPreview['fee'],
    feeRate: '0' as OrderPreview['feeRate'],
    cost: '0' as OrderPreview['cost'],
    positionAfter: null,
    liquidationPrice: null,
    bankruptcyPrice: null,
    distanceToLiquidation: null,
    maxOpenQuantity: '0' as OrderPreview['maxOpenQuantity'],
    maxOpenLimitedBy: 'balance',
    stopBeyondLiquidation: false,
    warnings: [],
  };
}
