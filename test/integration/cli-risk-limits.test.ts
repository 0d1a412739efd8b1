import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '#main/cli/run';

/**
 * Documents no real position or path can have: `levdesk liq` and `levdesk decay` refuse them
 * with exit 2 naming the field, instead of computing a number from them.
 */
async function cli(args: string[], input: unknown): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stdin = new PassThrough();
  stdin.end(JSON.stringify(input));
  const code = await runCli(args, { stdout, stderr, stdin });
  return { code, out, err };
}

const isolatedLong = { symbol: 'BTCUSDT', side: 'long', quantity: '0.5', entryPrice: '60000', marginMode: 'isolated', leverage: 20 };

describe('levdesk liq refuses what no bracket table covers', () => {
  it('a 1e60 BTC position: its notional is beyond the last bracket cap, named on the quantity', async () => {
    const r = await cli(['liq'], { profile: 'binance-usdm', positions: [{ ...isolatedLong, quantity: 1e60 }] });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/positions\.0\.quantity/);
    expect(r.err).toMatch(/beyond the last bracket's cap/);
  });

  it('names the other position of a cross account that is beyond the table, at its mark', async () => {
    const doc = {
      profile: 'binance-usdm',
      walletBalance: '1000',
      positions: [
        { ...isolatedLong, marginMode: 'cross' },
        { symbol: 'ETHUSDT', side: 'short', quantity: '1', entryPrice: '3000', markPrice: 1e15, marginMode: 'cross' },
      ],
    };
    const r = await cli(['liq'], doc);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/positions\.1\.quantity/);
  });

  it('a bad quantity is named once, without the bracket check tripping over it', async () => {
    const r = await cli(['liq'], { profile: 'binance-usdm', positions: [{ ...isolatedLong, quantity: 'lots' }] });
    expect(r.code).toBe(2);
    expect(r.err.match(/positions\.0\.quantity/g)).toHaveLength(1);
  });

  it('still solves a position inside the last tier', async () => {
    const r = await cli(['liq'], { profile: 'binance-usdm', positions: [isolatedLong] });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('a negative cross wallet, named walletBalance', async () => {
    const r = await cli(['liq'], { profile: 'binance-usdm', walletBalance: '-5', positions: [{ ...isolatedLong, marginMode: 'cross' }] });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/walletBalance: must not be negative/);
  });
});

describe('levdesk decay refuses an oversized path and a token rebalanced to the other side', () => {
  it('100,001 daily prices: at most 100,000, named dailyPrices', async () => {
    const r = await cli(['decay'], { leverage: 3, dailyPrices: Array.from({ length: 100_001 }, () => '100') });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dailyPrices: at most 100,000 prices/);
  });

  it('an intraday path of more than 100,000 vertices in all, named intradayPath', async () => {
    const days = Array.from({ length: 20_001 }, () => ['100', '101', '102', '101', '100']);
    const r = await cli(['decay'], { leverage: 3, intradayPath: days });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/intradayPath: at most 100,000 prices in all \(this path has 100,005\)/);
  });

  it('a path of exactly 100,000 prices is accepted', async () => {
    const r = await cli(['decay'], { leverage: 2, dailyPrices: Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? '100' : '101')) });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('rebalanceTo 3 on a -3 token is refused, naming rebalance.rebalanceTo', async () => {
    const doc = { leverage: -3, dailyPrices: [100, 110], rebalance: { maxAbsLeverage: 4, rebalanceTo: 3, daily: true } };
    const r = await cli(['decay'], doc);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/rebalance\.rebalanceTo: must have the sign of leverage \(-3\)/);
  });

  it('rebalanceTo -2 on a -3 token is accepted and keeps the token short', async () => {
    const doc = { leverage: -3, dailyPrices: [100, 110], rebalance: { maxAbsLeverage: 4, rebalanceTo: -2, daily: false } };
    const r = await cli(['decay'], doc);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { token: { valueEnd: string } };
    expect(Number(out.token.valueEnd)).toBeLessThan(1);
  });
});
