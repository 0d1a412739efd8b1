import type { EngineCommand, EngineEvent, EngineSetup } from '#shared/domain/trading-commands';
import { eventTime } from '#shared/domain/trading-commands';
import { Dec, ZERO } from '#shared/money/decimal';
import { contractSpec, getProfile, maxLeverageForNotional } from '#shared/risk/index';
import { adjustMargin, deposit, setLeverage, setMarginMode, withdraw } from './account/account-commands';
import { EngineIndexes, EngineRejection, account, market, reject, type AdlSelection, type EngineContext } from './context';
import { arrivalSteps, arrivalsDue, processArrivals, startCrowd } from './crowd/arrivals';
import { generateCrowdSteps, type CrowdArrival } from './crowd/generate';
import type { ApplyResult, Effect } from './effects';
import { settleFunding, settleFundingSteps } from './funding/settle-funding';
import { changeInsurance } from './ledger/insurance';
import { newAccount } from './model/account';
import { LIQUIDITY_ID } from './model/ids';
import type { LiquidationIndex, LiquidationIndexData, LiquidationIndexSource } from './index/liquidation-index';
import { MarketState } from './model/market';
import { amendOrder, cancelAll, cancelOrder, closePosition, placeOrder } from './orders/commands';
import { refreshAccount, refreshDirty, refreshDirtySteps } from './risk/refresh';
import { marketLookup } from './risk/refresh';
import { emptyState, type EngineState } from './state/engine-state';
import { canonicalJson, hashOf } from './state/hash';
import { restoreStateSteps, snapshotState, type EngineSnapshot, type EngineSnapshotSource } from './state/snapshot';
import { quietRun, runTriggerSteps, runTriggers } from './triggers/run-triggers';
import { drain } from './steps';
import { indexTextSteps, snapshotTextSteps, type PartSink } from './state/snapshot-text';
import { sortedAccountIds } from './state/sorted-ids';

export interface EngineOptions {
  /** How ADL picks counterparties; 'reference' is the original full ranking, the test oracle. */
  readonly adlSelection?: AdlSelection;
  /**
   * With a snapshot: the liquidation index exported (indexSnapshot) together with it, so the
   * restore takes the solved liquidation prices as they were instead of solving them all again.
   * Ignored (everything solved) when it does not cover exactly the snapshot's positions.
   */
  readonly index?: LiquidationIndexSource;
}

/**
 * The paper-trading engine: a pure, deterministic state machine. `apply(event)` changes the
 * state and returns what happened (effects), or refuses a command with a reason and changes
 * nothing. Time, prices and chance arrive only as events (the crowd's chance as a seed), so the
 * same events always give the same state: `stateHash()` proves it.
 */
export class Engine {
  private state: EngineState;
  private readonly idx = new EngineIndexes();
  /** The crowd's arrivals drawn in steps by crowdSteps, for the crowd event it is applying. */
  private drawn: CrowdArrival[] | undefined;
  /**
   * The state hash of the state as of `seq`, once computed: a reopen checks the restored state's
   * hash against the stored one and the journal then reports it; a 100,000-trader state takes
   * ~1 s to serialise. Any apply() or applySteps() forgets it (the state changes only through them).
   */
  private knownHash: { readonly seq: number; readonly hash: string } | null = null;

  constructor(snapshot?: EngineSnapshot, options: EngineOptions = {}) {
    this.idx.adlSelection = options.adlSelection ?? 'indexed';
    this.state = emptyState();
    if (snapshot) drain(this.restoreInto(snapshot, options.index, Number.MAX_SAFE_INTEGER));
  }

  static restore(snapshot: EngineSnapshot, options: EngineOptions = {}): Engine {
    return new Engine(snapshot, options);
  }

  /**
   * Engine.restore's second half in slices: an engine around a state restored by
   * restoreStateSteps (its first half), its indexes rebuilt (or imported from options.index),
   * pausing after about `every` accounts' worth of work, so a thread that must stay live (main
   * reopening a 100,000-trader workspace) can yield between slices. A reopen restores the accounts
   * while the liquidation index is still on its way from the restore worker.
   */
  static *fromStateSteps(state: EngineState, options: EngineOptions = {}, every = 2000): Generator<void, Engine> {
    const engine = new Engine(undefined, options);
    engine.state = state;
    yield* engine.rebuildIndexes(options.index, every);
    return engine;
  }

  private *restoreInto(snapshot: EngineSnapshotSource, index: LiquidationIndexSource | undefined, every: number): Generator<void | Promise<void>, void> {
    this.state = yield* restoreStateSteps(snapshot, every);
    yield* this.rebuildIndexes(index, every);
  }

