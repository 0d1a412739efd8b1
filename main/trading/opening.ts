import { AppError } from '../ipc/app-error';
import type { Db } from '../store/db-types';
import { TradingLogRepo } from '../store/trading-log-repo';

/**
 * From what size a reopen goes off main: a snapshot of about 1 MB (some 2,000 traders) takes
 * tens of milliseconds to parse and restore, a tail of 20,000 events about as long to replay.
 * Smaller workspaces open synchronously, at once, as before.
 */
const BIG_SNAPSHOT_BYTES = 1_000_000;
const BIG_TAIL_EVENTS = 20_000;

export function restoreIsBig(db: Db): boolean {
  const size = new TradingLogRepo(db).sizeOfRestore();
  return size.snapshotBytes >= BIG_SNAPSHOT_BYTES || size.lastSeq - size.snapshotSeq >= BIG_TAIL_EVENTS;
}

/** What a command (or loading the same scenario) answers while the session is still opening, or failed to. */
export function openingConflict(state: 'yes' | Error): AppError {
  return state === 'yes'
    ? new AppError('CONFLICT', 'the paper-trading session is still opening (a big crowd is being restored); try again in a moment')
    : new AppError('CONFLICT', `the paper-trading session could not be reopened: ${state.message}`);
}

/** What loading the session's own scenario again (or a command outside IPC) answers while the engine is mid-event (work-queue.ts). */
export function busyConflict(): AppError {
  return new AppError('CONFLICT', 'the paper-trading engine is busy with a long event (a big crowd opening, settling funding, liquidating or being snapshotted); try again in a moment');
}
