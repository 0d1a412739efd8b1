import type { AccountSummary, BracketView, MarketView, PositionView } from '#shared/domain/trading-account';
import type { OrderView } from '#shared/domain/trading-orders';
import { Dec, ZERO, toWire, toWireOrNull, type DecimalString } from '#shared/money/decimal';
import { bracketForNotional, liquidationFeeRate, maxLeverageForNotional, marginRatio, roe, type Bracket } from '#shared/risk/index';
import type { EngineIndexes } from '../context';
import { entryPrice, type Account, type Position } from '../model/account';
import type { MarketState } from '../model/market';
import { orderView } from '../orders/order-view';
import { accountMargin } from '../risk/account-margin';
import { notionalAtMark, positionMaintenance, positionUpnl, type MarketLookup } from '../risk/position-risk';
import type { EngineState } from '../state/engine-state';
import { adlRankOf } from './adl-rank';

export interface EngineView {
  readonly state: EngineState;
  readonly idx: EngineIndexes;
}

export function lookup(v: EngineView): MarketLookup {
  return (symbol) => {
    const m = v.state.markets.get(symbol);
    if (!m) throw new Error(`no market ${symbol}`);
    return m;
  };
}

const sig = (d: Dec): DecimalString => toWire(d.toSignificantDigits(20));

export function bracketView(b: Bracket): BracketView {
  return {
    tier: b.tier,
    notionalFloor: toWire(b.notionalFloor),
    notionalCap: toWire(b.notionalCap),
    maxLeverage: toWire(b.maxLeverage),
    maintenanceMarginRate: toWire(b.maintenanceMarginRate),
    maintenanceAmount: toWire(b.maintenanceAmount),
  };
}

export function accountSummary(v: EngineView, account: Account): AccountSummary {
  const priced = [...account.positions.values()].every((p) => v.state.markets.get(p.symbol)!.hasPrices());
  const m = priced ? accountMargin(lookup(v), account) : null;
  return {
    t: Number.isFinite(v.state.t) ? v.state.t : null,
    walletBalance: toWire(m?.walletBalance ?? account.wallet),
    crossWalletBalance: toWire(account.wallet),
    isolatedMargin: toWire(m?.isolatedMargin ?? ZERO),
    unrealizedPnl: toWire(m?.unrealizedPnl ?? ZERO),
    marginBalance: toWire(m?.marginBalance ?? account.wallet),
    crossMarginBalance: toWire(m?.crossMarginBalance ?? account.wallet),
    maintenanceMargin: toWire(m?.crossMaintenance ?? ZERO),
    marginRatio: toWireOrNull(m?.crossMarginRatio?.toSignificantDigits(12) ?? null),
    positionInitialMargin: toWire(m?.crossInitialMargin ?? ZERO),
    openOrderMargin: toWire(m?.orderMargin ?? ZERO),
    availableBalance: toWire(Dec.max(ZERO, m?.available ?? account.wallet)),
    maxWithdrawable: toWire(m?.maxWithdrawable ?? account.wallet),
    deposited: toWire(account.deposited),
    withdrawn: toWire(account.withdrawn),
  };
}

