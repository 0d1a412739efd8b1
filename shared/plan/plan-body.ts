import { z } from 'zod';
import { MarginModeSchema, ProfileIdSchema, SideSchema } from '../domain/exchange';
import { DecimalString } from '../money/decimal';

/**
 * A saved trade plan (the `plans.body` column, migration 0040). The planner keeps what the trader
 * typed (text, so a half-typed field survives a save) and the derived figures the journal reads:
 * `symbol`, `side`, `entry`, `stop` and `quantity` are always decimal strings once the plan sizes.
 */
const Text = z.string().max(64);

export const STOP_MODES = ['price', 'percent', 'atr', 'swing'] as const;
export type StopMode = (typeof STOP_MODES)[number];

export const RISK_MODES = ['percent', 'cash'] as const;
export type RiskMode = (typeof RISK_MODES)[number];

export const ENTRY_KINDS = ['market', 'limit'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ExitRungSchema = z
  .object({
    /** A price, or an R multiple (entry + r x |entry - stop| toward profit). */
    kind: z.enum(['price', 'r']),
    value: Text,
    /** Share of the position this rung closes, in percent as typed ("50" = half). */
    percent: Text,
  })
  .strict();
export type ExitRung = z.infer<typeof ExitRungSchema>;

export const PlanInputsSchema = z
  .object({
    profile: ProfileIdSchema,
    symbol: z.string().min(1).max(32),
    /** Blank means the paper account's margin balance. */
    equity: Text,
    riskMode: z.enum(RISK_MODES),
    riskPercent: Text,
    riskCash: Text,
    entryKind: z.enum(ENTRY_KINDS),
    entry: Text,
    /** Side for the stop modes that need one (%, ATR, swing); by price the stop implies it. */
    side: SideSchema,
    stopMode: z.enum(STOP_MODES),
    stop: Text,
    stopPercent: Text,
    atrMultiple: Text,
    atrPeriod: z.number().int().min(1).max(500),
    swingLookback: z.number().int().min(2).max(1000),
    leverage: z.number().int().min(1).max(125),
    marginMode: MarginModeSchema,
    /** Overrides in percent as typed; blank takes the default (profile taker, 0 slippage). */
    feeEntryPercent: Text,
    feeExitPercent: Text,
    slippagePercent: Text,
    rungs: z.array(ExitRungSchema).max(10),
    breakevenAfterFirst: z.boolean(),
    trailOn: z.boolean(),
    trailCallbackPercent: Text,
    trailActivation: Text,
    winPercent: Text,
  })
  .strict();
export type PlanInputs = z.infer<typeof PlanInputsSchema>;

export const PlanBodySchema = z
  .object({
    /** Read by the journal: what the plan trades and at what size. */
    symbol: z.string().min(1).max(32),
    side: SideSchema,
    entry: DecimalString,
    stop: DecimalString,
    quantity: DecimalString,
    leverage: z.number().int().min(1).max(125),
    liquidationPrice: DecimalString.nullable(),
    lossAtStop: DecimalString,
    inputs: PlanInputsSchema,
  })
  .strict();
export type PlanBody = z.infer<typeof PlanBodySchema>;

export const PlanSchema = z.object({
  id: z.string(),
  name: z.string(),
  notes: z.string(),
  body: PlanBodySchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const DEFAULT_PLAN_INPUTS: PlanInputs = {
  profile: 'binance-usdm',
  symbol: 'BTCUSDT',
  equity: '',
  riskMode: 'percent',
  riskPercent: '1',
  riskCash: '',
  entryKind: 'limit',
  entry: '',
  side: 'long',
  stopMode: 'price',
  stop: '',
  stopPercent: '2.5',
  atrMultiple: '2',
  atrPeriod: 14,
  swingLookback: 20,
  leverage: 10,
  marginMode: 'isolated',
  feeEntryPercent: '',
  feeExitPercent: '',
  slippagePercent: '',
  rungs: [
    { kind: 'r', value: '1', percent: '50' },
    { kind: 'r', value: '2', percent: '50' },
  ],
  breakevenAfterFirst: true,
  trailOn: false,
  trailCallbackPercent: '1',
  trailActivation: '',
  winPercent: '45',
};
