import type { Migration } from './types';

/**
 * The trade journal: imported account exports (fills, wallet transactions, orders, positions,
 * closed-P&L rows) and the trader's notes on round trips. Each table's primary key is the
 * exchange's own identity of a row, so re-importing a file adds nothing (INSERT OR IGNORE).
 * Decimals are TEXT and never summed in SQL. Round trips are not stored: they are rebuilt from
 * the fills (and the paper engine's history) so they can never disagree with them.
 */
export const m0050Journal: Migration = {
  version: 50,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE journal_imports (
        id          INTEGER PRIMARY KEY,
        file        TEXT NOT NULL,
        format      TEXT NOT NULL,
        rows_read   INTEGER NOT NULL,
        rows_added  INTEGER NOT NULL,
        imported_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE journal_fills (
        account       TEXT NOT NULL,
        venue         TEXT NOT NULL,
        symbol        TEXT NOT NULL,
        trade_id      TEXT NOT NULL,
        t             INTEGER NOT NULL,
        order_id      TEXT,
        side          TEXT NOT NULL,
        position_side TEXT NOT NULL,
        price         TEXT NOT NULL,
        quantity      TEXT NOT NULL,
        fee           TEXT NOT NULL,
        fee_asset     TEXT NOT NULL,
        realized_pnl  TEXT,
        settle_asset  TEXT NOT NULL,
        maker         INTEGER,
        import_id     INTEGER NOT NULL,
        PRIMARY KEY (account, venue, symbol, trade_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX journal_fills_t ON journal_fills (account, t);

      CREATE TABLE journal_transactions (
        account   TEXT NOT NULL,
        venue     TEXT NOT NULL,
        tx_id     TEXT NOT NULL,
        type      TEXT NOT NULL,
        asset     TEXT NOT NULL,
        t         INTEGER NOT NULL,
        amount    TEXT NOT NULL,
        symbol    TEXT,
        import_id INTEGER NOT NULL,
        PRIMARY KEY (account, venue, tx_id, type, asset)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE journal_orders (
        account         TEXT NOT NULL,
        venue           TEXT NOT NULL,
        order_id        TEXT NOT NULL,
        symbol          TEXT NOT NULL,
        t               INTEGER NOT NULL,
        type            TEXT NOT NULL,
        side            TEXT NOT NULL,
        position_side   TEXT NOT NULL,
        stop_price      TEXT,
        status          TEXT NOT NULL,
        client_order_id TEXT,
        executed        TEXT NOT NULL,
        import_id       INTEGER NOT NULL,
        PRIMARY KEY (account, venue, order_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE journal_positions (
        account      TEXT NOT NULL,
        venue        TEXT NOT NULL,
        symbol       TEXT NOT NULL,
        side         TEXT NOT NULL,
        opened       INTEGER NOT NULL,
        closed       INTEGER,
        margin_mode  TEXT,
        entry_price  TEXT NOT NULL,
        close_price  TEXT,
        closing_pnl  TEXT NOT NULL,
        -- The export repeats a position once per partial close: status, volume and PnL tell them apart.
        row_key      TEXT NOT NULL,
        import_id    INTEGER NOT NULL,
        PRIMARY KEY (account, venue, symbol, side, opened, row_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE journal_closed (
        account     TEXT NOT NULL,
        venue       TEXT NOT NULL,
        key         TEXT NOT NULL,
        symbol      TEXT NOT NULL,
        side        TEXT NOT NULL,
        opened_at   INTEGER,
        closed_at   INTEGER NOT NULL,
        quantity    TEXT NOT NULL,
        entry_price TEXT NOT NULL,
        exit_price  TEXT NOT NULL,
        closed_pnl  TEXT NOT NULL,
        asset       TEXT NOT NULL,
        exit_type   TEXT NOT NULL,
        import_id   INTEGER NOT NULL,
        PRIMARY KEY (account, venue, key)
      ) STRICT, WITHOUT ROWID;

      -- The trader's own words on a round trip, keyed by the trip's stable id.
      CREATE TABLE journal_annotations (
        trip_id    TEXT PRIMARY KEY,
        notes      TEXT NOT NULL DEFAULT '',
        tags       TEXT NOT NULL DEFAULT '[]',
        setup      TEXT NOT NULL DEFAULT '',
        mistakes   TEXT NOT NULL DEFAULT '[]',
        rating     INTEGER,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
