import type { BracketRow, StatedBracketRow } from '../brackets';

/**
 * Published maintenance-margin tables. Tables that state their maintenance amounts ("cum") are
 * loaded through bracketsFromStated, so a transcription slip that breaks continuity fails at
 * import time instead of mispricing a liquidation.
 */

/**
 * Binance USDⓈ-M BTCUSDT as returned by GET /fapi/v1/leverageBracket, archived in freqtrade
 * freqtrade/exchange/binance_leverage_tiers.json @ c9ae5e1e (2024-10-24); also
 * exchange-mechanics.md section 1.3.
 */
export const BINANCE_BTCUSDT_2024: readonly StatedBracketRow[] = [
  { floor: '0', cap: '50000', maxLeverage: '125', mmr: '0.004', cum: '0' },
  { floor: '50000', cap: '600000', maxLeverage: '100', mmr: '0.005', cum: '50' },
  { floor: '600000', cap: '3000000', maxLeverage: '75', mmr: '0.0065', cum: '950' },
  { floor: '3000000', cap: '12000000', maxLeverage: '50', mmr: '0.01', cum: '11450' },
  { floor: '12000000', cap: '70000000', maxLeverage: '25', mmr: '0.02', cum: '131450' },
  { floor: '70000000', cap: '100000000', maxLeverage: '20', mmr: '0.025', cum: '481450' },
  { floor: '100000000', cap: '230000000', maxLeverage: '10', mmr: '0.05', cum: '2981450' },
  { floor: '230000000', cap: '480000000', maxLeverage: '5', mmr: '0.1', cum: '14481450' },
  { floor: '480000000', cap: '600000000', maxLeverage: '4', mmr: '0.125', cum: '26481450' },
  { floor: '600000000', cap: '800000000', maxLeverage: '3', mmr: '0.15', cum: '41481450' },
  { floor: '800000000', cap: '1200000000', maxLeverage: '2', mmr: '0.25', cum: '121481450' },
  { floor: '1200000000', cap: '1800000000', maxLeverage: '1', mmr: '0.5', cum: '421481450' },
];

/** Same archive and date as BINANCE_BTCUSDT_2024, key "ETH/USDT:USDT". */
export const BINANCE_ETHUSDT_2024: readonly StatedBracketRow[] = [
  { floor: '0', cap: '50000', maxLeverage: '125', mmr: '0.004', cum: '0' },
  { floor: '50000', cap: '600000', maxLeverage: '100', mmr: '0.005', cum: '50' },
  { floor: '600000', cap: '3000000', maxLeverage: '75', mmr: '0.0065', cum: '950' },
  { floor: '3000000', cap: '12000000', maxLeverage: '50', mmr: '0.01', cum: '11450' },
  { floor: '12000000', cap: '50000000', maxLeverage: '25', mmr: '0.02', cum: '131450' },
  { floor: '50000000', cap: '65000000', maxLeverage: '20', mmr: '0.025', cum: '381450' },
  { floor: '65000000', cap: '150000000', maxLeverage: '10', mmr: '0.05', cum: '2006450' },
  { floor: '150000000', cap: '320000000', maxLeverage: '5', mmr: '0.1', cum: '9506450' },
  { floor: '320000000', cap: '400000000', maxLeverage: '4', mmr: '0.125', cum: '17506450' },
  { floor: '400000000', cap: '530000000', maxLeverage: '3', mmr: '0.15', cum: '27506450' },
  { floor: '530000000', cap: '800000000', maxLeverage: '2', mmr: '0.25', cum: '80506450' },
  { floor: '800000000', cap: '1200000000', maxLeverage: '1', mmr: '0.5', cum: '280506450' },
];

/** Same archive and date as BINANCE_BTCUSDT_2024, key "SOL/USDT:USDT". */
export const BINANCE_SOLUSDT_2024: readonly StatedBracketRow[] = [
  { floor: '0', cap: '20000', maxLeverage: '100', mmr: '0.005', cum: '0' },
  { floor: '20000', cap: '100000', maxLeverage: '75', mmr: '0.0065', cum: '30' },
  { floor: '100000', cap: '800000', maxLeverage: '50', mmr: '0.01', cum: '380' },
  { floor: '800000', cap: '4000000', maxLeverage: '25', mmr: '0.02', cum: '8380' },
  { floor: '4000000', cap: '8000000', maxLeverage: '20', mmr: '0.025', cum: '28380' },
  { floor: '8000000', cap: '40000000', maxLeverage: '10', mmr: '0.05', cum: '228380' },
  { floor: '40000000', cap: '80000000', maxLeverage: '5', mmr: '0.1', cum: '2228380' },
  { floor: '80000000', cap: '100000000', maxLeverage: '4', mmr: '0.125', cum: '4228380' },
  { floor: '100000000', cap: '200000000', maxLeverage: '2', mmr: '0.25', cum: '16728380' },
  { floor: '200000000', cap: '400000000', maxLeverage: '1', mmr: '0.5', cum: '66728380' },
];

