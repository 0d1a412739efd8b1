import type { ImportFileSummary, ImportFormat, ImportOptions, ImportProgress, ImportSummary, ImportedSeries } from '#shared/domain/market-import';
import type { SeriesOrigin } from '#shared/domain/market-series';
import type { Db } from '../../store/db-types';
import { MarketCandlesRepo } from '../../store/market-candles-repo';
import { MarketDepthRepo } from '../../store/market-depth-repo';
import { MarketFundingRepo } from '../../store/market-funding-repo';
import { MarketImportsRepo } from '../../store/market-imports-repo';
import type { ReadSeries } from './formats/reader';
import { ImportProblemError } from './problem';
import { readEntry } from './read-file';
import { openSource, sha256File } from './sources';
import { Staging } from './staging';
import { isoUtc } from './time-text';
import { Warnings } from './warnings';

export interface ImportRequest {
  readonly files: readonly string[];
  readonly options: ImportOptions;
  readonly origin: SeriesOrigin;
  /** Names to show instead of paths (an uploaded file lives under a random temp folder). */
  readonly displayNames?: ReadonlyMap<string, string>;
  /** Options for particular files, merged over `options` (the default data set declares kinds per file). */
  readonly fileOptions?: ReadonlyMap<string, ImportOptions>;
}

export interface ImportDeps {
  readonly db: Db;
  /** Folder for the staging file (inside the workspace's folder, so on the same disk). */
  readonly stagingDir: string;
  readonly now: () => number;
  readonly importId: string;
  readonly onProgress?: (p: ImportProgress) => void;
  readonly signal?: AbortSignal;
}

interface StagedFile {
  readonly file: string;
  readonly format: ImportFormat;
  readonly bytes: number;
  readonly sha256: string;
  readonly series: ReadSeries[];
  readonly assumptions: string[];
  readonly warnings: Warnings;
}

const PROGRESS_EVERY_MS = 100;

/**
 * Imports files all-or-nothing: every file is streamed into a staging area first (validated row
 * by row; the first bad row stops everything), then all of them are merged into the workspace in
 * one transaction. Rows already stored are left as they are, so a second import adds nothing.
 */
export async function importFiles(req: ImportRequest, deps: ImportDeps): Promise<ImportSummary> {
  const staging = new Staging(deps.db, deps.stagingDir);
  const staged: StagedFile[] = [];
  let current = { file: '', index: 0, bytesTotal: 0 };
  const progress = { bytes: 0, rows: 0 };
  let lastReport = 0;
  const report = (phase: ImportProgress['phase'], force: boolean, extra: Partial<ImportProgress> = {}): void => {
    const now = Date.now();
    if (!force && now - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = now;
    deps.onProgress?.({
      importId: deps.importId,
      phase,
      file: current.file,
      fileIndex: current.index,
      fileCount: req.files.length,
      bytesRead: Math.min(progress.bytes, current.bytesTotal),
      bytesTotal: current.bytesTotal,
      rows: progress.rows,
      ...extra,
    });
  };
  try {
    for (const [index, path] of req.files.entries()) {
      const shown = req.displayNames?.get(path) ?? path;
      const source = await openSource(path).catch((err: unknown) => {
        throw relabel(err, path, shown);
      });
      try {
        const bytesTotal = source.entries.reduce((n, e) => n + e.size, 0);
        current = { file: shown, index, bytesTotal };
        progress.bytes = 0;
        progress.rows = 0;
        report('reading', true);
        const warnings = new Warnings();
        const assumptions = new Set<string>();
        const series: ReadSeries[] = [];
        let format: ImportFormat | null = null;
        for (const entry of source.entries) {
          const label = shown === path ? entry.label : entry.label.replace(path, shown);
          const result = await readEntry({
            entry: { ...entry, label },
            fullPath: path,
            options: { ...req.options, ...req.fileOptions?.get(path) },
            sink: staging,
            warnings,
            assumptions,
            progress,
            onBatch: () => {
              stopIfCancelled(deps.signal);
              report('reading', false);
            },
          });
          format ??= result.format;
          series.push(...result.series);
        }
        staged.push({ file: shown, format: format!, bytes: source.bytes, sha256: await sha256File(path, () => stopIfCancelled(deps.signal)), series, assumptions: [...assumptions], warnings });
      } finally {
        source.close();
      }
    }
    staging.flush();
    stopIfCancelled(deps.signal);
    report('committing', true);
    const summary = merge(deps.db, staging.schema, staged, req.origin, deps.now());
    report('done', true, { rows: summary.rowsRead });
    return summary;
  } catch (err) {
    if (err instanceof ImportProblemError) report('failed', true, { problem: err.problem, message: err.message });
    else report('failed', true, { message: (err as Error).message });
    throw err;
  } finally {
    staging.dispose();
  }
}

export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
  constructor() {
    super('the import was cancelled; nothing was added');
  }
}

