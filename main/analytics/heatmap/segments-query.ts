import type { HeatRow, SegmentKind, SegmentStore } from './segments';
import { nextTurn } from '../../app/turns';

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

/**
 * rowsAliveAt in slices of at most `sliceMs`, yielding between them (a store near capacity is
 * millions of segments). Only segments that existed at the start are scanned: later ones open at
 * the recorder's clock, after any t a query asks about. A compaction renumbers them: start again.
 */
export async function rowsAliveAtSliced(store: SegmentStore, t: number, schedule: (fn: () => void) => void = nextTurn, sliceMs = 8): Promise<HeatRow[]> {
  for (;;) {
    const compactions = store.compactions;
    const n0 = store.size;
    const out: HeatRow[] = [];
    let deadline = performance.now() + sliceMs;
    let restarted = false;
    for (let i = 0; i < n0; i++) {
      if (i % 8192 === 0 && i > 0 && performance.now() > deadline) {
        await new Promise<void>((resolve) => schedule(resolve));
        if (store.compactions !== compactions) {
          restarted = true;
          break;
        }
        deadline = performance.now() + sliceMs;
      }
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
    if (!restarted) return out;
  }
}
