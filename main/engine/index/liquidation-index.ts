import type { Side } from '#shared/domain/exchange';
import { Dec } from '#shared/money/decimal';
import type { AccountId } from '../model/ids';
import { TriggerHeap, type HeapData, type HeapSource } from './trigger-heap';

/**
 * The whole liquidation index as plain JSON data, written next to an engine snapshot so a restore
 * need not solve every liquidation price again (issue 10, item 8). Derived data: not part of the
 * state hash; a restore without it solves everything (same behaviour, slower).
 */
export interface LiquidationIndexData {
  readonly format: 1;
  /** [account, symbol, side, liquidation, bankruptcy, qtyF, entryF, bankruptcyF, epoch] */
  readonly entries: ReadonlyArray<readonly [string, string, Side, string | null, string | null, number, number, number | null, number]>;
  readonly heaps: ReadonlyArray<{ readonly symbol: string; readonly side: Side; readonly heap: HeapData }>;
  readonly epochs: ReadonlyArray<readonly [string, number]>;
  readonly forced: ReadonlyArray<readonly [string, readonly string[]]>;
  readonly multi: ReadonlyArray<readonly [string, readonly string[]]>;
}

/** LiquidationIndexData whose entries and heap items are read once, in order (a reopen streams them). */
export interface LiquidationIndexSource extends Omit<LiquidationIndexData, 'entries' | 'heaps'> {
  readonly entries: Iterable<LiquidationIndexData['entries'][number]>;
  readonly heaps: ReadonlyArray<{ readonly symbol: string; readonly side: Side; readonly heap: HeapSource }>;
}

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
  /** The liquidation price as binary64 (the heap's key when filed; the Market tab's sort key). */
  readonly liquidationF: number | null;
  /**
   * The market's funding epoch when this entry was solved. An older epoch means a funding
   * settlement has changed the margin since (see fundingSettled): the decimals are stale and the
   * heap key was moved conservatively toward the mark; the entry is re-solved when nominated.
   */
  readonly epoch: number;
}

/**
 * An entry taken from exported index data: its decimals stay text until asked for. A reopen
 * imports 100,000 entries and a session reads the decimals of only the few positions it
 * liquidates, ranks or shows; parsing them all was a quarter of a restore's index work.
 */
class ImportedRiskEntry implements RiskEntry {
  private liquidationDec: Dec | null | undefined;
  private bankruptcyDec: Dec | null | undefined;

  constructor(
    readonly account: AccountId,
    readonly symbol: string,
    readonly side: Side,
    private readonly liquidationText: string | null,
    private readonly bankruptcyText: string | null,
    readonly qtyF: number,
    readonly entryF: number,
    readonly bankruptcyF: number | null,
    readonly epoch: number,
  ) {
    // Dec's toNumber reads its own toString, which is this text: the same number.
    this.liquidationF = liquidationText === null ? null : Number(liquidationText);
  }

  readonly liquidationF: number | null;

  get liquidation(): Dec | null {
    if (this.liquidationDec === undefined) this.liquidationDec = this.liquidationText === null ? null : new Dec(this.liquidationText);
    return this.liquidationDec;
  }

  get bankruptcy(): Dec | null {
    if (this.bankruptcyDec === undefined) this.bankruptcyDec = this.bankruptcyText === null ? null : new Dec(this.bankruptcyText);
    return this.bankruptcyDec;
  }

  /** The decimals as exported (Dec's toString of a text it wrote is that text). */
  texts(): readonly [string | null, string | null] {
    return [this.liquidationText, this.bankruptcyText];
  }
}

