import { ScenarioSchema, type Scenario, type ScenarioEntry } from '#shared/domain/scenario';
import blackThursday from './builtin/black-thursday-2020-03-13.json' with { type: 'json' };
import cascade from './builtin/cascade-2025-10-10.json' with { type: 'json' };
import flashCrash from './builtin/flash-crash.json' with { type: 'json' };
import ftx from './builtin/ftx-2022-11.json' with { type: 'json' };
import fundingSqueeze from './builtin/funding-squeeze.json' with { type: 'json' };
import gbmDay from './builtin/gbm-day.json' with { type: 'json' };
import jumpDay from './builtin/jump-diffusion-day.json' with { type: 'json' };
import venueWick from './builtin/venue-wick.json' with { type: 'json' };

/**
 * Scenarios that ship with the app (bundled, so the packaged app needs no files): the real crash
 * windows of the embedded default data (with a 5,000-trader crowd), then one of each synthetic kind,
 * then the real windows without a crowd. docs/scenarios.md
 * explains each field; test/unit/market-scenarios.test.ts checks every one parses and runs.
 */
const DOCS: readonly (readonly [string, unknown])[] = [
  ['ftx-2022-11', ftx],
  ['black-thursday-2020-03-13', blackThursday],
  ['cascade-2025-10-10', cascade],
  ['gbm-day', gbmDay],
  ['jump-diffusion-day', jumpDay],
  ['flash-crash', flashCrash],
  ['venue-wick', venueWick],
  ['funding-squeeze', fundingSqueeze],
  // The real windows without their crowd: the market alone (the Heatmap view then shows its estimate).
  ['ftx-2022-11-no-crowd', withoutCrowd(ftx)],
  ['black-thursday-2020-03-13-no-crowd', withoutCrowd(blackThursday)],
  ['cascade-2025-10-10-no-crowd', withoutCrowd(cascade)],
];

function withoutCrowd(doc: { name: string; description: string; crowd?: unknown }): unknown {
  const { crowd: _crowd, ...rest } = doc;
  return { ...rest, name: `${doc.name}, no crowd`, description: `${doc.description} This variant has no simulated crowd: only the market and you.` };
}

export interface BuiltinScenario {
  readonly entry: ScenarioEntry;
  readonly scenario: Scenario;
}

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = DOCS.map(([id, doc]) => {
  const scenario = ScenarioSchema.parse(doc);
  return {
    scenario,
    entry: {
      id,
      origin: 'builtin',
      name: scenario.name,
      description: scenario.description,
      symbol: scenario.symbol,
      marketType: scenario.market.type,
      start: scenario.start,
      durationMinutes: scenario.durationMinutes,
      json: JSON.stringify(doc, null, 2),
    },
  };
});

export function builtinScenario(id: string): BuiltinScenario | null {
  return BUILTIN_SCENARIOS.find((b) => b.entry.id === id) ?? null;
}
