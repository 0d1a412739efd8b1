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
  transactionRows: z.number().int().nonnegative(),
  unmatched: z.array(UnmatchedRowSchema),
});
export type AssetReconciliation = z.infer<typeof AssetReconciliationSchema>;

export const JournalSummarySchema = z.object({
  accounts: z.array(z.string()),
  trades: z.object({ total: z.number().int(), wins: z.number().int(), losses: z.number().int(), breakeven: z.number().int() }),
  byAsset: z.record(z.string(), AssetTotalsSchema),
  reconciliation: z.record(z.string(), AssetReconciliationSchema),
});
export type JournalSummary = z.infer<typeof JournalSummarySchema>;
