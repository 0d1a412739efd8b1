import { nextUniform, rotl, type RngState } from './rng';

/**
 * Standard normals by the Marsaglia-Tsang (2000) ziggurat with 128 layers over xoshiro128**.
 * About 99% of draws cost one 32-bit integer, one table compare and one multiply, which is what
 * makes 365-step paths by the hundred thousand per second possible; the rest fall back to the
 * exact wedge and tail tests.
 */
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const M1 = 2147483648;

/** Layer tables, exported for the fused path generator (path-gen.ts), which inlines the fast path. */
export const ZIG_MASK = LAYERS - 1;
export const kn = new Int32Array(LAYERS);
export const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);

(function buildTables() {
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i -= 1) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
})();

/** The slow path: a draw that fell outside its layer's rectangle core (about 1% of draws). */
export function wedgeOrTail(s: RngState, hz: number, iz: number): number {
  for (;;) {
    if (iz === 0) {
      // The tail beyond R (Marsaglia 1964).
      let x: number;
      let y: number;
      do {
        x = -Math.log(nextUniform(s)) / R;
        y = -Math.log(nextUniform(s));
      } while (y + y < x * x);
      return hz > 0 ? R + x : -R - x;
    }
    const x = hz * wn[iz]!;
    if (fn[iz]! + nextUniform(s) * (fn[iz - 1]! - fn[iz]!) < Math.exp(-0.5 * x * x)) return x;
    hz = draw32(s);
    iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < kn[iz]!) return hz * wn[iz]!;
  }
}

function draw32(s: RngState): number {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
  const t = s1 << 9;
  const s2 = s[2]! ^ s0;
  const s3 = s[3]! ^ s1;
  s[1] = s1 ^ s2;
  s[0] = s0 ^ s3;
  s[2] = s2 ^ t;
  s[3] = rotl(s3, 11);
  return result;
}

/**
 * Fills out[from, to) with standard normals. The generator state lives in locals for the loop
 * (the hot path inlines xoshiro128**) and is written back at the end.
 */
export function fillNormals(s: RngState, out: Float64Array, from = 0, to = out.length): void {
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  for (let i = from; i < to; i += 1) {
    const hz = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < kn[iz]!) {
      out[i] = hz * wn[iz]!;
    } else {
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      out[i] = wedgeOrTail(s, hz, iz);
      s0 = s[0]!;
      s1 = s[1]!;
      s2 = s[2]!;
      s3 = s[3]!;
    }
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}
