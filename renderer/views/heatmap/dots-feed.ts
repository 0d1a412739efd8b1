import type { ApiClient } from '../../api/client';
import type { LiquidationDot } from './trail-plan';

/**
 * The realised liquidations the heatmap draws as dots: the newest DOTS_KEEP at first, then only
 * the new ones fetched (main pages them newest first) and put in front, until twice DOTS_KEEP are
 * held; then the oldest are dropped down to DOTS_KEEP at once. Dropping a few of the oldest on
 * every fetch instead (a sliding window) made the dots canvas redraw whole every time (it can only
 * be appended to, trail-plan.ts), and fetched and parsed the 2,000 rows again each time.
 */
export const DOTS_KEEP = 2000;
const PAGE = 500;

export interface HeldDots {
  /** Newest first. */
  readonly dots: readonly LiquidationDot[];
  /** The liquidations' total and the newest id when fetched: the next fetch asks only for rows after it. */
  readonly total: number;
  readonly newestId: number | null;
}

/** The new rows (newest first) put in front of the held ones, the oldest dropped down to DOTS_KEEP once over twice that. Pure. */
export function mergeDots(held: readonly LiquidationDot[], fresh: readonly LiquidationDot[], keep = DOTS_KEEP): readonly LiquidationDot[] {
  if (fresh.length === 0) return held;
  const all = [...fresh, ...held];
  return all.length > 2 * keep ? all.slice(0, keep) : all;
}

/**
 * The dots after a fetch: null when nothing changed (a one-row page first: when the total and the
 * newest row have not moved, the usual case between cascades, nothing else is fetched). From
 * nothing held (or a total that went down: a reset) the newest DOTS_KEEP; otherwise the rows newer
 * than the newest held, by id (rows written meanwhile only push the older ones down the pages).
 */
export async function fetchDots(api: ApiClient, held: HeldDots | null): Promise<HeldDots | null> {
  const head = await api.call('trading.liquidations', { scope: 'all', offset: 0, limit: 1 });
  if (!head.ok) return null;
  const newestId = head.value.rows[0]?.id ?? null;
  if (held && head.value.total === held.total && newestId === held.newestId) return null;
  const since = held && head.value.total >= held.total ? held.newestId : null;
  const fresh: LiquidationDot[] = [];
  let total = head.value.total;
  let topId = newestId;
  let lastId: number | null = null;
  for (let offset = 0; offset < 2 * DOTS_KEEP; offset += PAGE) {
    const r = await api.call('trading.liquidations', { scope: 'all', offset, limit: PAGE });
    if (!r.ok) return null;
    if (offset === 0) {
      total = r.value.total;
      topId = r.value.rows[0]?.id ?? null;
    }
    let reached = false;
    for (const l of r.value.rows) {
      if (since !== null && l.id <= since) {
        reached = true;
        break;
      }
      // Rows written between two pages push the others down: one seen already comes again.
      if (lastId !== null && l.id >= lastId) continue;
      lastId = l.id;
      fresh.push({ t: l.t, price: Number(l.markPrice), notional: Number(l.quantity) * Number(l.markPrice), side: l.side, mine: l.isTrader });
    }
    if (reached || offset + PAGE >= r.value.total || (since === null && offset + PAGE >= DOTS_KEEP)) break;
  }
  // More new rows than could be merged (or nothing held): start again from the newest DOTS_KEEP.
  const restart = since === null || fresh.length >= 2 * DOTS_KEEP;
  return { dots: restart ? fresh.slice(0, DOTS_KEEP) : mergeDots(held!.dots, fresh), total, newestId: topId };
}
