import type { MarketTick } from '#shared/domain/market-tick';
import type { EngineCommand, EngineEvent } from '#shared/domain/trading-commands';
import { EngineSetupSchema } from '#shared/domain/trading-commands';
import type { OrderRequest } from '#shared/domain/trading-orders';
import { Engine } from '#main/engine/engine';
import type { ApplyResult, Effect } from '#main/engine/effects';

export const T0 = Date.UTC(2025, 9, 10, 20, 0, 0);
export const SYMBOL = 'BTCUSDT';

export interface TickOptions {
  readonly mark?: string;
  readonly index?: string;
  readonly markComponents?: { readonly price1: string; readonly price2: string };
  readonly liquidity?: MarketTick['liquidity'];
}

type Wire = MarketTick['last'];

export function tick(t: number, last: string, opts: TickOptions = {}): MarketTick {
  return {
    t,
    symbol: SYMBOL,
    last: last as Wire,
    index: (opts.index ?? last) as Wire,
    mark: (opts.mark ?? last) as Wire,
    liquidity: opts.liquidity ?? { depthScale: 1, spreadBps: 1 },
    ...(opts.markComponents ? { markComponents: { price1: opts.markComponents.price1 as Wire, price2: opts.markComponents.price2 as Wire } } : {}),
  };
}

export function setupEvent(opts: { deposit?: string; insurance?: string; depthScale?: number; accounts?: string[]; leverage?: number; mode?: 'isolated' | 'cross' } = {}): EngineEvent {
  const ids = opts.accounts ?? ['me'];
  return {
    kind: 'setup',
    t: T0,
    setup: EngineSetupSchema.parse({
      markets: [{ symbol: SYMBOL, profile: 'binance-usdm', depthScale: opts.depthScale ?? 1 }],
      insuranceFund: opts.insurance ?? '1000000',
      accounts: ids.map((id) => ({ id, deposit: opts.deposit ?? '10000', settings: [{ symbol: SYMBOL, leverage: opts.leverage ?? 10, mode: opts.mode ?? 'isolated' }] })),
    }),
  };
}

/** An engine set up with one market and started at `price`. */
export function startedEngine(price = '100000', opts: Parameters<typeof setupEvent>[0] = {}): Engine {
  const e = new Engine();
  mustApply(e, setupEvent(opts));
  mustApply(e, { kind: 'tick', tick: tick(T0, price) });
  return e;
}

export function mustApply(e: Engine, ev: EngineEvent): readonly Effect[] {
  const r = e.apply(ev);
  if (!r.ok) throw new Error(`rejected: ${r.rejection.code}: ${r.rejection.message}`);
  return r.effects;
}

export function command(e: Engine, command: EngineCommand, account = 'me', t?: number): ApplyResult {
  return e.apply({ kind: 'command', t: t ?? e.readState.t, account, command });
}

export function order(e: Engine, o: Partial<OrderRequest> & Pick<OrderRequest, 'side' | 'type'>, account = 'me'): ApplyResult {
  return command(e, { type: 'placeOrder', order: { symbol: SYMBOL, ...o } as OrderRequest }, account);
}

export function effectsOf<K extends Effect['kind']>(effects: readonly Effect[], kind: K): Array<Extract<Effect, { kind: K }>> {
  return effects.filter((x): x is Extract<Effect, { kind: K }> => x.kind === kind);
}

/** Runs a step generator (Engine.applySteps, snapshotTextSteps) to its end, counting its pauses. */
export function runSteps<T>(steps: Generator<void, T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, pauses };
    pauses += 1;
  }
}
