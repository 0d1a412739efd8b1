import { z } from 'zod';
import { MarginModeSchema, SideSchema } from '../../domain/exchange';
import { AccountSummarySchema, MarketViewSchema, PositionViewSchema } from '../../domain/trading-account';
import {
  BalanceEntrySchema,
  FillViewSchema,
  FundingPaymentViewSchema,
  InsuranceEntrySchema,
  LiquidationViewSchema,
} from '../../domain/trading-history';
import { AmendRequestSchema, OrderRequestSchema, OrderViewSchema } from '../../domain/trading-orders';
import { CrowdPageSchema, CrowdSortSchema, ExplanationSchema, OrderPreviewSchema } from '../../domain/trading-queries';
import { decimalCheck, DecimalString, PositiveDecimalString } from '../../money/decimal';

/**
 * The paper-trading channels (issue 5 section 9): what the Trade view reads and sends. Commands
 * answer with the result or ENGINE_REJECTED (details.code names the rule, details.field the
 * input); a refused command has changed nothing. Lists are newest first and paged.
 */
const NoInput = z.object({}).strict();
const Symbol = z.string().min(1).max(32);
const Paging = { offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(500).default(100) };
const page = <T extends z.ZodType>(row: T) => z.object({ total: z.number().int().nonnegative(), offset: z.number().int().nonnegative(), rows: z.array(row) });

