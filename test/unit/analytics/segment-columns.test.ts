import { describe, expect, it } from 'vitest';
import { ColumnReserve, grown, textColumn } from '#main/analytics/heatmap/segment-columns';

describe("the segment store's columns made ahead", () => {
  it('makes one column per step for a capacity, hands them over once, and starts again for another', () => {
    const r = new ColumnReserve();
    expect(r.take(100)).toBeNull();
    let steps = 0;
    while (r.step(100)) steps += 1;
    expect(steps).toBe(9);
    const cols = r.take(100)!;
    expect(cols.map((c) => c.length)).toEqual(Array(9).fill(100));
    expect(cols[0]).toBeInstanceOf(Float64Array);
    expect(cols[4]).toBeInstanceOf(Float32Array);
    expect(cols[7]).toBeInstanceOf(Uint8Array);
    expect(Array.isArray(cols[8])).toBe(true);
    expect(r.take(100)).toBeNull();
    // Half made for one capacity, then asked for another: those are dropped, none of the wrong size is handed over.
    r.step(100);
    r.step(200);
    expect(r.take(100)).toBeNull();
    while (r.step(200));
    expect(r.take(200)!.every((c) => c.length === 200)).toBe(true);
  });

  it('lets go of what it made when a growth or a load asks for another capacity', () => {
    const r = new ColumnReserve();
    for (let i = 0; i < 3; i++) r.step(100);
    expect(r.take(200)).toBeNull();
    // Emptied: all nine are made again for 100, not the six left.
    let steps = 0;
    while (r.step(100)) steps += 1;
    expect(steps).toBe(9);
  });

  it('grows a column into one made ahead, keeping its rows', () => {
    const ready = new Float64Array(8);
    const out = grown(Float64Array.from([1, 2, 3]), 8, ready);
    expect(out).toBe(ready);
    expect([...out]).toEqual([1, 2, 3, 0, 0, 0, 0, 0]);
    expect(grown(Uint8Array.from([4]), 3)).toEqual(Uint8Array.from([4, 0, 0]));
    const texts = textColumn(['a', 'b', 'c'], 2, 5);
    expect(texts.length).toBe(5);
    expect(texts.slice(0, 2)).toEqual(['a', 'b']);
  });
});
