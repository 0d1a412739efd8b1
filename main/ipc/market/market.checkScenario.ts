import { compileScenario, ScenarioDataError } from '../../market/feed/compile';
import { parseScenarioJson } from '../../market/scenarios/scenario-store';
import type { Handler } from '../types';

export const marketCheckScenario: Handler<'market.checkScenario'> = (input, s) => {
  const parsed = parseScenarioJson(input.json);
  if (!parsed.ok) return { valid: false, issues: parsed.issues, dataProblem: null, ticks: null };
  try {
    const spec = compileScenario(parsed.scenario, s.market.data());
    return { valid: true, issues: [], dataProblem: null, ticks: spec.n };
  } catch (err) {
    if (err instanceof ScenarioDataError || err instanceof RangeError) return { valid: true, issues: [], dataProblem: err.message, ticks: null };
    throw err;
  }
};
