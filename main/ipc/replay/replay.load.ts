import { ScenarioDataError } from '../../market/feed/compile';
import { parseScenarioJson } from '../../market/scenarios/scenario-store';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const replayLoad: Handler<'replay.load'> = async (input, s) => {
  const src = input.source;
  let scenario;
  let id: string | null = null;
  if (src.kind === 'scenario') {
    const found = s.scenarios.get(src.id);
    if (!found) throw new AppError('NOT_FOUND', `no scenario "${src.id}"`);
    scenario = found.scenario;
    id = src.id;
  } else {
    const parsed = parseScenarioJson(src.json);
    if (!parsed.ok) throw new AppError('BAD_INPUT', `the scenario is not valid: ${parsed.issues.map((i) => `${i.path || '(document)'}: ${i.message}`).join('; ')}`, { issues: parsed.issues });
    scenario = parsed.scenario;
  }
  try {
    // A long scenario is compiled in slices first (its path held main for most of a second).
    const ahead = s.replay.compileAhead(scenario);
    if (ahead) await ahead;
    const status = s.replay.load(scenario, id);
    // A session continued: the answer waits until the replay has caught up with its log.
    return s.replay.catchingUp ? s.replay.caughtUp().then(() => s.replay.status()) : status;
  } catch (err) {
    if (err instanceof ScenarioDataError || err instanceof RangeError) throw new AppError('CONFLICT', err.message);
    throw err;
  }
};