/** Checked once per chunk read (at most 256 KiB), so a cancel ends the import well within a second. */
function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled();
}

function relabel(err: unknown, path: string, shown: string): unknown {
  if (!(err instanceof ImportProblemError) || path === shown) return err;
  const p = err.problem;
  return new ImportProblemError({ ...p, file: shown, message: p.message.split(path).join(shown) });
}

/** The one write: every staged file's rows, coverage and import record, in a single transaction. */
function merge(db: Db, schema: string, files: readonly StagedFile[], origin: SeriesOrigin, importedAt: number): ImportSummary {
  const candles = new MarketCandlesRepo(db);
  const funding = new MarketFundingRepo(db);
  const depth = new MarketDepthRepo(db);
  const imports = new MarketImportsRepo(db);
  return db.transaction(() => {
    const touched = new Set<number>();
    const out: ImportFileSummary[] = [];
    for (const f of files) {
      const earlier = imports.findBySha(f.sha256);
      const series: ImportedSeries[] = f.series.map((s) => {
        let counts;
        switch (s.target) {
          case 'candles': {
            const id = candles.ensure({ venue: s.venue, symbol: s.symbol, interval: s.interval!, kind: s.kind! }, origin);
            counts = s.rows === 0 ? { added: 0, same: 0, conflicting: 0 } : candles.mergeStaged(id, schema, s.sid, s.from!, s.to!);
            touched.add(id);
            break;
          }
          case 'funding':
            counts = funding.mergeStaged(s.venue, s.symbol, schema, s.sid, origin);
            break;
          case 'depth':
            counts = depth.mergeStaged(s.venue, s.symbol, schema, s.sid, origin);
            break;
          default: {
            const never: never = s.target;
            throw new Error(`unknown target ${String(never)}`);
          }
        }
        if (counts.conflicting > 0) {
          f.warnings.add({ file: f.file, message: `${counts.conflicting} ${s.target} rows of ${s.symbol} were already stored with different values; the stored values were kept` });
        }
        return {
          target: s.target,
          venue: s.venue,
          symbol: s.symbol,
          interval: s.interval,
          kind: s.kind,
          rowsRead: s.rows,
          rowsAdded: counts.added,
          rowsAlreadyStored: counts.same,
          rowsConflicting: counts.conflicting,
          from: s.from,
          to: s.to,
        };
      });
      if (earlier && series.every((s) => s.rowsAdded === 0)) {
        f.warnings.add({ file: f.file, message: `this file was imported before (${isoUtc(earlier.importedAt)}); nothing new was added` });
      }
      const summary: ImportFileSummary = {
        file: f.file,
        format: f.format,
        bytes: f.bytes,
        sha256: f.sha256,
        series,
        assumptions: f.assumptions,
        warnings: f.warnings.listed,
        warningsNotListed: f.warnings.notListed,
      };
      imports.record(summary, origin, importedAt);
      out.push(summary);
    }
    for (const id of touched) candles.recomputeCoverage(id);
    return {
      files: out,
      rowsRead: out.reduce((n, f) => n + f.series.reduce((m, s) => m + s.rowsRead, 0), 0),
      rowsAdded: out.reduce((n, f) => n + f.series.reduce((m, s) => m + s.rowsAdded, 0), 0),
    };
  })();
}
