import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { MarketCandlesRepo } from '#main/store/market-candles-repo';
import { tempWorkspace } from './market-kit';

const ROWS = 10_000_000;
const START = Date.UTC(2000, 0, 1);

/** Writes ROWS 1m klines in the USDⓈ-M layout, streaming (the file is ~1.2 GB). */
async function writeKlines(file: string): Promise<number> {
  const out = fs.createWriteStream(file);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const t = START + i * 60_000;
    const p = 20_000 + (i % 1000);
    chunk += `${t},${p}.10,${p + 5}.00,${p - 5}.00,${p}.40,9319.649,${t + 59_999},190679421.37330,65595,4259.452,87153703.93980,0\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return fs.statSync(file).size;
}

describe('a 10-million-row file', () => {
  const w = tempWorkspace('market-10m');
  afterAll(() => w.cleanup());

  it('imports in bounded memory: the heap and RSS stay far below the file size', { timeout: 900_000 }, async () => {
    const file = path.join(w.dir, 'BTCUSDT-1m-2000-01.csv');
    const bytes = await writeKlines(file);
    global.gc?.();
    const base = process.memoryUsage();
    let maxRss = base.rss;
    let maxHeap = base.heapUsed;
    let samples = 0;
    const sample = (): void => {
      const m = process.memoryUsage();
      maxRss = Math.max(maxRss, m.rss);
      maxHeap = Math.max(maxHeap, m.heapUsed);
      samples += 1;
    };
    const summary = await w.import([file], {}, sample);
    sample();
    const rssGrowth = maxRss - base.rss;
    const heapGrowth = maxHeap - base.heapUsed;
    console.log(
      `10M rows, ${(bytes / 2 ** 20).toFixed(0)} MiB file: RSS +${(rssGrowth / 2 ** 20).toFixed(0)} MiB, heap +${(heapGrowth / 2 ** 20).toFixed(0)} MiB over ${samples} samples`,
    );
    expect(summary.rowsAdded).toBe(ROWS);
    expect(samples).toBeGreaterThan(50);
    // Constant memory: a few batches and SQLite's page caches, not the file (1.2 GB).
    expect(heapGrowth).toBeLessThan(128 * 2 ** 20);
    expect(rssGrowth).toBeLessThan(256 * 2 ** 20);
    expect(rssGrowth).toBeLessThan(bytes / 4);
    const [series] = new MarketCandlesRepo(w.ws.db).list();
    expect(series).toMatchObject({ rows: ROWS, gapCount: 0, from: START, to: START + (ROWS - 1) * 60_000 });
  });
});
