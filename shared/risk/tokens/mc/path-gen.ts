import { EXP_FAST_LIMIT, EXP_INV_STEP, EXP_K_OFF, EXP_STEP_HI, EXP_STEP_LO, EXP_TABLE, ROUND_MAGIC } from './fast-exp';
import { stepConstants, type McModel } from './model';
import { kn, wedgeOrTail, wn, ZIG_MASK } from './normal';
import { nextUniform, type RngState } from './rng';

/** Per-step constants of a model at stepsPerDay (see stepConstants). */
export type StepConstants = ReturnType<typeof stepConstants>;

export function pathConstants(model: McModel, stepsPerDay: number): StepConstants {
  return stepConstants(model, stepsPerDay);
}

/**
 * One path in one pass: for each step a standard normal (the ziggurat's fast path inlined over
 * xoshiro128**, state in locals), the log return mu + sigma z, its growth factor g = e^x (the
 * inlined table exp of fast-exp.ts) and the vertex price as the running product (start 1).
 * growth[i] = prices[i] / prices[i-1] is what a daily-rebalanced token needs, so it never divides
 * or takes a log. FLOAT64 ANALYTICS.
 */
export function genPath(s: RngState, c: StepConstants, growth: Float64Array, prices: Float64Array): void {
  if (c.lambda !== 0) {
    genJumpPath(s, c, growth, prices);
    return;
  }
  const n = growth.length;
  const mu = c.mu;
  const sigma = c.sigma;
  let s0 = s[0]!;
  let s1 = s[1]!;
  let s2 = s[2]!;
  let s3 = s[3]!;
  let p = 1;
  for (let i = 0; i < n; i += 1) {
    const hz = Math.imul(((Math.imul(s1, 5) << 7) | (Math.imul(s1, 5) >>> 25)), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const iz = hz & ZIG_MASK;
    let z: number;
    if (Math.abs(hz) < kn[iz]!) {
      z = hz * wn[iz]!;
    } else {
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      z = wedgeOrTail(s, hz, iz);
      s0 = s[0]!;
      s1 = s[1]!;
      s2 = s[2]!;
      s3 = s[3]!;
    }
    const x = mu + sigma * z;
    let g: number;
    if (x < EXP_FAST_LIMIT && x > -EXP_FAST_LIMIT) {
      const kf = x * EXP_INV_STEP + ROUND_MAGIC - ROUND_MAGIC;
      const r = x - kf * EXP_STEP_HI - kf * EXP_STEP_LO;
      g = EXP_TABLE[(kf | 0) + EXP_K_OFF]! * (1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))))));
    } else {
      g = Math.exp(x);
    }
    p *= g;
    growth[i] = g;
    prices[i] = p;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

const one = new Float64Array(1);
const zs = new Float64Array(1);

/** Merton jump-diffusion: the diffusion step plus a Poisson number of normal log jumps (by inversion). */
function genJumpPath(s: RngState, c: StepConstants, growth: Float64Array, prices: Float64Array): void {
  const p0 = Math.exp(-c.lambda);
  let p = 1;
  for (let i = 0; i < growth.length; i += 1) {
    genPathNormal(s, zs);
    let x = c.mu + c.sigma * zs[0]!;
    const u = nextUniform(s);
    if (u > p0) {
      // Poisson by inversion: almost always one jump at daily steps.
      let n = 0;
      let pk = p0;
      let cdf = p0;
      while (u > cdf && n < 1000) {
        n += 1;
        pk *= c.lambda / n;
        cdf += pk;
      }
      genPathNormal(s, one);
      x += n * c.jumpMean + c.jumpVol * Math.sqrt(n) * one[0]!;
    }
    const g = Math.exp(x);
    p *= g;
    growth[i] = g;
    prices[i] = p;
  }
}

function genPathNormal(s: RngState, out: Float64Array): void {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const hz = Math.imul((Math.imul(s1, 5) << 7) | (Math.imul(s1, 5) >>> 25), 9);
  const t = s1 << 9;
  const s2 = s[2]! ^ s0;
  const s3 = s[3]! ^ s1;
  s[1] = s1 ^ s2;
  s[0] = s0 ^ s3;
  s[2] = s2 ^ t;
  s[3] = (s3 << 11) | (s3 >>> 21);
  const iz = hz & ZIG_MASK;
  out[0] = Math.abs(hz) < kn[iz]! ? hz * wn[iz]! : wedgeOrTail(s, hz, iz);
}
