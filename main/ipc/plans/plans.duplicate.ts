import { randomUUID } from 'node:crypto';
import { AppError } from '../app-error';
import type { Handler } from '../types';

export const plansDuplicate: Handler<'plans.duplicate'> = (input, s) => {
  const source = s.plans.get(input.id);
  if (!source) throw new AppError('NOT_FOUND', `no saved plan "${input.id}"`);
  const now = Date.now();
  const copy = { id: randomUUID(), name: `${source.name} (copy)`.slice(0, 120), notes: source.notes, body: source.body, createdAt: now, updatedAt: now };
  s.plans.insert(copy);
  return copy;
};
