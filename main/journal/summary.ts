import { Dec, toWire, ZERO } from '#shared/money/decimal';
import type { AssetReconciliation, AssetTotals, JournalSummary } from '#shared/journal/journal-import';
import type { JournalTrip } from '#shared/journal/journal-trip';
import type { ClosedRow, FillRow, TransactionRow } from './import/rows';
import type { ClosedCheck } from './trips/closed-match';
import type { ComputedPnl } from './trips/reconstruct';
import { unreconcilable } from './unreconcilable';

/** Everything a summary is computed from; all rows already narrowed to the chosen accounts. */
export interface SummaryInput {
  readonly accounts: readonly string[];
  readonly trips: readonly JournalTrip[];
  /** Imported fills and the paper engine's fills (as FillRow, account "paper"). */
  readonly fills: readonly FillRow[];
  readonly transactions: readonly TransactionRow[];
  /** Closed P&L rows that are trips of their own (no executions describe them). */
  readonly closed: readonly ClosedRow[];
  /** Realised PnL the trips computed for fills exported without one (Bybit executions, generic fills). */
  readonly computedPnl: readonly ComputedPnl[];
  /** Closed P&L rows matched to the execution trip they describe. */
  readonly closedChecks: readonly ClosedCheck[];
  /** Funding/insurance rows no trip took (from matchTransactions). */
  readonly unmatched: readonly TransactionRow[];
}

const REALIZED_TYPES = new Set(['REALIZED_PNL', 'DELIVERED_SETTELMENT', 'DELIVERED_SETTLEMENT']);
const TRANSFER_TYPES = new Set(['TRANSFER', 'DEPOSIT', 'WITHDRAW']);

class Sums {
  private readonly m = new Map<string, Dec>();
  add(asset: string, v: Dec | string): void {
    this.m.set(asset, (this.m.get(asset) ?? ZERO).plus(v));
  }
  get(asset: string): Dec {
    return this.m.get(asset) ?? ZERO;
  }
  keys(): string[] {
    return [...this.m.keys()];
  }
}

/**
 * Per-asset totals and the reconciliation of what the trades imply against the wallet's
 * transaction history. Assets are never added together: USDT, USDC, BTC and BNB each get their own
 * line. realizedPnl and fees come from the fills (fees by the asset they were paid in); funding,
 * insurance clearances and transfers from the transaction history (and the engine's funding).
 */
export function summarize(input: SummaryInput): JournalSummary {
  const realized = new Sums();
  const fees = new Sums();
  const funding = new Sums();
  const insurance = new Sums();
  const transfers = new Sums();
  const txRealized = new Sums();
  const commission = new Sums();
  const importRealized = new Sums();
  const importFees = new Sums();
  const txCount = new Map<string, number>();
  const assets = new Set<string>();
  const importAssets = new Set<string>();
  for (const f of input.fills) {
    if (f.realizedPnl !== null) realized.add(f.settleAsset, f.realizedPnl);
    fees.add(f.feeAsset, f.fee);
    assets.add(f.settleAsset).add(f.feeAsset);
    if (f.venue === 'paper') continue;
    if (f.realizedPnl !== null) importRealized.add(f.settleAsset, f.realizedPnl);
    importFees.add(f.feeAsset, f.fee);
    importAssets.add(f.settleAsset).add(f.feeAsset);
  }
  for (const c of input.computedPnl) {
    realized.add(c.asset, c.amount);
    if (c.venue === 'paper') continue;
    importRealized.add(c.asset, c.amount);
  }
  for (const c of input.closed) {
    realized.add(c.asset, c.closedPnl);
    assets.add(c.asset);
    importAssets.add(c.asset);
  }
  for (const x of input.transactions) {
    assets.add(x.asset);
    if (x.venue === 'paper') {
      // The engine's own funding payments: totals only, nothing to reconcile against.
      if (x.type === 'FUNDING_FEE') funding.add(x.asset, x.amount);
      continue;
    }
    importAssets.add(x.asset);
    txCount.set(x.asset, (txCount.get(x.asset) ?? 0) + 1);
    if (x.type === 'FUNDING_FEE') funding.add(x.asset, x.amount);
    else if (x.type === 'INSURANCE_CLEAR') insurance.add(x.asset, x.amount);
    else if (TRANSFER_TYPES.has(x.type)) transfers.add(x.asset, x.amount);
    else if (REALIZED_TYPES.has(x.type)) txRealized.add(x.asset, x.amount);
    else if (x.type === 'COMMISSION') commission.add(x.asset, x.amount);
  }
  const byAsset: Record<string, AssetTotals> = {};
  for (const a of [...assets].sort()) {
    const r = realized.get(a);
    const fe = fees.get(a);
    const fu = funding.get(a);
    const ic = insurance.get(a);
    byAsset[a] = {
      realizedPnl: toWire(r),
      fees: toWire(fe),
      funding: toWire(fu),
      insuranceClear: toWire(ic),
      transfers: toWire(transfers.get(a)),
      net: toWire(r.minus(fe).plus(fu).plus(ic)),
    };
  }
  // Bybit: what the executions imply (each matched trip's net, counted once) against its Closed P&L rows.
  const closedRows = new Sums();
  const closedTrips = new Sums();
  const checked = new Set<JournalTrip>();
  for (const c of input.closedChecks) {
    closedRows.add(c.row.asset, c.row.closedPnl);
    importAssets.add(c.row.asset);
    if (checked.has(c.trip)) continue;
    checked.add(c.trip);
    closedTrips.add(c.trip.asset, c.trip.net);
  }
  const unmatchedFunding = new Sums();
  const unmatched = input.unmatched.filter((u) => u.venue !== 'paper');
  for (const u of unmatched) if (u.type === 'FUNDING_FEE') unmatchedFunding.add(u.asset, u.amount);
  const reconciliation: Record<string, AssetReconciliation> = {};
  for (const a of [...importAssets].sort()) {
    reconciliation[a] = {
      realizedPnlDifference: toWire(importRealized.get(a).minus(txRealized.get(a))),
      // COMMISSION rows are negative when paid; the trades' fees are positive when paid.
      feesDifference: toWire(importFees.get(a).plus(commission.get(a))),
      fundingDifference: toWire(unmatchedFunding.get(a)),
      closedPnlDifference: input.closedChecks.some((c) => c.row.asset === a) ? toWire(closedTrips.get(a).minus(closedRows.get(a))) : null,
      closedPnlRows: input.closedChecks.filter((c) => c.row.asset === a).length,
      transactionRows: txCount.get(a) ?? 0,
      unreconcilable: unreconcilable(a, input),
      unmatched: unmatched.filter((u) => u.asset === a).map((u) => ({ t: u.t, type: u.type, symbol: u.symbol, amount: toWire(u.amount), account: u.account })),
    };
  }
  let wins = 0;
  let losses = 0;
  let breakeven = 0;
  for (const t of input.trips) {
    const n = new Dec(t.net);
    if (n.gt(0)) wins += 1;
    else if (n.lt(0)) losses += 1;
    else breakeven += 1;
  }
  return { accounts: [...input.accounts], trades: { total: input.trips.length, wins, losses, breakeven }, byAsset, reconciliation };
}
