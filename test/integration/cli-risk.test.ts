import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The real `levdesk` binary (bin/levdesk.mjs running the bundle dist/cli.cjs) on the documents in
 * test/fixtures/risk: stdout JSON, stderr messages and exit codes, by file and by stdin.
 */
const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'bin/levdesk.mjs');
const fixture = (name: string) => path.join(root, 'test/fixtures/risk', name);

function levdesk(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input: stdin ?? '', encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], stdin?: string): Record<string, unknown> {
  const r = levdesk(args, stdin);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('levdesk liq', () => {
  it('1 BTC @ 100,000, 10x isolated -> LP 90,402.01, tick-rounded toward the mark (Binance FAQ via tokens-and-sizing.md 3.2)', () => {
    const out = json(['liq', fixture('liq-binance-isolated.json')]);
    expect(out).toMatchObject({
      symbol: 'BTCUSDT',
      liquidationPrice: '90402.01005025',
      liquidationPriceTick: '90402.1',
      bankruptcyPrice: '90000',
      initialMargin: '10000',
      maintenanceMarginRate: '0.005',
      maintenanceAmount: '50',
      bracket: { tier: 2, maintenanceAmount: '50' },
      marginRatio: '0.045',
    });
  });

  it('reads the same document from stdin', () => {
    const viaStdin = json(['liq'], fs.readFileSync(fixture('liq-binance-isolated.json'), 'utf8'));
    expect(viaStdin.liquidationPrice).toBe('90402.01005025');
  });

  it('cross: the freqtrade account -> BTC LP 26,316.89, the ETH position held at its mark', () => {
    const out = json(['liq', fixture('liq-binance-cross.json')]);
    expect(String(out.liquidationPrice).slice(0, 8)).toBe('26316.89');
    expect(out.formula).toBe('binance-linear-cross');
    expect(out).not.toHaveProperty('bracket');
    expect(out.bracketBasis).toBe('override');
  });

  it('prints null, not a number, when no price liquidates (BitMEX 1x short)', () => {
    const out = json(['liq', fixture('liq-bitmex-short-1x.json')]);
    expect(out.liquidationPrice).toBeNull();
    expect(out.bankruptcyPrice).toBeNull();
    expect(out.settlement).toBe('inverse');
  });

  it('exits 2 naming every bad field', () => {
    const r = levdesk(['liq', fixture('liq-bad.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const field of ['profile', 'positions.0.side', 'positions.0.quantity', 'positions.0.entryPrice', 'Unrecognized key: "extra"']) {
      expect(r.stderr).toContain(field);
    }
  });

  it('exits 2 (not a crash) on text where a decimal belongs, naming the field once', () => {
    const doc = { profile: 'binance-usdm', positions: [{ symbol: 'BTCUSDT', side: 'long', quantity: 'abc', entryPrice: '1e5', marginMode: 'isolated' }] };
    const r = levdesk(['liq'], JSON.stringify(doc));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('DecimalError');
    expect(r.stderr.match(/positions\.0\.quantity/g)).toHaveLength(1);
    expect(r.stderr).toContain('positions.0.entryPrice');
  });

  it('--help documents every input field', () => {
    const r = levdesk(['liq', '--help']);
    expect(r.code).toBe(0);
    for (const field of ['walletBalance', 'positions[]', 'symbol', 'side', 'quantity', 'entryPrice', 'markPrice', 'marginMode', 'leverage', 'isolatedMargin', 'maintenanceMarginRate', 'maintenanceAmount', 'takerFeeRate', 'contractSize', 'fundingRate']) {
      expect(r.stdout).toContain(field);
    }
  });
});

describe('levdesk size', () => {
  it('Elder: $100,000, 2%, buy 40, stop 38 -> 1,000 (numbers accepted on input)', () => {
    const out = json(['size', fixture('size-elder.json')]);
    expect(out).toMatchObject({ quantity: '1000', riskCash: '2000', cappedByLeverage: false, stopBeforeLiquidation: true });
  });

  it('stop-beyond-liquidation-check: 20x puts the LP at 57,228.92 above the 56,000 stop; 14x is the highest safe', () => {
    const out = json(['size', fixture('size-stop-unsafe.json')]);
    expect(out).toMatchObject({ liquidationPrice: '57228.91566265', stopBeforeLiquidation: false, maxSafeLeverage: '14', leverageBound: '14.2045' });
  });

  it('fees default to the profile taker rate and the output says so (feesAssumed); the slippage stays 0 unless told', () => {
    const out = json(['size', fixture('size-planner-example.json')]);
    expect(out).toMatchObject({
      feesAssumed: true,
      slippageAssumed: false,
      fees: { entryRate: '0.0005', exitRate: '0.0005', stopSlippageRate: '0', source: { entryRate: 'profile taker', exitRate: 'profile taker', stopSlippageRate: 'assumed zero' }, book: null },
      quantity: '0.064',
      riskCash: '99.792',
      liquidationPrice: '57228.91566265',
      maxSafeLeverage: '34',
    });
    expect(json(['size', fixture('size-stop-unsafe.json')])).toMatchObject({ feesAssumed: false, fees: { entryRate: '0', source: { entryRate: 'input' } } });
  });

  it('"book" prices the slippage on the engine\'s book model at the size (the Planner\'s default); a thinner book costs more; a typed rate wins', () => {
    const doc = { profile: 'binance-usdm', symbol: 'BTCUSDT', equity: '10000', riskFraction: '0.01', side: 'long', entry: '60000', stop: '58500', leverage: 20 };
    expect(json(['size'], JSON.stringify({ ...doc, book: {} }))).toMatchObject({
      slippageAssumed: true,
      fees: {
        stopSlippageRate: '0.0000512821',
        source: { stopSlippageRate: 'book model' },
        // The 0.064 sized at no slippage, walked from the stop: the best bid half a bp below, on the tick.
        book: { depthScale: 1, spreadBps: 1, notional: '3744', fillPrice: '58497' },
      },
      quantity: '0.064',
      stopFillPrice: '58497',
      riskCash: '99.983904',
    });
    const thin = json(['size'], JSON.stringify({ ...doc, book: { depthScale: 0.1, spreadBps: 10 } })) as { stopFillPrice: string; fees: { book: { spreadBps: number } } };
    expect(thin.fees.book.spreadBps).toBe(10);
    expect(Number(thin.stopFillPrice)).toBeLessThan(58497);
    expect(json(['size'], JSON.stringify({ ...doc, book: {}, fees: { stopSlippageRate: '0' } }))).toMatchObject({ slippageAssumed: false, fees: { source: { stopSlippageRate: 'input' }, book: null }, riskCash: '99.792' });
  });

  it('exits 2 naming the risk fraction, the leverage and the stop on the wrong side', () => {
    const r = levdesk(['size', fixture('size-bad-stop.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/riskFraction: must be at most 1/);
    expect(r.stderr).toMatch(/leverage: must be greater than zero/);
    expect(r.stderr).toMatch(/stop: a short stop must be above the entry/);
  });
});

describe('levdesk decay', () => {
  it('FTX table 10k -> 11k -> 10k: BULL -5.45%, static 3x and spot flat (FTX FAQ)', () => {
    const out = json(['decay', fixture('decay-ftx-table.json')]) as { token: { valueEnd: string; path: string[] }; margin: { valueEnd: string }; spot: { valueEnd: string } };
    expect(out.token.valueEnd).toBe('0.9454545455');
    expect(out.token.path).toEqual(['1', '1.3', '0.9454545455']);
    expect(out.margin.valueEnd).toBe('1');
    expect(out.spot.valueEnd).toBe('1');
  });

  it('crash -40% with the FTX 4x trigger keeps 17.4%; the static 3x margin position is liquidated', () => {
    const out = json(['decay', fixture('decay-ftx-crash.json')]) as { token: { valueEnd: string; rebalances: number }; margin: { liquidated: boolean }; approximation: { kind: string } };
    expect(out.token.valueEnd.slice(0, 5)).toBe('0.174');
    expect(out.token.rebalances).toBe(5);
    expect(out.margin.liquidated).toBe(true);
    expect(out.approximation.kind).toBe('float-analytic');
  });

  it('takes intraday paths with gaps, a price band and costs', () => {
    const out = json(['decay', fixture('decay-intraday.json')]) as { token: { path: string[] }; margin: { valueEnd: string } };
    expect(out.token.path).toHaveLength(4);
    expect(out.margin.valueEnd).toBe('1.060906');
  });

  it('exits 2 on a document with neither or both paths', () => {
    const r = levdesk(['decay'], '{"leverage": 3, "dailyPrices": [1, 2], "intradayPath": [[1, 2]]}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give exactly one of dailyPrices and intradayPath/);
  });
});

describe('levdesk funding and pnl', () => {
  it('long 1 BTC at 60,000 with +0.01% pays 6 USDT per interval to the shorts (exchange-mechanics.md 6.1)', () => {
    expect(json(['funding', fixture('funding-binance.json')])).toMatchObject({ payer: 'long', receiver: 'short', payment: '-6', total: '-18' });
  });

  it('from a premium index: P -0.08% -> F -0.03%; short 2 ETH at 3,000 pays 1.8', () => {
    expect(json(['funding', fixture('funding-premium.json')])).toMatchObject({ fundingRate: '-0.0003', payer: 'short', payment: '-1.8' });
  });

  it('pnl: 1 BTC at 9,253.30, 20x -> IM 462.665; target +50% ROE at 9,484.6325 (Binance calculator)', () => {
    const out = json(['pnl'], fs.readFileSync(fixture('pnl-binance.json'), 'utf8'));
    expect(out).toMatchObject({ initialMargin: '462.665', pnl: '246.7', targetPrice: '9484.6325' });
  });

  it('exits 2 on a document that is not JSON', () => {
    const r = levdesk(['pnl'], 'not json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not JSON/);
  });

  it('the top-level help lists every risk command', () => {
    const r = levdesk(['--help']);
    for (const name of ['liq', 'size', 'decay', 'funding', 'pnl']) expect(r.stdout).toMatch(new RegExp(`\\n  ${name} `));
  });
});
