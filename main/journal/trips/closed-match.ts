import type { JournalTrip } from '#shared/journal/journal-trip';
import type { ClosedRow } from '../import/rows';

/** A venue's closed-position row next to the trip rebuilt from the same account's executions. */
export interface ClosedCheck {
  readonly row: ClosedRow;
  readonly trip: JournalTrip;
}

/** Bybit stamps a Closed P&L row with its closing order's time: allow the last fill a second either way. */
const SLACK_MS = 1000;

/**
 * Where an account's Closed P&L rows and its executions were both imported, each row is matched
 * to the execution trip of the same account, symbol and side that was open at the row's time: it
 * then checks that trip (Bybit's Closed P&L is the position P&L less the opening and closing fees
 * and the funding paid, i.e. the trip's net) instead of counting the same trade twice. Rows with
 * no such trip (outside the executions, or an account without them) stay trips of their own.
 */
export function matchClosedRows(trips: readonly JournalTrip[], closed: readonly ClosedRow[]): { checks: ClosedCheck[]; alone: ClosedRow[] } {
  const byKey = new Map<string, JournalTrip[]>();
  for (const t of trips) {
    const k = `${t.account}|${t.venue}|${t.symbol}|${t.side}`;
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push(t);
  }
  const checks: ClosedCheck[] = [];
  const alone: ClosedRow[] = [];
  for (const row of closed) {
    const list = byKey.get(`${row.account}|${row.venue}|${row.symbol}|${row.side}`);
    const trip = list?.find((t) => row.closedAt >= t.openedAt - SLACK_MS && row.closedAt <= t.closedAt + SLACK_MS);
    if (trip) checks.push({ row, trip });
    else alone.push(row);
  }
  return { checks, alone };
}
