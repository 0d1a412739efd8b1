import type { JournalFileResult } from '#shared/journal/journal-import';
import type { ImportProblem } from '#shared/domain/market-import';
import type { JournalCore } from '../journal-core';

/** The JournalCore methods the worker serves, called by name with their arguments. */
export type JournalOp = 'import' | 'trips' | 'trip' | 'stats' | 'summary' | 'options' | 'annotate';

export interface JournalRequest<K extends JournalOp = JournalOp> {
  readonly id: number;
  readonly op: K;
  readonly args: Parameters<JournalCore[K]>;
}

export type JournalReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  /** `refused`: an import refused a file (its problem and every file's result travel back). */
  | { readonly id: number; readonly ok: false; readonly message: string; readonly refused?: { readonly problem: ImportProblem; readonly files: JournalFileResult[] } };

/** What the worker is started with (workerData). */
export interface JournalWorkerData {
  readonly dbPath: string;
}
