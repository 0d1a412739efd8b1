import { AppError } from '../app-error';
import type { Handler } from '../types';

export const marketSaveScenario: Handler<'market.saveScenario'> = (input, s) => {
  const r = s.scenarios.save(input.id, input.json);
  if (!r.ok) throw new AppError('BAD_INPUT', `the scenario is not valid: ${r.issues.map((i) => `${i.path || '(document)'}: ${i.message}`).join('; ')}`, { issues: r.issues });
  return r.entry;
};
