import { ScenarioDataError } from '../../market/feed/compile';
import { runPlanTest } from '../../plans/plan-test';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const plansTest: Handler<'plans.test'> = (input, s) => {
  const found = s.scenarios.get(input.scenarioId);
  if (!found) throw new AppError('NOT_FOUND', `no scenario "${input.scenarioId}"`);
  if (input.atMinute >= found.scenario.durationMinutes) {
    throw new AppError('BAD_INPUT', `the entry minute ${input.atMinute} is past the window's end (${found.scenario.durationMinutes} minutes)`, { issues: [{ path: 'atMinute', message: 'past the end of the window' }] });
  }
  try {
    return runPlanTest(found.scenario, input.scenarioId, s.market.data(), input);
  } catch (err) {
    if (err instanceof ScenarioDataError) throw new AppError('CONFLICT', err.message);
    throw err;
  }
};