/**
 * A small-cap default: Binance 1000BONKUSDT from the freqtrade archive @ 01d10aeb (a later
 * snapshot than the rest). Chosen because it is a typical thin-book table (1.5% tier-1 rate,
 * 50x) and so errs on the safe side for symbols the profile does not know.
 */
export const BINANCE_SMALL_CAP_DEFAULT: readonly StatedBracketRow[] = [
  { floor: '0', cap: '5000', maxLeverage: '50', mmr: '0.015', cum: '0' },
  { floor: '5000', cap: '50000', maxLeverage: '25', mmr: '0.02', cum: '25' },
  { floor: '50000', cap: '100000', maxLeverage: '20', mmr: '0.025', cum: '275' },
  { floor: '100000', cap: '1000000', maxLeverage: '10', mmr: '0.05', cum: '2775' },
  { floor: '1000000', cap: '2000000', maxLeverage: '5', mmr: '0.1', cum: '52775' },
  { floor: '2000000', cap: '2500000', maxLeverage: '4', mmr: '0.125', cum: '102775' },
  { floor: '2500000', cap: '5000000', maxLeverage: '2', mmr: '0.25', cum: '415275' },
  { floor: '5000000', cap: '10000000', maxLeverage: '1', mmr: '0.5', cum: '1665275' },
];

/**
 * Binance BTCUSDT of the 2021-03-18 announcement "Updates to Leverage and Margin Tiers" (no cum
 * column: derived). The worked examples of tokens-and-sizing.md section 3.2 use it.
 */
export const BINANCE_BTCUSDT_2021: readonly BracketRow[] = [
  { floor: '0', cap: '50000', maxLeverage: '125', mmr: '0.004' },
  { floor: '50000', cap: '250000', maxLeverage: '100', mmr: '0.005' },
  { floor: '250000', cap: '1000000', maxLeverage: '50', mmr: '0.01' },
  { floor: '1000000', cap: '10000000', maxLeverage: '20', mmr: '0.025' },
  { floor: '10000000', cap: '20000000', maxLeverage: '10', mmr: '0.05' },
  { floor: '20000000', cap: '50000000', maxLeverage: '5', mmr: '0.1' },
  { floor: '50000000', cap: '100000000', maxLeverage: '4', mmr: '0.125' },
  { floor: '100000000', cap: '200000000', maxLeverage: '3', mmr: '0.15' },
  { floor: '200000000', cap: '300000000', maxLeverage: '2', mmr: '0.25' },
  { floor: '300000000', cap: '500000000', maxLeverage: '1', mmr: '0.5' },
];

/**
 * Bybit BTCUSDT risk limits as in the example response of Bybit's derivatives API doc
 * "risk-limit" (mirrored in carpenstar/bybitapi-sdk-derivatives README): 2M / 0.5% / 100x,
 * 4M / 1% / 57.14x, 6M / 1.5% / 40x. The deductions are derived (Bybit's UTA "mmDeduction").
 */
export const BYBIT_BTCUSDT: readonly BracketRow[] = [
  { floor: '0', cap: '2000000', maxLeverage: '100', mmr: '0.005' },
  { floor: '2000000', cap: '4000000', maxLeverage: '57.14', mmr: '0.01' },
  { floor: '4000000', cap: '6000000', maxLeverage: '40', mmr: '0.015' },
];

/**
 * BitMEX XBTUSD risk limits in XBT: base limit 200 XBT at 0.5% maintenance / 1% initial, then
 * +0.5% on both per 100 XBT step. [C] reconstructed from BitMEX's risk-limit description and
 * the 0.5% of the 2019 payloads (exchange-mechanics.md section 4). BitMEX applies the stepped
 * rate to the whole position; Levdesk keeps the continuous (derived-deduction) form for every
 * profile, which differs from BitMEX only above 200 XBT.
 */
export const BITMEX_XBTUSD: readonly BracketRow[] = [
  { floor: '0', cap: '200', maxLeverage: '100', mmr: '0.005' },
  { floor: '200', cap: '300', maxLeverage: '66.66', mmr: '0.01' },
  { floor: '300', cap: '400', maxLeverage: '50', mmr: '0.015' },
  { floor: '400', cap: '500', maxLeverage: '40', mmr: '0.02' },
  { floor: '500', cap: '600', maxLeverage: '33.33', mmr: '0.025' },
];

/**
 * Bybit inverse BTCUSD: one tier at 0.5%, the rate of Bybit help 360039261334's worked example;
 * the 150 BTC base risk limit is [C] (recollection, not in the stored sources).
 */
export const BYBIT_BTCUSD: readonly BracketRow[] = [{ floor: '0', cap: '150', maxLeverage: '100', mmr: '0.005' }];
