import { Dec } from '../../money/decimal';
import type { ExchangeProfile } from '../profile';
import { BYBIT_BTCUSDT } from './bracket-tables';
import { BINANCE_BTCUSDT, BINANCE_ETHUSDT, BINANCE_SOLUSDT, BYBIT_BTCUSD_SPEC, SMALL_CAP_DEFAULT, respec } from './specs';
import { deriveBrackets } from '../brackets';

const STAND_IN = 'no Bybit table in the stored sources: Binance 2024-10-24 brackets and filters used as a stand-in';

/**
 * Bybit USDT perpetual (classic account), plus the inverse BTCUSD contract. Formula: exchange-mechanics.md section 2 (Bybit help
 * "Liquidation Price (USDT Contract)", MM on the entry value). Fees maker 0.02% / taker 0.055%
 * (Bybit non-VIP derivatives schedule [C]). Bybit takes the position over at the bankruptcy price
 * and keeps the remaining margin for the insurance fund: no separate clearance fee. Funding:
 * 8 h, I = 0.01%, clamp +-0.05% (Bybit "Introduction to Funding Rate"), minute premiums weighted
 * 1..480; cap +-0.375% = 75% x (IMR - MMR) of tier 1 [C, recollection of Bybit's cap rule].
 */
export const BYBIT_LINEAR: ExchangeProfile = {
  id: 'bybit-linear',
  label: 'Bybit USDT linear',
  family: 'bybit',
  settlement: 'linear',
  fees: { maker: new Dec('0.0002'), taker: new Dec('0.00055') },
  liquidationFeeRate: new Dec(0),
  funding: {
    intervalHours: 8,
    interestRate: new Dec('0.0001'),
    clampRate: new Dec('0.0005'),
    capRate: new Dec('0.00375'),
    floorRate: new Dec('-0.00375'),
    premiumWeighting: 'linear',
  },
  partialLiquidation: true,
  symbols: {
    BTCUSDT: respec(BINANCE_BTCUSDT, {
      brackets: deriveBrackets(BYBIT_BTCUSDT, 'BTCUSDT.brackets'),
      liquidationFeeRate: new Dec(0),
      source: 'brackets: Bybit risk-limit API doc example (2M/0.5%, 4M/1%, 6M/1.5%); filters: Binance stand-in',
    }),
    ETHUSDT: respec(BINANCE_ETHUSDT, { liquidationFeeRate: new Dec(0), source: STAND_IN }),
    SOLUSDT: respec(BINANCE_SOLUSDT, { liquidationFeeRate: new Dec(0), source: STAND_IN }),
    // The inverse contract, so Bybit's published inverse formulas can be used and checked.
    BTCUSD: BYBIT_BTCUSD_SPEC,
  },
  defaultSpec: respec(SMALL_CAP_DEFAULT, { liquidationFeeRate: new Dec(0) }),
  sources: [
    'Bybit Help "Liquidation Price (USDT Contract)" and 900000181046 (exchange-mechanics.md 2.1-2.2)',
    'Bybit Help 360039261334 (inverse, cross, with the closing fee)',
    'Bybit "Introduction to Funding Rate"',
  ],
};
