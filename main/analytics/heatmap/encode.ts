/** Which layers a grid sums. */
export interface LayerInput {
  readonly long: boolean;
  readonly short: boolean;
  readonly stops: boolean;
}

/**
 * A grid in contract steps to the wire: Float32 quantities (steps × step size), little-endian,
 * base64. A picture, not an amount: exact values come from the levels and details.
 */
export function encodeGrid(steps: Float64Array, step: number): { base64: string; max: number } {
  const out = new Float32Array(steps.length);
  let max = 0;
  for (let i = 0; i < steps.length; i++) {
    const v = steps[i]! * step;
    out[i] = v;
    if (v > max) max = v;
  }
  return { base64: Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString('base64'), max };
}
