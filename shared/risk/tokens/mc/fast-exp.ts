/**
 * exp(x) for the path generator's per-step growth factors, in plain arithmetic so the JIT inlines
 * it: V8's Math.exp is an out-of-line call that cost more than the normal draw itself (8 ns
 * against 4). Tang's table method: x = (k/64) ln 2 + r with |r| <= ln2/128, exp(x) =
 * 2^(k/64) x p(r), p a degree-5 Taylor polynomial (truncation below 4e-17). Within 2 ulp of
 * Math.exp for |x| <= EXP_FAST_LIMIT; callers use Math.exp beyond (never a daily step in
 * practice). FLOAT64 ANALYTICS only.
 */
export const EXP_FAST_LIMIT = 40;
const N = 64;
/** Largest |k| = N x EXP_FAST_LIMIT / ln 2, rounded up, plus a margin. */
const K_OFF = 3712;
/** EXP_TABLE[k + K_OFF] = 2^(k/64). */
export const EXP_TABLE = new Float64Array(2 * K_OFF + 1);
for (let k = -K_OFF; k <= K_OFF; k += 1) EXP_TABLE[k + K_OFF] = 2 ** Math.floor(k / N) * 2 ** ((((k % N) + N) % N) / N);
export const EXP_K_OFF = K_OFF;
export const EXP_INV_STEP = N / Math.LN2;
/** ln2/64 split so that k x hi is exact (fdlibm's ln2_hi has its low 32 bits zero). */
export const EXP_STEP_HI = 6.93147180369123816490e-1 / N;
export const EXP_STEP_LO = 1.90821492927058770002e-10 / N;
/** Adding and subtracting 1.5 x 2^52 rounds a double to the nearest integer. */
export const ROUND_MAGIC = 6755399441055744;

/** The same computation as the inlined copy in path-gen.ts (tests compare it with Math.exp). */
export function fastExp(x: number): number {
  if (!(x < EXP_FAST_LIMIT && x > -EXP_FAST_LIMIT)) return Math.exp(x);
  const kf = x * EXP_INV_STEP + ROUND_MAGIC - ROUND_MAGIC;
  const r = x - kf * EXP_STEP_HI - kf * EXP_STEP_LO;
  return EXP_TABLE[(kf | 0) + EXP_K_OFF]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))));
}
