import { z } from 'zod';
import { MarginModeSchema, ProfileIdSchema } from '../../domain/exchange';
import { PositionViewSchema } from '../../domain/trading-account';
import { FillViewSchema, LiquidationViewSchema } from '../../domain/trading-history';
import { OrderRequestSchema, OrderViewSchema } from '../../domain/trading-orders';
import { DecimalString, PositiveDecimalString } from '../../money/decimal';
import { PlanBodySchema, PlanSchema } from '../../plan/plan-body';

/**
 * Saved trade plans (Planner view) and the plan's test on history. Orders placed from a plan are
 * linked to it by trading.placeOrder's `planId` (plan_orders), for the journal.
 */
const PlanId = z.string().min(1).max(64);
const Name = z.string().trim().min(1, { message: 'a plan needs a name' }).max(120);

export const PlanTestInputSchema = z
  .object({
    /** A built-in or saved scenario over stored (or modelled) market data. */
    scenarioId: z.string().min(1).max(64),
    /** When the entry is sent, in minutes from the scenario's start. */
    atMinute: z.number().nonnegative().max(525_600),
    /** Run the scenario's crowd too (slower; off by default). */
    crowd: z.boolean().default(false),
    profile: ProfileIdSchema,
    equity: PositiveDecimalString,
    leverage: z.number().int().min(1).max(125),
    marginMode: MarginModeSchema,
    entry: OrderRequestSchema,
    trailing: OrderRequestSchema.nullable(),
    /** The plan's loss at the stop, to express the result in R. */
    lossAtStop: PositiveDecimalString,
  })
  .strict();
export type PlanTestInput = z.input<typeof PlanTestInputSchema>;

export const PlanTestResultSchema = z.object({
  /** The scenario document that ran: `levdesk replay` on it reproduces this result. */
  scenario: z.string(),
  window: z.object({ start: z.number().int(), end: z.number().int(), entryAt: z.number().int() }),
  rejected: z.array(z.object({ step: z.number().int(), t: z.number().int(), type: z.string(), code: z.string(), message: z.string() })),
  fills: z.array(FillViewSchema),
  orders: z.array(OrderViewSchema),
  /** The trailing stop's level as it moved (at most one point per minute, plus the last). */
  trailingPath: z.array(z.object({ t: z.number().int(), stop: DecimalString })),
  liquidations: z.array(LiquidationViewSchema),
  /** The trader was liquidated before the stop (or any exit) closed the position. */
  liquidatedFirst: z.boolean(),
  /** Margin balance at the end minus the deposit: realised, fees, funding and what is still open. */
  pnl: DecimalString,
  r: DecimalString.nullable(),
  positionsAtEnd: z.array(PositionViewSchema),
  stateHash: z.string(),
  ms: z.number(),
});
export type PlanTestResult = z.infer<typeof PlanTestResultSchema>;

export const plansChannels = {
  /** Every saved plan, most recently changed first. */
  'plans.list': { input: z.object({}).strict(), output: z.object({ plans: z.array(PlanSchema) }) },
  /** Creates a plan (no id) or replaces a saved one's name, notes and body. */
  'plans.save': { input: z.object({ id: PlanId.optional(), name: Name, notes: z.string().max(10_000).default(''), body: PlanBodySchema }).strict(), output: PlanSchema },
  'plans.duplicate': { input: z.object({ id: PlanId }).strict(), output: PlanSchema },
  'plans.delete': { input: z.object({ id: PlanId }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Ids of the paper orders placed from the plan (entries and their attached orders). */
  'plans.orders': { input: z.object({ id: PlanId }).strict(), output: z.object({ orderIds: z.array(z.number().int()) }) },
  /** Runs the plan's orders headless on a stored window: fills, exits, trailing path, PnL, R. */
  'plans.test': { input: PlanTestInputSchema, output: PlanTestResultSchema },
} as const;
