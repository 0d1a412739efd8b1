import { describe, expect, it } from 'vitest';
import { bitmexPayloadPrices, explainLiquidation, getProfile, liquidationPrice, marginStateAt } from '#shared/risk/index';
import { makeSpec } from '#shared/risk/profiles/specs';
import { d, fixed, pos } from './helpers';

const bybit = getProfile('bybit-linear');
const okx = getProfile('okx-swap');
const gate = getProfile('gate-usdt');
const bitmex = getProfile('bitmex-inverse');

describe('Bybit USDT perpetual (MM on the entry value)', () => {
  it('long 1 BTC @ 20,000, 50x, mmr 0.5%: IM 400, MM 100, LP 19,700 (Bybit help, exchange-mechanics.md 2.1)', () => {
    const e = explainLiquidation({ profile: bybit, position: pos({ side: 'long', qty: 1, entry: 20000, lev: 50, mmr: '0.005' }) });
    expect(e.initialMargin.toFixed()).toBe('400');
    expect(e.maintenanceMargin.toFixed()).toBe('100');
    expect(e.liquidationPrice!.toFixed()).toBe('19700');
  });

  it('long 1 BTC @ 10,000, 50x -> LP 9,850, BP 9,800 (Bybit "Bankruptcy Price (USDT Contract)")', () => {
    const e = explainLiquidation({ profile: bybit, position: pos({ side: 'long', qty: 1, entry: 10000, lev: 50, mmr: '0.005' }) });
    expect(e.liquidationPrice!.toFixed()).toBe('9850');
    expect(e.bankruptcyPrice!.toFixed()).toBe('9800');
  });

  it('short 1 BTC @ 8,000, 40x -> LP 8,160 (Bybit); BP 8,200 (computed)', () => {
    const e = explainLiquidation({ profile: bybit, position: pos({ side: 'short', qty: 1, entry: 8000, lev: 40, mmr: '0.005' }) });
    expect(e.liquidationPrice!.toFixed()).toBe('8160');
    expect(e.bankruptcyPrice!.toFixed()).toBe('8200');
  });

  it.each([
    ['long', '8.1'],
    ['short', '11.9'],
  ] as const)('freqtrade test_execute_entry bybit: 1 @ 10, 5x, mmr 1%%, %s -> %s', (side, expected) => {
    expect(liquidationPrice({ profile: bybit, position: pos({ side, qty: 1, entry: 10, lev: 5, mmr: '0.01' }) })!.toFixed()).toBe(expected);
  });

  it('cross: 2 BTC long @ 10,000, available 2,000, IM 200, MM 100 -> L 2,100, LP 8,950 (Bybit 900000181046; LP computed)', () => {
    // The wallet holds the available 2,000 plus the position's own IM 200.
    const e = explainLiquidation({
      profile: bybit,
      walletBalance: d(2200),
      position: pos({ side: 'long', qty: 2, entry: 10000, lev: 100, mode: 'cross', mmr: '0.005' }),
    });
    expect(e.liquidationPrice!.toFixed()).toBe('8950');
  });

  it('cross: another position reserves its initial margin out of the available balance', () => {
    const other = pos({ symbol: 'ETHUSDT', side: 'long', qty: 10, entry: 2000, mark: 2000, mode: 'cross', lev: 20 });
    const e = explainLiquidation({
      profile: bybit,
      walletBalance: d(3200),
      others: [other],
      position: pos({ side: 'long', qty: 2, entry: 10000, lev: 100, mode: 'cross', mmr: '0.005' }),
    });
    expect(e.terms.otherRequirement.toFixed()).toBe('1000');
    expect(e.liquidationPrice!.toFixed()).toBe('8950');
  });

  it('inverse isolated: long 60,000 USD @ 50,000, 10x, mmr 0.5% -> LP 45,662.10 (Bybit UTA 2024; computed from its inputs)', () => {
    const e = explainLiquidation({ profile: bybit, position: pos({ symbol: 'BTCUSD', side: 'long', qty: 60000, entry: 50000, lev: 10 }) });
    expect(e.terms.walletBalance.toFixed()).toBe('0.12');
    expect(fixed(e.liquidationPrice, 2)).toBe('45662.10');
    expect(e.settlement).toBe('inverse');
  });

  it('inverse cross with the closing fee: balance 0.5 BTC, long 10,000 @ 8,000 -> BP 5,718.57 exactly, LP 5,739.08 (Bybit 360039261334)', () => {
    const e = explainLiquidation({
      profile: bybit,
      walletBalance: d('0.5'),
      position: pos({ symbol: 'BTCUSD', side: 'long', qty: 10000, entry: 8000, lev: 100, mode: 'cross', taker: '0.00075' }),
    });
    expect(fixed(e.bankruptcyPrice, 2)).toBe('5718.57');
    // The article prints 5,739.50; its own equation gives 5,739.08 (exchange-mechanics.md 2.3: tolerance 0.5).
    expect(fixed(e.liquidationPrice, 2)).toBe('5739.08');
    expect(e.liquidationPrice!.minus('5739.50').abs().lt('0.5')).toBe(true);
  });
});

