import type { AdlRank } from '#shared/domain/trading-account';
import { adlQuintile } from '#shared/risk/index';
import { adlScoreApprox } from '#shared/risk/adl-ranking';
import { entryPrice, type Position } from '../model/account';
import { LIQUIDITY_ID, type AccountId } from '../model/ids';
import type { EngineView } from './account-view';

/** A position's ADL score (binary64 ranking; null: no bankruptcy price). */
export function adlScoreOf(v: EngineView, account: AccountId, p: Position): number | null {
  const m = v.state.markets.get(p.symbol)!;
  const bp = v.idx.liq.get(account, p.symbol)?.bankruptcy ?? null;
  return adlScoreApprox(p.side, p.qty.toNumber(), entryPrice(p).toNumber(), m.markF, bp ? bp.toNumber() : null);
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
  for (const [id, q] of v.idx.positionsIn(p.symbol)) {
    if (q.side !== p.side || id === LIQUIDITY_ID) continue;
    count += 1;
    if (id === account) continue;
    const s = adlScoreOf(v, id, q) ?? Number.NEGATIVE_INFINITY;
    if (s > key || (s === key && id < account)) ahead += 1;
  }
  if (count === 0) return null;
  const rank = ahead + 1;
  return { quintile: adlQuintile(rank, count), rank, count, score: mine };
}
