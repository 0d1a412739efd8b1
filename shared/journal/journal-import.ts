import { z } from 'zod';
import { DecimalString } from '../money/decimal';

/** The account-export layouts the journal reads (docs/journal.md says what each was verified against). */
export const JOURNAL_FORMATS = [
  'binance-trades',
  'binance-transactions',
  'binance-orders',
  'binance-positions',
  'bybit-closed-pnl',
  'bybit-executions',
  'generic-trades',
] as const;
export const JournalFormatSchema = z.enum(JOURNAL_FORMATS);
export type JournalFormat = z.infer<typeof JournalFormatSchema>;

/** One file of an import (or a preview of one): what it holds and what it would add. */
export const JournalFileResultSchema = z.object({
  file: z.string(),
  format: JournalFormatSchema.nullable(),
  rowsRead: z.number().int().nonnegative(),
  rowsAdded: z.number().int().nonnegative(),
  /** The file's refusal (FILE:LINE:COLUMN: ...) or nothing. */
  errors: z.array(z.string()),
  /** What was assumed to read it (fee sign convention, venue, ...). */
  notes: z.array(z.string()),
  accounts: z.array(z.string()),
  assets: z.array(z.string()),
  symbols: z.array(z.string()),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
});
export type JournalFileResult = z.infer<typeof JournalFileResultSchema>;

export const JournalImportResultSchema = z.object({
  files: z.array(JournalFileResultSchema),
  rowsAdded: z.number().int().nonnegative(),
  /** True for a preview: nothing was written. */
  preview: z.boolean(),
  /** Round trips the stored history holds after this import (or would hold, for a preview). */
  trips: z.number().int().nonnegative(),
});
export type JournalImportResult = z.infer<typeof JournalImportResultSchema>;

export const AssetTotalsSchema = z.object({
  realizedPnl: DecimalString,
  /** Positive when paid. */
  fees: DecimalString,
  /** Signed, positive when received. */
  funding: DecimalString,
  /** Signed as the export books it. */
  insuranceClear: DecimalString,
  transfers: DecimalString,
  /** realizedPnl - fees + funding + insuranceClear: the trading result, transfers apart. */
  net: DecimalString,
});
export type AssetTotals = z.infer<typeof AssetTotalsSchema>;

export const UnmatchedRowSchema = z.object({ t: z.number().int(), type: z.string(), symbol: z.string().nullable(), amount: DecimalString, account: z.string() });
export type UnmatchedRow = z.infer<typeof UnmatchedRowSchema>;

export const AssetReconciliationSchema = z.object({
  /** Trades' realised PnL minus the transaction history's REALIZED_PNL (+ delivery settlements). */
  realizedPnlDifference: DecimalString,
  /** Trades' fees minus the COMMISSION rows (both as paid). */
  feesDifference: DecimalString,
  /** FUNDING_FEE rows not matched to a round trip by symbol and time. */
  fundingDifference: DecimalString,
  /**
   * Bybit, where both Closed P&L and executions were imported: the matched execution trips' net
   * (realised - fees + funding) minus their Closed P&L rows; null when no row could be checked.
   */
  closedPnlDifference: DecimalString.nullable(),
  /** Closed P&L rows checked against executions (they are not counted as trips of their own). */
  closedPnlRows: z.number().int().nonnegative(),
  transactionRows: z.number().int().nonnegative(),
  unmatched: z.array(UnmatchedRowSchema),
  /** Accounts whose figures in this asset nothing imported can check, and why. */
  unreconcilable: z.array(z.object({ account: z.string(), reason: z.string() })),
});
export type AssetReconciliation = z.infer<typeof AssetReconciliationSchema>;

/**
 * Only when the user asks (`--convert-to`, the view's toggle): each trip's net converted into
 * `quote` at the stored candle close at its close time. `net` per asset is the unconverted sum
 * of the trips that had a price; trips without one are counted in `missingTrips`, never guessed.
 */
export const ConvertedSummarySchema = z.object({
  quote: z.string(),
  label: z.string(),
  byAsset: z.record(
    z.string(),
    z.object({ trips: z.number().int(), convertedTrips: z.number().int(), missingTrips: z.number().int(), net: DecimalString, converted: DecimalString, source: z.string() }),
  ),
  net: DecimalString,
  missingTrips: z.number().int(),
});
export type ConvertedSummary = z.infer<typeof ConvertedSummarySchema>;

export const JournalSummarySchema = z.object({
  accounts: z.array(z.string()),
  trades: z.object({ total: z.number().int(), wins: z.number().int(), losses: z.number().int(), breakeven: z.number().int() }),
  byAsset: z.record(z.string(), AssetTotalsSchema),
  reconciliation: z.record(z.string(), AssetReconciliationSchema),
  converted: ConvertedSummarySchema.optional(),
});
export type JournalSummary = z.infer<typeof JournalSummarySchema>;
