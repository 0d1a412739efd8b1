import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '#shared/domain/exchange';
import { allProfiles, checkOrderRules, contractSpec, getProfile, isListedSymbol, liquidationFeeRate, maintenanceMargin } from '#shared/risk/index';
import { d } from './helpers';

describe('exchange profiles are data', () => {
  it('every profile id in the domain list resolves, with its formula family', () => {
    expect(PROFILE_IDS.map((id) => [id, getProfile(id).family])).toEqual([
      ['binance-usdm', 'binance'],
      ['bybit-linear', 'bybit'],
      ['okx-swap', 'okx'],
      ['gate-usdt', 'okx'],
      ['bitmex-inverse', 'bitmex-inverse'],
    ]);
  });

  it('lists BTCUSDT, ETHUSDT and SOLUSDT on every linear profile, each with a source', () => {
    for (const p of allProfiles().filter((x) => x.settlement === 'linear')) {
      for (const sym of ['BTCUSDT', 'ETHUSDT', 'SOLUSDT']) {
        expect(isListedSymbol(p, sym)).toBe(true);
        expect(contractSpec(p, sym).source.length).toBeGreaterThan(10);
      }
      expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it('gives every bracket table a continuous maintenance margin (no jump at any boundary)', () => {
    for (const p of allProfiles()) {
      for (const spec of [...Object.values(p.symbols), p.defaultSpec]) {
        spec.brackets.slice(1).forEach((b, i) => {
          const prev = spec.brackets[i]!;
          const below = b.notionalFloor.mul(prev.maintenanceMarginRate).minus(prev.maintenanceAmount);
          const above = b.notionalFloor.mul(b.maintenanceMarginRate).minus(b.maintenanceAmount);
          expect(below.eq(above), `${p.id} ${spec.symbol} tier ${b.tier}`).toBe(true);
        });
      }
    }
  });

  it('falls back to the small-cap default for an unknown symbol, under its own name', () => {
    const spec = contractSpec(getProfile('binance-usdm'), 'PEPEUSDT');
    expect(spec.symbol).toBe('PEPEUSDT');
    expect(spec.brackets[0]!.maintenanceMarginRate.toFixed()).toBe('0.015');
    expect(maintenanceMargin(spec.brackets, d(10000)).toFixed()).toBe('175');
  });

  it('Binance BTCUSDT filters: tick 0.1, step 0.001, min notional 100, PERCENT_PRICE 5%, clearance fee 1.25% (exchangeInfo)', () => {
    const p = getProfile('binance-usdm');
    const spec = contractSpec(p, 'BTCUSDT');
    expect([spec.tickSize, spec.stepSize, spec.minQty, spec.minNotional, spec.priceBand.up, spec.priceBand.down].map((x) => x.toFixed())).toEqual([
      '0.1',
      '0.001',
      '0.001',
      '100',
      '0.05',
      '0.05',
    ]);
    expect(liquidationFeeRate(p, spec).toFixed()).toBe('0.0125');
    expect(liquidationFeeRate(p, contractSpec(p, 'XYZUSDT')).toFixed()).toBe('0.015');
  });

  it('checks an order against the filters, naming each rule it breaks', () => {
    const spec = contractSpec(getProfile('binance-usdm'), 'BTCUSDT');
    expect(checkOrderRules(spec, { side: 'long', quantity: d('0.01'), price: d(60000), markPrice: d(60000) })).toEqual([]);
    const bad = checkOrderRules(spec, { side: 'long', quantity: d('0.0005'), price: d('63000.05'), markPrice: d(60000) });
    expect(bad.map((v) => v.rule)).toEqual(['tick', 'step', 'minQty', 'minNotional', 'priceBand']);
  });

  it('BitMEX XBTUSD is inverse, 1 USD per contract, with a maker rebate', () => {
    const p = getProfile('bitmex-inverse');
    const spec = contractSpec(p, 'XBTUSD');
    expect(spec.settlement).toBe('inverse');
    expect(spec.contractSize.toFixed()).toBe('1');
    expect(p.fees.maker.isNeg()).toBe(true);
  });
});
