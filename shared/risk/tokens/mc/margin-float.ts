/**
 * The static margin position in floating point, the same rules as the exact
 * simulateMarginPosition: |L| x a capital of 1 opened once at the start price (normalised to 1),
 * isolated, liquidated (value 0) the first time a path vertex touches the liquidation price;
 * funding comes out of the isolated margin at each close and moves the liquidation price.
 */
export interface FloatMargin {
  wallet: number;
  lp: number;
  liquidated: boolean;
  readonly q: number;
  readonly side: number;
  readonly mmr: number;
}

function liqPrice(m: FloatMargin): number {
  if (m.side > 0) {
    const lp = (m.q - m.wallet) / (m.q * (1 - m.mmr));
    return lp > 0 ? lp : -Infinity;
  }
  const lp = (m.q + m.wallet) / (m.q * (1 + m.mmr));
  return lp > 0 ? lp : Infinity;
}

export function newFloatMargin(leverage: number, mmr: number): FloatMargin {
  const m: FloatMargin = { wallet: 1, lp: 0, liquidated: false, q: Math.abs(leverage), side: leverage > 0 ? 1 : -1, mmr };
  m.lp = liqPrice(m);
  return m;
}

export function touches(m: FloatMargin, p: number): boolean {
  return m.side > 0 ? p <= m.lp : p >= m.lp;
}

export function marginClose(m: FloatMargin, p: number, fundingPerDay: number): void {
  m.wallet -= m.q * p * fundingPerDay * m.side;
  m.lp = liqPrice(m);
  if (!(m.wallet > 0) || touches(m, p)) m.liquidated = true;
}

export function marginValue(m: FloatMargin, p: number): number {
  return m.liquidated ? 0 : m.wallet + m.q * (p - 1) * m.side;
}
