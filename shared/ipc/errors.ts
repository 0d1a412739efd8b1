import { z } from 'zod';

/**
 * The closed set of error codes a channel can answer with. A renderer switch over ErrorCode
 * is exhaustive; adding a code is a deliberate contract change.
 */
export const ERROR_CODES = [
  'BAD_INPUT', // the input failed its schema; details.issues lists every failing field
  'UNKNOWN_CHANNEL', // no such channel in the contract
  'FORBIDDEN', // wrong token, wrong origin, wrong sender frame
  'NOT_FOUND', // the thing named does not exist
  'CONFLICT', // the request contradicts current state (e.g. an import already running)
  'ENGINE_REJECTED', // the trading engine refused (insufficient margin, leverage above bracket, ...)
  'STORE_FAILED', // SQLite refused or the workspace file is unusable; nothing was written
  'INTERNAL', // a bug; the message says what failed
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorCodeSchema = z.enum(ERROR_CODES);

export interface FieldIssue {
  /** Dotted path of the failing field, e.g. "positions.0.quantity"; "" for the whole input. */
  readonly path: string;
  readonly message: string;
}

export interface IpcError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: {
    readonly issues?: readonly FieldIssue[];
    readonly [key: string]: unknown;
  };
}

export const IpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
