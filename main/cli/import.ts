import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportOptionsSchema, type ImportOptions, type ImportProgress } from '#shared/domain/market-import';
import { describeIssues, toFieldIssues } from '#shared/ipc/issues';
import { ImportCancelled, ImportProblemError, MarketService } from '../market/market-service';
import { openWorkspace, WORKSPACE_FILE_NAME, type Workspace } from '../store/db';
import { StoreError } from '../store/errors';
import { lockWorkspace, type WorkspaceLock } from '../store/workspace-lock';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from './command';

const HELP = `levdesk import FILE... [options]

Imports exchange market-data files into a workspace and prints a JSON summary.
Every file is checked row by row first; if any file is bad, nothing at all is added
and the first problem is printed as FILE:LINE:COLUMN with what was expected and found
(exit status 2). Importing a file twice adds nothing the second time.

Formats (detected from the header or the row shape; .csv, .csv.gz or the .zip they ship in):
  Binance klines        trade, mark-price, index-price, premium-index klines (12 columns, header optional)
  Binance funding       calc_time,funding_interval_hours,last_funding_rate
  Bybit funding         Symbol,Date,Funding Rate (Date in local time: the offset is detected and declared)
  Binance bookDepth     timestamp,percentage,depth,notional
  generic OHLCV         any CSV whose header names a time and open/high/low/close (volume optional);
                        times in s, ms, µs, ns or ISO text

Options:
  --workspace PATH      the workspace file, or the folder holding ${WORKSPACE_FILE_NAME}
                        (default: ~/.levdesk, the web host's default)
  --venue V             venue id (binance, binance-spot, bybit, ...); default from the format
  --symbol S            symbol (BTCUSDT); default from the file name
  --interval I          candle interval (1m ... 1w); default from the data and the file name
  --kind K              trade | mark | index | premium (mark/index/premium klines look alike)
  --format F            binance-klines | binance-funding | bybit-funding | binance-book-depth | generic-ohlcv
  --utc-offset O        times in the file are local at this offset ("+03:00")
  --columns MAP         generic OHLCV column names: time=Date,open=Open,high=High,low=Low,close=Close[,volume=Vol]

Output: { workspace, files: [{ file, format, series: [{ venue, symbol, interval, kind, rowsRead,
rowsAdded, rowsAlreadyStored, rowsConflicting, from, to }], assumptions, warnings }], rowsRead, rowsAdded }
`;

/** `--workspace`: a workspace file, or a folder holding one (created if missing). */
export function resolveWorkspacePath(arg: string | undefined): string {
  if (!arg) return path.join(os.homedir(), '.levdesk', WORKSPACE_FILE_NAME);
  const abs = path.resolve(arg);
  const isDir = fs.existsSync(abs) ? fs.statSync(abs).isDirectory() : !/\.(db|sqlite|levdesk)$/i.test(abs);
  return isDir ? path.join(abs, WORKSPACE_FILE_NAME) : abs;
}

/**
 * Opens the workspace for a command. A writing command first takes the workspace's writer lock
 * (refused with one exact line while the app, a web host or another import holds it); a reading
 * command (replay) shares the file with whoever writes it.
 */
export function openCliWorkspace(arg: string | undefined, io: CliIO, command: string, access: 'read' | 'write' = 'read'): Workspace | null {
  const file = resolveWorkspacePath(arg);
  let lock: WorkspaceLock | null = null;
  try {
    if (access === 'write') lock = lockWorkspace(file);
    const ws = openWorkspace(file);
    const held = lock;
    return {
      ...ws,
      close: () => {
        ws.close();
        held?.release();
      },
    };
  } catch (err) {
    lock?.release();
    if (err instanceof StoreError && err.kind === 'IN_USE') io.stderr.write(`${err.message}\n`);
    else io.stderr.write(`levdesk ${command}: ${err instanceof StoreError ? err.message : (err as Error).message}\n`);
    return null;
  }
}

function parseColumns(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--columns: "${pair}" is not field=Header`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import exchange market-data files (klines, funding, book depth) into a workspace',
  help: HELP,
  async run(args, io) {
    let values: Record<string, string | undefined>;
    let files: string[];
    try {
      const parsed = parseArgs({
        args: [...args],
        allowPositionals: true,
        strict: true,
        options: {
          workspace: { type: 'string' },
          venue: { type: 'string' },
          symbol: { type: 'string' },
          interval: { type: 'string' },
          kind: { type: 'string' },
          format: { type: 'string' },
          'utc-offset': { type: 'string' },
          columns: { type: 'string' },
        },
      });
      values = parsed.values as Record<string, string | undefined>;
      files = parsed.positionals;
    } catch (err) {
      io.stderr.write(`levdesk import: ${(err as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (files.length === 0) {
      io.stderr.write('levdesk import: name at least one file (levdesk import --help)\n');
      return EXIT_BAD_INPUT;
    }
    let options: ImportOptions;
    try {
      const raw = {
        venue: values.venue,
        symbol: values.symbol,
        interval: values.interval,
        kind: values.kind,
        format: values.format,
        utcOffset: values['utc-offset'],
        columns: values.columns === undefined ? undefined : parseColumns(values.columns),
      };
      const checked = ImportOptionsSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
      if (!checked.success) {
        io.stderr.write(`levdesk import: bad option: ${describeIssues(toFieldIssues(checked.error))}\n`);
        return EXIT_BAD_INPUT;
      }
      options = checked.data;
    } catch (err) {
      io.stderr.write(`levdesk import: ${(err as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    const ws = openCliWorkspace(values.workspace, io, 'import', 'write');
    if (!ws) return EXIT_FAILURE;
    const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    let lastShown = 0;
    const onProgress = (p: ImportProgress): void => {
      if (!tty || (p.phase === 'reading' && Date.now() - lastShown < 1000)) return;
      lastShown = Date.now();
      const pct = p.bytesTotal > 0 ? ` ${Math.floor((100 * p.bytesRead) / p.bytesTotal)}%` : '';
      io.stderr.write(`levdesk import: ${p.phase} ${path.basename(p.file)}${pct}, ${p.rows.toLocaleString('en-US')} rows\n`);
    };
    const market = new MarketService({ db: ws.db, dataDir: path.dirname(ws.path), onProgress });
    market.sweepLeftovers();
    try {
      const summary = await market.import(files.map((f) => path.resolve(f)), options);
      io.stdout.write(`${JSON.stringify({ workspace: ws.path, ...summary }, null, 2)}\n`);
      return EXIT_OK;
    } catch (err) {
      if (err instanceof ImportProblemError) {
        const p = err.problem;
        io.stderr.write(`levdesk import: ${err.message}${p.line > 0 ? ` (expected ${p.expected}, found "${p.found}")` : ''}\nNothing was imported.\n`);
        return EXIT_BAD_INPUT;
      }
      if (err instanceof ImportCancelled) {
        io.stderr.write(`levdesk import: ${err.message}\n`);
        return EXIT_FAILURE;
      }
      io.stderr.write(`levdesk import failed: ${(err as Error).stack ?? String(err)}\n`);
      return EXIT_FAILURE;
    } finally {
      market.close();
      ws.close();
    }
  },
};
