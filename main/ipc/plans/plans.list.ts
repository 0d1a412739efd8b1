import type { Handler } from '../types';

export const plansList: Handler<'plans.list'> = (_input, s) => ({ plans: s.plans.list() });
