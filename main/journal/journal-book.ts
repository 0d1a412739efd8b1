import type { JournalSummary } from '#shared/journal/journal-import';
import { EMPTY_ANNOTATION, type JournalTrip, type TripFill } from '#shared/journal/journal-trip';
import type { Db } from '../store/db-types';
import { JournalRepo } from '../store/journal-repo';
import type { ClosedRow, FillRow, TransactionRow } from './import/rows';
import { readPaperHistory, settingsAt, type PaperHistory } from './paper/paper-history';
import { matchClosedRows, type ClosedCheck } from './trips/closed-match';
import { closedRowTrip } from './trips/closed-trip';
import { attachExcursions } from './trips/excursions';
import { matchPositions, matchStops, matchTransactions } from './trips/match';
import { reconstructTrips, type ComputedPnl } from './trips/reconstruct';
import { rMultiple } from './trips/r-multiple';
import { summarize } from './summary';

/**
 * Everything the journal shows, rebuilt from the stored rows: imported fills and the paper
 * engine's history become round trips, funding and insurance are matched to them, and the
 * trader's annotations are attached. Rebuilt after each import or session change, not per query.
 */
export interface JournalBook {
  readonly trips: JournalTrip[];
  readonly fills: Map<string, TripFill[]>;
  /** `closed`: the Closed P&L rows that are trips of their own (no executions of theirs were imported). */
  readonly rows: { fills: FillRow[]; transactions: TransactionRow[]; closed: ClosedRow[] };
  /** Closed P&L rows matched to the execution trip they describe: reconciliation, not trips. */
  readonly closedChecks: ClosedCheck[];
  /** Realised PnL of finished trips whose fills carried none (computed from the average entry). */
  readonly computedPnl: ComputedPnl[];
  readonly unmatched: TransactionRow[];
  readonly accounts: string[];
}

export function buildJournalBook(db: Db): JournalBook {
  const repo = new JournalRepo(db);
  const fills = repo.fills();
  const transactions = repo.transactions();
  const orders = repo.orders();
  const closed = repo.closed();
  const liquidationOrders = new Set(orders.filter((o) => o.clientOrderId?.startsWith('autoclose-')).map((o) => `${o.account}|${o.venue}|${o.orderId}`));
  const imported = reconstructTrips(fills, liquidationOrders);
  const paper = readPaperHistory(db);
  const paperLiquidations = new Set(paper.fills.filter((f) => f.orderId?.startsWith('liq:')).map((f) => `${f.account}|${f.venue}|${f.orderId}`));
  const paperTrips = reconstructTrips(paper.fills, paperLiquidations);
  for (const t of paperTrips.trips) t.source = 'paper';
  enrichPaper(paperTrips.trips, paperTrips.orders, paper);
  const partial = [...imported.trips, ...paperTrips.trips];
  const { unmatched } = matchTransactions(partial, [...transactions, ...paper.funding]);
  // After funding is matched, so each execution trip's net is complete when a Closed P&L row checks it.
  const { checks, alone } = matchClosedRows(imported.trips, closed);
  const trips = [...partial, ...alone.map(closedRowTrip)];
  matchPositions(imported.trips, repo.positions());
  matchStops(imported.trips, orders);
  for (const t of paperTrips.trips) t.rMultiple = rMultiple(t);
  attachExcursions(db, trips);
  const notes = repo.annotations();
  for (const t of trips) t.annotation = notes.get(t.id) ?? EMPTY_ANNOTATION;
  trips.sort((a, b) => a.closedAt - b.closedAt || a.id.localeCompare(b.id));
  const allFills = new Map([...imported.fills, ...paperTrips.fills]);
  const accounts = [...new Set([...repo.accounts(), ...(paper.fills.length > 0 ? ['paper'] : [])])].sort();
  return { trips, fills: allFills, rows: { fills: [...fills, ...paper.fills], transactions: [...transactions, ...paper.funding], closed: alone }, closedChecks: checks, computedPnl: [...imported.computedPnl, ...paperTrips.computedPnl], unmatched, accounts };
}

function enrichPaper(trips: JournalTrip[], orders: Map<string, string[]>, paper: PaperHistory): void {
  for (const trip of trips) {
    const s = settingsAt(paper, trip.symbol, trip.openedAt);
    trip.leverage = s.leverage;
    trip.marginMode = s.mode;
    trip.scenario = paper.scenario;
    const entryOrder = orders.get(trip.id)?.[0];
    const attached = entryOrder ? paper.attachedStops.get(entryOrder) : undefined;
    const planned = entryOrder ? paper.planStops.get(entryOrder) : undefined;
    if (attached) {
      trip.plannedStop = attached as JournalTrip['plannedStop'];
      trip.stopSource = 'attached';
    } else if (planned) {
      trip.plannedStop = planned as JournalTrip['plannedStop'];
      trip.stopSource = 'plan';
    }
    const liq = orders.get(trip.id)?.find((o) => o.startsWith('liq:'));
    if (liq) trip.liquidationId = Number(liq.slice(4)) || null;
  }
}

/** The summary over some accounts (all when `account` is null). */
export function bookSummary(book: JournalBook, account: string | null): JournalSummary {
  const pick = <T extends { account: string }>(rows: readonly T[]) => (account === null ? [...rows] : rows.filter((r) => r.account === account));
  return summarize({
    accounts: account === null ? book.accounts : book.accounts.filter((a) => a === account),
    trips: pick(book.trips),
    fills: pick(book.rows.fills),
    transactions: pick(book.rows.transactions),
    closed: pick(book.rows.closed),
    computedPnl: pick(book.computedPnl),
    closedChecks: account === null ? book.closedChecks : book.closedChecks.filter((c) => c.row.account === account),
    unmatched: pick(book.unmatched),
  });
}
