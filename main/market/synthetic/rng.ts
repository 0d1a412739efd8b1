import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Seeded randomness for market models. Each stream (the price path, each venue's noise) has its
 * own generator derived from the scenario seed, so adding a venue does not change the path.
 * Normals use Marsaglia's polar method (only Math.log and Math.sqrt, which V8 computes the same
 * way on every platform). Same seed, same numbers: the determinism tests hash whole replays.
 */
export class SeededRandom {
  private readonly rng: RandomGenerator;
  private spare: number | null = null;

  constructor(seed: number, stream: number) {
    this.rng = xoroshiro128plus(mix32(seed, stream));
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return uniformFloat64(this.rng);
  }

  /** Standard normal. */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** Poisson by inversion (small means: jumps per step). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.uniform();
    while (p > limit) {
      k += 1;
      p *= this.uniform();
    }
    return k;
  }
}

/** A 32-bit mix of (seed, stream) (murmur3's finaliser), so nearby seeds give unrelated streams. */
export function mix32(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Stream numbers: 0 is the price path; venue i uses 100 + i. */
export const PATH_STREAM = 0;
export const venueStream = (i: number): number => 100 + i;