  apply(event: EngineEvent): ApplyResult {
    this.knownHash = null;
    const st = this.state;
    const t = eventTime(event);
    const ctx: EngineContext = { state: st, idx: this.idx, effects: [], dirty: new Set() };
    const prevT = st.t;
    try {
      if (event.kind !== 'setup' && st.markets.size === 0) reject('notSetUp', 'the engine has no markets yet (the setup event comes first)');
      if (t < st.t) reject('timeBackwards', `event at ${t} is older than the engine clock ${st.t}`, 't');
      st.t = t;
      this.dispatch(ctx, event);
    } catch (err) {
      if (err instanceof EngineRejection) {
        st.t = prevT;
        return { ok: false, rejection: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
      }
      throw err;
    }
    refreshDirty(ctx);
    st.seq += 1;
    return { ok: true, effects: ctx.effects };
  }

  /**
   * How many crowd traders this event would open: a tick that opens thousands (the first tick of
   * a big crowd) is worth applying in steps (applySteps).
   */
  arrivalsOn(event: EngineEvent): number {
    if (event.kind !== 'tick' || event.tick.t < this.state.t) return 0;
    return arrivalsDue(this.state.crowd, event.tick.symbol, event.tick.t);
  }

  /**
   * apply() in steps, so an event that does a lot at once can run in slices on a thread that must
   * stay live (issue 10 item 7): a tick pauses every `every` crowd arrivals (the tick that opens
   * a 100,000-trader crowd), every `every` accounts re-solved and every `every` / 10 steps of a
   * liquidation cascade; a funding settlement every `every` × 10 positions, then as a tick; a crowd
   * event while it draws. Same state, same effects as apply(); between two steps the state is
   * mid-event: nothing else may read or apply until the generator ends. Commands apply at once.
   */
  *applySteps(event: EngineEvent, every: number): Generator<void, ApplyResult> {
    if (event.kind === 'crowd') return yield* this.crowdSteps(event, every);
    if (event.kind !== 'tick' && event.kind !== 'funding') return this.apply(event);
    this.knownHash = null;
    const st = this.state;
    const t = eventTime(event);
    const symbol = event.kind === 'tick' ? event.tick.symbol : event.funding.symbol;
    // What apply() refuses it refuses at once, before anything changes.
    if (st.markets.size === 0 || t < st.t || !st.markets.has(symbol)) return this.apply(event);
    const ctx: EngineContext = { state: st, idx: this.idx, effects: [], dirty: new Set() };
    st.t = t;
    if (event.kind === 'tick') {
      const m = market(ctx, symbol);
      m.applyTick(event.tick);
      yield* arrivalSteps(ctx, m, every);
    } else {
      yield* settleFundingSteps(ctx, event.funding, every * 10);
    }
    yield* refreshDirtySteps(ctx, every);
    if (!quietRun(ctx, symbol)) yield* runTriggerSteps(ctx, symbol, Math.max(1, Math.floor(every / 10)));
    yield* refreshDirtySteps(ctx, every);
    st.seq += 1;
    return { ok: true, effects: ctx.effects };
  }

  /** A crowd event whose arrivals are drawn in steps first (100,000 draws), then applied as apply() does. */
  private *crowdSteps(event: Extract<EngineEvent, { kind: 'crowd' }>, every: number): Generator<void, ApplyResult> {
    const st = this.state;
    // What apply() refuses it refuses at once, before drawing anything.
    if (st.markets.size === 0 || event.t < st.t || !st.markets.has(event.symbol) || st.crowd) return this.apply(event);
    // 1,000 draws a step (every = 100): 5,000 took 12-25 ms the first time, before the JIT had the code.
    this.drawn = yield* generateCrowdSteps(event.params, event.t, every * 10);
    try {
      return this.apply(event);
    } finally {
      this.drawn = undefined;
    }
  }

  private dispatch(ctx: EngineContext, e: EngineEvent): void {
    switch (e.kind) {
      case 'setup':
        applySetup(ctx, e.setup);
        return;
      case 'tick': {
        const m = market(ctx, e.tick.symbol);
        m.applyTick(e.tick);
        processArrivals(ctx, m);
        runTriggers(ctx, m.symbol);
        return;
      }
      case 'funding':
        settleFunding(ctx, e.funding);
        runTriggers(ctx, e.funding.symbol);
        return;
      case 'crowd':
        startCrowd(ctx, e.symbol, e.params, e.t, this.drawn);
        return;
      case 'command':
        applyCommand(ctx, e.account, e.command);
        return;
      default: {
        const never: never = e;
        throw new Error(`unknown event ${String(never)}`);
      }
    }
  }

  /** Plain-data copy of the whole state (JSON-safe). */
  snapshot(): EngineSnapshot {
    return snapshotState(this.state);
  }

  /**
   * The derived liquidation index as plain data (not part of the state or its hash): stored next
   * to a snapshot, it lets a restore skip solving every liquidation price (EngineOptions.index).
   */
  indexSnapshot(): LiquidationIndexData {
    return this.idx.liq.exportData();
  }

  /** sha256 of the canonical snapshot: equal hashes, equal states. */
  stateHash(): string {
    const seq = this.state.seq;
    if (this.knownHash?.seq !== seq) this.knownHash = { seq, hash: hashOf(this.snapshot()) };
    return this.knownHash.hash;
  }

  /**
   * Records the state hash of the present state when the caller has just proved it: a reopen
   * found that this engine's canonical text is, character for character, a snapshot body whose
   * sha256 it had checked (trading/rebuild.ts checkRestored). Saves hashing 55 MB again.
   */
  rememberStateHash(hash: string): void {
    this.knownHash = { seq: this.state.seq, hash };
  }

  /**
   * The canonical text (in pieces: joined, canonicalText()) and the liquidation index's JSON
   * text, written a slice of `every` accounts or entries at a time (snapshot-text.ts); with
   * `sinks`, handed to them as written (the texts returned are then empty). Nothing may apply to
   * the engine until the generator ends.
   */
  *snapshotTextSteps(
    every: number,
    sinks?: { readonly body: PartSink; readonly index: PartSink },
  ): Generator<void, { readonly seq: number; readonly t: number | null; readonly body: string[]; readonly index: string[] }> {
    const body = yield* snapshotTextSteps(this.state, every, sinks?.body);
    const index = yield* indexTextSteps(this.idx.liq.exportSource(), every, sinks?.index);
    return { seq: this.state.seq, t: Number.isFinite(this.state.t) ? this.state.t : null, body, index };
  }

  /** The canonical text of the present state (what stateHash hashes). */
  canonicalText(): string {
    return canonicalJson(this.snapshot());
  }

  /** Read-only access for queries (views, previews, explanations). Do not mutate. */
  get readState(): EngineState {
    return this.state;
  }

  /**
   * Takes an exported liquidation index if it matches the restored state: imported first, then
   * checked against the positions through the index's own maps (no second map of 100,000 keys).
   */
  private *importIndex(index: LiquidationIndexSource, every: number): Generator<void, boolean> {
    try {
      if (index.format !== 1) return false;
      yield* this.idx.liq.importDataSteps(index, every);
      if (yield* indexCovers(this.state, this.idx.liq, every)) return true;
    } catch {
      // Malformed data (a damaged file): forget it and solve everything, as without an index.
    }
    this.idx.liq.clear();
    return false;
  }

  get indexes(): EngineIndexes {
    return this.idx;
  }

  private *rebuildIndexes(index: LiquidationIndexSource | undefined, every: number): Generator<void, void> {
    this.idx.clear();
    const markets = marketLookup({ state: this.state, idx: this.idx, effects: [], dirty: new Set() });
    const ids = sortedAccountIds(this.state.accounts);
    let n = 0;
    for (const id of ids) {
      const a = this.state.accounts.get(id)!;
      for (const p of a.positions.values()) this.idx.positionsIn(p.symbol).set(id, p);
      // Most accounts hold no order or one (a crowd trader's stop): sort only when there is an order to sort.
      if (a.orders.size === 1) for (const o of a.orders.values()) this.idx.orders.place(o);
      else if (a.orders.size > 1) for (const o of [...a.orders.values()].sort((x, y) => x.id - y.id)) this.idx.orders.place(o);
      if (++n % every === 0) yield;
    }
    if (index && (yield* this.importIndex(index, every))) return;
    const ctx: EngineContext = { state: this.state, idx: this.idx, effects: [], dirty: new Set() };
    for (const id of ids) {
      const a = this.state.accounts.get(id)!;
      if (a.kind !== 'liquidity') refreshAccount(ctx, markets, a);
      // Solving is ~40x the work of restoring an account: pause more often.
      if (++n % Math.max(1, Math.floor(every / 40)) === 0) yield;
    }
  }
}


/** Whether the imported index has one entry per trader position of the state, on its side, and no other (else: solve). */
function* indexCovers(state: EngineState, liq: LiquidationIndex, every: number): Generator<void, boolean> {
  let positions = 0;
  let n = 0;
  for (const a of state.accounts.values()) {
    if (a.kind === 'liquidity') continue;
    for (const p of a.positions.values()) {
      positions += 1;
      if (liq.get(a.id, p.symbol)?.side !== p.side) return false;
    }
    if (++n % every === 0) yield;
  }
  return positions === liq.size;
}

function applySetup(ctx: EngineContext, setup: EngineSetup): void {
  const st = ctx.state;
  if (st.markets.size > 0) reject('alreadySetUp', 'the engine is already set up');
  const markets: MarketState[] = [];
  for (const ms of setup.markets) {
    if (markets.some((m) => m.symbol === ms.symbol)) reject('duplicateMarket', `${ms.symbol} is listed twice`, 'markets');
    const profile = getProfile(ms.profile);
    const spec = contractSpec(profile, ms.symbol);
    if (spec.settlement !== 'linear') reject('inverseUnsupported', `${ms.symbol} on ${profile.label} is an inverse contract; the engine trades linear USDT-margined contracts`, 'markets');
    markets.push(new MarketState({ symbol: ms.symbol, profileId: ms.profile, depthScale: ms.depthScale, impactHalfLifeMs: ms.impactHalfLifeSec * 1000 }, profile, spec));
  }
  for (const a of setup.accounts) {
    for (const s of a.settings) {
      const m = markets.find((x) => x.symbol === s.symbol);
      if (!m) reject('unknownSymbol', `account ${a.id} sets ${s.symbol}, which is not a market here`, 'accounts');
      const max = maxLeverageForNotional(m.spec.brackets, ZERO);
      if (new Dec(s.leverage).gt(max)) reject('leverageAboveBracket', `${s.symbol} allows at most ${max.toFixed()}x`, 'accounts');
    }
  }
  for (const m of markets) st.markets.set(m.symbol, m);
  st.defaults = { ...setup.defaults };
  st.accounts.set(LIQUIDITY_ID, newAccount(LIQUIDITY_ID, 'liquidity', false));
  const seed = new Dec(setup.insuranceFund);
  st.netDeposits = st.netDeposits.plus(seed);
  changeInsurance(ctx, seed, 'seed', null, null);
  for (const a of setup.accounts) {
    if (st.accounts.has(a.id)) reject('duplicateAccount', `account ${a.id} is listed twice`, 'accounts');
    const acct = newAccount(a.id, 'trader', true);
    for (const s of a.settings) acct.settings.set(s.symbol, { mode: s.mode, leverage: s.leverage });
    st.accounts.set(a.id, acct);
    const amount = new Dec(a.deposit);
    if (amount.gt(0)) deposit(ctx, acct, amount);
  }
}

function applyCommand(ctx: EngineContext, accountId: string, c: EngineCommand): void {
  const a = account(ctx, accountId);
  if (a.kind === 'liquidity') reject('notTradable', 'the liquidity account does not take commands', 'account');
  let symbols: string[] = [];
  switch (c.type) {
    case 'deposit':
      deposit(ctx, a, new Dec(c.amount));
      symbols = [...a.positions.keys()];
      break;
    case 'withdraw':
      withdraw(ctx, a, new Dec(c.amount));
      break;
    case 'setLeverage':
      setLeverage(ctx, a, c.symbol, c.leverage);
      symbols = [c.symbol];
      break;
    case 'setMarginMode':
      setMarginMode(ctx, a, c.symbol, c.mode);
      break;
    case 'adjustMargin':
      adjustMargin(ctx, a, c.symbol, new Dec(c.amount));
      symbols = [c.symbol];
      break;
    case 'placeOrder':
      placeOrder(ctx, a, c.order);
      symbols = [c.order.symbol];
      break;
    case 'cancelOrder':
      cancelOrder(ctx, a, c.orderId);
      break;
    case 'cancelAll':
      cancelAll(ctx, a, c.symbol);
      break;
    case 'amendOrder':
      symbols = [amendOrder(ctx, a, c.amend).symbol];
      break;
    case 'closePosition':
      closePosition(ctx, a, c.symbol);
      symbols = [c.symbol];
      break;
    default: {
      const never: never = c;
      throw new Error(`unknown command ${String(never)}`);
    }
  }
  // A command can move the book (our own market order) or an account's margin: let the market react.
  for (const s of symbols.sort()) runTriggers(ctx, s);
}

export type { Effect };
