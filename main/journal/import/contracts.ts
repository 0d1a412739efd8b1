/**
 * What a symbol settles in, from its name alone (exports carry no contract spec):
 * COIN-M inverse contracts ("BTCUSD_PERP", "ETHUSD_251226") settle in the base coin and count
 * contracts; USDⓈ-M and Bybit linear contracts settle in their quote (USDT, USDC, FDUSD...).
 */
const COIN_M_RE = /^([A-Z0-9]+)USD_(PERP|\d{6})$/;
const QUOTES = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'USDE'];

export function isCoinMargined(symbol: string): boolean {
  return COIN_M_RE.test(symbol);
}

export function settleAssetOf(symbol: string): string {
  const coin = COIN_M_RE.exec(symbol);
  if (coin) return coin[1]!;
  const base = symbol.split(/[_-]/)[0]!;
  for (const q of QUOTES) if (base.endsWith(q)) return q;
  // Bybit USDC perpetuals are "BTCPERP"; Bybit inverse "BTCUSD" settles in BTC.
  if (base.endsWith('PERP')) return 'USDC';
  if (base.endsWith('USD')) return base.slice(0, -3);
  return 'USDT';
}

/** USD value of one COIN-M contract: 100 for BTC, 10 for the others (Binance's contract sizes). */
export function coinMContractSize(symbol: string): number {
  return symbol.startsWith('BTCUSD_') ? 100 : 10;
}
