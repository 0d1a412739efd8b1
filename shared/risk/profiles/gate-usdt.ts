import { Dec } from '../../money/decimal';
import type { ExchangeProfile } from '../profile';
import { BINANCE_BTCUSDT, BINANCE_ETHUSDT, BINANCE_SOLUSDT, SMALL_CAP_DEFAULT, respec } from './specs';

const STAND_IN = 'no Gate tier table in the stored sources: Binance 2024-10-24 brackets and filters used as a stand-in';

/**
 * Gate USDT perpetual. Shares OKX's formula family: freqtrade quotes Gate help 27724 with the
 * same form, entry -+ margin/size over 1 -+ (mmr + taker). Fees maker 0.02% / taker 0.05% [C].
 * Funding uses Gate's page, identical to Binance's formula (exchange-mechanics.md 6.1 [A for
 * Gate]); cap +-2% assumed like Binance's BTCUSDT.
 */
export const GATE_USDT: ExchangeProfile = {
  id: 'gate-usdt',
  label: 'Gate USDT perpetual',
  family: 'okx',
  settlement: 'linear',
  fees: { maker: new Dec('0.0002'), taker: new Dec('0.0005') },
  liquidationFeeRate: new Dec('0.0005'),
  funding: {
    intervalHours: 8,
    interestRate: new Dec('0.0001'),
    clampRate: new Dec('0.0005'),
    capRate: new Dec('0.02'),
    floorRate: new Dec('-0.02'),
    premiumWeighting: 'equal',
  },
  partialLiquidation: true,
  symbols: {
    BTCUSDT: respec(BINANCE_BTCUSDT, { liquidationFeeRate: new Dec('0.0005'), source: STAND_IN }),
    ETHUSDT: respec(BINANCE_ETHUSDT, { liquidationFeeRate: new Dec('0.0005'), source: STAND_IN }),
    SOLUSDT: respec(BINANCE_SOLUSDT, { liquidationFeeRate: new Dec('0.0005'), source: STAND_IN }),
  },
  defaultSpec: respec(SMALL_CAP_DEFAULT, { liquidationFeeRate: new Dec('0.0005') }),
  sources: ['Gate help 27724 as quoted by freqtrade gate.py', 'Gate funding-rate page (same formula as Binance)'],
};
