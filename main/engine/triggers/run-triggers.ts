import type { EngineContext } from '../context';
import type { TriggerHeap } from '../index/trigger-heap';
import { liquidateAccount } from '../liquidation/liquidate';
import type { MarketState } from '../model/market';
import { fillResting, fireConditional } from '../orders/execute';
import { updateTrailing } from '../orders/trailing';
import { isLiquidatable } from '../risk/position-risk';
import { marketLookup, refreshDirty, refreshNow } from '../risk/refresh';
import { NEVER, drain } from '../steps';

type Kind = 'liquidation' | 'conditional' | 'limit';

interface Candidate {
  readonly kind: Kind;
  readonly heap: TriggerHeap;
  readonly id: string;
  readonly key: number;
  readonly source: 'mark' | 'last';
}

/**
 * Everything a price change can set off on one market, in the order the price met it: while
 * the market moves down, the highest trigger first (a stop above a liquidation price fills before
 * the liquidation, as it would on the way down); moving up, the lowest first. Each step may move
 * the book (a liquidation's sell pushes the last price, and through the mark's median rule maybe
 * the mark), so the heads are asked again after every step: this is the cascade.
 *
 * A quiet tick costs a peek at eight heap tops. Decimal work happens only for nominated
 * candidates, which are confirmed with the exact rule before anything is done; a nomination the
 * exact rule refuses (float slack) is set aside for this run and re-filed at the end.
 */
export function runTriggers(ctx: EngineContext, symbol: string): void {
  if (!quietRun(ctx, symbol)) drain(runTriggerSteps(ctx, symbol, NEVER));
}

/**
 * Whether the trigger run would find nothing to do (the common case: a quiet tick): its first
 * step, made without a generator, which cost ~0.5 µs a tick (a third of a quiet tick). Moves the
 * trailing stops as that step does; the run repeating it after a false answer changes nothing.
 */
export function quietRun(ctx: EngineContext, symbol: string): boolean {
  const m = ctx.state.markets.get(symbol);
  if (!m?.hasPrices()) return true;
  if (ctx.dirty.size > 0) return false;
  updateTrailing(ctx, m);
  return ctx.idx.liq.forcedIn(symbol).size === 0 && !nextCandidate(ctx, m) && ctx.idx.liq.multiCrossIn(symbol).length === 0;
}

/**
 * runTriggers pausing after every `every` steps of the cascade (a liquidation, a fired order), so
 * a tick that liquidates thousands of a 100,000-trader crowd can run in slices (Engine.applySteps).
 */
export function* runTriggerSteps(ctx: EngineContext, symbol: string, every: number): Generator<void, void> {
  const m = ctx.state.markets.get(symbol);
  if (!m?.hasPrices()) return;
  const aside = new Set<string>();
  const markets = marketLookup(ctx);
  const guard = 10 * (ctx.idx.positionsIn(symbol).size + ctx.idx.orders.byId.size) + 1000;
  for (let i = 0; ; i++) {
    if (i > guard) throw new Error(`trigger cascade on ${symbol} did not settle after ${guard} steps`);
    if (i > 0 && i % every === 0) yield;
    refreshDirty(ctx);
    updateTrailing(ctx, m);
    const forcedSet = ctx.idx.liq.forcedIn(symbol);
    const forced = forcedSet.size > 0 ? [...forcedSet].sort()[0] : undefined;
    if (forced) {
      const account = ctx.state.accounts.get(forced.split('|')[0]!)!;
      liquidateAccount(ctx, account, symbol);
      ctx.idx.liq.forcedIn(symbol).delete(forced);
      continue;
    }
    const c = nextCandidate(ctx, m);
    if (c) {
      const done = process(ctx, m, c);
      if (done === 'refused') {
        c.heap.remove(c.id);
        aside.add(`${c.kind}:${c.id}`);
      }
      continue;
    }
    const multi = ctx.idx.liq.multiCrossIn(symbol).find((id) => {
      const a = ctx.state.accounts.get(id)!;
      return [...a.positions.values()].some((p) => p.mode === 'cross' && isLiquidatable(markets, a, p));
    });
    if (multi) {
      const a = ctx.state.accounts.get(multi)!;
      const p = [...a.positions.values()].find((q) => q.mode === 'cross' && isLiquidatable(markets, a, q))!;
      liquidateAccount(ctx, a, p.symbol);
      continue;
    }
    break;
  }
  refile(ctx, m, aside);
}

/**
 * Acts on a nominated candidate if the exact rule confirms it ('done'); 'refused' when it does
 * not; 'refreshed' when its entry was stale (funding) and has just been re-solved and re-filed.
 */
