import type { Db } from '../db-types';
import { m0010Settings } from './0010-settings';
import { m0020Market } from './0020-market';
import { m0030Trading } from './0030-trading';
import { m0040Plans } from './0040-plans';
import { m0050Journal } from './0050-journal';
import { m0100EngineIndex } from './0100-engine-index';
import { m0110PackedTicks } from './0110-packed-ticks';
import type { Migration } from './types';

/** Every schema step, in order. Append only; never edit a step that has shipped. */
export const MIGRATIONS: readonly Migration[] = [m0010Settings, m0020Market, m0030Trading, m0040Plans, m0050Journal, m0100EngineIndex, m0110PackedTicks];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

export function assertMonotonic(migrations: readonly Migration[]): void {
  let last = 0;
  for (const m of migrations) {
    if (m.version <= last) {
      throw new Error(`migration ${m.name} has version ${m.version}, not above the previous ${last}`);
    }
    last = m.version;
  }
}

/**
 * Applies every pending step and the new user_version in ONE transaction: a crash or a failing
 * step leaves the file exactly as it was.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  assertMonotonic(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  const to = pending[pending.length - 1]!.version;
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to };
}
