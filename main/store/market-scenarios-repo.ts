import type { Db } from './db-types';

export interface SavedScenarioRow {
  readonly id: string;
  readonly name: string;
  readonly json: string;
  readonly updatedAt: number;
}

/** Scenarios a user wrote and saved, kept as the JSON text they typed. */
export class MarketScenariosRepo {
  constructor(private readonly db: Db) {}

  list(): SavedScenarioRow[] {
    return this.db.prepare<[], SavedScenarioRow>('SELECT id, name, json, updated_at AS updatedAt FROM market_scenarios ORDER BY name, id').all();
  }

  get(id: string): SavedScenarioRow | null {
    return this.db.prepare<[string], SavedScenarioRow>('SELECT id, name, json, updated_at AS updatedAt FROM market_scenarios WHERE id = ?').get(id) ?? null;
  }

  save(row: SavedScenarioRow): void {
    this.db
      .prepare('INSERT INTO market_scenarios (id, name, json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json, updated_at = excluded.updated_at')
      .run(row.id, row.name, row.json, row.updatedAt);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM market_scenarios WHERE id = ?').run(id).changes > 0;
  }
}
