import type { EngineEvent } from '#shared/domain/trading-commands';
import type { ApplyResult, Effect } from '#main/engine/effects';
import type { TradingJournal } from './journal';
import { SLICE_MS } from '../app/run-sliced';
import { SNAPSHOT_STEP_ACCOUNTS, STEPPED_SNAPSHOT_ACCOUNTS, STEP_EVERY } from './slicing';
import { SteppedEvent } from './stepped-event';
import type { WorkQueue } from './work-queue';

/** What applying events needs of the trading service (its journal is replaced when a reopen lands). */
export interface MarketEventsHost {
  readonly journal: () => TradingJournal;
  readonly work: WorkQueue;
  readonly closed: () => boolean;
  /** How long an event may run at once (TradingServiceDeps.stepBudgetMs). */
  readonly stepBudgetMs: number | undefined;
  /** The engine's time as queries see it: the time of an event that carries none (a crowd). */
  readonly engineT: () => number;
  /** An applied event's effects: the trader's pause events and the pushed activity. */
  readonly applied: (effects: readonly Effect[], t: number) => void;
  /** A stepped event finished: the cached state hash is stale. */
  readonly stale: () => void;
  /** The engine is unusable (an event failed mid-way); trading calls are refused from now on. */
  readonly failed: (err: Error) => void;
  readonly markDirty: () => void;
}

/**
 * Applies the market's events to the engine (a replay tick, a funding settlement, a big crowd's
 * arrival) without holding main's event loop: at once when quick (nearly always), else in slices
 * behind the work queue; and writes a big state's periodic snapshots in slices the same way.
 */
export class MarketEvents {
  constructor(private readonly host: MarketEventsHost) {}

  /**
   * A market event, then `then`. Applied at once when it is quick; one still at work after a
   * slice (the tick a 100,000-trader crowd arrives on, a funding settlement of its positions, a
   * cascade liquidating thousands) goes on in slices (continueStepped).
   */
  apply(event: EngineEvent, then: () => void): void {
    const journal = this.host.journal();
    journal.snapshotsInSteps = this.host.stepBudgetMs !== Number.POSITIVE_INFINITY && journal.engine.readState.accounts.size >= STEPPED_SNAPSHOT_ACCOUNTS;
    const steps = journal.applySteps(event, STEP_EVERY);
    const budget = this.host.stepBudgetMs ?? SLICE_MS;
    // Right after another work's last slice (it waited behind it): one step only, then a task of its own.
    const end = this.host.work.draining && budget !== Number.POSITIVE_INFINITY ? 0 : performance.now() + budget;
    for (;;) {
      const r = steps.next();
      if (r.done) {
        this.complete(event, r.value);
        then();
        return this.snapshotIfDue();
      }
      if (performance.now() >= end) break;
    }
    this.continueStepped(event, steps, then);
  }

  /** The crowd event of a big crowd (its 100,000 draws), in slices from the start. */
  applyStepped(event: EngineEvent, then: () => void): void {
    const journal = this.host.journal();
    // The log is brought up to date first: nothing may be written while the engine is mid-event.
    journal.flush();
    this.continueStepped(event, journal.applySteps(event, STEP_EVERY), then);
  }

  /**
   * An event's remaining steps, applied in slices (stepped-event.ts) so main's event loop stays
   * live; `then` runs after it, and the market events, seeks and loads that arrived meanwhile
   * after that, in order.
   */
  private continueStepped(event: EngineEvent, steps: Generator<void, ApplyResult>, then: () => void): void {
    const failed = (err: Error): void => {
      this.host.failed(err);
      console.error(`Levdesk could not apply a ${event.kind} event to the paper-trading session: ${err.message}`);
    };
    this.host.work.start(
      new SteppedEvent(steps),
      (r) => {
        if (!r.ok) return failed(new Error(`the engine refused it: ${r.rejection.message}`));
        this.host.stale();
        this.complete(event, r);
        then();
        this.snapshotIfDue();
      },
      failed,
      then,
    );
    this.host.markDirty();
  }

  /**
   * A big state's periodic snapshot, once due, written in slices (journal.snapshotSteps: ~1.5 s
   * at once for 100,000 traders), with what arrives meanwhile deferred as for a stepped event.
   * A failed one is reported and tried again snapshotEvery events later: the log is whole without it.
   */
  private snapshotIfDue(): void {
    const journal = this.host.journal();
    if (this.host.work.busy || this.host.closed() || !journal.snapshotsInSteps || !journal.snapshotDue) return;
    this.snapshotInSteps();
  }

  /**
   * Before a close: a big state's snapshot at the head, in slices, so the close has none to write
   * in one piece (3-5 s for 100,000 traders). Nothing to do for a small state (the close writes
   * it in a few ms) or when a snapshot already stands at the head.
   */
  snapshotAtHead(): void {
    const journal = this.host.journal();
    if (this.host.work.busy || this.host.closed() || journal.sinceSnapshot === 0) return;
    if (journal.engine.readState.accounts.size < STEPPED_SNAPSHOT_ACCOUNTS) return;
    this.snapshotInSteps();
  }

  private snapshotInSteps(): void {
    const journal = this.host.journal();
    const steps = (function* (): Generator<void, true> {
      try {
        yield* journal.snapshotSteps(SNAPSHOT_STEP_ACCOUNTS);
      } catch (err) {
        console.error(`Levdesk could not write a snapshot of the paper-trading session (the log is whole without it): ${(err as Error).message}`);
      }
      return true;
    })();
    this.host.work.start(new SteppedEvent(steps), () => undefined, () => undefined);
  }

  private complete(event: EngineEvent, r: ApplyResult): void {
    if (!r.ok) throw new Error(`the engine refused a market event (${event.kind}): ${r.rejection.message}`);
    this.host.applied(r.effects, event.kind === 'tick' ? event.tick.t : event.kind === 'funding' ? event.funding.t : this.host.engineT());
  }
}
