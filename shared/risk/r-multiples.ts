import type { Side } from '../domain/exchange';
import { Dec, ZERO } from '../money/decimal';
import { RiskInputError } from './errors';
import { sideSign } from './margin';

/** 1R per unit: the distance from entry to the initial stop (Van Tharp). */
export function initialRisk(entry: Dec, stop: Dec): Dec {
  const r = entry.minus(stop).abs();
  if (!r.gt(0)) throw new RiskInputError('stop', 'must differ from the entry (1R would be zero)');
  return r;
}

/** Result in R = s x (exit - entry) / |entry - stop|: entry 100, stop 90, exit 120 -> 2R. */
export function rMultiple(side: Side, entry: Dec, stop: Dec, exit: Dec): Dec {
  return exit.minus(entry).mul(sideSign(side)).div(initialRisk(entry, stop));
}

/** The price at which a trade is worth `r` R: entry + s x r x |entry - stop|. */
export function priceAtR(side: Side, entry: Dec, stop: Dec, r: Dec): Dec {
  return entry.plus(initialRisk(entry, stop).mul(r).mul(sideSign(side)));
}

export interface Expectancy {
  readonly count: number;
  /** Mean R per trade. */
  readonly expectancy: Dec;
  readonly winRate: Dec;
  readonly averageWin: Dec | null;
  readonly averageLoss: Dec | null;
}

/** Expectancy is the mean R: -1, 3, -1, -1, 2, 3 -> 0.8333R (Van Tharp Institute). */
export function expectancy(results: readonly Dec[]): Expectancy {
  if (results.length === 0) throw new RiskInputError('results', 'needs at least one trade');
  let sum = ZERO;
  let wins = ZERO;
  let losses = ZERO;
  let nWin = 0;
  let nLoss = 0;
  for (const r of results) {
    sum = sum.plus(r);
    if (r.gt(0)) {
      wins = wins.plus(r);
      nWin += 1;
    } else if (r.lt(0)) {
      losses = losses.plus(r);
      nLoss += 1;
    }
  }
  const n = new Dec(results.length);
  return {
    count: results.length,
    expectancy: sum.div(n),
    winRate: new Dec(nWin).div(n),
    averageWin: nWin > 0 ? wins.div(nWin) : null,
    averageLoss: nLoss > 0 ? losses.div(nLoss) : null,
  };
}
