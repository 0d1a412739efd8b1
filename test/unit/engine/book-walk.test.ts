import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, isMultipleOf } from '#shared/money/decimal';
import { averagePrice, bestPrice, walkBook, type BookQuote } from '#main/engine/book/walk';
import { cumulativeNotional, meanOffset, offsetForNotional } from '#main/engine/book/depth-curve';

const quote = (over: Partial<BookQuote> = {}): BookQuote => ({
  mid: 100_000,
  halfSpread: 0.00005,
  depthScale: 1,
  tickSize: new Dec('0.1'),
  stepSize: new Dec('0.001'),
  ...over,
});

describe('depth curve', () => {
  it('is the calibrated piecewise-linear curve and its inverse', () => {
    expect(cumulativeNotional(0.01)).toBeCloseTo(268_770_000, 0);
    expect(cumulativeNotional(0.005)).toBeCloseTo(134_385_000, 0);
    for (const x of [0.0003, 0.01, 0.017, 0.049, 0.08]) expect(offsetForNotional(cumulativeNotional(x))).toBeCloseTo(x, 12);
    expect(meanOffset(0, 0.01)).toBeCloseTo(0.005, 12);
    expect(meanOffset(0.005, 0.015)).toBeGreaterThan(0.0095); // denser 1-2% segment pulls the mean out
  });
});

describe('walking the modeled book', () => {
  it('fills a small market buy at the best ask', () => {
    const q = quote();
    const r = walkBook(q, 'buy', new Dec('0.01'), null);
    expect(r.filled.toFixed()).toBe('0.01');
    expect(r.fills).toHaveLength(1);
    expect(r.fills[0]!.price.eq(bestPrice(q, 'buy'))).toBe(true);
  });

  it('fills on the grid, sums exactly, and walks away from the mid band by band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        (steps, side, depthScale) => {
          const q = quote({ depthScale });
          const qty = new Dec(steps).mul('0.001');
          const r = walkBook(q, side, qty, null);
          let sum = new Dec(0);
          let prev: Dec | null = null;
          for (const f of r.fills) {
            expect(isMultipleOf(f.price, q.tickSize)).toBe(true);
            expect(isMultipleOf(f.qty, q.stepSize)).toBe(true);
            expect(f.qty.gt(0)).toBe(true);
            if (prev) expect(side === 'buy' ? f.price.gte(prev) : f.price.lte(prev)).toBe(true);
            prev = f.price;
            sum = sum.plus(f.qty);
          }
          expect(sum.eq(r.filled)).toBe(true);
          expect(r.filled.lte(qty)).toBe(true);
          const best = bestPrice(q, side);
          for (const f of r.fills) expect(side === 'buy' ? f.price.gte(best) : f.price.lte(best)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('costs more slippage for a larger size and for a thinner book', () => {
    const avg = (qty: string, depthScale: number): number => averagePrice(walkBook(quote({ depthScale }), 'sell', new Dec(qty), null).fills)!.toNumber();
    expect(avg('100', 1)).toBeLessThan(avg('1', 1));
    expect(avg('1000', 1)).toBeLessThan(avg('100', 1));
    expect(avg('100', 0.05)).toBeLessThan(avg('100', 1));
    // 5% of a calibrated book within 1% of the mid holds ~134 BTC at 100k: selling 134 BTC moves ~1%.
    const r = walkBook(quote({ depthScale: 0.05 }), 'sell', new Dec('134'), null);
    expect(r.endOffset).toBeGreaterThan(0.0099);
    expect(r.endOffset).toBeLessThan(0.0101);
  });

  it('never fills past the limit and stops where the limit is reached', () => {
    const q = quote({ depthScale: 0.01 });
    const limit = new Dec('99500');
    const r = walkBook(q, 'sell', new Dec('1000'), limit);
    expect(r.filled.lt(1000)).toBe(true);
    expect(r.filled.gt(0)).toBe(true);
    for (const f of r.fills) expect(f.price.gte(limit)).toBe(true);
    expect(walkBook(q, 'buy', new Dec('1'), new Dec('99000')).filled.isZero()).toBe(true);
  });

  it('ends the book at MAX_WALK_OFFSET: an absurd size fills only what the model holds', () => {
    const q = quote({ depthScale: 0.0001 });
    const r = walkBook(q, 'sell', new Dec('1000000'), null);
    expect(r.filled.lt(1000000)).toBe(true);
    expect(r.fills.at(-1)!.price.gt(0)).toBe(true);
    expect(r.fills.length).toBeLessThanOrEqual(24);
  });
});
