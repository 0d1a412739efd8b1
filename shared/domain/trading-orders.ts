import { z } from 'zod';
import { DecimalString, PositiveDecimalString } from '../money/decimal';

/**
 * Orders as the trader sends them and as the engine reports them. One-way mode: a buy adds to a
 * long or reduces a short; `reduceOnly` and `closePosition` say which the trader means.
 */
export const ORDER_SIDES = ['buy', 'sell'] as const;
export type OrderSide = (typeof ORDER_SIDES)[number];
export const OrderSideSchema = z.enum(ORDER_SIDES);

export const ORDER_TYPES = [
  'market',
  'limit',
  'stopMarket',
  'stopLimit',
  'takeProfitMarket',
  'takeProfitLimit',
  'trailingStop',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
export const OrderTypeSchema = z.enum(ORDER_TYPES);

/** GTC rests; IOC fills what it can now; FOK all or nothing; postOnly refuses to take liquidity. */
export const TIME_IN_FORCE = ['GTC', 'IOC', 'FOK', 'postOnly'] as const;
export type TimeInForce = (typeof TIME_IN_FORCE)[number];
export const TimeInForceSchema = z.enum(TIME_IN_FORCE);

/** Which price a conditional order watches: the mark (wick-proof) or the market's last trade. */
export const TRIGGER_SOURCES = ['mark', 'last'] as const;
export type TriggerSource = (typeof TRIGGER_SOURCES)[number];
export const TriggerSourceSchema = z.enum(TRIGGER_SOURCES);

/**
 * pending: a conditional order waiting for its trigger. open: a resting limit (never filled).
 * partiallyFilled: resting with some fills. filled / canceled / expired are final; expired means
 * the engine ended it (IOC remainder, FOK miss, post-only that would take, reduce-only with
 * nothing left to reduce, price protection).
 */
export const ORDER_STATUSES = ['pending', 'open', 'partiallyFilled', 'filled', 'canceled', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const OrderStatusSchema = z.enum(ORDER_STATUSES);

export const CONDITIONAL_TYPES: readonly OrderType[] = ['stopMarket', 'stopLimit', 'takeProfitMarket', 'takeProfitLimit', 'trailingStop'];
export const LIMIT_PRICED_TYPES: readonly OrderType[] = ['limit', 'stopLimit', 'takeProfitLimit'];

const Symbol = z.string().min(1).max(32);

/** A take-profit rung of a ladder attached at entry: close `fraction` of the entry at `triggerPrice`. */
export const TakeProfitRungSchema = z
  .object({
    triggerPrice: PositiveDecimalString,
    /** Share of the filled entry quantity this rung closes, (0, 1]. Rungs must sum to at most 1. */
    fraction: z.number().gt(0).lte(1),
    /** A limit price makes the rung a take-profit-limit; absent, it closes at market. */
    price: PositiveDecimalString.optional(),
    triggerSource: TriggerSourceSchema.optional(),
  })
  .strict();

/** Protective orders created when the entry fills, sized from what filled. */
export const AttachedOrdersSchema = z
  .object({
    stopLoss: z.object({ triggerPrice: PositiveDecimalString, triggerSource: TriggerSourceSchema.optional() }).strict().optional(),
    takeProfits: z.array(TakeProfitRungSchema).max(10).optional(),
  })
  .strict();
export type AttachedOrders = z.infer<typeof AttachedOrdersSchema>;

export const OrderRequestSchema = z
  .object({
    symbol: Symbol,
    side: OrderSideSchema,
    type: OrderTypeSchema,
    /** Base quantity; omitted only with closePosition. */
    quantity: PositiveDecimalString.optional(),
    /** Limit price (limit, stopLimit, takeProfitLimit). */
    price: PositiveDecimalString.optional(),
    /** Trigger price (stop and take-profit types). */
    triggerPrice: PositiveDecimalString.optional(),
    triggerSource: TriggerSourceSchema.optional(),
    timeInForce: TimeInForceSchema.optional(),
    reduceOnly: z.boolean().optional(),
    /** Stop/take-profit market only: close whatever position exists when it triggers. */
    closePosition: z.boolean().optional(),
    /** Trailing stop: callback as a fraction (0.01 = 1%), 0.001..0.1 as on Binance. */
    callbackRate: PositiveDecimalString.optional(),
    /** Trailing stop: start trailing once the price reaches this (default: at once). */
    activationPrice: PositiveDecimalString.optional(),
    attached: AttachedOrdersSchema.optional(),
    clientOrderId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type OrderRequest = z.infer<typeof OrderRequestSchema>;

export const AmendRequestSchema = z
  .object({
    orderId: z.number().int().positive(),
    quantity: PositiveDecimalString.optional(),
    price: PositiveDecimalString.optional(),
    triggerPrice: PositiveDecimalString.optional(),
  })
  .strict();
export type AmendRequest = z.infer<typeof AmendRequestSchema>;

/** What made an order end or change; shown in the order history. */
export const ORDER_REASONS = [
  'placed',
  'filled',
  'partialFill',
  'triggered',
  'canceledByUser',
  'amended',
  'iocRemainder',
  'fokUnfilled',
  'postOnlyWouldTake',
  'reduceOnlyNothingToReduce',
  'positionClosed',
  'liquidation',
  'adl',
  'priceProtection',
  'noLiquidity',
  'resized',
  'marginInsufficient',
] as const;
export type OrderReason = (typeof ORDER_REASONS)[number];
export const OrderReasonSchema = z.enum(ORDER_REASONS);

export const OrderViewSchema = z.object({
  id: z.number().int().positive(),
  clientOrderId: z.string().nullable(),
  symbol: Symbol,
  side: OrderSideSchema,
  type: OrderTypeSchema,
  status: OrderStatusSchema,
  quantity: DecimalString,
  filledQuantity: DecimalString,
  /** Volume-weighted average fill price; null before the first fill. */
  averagePrice: DecimalString.nullable(),
  price: DecimalString.nullable(),
  triggerPrice: DecimalString.nullable(),
  triggerSource: TriggerSourceSchema,
  timeInForce: TimeInForceSchema,
  reduceOnly: z.boolean(),
  closePosition: z.boolean(),
  callbackRate: DecimalString.nullable(),
  activationPrice: DecimalString.nullable(),
  /** Trailing stop: best price seen since activation; null before activation. */
  trailingExtreme: DecimalString.nullable(),
  /** The entry this protective order was attached to. */
  parentId: z.number().int().nullable(),
  /** 'stopLoss' or 'takeProfit' for attached orders. */
  role: z.enum(['entry', 'stopLoss', 'takeProfit']).nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  reason: OrderReasonSchema,
});
export type OrderView = z.infer<typeof OrderViewSchema>;
