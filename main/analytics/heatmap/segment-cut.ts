/** Bins of the end-time histogram that places a compaction's cut. */
const CUT_BINS = 4096;

/**
 * Where a full segment store cuts its past (segments.ts, dropOldest): the latest end time among
 * the closed segments that ended earliest, at least half of all closed ones, found from a
 * histogram of their end times in two passes (no copy of 2,000,000 end times, no sort). Every
 * segment that ended at or before the returned time goes. Null when no segment is closed.
 * `dead` marks rows already removed; open segments end at +Infinity.
 */
export function oldestHalfCut(n: number, kind: Uint8Array, tTo: Float64Array, dead: number): number | null {
  let count = 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const end = tTo[i]!;
    if (kind[i] === dead || !(end < Number.POSITIVE_INFINITY)) continue;
    count += 1;
    if (end < lo) lo = end;
    if (end > hi) hi = end;
  }
  if (count === 0) return null;
  const counts = new Int32Array(CUT_BINS);
  const maxes = new Float64Array(CUT_BINS).fill(Number.NEGATIVE_INFINITY);
  // A monotone binning: a later end never falls in an earlier bin, so the bins up to the cut hold
  // exactly the segments that ended at or before the latest end among them.
  const scale = hi > lo ? CUT_BINS / (hi - lo) : 0;
  for (let i = 0; i < n; i++) {
    const end = tTo[i]!;
    if (kind[i] === dead || !(end < Number.POSITIVE_INFINITY)) continue;
    const b = Math.min(CUT_BINS - 1, Math.floor((end - lo) * scale));
    counts[b]! += 1;
    if (end > maxes[b]!) maxes[b] = end;
  }
  let seen = 0;
  let before = lo;
  for (let b = 0; b < CUT_BINS; b++) {
    seen += counts[b]!;
    if (maxes[b]! > before) before = maxes[b]!;
    if (seen * 2 >= count) break;
  }
  return before;
}
