import type { Db } from './db-types';

/** Small facts about the workspace's market data (e.g. which default data set was loaded). */
export class MarketMetaRepo {
  constructor(private readonly db: Db) {}

  get(key: string): string | null {
    return this.db.prepare<[string], string>('SELECT value FROM market_meta WHERE key = ?').pluck().get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.db.prepare('INSERT INTO market_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** True when the workspace holds no market data at all (a new workspace). */
  isEmpty(): boolean {
    return (
      this.db.prepare<[], number>('SELECT (SELECT count(*) FROM market_series) + (SELECT count(*) FROM market_funding) + (SELECT count(*) FROM market_depth)').pluck().get() === 0
    );
  }
}
