/**
 * The arithmetic of a virtualized grid with fixed-height rows under a sticky header: which DOM
 * slot a row index renders in, and where to scroll so a row is in view. Pure, so it is tested
 * without a browser.
 */

export interface ScrollGeometry {
  /** The scroll container's scrollTop (px). */
  readonly scrollTop: number;
  /** Its client height, the sticky header included (px). */
  readonly viewport: number;
  readonly rowHeight: number;
  /** The sticky header's height: it covers the top of the viewport. */
  readonly headerHeight: number;
}

/**
 * The slot (React key) of row `index` when at most `slots` rows are in the DOM at once. Any
 * `slots` consecutive indices get distinct slots, and a row keeps its slot for as long as it is
 * on screen, so a scroll of k rows rewrites exactly k slots.
 */
export function slotOf(index: number, slots: number): number {
  return slots > 0 ? index % slots : 0;
}

/**
 * The scrollTop that brings row `index` fully into view below the header with the least
 * movement (the "auto" alignment of keyboard navigation): unchanged when it is already visible.
 */
export function scrollTopToShow(index: number, g: ScrollGeometry): number {
  const rowTop = index * g.rowHeight;
  const rowBottom = rowTop + g.rowHeight;
  const visibleRows = Math.max(g.rowHeight, g.viewport - g.headerHeight);
  if (rowTop < g.scrollTop) return rowTop;
  if (rowBottom > g.scrollTop + visibleRows) return rowBottom - visibleRows;
  return g.scrollTop;
}