export function positionView(v: EngineView, account: Account, p: Position, summary?: { crossRatio: Dec | null }): PositionView {
  const m = v.state.markets.get(p.symbol)!;
  const upnl = positionUpnl(m, p);
  const notional = notionalAtMark(m, p);
  const mm = positionMaintenance(m, p);
  const imEntry = p.entryValue.div(p.leverage);
  const margin = p.mode === 'isolated' ? p.margin : notional.div(p.leverage);
  const ratio = p.mode === 'isolated' ? marginRatio(mm, p.margin.plus(upnl)) : (summary?.crossRatio ?? accountMargin(lookup(v), account).crossMarginRatio);
  const risk = v.idx.liq.get(account.id, p.symbol);
  const lp = risk?.liquidation ?? null;
  const orders = [...account.orders.values()].filter((o) => o.symbol === p.symbol && o.reduceOnly).sort((a, b) => a.id - b.id);
  const stop = orders.find((o) => o.status === 'pending' && (o.type === 'stopMarket' || o.type === 'stopLimit' || o.type === 'trailingStop'));
  const tps = orders.filter((o) => o.type === 'takeProfitMarket' || o.type === 'takeProfitLimit' || (o.type === 'limit' && o.role === 'takeProfit'));
  return {
    symbol: p.symbol,
    side: p.side,
    quantity: toWire(p.qty),
    entryPrice: sig(entryPrice(p)),
    markPrice: toWire(m.mark),
    lastPrice: toWire(m.last),
    notional: toWire(notional),
    leverage: p.leverage,
    marginMode: p.mode,
    margin: sig(margin),
    maintenanceMargin: sig(mm),
    marginRatio: ratio ? toWire(ratio.toSignificantDigits(12)) : null,
    unrealizedPnl: sig(upnl),
    roe: imEntry.gt(0) ? toWire(roe(upnl, imEntry).toSignificantDigits(12)) : null,
    liquidationPrice: lp ? sig(lp) : null,
    bankruptcyPrice: risk?.bankruptcy ? sig(risk.bankruptcy) : null,
    distanceToLiquidation: lp && m.mark.gt(0) ? toWire(m.mark.minus(lp).abs().div(m.mark).toSignificantDigits(12)) : null,
    bracket: bracketView(bracketForNotional(m.spec.brackets, notional)),
    stopLoss: stop?.trigger ? { orderId: stop.id, triggerPrice: toWire(stop.trigger), triggerSource: stop.triggerSource } : null,
    takeProfits: tps.map((o) => ({ orderId: o.id, triggerPrice: toWireOrNull(o.trigger ?? o.price), quantity: toWire(o.qty.minus(o.filled)) })),
    adl: adlRankOf(v, account.id, p),
    fundingPaid: toWire(p.fundingPaid),
    realizedPnl: toWire(p.realizedPnl),
    feesPaid: toWire(p.feesPaid),
    openedAt: p.openedAt,
  };
}

export function positionViews(v: EngineView, account: Account): PositionView[] {
  const priced = [...account.positions.values()].filter((p) => v.state.markets.get(p.symbol)!.hasPrices());
  const crossRatio = priced.length > 0 ? accountMargin(lookup(v), { ...account, positions: new Map(priced.map((p) => [p.symbol, p])) }).crossMarginRatio : null;
  return priced.sort((a, b) => (a.symbol < b.symbol ? -1 : 1)).map((p) => positionView(v, account, p, { crossRatio }));
}

export function openOrders(account: Account): OrderView[] {
  return [...account.orders.values()].sort((a, b) => a.id - b.id).map(orderView);
}

export function nextFundingTime(m: MarketState, t: number | null): number | null {
  if (t === null) return null;
  const step = m.fundingIntervalHours * 3_600_000;
  let next = Math.ceil(t / step) * step;
  if (m.lastFundingT !== null && next <= m.lastFundingT) next = m.lastFundingT + step;
  return next;
}

export function marketView(v: EngineView, m: MarketState): MarketView {
  const priced = m.hasPrices();
  const t = Number.isFinite(v.state.t) ? v.state.t : null;
  return {
    symbol: m.symbol,
    profile: m.config.profileId,
    t,
    last: priced ? toWire(m.last) : null,
    mark: priced ? toWire(m.mark) : null,
    index: priced ? toWire(m.index) : null,
    basis: priced ? toWire(m.mark.minus(m.index)) : null,
    impact: m.displacement,
    openInterest: toWire(m.openInterest),
    openInterestNotional: priced ? toWire(m.openInterest.mul(m.mark).mul(m.spec.contractSize)) : null,
    lastFundingRate: toWire(m.lastFundingRate),
    lastFundingT: m.lastFundingT,
    nextFundingT: nextFundingTime(m, t),
    fundingIntervalHours: m.fundingIntervalHours,
    insuranceFund: toWire(v.state.insurance),
    liquidity: m.tick ? { depthScale: m.tick.liquidity.depthScale * m.config.depthScale, spreadBps: m.tick.liquidity.spreadBps } : null,
    spec: {
      tickSize: toWire(m.spec.tickSize),
      stepSize: toWire(m.spec.stepSize),
      minQty: toWire(m.spec.minQty),
      minNotional: toWire(m.spec.minNotional),
      maxLeverage: toWire(maxLeverageForNotional(m.spec.brackets, ZERO)),
      makerFee: toWire(m.profile.fees.maker),
      takerFee: toWire(m.profile.fees.taker),
      liquidationFee: toWire(liquidationFeeRate(m.profile, m.spec)),
    },
    brackets: m.spec.brackets.map(bracketView),
  };
}
