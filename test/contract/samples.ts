import type { Channel, Input } from '#shared/ipc/contract';

/**
 * One valid input per channel, used to check that every output parses against its schema.
 * Typed over the whole contract: a new channel without a sample does not compile.
 * 'needs-state' marks a channel whose valid call needs earlier state (an id that exists);
 * its output is covered by that domain's integration tests instead.
 */
export const SAMPLE_INPUTS: { [C in Channel]: Input<C> | 'needs-state' } = {
  'app.info': {},
  'settings.get': {},
  'settings.update': { theme: 'light', defaultLeverage: 20 },
  'market.series': {},
  'market.bars': { seriesId: 1 },
  'market.gaps': { seriesId: 1 },
  'market.funding': { venue: 'binance', symbol: 'BTCUSDT' },
  'market.import': 'needs-state',
  'market.cancelImport': {},
  'market.deleteSeries': { seriesId: 1 },
  'market.scenarios': {},
  'market.checkScenario': { json: '{"name":"x"}' },
  'market.saveScenario': {
    json: JSON.stringify({ name: 'Sample', symbol: 'BTCUSDT', start: '2024-01-01T00:00:00Z', durationMinutes: 60, seed: 1, market: { type: 'gbm', startPrice: '40000', volatility: 0.5 } }),
  },
  'market.deleteScenario': { id: 'sample' },
  'replay.load': { source: { kind: 'scenario', id: 'gbm-day' } },
  'replay.unload': {},
  'replay.play': {},
  'replay.pause': {},
  'replay.speed': { speed: '10x' },
  'replay.step': { ticks: 1 },
  'replay.seek': { t: 0 },
  'replay.status': {},
  'replay.bars': {},
  'replay.indexSources': {},
  'trading.session': {},
  'trading.state': {},
  'trading.account': {},
  'trading.positions': {},
  'trading.openOrders': {},
  'trading.market': { symbol: 'BTCUSDT' },
  'trading.symbolSettings': { symbol: 'BTCUSDT' },
  'trading.orderHistory': {},
  'trading.fills': { limit: 10 },
  'trading.funding': {},
  'trading.balance': {},
  'trading.liquidations': { scope: 'all' },
  'trading.liquidation': 'needs-state',
  'trading.insurance': {},
  'trading.crowd': { sort: 'liquidationPrice', desc: false, limit: 20 },
  'trading.preview': { symbol: 'BTCUSDT', side: 'buy', type: 'market', quantity: '0.01' },
  'trading.explain': 'needs-state',
  'trading.placeOrder': { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.01', price: '50000' },
  'trading.amendOrder': 'needs-state',
  'trading.cancelOrder': 'needs-state',
  'trading.cancelAll': {},
  'trading.closePosition': { symbol: 'BTCUSDT' },
  'trading.setLeverage': { symbol: 'BTCUSDT', leverage: 20 },
  'trading.setMarginMode': { symbol: 'BTCUSDT', mode: 'cross' },
  'trading.adjustMargin': { symbol: 'BTCUSDT', amount: '10' },
  'trading.deposit': { amount: '100' },
  'trading.withdraw': { amount: '1' },
  'decay.simulate': { source: { type: 'returns', returns: ['0.1', '-0.1'], repeat: 3 }, tokens: [{ leverage: '3', rule: { kind: 'daily' } }] },
  'decay.monteCarlo': { model: { type: 'gbm', drift: 0, volatility: 0.8 }, days: 10, paths: 200, seed: 1, tokens: [{ leverage: 3 }], fanPoints: 5, histogramBins: 5 },
  'decay.grid': { volatilities: [0.5], leverages: [3], days: 10, pathsPerCell: 100, seed: 1 },
  'decay.cancel': {},
};

/** Inputs no channel accepts: every channel input is a strict object. */
export const GARBAGE_INPUTS: readonly unknown[] = [
  null,
  42,
  'settings',
  true,
  [],
  [{}],
  { '\u0000not-a-field': 1 },
  { __proto__: { polluted: true }, 'constructor.prototype': 1 },
];
