/**
 * Monte Carlo inputs. Everything here is FLOATING POINT (numbers, Float64Array): these are
 * distributions over thousands of paths, not balances. The exact single-path mode stays decimal
 * (simulateDecay).
 */
export type McModel =
  | { readonly type: 'gbm'; readonly drift: number; readonly volatility: number }
  | {
      readonly type: 'jump-diffusion';
      readonly drift: number;
      readonly volatility: number;
      /** Expected jumps per year (Merton). */
      readonly jumpIntensity: number;
      /** Mean of the log jump size. */
      readonly jumpMean: number;
      /** Standard deviation of the log jump size. */
      readonly jumpVolatility: number;
    };

/**
 * Same rules as the exact token (RebalanceRule), in floats; leverages signed. `rebalanceTo` is a
 * magnitude here: it takes the sign of each token's leverage (one rule serves 3x and -3x).
 */
export type McRebalance =
  | { readonly kind: 'daily' }
  | { readonly kind: 'leverage-band'; readonly maxAbsLeverage: number; readonly minAbsLeverage?: number; readonly rebalanceTo?: number; readonly targetFollow?: number; readonly daily: boolean }
  | { readonly kind: 'price-band'; readonly band: number; readonly daily: boolean };

export interface McToken {
  /** Signed target leverage (the static margin position beside it has the same leverage). */
  readonly leverage: number;
  readonly rebalance: McRebalance;
  readonly managementFeePerDay: number;
  /** Constant funding rate per day on the end-of-day notional; positive charges longs. */
  readonly fundingPerDay: number;
}

export interface McConfig {
  readonly model: McModel;
  readonly days: number;
  /** Path vertices per day; threshold rules see only these vertices (linear in between). */
  readonly stepsPerDay: number;
  readonly tokens: readonly McToken[];
  readonly maintenanceMarginRate: number;
  /** Record every instrument's value at these day indices (0 = start) for the fan chart. */
  readonly checkpointDays?: readonly number[];
}

/** Calendar convention: crypto trades every day, so a year is 365 days. drift and volatility are annual. */
export const DAYS_PER_YEAR = 365;

/** Instrument order in every block array: tokens 0..K-1, then margins 0..K-1, then spot. */
export function instrumentCount(cfg: McConfig): number {
  return cfg.tokens.length * 2 + 1;
}

/**
 * Per-step log-return constants. drift is the arithmetic annual drift: E[S_T/S_0] = exp(drift T),
 * so a token's daily-rebalanced mean is exp(L drift T) (no fees). Jumps are compensated so the
 * jump-diffusion keeps that mean.
 */
export function stepConstants(model: McModel, stepsPerDay: number): { mu: number; sigma: number; lambda: number; jumpMean: number; jumpVol: number } {
  const dt = 1 / (DAYS_PER_YEAR * stepsPerDay);
  const v = model.volatility;
  if (model.type === 'gbm') return { mu: (model.drift - (v * v) / 2) * dt, sigma: v * Math.sqrt(dt), lambda: 0, jumpMean: 0, jumpVol: 0 };
  const k = Math.exp(model.jumpMean + (model.jumpVolatility * model.jumpVolatility) / 2) - 1;
  return {
    mu: (model.drift - (v * v) / 2 - model.jumpIntensity * k) * dt,
    sigma: v * Math.sqrt(dt),
    lambda: model.jumpIntensity * dt,
    jumpMean: model.jumpMean,
    jumpVol: model.jumpVolatility,
  };
}
