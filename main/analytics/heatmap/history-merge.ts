import type { StoreParts } from './segments';

/** segments.ts's mark of a segment that never stood. */
const DEAD = 255;

/**
 * A reopened workspace's history (rebuilt from the session's log, up to the resume) joined to
 * what the recorder has recorded since. A level that stood at the resume and that the recorder
 * read again unchanged becomes one segment (the history's, extended), so the resume leaves no
 * seam in the picture; any other level the history left open ends at the recorder's first read.
 * Open keys are the recorder's (it follows the engine now).
 */
export function mergeHistory(history: StoreParts, recorded: StoreParts, firstReadEnd: number): StoreParts {
  const cap = history.n + recorded.n;
  const tFrom = new Float64Array(cap);
  const tTo = new Float64Array(cap);
  const price = new Float64Array(cap);
  const qtySteps = new Float64Array(cap);
  const leverage = new Float32Array(cap);
  const kind = new Uint8Array(cap);
  const cross = new Uint8Array(cap);
  const mine = new Uint8Array(cap);
  const priceText: string[] = [];
  let n = 0;
  const push = (src: StoreParts, i: number): number => {
    tFrom[n] = src.tFrom[i]!;
    tTo[n] = src.tTo[i]!;
    price[n] = src.price[i]!;
    qtySteps[n] = src.qtySteps[i]!;
    leverage[n] = src.leverage[i]!;
    kind[n] = src.kind[i]!;
    cross[n] = src.cross[i]!;
    mine[n] = src.mine[i]!;
    priceText[n] = src.priceText[i]!;
    return n++;
  };
  for (let i = 0; i < history.n; i++) push(history, i);
  const historyOpen = new Map<string, number[]>(history.open.map(([k, list]) => [k, [...list]]));
  const keyOf = new Map<number, string>();
  for (const [k, list] of recorded.open) for (const i of list) keyOf.set(i, k);
  const same = (h: number, i: number): boolean =>
    kind[h] === recorded.kind[i] && priceText[h] === recorded.priceText[i] && qtySteps[h] === recorded.qtySteps[i] && leverage[h] === recorded.leverage[i] && cross[h] === recorded.cross[i] && mine[h] === recorded.mine[i];
  const remap = new Int32Array(recorded.n).fill(-1);
  for (let i = 0; i < recorded.n; i++) {
    const k = keyOf.get(i);
    const list = k !== undefined && recorded.tFrom[i]! <= firstReadEnd ? historyOpen.get(k) : undefined;
    const j = list ? list.findIndex((h) => same(h, i)) : -1;
    if (list && j >= 0) {
      const h = list[j]!;
      list.splice(j, 1);
      tTo[h] = recorded.tTo[i]!;
      remap[i] = h;
    } else remap[i] = push(recorded, i);
  }
  // Levels the recorder did not find again ended by its first read.
  for (const list of historyOpen.values()) {
    for (const h of list) {
      if (Number.isFinite(tTo[h]!)) continue;
      tTo[h] = firstReadEnd;
      if (!(firstReadEnd > tFrom[h]!)) kind[h] = DEAD;
    }
  }
  return {
    n,
    tFrom,
    tTo,
    price,
    qtySteps,
    leverage,
    kind,
    cross,
    mine,
    priceText,
    open: recorded.open.map(([k, list]) => [k, list.map((i) => remap[i]!)] as const),
    dropped: history.dropped + recorded.dropped,
    horizon: Math.min(history.horizon, recorded.horizon),
  };
}
