/**
 * Whether a cell's text surely fits its column, so the cell can skip its overflow clip.
 *
 * A clipped cell (overflow: hidden, for the ellipsis) costs Chromium a clip node and a paint
 * chunk of its own: ~600 on screen, every scrolled frame re-layerizes them all (measured: ~1 ms
 * of a frame's layerize and ~0.5 ms of paint). A cell whose text cannot overflow paints the same
 * without the clip. The test is an upper bound on the text's width from per-character widths
 * measured once in the cells' font (regular, or bold for toned cells; the widest digit for
 * every digit): never "fits" when it might not, so a cell that could need an ellipsis keeps
 * its clip and looks exactly as before.
 */

export interface GlyphWidths {
  /** Width (px) of each printable ASCII character, code 32..126. */
  readonly ascii: readonly number[];
  /** The widest digit: tabular digits all take it. */
  readonly digit: number;
  /** A bound for anything else (dashes, symbols, CJK, emoji): two ems. */
  readonly other: number;
}

/** Extra room for kerning, hinting and sub-pixel rounding the per-character sum does not see. */
const SLACK_RATIO = 1.03;
const SLACK_PX = 2;

/** An upper bound on the rendered width (px) of one line of `text`. */
export function textWidthBound(text: string, g: GlyphWidths): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) w += g.digit;
    else if (c >= 32 && c <= 126) w += g.ascii[c - 32] ?? g.other;
    else w += g.other;
  }
  return w * SLACK_RATIO + SLACK_PX;
}

/** True when `text` surely fits `contentWidth` px; false when it might not (or nothing is measured yet). */
export function surelyFits(text: string, contentWidth: number, g: GlyphWidths | null): boolean {
  if (!g || text.includes('\n')) return false;
  return textWidthBound(text, g) <= contentWidth;
}

/** The cells' horizontal padding (px): `.dt-td` in trade-table.css. */
export const CELL_PADDING_X = 16;
