import path from 'node:path';
import type { MarketTick, FundingTick } from '#shared/domain/market-tick';
import { ScenarioSchema, type Scenario, type ScenarioInput } from '#shared/domain/scenario';
import { MarketService } from '#main/market/market-service';
import { runMarketReplay } from '#main/market/replay/run-headless';
import type { TickSink } from '#main/market/replay/sink';
import { openWorkspace, type Workspace } from '#main/store/db';
import { HeadlessEngine } from '#main/trading/headless-engine';
import { sessionFromScenario } from '#main/trading/session';

const FIXTURES = path.join(import.meta.dirname, '../../../fixtures/engine');
export const fixture = (name: string): string => path.join(FIXTURES, name);

/** A workspace holding the real crash windows, imported by the market importer from test/fixtures/engine. */
export async function crashWorkspace(dir: string): Promise<{ ws: Workspace; market: MarketService }> {
  const ws = openWorkspace(path.join(dir, 'workspace.levdesk.db'));
  const market = new MarketService({ db: ws.db, dataDir: dir });
  await market.import([
    fixture('BTCUSDT-1m-2025-10.EXCERPT-2025-10-10T2000Z-2159Z.csv'),
    fixture('BTCUSDT-1m-2020-03.EXCERPT-2020-03-13T0100Z-0259Z.csv'),
    fixture('BTCUSDT-5m-2025-10-10.csv'),
    fixture('BTCUSDT-1h-2022-11.csv'),
    fixture('BTCUSDT-fundingRate-2025-10.csv'),
    fixture('BTCUSDT-fundingRate-2020-03.csv'),
    fixture('BTCUSDT-fundingRate-2022-11.csv'),
  ]);
  return { ws, market };
}

/** The October 10 2025 cascade: real 1m last, real 5m mark, real funding (as the built-in scenario). */
export function cascade2025(extra: Partial<ScenarioInput>): Scenario {
  return ScenarioSchema.parse({
    name: 'Oct 10 2025 cascade with a crowd',
    symbol: 'BTCUSDT',
    start: '2025-10-10T20:00:00Z',
    durationMinutes: 120,
    seed: 20251010,
    tickSize: '0.1',
    stepMs: 15_000,
    market: { type: 'stored', venue: 'binance', interval: '1m', mark: { venue: 'binance', interval: '5m' } },
    funding: { source: 'history', venue: 'binance' },
    liquidity: { depthScale: 1, spreadBps: 1, windows: [{ fromMinute: 70, toMinute: 85, depthScale: 0.1, spreadBps: 12 }] },
    ...extra,
  });
}

/** Collects every tick and settlement the feed delivers (to read the real path back). */
export class Recorder implements TickSink {
  readonly ticks: MarketTick[] = [];
  readonly funding: FundingTick[] = [];
  onTick(t: MarketTick): void {
    this.ticks.push(t);
  }
  onFunding(f: FundingTick): void {
    this.funding.push(f);
  }
}

/** Replays a scenario through the market feed into the engine (and any extra sinks). */
export function replayWithEngine(scenario: Scenario, market: MarketService, extra: TickSink[] = []): { engine: HeadlessEngine; recorder: Recorder } {
  const engine = new HeadlessEngine(sessionFromScenario(scenario, null));
  const recorder = new Recorder();
  runMarketReplay(scenario, market.data(), { sinks: [recorder, engine, ...extra] });
  return { engine, recorder };
}
