import fc from 'fast-check';
import type { ProfileId, Side } from '#shared/domain/exchange';
import { Dec } from '#shared/money/decimal';

/** A decimal with `dp` places between min and max (inclusive), built from integers: no float noise. */
export function decimal(min: number, max: number, dp: number): fc.Arbitrary<Dec> {
  const scale = 10 ** dp;
  return fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => new Dec(n).div(scale));
}

export const side: fc.Arbitrary<Side> = fc.constantFrom('long', 'short');

/** Each formula family with a symbol and a sensible size range for it. */
export interface Venue {
  readonly profile: ProfileId;
  readonly symbol: string;
  readonly qty: fc.Arbitrary<Dec>;
  readonly price: fc.Arbitrary<Dec>;
}

export const venues: readonly Venue[] = [
  { profile: 'binance-usdm', symbol: 'BTCUSDT', qty: decimal(0.001, 3000, 3), price: decimal(1000, 150000, 1) },
  { profile: 'binance-usdm', symbol: 'SOLUSDT', qty: decimal(1, 2_000_000, 0), price: decimal(1, 500, 3) },
  { profile: 'binance-usdm', symbol: 'PEPEUSDT', qty: decimal(1, 10_000_000, 0), price: decimal(0.0001, 10, 4) },
  { profile: 'bybit-linear', symbol: 'BTCUSDT', qty: decimal(0.001, 100, 3), price: decimal(1000, 150000, 1) },
  { profile: 'bybit-linear', symbol: 'BTCUSD', qty: decimal(1, 5_000_000, 0), price: decimal(1000, 150000, 1) },
  { profile: 'okx-swap', symbol: 'ETHUSDT', qty: decimal(0.001, 50000, 3), price: decimal(100, 10000, 2) },
  { profile: 'gate-usdt', symbol: 'BTCUSDT', qty: decimal(0.001, 1000, 3), price: decimal(1000, 150000, 1) },
  { profile: 'bitmex-inverse', symbol: 'XBTUSD', qty: decimal(1, 20_000_000, 0), price: decimal(1000, 150000, 1) },
];

export const venue: fc.Arbitrary<Venue> = fc.constantFrom(...venues);

/** A venue together with a quantity and a price drawn from its own ranges. */
export const venueCase: fc.Arbitrary<{ v: Venue; qty: Dec; price: Dec }> = venue.chain((v) =>
  fc.record({ v: fc.constant(v), qty: v.qty, price: v.price }),
);
