import type { FundingTick, MarketTick } from '#shared/domain/market-tick';
import type { Scenario } from '#shared/domain/scenario';
import { eventTime, type EngineCommand, type EngineEvent } from '#shared/domain/trading-commands';
import type { OrderResult } from '#shared/ipc/channels/trading';
import type { Effect } from '#main/engine/effects';
import { Engine } from '#main/engine/engine';
import { TRADER_ID } from '#main/engine/model/ids';
import { AppError } from '../ipc/app-error';
import type { TickSink } from '../market/replay/sink';
import { TradingFrames } from './frames';
import { CROWD_DRAW_OFF_MAIN_TRADERS, CROWD_OFF_MAIN_TRADERS, crowdArrivalsDue, HeldMarketEvents } from './crowd-open';
import { DEFAULT_JOURNAL_OPTIONS, TradingJournal, type JournalOptions, type OpenReport } from './journal';
import { openingConflict, restoreIsBig } from './opening';
import { restoreOffMain, type OffMainReport } from './restore-off-main';
import { TradingQueries } from './trading-queries';
import { orderResult, realTimers, traderEvents, type StoredSession, type TradingServiceDeps } from './trading-service-deps';
import { defaultSession, headerEvents, sessionFromScenario, type SessionSpec } from './session';

export type { Timers, TradingPush, TradingServiceDeps } from './trading-service-deps';

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
  ready: Promise<void>;
  private opening: 'no' | 'yes' | Error = 'no';
  /** Market events held while a big crowd opens in the trading worker (crowd-open.ts). */
  private held: HeldMarketEvents | null = null;
  private readonly options: JournalOptions;
  private openGeneration = 0;
  readonly queries: TradingQueries;
  private session: StoredSession | null;
  private scriptNext = 0;
  private readonly frames: TradingFrames;
  private closed = false;
  private hashCache: { readonly key: string; readonly hash: string } | null = null;

  constructor(private readonly deps: TradingServiceDeps) {
    this.frames = new TradingFrames(deps.publish, deps.timers ?? realTimers, deps.frameMs ?? 100, () => this.queries.state(), () => {
      if (this.journal.pendingCount > 0) this.journal.flushGroup();
    });
    const options = { ...DEFAULT_JOURNAL_OPTIONS, ...deps.journal };
    this.options = options;
    this.queries = new TradingQueries(deps.db, () => this.journal.engine);
    const offMain = deps.offMain && (deps.offMain.when === 'always' || restoreIsBig(deps.db)) ? deps.offMain : null;
    if (offMain) {
      this.journal = TradingJournal.adopt(deps.db, new Engine(), options, 0);
      this.openReport = { snapshotSeq: 0, replayed: 0, lastSeq: 0, ms: 0, hash: '' };
      this.session = null;
      this.opening = 'yes';
      const generation = this.openGeneration;
      this.ready = restoreOffMain(deps.db, offMain.dbPath, options.verify).then(
        (r) => {
          this.adopt(generation, r);
        },
        (err: Error) => {
          if (generation === this.openGeneration) this.opening = err;
          console.error(`Levdesk: reopening the paper-trading session off main failed: ${err.message}`);
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

  /** Settles when no open is in progress any more (a crowd's draw leads to its first tick's open). */
  async opened(): Promise<void> {
    while (this.opening === 'yes') await this.ready;
  }

  /** Whether the engine is still being reopened in the background. */
  get restoring(): boolean {
    return this.opening === 'yes';
  }

  private storedSession(): StoredSession | null {
    const meta = this.journal.repo.getMeta('session');
    return meta ? (JSON.parse(meta) as StoredSession) : null;
  }

  /** The reopened engine takes over (unless the reopen was abandoned or the service closed meanwhile). */
  private adopt(generation: number, r: OffMainReport): boolean {
    if (generation !== this.openGeneration || this.closed) {
      void r.replica.terminate();
      return false;
    }
    this.journal.clearReplica();
    this.journal = TradingJournal.adopt(this.deps.db, r.engine, this.options, r.snapshotSeq, r.replica);
    this.openReport = { snapshotSeq: r.snapshotSeq, replayed: r.lastSeq - r.snapshotSeq, lastSeq: r.lastSeq, ms: r.ms, hash: r.hash };
    this.session = this.storedSession();
    this.scriptNext = this.nextScriptIndex();
    const st = r.engine.readState;
    this.hashCache = { key: `${st.seq}|${st.t}|${this.session?.key ?? ''}`, hash: r.hash };
    this.opening = 'no';
    this.queries.invalidate();
    this.frames.markDirty();
    return true;
  }

  /**
   * The event of a big crowd (its draw) and a tick that opens 2,000 or more of its traders
   * (crowd-open.ts) go to the trading worker with the log as it stands; the market events after
   * them are held meanwhile. Main adopts the worker's engine in
   * slices, logs the tick with the effects the worker reports (the worker then snapshots that
   * state off main), and applies the held events: the log is what an open on main would write.
   */
  private openCrowd(event: EngineEvent, begin?: () => void): void {
    this.journal.flush(false, true);
    const dbPath = this.deps.offMain!.dbPath;
    const generation = this.openGeneration;
    this.opening = 'yes';
    // Opened from held events (the draw, then its first tick): the ones after it stay held, in order.
    const held = (this.held = new HeldMarketEvents(this.held));
    this.ready = restoreOffMain(this.deps.db, dbPath, this.options.verify, [event]).then(
      async (r) => {
        const session = this.session;
        if (!this.adopt(generation, r)) return;
        this.session = session;
        this.journal.record(event, r.effects[0]!, r.engine.readState.seq);
        this.journal.snapshotHead();
        begin?.();
        this.opening = 'yes';
        this.afterMarket(r.effects[0]!, eventTime(event));
        if (event.kind === 'tick') this.runScript(event.tick.t);
        await held.drain((e) => this.marketNow(e), () => this.held === held && !this.closed);
        if (this.held === held) {
          this.held = null;
          this.opening = 'no';
        }
      },
      (err: Error) => {
        if (generation !== this.openGeneration) return;
        console.error(`Levdesk: opening the crowd off main failed: ${err.message}`);
        this.held = null;
        this.opening = err;
        throw err;
      },
    );
    this.ready.catch(() => undefined);
  }

  /** A reopen in progress gives way to a new session (the log is replaced anyway). */
  private abandonOpening(): void {
    this.openGeneration += 1;
    this.opening = 'no';
    this.held = null;
  }

  get engine() {
    return this.journal.engine;
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
    this.onMarket({ kind: 'tick', tick });
  }

  onFunding(funding: FundingTick): void {
    this.onMarket({ kind: 'funding', funding });
  }

  private onMarket(e: EngineEvent): void {
    if (this.held) this.held.hold(e);
    else if (this.opening === 'no') this.marketNow(e);
  }

  private marketNow(e: EngineEvent): void {
    if (e.kind === 'tick') {
      const { tick } = e;
      if (!this.session || !this.engine.readState.markets.has(tick.symbol)) this.startFor(tick.symbol, tick.t);
      if (this.deps.offMain && crowdArrivalsDue(this.engine, tick.symbol, tick.t) >= (this.deps.offMain.crowd?.tick ?? CROWD_OFF_MAIN_TRADERS)) {
        this.openCrowd({ kind: 'tick', tick });
        return;
      }
      this.applyMarket(e);
      this.runScript(tick.t);
    } else if (e.kind === 'funding') {
      if (!this.session || !this.engine.readState.markets.has(e.funding.symbol)) return;
      this.applyMarket(e);
    }
  }

  /**
   * The replay moved back (or loaded a scenario). A different scenario starts a new session; the
   * same one rewinds to t: every event at or after t is deleted with its rows, including the
   * trader's commands (the timeline forks; the reset push says how many were dropped).
   */
  onReset(t: number): void {
    const loaded = this.loadedSession();
    // A seek or a load while a crowd opens off main: the open is dropped (the log does not hold its tick yet).
    if (this.held) this.abandonOpening();
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
    this.frames.dropActivity();
    this.deps.publish({ type: 'trading.reset', payload: { reason: 'rewind', t, discarded: report.discarded, discardedCommands: report.discardedCommands } });
    this.frames.markDirty();
  }

  /**
   * The replay loaded a scenario. Loading the scenario of the current session again (after a
   * restart, or picking it anew) continues the session: the answer is how many of its market events
   * the log already holds, and the clock moves past them. Any other scenario starts a new session.
   * Rewinding is a seek back, never a load.
   */
  onLoad(t: number): number {
    if (this.held) this.abandonOpening();
    if (this.opening !== 'no' && this.loadedSession()?.spec.key === this.storedSession()?.key) throw openingConflict(this.opening);
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
    const header = headerEvents(spec);
    const session = { key: spec.key, name: spec.name, symbol: spec.symbol, t0: spec.t0, headerSeq: header.length, script: spec.script, ...(source ? { source } : {}) };
    // A big crowd is drawn in the trading worker (its event comes last); the session is stored once the log holds it.
    const crowd = this.deps.offMain && (spec.crowd?.traders ?? 0) >= (this.deps.offMain.crowd?.draw ?? CROWD_DRAW_OFF_MAIN_TRADERS) ? header.pop() : undefined;
    for (const e of header) {
      const r = this.journal.apply(e, true);
      if (!r.ok) throw new AppError('ENGINE_REJECTED', `the session's ${e.kind} was refused: ${r.rejection.message}`, { code: r.rejection.code });
    }
    this.session = null;
    if (crowd) this.openCrowd(crowd, () => this.beginSession(session));
    else this.beginSession(session);
    this.queries.invalidate();
    this.frames.dropActivity();
    this.deps.publish({ type: 'trading.reset', payload: { reason: 'session', t: spec.t0, discarded: 0, discardedCommands: 0 } });
    this.frames.markDirty();
  }

  private beginSession(session: StoredSession): void {
    this.session = session;
    this.journal.repo.setMeta('session', JSON.stringify(session));
    this.scriptNext = 0;
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
    return orderResult(this.command(command, planId), id);
  }

  // ---- applying and pushing ------------------------------------------------------------------

  private applyMarket(event: EngineEvent): void {
    const r = this.journal.apply(event, false);
    if (!r.ok) throw new Error(`the engine refused a market event (${event.kind}): ${r.rejection.message}`);
    this.afterMarket(r.effects, event.kind === 'tick' ? event.tick.t : event.kind === 'funding' ? event.funding.t : this.engine.readState.t);
  }

  private afterMarket(effects: readonly Effect[], t: number): void {
    this.notifyTrader(effects, t);
    this.absorb(effects);
  }

  private notifyTrader(effects: readonly Effect[], t: number): void {
    if (this.deps.onTraderEvent) for (const e of traderEvents(effects)) this.deps.onTraderEvent(e, t);
  }

  private absorb(effects: readonly Effect[]): void {
    this.frames.absorb(effects);
  }

  /**
   * Sends the coalesced frame now (the timer calls this; tests and the CLI may too). Buffered
   * market events are committed first, so a slow replay never leaves events waiting for a full group.
   */
  pushFrame(): void {
    this.frames.push();
  }

  /** Commits buffered market events now. */
  flush(): void {
    this.journal.flush();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.openGeneration += 1;
    this.frames.stop();
    this.held = null;
    this.journal.close();
  }

  /** Settles when the last snapshot asked of the replica is stored (the close snapshot is written after close() returns). */
  get snapshotWritten(): Promise<unknown> {
    return this.journal.snapshotWritten;
  }
}
