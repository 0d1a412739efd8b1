import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import type { Scenario } from '#shared/domain/scenario';
import type { EngineCommand } from '#shared/domain/trading-commands';
import type { OrderResult } from '#shared/ipc/channels/trading';
import type { Effect } from '#main/engine/effects';
import { Engine } from '#main/engine/engine';
import { TRADER_ID } from '#main/engine/model/ids';
import { AppError } from '../ipc/app-error';
import type { TickSink } from '../market/replay/sink';
import { DEFAULT_JOURNAL_OPTIONS, TradingJournal, type JournalOptions, type OpenReport } from './journal';
import { busyConflict, openingConflict, restoreIsBig } from './opening';
import { restoreOffMain, type OffMainReport } from './restore-off-main';
import { MarketEvents } from './market-events';
import { ScriptCursor } from './script-cursor';
import { StateHasher } from './state-hasher';
import { PendingRebuild } from './stepped-event';
import { WorkQueue } from './work-queue';
import { BIG_REWIND_ACCOUNTS, STEPPED_ARRIVALS } from './slicing';
import { orderResult, traderEvents } from './trader-events';
import { TradingFrames } from './trading-frames';
import { TradingQueries } from './trading-queries';
import { defaultSession, headerEvents, sessionFromScenario, type SessionSpec } from './session';
import { realTimers, type StoredSession, type TradingServiceDeps } from './trading-service-types';

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
  private readonly script = new ScriptCursor();
  private readonly frames: TradingFrames;
  private readonly market: MarketEvents;
  private closed = false;
  private readonly hasher: StateHasher;
  /** An event or a snapshot done in slices, or a rewind rebuilt off main, and what waits behind it. */
  private readonly work = new WorkQueue();
  /** What queries see while the engine is mid-event: an empty engine (no session state yet). */
  private readonly standIn = new Engine();

  constructor(private readonly deps: TradingServiceDeps) {
    this.hasher = new StateHasher({
      engine: () => this.engine,
      sessionKey: () => this.session?.key ?? '',
      dbPath: deps.offMain?.dbPath ?? null,
      flush: () => this.flush(),
      busy: () => this.work.busy,
    });
    const options = { ...DEFAULT_JOURNAL_OPTIONS, ...deps.journal };
    this.queries = new TradingQueries(deps.db, () => this.engine);
    this.frames = new TradingFrames({
      publish: deps.publish,
      timers: deps.timers ?? realTimers,
      frameMs: deps.frameMs ?? 100,
      busy: () => this.work.busy,
      state: () => this.queries.state(),
      // Buffered market events are committed first, so nothing shown is more than one frame from
      // the disk and a slow replay never leaves events waiting for a full group.
      beforePush: () => {
        if (!this.closed && !this.work.busy && this.journal.pendingCount > 0) this.journal.handOver();
      },
    });
    this.market = new MarketEvents({
      journal: () => this.journal,
      work: this.work,
      closed: () => this.closed,
      stepBudgetMs: deps.stepBudgetMs,
      engineT: () => this.engine.readState.t,
      applied: (effects, t) => this.applied(effects, t),
      // The Market tab's caches are keyed by the engine's counters, which the event moved: they
      // stay (starting them afresh cost ~250 ms on main after each big funding settlement).
      stale: () => this.hasher.forget(),
      failed: (err) => {
        this.opening = err;
      },
      markDirty: () => this.frames.markDirty(),
    });
    const offMain = deps.offMain && (deps.offMain.when === 'always' || restoreIsBig(deps.db)) ? deps.offMain : null;
    if (offMain) {
      this.journal = TradingJournal.adopt(deps.db, new Engine(), options, 0);
      this.openReport = { snapshotSeq: 0, replayed: 0, lastSeq: 0, ms: 0, hash: '' };
      this.session = null;
      this.opening = 'yes';
      const generation = this.openGeneration;
      this.ready = restoreOffMain(deps.db, offMain.dbPath, options.verify, offMain.worker).then(
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
    deps.offMain?.worker?.terminate();
    const opened = TradingJournal.open(deps.db, options);
    this.journal = opened.journal;
    this.openReport = opened.report;
    this.session = this.storedSession();
    this.script.resume(this.session?.script, this.engine);
    this.ready = Promise.resolve();
  }

  /** Whether the engine is still being reopened in the background. */
  get restoring(): boolean {
    return this.opening === 'yes';
  }

  /** Whether the engine is mid-event or stale (work-queue.ts); trading calls wait for it. */
  get busy(): boolean {
    return this.work.busy;
  }

  /**
   * Runs `fn` once the engine has applied every market event handed to it so far: at once, or
   * behind the events waiting for the work in progress (behind-trading.ts).
   */
  afterApplied(fn: () => void): void {
    this.work.afterWork(fn);
  }

  /** Settles once no work is in progress (at once when none is). */
  settled(): Promise<void> {
    return this.work.settled();
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
    this.script.resume(this.session?.script, this.engine);
    this.hasher.remember(r.hash);
    this.opening = 'no';
    this.queries.invalidate();
    this.frames.markDirty();
  }

  /** A reopen in progress gives way to a new session (the log is replaced anyway). */
  private abandonOpening(): void {
    this.openGeneration += 1;
    this.opening = 'no';
  }

  /** The engine as queries may read it (a stand-in while a crowd opens: the real one is mid-event). */
  get engine(): Engine {
    return this.work.busy ? this.standIn : this.journal.engine;
  }

  get currentSession(): StoredSession | null {
    return this.session;
  }

  /** The engine's state hash, now (a big state takes a second or more: see stateHashAsync). */
  stateHash(): string {
    return this.hasher.now();
  }

  /** The state hash of the state as it is now, hashed off main when it is big (state-hasher.ts). */
  stateHashAsync(): Promise<string> {
    return this.hasher.soon();
  }

  get pendingScriptSteps(): number {
    return this.session ? this.script.pending : 0;
  }

  // ---- TickSink ------------------------------------------------------------------------------

  onTick(tick: MarketTick): void {
    if (this.opening !== 'no') return;
    if (this.work.busy) return this.work.afterWork(() => this.onTick(tick));
    if (!this.session || !this.engine.readState.markets.has(tick.symbol)) this.startFor(tick.symbol, tick.t);
    this.market.apply({ kind: 'tick', tick }, () => this.runScript(tick.t));
  }

  onFunding(funding: FundingTick): void {
    if (this.opening !== 'no') return;
    if (this.work.busy) return this.work.afterWork(() => this.onFunding(funding));
    if (!this.session || !this.engine.readState.markets.has(funding.symbol)) return;
    this.market.apply({ kind: 'funding', funding }, () => undefined);
  }

  /**
   * The replay moved back (or loaded a scenario). A different scenario starts a new session; the
   * same one rewinds to t: every event at or after t is deleted with its rows, including the
   * trader's commands (the timeline forks; the reset push says how many were dropped).
   */
  onReset(t: number): void {
    const loaded = this.loadedSession();
    if (this.work.busy) {
      // A seek waits for the work in progress; another scenario replaces the session at once.
      if (!loaded || loaded.spec.key === this.session?.key) return this.work.afterWork(() => this.onReset(t));
      this.work.cancel();
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
    if (this.deps.offMain && this.journal.engine.readState.accounts.size >= BIG_REWIND_ACCOUNTS) return this.rewindOffMain(t, this.deps.offMain.dbPath);
    const report = this.journal.rewindTo(t, this.session.headerSeq);
    this.rewound(t, report.discarded, report.discardedCommands);
  }

  /** The log was cut at t: what was derived from the engine is found again, and the renderer starts afresh. */
  private rewound(t: number, discarded: number, discardedCommands: number): void {
    this.hasher.forget();
    this.script.resume(this.session?.script, this.engine);
    this.queries.invalidate();
    this.frames.discardActivity();
    this.deps.publish({ type: 'trading.reset', payload: { reason: 'rewind', t, discarded, discardedCommands } });
    this.frames.markDirty();
  }

  /**
   * A rewind of a big crowd: the log is cut now, and the engine as of the cut is rebuilt by the
   * restore worker and main in slices (restoreOffMain) instead of replaying a 100,000-trader
   * opening on main; what arrives meanwhile waits (stepped-event.ts).
   */
  private rewindOffMain(t: number, dbPath: string): void {
    const cut = this.journal.cutAt(t, this.session!.headerSeq);
    if (!cut) return this.rewound(t, 0, 0);
    this.work.start(
      new PendingRebuild(restoreOffMain(this.deps.db, dbPath, false)),
      (r) => {
        this.journal.adoptRebuilt(r.engine, r.snapshotSeq);
        this.rewound(t, cut.discarded, cut.discardedCommands);
        this.hasher.remember(r.hash);
      },
      (err) => {
        this.opening = err;
        console.error(`Levdesk could not rewind the paper-trading session: ${err.message}`);
      },
    );
    this.frames.markDirty();
  }

  /**
   * The replay loaded a scenario. Loading the scenario of the current session again (after a
   * restart, or picking it anew) continues the session: the answer is how many of its market events
   * the log already holds, and the clock moves past them. Any other scenario starts a new session.
   * Rewinding is a seek back, never a load.
   */
  onLoad(t: number): number {
    if (this.opening !== 'no' && this.loadedSession()?.spec.key === this.storedSession()?.key) throw openingConflict(this.opening);
    if (this.work.busy && this.loadedSession()?.spec.key === this.session?.key) throw busyConflict();
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
    this.hasher.forget();
    const header = headerEvents(spec);
    const headerSeq = this.journal.seq + header.length;
    let whole = true;
    for (const e of header) {
      // A big crowd's 100,000 draws run in slices too. Its header commits once they are applied,
      // and only then is the session recorded: a restart meanwhile finds no half-made session.
      if (e.kind === 'crowd' && e.params.traders >= STEPPED_ARRIVALS) {
        whole = false;
        this.market.applyStepped(e, () => {
          this.journal.flush(false, true);
          this.journal.repo.setMeta('session', JSON.stringify(this.session));
        });
        continue;
      }
      const r = this.journal.apply(e, true);
      if (!r.ok) throw new AppError('ENGINE_REJECTED', `the session's ${e.kind} was refused: ${r.rejection.message}`, { code: r.rejection.code });
    }
    this.session = { key: spec.key, name: spec.name, symbol: spec.symbol, t0: spec.t0, headerSeq, script: spec.script, ...(source ? { source } : {}) };
    this.journal.repo.setMeta('session', whole ? JSON.stringify(this.session) : 'null');
    this.script.start(spec.script);
    this.queries.invalidate();
    this.frames.discardActivity();
    this.deps.publish({ type: 'trading.reset', payload: { reason: 'session', t: spec.t0, discarded: 0, discardedCommands: 0 } });
    this.frames.markDirty();
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

  private runScript(t: number): void {
    for (const step of this.script.due(t)) {
      // A refused step is simply not in the log; the headless replay reports refusals itself.
      const r = this.journal.apply({ kind: 'command', t, account: TRADER_ID, command: step.command }, false);
      if (r.ok) this.applied(r.effects, t);
    }
  }

  // ---- the trader's commands -----------------------------------------------------------------

  /** Applies a trader command durably; ENGINE_REJECTED (nothing changed) when the engine refuses. */
  command(command: EngineCommand, planId?: string): readonly Effect[] {
    if (this.opening !== 'no') throw openingConflict(this.opening);
    if (this.work.busy) throw busyConflict();
    if (!this.session) throw new AppError('CONFLICT', 'no paper-trading session yet: load a scenario in the replay first');
    const t = this.engine.readState.t;
    const r = this.journal.apply({ kind: 'command', t, account: TRADER_ID, command }, true, planId);
    if (!r.ok) {
      throw new AppError('ENGINE_REJECTED', r.rejection.message, { code: r.rejection.code, ...(r.rejection.field ? { field: r.rejection.field } : {}) });
    }
    // A market order of yours fills like any other fill of yours: "Pause on: your fill" stops a playing replay.
    this.applied(r.effects, t);
    return r.effects;
  }

  /** An order command's answer: the order as it ended up, its fills, and any liquidations it set off. */
  orderCommand(command: EngineCommand, planId?: string): OrderResult {
    const id = this.engine.readState.ids.order + 1;
    return orderResult(this.command(command, planId), id);
  }

  // ---- applying and pushing ------------------------------------------------------------------

  /** An applied event's effects reach the trader's pause-on and the next pushed frame. */
  private applied(effects: readonly Effect[], t: number): void {
    if (this.deps.onTraderEvent) for (const e of traderEvents(effects)) this.deps.onTraderEvent(e, t);
    this.frames.absorb(effects);
  }

  /** Sends the coalesced frame now (the timer does; tests and the CLI may too): trading-frames.ts. */
  pushFrame(): void {
    this.frames.push();
  }

  /** Commits buffered market events now. */
  flush(): void {
    // Mid-event nothing is written (a due snapshot would catch half an event); it commits right after.
    if (!this.work.busy) this.journal.flush();
  }

  /** A close's first half that keeps main live: a big state's snapshot at the head, in slices (MarketEvents.snapshotAtHead). */
  async prepareClose(): Promise<void> {
    await this.work.settled();
    if (this.closed || this.opening !== 'no') return;
    this.market.snapshotAtHead();
    await this.work.settled();
    // The buffered events go to the log writer too (Workspace.prepareClose waits for it).
    if (!this.closed && this.opening === 'no') this.journal.handOver();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.frames.close();
    this.openGeneration += 1;
    // The log must not end mid-event: an event still in slices is finished first (it is then logged).
    const stale = this.work.close();
    if (!stale) this.journal.close();
  }
}
