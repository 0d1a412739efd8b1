import type { Engine } from '#main/engine/engine';
import type { TimedCommand } from './session';

/**
 * Where the session's script stands: the first step not yet applied. Steps fire at the first tick
 * at or after their time. The position is not stored: after a reopen or a rewind it is found
 * again from the engine's last tick, so the log alone decides which steps have run.
 */
export class ScriptCursor {
  private script: readonly TimedCommand[] = [];
  private next = 0;

  /** Steps not yet applied (none without a session). */
  get pending(): number {
    return this.script.length - this.next;
  }

  /** A new session's script, from its first step. */
  start(script: readonly TimedCommand[]): void {
    this.script = script;
    this.next = 0;
  }

  /** The script of a reopened or rewound session (none: no session), from the engine's last tick on. */
  resume(script: readonly TimedCommand[] | undefined, engine: Engine): void {
    this.script = script ?? [];
    if (!script) {
      this.next = 0;
      return;
    }
    const lastTick = [...engine.readState.markets.values()].reduce((t, m) => Math.max(t, m.tick?.t ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
    const i = script.findIndex((s) => s.t > lastTick);
    this.next = i === -1 ? script.length : i;
  }

  /** The steps due at t, in order, each counted as applied once it is handed out. */
  *due(t: number): Generator<TimedCommand> {
    while (this.next < this.script.length && this.script[this.next]!.t <= t) {
      const step = this.script[this.next]!;
      this.next += 1;
      yield step;
    }
  }
}
