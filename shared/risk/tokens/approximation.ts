import type { Dec } from '../../money/decimal';

/**
 * Avellaneda & Zhang (2010, SIAM J. Financial Math. 1:586-603) continuous approximation of a
 * daily-rebalanced leveraged token, adapted to perpetual funding (tokens-and-sizing.md 2):
 *
 *   V_T / V_0 = (S_T / S_0)^beta x exp(-beta x sum(funding) - fee x days + (beta - beta^2)/2 x RV)
 *
 * with RV the realised variance of daily log returns. ANALYTIC READ-OUT IN FLOATING POINT: it is
 * an approximation for the "expected drag" display, never a ledger value; the exact token is
 * simulateToken.
 */
export function avellanedaZhang(closes: readonly Dec[], beta: number, managementFeePerDay: number, fundingPerDay: number): number {
  const xs = closes.map((c) => c.toNumber());
  let rv = 0;
  for (let i = 1; i < xs.length; i += 1) {
    const r = Math.log(xs[i]! / xs[i - 1]!);
    rv += r * r;
  }
  const days = xs.length - 1;
  const ratio = xs[xs.length - 1]! / xs[0]!;
  return ratio ** beta * Math.exp(-beta * fundingPerDay * days - managementFeePerDay * days + ((beta - beta * beta) / 2) * rv);
}

/** Flat price, annual volatility sigma, horizon in years: exp((beta - beta^2) sigma^2 T / 2). Float analytic. */
export function flatPriceDecayFactor(beta: number, sigmaAnnual: number, years: number): number {
  return Math.exp(((beta - beta * beta) * sigmaAnnual * sigmaAnnual * years) / 2);
}
