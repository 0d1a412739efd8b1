import { z } from 'zod';
import { Dec } from '#shared/money/decimal';
import { MAX_PATH_POINTS, pathFromDailyPrices, pathFromIntraday, pathTooLongMessage, simulateDecay, type RebalanceRule } from '#shared/risk/index';
import { withStoredSeries } from './decay-series';
import { jsonCommand } from './json-command';
import { out, outFloat, outOrNull, positive, rate, decimal } from './risk-fields';

/** The comparator's values are normalised to a capital of 1 and printed to 10 dp (tokens-and-sizing.md 2). */
const DP = 10;

const Rebalance = z.union([
  z.literal('daily'),
  z.strictObject({
    maxAbsLeverage: positive,
    minAbsLeverage: positive.optional(),
    rebalanceTo: decimal.optional(),
    targetFollow: rate.optional(),
    daily: z.boolean(),
  }),
  z.strictObject({
    priceBand: positive.refine((x) => x.lt(1), { message: 'must be a fraction below 1 (0.15 = 15%)' }),
    daily: z.boolean(),
  }),
]);

const DecayInput = z
  .strictObject({
    leverage: decimal.refine((x) => !x.isZero(), { message: 'must not be zero (negative for inverse tokens)' }),
    dailyPrices: z.array(positive).min(2, { message: 'needs a start price and at least one close' }).optional(),
    intradayPath: z.array(z.array(positive).min(2, { message: 'a day needs its open and its close' })).min(1).optional(),
    rebalance: Rebalance.default('daily'),
    fees: z.strictObject({ managementFeePerDay: rate.optional(), fundingPerDay: decimal.optional(), fundingByDay: z.array(decimal).max(100_000).optional() }).optional(),
    maintenanceMarginRate: rate.default(new Dec('0.004')),
  })
  .superRefine((doc, ctx) => {
    if ((doc.dailyPrices === undefined) === (doc.intradayPath === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['dailyPrices'], message: 'give exactly one of dailyPrices and intradayPath' });
    }
    if (doc.dailyPrices && doc.dailyPrices.length > MAX_PATH_POINTS) {
      ctx.addIssue({ code: 'custom', path: ['dailyPrices'], message: pathTooLongMessage(doc.dailyPrices.length, false) });
    }
    const vertices = doc.intradayPath?.reduce((sum, day) => sum + day.length, 0) ?? 0;
    if (vertices > MAX_PATH_POINTS) ctx.addIssue({ code: 'custom', path: ['intradayPath'], message: pathTooLongMessage(vertices, true) });
    const r = doc.rebalance;
    if (typeof r === 'object' && 'maxAbsLeverage' in r && !r.maxAbsLeverage.gt((r.rebalanceTo ?? doc.leverage).abs())) {
      ctx.addIssue({ code: 'custom', path: ['rebalance', 'maxAbsLeverage'], message: 'must be above the target leverage' });
    }
    // Refused rather than taken by magnitude: a sign that disagrees is more likely a typo than intent.
    if (typeof r === 'object' && 'maxAbsLeverage' in r && r.rebalanceTo && (r.rebalanceTo.isZero() || r.rebalanceTo.isNeg() !== doc.leverage.isNeg())) {
      ctx.addIssue({ code: 'custom', path: ['rebalance', 'rebalanceTo'], message: `must have the sign of leverage (${doc.leverage.toFixed()}) and not be zero` });
    }
  });

function rule(r: z.output<typeof Rebalance>): RebalanceRule {
  if (r === 'daily') return { kind: 'daily' };
  if ('priceBand' in r) return { kind: 'price-band', band: r.priceBand, daily: r.daily };
  return {
    kind: 'leverage-band',
    maxAbsLeverage: r.maxAbsLeverage,
    daily: r.daily,
    ...(r.minAbsLeverage ? { minAbsLeverage: r.minAbsLeverage } : {}),
    ...(r.rebalanceTo ? { rebalanceTo: r.rebalanceTo } : {}),
    ...(r.targetFollow ? { targetFollow: r.targetFollow } : {}),
  };
}

