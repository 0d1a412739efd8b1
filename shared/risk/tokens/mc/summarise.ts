import { addInto, rowQuantiles } from './fan-histogram';
import type { McBlock } from './kernel';
import { instrumentCount, type McConfig } from './model';
import { quantiles } from './select';
import { instrumentValues, joinBlocks, logHistogram, probBelow, share, stats, type McStats } from './summary';

/**
 * What a run's worker makes of its blocks once all are done, so main never touches an array the
 * size of the run: the decay-mc summary (stats, fan, histogram) or the grid's per-cell medians.
 * FLOAT64 ANALYTICS.
 */
export type McSummaryJob = { readonly kind: 'mc'; readonly histogramBins: number } | { readonly kind: 'grid' };

export const FAN_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

export interface McHistogram {
  /** Log-spaced bin edges shared by every instrument. */
  readonly edges: number[];
  /** Per instrument (tokens, margins, spot): counts per bin, and how many paths ended at 0. */
  readonly series: { readonly counts: number[]; readonly zeros: number }[];
}

export interface McSummary {
  readonly kind: 'mc';
  readonly paths: number;
  readonly perLeverage: {
    readonly leverage: number;
    readonly token: McStats & { readonly probBelowSpot: number; readonly meanRebalances: number };
    readonly margin: McStats & { readonly liquidatedShare: number };
  }[];
  readonly spot: McStats;
  /** Days sampled by the fan chart, and per instrument the FAN_QUANTILES at each (from the fan histograms). */
  readonly fan: { readonly days: number[]; readonly quantiles: number[]; readonly series: number[][][] } | null;
  readonly histogram: McHistogram | null;
}

/** cells[c] = median over config c's paths of token / spot^L, minus 1. */
export interface GridSummary {
  readonly kind: 'grid';
  readonly cells: number[];
}

export function summarise(job: McSummaryJob, configs: readonly McConfig[], taskConfigs: readonly number[], blocks: readonly McBlock[], fans: readonly (readonly (Int32Array | null)[])[]): McSummary | GridSummary {
  if (job.kind === 'grid') return summariseGrid(configs, taskConfigs, blocks);
  return summariseMc(configs[0]!, blocks, fans.map((f) => f[0] ?? null), job.histogramBins);
}

function summariseGrid(configs: readonly McConfig[], taskConfigs: readonly number[], blocks: readonly McBlock[]): GridSummary {
  const cells = configs.map((cfg, c) => {
    const j = joinBlocks(
      blocks.filter((_, i) => taskConfigs[i] === c),
      3,
    );
    const L = cfg.tokens[0]!.leverage;
    const ratio = new Float64Array(j.paths);
    for (let i = 0; i < j.paths; i += 1) ratio[i] = j.terminal[i]! / j.terminal[2 * j.paths + i]! ** L;
    return quantiles(ratio, [0.5])[0]! - 1;
  });
  return { kind: 'grid', cells };
}

function summariseMc(cfg: McConfig, blocks: readonly McBlock[], fans: readonly (Int32Array | null)[], bins: number): McSummary {
  const instruments = instrumentCount(cfg);
  const j = joinBlocks(blocks, instruments);
  const K = cfg.tokens.length;
  const spot = instrumentValues(j, 2 * K);
  const perLeverage = cfg.tokens.map((t, k) => {
    const tok = instrumentValues(j, k);
    return {
      leverage: t.leverage,
      token: { ...stats(tok), probBelowSpot: probBelow(tok, spot), meanRebalances: j.rebalances[k]! / j.paths },
      margin: { ...stats(instrumentValues(j, K + k)), liquidatedShare: share(j.liquidated.subarray(k * j.paths, (k + 1) * j.paths)) },
    };
  });
  let histogram: McHistogram | null = null;
  if (bins > 0) {
    let lo = Infinity;
    let hi = 0;
    for (const v of j.terminal) {
      if (v > 0 && v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (!(hi > lo)) hi = lo * 1.01;
    const all = Array.from({ length: instruments }, (_, i) => logHistogram(instrumentValues(j, i), lo, hi, bins));
    histogram = { edges: all[0]!.edges, series: all.map((h) => ({ counts: h.counts, zeros: h.zeros })) };
  }
  const days = cfg.checkpointDays ?? [];
  let fan: McSummary['fan'] = null;
  const parts = fans.filter((f): f is Int32Array => f !== null);
  if (days.length > 0 && parts.length > 0) {
    const total = new Int32Array(parts[0]!.length);
    for (const f of parts) addInto(total, f);
    const series = Array.from({ length: instruments }, (_, i) => days.map((_, c) => rowQuantiles(total, i * days.length + c, FAN_QUANTILES)));
    fan = { days: [...days], quantiles: [...FAN_QUANTILES], series };
  }
  return { kind: 'mc', paths: j.paths, perLeverage, spot: stats(spot), fan, histogram };
}
