import type { Handler } from '../types';

export const plansDelete: Handler<'plans.delete'> = (input, s) => ({ deleted: s.plans.delete(input.id) });
