import { describe, expect, it } from 'vitest';
import { scrollTopToShow, slotOf } from '../../renderer/components/table/row-window';

const geometry = { viewport: 330, rowHeight: 28, headerHeight: 30 } as const;

describe('slotOf', () => {
  it('gives any window of `slots` consecutive rows distinct slots', () => {
    for (const start of [0, 7, 99_950]) {
      const slots = new Set(Array.from({ length: 40 }, (_, i) => slotOf(start + i, 40)));
      expect(slots.size).toBe(40);
    }
  });

  it('keeps a row in its slot while the window moves, so a scroll of k rows rewrites k slots', () => {
    const before = new Map(Array.from({ length: 40 }, (_, i) => [10 + i, slotOf(10 + i, 40)]));
    const after = new Map(Array.from({ length: 40 }, (_, i) => [13 + i, slotOf(13 + i, 40)]));
    const kept = [...after].filter(([index, slot]) => before.get(index) === slot);
    expect(kept).toHaveLength(37);
    const reused = [...after].filter(([index]) => !before.has(index)).map(([, slot]) => slot);
    expect(reused.sort()).toEqual([slotOf(10, 40), slotOf(11, 40), slotOf(12, 40)].sort());
  });

  it('has one slot before any row was measured', () => {
    expect(slotOf(5, 0)).toBe(0);
  });
});

describe('scrollTopToShow', () => {
  it('leaves the scroll alone when the row is fully visible below the header', () => {
    expect(scrollTopToShow(12, { ...geometry, scrollTop: 280 })).toBe(280);
  });

  it('scrolls up so a row above the view sits right under the header', () => {
    expect(scrollTopToShow(5, { ...geometry, scrollTop: 280 })).toBe(140);
  });

  it('scrolls down so a row below the view ends at the bottom edge', () => {
    // 300 px of rows are visible under the 30 px header: row 20 ends at 588.
    expect(scrollTopToShow(20, { ...geometry, scrollTop: 0 })).toBe(588 - 300);
  });

  it('treats a row half hidden under the header as out of view', () => {
    expect(scrollTopToShow(10, { ...geometry, scrollTop: 290 })).toBe(280);
  });

  it('shows the top of a row in a viewport shorter than one row', () => {
    expect(scrollTopToShow(3, { ...geometry, viewport: 40, scrollTop: 0 })).toBe(84);
  });
});
