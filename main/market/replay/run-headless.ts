import type { FeedSources } from '#shared/domain/market-replay';
import { scenarioEndMs, type Scenario } from '#shared/domain/scenario';
import { compileScenario, type MarketData } from '../feed/compile';
import { MarketFeed } from '../feed/market-feed';
import { isoUtc } from '../import/time-text';
import type { TickSink } from './sink';
import { SummarySink, type MarketSummary } from './summary-sink';

export interface MarketReplayResult {
  readonly scenario: { id: string | null; name: string; symbol: string; seed: number; marketType: string; start: string; end: string; stepMs: number };
  readonly sources: FeedSources;
  readonly market: MarketSummary;
}

/**
 * Runs a scenario's market from start to end as fast as possible, driving every given sink (the
 * engine registers itself here to trade the same ticks), and returns the market's summary. The
 * `levdesk replay` command prints this object; later parts (engine results) go beside `market`.
 */
export function runMarketReplay(scenario: Scenario, data: MarketData, options: { id?: string | null; sinks?: readonly TickSink[] } = {}): MarketReplayResult {
  const spec = compileScenario(scenario, data);
  const feed = new MarketFeed(spec);
  const summary = new SummarySink();
  const sinks: TickSink[] = [summary, ...(options.sinks ?? [])];
  for (let e = feed.next(); e; e = feed.next()) {
    if (e.kind === 'tick') for (const s of sinks) s.onTick(e.tick);
    else for (const s of sinks) s.onFunding(e.funding);
  }
  return {
    scenario: {
      id: options.id ?? null,
      name: scenario.name,
      symbol: scenario.symbol,
      seed: scenario.seed,
      marketType: scenario.market.type,
      start: scenario.start,
      end: isoUtc(scenarioEndMs(scenario)),
      stepMs: spec.stepMs,
    },
    sources: spec.sources,
    market: summary.result(),
  };
}
