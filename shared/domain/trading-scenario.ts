import { z } from 'zod';
import { decimalCheck, DecimalInput, toWire } from '../money/decimal';
import { MarginModeSchema, ProfileIdSchema } from './exchange';
import { EngineCommandSchema } from './trading-commands';

/**
 * The paper-trading part of a scenario (added to the scenario document by shared/domain/scenario):
 * the trader's starting account and a script of timed commands for headless runs.
 */
export const ScenarioAccountSchema = z
  .object({
    /** The trader's starting wallet in USDT. */
    deposit: DecimalInput.refine(decimalCheck((d) => d.gte(0)), { message: 'must not be negative' }).default(toWire('10000')),
    profile: ProfileIdSchema.default('binance-usdm'),
    leverage: z.number().int().min(1).max(125).default(10),
    marginMode: MarginModeSchema.default('isolated'),
    /** Seed of the insurance fund. */
    insuranceFund: DecimalInput.refine(decimalCheck((d) => d.gte(0)), { message: 'must not be negative' }).default(toWire('1000000')),
    /**
     * The engine's book as a share of the real one (multiplies every tick's depthScale): a crowd
     * standing for 1% of the market should trade against 1% of its depth (0.01).
     */
    bookDepthScale: z.number().positive().max(100).default(1),
  })
  .strict();
export type ScenarioAccount = z.output<typeof ScenarioAccountSchema>;

/** A command the trader sends at a minute of the scenario (fractions allowed: 0.5 = 30 s). */
export const ScriptStepSchema = z
  .object({
    atMinute: z.number().nonnegative(),
    command: EngineCommandSchema,
  })
  .strict();
export type ScriptStep = z.output<typeof ScriptStepSchema>;

export const ScenarioScriptSchema = z.array(ScriptStepSchema).max(10_000);
