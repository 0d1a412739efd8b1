import { z } from 'zod';
import { DecimalString } from '../money/decimal';
import { MarginModeSchema, SideSchema } from '../domain/exchange';

/**
 * One round trip of the journal: flat -> flat on one account, symbol and position side, from the
 * paper engine's history or from an imported exchange export. Money is per asset: `asset` is the
 * settlement asset of the contract (USDT, USDC, BTC for COIN-M), and every cash field is in it,
 * except `feesByAsset`, which keeps fees paid in another asset (BNB) apart instead of adding them.
 */
export const TRIP_SOURCES = ['paper', 'import'] as const;
export const TripSourceSchema = z.enum(TRIP_SOURCES);
export type TripSource = z.infer<typeof TripSourceSchema>;

export const TripAnnotationSchema = z.object({
  /** Markdown. */
  notes: z.string().max(20_000),
  tags: z.array(z.string().min(1).max(40)).max(30),
  setup: z.string().max(80),
  mistakes: z.array(z.string().min(1).max(80)).max(20),
  /** 1..5, null when not rated. */
  rating: z.number().int().min(1).max(5).nullable(),
});
export type TripAnnotation = z.infer<typeof TripAnnotationSchema>;

export const EMPTY_ANNOTATION: TripAnnotation = { notes: '', tags: [], setup: '', mistakes: [], rating: null };

export const TripFillSchema = z.object({
  t: z.number().int(),
  side: z.enum(['buy', 'sell']),
  price: DecimalString,
  quantity: DecimalString,
  fee: DecimalString,
  feeAsset: z.string(),
  realizedPnl: DecimalString,
  /** Opens/adds to the position, or reduces it. */
  effect: z.enum(['open', 'close']),
  liquidation: z.boolean(),
});
export type TripFill = z.infer<typeof TripFillSchema>;

export const JournalTripSchema = z.object({
  id: z.string(),
  source: TripSourceSchema,
  account: z.string(),
  venue: z.string(),
  symbol: z.string(),
  side: SideSchema,
  asset: z.string(),
  openedAt: z.number().int(),
  closedAt: z.number().int(),
  holdingMs: z.number().int().nonnegative(),
  fillCount: z.number().int().nonnegative(),
  /** Largest size held during the trip (base units; contracts for COIN-M). */
  quantity: DecimalString,
  entryPrice: DecimalString,
  exitPrice: DecimalString,
  leverage: z.number().nullable(),
  marginMode: MarginModeSchema.nullable(),
  /** Fees paid in `asset` (positive = paid). */
  fees: DecimalString,
  /** Every fee asset (BNB included), positive = paid. */
  feesByAsset: z.record(z.string(), DecimalString),
  /** Signed: positive = received. */
  funding: DecimalString,
  realizedPnl: DecimalString,
  /** Insurance clearance booked against the trip (signed as the exchange books it). */
  insuranceClear: DecimalString,
  /** realizedPnl - fees (in asset) + funding + insuranceClear. */
  net: DecimalString,
  liquidated: z.boolean(),
  /** The paper engine's liquidation id (its waterfall), when one closed the trip. */
  liquidationId: z.number().int().nullable(),
  plannedStop: DecimalString.nullable(),
  /** Where the planned stop came from. */
  stopSource: z.enum(['attached', 'plan', 'order']).nullable(),
  /** Net result over the planned risk (|entry - stop| x quantity); null without a stop. */
  rMultiple: z.number().nullable(),
  /** Worst and best price excursion while held, from stored candles or ticks; null when none covered the trip. */
  maePrice: DecimalString.nullable(),
  mfePrice: DecimalString.nullable(),
  maePct: z.number().nullable(),
  mfePct: z.number().nullable(),
  maeR: z.number().nullable(),
  mfeR: z.number().nullable(),
  /** 'ticks' (paper engine), 'candles' (stored series), or null with `excursionNote` saying why. */
  excursionSource: z.enum(['ticks', 'candles']).nullable(),
  excursionNote: z.string().nullable(),
  scenario: z.string().nullable(),
  /** False when the export starts inside the trip (its entry is not in the file). */
  complete: z.boolean(),
  annotation: TripAnnotationSchema,
});
export type JournalTrip = z.infer<typeof JournalTripSchema>;
