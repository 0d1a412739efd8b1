import type { AdlRank } from '#shared/domain/trading-account';
import { adlQuintile } from '#shared/risk/index';
import { adlScoreApprox } from '#shared/risk/adl-ranking';
import type { Position } from '../model/account';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import type { EngineView } from './account-view';

/** A position's ADL score (binary64 ranking; null: no bankruptcy price). */
export function adlScoreOf(v: EngineView, account: AccountId, p: Position): number | null {
  const m = v.state.markets.get(p.symbol)!;
  // Trader and crowd positions have a risk entry with float copies; the liquidity account has none.
  const e = v.idx.liq.get(account, p.symbol);
  return e ? adlScoreApprox(p.side, e.qtyF, e.entryF, m.markF, e.bankruptcyF) : null;
}

/**
 * The quintile lights of one position: its rank among every trader position on its side of the
 * market (the liquidity account excluded), highest ADL score first, ties by account id, turned
 * into 1-5 lights by the risk core. A count, not a sort: O(positions) in binary64.
 */
export function adlRankOf(v: EngineView, account: AccountId, p: Position): AdlRank | null {
  const m = v.state.markets.get(p.symbol);
  if (!m?.hasPrices()) return null;
  const mine = adlScoreOf(v, account, p);
  const key = mine ?? Number.NEGATIVE_INFINITY;
  let ahead = 0;
  let count = 0;
  const markF = m.markF;
  for (const [id, e] of v.idx.liq.symbolEntries(p.symbol)) {
    if (e.side !== p.side || id === LIQUIDITY_ID) continue;
    count += 1;
    if (id === account) continue;
    const s = adlScoreApprox(e.side, e.qtyF, e.entryF, markF, e.bankruptcyF) ?? Number.NEGATIVE_INFINITY;
    if (s > key || (s === key && id < account)) ahead += 1;
  }
  if (count === 0) return null;
  const rank = ahead + 1;
  return { quintile: adlQuintile(rank, count), rank, count, score: mine };
}
