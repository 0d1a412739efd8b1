import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '#main/cli/run';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

describe('levdesk replay runs the engine', () => {
  it('prints fills, liquidations, the insurance fund and final balances as JSON, and refused script steps with their reason', async () => {
    const file = path.join(tempDir(), 'scenario.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        name: 'flash crash with a crowd',
        symbol: 'BTCUSDT',
        start: '2024-03-01T00:00:00Z',
        durationMinutes: 180,
        seed: 9,
        market: { type: 'flash-crash', startPrice: '60000', volatility: 0.4, crashAtMinute: 60, crashMinutes: 10, dropPct: 0.15, gap: { depthScale: 0.05, spreadBps: 20 } },
        account: { deposit: '5000', leverage: 20, insuranceFund: '20000', bookDepthScale: 0.01 },
        crowd: { seed: 2, traders: 400, longShare: 0.7, leverage: [{ leverage: 10, weight: 1 }, { leverage: 50, weight: 1 }], notional: { median: 10000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.3, minDistance: 0.01, maxDistance: 0.04 }, entryWindowHours: 0 },
        script: [
          { atMinute: 5, command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.5', attached: { stopLoss: { triggerPrice: '57000' } } } } },
          { atMinute: 6, command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.1', price: '50000.05' } } },
        ],
      }),
    );
    const r = await cli(['replay', file]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.market.ticks).toBeGreaterThan(0);
    const e = doc.engine;
    expect(e.script).toMatchObject({ steps: 2, applied: 1 });
    expect(e.script.rejected[0]).toMatchObject({ step: 1, code: 'tickSize' });
    expect(e.fills.length).toBeGreaterThan(0);
    expect(e.liquidations.total).toBeGreaterThan(0);
    expect(e.insuranceFund.start).toBe('20000');
    expect(e.crowd.opened).toBe(400);
    expect(typeof e.account.walletBalance).toBe('string');
    expect(e.stateHash).toMatch(/^[0-9a-f]{64}$/);
    // Deterministic: the same scenario prints the same engine hash.
    const again = JSON.parse((await cli(['replay', file])).out);
    expect(again.engine.stateHash).toBe(e.stateHash);
  }, 60_000);
});
