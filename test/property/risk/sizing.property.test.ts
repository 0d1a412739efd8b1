import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Dec } from '#shared/money/decimal';
import { contractSpec, getProfile, maxLeverageForNotional, maxSafeLeverage, planScaleOut, sizePosition, stopSafety } from '#shared/risk/index';
import { decimal, side } from './arbitraries';

const binance = getProfile('binance-usdm');
const symbols = fc.constantFrom('BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'DOGEUSDT');

const plan = fc.record({
  symbol: symbols,
  side,
  equity: decimal(100, 5_000_000, 2),
  riskFraction: decimal(0.0005, 0.05, 4),
  entry: decimal(1, 100000, 2),
  stopDistance: decimal(0.001, 0.5, 3),
  leverage: fc.integer({ min: 1, max: 125 }),
  maxLeverage: fc.option(decimal(0.5, 20, 1), { nil: undefined }),
  entryRate: decimal(0, 0.001, 5),
  exitRate: decimal(0, 0.001, 5),
  slip: decimal(0, 0.01, 4),
  mode: fc.constantFrom('isolated' as const, 'cross' as const),
});

describe('sizing properties', () => {
  it('never risks more than the budget, fees and slippage included, and never exceeds a cap', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const stop = p.side === 'long' ? p.entry.mul(new Dec(1).minus(p.stopDistance)) : p.entry.mul(new Dec(1).plus(p.stopDistance));
        const r = sizePosition({
          profile: binance,
          symbol: p.symbol,
          side: p.side,
          equity: p.equity,
          riskFraction: p.riskFraction,
          entry: p.entry,
          stop,
          leverage: new Dec(p.leverage),
          ...(p.maxLeverage ? { maxLeverage: p.maxLeverage } : {}),
          fees: { entryRate: p.entryRate, exitRate: p.exitRate, stopSlippageRate: p.slip },
          marginMode: p.mode,
        });
        const maxLev = p.maxLeverage ?? new Dec(p.leverage);
        return (
          r.riskCash.lte(r.riskBudget) &&
          r.quantity.gte(0) &&
          r.notional.lte(p.equity.mul(maxLev)) &&
          r.initialMargin.plus(r.entryFee).lte(p.equity)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('maxSafeLeverage is safe and one more is not (below the bracket cap)', () => {
    fc.assert(
      fc.property(side, decimal(0.001, 20, 3), decimal(1000, 100000, 1), decimal(0.002, 0.3, 3), (s, qty, entry, dist) => {
        const stopFill = s === 'long' ? entry.mul(new Dec(1).minus(dist)) : entry.mul(new Dec(1).plus(dist));
        const check = { profile: binance, symbol: 'BTCUSDT', side: s, quantity: qty, entry, stopFill, marginMode: 'isolated' as const, walletBalance: new Dec(0) };
        const best = maxSafeLeverage(check);
        if (best === null) return !stopSafety(check, new Dec(1)).stopBeforeLiquidation;
        if (!stopSafety(check, best).stopBeforeLiquidation) return false;
        const cap = maxLeverageForNotional(contractSpec(binance, 'BTCUSDT').brackets, qty.mul(entry));
        const next = best.plus(1);
        return best.lte(cap) && (next.gt(cap) || !stopSafety(check, next).stopBeforeLiquidation);
      }),
      { numRuns: 200 },
    );
  });

  it('a scale-out leg never shows a worst case above what it has locked', () => {
    fc.assert(
      fc.property(side, decimal(10, 1000, 2), decimal(0.01, 0.2, 3), fc.array(fc.record({ f: decimal(0.05, 0.3, 2), r: decimal(0.5, 6, 1) }), { minLength: 1, maxLength: 3 }), (s, entry, dist, legs) => {
        const stop = s === 'long' ? entry.mul(new Dec(1).minus(dist)) : entry.mul(new Dec(1).plus(dist));
        const p = planScaleOut({ side: s, entry, stop, quantity: new Dec(10), legs: legs.map((l) => ({ fraction: l.f, r: l.r })) });
        return p.legs.every((l) => l.worstCaseNet.lte(l.lockedNet));
      }),
      { numRuns: 200 },
    );
  });
});
