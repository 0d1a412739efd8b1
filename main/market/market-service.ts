import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ImportOptions, ImportProgress, ImportSummary } from '#shared/domain/market-import';
import type { DepthSeriesInfo, FundingRate, FundingSeriesInfo, SeriesInfo, SeriesOrigin } from '#shared/domain/market-series';
import type { Db } from '../store/db-types';
import type { ReadSnapshot } from '../store/read-snapshot';
import { MarketCandlesRepo } from '../store/market-candles-repo';
import { MarketDepthRepo } from '../store/market-depth-repo';
import { MarketFundingRepo } from '../store/market-funding-repo';
import { ImportCancelled, importFiles } from './import/import-files';
import { ImportProblemError } from './import/problem';
import { sweepStaleStaging } from './import/staging';
import type { MarketData } from './feed/compile';
import { previewBars, previewBarsPaged, type PreviewBars } from './preview-bars';
import { UploadStore } from './uploads';

export interface MarketServiceDeps {
  readonly db: Db;
  /** The workspace's folder: staging and uploads live in it, on the same disk as the workspace. */
  readonly dataDir: string;
  readonly now?: () => number;
  readonly onProgress?: (p: ImportProgress) => void;
  /**
   * Opens a read-only connection pinned to one snapshot of the workspace; when given, paged
   * previews read every page from it, so a write between pages cannot mix two states.
   */
  readonly openReader?: () => ReadSnapshot;
  /** Stored market data changed. */
  readonly onChanged?: (reason: 'import' | 'delete' | 'default-data') => void;
}

export class ImportBusyError extends Error {
  override readonly name = 'ImportBusyError';
}

/**
 * Stored market data: series, funding and depth listings, candle previews, and imports (one at a
 * time: two imports racing for the same series would make "adds nothing twice" meaningless).
 */
export class MarketService {
  readonly candles: MarketCandlesRepo;
  readonly funding: MarketFundingRepo;
  readonly depth: MarketDepthRepo;
  readonly uploads: UploadStore;
  private running: AbortController | null = null;

  constructor(private readonly deps: MarketServiceDeps) {
    this.candles = new MarketCandlesRepo(deps.db);
    this.funding = new MarketFundingRepo(deps.db);
    this.depth = new MarketDepthRepo(deps.db);
    this.uploads = new UploadStore(path.join(deps.dataDir, 'uploads'));
  }

  /**
   * Removes staging files and uploads left by a run that was killed mid-import. Only the holder of
   * the workspace's writer lock calls this (no other process can be importing then), so it takes
   * everything; a reader (levdesk replay) never sweeps.
   */
  sweepLeftovers(): void {
    sweepStaleStaging(this.stagingDir, Date.now(), 0);
    this.uploads.sweep(Date.now(), 0);
  }

  get stagingDir(): string {
    return path.join(this.deps.dataDir, 'tmp');
  }

  get importing(): boolean {
    return this.running !== null;
  }

  series(): SeriesInfo[] {
    return this.candles.list();
  }

  fundingSeries(): FundingSeriesInfo[] {
    return this.funding.list();
  }

  depthSeries(): DepthSeriesInfo[] {
    return this.depth.list();
  }

  fundingRange(venue: string, symbol: string, from: number, to: number): FundingRate[] {
    return this.funding.range(venue, symbol, from, to);
  }

  bars(seriesId: number, from: number | null, to: number | null, maxBars: number): PreviewBars | null {
    const s = this.candles.get(seriesId);
    if (!s) return null;
    return previewBars(this.deps.db, s, from, to, maxBars);
  }

  /** bars(), read in pages between which main's event loop runs (the IPC handler's path). */
  async barsPaged(seriesId: number, from: number | null, to: number | null, maxBars: number): Promise<PreviewBars | null> {
    const reader = this.deps.openReader?.() ?? null;
    try {
      const db = reader?.db ?? this.deps.db;
      // The series' extent comes from the same snapshot as its candles.
      const s = reader ? new MarketCandlesRepo(db).get(seriesId) : this.candles.get(seriesId);
      if (!s) return null;
      return await previewBarsPaged(db, s, from, to, maxBars);
    } finally {
      reader?.close();
    }
  }

  /** Read access for compiling scenarios against this workspace. */
  data(): MarketData {
    return {
      findSeries: (key) => this.candles.find(key),
      candles: (id, from, to, limit) => this.candles.range(id, from, to, limit),
      fundingRange: (venue, symbol, from, to) => this.funding.range(venue, symbol, from, to),
      fundingBefore: (venue, symbol, t) => this.funding.before(venue, symbol, t),
    };
  }

  deleteSeries(id: number): boolean {
    const deleted = this.candles.delete(id);
    if (deleted) this.deps.onChanged?.('delete');
    return deleted;
  }

  /** Imports files all-or-nothing. Throws ImportProblemError (a bad file), ImportBusyError or ImportCancelled. */
  async import(
    files: readonly string[],
    options: ImportOptions = {},
    origin: SeriesOrigin = 'import',
    displayNames?: ReadonlyMap<string, string>,
    fileOptions?: ReadonlyMap<string, ImportOptions>,
  ): Promise<ImportSummary> {
    if (this.running) throw new ImportBusyError('an import is already running; wait for it to finish');
    const controller = new AbortController();
    this.running = controller;
    try {
      const summary = await importFiles(
        { files, options, origin, ...(displayNames ? { displayNames } : {}), ...(fileOptions ? { fileOptions } : {}) },
        {
          db: this.deps.db,
          stagingDir: this.stagingDir,
          now: this.deps.now ?? Date.now,
          importId: randomUUID(),
          signal: controller.signal,
          ...(this.deps.onProgress ? { onProgress: this.deps.onProgress } : {}),
        },
      );
      if (summary.rowsAdded > 0) this.deps.onChanged?.(origin === 'default' ? 'default-data' : 'import');
      return summary;
    } finally {
      this.running = null;
    }
  }

  /** Imports paths as the UI sends them; uploaded copies (web host) are deleted afterwards, imported or not. */
  async importUploadsOrPaths(paths: readonly string[], options: ImportOptions, names?: ReadonlyMap<string, string>): Promise<ImportSummary> {
    try {
      return await this.import(paths, options, 'import', names);
    } finally {
      for (const p of paths) this.uploads.remove(p);
    }
  }

  /** Stops a running import at its next batch; it then adds nothing. */
  cancelImport(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }

  close(): void {
    this.running?.abort();
  }
}

export { ImportCancelled, ImportProblemError };
