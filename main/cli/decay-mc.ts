import { DecayMcInputSchema, type DecayMcInput } from '#shared/domain/decay-mc';
import { mcRule } from '../analytics/decay/mc-rule';
import { runDecayMonteCarlo } from '../analytics/decay/monte-carlo';
import { jsonCommand } from './json-command';

export function mcRunInput(doc: DecayMcInput) {
  return {
    model: doc.model,
    days: doc.days,
    stepsPerDay: doc.stepsPerDay,
    paths: doc.paths,
    seed: doc.seed,
    maintenanceMarginRate: doc.maintenanceMarginRate,
    tokens: doc.leverages.map((leverage) => ({ leverage, rebalance: mcRule(doc.rebalance), managementFeePerDay: doc.fees.managementFeePerDay, fundingPerDay: doc.fees.fundingPerDay })),
  };
}

const HELP = `levdesk decay-mc [file.json]  -  Monte Carlo: leveraged tokens vs margin positions vs spot over N paths

Floating point (Float64Array) from a seeded xoshiro128** generator, on worker threads: these are
distributions, not balances (levdesk decay is the exact decimal single path). Same seed, same output.

Input (numbers, or numeric strings):
  model          { "type": "gbm", "drift", "volatility" } or { "type": "jump-diffusion", "drift",
                 "volatility", "jumpIntensity" (jumps/year), "jumpMean", "jumpVolatility" (of the log
                 jump) }. drift and volatility are annual (365-day years); drift is arithmetic:
                 E[S_T/S_0] = exp(drift x T), jumps compensated so the mean holds
  days           horizon in days (1..3650)
  stepsPerDay    path vertices per day (default 1); threshold rules see only these vertices
  paths          number of paths
  seed           integer (default 1); paths are cut into blocks of 2048, block b drawing from stream b
  leverages      signed target leverages, e.g. [3, -3]; a static margin position of each beside it
  rebalance      "daily" (default) or as in levdesk decay: { "maxAbsLeverage", "minAbsLeverage"?,
                 "rebalanceTo"? (a magnitude: each token rebalances to it on its own side),
                 "targetFollow"?, "daily" } or { "priceBand", "daily" }
  fees           { "managementFeePerDay", "fundingPerDay" } as in levdesk decay (default 0)
  maintenanceMarginRate   of the margin positions (default 0.004)

Output (values normalised to a start of 1):
  perLeverage    [{ leverage, token { mean, median, p05, p95, probBelowSpot, standardError,
                 meanRebalances }, margin { liquidatedShare, median, mean, p05, p95 } }]
  spot           { mean, median, p05, p95 }
  pathsPerSecond simulated paths per second of wall time once the worker threads were up
  numbers        "float64-monte-carlo"
`;

export const decayMcCommand = jsonCommand({
  name: 'decay-mc',
  summary: 'Monte Carlo (GBM / jump-diffusion) of leveraged tokens vs margin positions vs spot, on worker threads',
  help: HELP,
  input: DecayMcInputSchema,
  async run(doc) {
    const r = await runDecayMonteCarlo(mcRunInput(doc));
    return {
      numbers: r.numbers,
      paths: r.paths,
      perLeverage: r.perLeverage.map((p) => ({
        leverage: p.leverage,
        token: { mean: p.token.mean, median: p.token.median, p05: p.token.p05, p95: p.token.p95, probBelowSpot: p.token.probBelowSpot, standardError: p.token.standardError, meanRebalances: p.token.meanRebalances },
        margin: { liquidatedShare: p.margin.liquidatedShare, median: p.margin.median, mean: p.margin.mean, p05: p.margin.p05, p95: p.margin.p95 },
      })),
      spot: { mean: r.spot.mean, median: r.spot.median, p05: r.spot.p05, p95: r.spot.p95 },
      pathsPerSecond: Math.round(r.pathsPerSecond),
    };
  },
});
