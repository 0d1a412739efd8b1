import { Dec } from '../../money/decimal';
import type { ExchangeProfile } from '../profile';
import { BINANCE_BTCUSDT, BINANCE_ETHUSDT, BINANCE_SOLUSDT, SMALL_CAP_DEFAULT } from './specs';

/**
 * Binance USDⓈ-M perpetuals. Formula: exchange-mechanics.md section 1 (FAQ b3c689c1, checked
 * against freqtrade's dry_run_liquidation_price). Fees: regular tier maker 0.02% / taker 0.05%
 * (tokens-and-sizing.md section 3.2). Funding: 8 h, I = 0.01%, clamp +-0.05%, cap +-2% (the
 * BTCUSDT cap quoted in a library docstring [C]; Binance sets caps per symbol).
 */
export const BINANCE_USDM: ExchangeProfile = {
  id: 'binance-usdm',
  label: 'Binance USDⓈ-M',
  family: 'binance',
  settlement: 'linear',
  fees: { maker: new Dec('0.0002'), taker: new Dec('0.0005') },
  // Symbols carry their own liquidationFee; this applies to unlisted ones (BCHUSDT/LTCUSDT level).
  liquidationFeeRate: new Dec('0.015'),
  funding: {
    intervalHours: 8,
    interestRate: new Dec('0.0001'),
    clampRate: new Dec('0.0005'),
    capRate: new Dec('0.02'),
    floorRate: new Dec('-0.02'),
    premiumWeighting: 'equal',
  },
  partialLiquidation: true,
  symbols: { BTCUSDT: BINANCE_BTCUSDT, ETHUSDT: BINANCE_ETHUSDT, SOLUSDT: BINANCE_SOLUSDT },
  defaultSpec: SMALL_CAP_DEFAULT,
  sources: [
    'Binance FAQ b3c689c1f50a44cabb3a84e663b81d93 (liquidation price), 360033525271 (liquidation protocols)',
    'Binance funding FAQ via mirrors (exchange-mechanics.md 6.1)',
    'Binance futures fee schedule, regular tier (tokens-and-sizing.md 3.2)',
  ],
};
