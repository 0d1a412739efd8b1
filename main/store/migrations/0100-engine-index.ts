import type { Migration } from './types';

/**
 * The engine's liquidation index next to each trading snapshot (issue 10, item 8): reopening a
 * workspace with a 100,000-trader crowd then takes the solved liquidation prices as they were
 * instead of solving every one again. `index_body` is JSON (main/engine LiquidationIndexData),
 * derived from the snapshot's state and not covered by its hash; NULL (snapshots written before
 * this step) means "solve on restore", as before.
 */
export const m0100EngineIndex: Migration = {
  version: 100,
  name: 'engine-index',
  up(db) {
    db.exec('ALTER TABLE trading_snapshots ADD COLUMN index_body TEXT');
  },
};
