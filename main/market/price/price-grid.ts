import { Dec, type DecimalString } from '#shared/money/decimal';
import { decimalsOf } from '../import/decimal-text';

/**
 * Prices of one path as integers of 10^-decimals ("units"), so that interpolating, adding noise
 * and rounding to the tick stay exact integer work; text in and text out. A path never holds a
 * price that is not on its grid, and units stay below 2^53 (checked).
 */
export class PriceGrid {
  readonly scale: number;
  /** The tick in units (1 when the grid is the tick itself). */
  readonly tickUnits: number;

  constructor(
    readonly decimals: number,
    tickSize: string,
  ) {
    if (decimals > 12) throw new RangeError(`a price grid of ${decimals} decimals is finer than Levdesk supports (12)`);
    this.scale = 10 ** decimals;
    const tick = new Dec(tickSize).mul(this.scale);
    if (!tick.isInteger() || tick.lte(0)) throw new RangeError(`tick size ${tickSize} is not a multiple of 10^-${decimals}`);
    this.tickUnits = tick.toNumber();
  }

  static forTick(tickSize: string, dataDecimals = 0): PriceGrid {
    return new PriceGrid(Math.max(decimalsOf(tickSize), dataDecimals), tickSize);
  }

  /** Exact: "20482.10" -> 2048210 at 2 decimals. Throws if the text is finer than the grid. */
  units(text: string): number {
    const d = new Dec(text).mul(this.scale);
    if (!d.isInteger()) throw new RangeError(`${text} has more than ${this.decimals} decimals`);
    const n = d.toNumber();
    if (!Number.isSafeInteger(n)) throw new RangeError(`${text} is too large for a ${this.decimals}-decimal grid`);
    return n;
  }

  /** Nearest tick to a model price (a float from a stochastic model, never a ledger value). */
  fromFloat(price: number): number {
    const ticks = Math.round((price * this.scale) / this.tickUnits);
    return Math.max(1, ticks) * this.tickUnits;
  }

  /** Nearest tick to a unit value that lies between two ticks (interpolation). */
  roundUnits(units: number): number {
    return Math.round(units / this.tickUnits) * this.tickUnits;
  }

  toFloat(units: number): number {
    return units / this.scale;
  }

  /** Units -> plain decimal text with exactly `decimals` digits after the point. */
  text(units: number): DecimalString {
    if (this.decimals === 0) return String(units) as DecimalString;
    const neg = units < 0;
    const digits = String(Math.abs(units)).padStart(this.decimals + 1, '0');
    const cut = digits.length - this.decimals;
    return `${neg ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}` as DecimalString;
  }

  dec(units: number): Dec {
    return new Dec(units).div(this.scale);
  }
}
