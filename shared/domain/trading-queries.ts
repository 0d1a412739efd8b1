import { z } from 'zod';
import { DecimalString } from '../money/decimal';
import { MarginModeSchema, SideSchema } from './exchange';
import { BracketViewSchema } from './trading-account';

/** The order ticket's live preview: what the order would cost and do, before it is sent. */
export const OrderPreviewSchema = z.object({
  /** Whether the engine would accept the order now; the refusal otherwise. */
  accepted: z.boolean(),
  rejection: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }).nullable(),
  quantity: DecimalString.nullable(),
  /** Expected average fill (market: a walk of the modeled book), the limit, or the trigger. */
  referencePrice: DecimalString,
  /** Average fill minus the best quote, market orders only. */
  expectedSlippage: DecimalString.nullable(),
  notional: DecimalString,
  initialMargin: DecimalString,
  fee: DecimalString,
  feeRate: DecimalString,
  /** Initial margin of the opening part + fee. */
  cost: DecimalString,
  /** The position after the order fills at the reference price. */
  positionAfter: z.object({ side: SideSchema, quantity: DecimalString, entryPrice: DecimalString, marginMode: MarginModeSchema, leverage: z.number().int() }).nullable(),
  liquidationPrice: DecimalString.nullable(),
  bankruptcyPrice: DecimalString.nullable(),
  /** |reference - liquidation| / reference. */
  distanceToLiquidation: DecimalString.nullable(),
  maxOpenQuantity: DecimalString,
  maxOpenLimitedBy: z.enum(['balance', 'bracket']),
  /** The order's (or attached) stop sits at or beyond the liquidation price: it would never fire. */
  stopBeyondLiquidation: z.boolean(),
  warnings: z.array(z.string()),
});
export type OrderPreview = z.infer<typeof OrderPreviewSchema>;

export const EXPLANATION_KINDS = ['liquidationPrice', 'marginRatio', 'funding'] as const;

/** An explanation panel: the formula, every input with its value, the bracket, the result. */
export const ExplanationSchema = z.object({
  kind: z.enum(EXPLANATION_KINDS),
  title: z.string(),
  /** The published form, in the notation of reference/exchange-mechanics.md. */
  formula: z.string(),
  formulaId: z.string(),
  inputs: z.array(z.object({ name: z.string(), symbol: z.string(), value: z.string(), note: z.string().nullable() })),
  result: z.object({ name: z.string(), value: DecimalString.nullable() }),
  bracket: BracketViewSchema.extend({ basis: z.string() }).nullable(),
  notes: z.array(z.string()),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const CROWD_SORTS = ['account', 'notional', 'leverage', 'entryPrice', 'liquidationPrice', 'distanceToLiquidation', 'unrealizedPnl', 'adlScore'] as const;
export const CrowdSortSchema = z.enum(CROWD_SORTS);
export type CrowdSort = z.infer<typeof CrowdSortSchema>;

export const CrowdRowSchema = z.object({
  account: z.string(),
  side: SideSchema,
  quantity: DecimalString,
  entryPrice: DecimalString,
  notional: DecimalString,
  leverage: z.number().int(),
  marginMode: MarginModeSchema,
  margin: DecimalString,
  liquidationPrice: DecimalString.nullable(),
  unrealizedPnl: DecimalString,
  stopPrice: DecimalString.nullable(),
  adlScore: z.number().nullable(),
});
export type CrowdRow = z.infer<typeof CrowdRowSchema>;

export const CrowdPageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(CrowdRowSchema),
  longs: z.number().int().nonnegative(),
  shorts: z.number().int().nonnegative(),
  longQuantity: DecimalString,
  shortQuantity: DecimalString,
});
export type CrowdPage = z.infer<typeof CrowdPageSchema>;
