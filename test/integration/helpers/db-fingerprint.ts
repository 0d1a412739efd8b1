import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '#main/store/db-types';

/** A hash of every row of every table: equal before and after means nothing was written. */
export function dbFingerprint(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][];
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
    hash.update(`${table}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

export function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
