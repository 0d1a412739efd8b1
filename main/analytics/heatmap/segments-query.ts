import type { HeatRow, SegmentKind, SegmentStore } from './segments';

/** The levels standing at t, as rows (a past moment's exact levels, for the cursor map and hover). */
export function rowsAliveAt(store: SegmentStore, t: number): HeatRow[] {
  const out: HeatRow[] = [];
  for (let i = 0; i < store.size; i++) {
    if (!store.aliveAt(i, t)) continue;
    out.push({
      kind: store.kind[i] as SegmentKind,
      price: store.price[i]!,
      priceText: store.priceText[i]!,
      qtySteps: store.qtySteps[i]!,
      leverage: store.leverage[i]!,
      cross: store.cross[i] === 1,
      mine: store.mine[i] === 1,
    });
  }
  return out;
}
