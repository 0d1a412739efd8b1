import { compactDigits } from '#shared/money/decimal';
import type { EngineContext } from '../context';
import type { Account } from '../model/account';
import { solvePrices, type MarketLookup } from './position-risk';
import { toFloat } from '#shared/money/to-float';
import { sortedAccountIds } from '../state/sorted-ids';

export function marketLookup(ctx: EngineContext): MarketLookup {
  return (symbol) => {
    const m = ctx.state.markets.get(symbol);
    if (!m) throw new Error(`no market ${symbol}`);
    return m;
  };
}

/**
 * Recomputes, through the risk core, the liquidation and bankruptcy prices of every position of
 * the accounts that changed since the last check, and re-files them in the liquidation index.
 * This is where decimal work happens: on account changes, never on a quiet tick.
 */
export function refreshDirty(ctx: EngineContext): void {
  if (ctx.dirty.size === 0) return;
  const markets = marketLookup(ctx);
  const ids = dirtyInOrder(ctx);
  ctx.dirty.clear();
  for (const id of ids) {
    const account = ctx.state.accounts.get(id);
    if (account && account.kind !== 'liquidity') refreshAccount(ctx, markets, account);
  }
}

/** refreshDirty in steps of `every` accounts (the same accounts in the same order), for Engine.applySteps. */
export function* refreshDirtySteps(ctx: EngineContext, every: number): Generator<void, void> {
  if (ctx.dirty.size === 0) return;
  const markets = marketLookup(ctx);
  const ids = dirtyInOrder(ctx);
  ctx.dirty.clear();
  let n = 0;
  for (const id of ids) {
    const account = ctx.state.accounts.get(id);
    if (account && account.kind !== 'liquidity') refreshAccount(ctx, markets, account);
    if (++n % every === 0) yield;
  }
}

/**
 * The changed accounts' ids in string order. When most accounts changed (a crowd's opening: 100,000
 * at once), the accounts' ids kept in order (sorted-ids.ts, which the next snapshot reads too) are
 * filtered instead of sorting the changed ones afresh (~80 ms).
 */
export function dirtyInOrder(ctx: Pick<EngineContext, 'dirty' | 'state'>): string[] {
  const dirty = ctx.dirty;
  if (dirty.size >= 1024 && dirty.size * 2 >= ctx.state.accounts.size) {
    const ids: string[] = [];
    for (const id of sortedAccountIds(ctx.state.accounts)) if (dirty.has(id)) ids.push(id);
    if (ids.length === dirty.size) return ids;
  }
  return [...dirty].sort();
}

/** Re-solves these accounts now (leaving the pending dirty set to the next refreshDirty). */
export function refreshNow(ctx: EngineContext, ids: readonly string[]): void {
  const markets = marketLookup(ctx);
  for (const id of [...ids].sort()) {
    const account = ctx.state.accounts.get(id);
    if (account && account.kind !== 'liquidity') refreshAccount(ctx, markets, account);
  }
}

const NO_SYMBOLS: ReadonlySet<string> = new Set();

function crossSymbolsOf(account: Account): Set<string> {
  const out = new Set<string>();
  for (const p of account.positions.values()) if (p.mode === 'cross') out.add(p.symbol);
  return out;
}

export function refreshAccount(ctx: EngineContext, markets: MarketLookup, account: Account): void {
  const liq = ctx.idx.liq;
  // One position (every crowd trader) spans one symbol at most: no set to build.
  const crossSymbols: ReadonlySet<string> = account.positions.size < 2 ? NO_SYMBOLS : crossSymbolsOf(account);
  liq.setMultiCross(account.id, crossSymbols);
  const multi = crossSymbols.size >= 2;
  for (const symbol of ctx.state.markets.keys()) {
    const p = account.positions.get(symbol);
    if (!p) {
      liq.remove(account.id, symbol);
      continue;
    }
    const solved = solvePrices(markets, account, p);
    const indexed = !(multi && p.mode === 'cross');
    const forced = p.mode === 'isolated' && p.margin.lte(0);
    liq.set(
      {
        account: account.id,
        symbol,
        side: p.side,
        liquidation: solved.liquidation && compactDigits(solved.liquidation),
        bankruptcy: solved.bankruptcy && compactDigits(solved.bankruptcy),
        qtyF: toFloat(p.qty),
        entryF: toFloat(solved.entry ?? p.entryValue.div(p.qty)),
        bankruptcyF: solved.bankruptcy ? toFloat(solved.bankruptcy) : null,
        liquidationF: solved.liquidation ? toFloat(solved.liquidation) : null,
        epoch: liq.epochOf(symbol),
      },
      indexed,
      forced,
    );
  }
}