function process(ctx: EngineContext, m: MarketState, c: Candidate): 'done' | 'refused' | 'refreshed' {
  switch (c.kind) {
    case 'liquidation': {
      const [accountId] = c.id.split('|');
      const account = ctx.state.accounts.get(accountId!)!;
      const entry = ctx.idx.liq.get(account.id, m.symbol);
      if (entry && ctx.idx.liq.isStale(entry)) {
        refreshNow(ctx, [account.id]);
        return 'refreshed';
      }
      const pos = account.positions.get(m.symbol);
      if (!pos || !isLiquidatable(marketLookup(ctx), account, pos)) return 'refused';
      liquidateAccount(ctx, account, m.symbol);
      return 'done';
    }
    case 'conditional': {
      const order = ctx.idx.orders.byId.get(Number(c.id));
      if (!order || order.status !== 'pending' || !order.trigger) return 'refused';
      const watched = c.source === 'mark' ? m.mark : m.last;
      const down = c.heap.order === 'desc';
      if (down ? !watched.lte(order.trigger) : !watched.gte(order.trigger)) return 'refused';
      fireConditional(ctx, order, watched);
      return 'done';
    }
    case 'limit': {
      const order = ctx.idx.orders.byId.get(Number(c.id));
      if (!order?.price) return 'refused';
      // A resting order fills when the market trades through its price, not when it touches it.
      const through = order.side === 'buy' ? m.last.lt(order.price) : m.last.gt(order.price);
      if (!through) return 'refused';
      fillResting(ctx, order);
      return 'done';
    }
    default: {
      const never: never = c.kind;
      throw new Error(`unknown trigger kind ${String(never)}`);
    }
  }
}

type HeapList = ReadonlyArray<readonly [Kind, TriggerHeap, 'mark' | 'last']>;

/** The heaps a market's trigger run consults, listed once per market and set of indexes. */
function listsOf(ctx: EngineContext, m: MarketState): { readonly down: HeapList; readonly up: HeapList } {
  const heapLists = ctx.idx.triggerLists as Map<string, { readonly down: HeapList; readonly up: HeapList }>;
  let lists = heapLists.get(m.symbol);
  if (!lists) {
    const oh = ctx.idx.orders.heaps(m.symbol);
    lists = {
      down: [
        ['conditional', oh.conditional.mark.down, 'mark'],
        ['conditional', oh.conditional.last.down, 'last'],
        ['limit', oh.buys, 'last'],
        ['liquidation', ctx.idx.liq.heap(m.symbol, 'long'), 'mark'],
      ],
      up: [
        ['conditional', oh.conditional.mark.up, 'mark'],
        ['conditional', oh.conditional.last.up, 'last'],
        ['limit', oh.sells, 'last'],
        ['liquidation', ctx.idx.liq.heap(m.symbol, 'short'), 'mark'],
      ],
    };
    heapLists.set(m.symbol, lists);
  }
  return lists;
}

function nextCandidate(ctx: EngineContext, m: MarketState): Candidate | null {
  const { down, up } = listsOf(ctx, m);
  return pick(m, down, true) ?? pick(m, up, false);
}

/** The crossed head met first along the move; on equal keys, orders before liquidations (listed first). */
function pick(m: MarketState, heaps: HeapList, falling: boolean): Candidate | null {
  let best: Candidate | null = null;
  // Indexed, not destructured: this runs twice a tick, and destructuring allocated on each.
  for (let i = 0; i < heaps.length; i++) {
    const h = heaps[i]!;
    const heap = h[1];
    if (!heap.topMayCross(h[2] === 'mark' ? m.markF : m.lastF)) continue;
    const top = heap.peek()!;
    if (!best || (falling ? top.key > best.key : top.key < best.key)) best = { kind: h[0], heap, id: top.id, key: top.key, source: h[2] };
  }
  return best;
}

/** Puts set-aside candidates back where their current state says they belong. */
function refile(ctx: EngineContext, m: MarketState, aside: Set<string>): void {
  for (const tag of [...aside].sort()) {
    const [kind, id] = [tag.slice(0, tag.indexOf(':')), tag.slice(tag.indexOf(':') + 1)];
    if (kind === 'liquidation') {
      const e = ctx.idx.liq.byKey(id);
      if (e) ctx.idx.liq.set(e, !ctx.idx.liq.isMultiCross(e.account), ctx.idx.liq.forcedIn(m.symbol).has(id));
    } else {
      const o = ctx.idx.orders.byId.get(Number(id));
      if (o) ctx.idx.orders.place(o);
    }
  }
}
