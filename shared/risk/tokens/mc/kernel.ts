import { FAN_BINS, fanBin } from './fan-histogram';
import { instrumentCount, type McConfig } from './model';
import { genPath, pathConstants } from './path-gen';
import { seedRng } from './rng';
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
}

/** The block size the seed streams are cut into: block b always draws from stream b, whoever runs it. */
export const BLOCK_PATHS = 2048;

/** One path: growth[i] = prices[i] / prices[i-1] (prices[-1] = 1), stepsPerDay vertices a day. */
export interface McPath {
  readonly growth: Float64Array;
  readonly prices: Float64Array;
}

/** The growth factors of a given price path (tests walk explicit paths). */
export function pathOf(prices: Float64Array): McPath {
  const growth = new Float64Array(prices.length);
  for (let i = 0; i < prices.length; i += 1) growth[i] = prices[i]! / (i === 0 ? 1 : prices[i - 1]!);
  return { growth, prices };
}

/**
 * Walks paths for one configuration. Every instrument walks the whole path in its own loop with
 * its state in locals (the JIT keeps them in registers), all on the same path. A daily-rule token
 * at one step a day is a multiply-add and a multiply per step on the shared growth factors; a
 * margin position a compare; threshold rules go through FloatToken, whose bracket keeps most
 * vertices at two compares. Checkpoint values go into a fan histogram (fan-histogram.ts), rows
 * instrument x checkpoint.
 */
export class PathWalker {
  /** cpAt[day] = checkpoint index + 1 for a recorded day, else 0. */
  private readonly cpAt: Int32Array;
  private readonly nCp: number;

  constructor(private readonly cfg: McConfig) {
    this.cpAt = new Int32Array(cfg.days + 1);
    this.nCp = cfg.checkpointDays?.length ?? 0;
    (cfg.checkpointDays ?? []).forEach((d, i) => {
      if (d >= 0 && d <= cfg.days) this.cpAt[d] = i + 1;
    });
  }

  /** Rows the fan histogram needs (instrument x checkpoint). */
  fanRows(): number {
    return instrumentCount(this.cfg) * this.nCp;
  }

  /** Walks one path; writes its terminal values at column `col` of the block arrays and its checkpoints into `fan`. */
  walk(path: McPath, col: number, paths: number, terminal: Float64Array, liquidated: Uint8Array, rebalances: Float64Array, fan: Int32Array | null): void {
    const K = this.cfg.tokens.length;
    const nCp = fan ? this.nCp : 0;
    for (let k = 0; k < K; k += 1) {
      const daily = this.cfg.tokens[k]!.rebalance.kind === 'daily';
      const cpRow = k * nCp;
      let reb: number;
      if (daily && this.cfg.stepsPerDay === 1) reb = this.dailyToken1(k, path.growth, fan, cpRow, terminal, k * paths + col);
      else if (daily) reb = this.dailyTokenN(k, path.prices, fan, cpRow, terminal, k * paths + col);
      else reb = this.ruleToken(k, path.prices, fan, cpRow, terminal, k * paths + col);
      rebalances[k] = rebalances[k]! + reb;
      liquidated[k * paths + col] = this.margin(k, path.prices, fan, (K + k) * nCp, terminal, (K + k) * paths + col);
    }
    const prices = path.prices;
    terminal[2 * K * paths + col] = prices[prices.length - 1]!;
    if (fan && nCp > 0) {
      const row = 2 * K * nCp;
      const spd = this.cfg.stepsPerDay;
      for (let day = 0; day <= this.cfg.days; day += 1) {
        const c = this.cpAt[day]!;
        if (c !== 0) fan[(row + c - 1) * FAN_BINS + fanBin(day === 0 ? 1 : prices[day * spd - 1]!)]! += 1;
      }
    }
  }

  /** Records value v of the instrument whose first fan row is cpRow at day `day`, if that day is a checkpoint. */
  private record(fan: Int32Array | null, cpRow: number, day: number, v: number): void {
    const c = this.cpAt[day]!;
    if (fan && c !== 0) fan[(cpRow + c - 1) * FAN_BINS + fanBin(v)]! += 1;
  }

