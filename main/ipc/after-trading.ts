import type { Channel } from '#shared/ipc/contract';
import type { Handler } from './types';

/**
 * While the trading engine is mid-event or stale (a big crowd opening, a 100,000-position funding
 * settlement or a cascade applied in slices, a rewind rebuilt off main: trading-service.ts), the
 * calls that read it wait for it instead of reading a half-made state (queries then see an empty
 * stand-in engine) or being refused. Main's event loop stays live meanwhile; other channels
 * answer at once.
 */
export function afterTrading<C extends Channel>(handler: Handler<C>): Handler<C> {
  return (input, s) => (s.trading.busy ? s.trading.settled().then(() => handler(input, s)) : handler(input, s));
}

/** The same wrapper around every handler of a slice of the table. */
export function allAfterTrading<T extends Record<string, unknown>>(handlers: T): T {
  return Object.fromEntries(Object.entries(handlers).map(([channel, handler]) => [channel, afterTrading(handler as Handler<Channel>)])) as T;
}
