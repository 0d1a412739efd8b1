/**
 * Quantiles by selection instead of a full sort: Hoare's quickselect with a median-of-three
 * pivot, in place on a scratch copy. Ascending quantiles each narrow the range the next one
 * searches, so a median, p05 and p95 cost about three linear passes. Deterministic (no random
 * pivots): the same values give the same quantiles. FLOAT64 ANALYTICS.
 */
function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to the middle.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        swap(a, i, j);
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The k-th smallest of `values` (0-based), the value an ascending sort puts at k; reorders
 * `values` in place (the selection quantiles() runs, exposed for its tests).
 */
export function selectKth(values: Float64Array, k: number): number {
  if (!Number.isInteger(k) || k < 0 || k >= values.length) throw new RangeError(`selectKth: k = ${k} is outside 0..${values.length - 1}`);
  return selectInPlace(values, 0, values.length - 1, k);
}

/** Quantiles (R type 7: linear between order statistics) of values; qs must be ascending. NaN-free input. */
export function quantiles(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return qs.map(() => NaN);
  const a = Float64Array.from(values);
  let lo = 0;
  return qs.map((q) => {
    const h = (n - 1) * q;
    const k = Math.floor(h);
    const x = selectInPlace(a, lo, n - 1, k);
    lo = k;
    if (k + 1 >= n || h === k) return x;
    // After selecting k, everything right of k is >= a[k]: the next order statistic is their minimum.
    let y = Infinity;
    for (let i = k + 1; i < n; i += 1) if (a[i]! < y) y = a[i]!;
    return x + (h - k) * (y - x);
  });
}