const HELP = `levdesk decay [file.json]  -  a leveraged token vs a static margin position vs spot along a path

Input (decimals as strings or numbers):
  leverage        target leverage, signed: 3 for a 3x long token, -3 for a 3x short (BEAR)
  dailyPrices     [start, close1, close2, ...]; each day moves linearly from the previous close
                  (at most 100,000 prices; an intradayPath at most 100,000 vertices in all)
  intradayPath    per day, the vertices from open to close: [[open, ..., close], ...]; a day whose
                  open differs from the previous close gaps to it (no rebalance inside a gap)
                  (give exactly one of dailyPrices and intradayPath)
  rebalance       "daily" (default): back to target at each close; or
                  { "maxAbsLeverage", "minAbsLeverage"?, "rebalanceTo"?, "targetFollow"?, "daily" }:
                  when |leverage| reaches maxAbsLeverage (FTX: 4) or falls to minAbsLeverage
                  (Bybit: 2), at the exact crossing price, to rebalanceTo (default: leverage; same
                  sign as leverage, a short token stays short), plus the daily close rebalance
                  when daily is true (FTX did both). targetFollow (fraction in [0, 1), default 0)
                  makes the target variable - our model of Binance's need-based band: a band
                  rebalance goes to |target| + targetFollow x (|leverage reached| - |target|); or
                  { "priceBand", "daily" }: when price moves priceBand (0.15 = 15%) from the last
                  rebalance price
  fees            { managementFeePerDay (fraction of NAV, e.g. 0.0003), fundingPerDay (rate on the
                  end-of-day notional; positive charges longs and pays shorts),
                  fundingByDay? [rate of day 1, day 2, ...] (past its end: fundingPerDay) }
  maintenanceMarginRate   of the static margin position (default 0.004); no maintenance amount

Order at each close: funding on the end-of-day notional, then the management fee, then the re-lever.

Output (values normalised to a starting capital of 1, 10 dp):
  token        { valueEnd, path (start and each close), rebalances, wipedOutDay }
  margin       { valueEnd, liquidated, liquidatedDay, liquidationPrice } - isolated, |leverage| x
               capital opened once; 0 from the first vertex that touches its liquidation price
  spot         { valueEnd }
  approximation { valueEnd, kind: "float-analytic" } - Avellaneda-Zhang on the daily closes,
               computed in floating point: a read-out of the expected drag, not an exact value
`;

export const decayCommand = withStoredSeries(jsonCommand({
  name: 'decay',
  summary: 'leveraged token (daily or threshold rebalancing) vs margin position vs spot on a path',
  help: HELP,
  input: DecayInput,
  run(doc) {
    const path = doc.dailyPrices ? pathFromDailyPrices(doc.dailyPrices) : pathFromIntraday(doc.intradayPath!);
    const r = simulateDecay({
      leverage: doc.leverage,
      path,
      rebalance: rule(doc.rebalance),
      costs: {
        ...(doc.fees?.managementFeePerDay ? { managementFeePerDay: doc.fees.managementFeePerDay } : {}),
        ...(doc.fees?.fundingPerDay ? { fundingPerDay: doc.fees.fundingPerDay } : {}),
        ...(doc.fees?.fundingByDay ? { fundingByDay: doc.fees.fundingByDay } : {}),
      },
      maintenanceMarginRate: doc.maintenanceMarginRate,
    });
    return {
      token: {
        valueEnd: out(r.token.valueEnd, DP),
        path: r.token.path.map((v) => out(v, DP)),
        rebalances: r.token.rebalances,
        wipedOutDay: r.token.wipedOutDay,
      },
      margin: {
        valueEnd: out(r.margin.valueEnd, DP),
        liquidated: r.margin.liquidated,
        liquidatedDay: r.margin.liquidatedDay,
        liquidationPrice: outOrNull(r.margin.liquidationPrice, DP),
      },
      spot: { valueEnd: out(r.spot.valueEnd, DP) },
      approximation: { valueEnd: outFloat(r.approximation.valueEnd, DP), kind: r.approximation.kind },
    };
  },
}));
