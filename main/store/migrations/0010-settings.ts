import type { Migration } from './types';

export const m0010Settings: Migration = {
  version: 10,
  name: 'settings',
  up(db) {
    // One row per setting, value as JSON text; unknown keys survive a downgrade-free upgrade.
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
