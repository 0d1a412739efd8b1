import { parseArgs } from 'node:util';
import type { EngineEvent } from '#shared/domain/trading-commands';
import { scenarioEndMs, scenarioStartMs } from '#shared/domain/scenario';
import { headlessLevels } from '../analytics/heatmap/headless-levels';
import { ScenarioDataError } from '../market/feed/compile';
import type { Db } from '../store/db-types';
import { TradingLogRepo } from '../store/trading-log-repo';
import { sessionFromScenario, type SessionSpec } from '../trading/session';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from './command';
import { openData, readScenario } from './replay';

const HELP = `levdesk heatmap <scenario.json | built-in id> --at <ISO time> [--bins N] [--workspace PATH]

Replays the scenario headless to --at (every event at or before it) and prints the liquidation
map at that moment as JSON:

  { "at", "markPrice", "source": "engine" | "estimate",
    "levels": [ { "priceFrom", "priceTo", "long": { "quantity", "notional", "count" },
                  "short": { ... }, "stops": { ... } } ],
    "own": [ { "symbol", "side", "quantity", "liquidationPrice" } ] }

Decimals are strings. Levels are --bins (default 40) equal price ranges on the tick grid,
lowest first, spanning every liquidation price, stop trigger and the mark; priceTo is exclusive
except for the last level. "long" sums the open long positions whose liquidation price lies in
the level (they liquidate when the mark falls to it), "short" the shorts, "stops" the resting
stop orders by trigger price. notional = quantity × markPrice.

Source: "engine" when the scenario has a crowd or the trader holds a position (every position's
liquidation price as the engine computes it); otherwise "estimate", the model over the window's
candles (docs/heatmap.md; default leverage mix 5/10/25/50/100x, half-life 12 h).

--workspace: the workspace's market data; when its paper-trading session is this scenario, its
own log (your orders included) is replayed instead, so the answer equals the Heatmap view's.
`;

export const heatmapCommand: CliCommand = {
  name: 'heatmap',
  summary: 'the liquidation map of a scenario at a moment (levels by price, JSON)',
  help: HELP,
  async run(args, io) {
    let values: { workspace?: string; at?: string; bins?: string };
    let positionals: string[];
    try {
      const parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { workspace: { type: 'string' }, at: { type: 'string' }, bins: { type: 'string' } } });
      values = parsed.values;
      positionals = parsed.positionals;
    } catch (err) {
      io.stderr.write(`levdesk heatmap: ${(err as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    const arg = positionals[0];
    if (!arg || positionals.length > 1) {
      io.stderr.write('levdesk heatmap: name one scenario file or built-in id (levdesk heatmap --help)\n');
      return EXIT_BAD_INPUT;
    }
    const at = values.at === undefined ? Number.NaN : Date.parse(values.at);
    if (!Number.isFinite(at)) {
      io.stderr.write(`levdesk heatmap: --at needs an ISO time such as 2025-10-10T21:00:00Z${values.at === undefined ? '' : ` (got "${values.at}")`}\n`);
      return EXIT_BAD_INPUT;
    }
    const bins = values.bins === undefined ? 40 : Number(values.bins);
    if (!Number.isInteger(bins) || bins < 1 || bins > 2000) {
      io.stderr.write(`levdesk heatmap: --bins must be a whole number from 1 to 2000 (got "${values.bins}")\n`);
      return EXIT_BAD_INPUT;
    }
    const loaded = readScenario(arg, io);
    if (!loaded) return EXIT_BAD_INPUT;
    const start = scenarioStartMs(loaded.scenario);
    const end = scenarioEndMs(loaded.scenario);
    if (at < start || at > end) {
      io.stderr.write(`levdesk heatmap: --at ${values.at} is outside the scenario (${loaded.scenario.start} to ${new Date(end).toISOString()})\n`);
      return EXIT_BAD_INPUT;
    }
    const opened = await openData(values.workspace, io);
    if (!opened) return EXIT_FAILURE;
    try {
      const session = sessionFromScenario(loaded.scenario, loaded.id);
      const log = values.workspace !== undefined ? sessionLog(opened.db, session) : null;
      const out = headlessLevels({ scenario: loaded.scenario, session, data: opened.market.data(), at, bins, log });
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return EXIT_OK;
    } catch (err) {
      if (err instanceof ScenarioDataError || err instanceof RangeError) {
        io.stderr.write(`levdesk heatmap: ${err.message}\n`);
        return EXIT_BAD_INPUT;
      }
      io.stderr.write(`levdesk heatmap failed: ${(err as Error).stack ?? String(err)}\n`);
      return EXIT_FAILURE;
    } finally {
      opened.close();
    }
  },
};

/** The workspace's paper-trading log, when its session is this very scenario (same key). */
function sessionLog(db: Db, session: SessionSpec): EngineEvent[] | null {
  const repo = new TradingLogRepo(db);
  const meta = repo.getMeta('session');
  if (!meta || (JSON.parse(meta) as { key?: string }).key !== session.key) return null;
  return repo.eventsBetween(1, repo.lastSeq()).map((e) => e.event);
}
