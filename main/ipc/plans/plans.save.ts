import { randomUUID } from 'node:crypto';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const plansSave: Handler<'plans.save'> = (input, s) => {
  const now = Date.now();
  if (input.id === undefined) {
    const plan = { id: randomUUID(), name: input.name, notes: input.notes, body: input.body, createdAt: now, updatedAt: now };
    s.plans.insert(plan);
    return plan;
  }
  if (!s.plans.update(input.id, input.name, input.notes, input.body, now)) throw new AppError('NOT_FOUND', `no saved plan "${input.id}"`);
  return s.plans.get(input.id)!;
};
