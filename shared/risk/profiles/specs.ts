import { Dec } from '../../money/decimal';
import { bracketsFromStated, deriveBrackets, type BracketRow, type StatedBracketRow } from '../brackets';
import type { ContractSpec, Settlement } from '../contract-spec';
import {
  BINANCE_BTCUSDT_2024,
  BINANCE_ETHUSDT_2024,
  BINANCE_SMALL_CAP_DEFAULT,
  BINANCE_SOLUSDT_2024,
  BITMEX_XBTUSD,
  BYBIT_BTCUSD,
} from './bracket-tables';

interface SpecInput {
  readonly symbol: string;
  readonly settlement?: Settlement;
  readonly contractSize?: string;
  readonly tickSize: string;
  readonly stepSize: string;
  readonly minQty: string;
  readonly minNotional: string;
  /** Binance PERCENT_PRICE multipliers, e.g. ['1.05', '0.95']. */
  readonly percentPrice: readonly [string, string];
  readonly liquidationFeeRate?: string;
  readonly brackets: readonly BracketRow[] | { readonly stated: readonly StatedBracketRow[] };
  readonly source: string;
}

export function makeSpec(input: SpecInput): ContractSpec {
  const brackets =
    'stated' in input.brackets ? bracketsFromStated(input.brackets.stated, `${input.symbol}.brackets`) : deriveBrackets(input.brackets, `${input.symbol}.brackets`);
  return {
    symbol: input.symbol,
    settlement: input.settlement ?? 'linear',
    contractSize: new Dec(input.contractSize ?? '1'),
    tickSize: new Dec(input.tickSize),
    stepSize: new Dec(input.stepSize),
    minQty: new Dec(input.minQty),
    minNotional: new Dec(input.minNotional),
    priceBand: { up: new Dec(input.percentPrice[0]).minus(1), down: new Dec(1).minus(input.percentPrice[1]) },
    ...(input.liquidationFeeRate === undefined ? {} : { liquidationFeeRate: new Dec(input.liquidationFeeRate) }),
    brackets,
    source: input.source,
  };
}

/** The same contract under another exchange's name and source note (tables we could not find). */
export function respec(spec: ContractSpec, change: Partial<Pick<ContractSpec, 'brackets' | 'source' | 'liquidationFeeRate'>>): ContractSpec {
  return { ...spec, ...change };
}

const EXCHANGE_INFO = 'Binance GET /fapi/v1/exchangeInfo filters as captured (serverTime 1715054406944, 2024-05-07) in a public test fixture';

/** Binance USDⓈ-M BTCUSDT: tick 0.10, step 0.001, min notional 100, PERCENT_PRICE 1.05/0.95, liquidationFee 0.0125. */
export const BINANCE_BTCUSDT = makeSpec({
  symbol: 'BTCUSDT',
  tickSize: '0.1',
  stepSize: '0.001',
  minQty: '0.001',
  minNotional: '100',
  percentPrice: ['1.05', '0.95'],
  liquidationFeeRate: '0.0125',
  brackets: { stated: BINANCE_BTCUSDT_2024 },
  source: `${EXCHANGE_INFO}; brackets: leverageBracket via freqtrade binance_leverage_tiers.json @ c9ae5e1e (2024-10-24)`,
});

export const BINANCE_ETHUSDT = makeSpec({
  symbol: 'ETHUSDT',
  tickSize: '0.01',
  stepSize: '0.001',
  minQty: '0.001',
  minNotional: '20',
  percentPrice: ['1.05', '0.95'],
  liquidationFeeRate: '0.0125',
  brackets: { stated: BINANCE_ETHUSDT_2024 },
  source: `${EXCHANGE_INFO}; brackets: freqtrade binance_leverage_tiers.json @ c9ae5e1e (2024-10-24)`,
});

/**
 * SOLUSDT filters come from a single captured symbol entry of lower confidence [C] (tick 0.001,
 * step 1, min notional 5, liquidationFee 0.015); the brackets are the 2024 archive's.
 */
export const BINANCE_SOLUSDT = makeSpec({
  symbol: 'SOLUSDT',
  tickSize: '0.001',
  stepSize: '1',
  minQty: '1',
  minNotional: '5',
  percentPrice: ['1.05', '0.95'],
  liquidationFeeRate: '0.015',
  brackets: { stated: BINANCE_SOLUSDT_2024 },
  source: 'SOLUSDT exchangeInfo entry in a public test fixture [C, undated]; brackets: freqtrade binance_leverage_tiers.json @ c9ae5e1e (2024-10-24)',
});

/** For symbols a profile does not list: thin-book filters and the small-cap table. */
export const SMALL_CAP_DEFAULT = makeSpec({
  symbol: '*',
  tickSize: '0.0001',
  stepSize: '1',
  minQty: '1',
  minNotional: '5',
  percentPrice: ['1.05', '0.95'],
  liquidationFeeRate: '0.015',
  brackets: { stated: BINANCE_SMALL_CAP_DEFAULT },
  source: 'Levdesk default for unlisted symbols: Binance 1000BONKUSDT brackets (freqtrade archive @ 01d10aeb), typical small-cap filters',
});

/**
 * BitMEX XBTUSD: 1 USD per contract, tick 0.5, lot 1 contract (the 2019 lot; BitMEX later
 * moved to 100), margin and PnL in XBT. BitMEX has no percent-price filter; the band here is
 * wide open.
 */
export const BITMEX_XBTUSD_SPEC = makeSpec({
  symbol: 'XBTUSD',
  settlement: 'inverse',
  contractSize: '1',
  tickSize: '0.5',
  stepSize: '1',
  minQty: '1',
  minNotional: '0',
  percentPrice: ['2', '0'],
  brackets: BITMEX_XBTUSD,
  source: 'BitMEX Inverse Perpetuals Guide (contract = 1 USD, 0.5 tick); risk limits reconstructed [C], see bracket-tables.ts',
});

/** Bybit inverse BTCUSD: 1 USD per contract, 0.5 tick, margin in BTC (Bybit help 360039261334). */
export const BYBIT_BTCUSD_SPEC = makeSpec({
  symbol: 'BTCUSD',
  settlement: 'inverse',
  contractSize: '1',
  tickSize: '0.5',
  stepSize: '1',
  minQty: '1',
  minNotional: '0',
  percentPrice: ['2', '0'],
  liquidationFeeRate: '0',
  brackets: BYBIT_BTCUSD,
  source: 'Bybit help 360039261334 (inverse BTCUSD, 0.5% maintenance); risk-limit size [C]',
});
