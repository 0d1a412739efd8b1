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
export function gridCells(steps: Float64Array, step: number): { cells: Float32Array; max: number } {
  const cells = new Float32Array(steps.length);
  let max = 0;
  for (let i = 0; i < steps.length; i++) {
    const v = steps[i]! * step;
    cells[i] = v;
    if (v > max) max = v;
  }
  return { cells, max };
}

/** Cells [start, end) as base64 (little-endian Float32): the whole grid, or a delta's columns. */
export function base64Cells(cells: Float32Array, start: number, end: number): string {
  return Buffer.from(cells.buffer, cells.byteOffset + start * 4, (end - start) * 4).toString('base64');
}
