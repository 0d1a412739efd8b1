import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '#shared/domain/settings';
import type { Db } from './db-types';

/** Settings as key/value rows; the value column holds JSON. */
export class SettingsRepo {
  private readonly selectAll;
  private readonly upsert;

  constructor(private readonly db: Db) {
    this.selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  /** Stored values over defaults; a stored value that no longer validates falls back to its default. */
  get(): Settings {
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const row of this.selectAll.all()) {
      if (!(row.key in DEFAULT_SETTINGS)) continue;
      const field = SettingsSchema.shape[row.key as keyof Settings];
      const parsed = field.safeParse(safeJson(row.value));
      if (parsed.success) merged[row.key] = parsed.data;
    }
    return SettingsSchema.parse(merged);
  }

  /** Writes every field of the patch in one transaction and returns the complete result. */
  update(patch: SettingsPatch): Settings {
    return this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) this.upsert.run(key, JSON.stringify(value));
      }
      return this.get();
    })();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
