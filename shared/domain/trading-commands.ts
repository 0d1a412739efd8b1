import { z } from 'zod';
import { decimalCheck, DecimalString, NonNegativeDecimalString, PositiveDecimalString } from '../money/decimal';
import { CrowdParamsSchema } from './crowd';
import { MarginModeSchema, ProfileIdSchema } from './exchange';
import { FundingTickSchema, MarketTickSchema } from './market-tick';
import { AmendRequestSchema, OrderRequestSchema } from './trading-orders';

/**
 * The engine's inputs. Everything that changes the paper-trading state is one of these events,
 * appended to the workspace's event log before its effects are shown: replaying the log from the
 * start rebuilds the same state, byte for byte (docs/engine.md).
 */

const Symbol = z.string().min(1).max(32);
export const AccountIdSchema = z.string().min(1).max(32);

/** A trader's command. The IPC channels build these for the trader's own account. */
export const EngineCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deposit'), amount: PositiveDecimalString }).strict(),
  z.object({ type: z.literal('withdraw'), amount: PositiveDecimalString }).strict(),
  z.object({ type: z.literal('setLeverage'), symbol: Symbol, leverage: z.number().int().min(1).max(125) }).strict(),
  z.object({ type: z.literal('setMarginMode'), symbol: Symbol, mode: MarginModeSchema }).strict(),
  /** Isolated only: positive adds margin from the wallet, negative removes it. */
  z
    .object({
      type: z.literal('adjustMargin'),
      symbol: Symbol,
      amount: DecimalString.refine(decimalCheck((d) => !d.isZero()), { message: 'must not be zero' }),
    })
    .strict(),
  z.object({ type: z.literal('placeOrder'), order: OrderRequestSchema }).strict(),
  z.object({ type: z.literal('cancelOrder'), orderId: z.number().int().positive() }).strict(),
  z.object({ type: z.literal('cancelAll'), symbol: Symbol.optional() }).strict(),
  z.object({ type: z.literal('amendOrder'), amend: AmendRequestSchema }).strict(),
  /** Market-close the whole position (reduce-only). */
  z.object({ type: z.literal('closePosition'), symbol: Symbol }).strict(),
]);
export type EngineCommand = z.infer<typeof EngineCommandSchema>;
export type EngineCommandType = EngineCommand['type'];

export const SymbolSettingSchema = z
  .object({ symbol: Symbol, leverage: z.number().int().min(1).max(125), mode: MarginModeSchema })
  .strict();

export const MarketSetupSchema = z
  .object({
    symbol: Symbol,
    profile: ProfileIdSchema,
    /** Multiplies every tick's depthScale (the crowd's share of the real market). */
    depthScale: z.number().positive().max(100).default(1),
    /** Half-life of the price impact our own orders leave in the book, in seconds. */
    impactHalfLifeSec: z.number().positive().max(86_400).default(60),
  })
  .strict();
export type MarketSetup = z.output<typeof MarketSetupSchema>;

export const AccountSetupSchema = z
  .object({
    id: AccountIdSchema.refine((id) => id !== 'mm' && !id.startsWith('c:'), { message: '"mm" and "c:*" are reserved' }),
    deposit: NonNegativeDecimalString,
    settings: z.array(SymbolSettingSchema).max(64).default([]),
  })
  .strict();

/** The first event of every log: the markets, the fund's seed and the starting accounts. */
export const EngineSetupSchema = z
  .object({
    markets: z.array(MarketSetupSchema).min(1).max(16),
    /** Seed of the insurance fund (a deposit into the ledger). */
    insuranceFund: NonNegativeDecimalString,
    accounts: z.array(AccountSetupSchema).max(64).default([]),
    /** Leverage and margin mode for a symbol an account has not set. */
    defaults: z.object({ leverage: z.number().int().min(1).max(125), mode: MarginModeSchema }).strict().default({ leverage: 10, mode: 'isolated' }),
  })
  .strict();
export type EngineSetup = z.output<typeof EngineSetupSchema>;

export const EngineEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('setup'), t: z.number().int(), setup: EngineSetupSchema }).strict(),
  z.object({ kind: z.literal('tick'), tick: MarketTickSchema }).strict(),
  z.object({ kind: z.literal('funding'), funding: FundingTickSchema }).strict(),
  z.object({ kind: z.literal('crowd'), t: z.number().int(), symbol: Symbol, params: CrowdParamsSchema }).strict(),
  z.object({ kind: z.literal('command'), t: z.number().int(), account: AccountIdSchema, command: EngineCommandSchema }).strict(),
]);
export type EngineEvent = z.output<typeof EngineEventSchema>;
export type EngineEventKind = EngineEvent['kind'];

export function eventTime(e: EngineEvent): number {
  switch (e.kind) {
    case 'tick':
      return e.tick.t;
    case 'funding':
      return e.funding.t;
    case 'setup':
    case 'crowd':
    case 'command':
      return e.t;
    default: {
      const never: never = e;
      throw new Error(`unknown event ${String(never)}`);
    }
  }
}
