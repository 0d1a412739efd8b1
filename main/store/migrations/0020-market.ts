import type { Migration } from './types';

/**
 * Market data. Prices, volumes and rates are TEXT exactly as imported (never SUM()ed in SQL).
 * Candles are WITHOUT ROWID and keyed by (series_id, open_time): a range read of one series is a
 * single B-tree range scan in time order, which is what replay and charts do.
 * Coverage (rows, first/last time, gaps) is kept on the series row and recomputed by the import
 * that changes it, so listing series never scans candles.
 */
export const m0020Market: Migration = {
  version: 20,
  name: 'market',
  up(db) {
    db.exec(`
      CREATE TABLE market_series (
        id         INTEGER PRIMARY KEY,
        venue      TEXT NOT NULL,
        symbol     TEXT NOT NULL,
        interval   TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('trade', 'mark', 'index', 'premium')),
        origin     TEXT NOT NULL CHECK (origin IN ('default', 'import')),
        rows       INTEGER NOT NULL DEFAULT 0,
        first_time INTEGER,
        last_time  INTEGER,
        gap_count  INTEGER NOT NULL DEFAULT 0,
        missing    INTEGER NOT NULL DEFAULT 0,
        gaps       TEXT NOT NULL DEFAULT '[]',
        UNIQUE (venue, symbol, interval, kind)
      ) STRICT;

      CREATE TABLE market_candles (
        series_id    INTEGER NOT NULL REFERENCES market_series (id) ON DELETE CASCADE,
        open_time    INTEGER NOT NULL,
        open         TEXT NOT NULL,
        high         TEXT NOT NULL,
        low          TEXT NOT NULL,
        close        TEXT NOT NULL,
        volume       TEXT NOT NULL,
        quote_volume TEXT,
        trades       INTEGER,
        PRIMARY KEY (series_id, open_time)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE market_funding (
        venue          TEXT NOT NULL,
        symbol         TEXT NOT NULL,
        funding_time   INTEGER NOT NULL,
        rate           TEXT NOT NULL,
        interval_hours INTEGER NOT NULL,
        raw_time       INTEGER NOT NULL,
        origin         TEXT NOT NULL CHECK (origin IN ('default', 'import')),
        PRIMARY KEY (venue, symbol, funding_time)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE market_depth (
        venue         TEXT NOT NULL,
        symbol        TEXT NOT NULL,
        snapshot_time INTEGER NOT NULL,
        percentage    INTEGER NOT NULL,
        depth         TEXT NOT NULL,
        notional      TEXT NOT NULL,
        origin        TEXT NOT NULL CHECK (origin IN ('default', 'import')),
        PRIMARY KEY (venue, symbol, snapshot_time, percentage)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE market_imports (
        id          INTEGER PRIMARY KEY,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        format      TEXT NOT NULL,
        origin      TEXT NOT NULL,
        rows_read   INTEGER NOT NULL,
        rows_added  INTEGER NOT NULL,
        summary     TEXT NOT NULL,
        imported_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX market_imports_sha ON market_imports (sha256);

      CREATE TABLE market_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE market_scenarios (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        json       TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
