import { ScenarioDataError } from '../../market/feed/compile';
import { runPlanTestOffMain } from '../../plans/plan-test-runner';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const plansTest: Handler<'plans.test'> = async (input, s) => {
  const found = s.scenarios.get(input.scenarioId);
  if (!found) throw new AppError('NOT_FOUND', `no scenario "${input.scenarioId}"`);
  if (input.atMinute >= found.scenario.durationMinutes) {
    throw new AppError('BAD_INPUT', `the entry minute ${input.atMinute} is past the window's end (${found.scenario.durationMinutes} minutes)`, { issues: [{ path: 'atMinute', message: 'past the end of the window' }] });
  }
  try {
    return await runPlanTestOffMain(s.workspace.path, found.scenario, input.scenarioId, input, () => s.market.data());
  } catch (err) {
    if (err instanceof ScenarioDataError) throw new AppError('CONFLICT', err.message);
    throw err;
  }
};
