import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { Side } from '#shared/domain/exchange';
import { Dec } from '#shared/money/decimal';
import {
  explainLiquidation,
  getProfile,
  liquidationPrice,
  marginStateAt,
  notionalAt,
  contractSpec,
  bracketIndexForNotional,
  type LiquidationInput,
  type PositionState,
} from '#shared/risk/index';
import { decimal, side, venueCase, type Venue } from './arbitraries';

const RUNS = { numRuns: 300 };

function position(v: Venue, s: Side, qty: Dec, entry: Dec, mark: Dec, lev: number, mode: 'isolated' | 'cross' = 'isolated'): PositionState {
  return { symbol: v.symbol, side: s, quantity: qty, entryPrice: entry, markPrice: mark, marginMode: mode, leverage: new Dec(lev) };
}

/** Null means "never": -infinity for a long's LP, +infinity for a short's. */
function orderKey(s: Side, p: Dec | null): Dec {
  if (p !== null) return p;
  return s === 'long' ? new Dec(0) : new Dec('1e60');
}

function closeEnough(a: Dec, b: Dec): boolean {
  const scale = Dec.max(new Dec(1), a.abs(), b.abs());
  return a.minus(b).abs().lte(scale.mul('1e-24'));
}

describe('liquidation price properties (every family)', () => {
  it('moves monotonically with leverage: a long LP rises and a short LP falls as leverage grows', () => {
    fc.assert(
      fc.property(venueCase, side, fc.integer({ min: 1, max: 124 }), fc.integer({ min: 1, max: 60 }), ({ v, qty, price }, s, lev, step) => {
        const profile = getProfile(v.profile);
        const lo = liquidationPrice({ profile, position: position(v, s, qty, price, price, lev) });
        const hi = liquidationPrice({ profile, position: position(v, s, qty, price, price, lev + step) });
        const a = orderKey(s, lo);
        const b = orderKey(s, hi);
        return s === 'long' ? a.lte(b) : a.gte(b);
      }),
      RUNS,
    );
  });

  it('at the liquidation price the margin balance equals the maintenance requirement (isolated)', () => {
    fc.assert(
      fc.property(venueCase, side, fc.integer({ min: 1, max: 125 }), decimal(0.5, 1.5, 3), ({ v, qty, price }, s, lev, markMove) => {
        const input: LiquidationInput = { profile: getProfile(v.profile), position: position(v, s, qty, price, price.mul(markMove), lev) };
        const lp = liquidationPrice(input);
        if (lp === null) return true;
        const at = marginStateAt(input, lp);
        return closeEnough(at.marginBalance, at.requirement);
      }),
      RUNS,
    );
  });

  it('at the liquidation price the margin balance equals the requirement (cross, others held at their marks)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Venue['profile']>('binance-usdm', 'bybit-linear', 'okx-swap'),
        side,
        side,
        decimal(0.01, 50, 2),
        decimal(20000, 120000, 1),
        decimal(0.7, 1.3, 3),
        decimal(1, 300, 2),
        decimal(1000, 4000, 2),
        decimal(0.7, 1.3, 3),
        decimal(1000, 3_000_000, 2),
        (id, s, so, qty, entry, move, oqty, oentry, omove, wallet) => {
          const profile = getProfile(id);
          const self: PositionState = { symbol: 'BTCUSDT', side: s, quantity: qty, entryPrice: entry, markPrice: entry.mul(move), marginMode: 'cross', leverage: new Dec(20) };
          const other: PositionState = { symbol: 'ETHUSDT', side: so, quantity: oqty, entryPrice: oentry, markPrice: oentry.mul(omove), marginMode: 'cross', leverage: new Dec(10) };
          const input: LiquidationInput = { profile, position: self, walletBalance: wallet, others: [other] };
          const lp = liquidationPrice(input);
          if (lp === null) return true;
          const at = marginStateAt(input, lp);
          return closeEnough(at.marginBalance, at.requirement);
        },
      ),
      RUNS,
    );
  });

  it('the bankruptcy price lies beyond the liquidation price', () => {
    fc.assert(
      fc.property(venueCase, side, fc.integer({ min: 1, max: 125 }), ({ v, qty, price }, s, lev) => {
        const e = explainLiquidation({ profile: getProfile(v.profile), position: position(v, s, qty, price, price, lev) });
        if (e.liquidationPrice === null) return true;
        if (s === 'long') return e.bankruptcyPrice === null || e.bankruptcyPrice.lt(e.liquidationPrice);
        return e.bankruptcyPrice === null || e.bankruptcyPrice.gt(e.liquidationPrice);
      }),
      RUNS,
    );
  });

  it('the bracket used is the one that holds the notional at the liquidation price (Binance, OKX)', () => {
    fc.assert(
      fc.property(fc.constantFrom('binance-usdm' as const, 'okx-swap' as const), side, decimal(0.001, 3000, 3), decimal(1000, 150000, 1), fc.integer({ min: 1, max: 125 }), (id, s, qty, entry, lev) => {
        const profile = getProfile(id);
        const e = explainLiquidation({ profile, position: { symbol: 'BTCUSDT', side: s, quantity: qty, entryPrice: entry, markPrice: entry, marginMode: 'isolated', leverage: new Dec(lev) } });
        if (e.liquidationPrice === null) return true;
        const spec = contractSpec(profile, 'BTCUSDT');
        const holds = bracketIndexForNotional(spec.brackets, notionalAt(spec, qty, e.liquidationPrice));
        // At an exact boundary both tiers give the same price; otherwise the tier must match.
        return holds + 1 === e.bracket.tier || notionalAt(spec, qty, e.liquidationPrice).eq(e.bracket.notionalFloor);
      }),
      RUNS,
    );
  });
});