  /** Zero from day `from` on (wiped or liquidated). */
  private recordZeros(fan: Int32Array | null, cpRow: number, from: number): void {
    if (fan) for (let day = from; day <= this.cfg.days; day += 1) this.record(fan, cpRow, day, 0);
  }

  /**
   * Daily rule, one step a day: the day's factor on NAV is (1 + L(g - 1) - L g F)(1 - m) =
   * a + b g (the move, funding on the end-of-day notional, the fee), so NAV is one multiply-add
   * and one multiply a day, with no division and no exp. NAV reaches zero inside the day exactly
   * when 1 + L(g - 1) <= 0 (it is linear in price). Returns the rebalances (days survived).
   */
  private dailyToken1(k: number, g: Float64Array, fan: Int32Array | null, cpRow: number, terminal: Float64Array, at: number): number {
    const spec = this.cfg.tokens[k]!;
    const L = spec.leverage;
    const keep = 1 - spec.managementFeePerDay;
    const c0 = 1 - L;
    const a = c0 * keep;
    const b = L * (1 - spec.fundingPerDay) * keep;
    const days = this.cfg.days;
    const cpAt = this.cpAt;
    let v = 1;
    let day = 0;
    if (fan === null) {
      for (; day < days; day += 1) {
        const r = g[day]!;
        const f = a + b * r;
        if (!(c0 + L * r > 0 && f > 0)) break;
        v *= f;
      }
    } else {
      this.record(fan, cpRow, 0, 1);
      for (; day < days; day += 1) {
        const r = g[day]!;
        const f = a + b * r;
        if (!(c0 + L * r > 0 && f > 0)) break;
        v *= f;
        if (cpAt[day + 1] !== 0) this.record(fan, cpRow, day + 1, v);
      }
    }
    if (day < days) {
      v = 0;
      this.recordZeros(fan, cpRow, day + 1);
    }
    terminal[at] = v;
    return day;
  }

  /** Daily rule with several vertices a day: wiped if any vertex crosses ref (1 - 1/L); the close as dailyToken1. */
  private dailyTokenN(k: number, prices: Float64Array, fan: Int32Array | null, cpRow: number, terminal: Float64Array, at: number): number {
    const spec = this.cfg.tokens[k]!;
    const L = spec.leverage;
    const keep = 1 - spec.managementFeePerDay;
    const a = (1 - L) * keep;
    const b = L * (1 - spec.fundingPerDay) * keep;
    const sgn = L > 0 ? 1 : -1;
    const spd = this.cfg.stepsPerDay;
    const days = this.cfg.days;
    const w0 = 1 - 1 / L;
    let v = 1;
    let ref = 1;
    let i = 0;
    let day = 1;
    this.record(fan, cpRow, 0, 1);
    for (; day <= days; day += 1) {
      const wipe = ref * w0;
      let dead = false;
      for (let j = 0; j < spd; j += 1) if ((prices[i++]! - wipe) * sgn <= 0) dead = true;
      if (dead) break;
      const p = prices[i - 1]!;
      const f = a + (b * p) / ref;
      if (!(f > 0)) break;
      v *= f;
      ref = p;
      this.record(fan, cpRow, day, v);
    }
    const survived = day - 1;
    if (day <= days) {
      v = 0;
      this.recordZeros(fan, cpRow, day);
    }
    terminal[at] = v;
    return survived;
  }

  /** Threshold rules: the FloatToken walk (exact crossing prices on the linear segments). */
  private ruleToken(k: number, prices: Float64Array, fan: Int32Array | null, cpRow: number, terminal: Float64Array, at: number): number {
    const spec = this.cfg.tokens[k]!;
    const t = newFloatToken(spec.leverage, spec.rebalance);
    const spd = this.cfg.stepsPerDay;
    this.record(fan, cpRow, 0, 1);
    let p = 1;
    let i = 0;
    for (let day = 1; day <= this.cfg.days; day += 1) {
      for (let j = 0; j < spd; j += 1) {
        const q = prices[i++]!;
        if (t.alive && !(q > t.lo && q < t.hi)) walkSlow(t, p, q);
        p = q;
      }
      if (t.alive) close(t, p, spec.fundingPerDay, spec.managementFeePerDay);
      this.record(fan, cpRow, day, t.alive ? nav(t, p) : 0);
    }
    terminal[at] = t.alive ? nav(t, p) : 0;
    return t.rebalances;
  }

