import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrowdParams } from '#shared/domain/crowd';
import { ScenarioSchema } from '#shared/domain/scenario';
import type { MarketData } from '#main/market/feed/compile';
import { MarketService } from '#main/market/market-service';
import { runMarketReplay } from '#main/market/replay/run-headless';
import { builtinScenario } from '#main/market/scenarios/builtin';
import { HeadlessEngine } from '#main/trading/headless-engine';
import { sessionFromScenario } from '#main/trading/session';
import { loadScenarioFixtures, tempWorkspace, type TempWorkspace } from '../market-kit';

/**
 * Issue 10, item 6: the indexed ADL selection must close exactly what the original full ranking
 * (kept as the 'reference' selection) closes. Both run the real crash windows with a crowd and an
 * insurance fund small enough that most liquidations need ADL; the state hashes must be equal.
 */
let w: TempWorkspace;
let data: MarketData;
beforeAll(async () => {
  w = tempWorkspace('adl-oracle');
  await loadScenarioFixtures(w);
  data = new MarketService({ db: w.ws.db, dataDir: path.dirname(w.ws.path) }).data();
});
afterAll(() => w.cleanup());

function crowd(seed: number, traders: number, crossShare: number): CrowdParams {
  return {
    seed,
    traders,
    longShare: 0.6,
    leverage: [
      { leverage: 5, weight: 2 },
      { leverage: 10, weight: 3 },
      { leverage: 20, weight: 2 },
      { leverage: 50, weight: 1 },
    ],
    notional: { median: 10_000, logSigma: 1 },
    crossShare,
    stops: { share: 0.3, minDistance: 0.02, maxDistance: 0.1 },
    entryWindowHours: 0.5,
  };
}

const cases = [
  { id: 'cascade-2025-10-10', seed: 1, traders: 1500, fund: '5000', crossShare: 0.3 },
  { id: 'cascade-2025-10-10', seed: 7, traders: 800, fund: '0', crossShare: 0.8 },
  { id: 'black-thursday-2020-03-13', seed: 3, traders: 1200, fund: '2000', crossShare: 0.5 },
];

describe('indexed ADL selection equals the reference on real crashes', () => {
  for (const c of cases) {
    it(`${c.id}, ${c.traders} traders (seed ${c.seed}), fund ${c.fund}: same state hash, same ADL steps`, () => {
      const base = builtinScenario(c.id)!.scenario;
      const scenario = ScenarioSchema.parse({ ...base, crowd: crowd(c.seed, c.traders, c.crossShare), account: { insuranceFund: c.fund } });
      const run = (adlSelection: 'indexed' | 'reference') => {
        const engine = new HeadlessEngine(sessionFromScenario(scenario, c.id), { adlSelection });
        runMarketReplay(scenario, data, { id: c.id, sinks: [engine] });
        return { hash: engine.engine.stateHash(), result: engine.result() };
      };
      const indexed = run('indexed');
      const reference = run('reference');
      // ADL must actually have happened, on many liquidations, for the comparison to mean anything.
      expect(reference.result.liquidations.withAdl).toBeGreaterThan(50);
      expect(indexed.result.liquidations).toEqual(reference.result.liquidations);
      expect(indexed.hash).toBe(reference.hash);
    }, 300_000);
  }
});
