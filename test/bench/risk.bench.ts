/**
 * Risk-math throughput with decimal.js (run: npx tsx test/bench/risk.bench.ts, or npm run bench).
 * Prints evaluations per second; asserts nothing. Each case runs for about a second after a
 * warm-up, on inputs that vary per call so no result can be cached.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Dec } from '#shared/money/decimal';
import {
  explainLiquidation,
  getProfile,
  liquidationPrice,
  pathFromDailyPrices,
  simulateToken,
  sizePosition,
  type LiquidationInput,
  type PositionState,
} from '#shared/risk/index';

const binance = getProfile('binance-usdm');
const d = (x: number | string) => new Dec(x);
let sink = 0;

function bench(name: string, make: (i: number) => () => unknown, ms = 1000): void {
  const inputs = Array.from({ length: 64 }, (_, i) => make(i));
  for (let i = 0; i < 2000; i += 1) inputs[i % 64]!();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 64; i += 1) {
      if (inputs[i]!() !== undefined) sink += 1;
    }
    n += 64;
    now = performance.now();
  }
  const perSec = (n * 1000) / (now - start);
  console.log(`${name.padEnd(66)} ${Math.round(perSec).toLocaleString('en-US').padStart(10)} /s   ${(1e6 / perSec).toFixed(1).padStart(7)} µs each`);
}

function btc(i: number, over: Partial<PositionState> = {}): PositionState {
  const entry = d(60000 + i * 37);
  return { symbol: 'BTCUSDT', side: i % 2 ? 'long' : 'short', quantity: d('0.5').plus(i / 100), entryPrice: entry, markPrice: entry.mul('0.99'), marginMode: 'isolated', leverage: d(10 + (i % 20)), ...over };
}

console.log(`risk math, decimal.js (precision 40), Node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'}`);

bench('liquidationPrice  binance isolated, LP in the mark tier', (i) => {
  const input: LiquidationInput = { profile: binance, position: btc(i) };
  return () => liquidationPrice(input);
});

bench('liquidationPrice  binance isolated, bracket re-solve', (i) => {
  // 10 BTC at 5,200: tier 2 at the mark, tier 1 at the liquidation price.
  const input: LiquidationInput = { profile: binance, position: btc(0, { side: 'long', quantity: d(10), entryPrice: d(5200 + i), markPrice: d(5200 + i) }) };
  return () => liquidationPrice(input);
});

bench('liquidationPrice  binance cross, 5 other positions at mark', (i) => {
  const others = ['ETHUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT', 'ADAUSDT'].map((symbol, k) =>
    btc(i + k, { symbol, marginMode: 'cross', entryPrice: d(100 + k), markPrice: d(101 + k), quantity: d(50 + i) }),
  );
  const input: LiquidationInput = { profile: binance, position: btc(i, { marginMode: 'cross' }), walletBalance: d(20000 + i), others };
  return () => liquidationPrice(input);
});

bench('liquidationPrice  binance cross, re-solve across tiers', (i) => {
  const others = [btc(i, { symbol: 'ETHUSDT', marginMode: 'cross', entryPrice: d(3000), markPrice: d(2900), quantity: d(20) })];
  const input: LiquidationInput = {
    profile: binance,
    position: btc(0, { side: 'long', quantity: d(10), entryPrice: d(5200 + i), markPrice: d(5200 + i), marginMode: 'cross' }),
    walletBalance: d(6000),
    others,
  };
  return () => liquidationPrice(input);
});

for (const id of ['bybit-linear', 'okx-swap'] as const) {
  const profile = getProfile(id);
  bench(`liquidationPrice  ${id} isolated`, (i) => {
    const input: LiquidationInput = { profile, position: btc(i) };
    return () => liquidationPrice(input);
  });
}

bench('liquidationPrice  bitmex-inverse isolated (XBTUSD)', (i) => {
  const input: LiquidationInput = { profile: getProfile('bitmex-inverse'), position: btc(i, { symbol: 'XBTUSD', quantity: d(10000 + i) }) };
  return () => liquidationPrice(input);
});

bench('explainLiquidation binance isolated (every term + margin ratio)', (i) => {
  const input: LiquidationInput = { profile: binance, position: btc(i) };
  return () => explainLiquidation(input);
});

bench('sizePosition  isolated, fees + slippage, max safe leverage', (i) => {
  const input = {
    profile: binance,
    symbol: 'BTCUSDT',
    side: i % 2 ? ('long' as const) : ('short' as const),
    equity: d(10000 + i),
    riskFraction: d('0.01'),
    entry: d(60000),
    stop: d(i % 2 ? 58000 - i : 62000 + i),
    leverage: d(20),
    marginMode: 'isolated' as const,
    fees: { entryRate: d('0.0005'), exitRate: d('0.0005'), stopSlippageRate: d('0.001') },
  };
  return () => sizePosition(input);
});

bench('sizePosition  cross', (i) => {
  const input = { profile: binance, symbol: 'ETHUSDT', side: 'long' as const, equity: d(5000 + i), riskFraction: d('0.02'), entry: d(3000), stop: d(2900 - i), leverage: d(10), marginMode: 'cross' as const };
  return () => sizePosition(input);
});

bench('simulateToken  3x daily, 365 closes (per path)', (i) => {
  const prices = [d(100)];
  for (let k = 0; k < 365; k += 1) prices.push(prices[k]!.mul(d(1).plus(((k * 7919 + i * 104729) % 81) / 1000 - 0.04)));
  const path = pathFromDailyPrices(prices);
  const costs = { managementFeePerDay: d('0.0003'), fundingPerDay: d('0.0001') };
  return () => simulateToken(path, d(3), { kind: 'daily' }, costs);
}, 2000);

if (sink < 0) console.log(sink);
