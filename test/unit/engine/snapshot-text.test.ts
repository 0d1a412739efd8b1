import { describe, expect, it } from 'vitest';
import { Engine } from '#main/engine/engine';
import { canonicalJson } from '#main/engine/state/hash';
import { runSteps, setupEvent, tick, T0 } from './helpers';

/** Issue 10 item 7: a big state's snapshot written a slice at a time is the snapshot written at once. */
function engineWithCrowd(traders: number): Engine {
  const e = new Engine();
  const events = [
    setupEvent({ deposit: '50000', leverage: 10 }),
    {
      kind: 'crowd' as const,
      t: T0,
      symbol: 'BTCUSDT',
      params: {
        seed: 4,
        traders,
        longShare: 0.5,
        leverage: [
          { leverage: 5, weight: 1 },
          { leverage: 50, weight: 1 },
        ],
        notional: { median: 9000, logSigma: 1 },
        crossShare: 0.4,
        stops: { share: 0.5, minDistance: 0.01, maxDistance: 0.05 },
        entryWindowHours: 0,
      },
    },
    { kind: 'tick' as const, tick: tick(T0 + 60_000, '100000') },
    { kind: 'tick' as const, tick: tick(T0 + 120_000, '98500') },
  ];
  for (const ev of events) {
    const r = e.apply(ev);
    if (!r.ok) throw new Error(r.rejection.message);
  }
  return e;
}

describe('an engine snapshot written in slices', () => {
  it.each([1, 7, 250, 10_000])('is the canonical text and index of the state, %i accounts a slice', (every) => {
    const e = engineWithCrowd(400);
    const { value, pauses } = runSteps(e.snapshotTextSteps(every));
    expect(value.body.join('')).toBe(e.canonicalText());
    expect(value.body.join('')).toBe(canonicalJson(e.snapshot()));
    expect(JSON.parse(value.index.join(''))).toEqual(e.indexSnapshot());
    // Both heaps hold items (longs and shorts with liquidation prices): they were written in parts too.
    expect(e.indexSnapshot().heaps.filter((h) => h.heap.items.length > 0)).toHaveLength(2);
    expect(value.index.join('')).toBe(JSON.stringify(e.indexSnapshot()));
    expect(value.seq).toBe(e.readState.seq);
    expect(value.t).toBe(e.readState.t);
    if (every < 400) expect(pauses).toBeGreaterThanOrEqual(Math.floor(400 / every));
  });

  it('of an engine without a crowd or an index is the same too', () => {
    const e = new Engine();
    e.apply(setupEvent({ deposit: '1000', leverage: 5 }));
    const { value } = runSteps(e.snapshotTextSteps(3));
    expect(value.body.join('')).toBe(e.canonicalText());
    expect(JSON.parse(value.index.join(''))).toEqual(e.indexSnapshot());
    expect(value.index.join('')).toBe(JSON.stringify(e.indexSnapshot()));
  });

  it.each([1, 7, 250])('hands its pieces to sinks as it writes them, in order, the same texts (%i accounts a slice)', (every) => {
    const e = engineWithCrowd(400);
    const body: string[] = [];
    const index: string[] = [];
    const steps = e.snapshotTextSteps(every, { body: (p) => body.push(p), index: (p) => index.push(p) });
    // Pieces arrive while the generator runs, not at its end.
    let seenMidway = 0;
    for (let r = steps.next(), n = 0; !r.done; r = steps.next(), n++) if (n === 3) seenMidway = body.length;
    expect(seenMidway).toBeGreaterThan(1);
    expect(body.join('')).toBe(e.canonicalText());
    expect(index.join('')).toBe(JSON.stringify(e.indexSnapshot()));
    const { value } = runSteps(e.snapshotTextSteps(every, { body: () => undefined, index: () => undefined }));
    expect(value.body).toEqual([]);
    expect(value.index).toEqual([]);
  });
});
