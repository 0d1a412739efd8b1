/**
 * Synthetic fills in the journal's generic CSV template (the header the importer detects):
 * `pairs` long/short round trips over four symbols and two settlement assets, one open and one
 * close fill each, prices walking deterministically (no Math.random: same file every run).
 */
import fs from 'node:fs';

export const GENERIC_HEADER = 'time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id,position_side';

/** Writes 2 × `pairs` fills starting at `start` (ms), trade ids from `idBase`. */
export function writeJournalFills(file: string, pairs: number, start: number, idBase: number): void {
  const lines = [GENERIC_HEADER];
  let price = 60000;
  const symbols = ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BTCUSDC'];
  for (let k = 0; k < pairs; k++) {
    const i = k * 2;
    const t = start + i * 60_000;
    const sym = symbols[k % symbols.length]!;
    const long = k % 3 !== 0;
    const entry = price;
    price = Math.max(1000, price * (1 + (((i * 7919) % 200) - 100) / 10_000));
    const exit = Math.round(price * 10) / 10;
    const pnl = ((exit - entry) * 0.01 * (long ? 1 : -1)).toFixed(4);
    lines.push(`${new Date(t).toISOString()},${sym},${long ? 'BUY' : 'SELL'},${entry.toFixed(1)},0.010,0.0240,,0,${idBase + i},${long ? 'LONG' : 'SHORT'}`);
    lines.push(`${new Date(t + 30_000).toISOString()},${sym},${long ? 'SELL' : 'BUY'},${exit.toFixed(1)},0.010,0.0240,,${pnl},${idBase + i + 1},${long ? 'LONG' : 'SHORT'}`);
    price = exit;
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}
