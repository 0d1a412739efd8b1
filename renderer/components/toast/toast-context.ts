import { createContext, useContext } from 'react';

export type ToastKind = 'info' | 'fill' | 'stop' | 'liquidation' | 'adl' | 'funding' | 'error';

export interface ToastInput {
  readonly kind: ToastKind;
  readonly title: string;
  readonly body?: string;
  /** An action such as "Explain" that opens the details behind the toast. */
  readonly action?: { readonly label: string; readonly run: () => void };
  /** Milliseconds on screen; liquidations and errors stay until dismissed. */
  readonly ttlMs?: number | null;
}

export interface Toast extends ToastInput {
  readonly id: number;
}

export interface ToastApi {
  push(toast: ToastInput): void;
  dismiss(id: number): void;
  /** Removes every toast (another scenario loaded: the old session's news is no longer news). */
  clear(): void;
}

export const ToastContext = createContext<ToastApi | null>(null);

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts outside <ToastProvider>');
  return api;
}
