import type { ProfileId } from '#shared/domain/exchange';
import type { MarketTick } from '#shared/domain/market-tick';
import { Dec, ZERO, roundTo } from '#shared/money/decimal';
import type { ContractSpec } from '#shared/risk/contract-spec';
import type { ExchangeProfile } from '#shared/risk/profile';
import type { BookQuote } from '../book/walk';
import { toFloat } from '#shared/money/to-float';

/** Per-market knobs of the engine, fixed at setup (part of the scenario). */
export interface MarketConfig {
  readonly symbol: string;
  readonly profileId: ProfileId;
  /**
   * Multiplies every tick's depthScale. The crowd is a sample of the market, so the book it
   * trades against should be the same sample of the real book: 0.01 for a crowd that stands for
   * 1% of the market. 1 is the calibrated Binance BTCUSDT book.
   */
  readonly depthScale: number;
  /** Half-life of the price displacement our own orders leave in the book. */
  readonly impactHalfLifeMs: number;
}

/** Below this the displacement is snapped to zero, so the last price returns exactly to the tick's. */
const DISPLACEMENT_EPSILON = 1e-7;

/**
 * A market as the engine sees it at one moment. The tick's strings are parsed into decimals only
 * when something needs exact prices (a fill, a liquidation check), so a quiet tick costs a few
 * float comparisons: `lastF`/`markF` are always current, `last`/`mark`/`index` are lazy.
 *
 * The engine's last price is the tick's last moved by `displacement`, the impact our own orders
 * left in the book. When the tick carries the mark's components, the mark is re-derived as
 * median(price1, price2, engine last), so a liquidation cascade moves the mark only as far as
 * Binance's mark rule lets it; a stored mark series cannot feel our impact and is used as is.
 */
export class MarketState {
  tick: MarketTick | null = null;
  /** Fraction of the tick's last price (-0.02: our sells pushed the book 2% down). */
  displacement = 0;
  lastF = 0;
  markF = 0;
  lastFundingRate: Dec = ZERO;
  lastFundingT: number | null = null;
  fundingIntervalHours: number;
  /** Σ long quantity over all accounts (= Σ short quantity). */
  openInterest: Dec = ZERO;
  private lastDec: Dec | null = null;
  private markDec: Dec | null = null;
  private indexDec: Dec | null = null;

  constructor(
    readonly config: MarketConfig,
    readonly profile: ExchangeProfile,
    readonly spec: ContractSpec,
  ) {
    this.fundingIntervalHours = profile.funding.intervalHours;
  }

  get symbol(): string {
    return this.config.symbol;
  }

  hasPrices(): boolean {
    return this.tick !== null;
  }

  get last(): Dec {
    if (!this.lastDec) this.lastDec = this.tick ? new Dec(this.tick.last) : ZERO;
    return this.lastDec;
  }

  get mark(): Dec {
    if (!this.markDec) this.markDec = this.deriveMark();
    return this.markDec;
  }

  get index(): Dec {
    if (!this.indexDec) this.indexDec = this.tick ? new Dec(this.tick.index) : ZERO;
    return this.indexDec;
  }

  /** Takes a new tick: the displacement decays over the time since the previous one. */
  applyTick(tick: MarketTick): void {
    if (this.tick && this.displacement !== 0) {
      const dt = Math.max(0, tick.t - this.tick.t);
      this.displacement *= Math.pow(0.5, dt / this.config.impactHalfLifeMs);
      if (Math.abs(this.displacement) < DISPLACEMENT_EPSILON) this.displacement = 0;
    }
    this.tick = tick;
    this.refresh();
  }

  /** Restores a snapshot's tick and displacement as they were (no decay). */
  restore(tick: MarketTick | null, displacement: number): void {
    this.tick = tick;
    this.displacement = displacement;
    this.refresh();
  }

  /** Our own taker flow moved the book by `offset` (a fraction of the mid) in `direction`. */
  displace(direction: 1 | -1, offset: number): void {
    if (offset <= 0 || !this.tick) return;
    const mid = 1 + this.displacement;
    // Offsets are measured from the current (displaced) mid; keep the product form.
    this.displacement = mid * (1 + direction * offset) - 1;
    if (this.displacement <= -0.999) this.displacement = -0.999;
    this.refresh();
  }

  quote(): BookQuote {
    return this.quoteAt(this.lastF);
  }

  /**
   * The quote as it would be after `displace(direction, offset)`, without moving anything: an
   * order checks what a walk in two phases (close, then open) would cost before it fills.
   */
  quoteAfter(direction: 1 | -1, offset: number): BookQuote {
    if (offset <= 0 || !this.tick) return this.quote();
    const d = Math.max(-0.999, (1 + this.displacement) * (1 + direction * offset) - 1);
    return this.quoteAt(d === 0 ? Number(this.tick.last) : toFloat(this.displacedLast(this.tick, d)));
  }

  private displacedLast(tick: MarketTick, displacement: number): Dec {
    return Dec.max(this.spec.tickSize, roundTo(new Dec(Number(tick.last) * (1 + displacement)), this.spec.tickSize));
  }

  private quoteAt(mid: number): BookQuote {
    return {
      mid,
      halfSpread: this.tick ? this.tick.liquidity.spreadBps / 20_000 : 0,
      depthScale: (this.tick?.liquidity.depthScale ?? 1) * this.config.depthScale,
      tickSize: this.spec.tickSize,
      stepSize: this.spec.stepSize,
    };
  }

  private refresh(): void {
    const tick = this.tick;
    this.indexDec = null;
    if (!tick) return;
    if (this.displacement === 0) {
      this.lastDec = null;
      this.markDec = null;
      this.lastF = Number(tick.last);
      this.markF = Number(tick.mark);
      return;
    }
    this.lastDec = this.displacedLast(tick, this.displacement);
    this.lastF = toFloat(this.lastDec);
    this.markDec = null;
    const c = tick.markComponents;
    this.markF = c ? median3(Number(c.price1), Number(c.price2), this.lastF) : Number(tick.mark);
  }

  private deriveMark(): Dec {
    const tick = this.tick;
    if (!tick) return ZERO;
    const c = tick.markComponents;
    if (this.displacement === 0 || !c) return new Dec(tick.mark);
    const xs = [new Dec(c.price1), new Dec(c.price2), this.last].sort((a, b) => a.comparedTo(b));
    return xs[1]!;
  }
}

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
