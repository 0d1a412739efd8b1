import { Dec, toWire, ZERO } from '#shared/money/decimal';
import { EMPTY_ANNOTATION, type JournalTrip, type TripFill } from '#shared/journal/journal-trip';
import { coinMContractSize, isCoinMargined } from '../import/contracts';

export interface TripIdentity {
  readonly source: 'paper' | 'import';
  readonly account: string;
  readonly venue: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly asset: string;
}

/** One fill's share of a trip (a one-way fill that flips the position is split in two). */
export interface FillPart {
  readonly id: string;
  readonly t: number;
  readonly side: 'buy' | 'sell';
  readonly price: Dec;
  readonly quantity: Dec;
  readonly fee: Dec;
  readonly feeAsset: string;
  /** As the venue booked it, or null to compute from the average entry. */
  readonly realizedPnl: Dec | null;
  readonly liquidation: boolean;
}

/**
 * A round trip being built, with the exchange's average-entry rule: an increase moves the entry to
 * the size-weighted average (linear), or the contract-weighted harmonic average (COIN-M inverse,
 * where PnL is in the coin); a reduction leaves the entry where it is and realises PnL against it.
 */
export class TripBuilder {
  qty = ZERO;
  private maxQty = ZERO;
  private entryQty = ZERO;
  private entryAcc = ZERO;
  private exitQty = ZERO;
  private exitAcc = ZERO;
  private realized = ZERO;
  /** The part of `realized` computed from the average entry (fills whose layout has no PnL column). */
  computedPnl = ZERO;
  private readonly fees = new Map<string, Dec>();
  readonly fills: TripFill[] = [];
  readonly orderIds = new Set<string>();
  private readonly inverse: boolean;
  private readonly contractSize: number;
  openedAt = 0;
  closedAt = 0;
  firstId = '';
  liquidated = false;

  constructor(
    readonly who: TripIdentity,
    readonly complete: boolean,
  ) {
    this.inverse = isCoinMargined(who.symbol);
    this.contractSize = this.inverse ? coinMContractSize(who.symbol) : 1;
  }

  get entryPrice(): Dec {
    if (this.entryQty.isZero()) return ZERO;
    return this.inverse ? this.entryQty.div(this.entryAcc) : this.entryAcc.div(this.entryQty);
  }

  private addFee(p: FillPart): void {
    this.fees.set(p.feeAsset, (this.fees.get(p.feeAsset) ?? ZERO).plus(p.fee));
  }

  private record(p: FillPart, effect: 'open' | 'close', pnl: Dec): void {
    if (this.fills.length === 0) {
      this.openedAt = p.t;
      this.firstId = p.id;
    }
    this.closedAt = p.t;
    if (p.liquidation) this.liquidated = true;
    this.fills.push({ t: p.t, side: p.side, price: toWire(p.price), quantity: toWire(p.quantity), fee: toWire(p.fee), feeAsset: p.feeAsset, realizedPnl: toWire(pnl), effect, liquidation: p.liquidation });
  }

  open(p: FillPart): void {
    this.entryQty = this.entryQty.plus(p.quantity);
    this.entryAcc = this.entryAcc.plus(this.inverse ? p.quantity.div(p.price) : p.quantity.times(p.price));
    this.qty = this.qty.plus(p.quantity);
    if (this.qty.gt(this.maxQty)) this.maxQty = this.qty;
    this.addFee(p);
    const pnl = p.realizedPnl ?? ZERO;
    this.realized = this.realized.plus(pnl);
    this.record(p, 'open', pnl);
  }

  close(p: FillPart): void {
    const dir = this.who.side === 'long' ? 1 : -1;
    let pnl = p.realizedPnl;
    if (pnl === null) {
      const entry = this.entryPrice;
      pnl = entry.isZero()
        ? ZERO
        : this.inverse
          ? p.quantity.times(this.contractSize).times(new Dec(1).div(entry).minus(new Dec(1).div(p.price))).times(dir)
          : p.price.minus(entry).times(p.quantity).times(dir);
      this.computedPnl = this.computedPnl.plus(pnl);
    }
    this.exitQty = this.exitQty.plus(p.quantity);
    this.exitAcc = this.exitAcc.plus(this.inverse ? p.quantity.div(p.price) : p.quantity.times(p.price));
    this.qty = Dec.max(ZERO, this.qty.minus(p.quantity));
    if (!this.complete && this.qty.isZero() && p.quantity.gt(this.maxQty)) this.maxQty = p.quantity;
    this.addFee(p);
    this.realized = this.realized.plus(pnl);
    this.record(p, 'close', pnl);
  }

  /** The finished trip (funding, insurance, stop and excursions are matched in later passes). */
  build(): JournalTrip {
    const exit = this.exitQty.isZero() ? ZERO : this.inverse ? this.exitQty.div(this.exitAcc) : this.exitAcc.div(this.exitQty);
    const feeInAsset = this.fees.get(this.who.asset) ?? ZERO;
    const feesByAsset: Record<string, ReturnType<typeof toWire>> = {};
    for (const [a, v] of [...this.fees.entries()].sort(([x], [y]) => x.localeCompare(y))) feesByAsset[a] = toWire(v);
    const w = this.who;
    return {
      id: `${w.source === 'paper' ? 'paper' : w.account}|${w.venue}|${w.symbol}|${w.side}|${this.firstId}`,
      source: w.source,
      account: w.account,
      venue: w.venue,
      symbol: w.symbol,
      side: w.side,
      asset: w.asset,
      openedAt: this.openedAt,
      closedAt: this.closedAt,
      holdingMs: Math.max(0, this.closedAt - this.openedAt),
      fillCount: this.fills.length,
      quantity: toWire(this.maxQty),
      entryPrice: toWire(this.entryPrice.toDecimalPlaces(10)),
      exitPrice: toWire(exit.toDecimalPlaces(10)),
      leverage: null,
      marginMode: null,
      fees: toWire(feeInAsset),
      feesByAsset,
      funding: '0' as JournalTrip['funding'],
      realizedPnl: toWire(this.realized),
      insuranceClear: '0' as JournalTrip['insuranceClear'],
      net: toWire(this.realized.minus(feeInAsset)),
      liquidated: this.liquidated,
      liquidationId: null,
      plannedStop: null,
      stopSource: null,
      rMultiple: null,
      maePrice: null,
      mfePrice: null,
      maePct: null,
      mfePct: null,
      maeR: null,
      mfeR: null,
      excursionSource: null,
      excursionNote: null,
      scenario: null,
      complete: this.complete,
      annotation: EMPTY_ANNOTATION,
    };
  }
}