  /**
   * The static margin position (the float twin of simulateMarginPosition): |L| x a capital of 1 opened at 1,
   * isolated, liquidated the first time a vertex touches the liquidation price; funding comes out
   * of the isolated margin at each close and moves the liquidation price. Returns 1 if liquidated.
   */
  private margin(k: number, prices: Float64Array, fan: Int32Array | null, cpRow: number, terminal: Float64Array, at: number): number {
    const spec = this.cfg.tokens[k]!;
    const mmr = this.cfg.maintenanceMarginRate;
    const F = spec.fundingPerDay;
    const q = Math.abs(spec.leverage);
    const long = spec.leverage > 0;
    const side = long ? 1 : -1;
    const spd = this.cfg.stepsPerDay;
    const days = this.cfg.days;
    const den = long ? q * (1 - mmr) : q * (1 + mmr);
    let wallet = 1;
    let lp = liqPrice(long, q, den, wallet);
    let liq = false;
    let i = 0;
    let day = 1;
    this.record(fan, cpRow, 0, 1);
    for (; day <= days; day += 1) {
      if (long) {
        for (let j = 0; j < spd; j += 1) if (prices[i++]! <= lp) liq = true;
      } else {
        for (let j = 0; j < spd; j += 1) if (prices[i++]! >= lp) liq = true;
      }
      if (liq) break;
      const p = prices[i - 1]!;
      if (F !== 0) {
        wallet -= q * p * F * side;
        lp = liqPrice(long, q, den, wallet);
        if (!(wallet > 0) || (long ? p <= lp : p >= lp)) {
          liq = true;
          break;
        }
      }
      if (fan) this.record(fan, cpRow, day, wallet + q * (p - 1) * side);
    }
    if (liq) {
      this.recordZeros(fan, cpRow, day);
      terminal[at] = 0;
      return 1;
    }
    terminal[at] = wallet + q * (prices[prices.length - 1]! - 1) * side;
    return 0;
  }
}

/** Isolated liquidation price with no maintenance amount; none (+-Infinity) when the margin covers any move. */
function liqPrice(long: boolean, q: number, den: number, wallet: number): number {
  const lp = long ? (q - wallet) / den : (q + wallet) / den;
  return lp > 0 ? lp : long ? -Infinity : Infinity;
}

/** The vertex prices of one path of a model (the exact mode's synthetic path: the same generator as the Monte Carlo). */
export function modelPrices(cfg: Pick<McConfig, 'model' | 'days' | 'stepsPerDay'>, seed: number, stream: number): Float64Array {
  const n = cfg.days * cfg.stepsPerDay;
  const prices = new Float64Array(n);
  genPath(seedRng(seed, stream), pathConstants(cfg.model, cfg.stepsPerDay), new Float64Array(n), prices);
  return prices;
}

/**
 * Runs block `block` (BLOCK_PATHS x block ...) of a seeded simulation. Checkpoint values are added
 * into `fan` (rows = PathWalker.fanRows()) when given.
 */
export function simulateBlock(cfg: McConfig, seed: number, block: number, paths: number, fan: Int32Array | null = null): McBlock {
  const K = cfg.tokens.length;
  const steps = cfg.days * cfg.stepsPerDay;
  const terminal = new Float64Array(instrumentCount(cfg) * paths);
  const liquidated = new Uint8Array(K * paths);
  const rebalances = new Float64Array(K);
  const rng = seedRng(seed, block);
  const path: McPath = { growth: new Float64Array(steps), prices: new Float64Array(steps) };
  const consts = pathConstants(cfg.model, cfg.stepsPerDay);
  const walker = new PathWalker(cfg);
  for (let i = 0; i < paths; i += 1) {
    genPath(rng, consts, path.growth, path.prices);
    walker.walk(path, i, paths, terminal, liquidated, rebalances, fan);
  }
  return { numbers: 'float64', paths, terminal, liquidated, rebalances };
}
