/**
 * The glyph widths text-fit.ts bounds text with, measured with a canvas in the cells' font (the
 * DOM half of text-fit, apart so that one stays pure and unit-tested).
 */
import type { GlyphWidths } from './text-fit';

/**
 * Measures a font family at a size with a canvas, in bold: bold glyphs are at least as wide as
 * regular ones, so one table bounds the plain cells and the bold ones (side tags, "Liq").
 */
export function measureGlyphWidths(family: string, fontSizePx: number): GlyphWidths | null {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx || !family) return null;
  ctx.font = `700 ${fontSizePx}px ${family}`;
  const ascii: number[] = [];
  for (let c = 32; c <= 126; c++) ascii.push(ctx.measureText(String.fromCharCode(c)).width);
  if (!(ascii[33]! > 0)) return null;
  return { ascii, digit: Math.max(...ascii.slice(16, 26)), other: 2 * fontSizePx };
}

/** The cells' font size (px): `.dt-td` in trade-table.css. */
const CELL_FONT_PX = 12;

let cellGlyphs: GlyphWidths | null | undefined;

/** The glyph widths of the grid cells' font (the body's family at CELL_FONT_PX), measured once. */
export function cellGlyphWidths(): GlyphWidths | null {
  if (cellGlyphs === undefined) {
    const family = typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily;
    cellGlyphs = family ? measureGlyphWidths(family, CELL_FONT_PX) : null;
  }
  return cellGlyphs;
}
