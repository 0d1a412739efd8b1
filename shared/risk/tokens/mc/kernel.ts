import { fillNormals } from './normal';
import { instrumentCount, stepConstants, type McConfig } from './model';
import { marginClose, marginValue, newFloatMargin } from './margin-float';
import { nextUniform, seedRng, type RngState } from './rng';
import { close, nav, newFloatToken, walkSlow } from './token-float';

/**
 * One block of Monte Carlo paths. FLOAT64 ANALYTICS: every value is a Float64Array entry from a
 * seeded xoshiro128** stream, normalised to a start of 1; never a balance.
 * Arrays are instrument-major (tokens, then margins, then spot; see instrumentCount).
 */
export interface McBlock {
  readonly numbers: 'float64';
  readonly paths: number;
  /** terminal[instrument x paths + path]. */
  readonly terminal: Float64Array;
  /** liquidated[margin x paths + path] = 1 when that margin position was liquidated. */
  readonly liquidated: Uint8Array;
  /** Sum over the block's paths of each token's rebalance count. */
  readonly rebalances: Float64Array;
  /** checkpoints[(instrument x checkpointDays + c) x paths + path], or null when none were asked. */
  readonly checkpoints: Float64Array | null;
}

/** The block size the seed streams are cut into: block b always draws from stream b, whoever runs it. */
export const BLOCK_PATHS = 2048;

/**
 * Walks paths for one configuration. Each instrument walks the whole path in its own loop with
 * its state in locals (the JIT keeps them in registers): a daily-rule token costs a few flops per
 * vertex, a margin position two compares; threshold-rule tokens go through FloatToken, whose
 * bracket keeps most vertices at two compares.
 */
export class PathWalker {
  private readonly cpAt: Int32Array;
  private readonly nCp: number;

  constructor(private readonly cfg: McConfig) {
    // cpAt[day] = checkpoint index + 1 for a recorded day, else 0.
    this.cpAt = new Int32Array(cfg.days + 1);
    this.nCp = cfg.checkpointDays?.length ?? 0;
    (cfg.checkpointDays ?? []).forEach((d, i) => {
      if (d >= 0 && d <= cfg.days) this.cpAt[d] = i + 1;
    });
  }

  /**
   * Walks one path: prices[i] is vertex i+1 (the start price is 1), stepsPerDay vertices per day.
   * Writes the path's terminal values (and checkpoints) at column `col` of the block arrays.
   */
  walk(prices: Float64Array, col: number, paths: number, terminal: Float64Array, liquidated: Uint8Array, rebalances: Float64Array, checkpoints: Float64Array | null): void {
    const K = this.cfg.tokens.length;
    for (let k = 0; k < K; k += 1) {
      const spec = this.cfg.tokens[k]!;
      const cpRow = checkpoints ? k * this.nCp : -1;
      const tok = spec.rebalance.kind === 'daily' ? this.dailyToken(k, prices, checkpoints, cpRow, col, paths) : this.ruleToken(k, prices, checkpoints, cpRow, col, paths);
      terminal[k * paths + col] = tok.value;
      rebalances[k] = rebalances[k]! + tok.rebalances;
      const m = this.margin(k, prices, checkpoints, checkpoints ? (K + k) * this.nCp : -1, col, paths);
      terminal[(K + k) * paths + col] = m.value;
      liquidated[k * paths + col] = m.liquidated ? 1 : 0;
    }
    terminal[2 * K * paths + col] = prices[prices.length - 1]!;
    if (checkpoints) {
      const row = 2 * K * this.nCp;
      const spd = this.cfg.stepsPerDay;
      for (let day = 0; day <= this.cfg.days; day += 1) {
        const c = this.cpAt[day]! - 1;
        if (c >= 0) checkpoints[(row + c) * paths + col] = day === 0 ? 1 : prices[day * spd - 1]!;
      }
    }
  }

  /** Daily rule: NAV = v (1 + L (P/ref - 1)) through the day; at the close funding, fee, re-lever. */
  private dailyToken(k: number, prices: Float64Array, cp: Float64Array | null, cpRow: number, col: number, paths: number): { value: number; rebalances: number } {
    const spec = this.cfg.tokens[k]!;
    const L = spec.leverage;
    const F = spec.fundingPerDay;
    const m = spec.managementFeePerDay;
    const sgn = L > 0 ? 1 : -1;
    const spd = this.cfg.stepsPerDay;
    const cpAt = this.cpAt;
    const days = this.cfg.days;
    // 1 - 1/L: the fraction of the last close at which NAV reaches zero (below it for longs, above for shorts).
    const w0 = 1 - 1 / L;
    const keep = 1 - m;
    let v = 1;
    let ref = 1;
    let reb = 0;
    let i = 0;
    let day = 1;
    if (cp && cpAt[0]! > 0) cp[(cpRow + cpAt[0]! - 1) * paths + col] = 1;
    for (; day <= days; day += 1) {
      const wipe = ref * w0;
      let dead = false;
      for (let j = 0; j < spd; j += 1) {
        // NAV is linear in price, so it reaches zero exactly where price crosses `wipe`.
        if ((prices[i++]! - wipe) * sgn <= 0) dead = true;
      }
      if (dead) break;
      const p = prices[i - 1]!;
      // The day's factor depends on prices only, so the one multiply on v is the whole loop-carried
      // chain (a division on it made this loop three times slower): the move, funding on the
      // end-of-day notional L r v, then the fee.
      const r = p / ref;
      const f = (1 + L * (r - 1) - L * r * F) * keep;
      if (!(f > 0)) break;
      v *= f;
      ref = p;
      reb += 1;
      if (cp && cpAt[day]! > 0) cp[(cpRow + cpAt[day]! - 1) * paths + col] = v;
    }
    if (day <= days) {
      v = 0;
      if (cp) for (; day <= days; day += 1) if (cpAt[day]! > 0) cp[(cpRow + cpAt[day]! - 1) * paths + col] = 0;
    }
    return { value: v, rebalances: reb };
  }

