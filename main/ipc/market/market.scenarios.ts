import type { Handler } from '../types';

export const marketScenarios: Handler<'market.scenarios'> = (_input, s) => ({ scenarios: s.scenarios.list() });
