import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CandleKind, Interval } from '#shared/domain/market-series';
import type { Db, Statement } from '../../store/db-types';
import type { StageSink } from './stage-sink';

const BATCH = 4096;

/**
 * The staging area of one import: a throw-away SQLite file ATTACHed to the workspace connection.
 * Readers stream validated rows into it in short transactions that touch only the staging file,
 * so the workspace is never inside an open transaction while the import awaits I/O (another
 * caller's write cannot be swept into our rollback). When every file has been read, the merge
 * copies the staged rows into the workspace in ONE transaction: a bad file therefore adds nothing,
 * and a file of any size needs only a batch of rows in memory.
 */
export class Staging implements StageSink {
  readonly schema: string;
  private readonly file: string;
  private readonly insertCandle: Statement;
  private readonly insertFunding: Statement;
  private readonly insertDepth: Statement;
  private candles: unknown[][] = [];
  private funding: unknown[][] = [];
  private depth: unknown[][] = [];
  private readonly flushTx: () => void;
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly db: Db,
    dir: string,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    const tag = randomBytes(6).toString('hex');
    this.schema = `stage_${tag}`;
    this.file = path.join(dir, `import-${tag}.staging.db`);
    db.prepare(`ATTACH DATABASE ? AS ${this.schema}`).run(this.file);
    const s = this.schema;
    try {
      db.exec(`
        PRAGMA ${s}.journal_mode = OFF;
        PRAGMA ${s}.synchronous = OFF;
        CREATE TABLE ${s}.s_candles (
          sid INTEGER NOT NULL, open_time INTEGER NOT NULL, open TEXT NOT NULL, high TEXT NOT NULL, low TEXT NOT NULL,
          close TEXT NOT NULL, volume TEXT NOT NULL, quote_volume TEXT, trades INTEGER, PRIMARY KEY (sid, open_time)
        ) WITHOUT ROWID;
        CREATE TABLE ${s}.s_funding (
          fid INTEGER NOT NULL, funding_time INTEGER NOT NULL, rate TEXT NOT NULL, interval_hours INTEGER NOT NULL,
          raw_time INTEGER NOT NULL, PRIMARY KEY (fid, funding_time)
        ) WITHOUT ROWID;
        CREATE TABLE ${s}.s_depth (
          did INTEGER NOT NULL, snapshot_time INTEGER NOT NULL, percentage INTEGER NOT NULL, depth TEXT NOT NULL,
          notional TEXT NOT NULL, PRIMARY KEY (did, snapshot_time, percentage)
        ) WITHOUT ROWID;
      `);
    } catch (err) {
      this.dispose();
      throw err;
    }
    this.insertCandle = db.prepare(`INSERT INTO ${s}.s_candles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertFunding = db.prepare(`INSERT INTO ${s}.s_funding VALUES (?, ?, ?, ?, ?)`);
    this.insertDepth = db.prepare(`INSERT INTO ${s}.s_depth VALUES (?, ?, ?, ?, ?)`);
    this.flushTx = db.transaction(() => {
      for (const r of this.candles) this.insertCandle.run(r);
      for (const r of this.funding) this.insertFunding.run(r);
      for (const r of this.depth) this.insertDepth.run(r);
    });
  }

  /** Staging ids are unique per reader (per file and series), so two files never collide here. */
  candleSeries(_key: { venue: string; symbol: string; interval: Interval; kind: CandleKind }): number {
    return this.nextId++;
  }

  fundingSeries(_venue: string, _symbol: string): number {
    return this.nextId++;
  }

  depthSeries(_venue: string, _symbol: string): number {
    return this.nextId++;
  }

  addCandle(sid: number, t: number, open: string, high: string, low: string, close: string, volume: string, quoteVolume: string | null, trades: number | null): void {
    this.candles.push([sid, t, open, high, low, close, volume, quoteVolume, trades]);
    if (this.candles.length >= BATCH) this.flush();
  }

  addFunding(fid: number, t: number, rate: string, intervalHours: number, rawTime: number): void {
    this.funding.push([fid, t, rate, intervalHours, rawTime]);
    if (this.funding.length >= BATCH) this.flush();
  }

  addDepth(did: number, t: number, percentage: number, depth: string, notional: string): void {
    this.depth.push([did, t, percentage, depth, notional]);
    if (this.depth.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.candles.length + this.funding.length + this.depth.length === 0) return;
    this.flushTx();
    this.candles = [];
    this.funding = [];
    this.depth = [];
  }

  /** Detaches and deletes the staging file. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.candles = [];
    try {
      if (this.db.open) this.db.prepare(`DETACH DATABASE ${this.schema}`).run();
    } catch {
      // Detaching fails only if the connection is gone; the file is removed below either way.
    }
    fs.rmSync(this.file, { force: true });
  }
}

/** A staging or upload file untouched for this long belongs to no live import. */
export const STALE_AFTER_MS = 6 * 3_600_000;

/**
 * Removes staging files left by an import that was killed mid-way (they hold nothing of value).
 * Only old ones: another process (the CLI beside the app) may be importing into the same folder.
 */
export function sweepStaleStaging(dir: string, now = Date.now(), olderThanMs = STALE_AFTER_MS): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.staging.db')) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs >= olderThanMs) fs.rmSync(file, { force: true });
    } catch {
      // In use (Windows) or already gone: leave it to a later start.
    }
  }
}
