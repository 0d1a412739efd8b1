import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { JournalSummary } from '#shared/journal/journal-import';
import { JournalCore } from '#main/journal/journal-core';
import { openWorkspace, workspacePathIn } from '#main/store/db';
import { useTempDirs } from '../helpers/temp-dir';
import { cli } from './journal-kit';

const tempDir = useTempDirs();
const KLINES = path.resolve(import.meta.dirname, '../../fixtures/market/BTCUSDT-1h-2022-11.csv');

/** The close of the stored 1h candle that contains `t`, read from the file without the importer. */
function closeAt(t: number): string {
  const hour = Math.floor(t / 3_600_000) * 3_600_000;
  const row = fs.readFileSync(KLINES, 'utf8').split('\n').find((l) => l.startsWith(`${hour},`));
  return row!.split(',')[4]!;
}

const iso = (t: number) => new Date(t).toISOString();
const USDT_CLOSE = Date.UTC(2022, 10, 5, 10, 30);
const BTC_CLOSE = Date.UTC(2022, 10, 10, 13, 20);
const LATE_CLOSE = Date.UTC(2023, 0, 2, 9, 0);
const FILLS = [
  'time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id,position_side,settle_asset',
  `${iso(USDT_CLOSE - 1_800_000)},BTCUSDT,BUY,20000,0.1,0.5,USDT,0,u1,LONG,USDT`,
  `${iso(USDT_CLOSE)},BTCUSDT,SELL,20100,0.1,0.5,USDT,10,u2,LONG,USDT`,
  `${iso(BTC_CLOSE - 3_600_000)},BTCUSD_PERP,BUY,17000,10,0.0001,BTC,0,b1,LONG,BTC`,
  `${iso(BTC_CLOSE)},BTCUSD_PERP,SELL,17500,10,0.0001,BTC,0.01,b2,LONG,BTC`,
  `${iso(LATE_CLOSE - 3_600_000)},BTCUSD_PERP,BUY,16600,10,0.0001,BTC,0,b3,LONG,BTC`,
  `${iso(LATE_CLOSE)},BTCUSD_PERP,SELL,16700,10,0.0001,BTC,0.002,b4,LONG,BTC`,
].join('\n');

describe('journal: conversion between assets at stored prices, only when asked', () => {
  it('converts each trip at the stored close at its time, says what had no price, and never mixes assets otherwise', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'fills.csv');
    fs.writeFileSync(file, `${FILLS}\n`);
    const ws = path.join(dir, 'ws');
    expect((await cli(['journal', 'import', file, '--workspace', ws])).code).toBe(0);
    expect((await cli(['import', '--workspace', ws, KLINES])).code).toBe(0);

    const plain = JSON.parse((await cli(['journal', 'summary', '--workspace', ws])).out) as JournalSummary;
    expect(plain.converted).toBeUndefined();
    expect(Object.keys(plain.byAsset).sort()).toEqual(['BTC', 'USDT']);

    const r = await cli(['journal', 'summary', '--workspace', ws, '--convert-to', 'USDT']);
    expect(r.code, r.err).toBe(0);
    const s = JSON.parse(r.out) as JournalSummary;
    // The per-asset totals stay per asset; the conversion is a separate, labelled block.
    expect(s.byAsset).toEqual(plain.byAsset);
    const c = s.converted!;
    expect(c.quote).toBe('USDT');
    expect(c.label).toMatch(/converted to USDT at stored prices/);
    const btcNet = new Decimal('0.01').minus('0.0002');
    const btcInUsdt = btcNet.times(closeAt(BTC_CLOSE));
    expect(c.byAsset.USDT).toMatchObject({ trips: 1, convertedTrips: 1, missingTrips: 0, net: '9', converted: '9' });
    expect(c.byAsset.BTC).toMatchObject({ trips: 2, convertedTrips: 1, missingTrips: 1, net: btcNet.toFixed(), converted: btcInUsdt.toFixed() });
    expect(c.byAsset.BTC!.source).toMatch(/BTCUSDT 1h close .*1 trip\(s\) outside the stored candles/);
    expect(c.net).toBe(btcInUsdt.plus(9).toFixed());
    expect(c.missingTrips).toBe(1);

    const w = openWorkspace(workspacePathIn(ws));
    try {
      const core = new JournalCore(w.db);
      const st = core.stats({}, 'USDT');
      expect(st.asset).toBe('USDT');
      expect(st.converted).toMatchObject({ quote: 'USDT', trips: 2, missing: [{ asset: 'BTC', trips: 1 }] });
      expect(st.totalNet).toBeCloseTo(9 + btcInUsdt.toNumber(), 9);
      const unconverted = core.stats({}, undefined);
      expect(unconverted.converted).toBeNull();
      expect(unconverted.count).toBe(2);
      expect(unconverted.asset).toBe('BTC');
      // No stored ETH prices at all: every trip missing, and the note says to import them.
      const none = core.stats({}, 'ETH');
      expect(none.count).toBe(0);
      expect(none.converted!.note).toMatch(/no stored BTCETH \(or ETHBTC\) candles/);
    } finally {
      w.close();
    }
  });
});