  /** Threshold rules: the FloatToken walk (exact crossing prices on the linear segments). */
  private ruleToken(k: number, prices: Float64Array, cp: Float64Array | null, cpRow: number, col: number, paths: number): { value: number; rebalances: number } {
    const spec = this.cfg.tokens[k]!;
    const t = newFloatToken(spec.leverage, spec.rebalance);
    const spd = this.cfg.stepsPerDay;
    const cpAt = this.cpAt;
    if (cp && cpAt[0]! > 0) cp[(cpRow + cpAt[0]! - 1) * paths + col] = 1;
    let p = 1;
    let i = 0;
    for (let day = 1; day <= this.cfg.days; day += 1) {
      for (let j = 0; j < spd; j += 1) {
        const q = prices[i++]!;
        if (t.alive && !(q > t.lo && q < t.hi)) walkSlow(t, p, q);
        p = q;
      }
      if (t.alive) close(t, p, spec.fundingPerDay, spec.managementFeePerDay);
      if (cp && cpAt[day]! > 0) cp[(cpRow + cpAt[day]! - 1) * paths + col] = t.alive ? nav(t, p) : 0;
    }
    return { value: t.alive ? nav(t, p) : 0, rebalances: t.rebalances };
  }

  /** The static margin position: liquidated at the first vertex at or beyond its liquidation price. */
  private margin(k: number, prices: Float64Array, cp: Float64Array | null, cpRow: number, col: number, paths: number): { value: number; liquidated: boolean } {
    const spec = this.cfg.tokens[k]!;
    const m = newFloatMargin(spec.leverage, this.cfg.maintenanceMarginRate);
    const F = spec.fundingPerDay;
    const spd = this.cfg.stepsPerDay;
    const cpAt = this.cpAt;
    const long = m.side > 0;
    let lp = m.lp;
    let liq = false;
    let i = 0;
    let day = 1;
    if (cp && cpAt[0]! > 0) cp[(cpRow + cpAt[0]! - 1) * paths + col] = 1;
    for (; day <= this.cfg.days && !liq; day += 1) {
      if (long) {
        for (let j = 0; j < spd; j += 1) if (prices[i++]! <= lp) liq = true;
      } else {
        for (let j = 0; j < spd; j += 1) if (prices[i++]! >= lp) liq = true;
      }
      if (liq) break;
      const p = prices[i - 1]!;
      if (F !== 0) {
        marginClose(m, p, F);
        lp = m.lp;
        liq = m.liquidated;
      }
      if (cp && cpAt[day]! > 0) cp[(cpRow + cpAt[day]! - 1) * paths + col] = liq ? 0 : marginValue(m, p);
    }
    if (liq && cp) for (; day <= this.cfg.days; day += 1) if (cpAt[day]! > 0) cp[(cpRow + cpAt[day]! - 1) * paths + col] = 0;
    return { value: liq ? 0 : marginValue(m, prices[prices.length - 1]!), liquidated: liq };
  }
}

/** Turns standard normals into vertex prices in place: GBM, plus Merton jumps when the model has them. */
export function pricesFromNormals(cfg: McConfig, rng: RngState, buf: Float64Array): void {
  const c = stepConstants(cfg.model, cfg.stepsPerDay);
  let logS = 0;
  if (c.lambda === 0) {
    for (let i = 0; i < buf.length; i += 1) {
      logS += c.mu + c.sigma * buf[i]!;
      buf[i] = Math.exp(logS);
    }
    return;
  }
  const p0 = Math.exp(-c.lambda);
  const one = new Float64Array(1);
  for (let i = 0; i < buf.length; i += 1) {
    let x = c.mu + c.sigma * buf[i]!;
    const u = nextUniform(rng);
    if (u > p0) {
      // Poisson by inversion: almost always one jump at daily steps.
      let n = 0;
      let pk = p0;
      let cdf = p0;
      while (u > cdf && n < 1000) {
        n += 1;
        pk *= c.lambda / n;
        cdf += pk;
      }
      fillNormals(rng, one);
      x += n * c.jumpMean + c.jumpVol * Math.sqrt(n) * one[0]!;
    }
    logS += x;
    buf[i] = Math.exp(logS);
  }
}

/** Runs block `block` (paths BLOCK_PATHS x block ...) of a seeded simulation. */
export function simulateBlock(cfg: McConfig, seed: number, block: number, paths: number): McBlock {
  const K = cfg.tokens.length;
  const steps = cfg.days * cfg.stepsPerDay;
  const terminal = new Float64Array(instrumentCount(cfg) * paths);
  const liquidated = new Uint8Array(K * paths);
  const rebalances = new Float64Array(K);
  const nCp = cfg.checkpointDays?.length ?? 0;
  const checkpoints = nCp > 0 ? new Float64Array(instrumentCount(cfg) * nCp * paths) : null;
  const rng = seedRng(seed, block);
  const buf = new Float64Array(steps);
  const walker = new PathWalker(cfg);
  for (let i = 0; i < paths; i += 1) {
    fillNormals(rng, buf);
    pricesFromNormals(cfg, rng, buf);
    walker.walk(buf, i, paths, terminal, liquidated, rebalances, checkpoints);
  }
  return { numbers: 'float64', paths, terminal, liquidated, rebalances, checkpoints };
}