export const SessionInfoSchema = z.object({
  /** False until a replay (or a scenario) has started a session. */
  active: z.boolean(),
  name: z.string().nullable(),
  key: z.string().nullable(),
  symbols: z.array(z.string()),
  t0: z.number().int().nullable(),
  /** Engine clock (ms) and number of events in the log. */
  t: z.number().int().nullable(),
  seq: z.number().int().nonnegative(),
  /** sha256 of the engine state (canonical snapshot): the same events always give the same hash. */
  stateHash: z.string(),
  pendingScriptSteps: z.number().int().nonnegative(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Everything the Trade view needs to draw at once (and what trading.state pushes). */
export const TradingStateSchema = z.object({
  t: z.number().int().nullable(),
  seq: z.number().int().nonnegative(),
  account: AccountSummarySchema,
  positions: z.array(PositionViewSchema),
  openOrders: z.array(OrderViewSchema),
  markets: z.array(MarketViewSchema),
});
export type TradingState = z.infer<typeof TradingStateSchema>;

export const OrderResultSchema = z.object({
  /** The order as it stands after the command (filled, resting, pending...). */
  order: OrderViewSchema.nullable(),
  fills: z.array(FillViewSchema),
  /** Liquidations the command set off (its own market order can push the book into a cascade). */
  liquidations: z.array(LiquidationViewSchema),
});
export type OrderResult = z.infer<typeof OrderResultSchema>;

/** One coalesced push of what happened since the previous one (at most ~10 per second). */
export const TradingActivitySchema = z.object({
  fills: z.array(FillViewSchema),
  orders: z.array(OrderViewSchema),
  funding: z.array(FundingPaymentViewSchema),
  fundingSettled: z.array(z.object({ t: z.number().int(), symbol: z.string(), rate: DecimalString, markPrice: DecimalString })),
  /** The trader's liquidations and ADL, plus up to 50 of the crowd's per frame. */
  liquidations: z.array(LiquidationViewSchema),
  /** Every liquidation in the market since the previous frame, shown or not. */
  marketLiquidations: z.number().int().nonnegative(),
  triggered: z.array(z.object({ orderId: z.number().int(), symbol: z.string(), price: DecimalString })),
  insurance: z.object({ balance: DecimalString, t: z.number().int() }).nullable(),
  insuranceChanges: z.number().int().nonnegative(),
  crowdOpened: z.number().int().nonnegative(),
  dropped: z.object({ fills: z.number().int(), orders: z.number().int(), liquidations: z.number().int() }),
});
export type TradingActivity = z.infer<typeof TradingActivitySchema>;

export const TradingResetSchema = z.object({
  reason: z.enum(['rewind', 'session']),
  t: z.number().int().nullable(),
  discarded: z.number().int().nonnegative(),
  discardedCommands: z.number().int().nonnegative(),
});

/** The trader's leverage and margin mode for a symbol, held or not (what the order ticket shows). */
export const SymbolSettingsViewSchema = z.object({ symbol: z.string(), leverage: z.number().int(), marginMode: MarginModeSchema });
export type SymbolSettingsView = z.infer<typeof SymbolSettingsViewSchema>;

const AmountInput = z.object({ amount: PositiveDecimalString }).strict();

export const tradingChannels = {
  'trading.session': { input: NoInput, output: SessionInfoSchema },
  'trading.state': { input: NoInput, output: TradingStateSchema },
  'trading.account': { input: NoInput, output: AccountSummarySchema },
  'trading.positions': { input: NoInput, output: z.array(PositionViewSchema) },
  'trading.openOrders': { input: NoInput, output: z.array(OrderViewSchema) },
  'trading.market': { input: z.object({ symbol: Symbol }).strict(), output: MarketViewSchema },
  'trading.symbolSettings': { input: z.object({ symbol: Symbol }).strict(), output: SymbolSettingsViewSchema },
  'trading.orderHistory': { input: z.object(Paging).strict(), output: page(OrderViewSchema) },
  'trading.fills': { input: z.object(Paging).strict(), output: page(FillViewSchema) },
  'trading.funding': { input: z.object(Paging).strict(), output: page(FundingPaymentViewSchema) },
  'trading.balance': { input: z.object(Paging).strict(), output: page(BalanceEntrySchema) },
  /** scope 'mine': the trader's liquidations; 'all': the market's, the crowd's cascade included. */
  'trading.liquidations': { input: z.object({ scope: z.enum(['mine', 'all']).default('mine'), ...Paging }).strict(), output: page(LiquidationViewSchema) },
  /** One liquidation with its waterfall: mark at trigger -> book fills -> fee -> insurance fund -> ADL. */
  'trading.liquidation': { input: z.object({ id: z.number().int().positive() }).strict(), output: LiquidationViewSchema },
  'trading.insurance': { input: z.object(Paging).strict(), output: z.object({ balance: DecimalString, history: page(InsuranceEntrySchema) }) },
  /** The market's positions (100,000 rows), sorted and paged server-side. */
  'trading.crowd': {
    input: z.object({ symbol: Symbol.optional(), sort: CrowdSortSchema.default('notional'), desc: z.boolean().default(true), side: SideSchema.optional(), ...Paging }).strict(),
    output: CrowdPageSchema,
  },
  /** What an order would cost and do, checked by the engine's own rules; nothing changes. */
  'trading.preview': { input: OrderRequestSchema, output: OrderPreviewSchema },
  'trading.explain': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('liquidationPrice'), symbol: Symbol }).strict(),
      z.object({ kind: z.literal('marginRatio'), symbol: Symbol }).strict(),
      z.object({ kind: z.literal('funding'), paymentId: z.number().int().positive() }).strict(),
    ]),
    output: ExplanationSchema,
  },
  /** `planId`: placed from a saved plan; the order (and its attached orders) stay linked to it. */
  'trading.placeOrder': { input: OrderRequestSchema.extend({ planId: z.string().min(1).max(64).optional() }), output: OrderResultSchema },
  'trading.amendOrder': { input: AmendRequestSchema, output: OrderViewSchema },
  'trading.cancelOrder': { input: z.object({ orderId: z.number().int().positive() }).strict(), output: OrderViewSchema },
  'trading.cancelAll': { input: z.object({ symbol: Symbol.optional() }).strict(), output: z.object({ canceled: z.number().int().nonnegative() }) },
  'trading.closePosition': { input: z.object({ symbol: Symbol }).strict(), output: OrderResultSchema },
  'trading.setLeverage': { input: z.object({ symbol: Symbol, leverage: z.number().int().min(1).max(125) }).strict(), output: TradingStateSchema },
  'trading.setMarginMode': { input: z.object({ symbol: Symbol, mode: MarginModeSchema }).strict(), output: TradingStateSchema },
  /** Isolated margin: positive adds, negative removes. */
  'trading.adjustMargin': {
    input: z.object({ symbol: Symbol, amount: DecimalString.refine(decimalCheck((d) => !d.isZero()), { message: 'must not be zero' }) }).strict(),
    output: TradingStateSchema,
  },
  'trading.deposit': { input: AmountInput, output: AccountSummarySchema },
  'trading.withdraw': { input: AmountInput, output: AccountSummarySchema },
} as const;

export const tradingEvents = {
  /** Account, positions, open orders and markets; coalesced (at most ~10 per second). */
  'trading.state': TradingStateSchema,
  /** Fills, order changes, funding, liquidations (with waterfalls), triggers, fund changes. */
  'trading.activity': TradingActivitySchema,
  /** The session was rewound (a seek back) or replaced: refetch everything. */
  'trading.reset': TradingResetSchema,
} as const;

