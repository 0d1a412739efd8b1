import { Dec } from '../../money/decimal';
import type { ExchangeProfile } from '../profile';
import { BITMEX_XBTUSD_SPEC } from './specs';

/**
 * BitMEX XBTUSD, the inverse perpetual (margin and PnL in XBT). Formula: exchange-mechanics.md
 * section 4: LP = EP / (1 -+ (imr - mmr')), mmr' = maintenance + exit taker fee (+ funding if
 * paying). Fees maker -0.025% (rebate) / taker 0.075% (2019 schedule, the fee in that formula).
 * No clearance fee: the position is taken over at the bankruptcy price. Funding: 8 h, interest
 * 0.01% per interval, clamp +-0.05%, cap 75% x (IMR - MMR) = +-0.375% [C].
 */
export const BITMEX_INVERSE: ExchangeProfile = {
  id: 'bitmex-inverse',
  label: 'BitMEX inverse (XBTUSD)',
  family: 'bitmex-inverse',
  settlement: 'inverse',
  fees: { maker: new Dec('-0.00025'), taker: new Dec('0.00075') },
  liquidationFeeRate: new Dec(0),
  funding: {
    intervalHours: 8,
    interestRate: new Dec('0.0001'),
    clampRate: new Dec('0.0005'),
    capRate: new Dec('0.00375'),
    floorRate: new Dec('-0.00375'),
    premiumWeighting: 'equal',
  },
  partialLiquidation: true,
  symbols: { XBTUSD: BITMEX_XBTUSD_SPEC },
  defaultSpec: BITMEX_XBTUSD_SPEC,
  sources: [
    'BitMEX Inverse Perpetuals Guide, Liquidation and Auto-Deleveraging pages',
    'BitMEX support formula quoted on r/BitMEX [C]; payload reconstruction (exchange-mechanics.md 4.2)',
  ],
};
