import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ScenarioSchema, type Scenario } from '#shared/domain/scenario';
import { describeIssues, toFieldIssues } from '#shared/ipc/issues';
import { ScenarioDataError } from '../market/feed/compile';
import { findDefaultDataDir, loadDefaultData } from '../market/default-data';
import { MarketService } from '../market/market-service';
import { runMarketReplay, type MarketReplayResult } from '../market/replay/run-headless';
import { BUILTIN_SCENARIOS, builtinScenario } from '../market/scenarios/builtin';
import { openWorkspace, type Workspace } from '../store/db';
import { HeadlessEngine, type EngineReplayResult } from '../trading/headless-engine';
import { sessionFromScenario } from '../trading/session';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from './command';
import { openCliWorkspace } from './import';

const HELP = `levdesk replay <scenario.json | built-in id> [--workspace PATH]
levdesk replay --list

Replays a scenario's market from start to end as fast as the machine goes and prints a JSON
summary: the ticks, the range, min and max of last, index and mark (with when), the largest
gap between last and mark, every funding settlement, the liquidity-gap windows, how each part
of the market was made (stored, modelled), and a SHA-256 of every event (same seed, same hash).

The scenario is a JSON file (docs/scenarios.md) or the id of a built-in one (--list shows them).
Stored-market scenarios read candles and funding from --workspace; without it, a temporary
workspace holding the embedded default data set (the real crash windows) is used.

The paper-trading engine runs on the same ticks with the scenario's "account" (deposit, profile,
leverage, marginMode, insuranceFund, bookDepthScale), "crowd" and "script" (timed trader
commands: { atMinute, command: { type: "placeOrder", order: {...} } | "closePosition" | ... }).

Output: { scenario: { id, name, symbol, seed, marketType, start, end, stepMs }, sources: { last,
index, mark, funding, liquidity, indexModelled }, market: { ticks, range, last, index, mark,
maxLastVsMarkBps, funding: { settlements, sumOfRates, min, max, list }, liquidityGaps, sha256 },
engine: { session, script: { steps, applied, rejected }, fills, orders, funding, liquidations:
{ total, longs, shorts, quantity, withAdl, withDeficit, backstopQuantity, trader: [waterfalls],
firstAt, lastAt }, insuranceFund: { start, end, min, max, changes }, crowd, openInterestAtEnd,
feesCollected, account, positions, events, stateHash } }
`;

export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'replay a scenario headless and print a JSON summary of its market',
  help: HELP,
  async run(args, io) {
    let values: { workspace?: string; list?: boolean };
    let positionals: string[];
    try {
      const parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { workspace: { type: 'string' }, list: { type: 'boolean' } } });
      values = parsed.values;
      positionals = parsed.positionals;
    } catch (err) {
      io.stderr.write(`levdesk replay: ${(err as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (values.list) {
      const list = BUILTIN_SCENARIOS.map((b) => ({ id: b.entry.id, name: b.entry.name, marketType: b.entry.marketType, start: b.entry.start, durationMinutes: b.entry.durationMinutes }));
      io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      return EXIT_OK;
    }
    const arg = positionals[0];
    if (!arg || positionals.length > 1) {
      io.stderr.write('levdesk replay: name one scenario file or built-in id (levdesk replay --help)\n');
      return EXIT_BAD_INPUT;
    }
    const loaded = readScenario(arg, io);
    if (!loaded) return EXIT_BAD_INPUT;
    const opened = await openData(values.workspace, io);
    if (!opened) return EXIT_FAILURE;
    try {
      // The paper-trading engine trades the same ticks: the scenario's account, crowd and script.
      const engine = new HeadlessEngine(sessionFromScenario(loaded.scenario, loaded.id));
      const result: MarketReplayResult & { engine: EngineReplayResult } = {
        ...runMarketReplay(loaded.scenario, opened.market.data(), { id: loaded.id, sinks: [engine] }),
        engine: engine.result(),
      };
      io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT_OK;
    } catch (err) {
      if (err instanceof ScenarioDataError || err instanceof RangeError) {
        io.stderr.write(`levdesk replay: ${err.message}\n`);
        return EXIT_BAD_INPUT;
      }
      io.stderr.write(`levdesk replay failed: ${(err as Error).stack ?? String(err)}\n`);
      return EXIT_FAILURE;
    } finally {
      opened.close();
    }
  },
};

/** A scenario from a file (validated, every bad field named) or a built-in id. */
export function readScenario(arg: string, io: CliIO): { scenario: Scenario; id: string | null } | null {
  const builtin = builtinScenario(arg);
  if (builtin && !fs.existsSync(arg)) return { scenario: builtin.scenario, id: builtin.entry.id };
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(arg, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.stderr.write(
      e.code === 'ENOENT' ? `levdesk replay: no file "${arg}" and no built-in scenario of that id (levdesk replay --list)\n` : `levdesk replay: ${arg} is not JSON: ${e.message}\n`,
    );
    return null;
  }
  const parsed = ScenarioSchema.safeParse(doc);
  if (!parsed.success) {
    io.stderr.write(`levdesk replay: ${arg}: ${describeIssues(toFieldIssues(parsed.error))}\n`);
    return null;
  }
  return { scenario: parsed.data, id: null };
}

/** The given workspace, or a throw-away one holding the embedded default data (levdesk heatmap uses it too). */
export async function openData(workspaceArg: string | undefined, io: CliIO): Promise<{ market: MarketService; db: Workspace['db']; close(): void } | null> {
  if (workspaceArg !== undefined) {
    const ws = openCliWorkspace(workspaceArg, io, 'replay');
    if (!ws) return null;
    const market = new MarketService({ db: ws.db, dataDir: path.dirname(ws.path) });
    return { market, db: ws.db, close: () => ws.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'levdesk-replay-'));
  let ws: Workspace | null = null;
  try {
    ws = openWorkspace(path.join(dir, 'workspace.levdesk.db'));
    const market = new MarketService({ db: ws.db, dataDir: dir });
    const loaded = await loadDefaultData(ws.db, market, findDefaultDataDir());
    if (!loaded.loaded) io.stderr.write(`levdesk replay: the default data set was not loaded (${loaded.reason}); stored scenarios need --workspace\n`);
    const opened = ws;
    return {
      market,
      db: opened.db,
      close: () => {
        opened.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    ws?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    io.stderr.write(`levdesk replay: ${(err as Error).message}\n`);
    return null;
  }
}