describe('OKX and Gate (close fee in the requirement)', () => {
  // freqtrade tests/test_freqtradebot.py::test_execute_entry docstring: (10 -+ 2/1) / (1 -+ (0.01 + 0.0006)).
  it.each([
    ['okx', 'long', 8.085708510208207],
    ['okx', 'short', 11.87413417771621],
    ['gate', 'long', 8.085708510208207],
    ['gate', 'short', 11.87413417771621],
  ] as const)('%s %s: 1 @ 10, margin 2, mmr 1%%, taker 0.06%% -> %d (freqtrade)', (venue, side, expected) => {
    const profile = venue === 'okx' ? okx : gate;
    const lp = liquidationPrice({ profile, position: pos({ side, qty: 1, entry: 10, lev: 5, margin: 2, mmr: '0.01', taker: '0.0006' }) });
    expect(Number(lp!.toFixed(14))).toBeCloseTo(expected, 13);
  });

  it('Gate shares the OKX family', () => {
    expect(gate.family).toBe('okx');
  });
});

describe('BitMEX XBTUSD (inverse)', () => {
  // exchange-mechanics.md 4.2 "textbook examples (computed, no fees or funding, mmr 0.5%, 10x, Q 10,000, EP 10,000)".
  it.each([
    ['long', '9132.42', '9090.91'],
    ['short', '11049.72', '11111.11'],
  ] as const)('%s: LP %s, BP %s', (side, lp, bp) => {
    const e = explainLiquidation({ profile: bitmex, position: pos({ symbol: 'XBTUSD', side, qty: 10000, entry: 10000, lev: 10, taker: 0 }) });
    expect(fixed(e.liquidationPrice, 2)).toBe(lp);
    expect(fixed(e.bankruptcyPrice, 2)).toBe(bp);
  });

  it("includes the exit taker fee in mmr' by default: LP = EP / (1 + imr - (0.5% + 0.075%))", () => {
    const lp = liquidationPrice({ profile: bitmex, position: pos({ symbol: 'XBTUSD', side: 'long', qty: 10000, entry: 10000, lev: 10 }) });
    expect(lp!.eq(d(10000).div(d('1.1').minus('0.00575')))).toBe(true);
  });

  it('adds the funding rate when the position pays it (longs pay a positive rate)', () => {
    const base = { profile: bitmex, position: pos({ symbol: 'XBTUSD', side: 'long', qty: 10000, entry: 10000, lev: 10, taker: 0 }) };
    expect(liquidationPrice({ ...base, fundingRate: d('0.0001') })!.eq(d(10000).div(d('1.1').minus('0.0051')))).toBe(true);
    expect(liquidationPrice({ ...base, fundingRate: d('-0.0001') })!.eq(d(10000).div(d('1.1').minus('0.005')))).toBe(true);
  });

  it('a 1x short can never be bankrupt nor liquidated: null (BitMEX prints its 100000000 sentinel)', () => {
    const e = explainLiquidation({ profile: bitmex, position: pos({ symbol: 'XBTUSD', side: 'short', qty: 2, entry: 3934, lev: 1 }) });
    expect(e.liquidationPrice).toBeNull();
    expect(e.bankruptcyPrice).toBeNull();
  });
});

