import type { Handler } from '../types';

export const marketDeleteScenario: Handler<'market.deleteScenario'> = (input, s) => ({ deleted: s.scenarios.delete(input.id) });
