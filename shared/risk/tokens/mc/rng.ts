/**
 * xoshiro128** (Blackman & Vigna), 32-bit state words in an Int32Array so the hot loops can load
 * them into locals. Seeded through splitmix32 so nearby seeds give unrelated streams. Chosen over
 * Math.random for reproducibility (same seed, same paths) and over 64-bit generators because JS
 * has fast 32-bit integer math (Math.imul) but no fast 64-bit integers.
 */
export type RngState = Int32Array;

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** A generator for (seed, stream): each block of Monte Carlo paths owns one stream. */
export function seedRng(seed: number, stream: number): RngState {
  const s = new Int32Array(4);
  let x = splitmix32((seed | 0) ^ Math.imul(stream | 0, 0x632be5ab));
  x = splitmix32(x ^ Math.floor(seed / 0x1_0000_0000));
  for (let i = 0; i < 4; i += 1) {
    x = splitmix32(x + i);
    s[i] = x;
  }
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

/** The next 32 bits as an unsigned integer. */
export function nextU32(s: RngState): number {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  let s2 = s[2]! ^ s0;
  let s3 = s[3]! ^ s1;
  s[1] = s1 ^ s2;
  s[0] = s0 ^ s3;
  s2 ^= t;
  s3 = rotl(s3, 11);
  s[2] = s2;
  s[3] = s3;
  return result;
}

/** Uniform in (0, 1): never 0, so log(u) is finite. */
export function nextUniform(s: RngState): number {
  return ((nextU32(s) >>> 8) + 0.5) / 16_777_216;
}

export function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
