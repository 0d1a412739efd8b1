import type { HandlerSlice } from '../types';
import { plansList } from './plans.list';
import { plansSave } from './plans.save';
import { plansDuplicate } from './plans.duplicate';
import { plansDelete } from './plans.delete';
import { plansOrders } from './plans.orders';
import { plansTest } from './plans.test';

/** The saved-plans slice of the handler table (shared/ipc/channels/plans.ts). */
export const plansHandlers = {
  'plans.list': plansList,
  'plans.save': plansSave,
  'plans.duplicate': plansDuplicate,
  'plans.delete': plansDelete,
  'plans.orders': plansOrders,
  'plans.test': plansTest,
} satisfies HandlerSlice<'plans.list' | 'plans.save' | 'plans.duplicate' | 'plans.delete' | 'plans.orders' | 'plans.test'>;
