import { drain } from '../steps';

/**
 * A stable argsort of binary64 keys by LSD radix (four 16-bit digits of each key's sortable bit
 * pattern). The Market tab orders 100,000 positions at every event while a mark-moving sort is
 * shown; a comparator sort of that many indices took 30-100 ms of main's thread, this under 10 ms.
 *
 * Stable: rows whose keys are equal keep the order of `base`, which is how ties are broken by
 * account id (crowd-page.ts passes a base already in id order). -0 sorts as 0; NaN is never a key
 * here (it would sort above +Infinity).
 */
export function radixOrder(keys: Float64Array, base?: Uint32Array): Uint32Array {
  return drain(radixOrderSteps(keys, base));
}

const CHUNK_MASK = (1 << 15) - 1;

/**
 * radixOrder pausing after every 32,768 rows of each of its passes (100,000 keys took ~40 ms in
 * one piece the first time, before the JIT had the code; a whole pass still ~27 ms then).
 * `keys` and `base` must not change until it ends.
 */
export function* radixOrderSteps(keys: Float64Array, base?: Uint32Array): Generator<void, Uint32Array> {
  const n = keys.length;
  const bits = new Float64Array(n);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    bits[i] = k === 0 ? 0 : k;
    if ((i & CHUNK_MASK) === CHUNK_MASK) yield;
  }
  const [LO, HI] = LITTLE_ENDIAN ? [0, 1] : [1, 0];
  for (let i = 0; i < n; i++) {
    // IEEE 754 order as unsigned integers: negatives have every bit flipped, positives the sign bit set.
    const hi = words[2 * i + HI]!;
    if (hi & 0x80000000) {
      words[2 * i + HI] = ~hi >>> 0;
      words[2 * i + LO] = ~words[2 * i + LO]! >>> 0;
    } else {
      words[2 * i + HI] = (hi | 0x80000000) >>> 0;
    }
  }
  let order: Uint32Array = base ? Uint32Array.from(base) : identity(n);
  if (order.length !== n) throw new Error(`radixOrder: base holds ${order.length} rows for ${n} keys`);
  let spare: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(0x10001);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? LO : HI;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      counts[((words[2 * i + word]! >>> shift) & 0xffff) + 1]! += 1;
      if ((i & CHUNK_MASK) === CHUNK_MASK) yield;
    }
    // A digit every key shares (the low bits of round prices, the high bits of similar ones) moves nothing.
    if (n === 0 || counts[((words[word]! >>> shift) & 0xffff) + 1] === n) continue;
    for (let d = 1; d <= 0xffff; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < n; i++) {
      const row = order[i]!;
      const d = (words[2 * row + word]! >>> shift) & 0xffff;
      spare[counts[d]!++] = row;
      if ((i & CHUNK_MASK) === CHUNK_MASK) yield;
    }
    [order, spare] = [spare, order];
    yield;
  }
  return order;
}

function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
