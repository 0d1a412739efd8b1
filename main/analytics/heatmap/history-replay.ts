import type { EngineEvent } from '#shared/domain/trading-commands';
import { Engine } from '#main/engine/engine';
import type { PathPoint } from './price-path';
import { HeatmapRecorder } from './recorder';
import type { StoreParts } from './segments';

/** The heatmap's history of a session up to a point of its log. */
export interface HeatmapHistory {
  readonly parts: StoreParts;
  readonly path: readonly PathPoint[];
  /** The engine time the history reaches (the resume). */
  readonly now: number;
}

/**
 * Replays a session's log (every event up to `toSeq`) into a fresh engine with a recorder
 * following it, reading everything at once: what the recorder would have recorded had it run
 * all along. Runs in a worker thread (history-worker.ts): a long session with a big crowd takes
 * the engine seconds.
 */
export function replayHistory(events: Iterable<{ seq: number; event: EngineEvent }>, symbol: string, toSeq: number): HeatmapHistory {
  const engine = new Engine();
  const recorder = new HeatmapRecorder(() => engine, () => symbol, { sliceMs: Number.POSITIVE_INFINITY, schedule: () => undefined });
  for (const { seq, event } of events) {
    if (seq > toSeq) break;
    const r = engine.apply(event);
    if (!r.ok) throw new Error(`trading log event ${seq} (${event.kind}) is refused on replay: ${r.rejection.message}`);
    if (event.kind === 'tick') recorder.onTick(event.tick);
    else if (event.kind === 'funding') recorder.onFunding(event.funding);
    else if (Number.isFinite(engine.readState.t)) recorder.sync(engine.readState.t);
  }
  recorder.drainAll();
  return { parts: recorder.store.parts(), path: recorder.path.all().map((p) => ({ ...p })), now: recorder.now };
}
