import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import type { PauseEvent } from '#shared/domain/market-replay';
import type { Scenario } from '#shared/domain/scenario';
import type { EngineCommand, EngineEvent } from '#shared/domain/trading-commands';
import type { FillView, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { OrderResult } from '#shared/ipc/channels/trading';
import type { ApplyResult, Effect } from '#main/engine/effects';
import { Engine } from '#main/engine/engine';
import { TRADER_ID } from '#main/engine/model/ids';
import { AppError } from '../ipc/app-error';
import type { TickSink } from '../market/replay/sink';
import { ActivityBuffer } from './activity';
import { DEFAULT_JOURNAL_OPTIONS, TradingJournal, type JournalOptions, type OpenReport } from './journal';
import { openingConflict, restoreIsBig } from './opening';
import { restoreOffMain, type OffMainReport } from './restore-off-main';
import { SteppedEvent } from './stepped-event';
import { TradingQueries } from './trading-queries';
import { defaultSession, headerEvents, sessionFromScenario, type SessionSpec } from './session';
import { realTimers, type StoredSession, type Timers, type TradingServiceDeps } from './trading-service-types';

export type { TradingPush, Timers, TradingServiceDeps } from './trading-service-types';

/**
 * The paper-trading service: the engine behind its event log, fed by the replay clock (it is a
 * TickSink), commanded by the trader over IPC, and pushing coalesced state and activity frames.
 * Market events are group-committed; the trader's commands commit before they are answered.
 */
export class TradingService implements TickSink {
  private journal: TradingJournal;
  openReport: OpenReport;
  /**
   * Settles when the engine is open. A big workspace (deps.offMain) reopens in the background:
   * meanwhile there is no session (an empty engine answers queries), market events are ignored
   * and commands are refused; loading another scenario abandons the reopen and starts afresh.
   */
  readonly ready: Promise<void>;
  private opening: 'no' | 'yes' | Error = 'no';
  private openGeneration = 0;
  readonly queries: TradingQueries;
  private session: StoredSession | null;
  private scriptNext = 0;
  private readonly activity = new ActivityBuffer();
  private stateDirty = false;
  private frameTimer: unknown = null;
  private readonly timers: Timers;
  private closed = false;
  private hashCache: { readonly key: string; readonly hash: string } | null = null;
  /** The crowd-opening tick being applied in slices (stepped-event.ts), if any. */
  private stepping: SteppedEvent | null = null;
  /** What queries see while the engine is mid-event: an empty engine (no session state yet). */
  private readonly standIn = new Engine();

  constructor(private readonly deps: TradingServiceDeps) {
    this.timers = deps.timers ?? realTimers;
    const options = { ...DEFAULT_JOURNAL_OPTIONS, ...deps.journal };
    this.queries = new TradingQueries(deps.db, () => this.engine);
    const offMain = deps.offMain && (deps.offMain.when === 'always' || restoreIsBig(deps.db)) ? deps.offMain : null;
    if (offMain) {
      this.journal = TradingJournal.adopt(deps.db, new Engine(), options, 0);
      this.openReport = { snapshotSeq: 0, replayed: 0, lastSeq: 0, ms: 0, hash: '' };
      this.session = null;
      this.opening = 'yes';
      const generation = this.openGeneration;
      this.ready = restoreOffMain(deps.db, offMain.dbPath, options.verify).then(
        (r) => this.adopt(generation, r, options),
        (err: Error) => {
          if (generation === this.openGeneration) this.opening = err;
          throw err;
        },
      );
      // Whoever waits for `ready` sees the failure; nobody waiting must not crash the process.
      this.ready.catch(() => undefined);
      return;
    }
    const opened = TradingJournal.open(deps.db, options);
    this.journal = opened.journal;
    this.openReport = opened.report;
    this.session = this.storedSession();
    this.scriptNext = this.nextScriptIndex();
    this.ready = Promise.resolve();
  }

  /** Whether the engine is still being reopened in the background. */
  get restoring(): boolean {
    return this.opening === 'yes';
  }

  /** Whether a big crowd is being opened (its first tick applied in slices); IPC calls wait for it. */
  get openingCrowd(): boolean {
    return this.stepping !== null;
  }

  /** Settles once no crowd is opening (at once when none is). */
  async settled(): Promise<void> {
    while (this.stepping) await this.stepping.done.catch(() => null);
  }

  private storedSession(): StoredSession | null {
    const meta = this.journal.repo.getMeta('session');
    return meta ? (JSON.parse(meta) as StoredSession) : null;
  }

  /** The reopened engine takes over (unless the reopen was abandoned or the service closed meanwhile). */
  private adopt(generation: number, r: OffMainReport, options: JournalOptions): void {
    if (generation !== this.openGeneration || this.closed) return;
    this.journal = TradingJournal.adopt(this.deps.db, r.engine, options, r.snapshotSeq);
    this.openReport = { snapshotSeq: r.snapshotSeq, replayed: r.lastSeq - r.snapshotSeq, lastSeq: r.lastSeq, ms: r.ms, hash: r.hash };
    this.session = this.storedSession();
    this.scriptNext = this.nextScriptIndex();
    const st = r.engine.readState;
    this.hashCache = { key: `${st.seq}|${st.t}|${this.session?.key ?? ''}`, hash: r.hash };
    this.opening = 'no';
    this.queries.invalidate();
    this.markDirty();
  }

  /** A reopen in progress gives way to a new session (the log is replaced anyway). */
  private abandonOpening(): void {
    this.openGeneration += 1;
    this.opening = 'no';
  }

  /** The engine as queries may read it (a stand-in while a crowd opens: the real one is mid-event). */
  get engine(): Engine {
    return this.stepping ? this.standIn : this.journal.engine;
  }

  get currentSession(): StoredSession | null {
    return this.session;
  }

  /** The engine's state hash, cached until the next event (hashing 100,000 positions takes a while). */
  stateHash(): string {
    const st = this.engine.readState;
    const key = `${st.seq}|${st.t}|${this.session?.key ?? ''}`;
    if (this.hashCache?.key !== key) this.hashCache = { key, hash: this.engine.stateHash() };
    return this.hashCache.hash;
  }

  get pendingScriptSteps(): number {
    return this.session ? this.session.script.length - this.scriptNext : 0;
  }

  // ---- TickSink ------------------------------------------------------------------------------

  onTick(tick: MarketTick): void {
    if (this.opening !== 'no') return;
    if (this.stepping) return this.stepping.defer(() => this.onTick(tick));
    if (!this.session || !this.engine.readState.markets.has(tick.symbol)) this.startFor(tick.symbol, tick.t);
    const event = { kind: 'tick', tick } as const;
    if (this.journal.engine.arrivalsOn(event) >= STEPPED_ARRIVALS) return this.applyStepped(event);
    this.applyMarket(event);
    this.runScript(tick.t);
  }

  onFunding(funding: FundingTick): void {
    if (this.opening !== 'no') return;
    if (this.stepping) return this.stepping.defer(() => this.onFunding(funding));
    if (!this.session || !this.engine.readState.markets.has(funding.symbol)) return;
    this.applyMarket({ kind: 'funding', funding });
  }

  /**
   * The replay moved back (or loaded a scenario). A different scenario starts a new session; the
   * same one rewinds to t: every event at or after t is deleted with its rows, including the
   * trader's commands (the timeline forks; the reset push says how many were dropped).
   */
  onReset(t: number): void {
    const loaded = this.loadedSession();
    if (this.stepping) {
      // A seek waits for the crowd to open; another scenario replaces the session at once.
      if (!loaded || loaded.spec.key === this.session?.key) return this.stepping.defer(() => this.onReset(t));
      this.stepping.cancel();
      this.stepping = null;
    }
    if (this.opening !== 'no') {
      // A failed reopen keeps its log untouched (as a failed synchronous open does).
      if (this.opening !== 'yes' || !loaded || loaded.spec.key === this.storedSession()?.key) return;
      this.abandonOpening();
    }
    if (loaded && loaded.spec.key !== this.session?.key) {
      this.startSession(loaded.spec, loaded.source);
      return;
    }
    if (!this.session) return;
    const report = this.journal.rewindTo(t, this.session.headerSeq);
    this.hashCache = null;
    this.scriptNext = this.nextScriptIndex();
    this.queries.invalidate();
    this.activity.take();
    this.deps.publish({ type: 'trading.reset', payload: { reason: 'rewind', t, discarded: report.discarded, discardedCommands: report.discardedCommands } });
    this.markDirty();
  }

  /**
   * The replay loaded a scenario. Loading the scenario of the current session again (after a
   * restart, or picking it anew) continues the session: the answer is how many of its market events
   * the log already holds, and the clock moves past them. Any other scenario starts a new session.
   * Rewinding is a seek back, never a load.
   */
  onLoad(t: number): number {
    if (this.opening !== 'no' && this.loadedSession()?.spec.key === this.storedSession()?.key) throw openingConflict(this.opening);
    if (this.stepping && this.loadedSession()?.spec.key === this.session?.key) throw openingConflict('yes');
    if (!this.session || this.loadedSession()?.spec.key !== this.session.key) {
      this.onReset(t);
      return 0;
    }
    this.journal.flush();
    const from = this.session.headerSeq + 1;
    return this.journal.repo.countEvents(from, 'tick') + this.journal.repo.countEvents(from, 'funding');
  }

  /** The scenario of the stored session, for the composition root to load again at start-up. */
  get resumable(): { readonly scenario: Scenario; readonly id: string | null } | null {
    return this.session?.source ?? null;
  }

  // ---- sessions ------------------------------------------------------------------------------

  /** Replaces the session: an empty log, then the new header (setup, crowd), committed at once. */
  startSession(spec: SessionSpec, source?: { readonly scenario: Scenario; readonly id: string | null }): void {
    this.journal.clear();
    this.hashCache = null;
    for (const e of headerEvents(spec)) {
      const r = this.journal.apply(e, true);
      if (!r.ok) throw new AppError('ENGINE_REJECTED', `the session's ${e.kind} was refused: ${r.rejection.message}`, { code: r.rejection.code });
    }
    this.session = { key: spec.key, name: spec.name, symbol: spec.symbol, t0: spec.t0, headerSeq: this.journal.seq, script: spec.script, ...(source ? { source } : {}) };
    this.journal.repo.setMeta('session', JSON.stringify(this.session));
    this.scriptNext = 0;
    this.queries.invalidate();
    this.activity.take();
    this.deps.publish({ type: 'trading.reset', payload: { reason: 'session', t: spec.t0, discarded: 0, discardedCommands: 0 } });
    this.markDirty();
  }

  private startFor(symbol: string, t: number): void {
    const loaded = this.loadedSession();
    if (loaded && loaded.spec.symbol === symbol) this.startSession(loaded.spec, loaded.source);
    else this.startSession(defaultSession(symbol, t, this.deps.defaults()));
  }

  /** The session the replay's loaded scenario describes (null when nothing is loaded). */
  private loadedSession(): { readonly spec: SessionSpec; readonly source: { readonly scenario: Scenario; readonly id: string | null } } | null {
    const source = this.deps.loadedScenario?.() ?? null;
    return source ? { spec: sessionFromScenario(source.scenario, source.id), source } : null;
  }

  /** The first script step not yet applied: steps fire at the first tick at or after their time. */
  private nextScriptIndex(): number {
    if (!this.session) return 0;
    const lastTick = [...this.engine.readState.markets.values()].reduce((t, m) => Math.max(t, m.tick?.t ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
    const i = this.session.script.findIndex((s) => s.t > lastTick);
    return i === -1 ? this.session.script.length : i;
  }

  private runScript(t: number): void {
    const script = this.session?.script;
    if (!script) return;
    while (this.scriptNext < script.length && script[this.scriptNext]!.t <= t) {
      const step = script[this.scriptNext]!;
      this.scriptNext += 1;
      // A refused step is simply not in the log; the headless replay reports refusals itself.
      const r = this.journal.apply({ kind: 'command', t, account: TRADER_ID, command: step.command }, false);
      if (!r.ok) continue;
      this.notifyTrader(r.effects, t);
      this.absorb(r.effects);
    }
  }

  // ---- the trader's commands -----------------------------------------------------------------

  /** Applies a trader command durably; ENGINE_REJECTED (nothing changed) when the engine refuses. */
  command(command: EngineCommand, planId?: string): readonly Effect[] {
    if (this.opening !== 'no') throw openingConflict(this.opening);
    if (this.stepping) throw openingConflict('yes');
    if (!this.session) throw new AppError('CONFLICT', 'no paper-trading session yet: load a scenario in the replay first');
    const t = this.engine.readState.t;
    const r = this.journal.apply({ kind: 'command', t, account: TRADER_ID, command }, true, planId);
    if (!r.ok) {
      throw new AppError('ENGINE_REJECTED', r.rejection.message, { code: r.rejection.code, ...(r.rejection.field ? { field: r.rejection.field } : {}) });
    }
    // A market order of yours fills like any other fill of yours: "Pause on: your fill" stops a playing replay.
    this.notifyTrader(r.effects, t);
    this.absorb(r.effects);
    return r.effects;
  }

  /** An order command's answer: the order as it ended up, its fills, and any liquidations it set off. */
  orderCommand(command: EngineCommand, planId?: string): OrderResult {
    const id = this.engine.readState.ids.order + 1;
    const effects = this.command(command, planId);
    let order: OrderView | null = null;
    const fills: FillView[] = [];
    const liquidations: LiquidationView[] = [];
    for (const e of effects) {
      if (e.kind === 'order' && e.order.id === id) order = e.order;
      if (e.kind === 'fill' && e.fill.orderId === id) fills.push(e.fill);
      if (e.kind === 'liquidation') liquidations.push(e.liquidation);
    }
    return { order, fills, liquidations };
  }

  // ---- applying and pushing ------------------------------------------------------------------

  private applyMarket(event: EngineEvent): void {
    this.completeMarket(event, this.journal.apply(event, false));
  }

  /**
   * The tick that opens a big crowd, applied in slices (stepped-event.ts) so main's event loop
   * stays live; the market events, seeks and loads that arrive meanwhile run after it, in order.
   */
  private applyStepped(event: Extract<EngineEvent, { kind: 'tick' }>): void {
    // The log is brought up to date first: nothing may be written while the engine is mid-event.
    this.journal.flush();
    const stepping = new SteppedEvent(this.journal.applySteps(event, STEP_EVERY));
    this.stepping = stepping;
    this.markDirty();
    stepping.done.then(
      (r) => {
        if (this.stepping !== stepping || this.closed || !r) return;
        this.stepping = null;
        this.hashCache = null;
        this.queries.invalidate();
        this.completeMarket(event, r);
        this.runScript(event.tick.t);
        for (const fn of stepping.takeDeferred()) {
          // A deferred tick may start another stepped event: the rest then waits for that one.
          const next = this.stepping as SteppedEvent | null;
          if (next) next.defer(fn);
          else fn();
        }
      },
      (err: Error) => {
        if (this.stepping !== stepping) return;
        this.stepping = null;
        this.opening = err;
        console.error(`Levdesk could not open the crowd of the paper-trading session: ${err.message}`);
      },
    );
  }

  private completeMarket(event: EngineEvent, r: ApplyResult): void {
    if (!r.ok) throw new Error(`the engine refused a market event (${event.kind}): ${r.rejection.message}`);
    this.notifyTrader(r.effects, event.kind === 'tick' ? event.tick.t : event.kind === 'funding' ? event.funding.t : this.engine.readState.t);
    this.absorb(r.effects);
  }

  private notifyTrader(effects: readonly Effect[], t: number): void {
    if (this.deps.onTraderEvent) for (const e of traderEvents(effects)) this.deps.onTraderEvent(e, t);
  }

  private absorb(effects: readonly Effect[]): void {
    this.activity.add(effects);
    this.markDirty();
  }

  private markDirty(): void {
    this.stateDirty = true;
    if (this.frameTimer !== null || this.closed) return;
    this.frameTimer = this.timers.later(() => {
      this.frameTimer = null;
      this.pushFrame();
    }, this.deps.frameMs ?? 100);
  }

  /**
   * Sends the coalesced frame now (the timer calls this; tests and the CLI may too). Buffered
   * market events are committed first, so nothing shown is more than one frame from the disk and
   * a slow replay never leaves events waiting for a full group.
   */
  pushFrame(): void {
    if (!this.closed && !this.stepping && this.journal.pendingCount > 0) this.journal.flush();
    const activity = this.activity.take();
    if (activity) this.deps.publish({ type: 'trading.activity', payload: activity });
    if (this.stateDirty) {
      this.stateDirty = false;
      this.deps.publish({ type: 'trading.state', payload: this.queries.state() });
    }
  }

  /** Commits buffered market events now. */
  flush(): void {
    // Mid-event nothing is written (a due snapshot would catch half an event); it commits right after.
    if (!this.stepping) this.journal.flush();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.openGeneration += 1;
    // The log must not end mid-event: a crowd still opening is finished first (it is then logged).
    this.stepping?.finishNow();
    this.stepping = null;
    if (this.frameTimer !== null) this.timers.cancel(this.frameTimer);
    this.frameTimer = null;
    this.journal.close();
  }
}

/** From how many crowd arrivals on one tick it is applied in slices (some 50 ms of work at once). */
const STEPPED_ARRIVALS = 1000;
/** Arrivals (then accounts re-solved) between two pauses: about 5 ms of work. */
const STEP_EVERY = 100;

/** The trader's events among a market event's effects (liquidation and ADL fills are not "your fill"). */
function traderEvents(effects: readonly Effect[]): PauseEvent[] {
  const out = new Set<PauseEvent>();
  for (const e of effects) {
    if (e.kind === 'liquidation' && e.liquidation.account === TRADER_ID) out.add('liquidation');
    else if (e.kind === 'liquidation' && e.liquidation.adl.some((s) => s.account === TRADER_ID)) out.add('adl');
    else if (e.kind === 'triggered' && e.account === TRADER_ID) out.add('stop');
    else if (e.kind === 'fill' && e.fill.account === TRADER_ID && e.fill.liquidity !== 'liquidation' && e.fill.liquidity !== 'adl') out.add('fill');
  }
  return [...out];
}
