/**
 * The glyph widths text-fit.ts bounds text with, measured with a canvas in the cells' font (the
 * DOM half of text-fit, apart so that one stays pure and unit-tested).
 */
import type { GlyphWidths } from './text-fit';

/** Measures a font family at a size and weight with a canvas. */
export function measureGlyphWidths(family: string, fontSizePx: number, weight: 400 | 700): GlyphWidths | null {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx || !family) return null;
  ctx.font = `${weight} ${fontSizePx}px ${family}`;
  const ascii: number[] = [];
  for (let c = 32; c <= 126; c++) ascii.push(ctx.measureText(String.fromCharCode(c)).width);
  if (!(ascii[33]! > 0)) return null;
  return { ascii, digit: Math.max(...ascii.slice(16, 26)), other: 2 * fontSizePx };
}

/** The cells' font size (px): `.dt-td` in trade-table.css. */
const CELL_FONT_PX = 12;

/** The cells' glyph widths: regular for plain cells, bold for toned ones (a tone may set the weight). */
export interface CellGlyphs {
  readonly regular: GlyphWidths;
  readonly bold: GlyphWidths;
}

let cellGlyphs: CellGlyphs | null | undefined;

/** The glyph widths of the grid cells' font (the body's family at CELL_FONT_PX), measured once. */
export function cellGlyphWidths(): CellGlyphs | null {
  if (cellGlyphs === undefined) {
    const family = typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily;
    const regular = family ? measureGlyphWidths(family, CELL_FONT_PX, 400) : null;
    const bold = family ? measureGlyphWidths(family, CELL_FONT_PX, 700) : null;
    cellGlyphs = regular && bold ? { regular, bold } : null;
  }
  return cellGlyphs;
}
