import type { Migration } from './types';

/**
 * Trade plans (Planner view) and the link from the paper orders placed from a plan to that plan,
 * so the journal can score a round trip against the plan it came from.
 *
 * - plans: one row per saved plan; `body` is the plan document as JSON with decimals as strings.
 *   The fields other modules read are `symbol`, `side` ('long' | 'short'), `entry`, `stop` and
 *   `quantity` (decimal strings); the rest belongs to the planner.
 * - plan_orders: order ids of trading_order_versions placed from a plan, tagged with the `seq` of
 *   the command event that placed them, so seeking back deletes the link with the order.
 *   No foreign key to plans: deleting a plan keeps the history of what was traded from it.
 */
export const m0040Plans: Migration = {
  version: 40,
  name: 'plans',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        notes      TEXT NOT NULL DEFAULT '',
        body       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE plan_orders (
        order_id INTEGER PRIMARY KEY,
        plan_id  TEXT NOT NULL,
        seq      INTEGER NOT NULL,
        body     TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX plan_orders_plan ON plan_orders (plan_id);
      CREATE INDEX plan_orders_seq ON plan_orders (seq);
    `);
  },
};
