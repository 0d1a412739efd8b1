import { Dec } from '../../money/decimal';
import type { ExchangeProfile } from '../profile';
import { BINANCE_BTCUSDT, BINANCE_ETHUSDT, BINANCE_SOLUSDT, SMALL_CAP_DEFAULT, respec } from './specs';

const STAND_IN = 'no OKX tier table in the stored sources: Binance 2024-10-24 brackets and filters used as a stand-in';

/**
 * OKX USDT-margined swap. Formula: exchange-mechanics.md section 3, LP = (EP -+ M/q) /
 * (1 -+ (mmr + taker)) (OKX help 360053909592 via freqtrade). Fees maker 0.02% / taker 0.05%
 * (OKX regular tier [C]). The liquidation fee is charged at the taker rate (the unified
 * account's "MM + liquidation fee"). Funding: 8 h, the Binance-style clamp; cap +-0.75% [C].
 */
export const OKX_SWAP: ExchangeProfile = {
  id: 'okx-swap',
  label: 'OKX USDT swap',
  family: 'okx',
  settlement: 'linear',
  fees: { maker: new Dec('0.0002'), taker: new Dec('0.0005') },
  liquidationFeeRate: new Dec('0.0005'),
  funding: {
    intervalHours: 8,
    interestRate: new Dec('0.0001'),
    clampRate: new Dec('0.0005'),
    capRate: new Dec('0.0075'),
    floorRate: new Dec('-0.0075'),
    premiumWeighting: 'equal',
  },
  partialLiquidation: true,
  symbols: {
    BTCUSDT: respec(BINANCE_BTCUSDT, { liquidationFeeRate: new Dec('0.0005'), source: STAND_IN }),
    ETHUSDT: respec(BINANCE_ETHUSDT, { liquidationFeeRate: new Dec('0.0005'), source: STAND_IN }),
    SOLUSDT: respec(BINANCE_SOLUSDT, { liquidationFeeRate: new Dec('0.0005'), source: STAND_IN }),
  },
  defaultSpec: respec(SMALL_CAP_DEFAULT, { liquidationFeeRate: new Dec('0.0005') }),
  sources: ['OKX help 360053909592 via freqtrade okx.py', 'OKX help "Isolated margin mode" 6997123251341'],
};
