import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { describeIssues, toFieldIssues } from '#shared/ipc/issues';
import { seriesPath, SeriesPathError, SeriesRefSchema } from '../analytics/decay/series-path';
import { findDefaultDataDir, loadDefaultData } from '../market/default-data';
import { MarketService } from '../market/market-service';
import { openWorkspace } from '../store/db';
import { EXIT_BAD_INPUT, EXIT_FAILURE, type CliCommand, type CliIO } from './command';
import { openCliWorkspace } from './import';
import { readAll } from './json-command';

export const SERIES_HELP = `
Stored series (instead of dailyPrices / intradayPath), read from --workspace PATH (without it, a
temporary workspace holding the embedded default data, e.g. Binance BTCUSDT 1h of November 2022):
  series          { "venue", "symbol", "interval", "from", "to" (epoch ms or ISO-8601; candles
                  opening in [from, to)), "kind"? (trade | mark | index, default trade),
                  "path"? ("intraday" (default): each candle's open, nearer extreme, other extreme,
                  close, so thresholds meet the real highs and lows; "daily": closes only),
                  "rebalanceHourUtc"? (0-23, default 0: days run from that hour) }
  fees.fundingPerDay  "stored": each day's stored funding settlements of the symbol, summed
`;

/** The data of --workspace, or of a throw-away workspace with the default data set. */
async function openMarket(workspaceArg: string | undefined, io: CliIO): Promise<{ market: MarketService; close(): void } | null> {
  if (workspaceArg !== undefined) {
    const ws = openCliWorkspace(workspaceArg, io, 'decay');
    if (!ws) return null;
    return { market: new MarketService({ db: ws.db, dataDir: path.dirname(ws.path) }), close: () => ws.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-decay-'));
  const ws = openWorkspace(path.join(dir, 'workspace.levdesk'));
  const market = new MarketService({ db: ws.db, dataDir: dir });
  await loadDefaultData(ws.db, market, findDefaultDataDir());
  return {
    market,
    close: () => {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `levdesk decay` with a stored series: resolves "series" (and fundingPerDay "stored") into the
 * plain document the exact command takes (intradayPath or dailyPrices, fees.fundingByDay), so the
 * decimal simulation is the very same code either way.
 */
export function withStoredSeries(command: CliCommand): CliCommand {
  return {
    ...command,
    help: command.help + SERIES_HELP,
    async run(args, io) {
      let values: { workspace?: string };
      let positionals: string[];
      try {
        ({ values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { workspace: { type: 'string' } } }));
      } catch (err) {
        io.stderr.write(`levdesk decay: ${(err as Error).message}\n`);
        return EXIT_BAD_INPUT;
      }
      const file = positionals[0];
      let text: string;
      try {
        text = file ? fs.readFileSync(file, 'utf8') : await readAll(io.stdin);
      } catch (err) {
        io.stderr.write(`levdesk decay: cannot read ${file ?? 'stdin'}: ${(err as Error).message}\n`);
        return EXIT_BAD_INPUT;
      }
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        doc = null;
      }
      const forward = (body: string) => command.run([], { ...io, stdin: Readable.from([body]) });
      if (!doc || typeof doc !== 'object' || Array.isArray(doc) || !('series' in doc)) return forward(text);
      const { series, ...rest } = doc as Record<string, unknown>;
      const ref = SeriesRefSchema.safeParse(series);
      if (!ref.success) {
        io.stderr.write(`levdesk decay: bad input: ${describeIssues(toFieldIssues(ref.error).map((i) => ({ ...i, path: `series.${i.path}`.replace(/\.$/, '') })))}\n`);
        return EXIT_BAD_INPUT;
      }
      if ('dailyPrices' in rest || 'intradayPath' in rest) {
        io.stderr.write('levdesk decay: bad input: give exactly one of dailyPrices, intradayPath and series\n');
        return EXIT_BAD_INPUT;
      }
      const opened = await openMarket(values.workspace, io);
      if (!opened) return EXIT_FAILURE;
      try {
        const sp = seriesPath(opened.market.data(), ref.data);
        const fees = (rest.fees ?? {}) as Record<string, unknown>;
        if (fees.fundingPerDay === 'stored') {
          if (!sp.fundingByDay) throw new SeriesPathError(`fees.fundingPerDay: the workspace holds no ${ref.data.venue} ${ref.data.symbol} funding in the window`);
          delete fees.fundingPerDay;
          fees.fundingByDay = sp.fundingByDay.map((x) => x.toFixed());
          rest.fees = fees;
        }
        const resolved =
          ref.data.path === 'daily'
            ? { ...rest, dailyPrices: [sp.path.start, ...sp.path.days.map((d) => d.moves[d.moves.length - 1]!)].map((x) => x.toFixed()) }
            : { ...rest, intradayPath: intradayOf(sp.path) };
        return await forward(JSON.stringify(resolved));
      } catch (err) {
        if (err instanceof SeriesPathError) {
          io.stderr.write(`levdesk decay: ${err.message}\n`);
          return EXIT_BAD_INPUT;
        }
        throw err;
      } finally {
        opened.close();
      }
    },
  };
}

/** Back to the per-day vertex lists (open first) that intradayPath takes. */
function intradayOf(p: ReturnType<typeof seriesPath>['path']): string[][] {
  let prev = p.start;
  return p.days.map((d) => {
    const open = d.gapTo ?? prev;
    const day = [open, ...d.moves];
    prev = day[day.length - 1]!;
    return day.map((x) => x.toFixed());
  });
}
