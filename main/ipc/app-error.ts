import type { ErrorCode, FieldIssue } from '#shared/ipc/errors';

/** Thrown by a handler or service to answer with a specific code; dispatch turns it into an envelope. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[]; [key: string]: unknown },
  ) {
    super(message);
  }
}