describe('BitMEX payload reconstruction (exchange-mechanics.md 4.2; testnet payloads in fpanettieri/peron, Feb 2019)', () => {
  it('long 1 contract at 1x, EP 3,933: published LP 1,972 / BP 1,966.5', () => {
    const r = bitmexPayloadPrices({ side: 'long', contracts: d(1), posCost: d(25426), posInit: d(25426), posMargin: d(25465), posMaint: d(169), tickSize: d('0.5') });
    expect(r.liquidationPrice!.toFixed()).toBe('1972');
    expect(r.bankruptcyPrice!.toFixed()).toBe('1966.5');
  });
  it('short 1,646 at 2x: published LP 7,005 / BP 7,128 (7,005.5 without the per-contract rounding)', () => {
    const r = bitmexPayloadPrices({ side: 'short', contracts: d(1646), posCost: d(46182146), posInit: d(23091073), posMargin: d(23143383), posMaint: d(456404), tickSize: d('0.5') });
    expect(r.liquidationPrice!.toFixed()).toBe('7005');
    expect(r.bankruptcyPrice!.toFixed()).toBe('7128');
  });
});

describe('Binance COIN-M (inverse) through the binance family: profiles are data', () => {
  // A COIN-M profile assembled in the test: 100 USD contracts, brackets in BTC.
  const coinm = {
    ...getProfile('binance-usdm'),
    settlement: 'inverse' as const,
    symbols: {
      BTCUSD_PERP: makeSpec({
        symbol: 'BTCUSD_PERP',
        settlement: 'inverse',
        contractSize: '100',
        tickSize: '0.1',
        stepSize: '1',
        minQty: '1',
        minNotional: '0',
        percentPrice: ['1.05', '0.95'],
        brackets: [
          { floor: '0', cap: '5', maxLeverage: '125', mmr: '0.004' },
          { floor: '5', cap: '10', maxLeverage: '100', mmr: '0.005' },
        ],
        source: 'test',
      }),
    },
  };

  it('LP = Q (mmr + s) / (WB + cum + s Q / EP) (exchange-mechanics.md 1.7, derived; no published vector)', () => {
    const e = explainLiquidation({ profile: coinm, position: pos({ symbol: 'BTCUSD_PERP', side: 'long', qty: 10, entry: 50000, lev: 20 }) });
    // Q = 1,000 USD, WB = 1,000 / 50,000 / 20 = 0.001 BTC, tier 1.
    expect(e.terms.walletBalance.toFixed()).toBe('0.001');
    expect(e.liquidationPrice!.eq(d(1000).mul('1.004').div(d('0.001').plus('0.02')))).toBe(true);
    expect(e.bankruptcyPrice!.eq(d(1000).div(d('0.02').plus('0.001')))).toBe(true);
  });

  it('applies the bracket at the liquidation price: notional in coin falls as price rises', () => {
    // 260,000 USD short at 50,000 is 5.2 BTC (tier 2); at its LP near 52,400 it is under 5 BTC (tier 1).
    const input = { profile: coinm, position: pos({ symbol: 'BTCUSD_PERP', side: 'short' as const, qty: 2600, entry: 50000, lev: 20 }) };
    const e = explainLiquidation(input);
    expect(e.bracket.tier).toBe(1);
    const at = marginStateAt(input, e.liquidationPrice!);
    expect(at.marginBalance.minus(at.requirement).abs().lt('1e-30')).toBe(true);
  });
});
