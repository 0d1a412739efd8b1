import type { Side } from '#shared/domain/exchange';
import type { Dec } from '#shared/money/decimal';
import type { AccountId } from '../model/ids';
import { TriggerHeap } from './trigger-heap';

/** Liquidation and bankruptcy prices of one position, from the risk core, cached until it changes. */
export interface RiskEntry {
  readonly account: AccountId;
  readonly symbol: string;
  readonly side: Side;
  readonly liquidation: Dec | null;
  readonly bankruptcy: Dec | null;
  /** binary64 copies for rankings (ADL, the market table), taken when the position changed. */
  readonly qtyF: number;
  readonly entryF: number;
  readonly bankruptcyF: number | null;
  /**
   * The market's funding epoch when this entry was solved. An older epoch means a funding
   * settlement has changed the margin since (see fundingSettled): the decimals are stale and the
   * heap key was moved conservatively toward the mark; the entry is re-solved when nominated.
   */
  readonly epoch: number;
}

export function positionKey(account: AccountId, symbol: string): string {
  return `${account}|${symbol}`;
}

/**
 * Where every position liquidates, sorted, so a tick asks one question per side: has the mark
 * reached the highest long liquidation price or the lowest short one? A position's entry changes
 * only when its account changes (a fill, a deposit, funding), never on a tick.
 *
 * Cross accounts with positions in several symbols cannot be indexed by one price (each
 * position's liquidation price moves with the others' marks); they are listed in `multiCross`
 * and checked exactly on each tick of the symbols they hold. A cross account with one position
 * (every crowd trader) has a fixed liquidation price and sits in the heaps like an isolated one.
 */
export class LiquidationIndex {
  private readonly longs = new Map<string, TriggerHeap>();
  private readonly shorts = new Map<string, TriggerHeap>();
  readonly entries = new Map<string, RiskEntry>();
  /** The same entries by symbol and account (rankings walk one market without building keys). */
  private readonly bySymbol = new Map<string, Map<AccountId, RiskEntry>>();
  private readonly multi = new Map<AccountId, ReadonlySet<string>>();
  private readonly multiBySymbol = new Map<string, Set<AccountId>>();
  /** Positions liquidatable whatever the price (an isolated margin that funding used up), by symbol. */
  private readonly forced = new Map<string, Set<string>>();
  private readonly epochs = new Map<string, number>();
  /**
   * Told the account and symbol of every entry set or removed, so an observer (the heatmap's
   * recorder) follows position changes without scanning 100,000 entries per tick. Not state:
   * never serialised, and a restored engine starts without one.
   */
  onChange: ((account: AccountId, symbol: string) => void) | null = null;

  set(entry: RiskEntry, indexed: boolean, forced = false): void {
    const key = positionKey(entry.account, entry.symbol);
    this.onChange?.(entry.account, entry.symbol);
    this.entries.set(key, entry);
    this.symbolEntries(entry.symbol).set(entry.account, entry);
    this.forcedIn(entry.symbol)[forced ? 'add' : 'delete'](key);
    const heap = this.heap(entry.symbol, entry.side);
    this.other(entry.symbol, entry.side).remove(key);
    if (indexed && entry.liquidation !== null) heap.set(key, entry.liquidation.toNumber());
    else heap.remove(key);
  }

  epochOf(symbol: string): number {
    return this.epochs.get(symbol) ?? 0;
  }

  isStale(e: RiskEntry): boolean {
    return e.epoch < this.epochOf(e.symbol);
  }

  /**
   * A funding settlement: every payer on `payers`' side lost paid = q × mark × |rate| (to the
   * 8-decimal rounding), so its liquidation price moved toward the mark by paid / (q × slope),
   * where slope = d(balance − requirement)/dP per unit ≥ 1 − mmr − fee > 0.25 for every linear
   * formula (mmr ≤ 50% in every table, fees far below 1%). Moving the whole side's heap by
   * 4 × mark × |rate| (plus a hair for rounding) is never too little, and takes O(1): positions are
   * nominated no later than an exact index would nominate them. The receivers only moved away.
   * Every entry of the market becomes stale (older epoch) and is re-solved exactly when nominated
   * or ranked, so nothing is decided on stale numbers and behaviour equals an eager re-solve.
   */
  fundingSettled(symbol: string, payers: Side | 'none', markF: number, rateAbs: number): void {
    this.epochs.set(symbol, this.epochOf(symbol) + 1);
    if (payers === 'none') return;
    const delta = 4 * markF * rateAbs + markF * 1e-9;
    this.heap(symbol, payers).shiftAll(payers === 'long' ? delta : -delta);
  }

  remove(account: AccountId, symbol: string): void {
    const key = positionKey(account, symbol);
    if (this.entries.has(key)) this.onChange?.(account, symbol);
    this.entries.delete(key);
    this.bySymbol.get(symbol)?.delete(account);
    this.forced.get(symbol)?.delete(key);
    this.longs.get(symbol)?.remove(key);
    this.shorts.get(symbol)?.remove(key);
  }

  get(account: AccountId, symbol: string): RiskEntry | undefined {
    return this.bySymbol.get(symbol)?.get(account);
  }

  symbolEntries(symbol: string): Map<AccountId, RiskEntry> {
    let m = this.bySymbol.get(symbol);
    if (!m) this.bySymbol.set(symbol, (m = new Map()));
    return m;
  }

  forcedIn(symbol: string): Set<string> {
    let set = this.forced.get(symbol);
    if (!set) this.forced.set(symbol, (set = new Set()));
    return set;
  }

  /** Declares which symbols an account's multi-symbol cross book spans (empty set: none). */
  setMultiCross(account: AccountId, symbols: ReadonlySet<string>): void {
    const before = this.multi.get(account);
    if (before) for (const s of before) this.multiBySymbol.get(s)?.delete(account);
    if (symbols.size < 2) {
      this.multi.delete(account);
      return;
    }
    this.multi.set(account, symbols);
    for (const s of symbols) {
      let set = this.multiBySymbol.get(s);
      if (!set) this.multiBySymbol.set(s, (set = new Set()));
      set.add(account);
    }
  }

  isMultiCross(account: AccountId): boolean {
    return this.multi.has(account);
  }

  multiCrossIn(symbol: string): readonly AccountId[] {
    const set = this.multiBySymbol.get(symbol);
    return set ? [...set].sort() : [];
  }

  /** The heap of a side: longs fire when the mark falls to their price, shorts when it rises. */
  heap(symbol: string, side: Side): TriggerHeap {
    const map = side === 'long' ? this.longs : this.shorts;
    let h = map.get(symbol);
    if (!h) map.set(symbol, (h = new TriggerHeap(side === 'long' ? 'desc' : 'asc')));
    return h;
  }

  private other(symbol: string, side: Side): TriggerHeap {
    return this.heap(symbol, side === 'long' ? 'short' : 'long');
  }

  clear(): void {
    this.longs.clear();
    this.shorts.clear();
    this.entries.clear();
    this.bySymbol.clear();
    this.multi.clear();
    this.multiBySymbol.clear();
    this.forced.clear();
    this.epochs.clear();
  }
}
