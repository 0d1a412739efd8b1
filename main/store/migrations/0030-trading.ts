import type { Migration } from './types';

/**
 * The paper-trading event log and what its events did (docs/engine.md, "Persistence").
 *
 * - trading_events: every engine input, in order. `seq` is the engine's event count after it,
 *   so the log is the engine's history: replaying it from seq 1 rebuilds the state.
 * - trading_snapshots: the engine state after event `seq`, with its canonical hash, so reopening
 *   replays only the tail.
 * - history tables: the rows an event produced (the trader's orders, fills, funding payments,
 *   balance changes; everyone's liquidations and insurance fund changes), each tagged with the
 *   `seq` of its event and written in the same transaction, so there is never half of an event;
 *   seeking back deletes them by seq with the events.
 *
 * Decimals are TEXT inside the JSON bodies and never aggregated in SQL.
 */
export const m0030Trading: Migration = {
  version: 30,
  name: 'trading',
  up(db) {
    db.exec(`
      CREATE TABLE trading_events (
        seq  INTEGER PRIMARY KEY,
        t    INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('setup', 'tick', 'funding', 'crowd', 'command')),
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trading_events_t ON trading_events (t);

      CREATE TABLE trading_snapshots (
        seq  INTEGER PRIMARY KEY,
        t    INTEGER,
        hash TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE trading_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Every version of the trader's orders; the latest per order is its current state.
      CREATE TABLE trading_order_versions (
        order_id   INTEGER NOT NULL,
        seq        INTEGER NOT NULL,
        account    TEXT NOT NULL,
        symbol     TEXT NOT NULL,
        status     TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        body       TEXT NOT NULL,
        PRIMARY KEY (order_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX trading_order_versions_seq ON trading_order_versions (seq);

      CREATE TABLE trading_fills (
        id      INTEGER PRIMARY KEY,
        seq     INTEGER NOT NULL,
        t       INTEGER NOT NULL,
        account TEXT NOT NULL,
        symbol  TEXT NOT NULL,
        body    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trading_fills_seq ON trading_fills (seq);
      CREATE INDEX trading_fills_account ON trading_fills (account, id);

      CREATE TABLE trading_funding (
        id      INTEGER PRIMARY KEY,
        seq     INTEGER NOT NULL,
        t       INTEGER NOT NULL,
        account TEXT NOT NULL,
        symbol  TEXT NOT NULL,
        body    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trading_funding_seq ON trading_funding (seq);
      CREATE INDEX trading_funding_account ON trading_funding (account, id);

      CREATE TABLE trading_liquidations (
        id        INTEGER PRIMARY KEY,
        seq       INTEGER NOT NULL,
        t         INTEGER NOT NULL,
        account   TEXT NOT NULL,
        is_trader INTEGER NOT NULL,
        symbol    TEXT NOT NULL,
        body      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trading_liquidations_seq ON trading_liquidations (seq);
      CREATE INDEX trading_liquidations_trader ON trading_liquidations (is_trader, id);

      CREATE TABLE trading_insurance (
        id   INTEGER PRIMARY KEY,
        seq  INTEGER NOT NULL,
        t    INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trading_insurance_seq ON trading_insurance (seq);

      CREATE TABLE trading_balance (
        id      INTEGER PRIMARY KEY,
        seq     INTEGER NOT NULL,
        t       INTEGER NOT NULL,
        account TEXT NOT NULL,
        body    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trading_balance_seq ON trading_balance (seq);
    `);
  },
};
