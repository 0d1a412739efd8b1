import { describe, expect, it } from 'vitest';
import type { ApiClient } from '#renderer/api/client';
import { DOTS_KEEP, fetchDots, mergeDots, type HeldDots } from '#renderer/views/heatmap/dots-feed';

/** main's liquidations table as trading.liquidations pages it (newest first), and how many calls were made. */
function fakeMain(): { api: ApiClient; add(n: number): void; clear(): void; calls: () => number } {
  let rows: { id: number; t: number }[] = [];
  let next = 1;
  let calls = 0;
  const api = {
    call: (channel: string, input: { offset: number; limit: number }) => {
      calls++;
      expect(channel).toBe('trading.liquidations');
      const page = rows
        .slice()
        .reverse()
        .slice(input.offset, input.offset + input.limit)
        .map((r) => ({ id: r.id, t: r.t, markPrice: '100', quantity: '0.5', side: 'long', isTrader: false }));
      return Promise.resolve({ ok: true, value: { total: rows.length, rows: page } });
    },
  } as unknown as ApiClient;
  return {
    api,
    add: (n) => {
      for (let i = 0; i < n; i++, next++) rows.push({ id: next, t: next * 1000 });
    },
    clear: () => {
      rows = [];
    },
    calls: () => calls,
  };
}

const times = (h: HeldDots | null): number[] => (h ? h.dots.map((d) => d.t) : []);
/** The newest `n` of ids up to `top`, newest first, as times. */
const newest = (top: number, n: number): number[] => Array.from({ length: Math.min(n, top) }, (_, i) => (top - i) * 1000);

describe('mergeDots', () => {
  it('puts the new in front and drops the oldest down to `keep` only once over twice that', () => {
    const d = (t: number) => ({ t, price: 1, notional: 1, side: 'long' as const, mine: false });
    const held = [d(3), d(2), d(1)];
    expect(mergeDots(held, [])).toBe(held);
    expect(mergeDots(held, [d(4)], 2).map((x) => x.t)).toEqual([4, 3, 2, 1]);
    expect(mergeDots(held, [d(5), d(4)], 2).map((x) => x.t)).toEqual([5, 4]);
  });
});

describe('fetchDots', () => {
  it('fetches the newest first, then only what is new, and holds between DOTS_KEEP and twice that', async () => {
    const main = fakeMain();
    main.add(2600);
    let held = await fetchDots(main.api, null);
    expect(times(held)).toEqual(newest(2600, DOTS_KEEP));
    // Nothing new: one one-row call, and null (the view keeps its array).
    const before = main.calls();
    expect(await fetchDots(main.api, held)).toBeNull();
    expect(main.calls() - before).toBe(1);
    // New rows are put in front of the held ones, which stay as they were (the dots canvas is only appended to).
    for (const n of [1, 7, 600, 1391]) {
      main.add(n);
      const prev = held!;
      held = await fetchDots(main.api, prev);
      expect(held!.dots.slice(n)).toEqual(prev.dots);
      expect(times(held)).toEqual(newest(held!.total, held!.dots.length));
    }
    expect(held!.dots).toHaveLength(2 * DOTS_KEEP - 1);
    // Over twice DOTS_KEEP: the oldest go at once.
    main.add(2);
    held = await fetchDots(main.api, held);
    expect(times(held)).toEqual(newest(held!.total, DOTS_KEEP));
  });

  it('starts again from the newest after a reset (the total went down) or more new rows than it would hold', async () => {
    const main = fakeMain();
    main.add(50);
    let held = await fetchDots(main.api, null);
    main.clear();
    main.add(30); // ids 51 … 80
    held = await fetchDots(main.api, held);
    expect(times(held)).toEqual(newest(80, 30));
    main.add(3 * DOTS_KEEP);
    held = await fetchDots(main.api, held);
    expect(times(held)).toEqual(newest(80 + 3 * DOTS_KEEP, DOTS_KEEP));
  });
});
