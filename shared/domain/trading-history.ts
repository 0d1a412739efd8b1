import { z } from 'zod';
import { DecimalString } from '../money/decimal';
import { MarginModeSchema, SideSchema } from './exchange';
import { OrderSideSchema } from './trading-orders';

/**
 * What happened, as the trader's history tables and the liquidation waterfall show it. Every
 * amount is a decimal string; signs are from the account's point of view unless said otherwise.
 */

/** maker/taker: an order's fill; liquidation: the liquidation engine's book fill; adl: closed by auto-deleveraging. */
export const FILL_LIQUIDITIES = ['maker', 'taker', 'liquidation', 'adl'] as const;
export const FillLiquiditySchema = z.enum(FILL_LIQUIDITIES);
export type FillLiquidity = z.infer<typeof FillLiquiditySchema>;

export const FillViewSchema = z.object({
  id: z.number().int().positive(),
  t: z.number().int(),
  account: z.string(),
  symbol: z.string(),
  /** The order that filled; null for liquidation and ADL fills. */
  orderId: z.number().int().nullable(),
  side: OrderSideSchema,
  quantity: DecimalString,
  price: DecimalString,
  /** Fee paid (negative: a maker rebate received). */
  fee: DecimalString,
  /** PnL realised by this fill (0 for a fill that only opens). */
  realizedPnl: DecimalString,
  liquidity: FillLiquiditySchema,
  liquidationId: z.number().int().nullable(),
});
export type FillView = z.infer<typeof FillViewSchema>;

export const FundingPaymentViewSchema = z.object({
  id: z.number().int().positive(),
  t: z.number().int(),
  account: z.string(),
  symbol: z.string(),
  side: SideSchema,
  quantity: DecimalString,
  markPrice: DecimalString,
  rate: DecimalString,
  /** Position value at the mark the rate applied to. */
  notional: DecimalString,
  /** Signed: negative = paid, positive = received (rounded to the settlement precision). */
  amount: DecimalString,
  source: z.enum(['history', 'model']),
});
export type FundingPaymentView = z.infer<typeof FundingPaymentViewSchema>;

export const BookFillStepSchema = z.object({ price: DecimalString, quantity: DecimalString });

export const AdlStepSchema = z.object({
  /** The deleveraged account ('me' when it is the trader). */
  account: z.string(),
  /** Its position side (opposite to the liquidated one). */
  side: SideSchema,
  quantity: DecimalString,
  price: DecimalString,
  /** Its ADL score at the time (PnL% x effective leverage), for the explanation. */
  score: DecimalString.nullable(),
  /** PnL the deleveraged position realised. */
  realizedPnl: DecimalString,
});
export type AdlStep = z.infer<typeof AdlStepSchema>;

/**
 * One liquidation and its waterfall: mark at the trigger -> book fills -> clearance fee ->
 * insurance fund change -> ADL fills. `backstopQuantity` is what neither the book nor ADL could
 * take, closed against the liquidity account at the bankruptcy price (see docs/engine.md).
 */
export const LiquidationViewSchema = z.object({
  id: z.number().int().positive(),
  t: z.number().int(),
  account: z.string(),
  isTrader: z.boolean(),
  symbol: z.string(),
  side: SideSchema,
  marginMode: MarginModeSchema,
  /** Quantity liquidated by this step; `partial` when the position was only reduced (tiered). */
  quantity: DecimalString,
  partial: z.boolean(),
  remainingQuantity: DecimalString,
  entryPrice: DecimalString,
  markPrice: DecimalString,
  /** At the trigger: the margin balance and the maintenance requirement it had fallen to (or below). */
  marginBalance: DecimalString,
  maintenanceMargin: DecimalString,
  liquidationPrice: DecimalString.nullable(),
  bankruptcyPrice: DecimalString,
  /** The margin the liquidated part stood on (isolated margin share, or the cross wallet). */
  marginLost: DecimalString,
  bookFills: z.array(BookFillStepSchema),
  bookQuantity: DecimalString,
  averageFillPrice: DecimalString.nullable(),
  clearanceFee: DecimalString,
  /** Paid into the fund above the clearance fee (fills better than bankruptcy). */
  surplus: DecimalString,
  /** Paid out of the fund (fills worse than bankruptcy). */
  deficit: DecimalString,
  insuranceBefore: DecimalString,
  insuranceAfter: DecimalString,
  adl: z.array(AdlStepSchema),
  backstopQuantity: DecimalString,
  canceledOrders: z.number().int().nonnegative(),
  /** Market last price after the liquidation's book fills (how far it pushed the book). */
  lastAfter: DecimalString,
});
export type LiquidationView = z.infer<typeof LiquidationViewSchema>;

export const INSURANCE_REASONS = ['seed', 'clearanceFee', 'surplus', 'deficit', 'bankruptcy'] as const;
export const InsuranceEntrySchema = z.object({
  id: z.number().int().positive(),
  t: z.number().int(),
  /** Signed change of the fund. */
  delta: DecimalString,
  balance: DecimalString,
  reason: z.enum(INSURANCE_REASONS),
  liquidationId: z.number().int().nullable(),
  account: z.string().nullable(),
});
export type InsuranceEntry = z.infer<typeof InsuranceEntrySchema>;

export const BALANCE_REASONS = ['deposit', 'withdrawal', 'marginAdded', 'marginRemoved'] as const;
export const BalanceEntrySchema = z.object({
  t: z.number().int(),
  account: z.string(),
  symbol: z.string().nullable(),
  amount: DecimalString,
  reason: z.enum(BALANCE_REASONS),
});
export type BalanceEntry = z.infer<typeof BalanceEntrySchema>;
