import type { IpcError } from './errors';

/** The envelope every channel answers with. Nothing throws across the process boundary. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: IpcError): Result<never> {
  return { ok: false, error };
}
