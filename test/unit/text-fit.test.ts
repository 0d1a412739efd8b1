import { describe, expect, it } from 'vitest';
import { surelyFits, textWidthBound, type GlyphWidths } from '../../renderer/components/table/text-fit';

// A made-up font: every ASCII glyph 6 px except 'W' (11 px) and 'i' (3 px); digits 5..7 px.
const ascii = Array.from({ length: 95 }, (_, k) => (k + 32 === 87 ? 11 : k + 32 === 105 ? 3 : 6));
const g: GlyphWidths = { ascii, digit: 7, other: 24 };

describe('textWidthBound', () => {
  it('takes the widest digit for every digit (tabular figures)', () => {
    expect(textWidthBound('1111', g)).toBeCloseTo(4 * 7 * 1.03 + 2);
  });

  it('sums the measured widths of other ASCII characters', () => {
    expect(textWidthBound('Wi', g)).toBeCloseTo(14 * 1.03 + 2);
  });

  it('bounds characters beyond ASCII by two ems', () => {
    expect(textWidthBound('—★', g)).toBeCloseTo(48 * 1.03 + 2);
  });
});

describe('surelyFits', () => {
  it('lets short text skip the clip', () => {
    expect(surelyFits('47,218.70', 80, g)).toBe(true);
  });

  it('keeps the clip when the text may reach the edge', () => {
    // 7 digits at 7 px + ',' and '.' at 6 px = 61 -> bound 61 * 1.03 + 2 = 64.83
    expect(surelyFits('47,218.70', 64.8, g)).toBe(false);
    expect(surelyFits('47,218.70', 64.9, g)).toBe(true);
  });

  it('keeps the clip before the font is measured, and for text on several lines', () => {
    expect(surelyFits('x', 500, null)).toBe(false);
    expect(surelyFits('a\nb', 500, g)).toBe(false);
  });
});
