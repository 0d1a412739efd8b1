import type { Handler } from '../types';

export const plansOrders: Handler<'plans.orders'> = (input, s) => ({ orderIds: s.plans.orderIds(input.id) });
