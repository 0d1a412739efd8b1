import { z } from 'zod';
import { DecimalString } from '../money/decimal';
import { MarginModeSchema, ProfileIdSchema, SideSchema } from './exchange';
import { TriggerSourceSchema } from './trading-orders';

/**
 * The trader's account and positions as the Trade view shows them, computed by the engine at the
 * current marks. Ratios are fractions (0.25 = 25%).
 */
export const AccountSummarySchema = z.object({
  /** Engine clock (ms); null before the first event. */
  t: z.number().int().nullable(),
  /** Cross wallet + isolated margins (Binance "wallet balance"). */
  walletBalance: DecimalString,
  crossWalletBalance: DecimalString,
  isolatedMargin: DecimalString,
  unrealizedPnl: DecimalString,
  /** Wallet balance + unrealised PnL of every position. */
  marginBalance: DecimalString,
  /** Cross wallet + unrealised PnL of cross positions: what cross liquidation watches. */
  crossMarginBalance: DecimalString,
  /** Σ maintenance margin of cross positions. */
  maintenanceMargin: DecimalString,
  /** maintenance / cross margin balance; liquidation at 1. Null without cross positions. */
  marginRatio: DecimalString.nullable(),
  positionInitialMargin: DecimalString,
  openOrderMargin: DecimalString,
  availableBalance: DecimalString,
  maxWithdrawable: DecimalString,
  deposited: DecimalString,
  withdrawn: DecimalString,
});
export type AccountSummary = z.infer<typeof AccountSummarySchema>;

export const BracketViewSchema = z.object({
  tier: z.number().int().positive(),
  notionalFloor: DecimalString,
  notionalCap: DecimalString,
  maxLeverage: DecimalString,
  maintenanceMarginRate: DecimalString,
  maintenanceAmount: DecimalString,
});
export type BracketView = z.infer<typeof BracketViewSchema>;

/** ADL rank of a position among its side (1 = first to be deleveraged), as 1-5 lights. */
export const AdlRankSchema = z.object({
  quintile: z.number().int().min(1).max(5),
  rank: z.number().int().positive(),
  count: z.number().int().positive(),
  /** PnL% x effective leverage (binary64 ranking score, shown for information). */
  score: z.number().nullable(),
});
export type AdlRank = z.infer<typeof AdlRankSchema>;

export const PositionViewSchema = z.object({
  symbol: z.string(),
  side: SideSchema,
  quantity: DecimalString,
  entryPrice: DecimalString,
  markPrice: DecimalString,
  lastPrice: DecimalString,
  /** quantity x mark. */
  notional: DecimalString,
  leverage: z.number().int(),
  marginMode: MarginModeSchema,
  /** Isolated: the position's margin; cross: its initial margin at the mark. */
  margin: DecimalString,
  maintenanceMargin: DecimalString,
  /** Isolated: MM / (margin + uPnL); cross: the account's cross margin ratio. */
  marginRatio: DecimalString.nullable(),
  unrealizedPnl: DecimalString,
  /** uPnL / initial margin at entry. */
  roe: DecimalString.nullable(),
  liquidationPrice: DecimalString.nullable(),
  bankruptcyPrice: DecimalString.nullable(),
  /** |mark - liquidation price| / mark. */
  distanceToLiquidation: DecimalString.nullable(),
  bracket: BracketViewSchema,
  stopLoss: z.object({ orderId: z.number().int(), triggerPrice: DecimalString, triggerSource: TriggerSourceSchema }).nullable(),
  takeProfits: z.array(z.object({ orderId: z.number().int(), triggerPrice: DecimalString.nullable(), quantity: DecimalString })),
  adl: AdlRankSchema.nullable(),
  fundingPaid: DecimalString,
  realizedPnl: DecimalString,
  feesPaid: DecimalString,
  openedAt: z.number().int(),
});
export type PositionView = z.infer<typeof PositionViewSchema>;

export const MarketViewSchema = z.object({
  symbol: z.string(),
  profile: ProfileIdSchema,
  t: z.number().int().nullable(),
  last: DecimalString.nullable(),
  mark: DecimalString.nullable(),
  index: DecimalString.nullable(),
  /** mark - index. */
  basis: DecimalString.nullable(),
  /** Where our own orders have pushed the book, as a fraction of the replayed last price. */
  impact: z.number(),
  openInterest: DecimalString,
  openInterestNotional: DecimalString.nullable(),
  lastFundingRate: DecimalString,
  lastFundingT: z.number().int().nullable(),
  /** Next funding time on the interval grid (00/08/16 UTC for 8 h). */
  nextFundingT: z.number().int().nullable(),
  fundingIntervalHours: z.number(),
  insuranceFund: DecimalString,
  liquidity: z.object({ depthScale: z.number(), spreadBps: z.number() }).nullable(),
  spec: z.object({
    tickSize: DecimalString,
    stepSize: DecimalString,
    minQty: DecimalString,
    minNotional: DecimalString,
    maxLeverage: DecimalString,
    makerFee: DecimalString,
    takerFee: DecimalString,
    liquidationFee: DecimalString,
  }),
  /** The maintenance-margin brackets (max leverage per notional) the order ticket's slider follows. */
  brackets: z.array(BracketViewSchema),
});
export type MarketView = z.infer<typeof MarketViewSchema>;