/** A decimal as Dec's toString writes it (or null): imported texts are checked now, parsed when read. */
const DECIMAL_TEXT = /^-?(0|[1-9]\d*)(\.\d*[1-9])?(e[+-]\d+)?$/;
const decimalText = (x: unknown): boolean => x === null || (typeof x === 'string' && DECIMAL_TEXT.test(x));

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
  /**
   * The entries by symbol and account (rankings walk one market without building keys). The only
   * map of them: a second one by position key cost every insert another cache miss.
   */
  private readonly bySymbol = new Map<string, Map<AccountId, RiskEntry>>();
  private readonly multi = new Map<AccountId, ReadonlySet<string>>();
  private readonly multiBySymbol = new Map<string, Set<AccountId>>();
  /** Positions liquidatable whatever the price (an isolated margin that funding used up), by symbol. */
  private readonly forced = new Map<string, Set<string>>();
  private readonly epochs = new Map<string, number>();
  private readonly freshSides = new Map<string, number>();
  /** Told of every entry that is set or removed (the ADL ranking keeps its order up to date with it). */
  private readonly watchers: Array<(symbol: string, account: AccountId) => void> = [];
  /**
   * Told the account and symbol of every entry set or removed, so an observer (the heatmap's
   * recorder) follows position changes without scanning 100,000 entries per tick. Not state:
   * never serialised, and a restored engine starts without one.
   */
  onChange: ((account: AccountId, symbol: string) => void) | null = null;

  /**
   * Counts every change of an entry (set, removed, a funding epoch, an import): orderings built
   * from the entries (the Market tab's, crowd-page.ts) stay valid while it stays the same.
   */
  get version(): number {
    return this.changes;
  }

  private changes = 0;

  watch(fn: (symbol: string, account: AccountId) => void): void {
    this.watchers.push(fn);
  }

  set(entry: RiskEntry, indexed: boolean, forced = false): void {
    this.changes += 1;
    const key = positionKey(entry.account, entry.symbol);
    for (const w of this.watchers) w(entry.symbol, entry.account);
    this.onChange?.(entry.account, entry.symbol);
    const bySymbol = this.symbolEntries(entry.symbol);
    // A position's first entry has nothing to clear: a key is in the forced set or a heap only
    // while it has an entry (a crowd opening files 100,000 first entries, a third of them in
    // deletes of keys that were never there).
    const first = !bySymbol.has(entry.account);
    bySymbol.set(entry.account, entry);
    if (forced) this.forcedIn(entry.symbol).add(key);
    else if (!first) this.forced.get(entry.symbol)?.delete(key);
    const heap = this.heap(entry.symbol, entry.side);
    if (!first) this.other(entry.symbol, entry.side).remove(key);
    if (indexed && entry.liquidationF !== null) heap.set(key, entry.liquidationF);
    else if (!first) heap.remove(key);
  }

  epochOf(symbol: string): number {
    return this.epochs.get(symbol) ?? 0;
  }

  isStale(e: RiskEntry): boolean {
    return e.epoch < this.epochOf(e.symbol);
  }

  /**
   * Whether one side of a market was found to hold no stale entry since the last funding
   * settlement (entries are always solved at the current epoch, so only a settlement makes any
   * stale): lets auto-deleveraging skip its scan for stale entries after the first one.
   */
  sideFresh(symbol: string, side: Side): boolean {
    return this.freshSides.get(`${symbol}|${side}`) === this.epochOf(symbol);
  }

  markSideFresh(symbol: string, side: Side): void {
    this.freshSides.set(`${symbol}|${side}`, this.epochOf(symbol));
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
    this.changes += 1;
    this.epochs.set(symbol, this.epochOf(symbol) + 1);
    if (payers === 'none') return;
    const delta = 4 * markF * rateAbs + markF * 1e-9;
    this.heap(symbol, payers).shiftAll(payers === 'long' ? delta : -delta);
  }

  remove(account: AccountId, symbol: string): void {
    this.changes += 1;
    const key = positionKey(account, symbol);
    for (const w of this.watchers) w(symbol, account);
    if (this.bySymbol.get(symbol)?.delete(account)) this.onChange?.(account, symbol);
    this.forced.get(symbol)?.delete(key);
    this.longs.get(symbol)?.remove(key);
    this.shorts.get(symbol)?.remove(key);
  }

  get(account: AccountId, symbol: string): RiskEntry | undefined {
    return this.bySymbol.get(symbol)?.get(account);
  }

  /** The entry of a position key (positionKey: the heaps' ids). */
  byKey(key: string): RiskEntry | undefined {
    const bar = key.lastIndexOf('|');
    return this.get(key.slice(0, bar), key.slice(bar + 1));
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

  get size(): number {
    let n = 0;
    for (const m of this.bySymbol.values()) n += m.size;
    return n;
  }

  exportData(): LiquidationIndexData {
    const source = this.exportSource();
    return {
      ...source,
      entries: [...source.entries],
      heaps: source.heaps.map((h) => ({ ...h, heap: { offset: h.heap.offset, items: [...h.heap.items] } })),
    };
  }

  /**
   * The exported index without building it: its rows in order, read lazily (the index must
   * not change until they are read). A snapshot's text writes them as they come: the 100,000
   * rows built first outlived young collections and paused main 40-65 ms each while a close wrote
   * the index.
   */
  exportSource(): LiquidationIndexSource {
    const heaps: Array<LiquidationIndexSource['heaps'][number]> = [];
    for (const [symbol, h] of this.longs) heaps.push({ symbol, side: 'long', heap: h.exportSource() });
    for (const [symbol, h] of this.shorts) heaps.push({ symbol, side: 'short', heap: h.exportSource() });
    return {
      format: 1,
      entries: this.entryRows(),
      heaps,
      epochs: [...this.epochs],
      forced: [...this.forced].map(([symbol, set]) => [symbol, [...set]] as const),
      multi: [...this.multi].map(([account, set]) => [account, [...set]] as const),
    };
  }

  private *entryRows(): Generator<LiquidationIndexData['entries'][number]> {
    for (const e of this.allEntries()) {
      const [liquidation, bankruptcy] = e instanceof ImportedRiskEntry ? e.texts() : [e.liquidation?.toString() ?? null, e.bankruptcy?.toString() ?? null];
      yield [e.account, e.symbol, e.side, liquidation, bankruptcy, e.qtyF, e.entryF, e.bankruptcyF, e.epoch];
    }
  }

  private *allEntries(): Generator<RiskEntry> {
    for (const m of this.bySymbol.values()) yield* m.values();
  }

  /** Replaces the content with exported data (the caller checks it belongs to the restored state). */
  importData(data: LiquidationIndexData): void {
    const steps = this.importDataSteps(data, Number.MAX_SAFE_INTEGER);
    while (!steps.next().done);
  }

  /** importData, pausing every `every` entries (a restore on main runs in slices). */
  *importDataSteps(data: LiquidationIndexSource, every: number): Generator<void, void> {
    this.clear();
    let n = 0;
    for (const [account, symbol, side, liquidation, bankruptcy, qtyF, entryF, bankruptcyF, epoch] of data.entries) {
      if (!decimalText(liquidation) || !decimalText(bankruptcy)) throw new Error(`liquidation index: bad price for ${account} ${symbol}`);
      const entry = new ImportedRiskEntry(account, symbol, side, liquidation, bankruptcy, qtyF, entryF, bankruptcyF, epoch);
      this.symbolEntries(symbol).set(account, entry);
      if (++n % every === 0) yield;
    }
    yield;
    for (const h of data.heaps) yield* this.heap(h.symbol, h.side).importDataSteps(h.heap, every);
    for (const [symbol, epoch] of data.epochs) this.epochs.set(symbol, epoch);
    for (const [symbol, keys] of data.forced) this.forced.set(symbol, new Set(keys));
    for (const [account, symbols] of data.multi) this.setMultiCross(account, new Set(symbols));
  }

  clear(): void {
    this.changes += 1;
    this.longs.clear();
    this.shorts.clear();
    this.bySymbol.clear();
    this.multi.clear();
    this.multiBySymbol.clear();
    this.forced.clear();
    this.epochs.clear();
    this.freshSides.clear();
  }
}
