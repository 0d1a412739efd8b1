import { contract, isChannel } from '#shared/ipc/contract';
import type { IpcError } from '#shared/ipc/errors';
import { describeIssues, toFieldIssues } from '#shared/ipc/issues';
import { fail, ok, type Result } from '#shared/ipc/result';
import type { Services } from '../app/services';
import { StoreError, readOnlyMessage } from '../store/errors';
import { AppError } from './app-error';
import type { HandlerTable } from './types';

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Parse every output against its schema (dev and test): catches a number where a decimal belongs. */
  readonly validateOutputs: boolean;
}

/**
 * The single entry for every shell: channel check, input validation, handler, envelope.
 * A refused call never reaches a handler, so it cannot touch state.
 */
export function createDispatch(table: HandlerTable, services: Services, options: DispatchOptions): Dispatch {
  return async (channel, rawInput) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return fail({
        code: 'UNKNOWN_CHANNEL',
        message: `Unknown channel "${String(channel)}"`,
        details: { channel: String(channel) },
      });
    }
    const spec = contract[channel];
    let parsed: ReturnType<typeof spec.input.safeParse>;
    try {
      parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    } catch (err) {
      // A schema whose refinement throws is a bug in the contract, not in the caller's input.
      return fail(toIpcError(channel, err, services.workspace.path));
    }
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return fail({
        code: 'BAD_INPUT',
        message: `${channel}: ${describeIssues(issues)}`,
        details: { channel, issues },
      });
    }
    try {
      const handler = table[channel] as (input: unknown, s: Services) => unknown;
      const value = await handler(parsed.data, services);
      if (!options.validateOutputs) return ok(value);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        return fail({
          code: 'INTERNAL',
          message: `${channel} produced an output that breaks its contract: ${describeIssues(toFieldIssues(checked.error))}`,
          details: { channel },
        });
      }
      return ok(checked.data);
    } catch (err) {
      return fail(toIpcError(channel, err, services.workspace.path));
    }
  };
}

export function toIpcError(channel: string, err: unknown, workspacePath?: string): IpcError {
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  }
  if (err instanceof StoreError) {
    return { code: 'STORE_FAILED', message: err.message, details: { channel, kind: err.kind } };
  }
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === 'SqliteError' && typeof e.code === 'string' && e.code.startsWith('SQLITE_READONLY')) {
    const file = workspacePath ?? 'file';
    return { code: 'STORE_FAILED', message: `${channel}: ${readOnlyMessage(file, `SQLite: ${e.message}`)}`, details: { channel, sqlite: e.code } };
  }
  if (e?.name === 'SqliteError') {
    return { code: 'STORE_FAILED', message: `${channel}: the workspace refused the write (${e.message}); nothing was saved`, details: { channel, sqlite: e.code } };
  }
  console.error(`handler for ${channel} failed:`, err);
  return { code: 'INTERNAL', message: `${channel} failed: ${e?.message ?? String(err)}`, details: { channel } };
}
