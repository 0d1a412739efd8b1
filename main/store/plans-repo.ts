import { PlanBodySchema, type Plan, type PlanBody } from '#shared/plan/plan-body';
import type { Db } from './db-types';

interface PlanRow {
  id: string;
  name: string;
  notes: string;
  body: string;
  created_at: number;
  updated_at: number;
}

/**
 * Saved trade plans (migration 0040). A body that no longer parses (written by a future version)
 * is left out of the list rather than breaking it.
 */
export class PlansRepo {
  constructor(private readonly db: Db) {}

  list(): Plan[] {
    const rows = this.db.prepare('SELECT id, name, notes, body, created_at, updated_at FROM plans ORDER BY updated_at DESC, id').all() as PlanRow[];
    return rows.flatMap((r) => {
      const plan = toPlan(r);
      return plan ? [plan] : [];
    });
  }

  get(id: string): Plan | null {
    const row = this.db.prepare('SELECT id, name, notes, body, created_at, updated_at FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
    return row ? toPlan(row) : null;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM plans WHERE id = ?').get(id) !== undefined;
  }

  insert(plan: Plan): void {
    this.db
      .prepare('INSERT INTO plans (id, name, notes, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(plan.id, plan.name, plan.notes, JSON.stringify(plan.body), plan.createdAt, plan.updatedAt);
  }

  update(id: string, name: string, notes: string, body: PlanBody, updatedAt: number): boolean {
    return this.db.prepare('UPDATE plans SET name = ?, notes = ?, body = ?, updated_at = ? WHERE id = ?').run(name, notes, JSON.stringify(body), updatedAt, id).changes > 0;
  }

  /** Deletes the plan only: the links of orders already placed from it stay (the journal's history). */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM plans WHERE id = ?').run(id).changes > 0;
  }

  /** Orders placed from the plan (entries and their attached stop and take-profits), oldest first. */
  orderIds(planId: string): number[] {
    return (this.db.prepare('SELECT order_id FROM plan_orders WHERE plan_id = ? ORDER BY order_id').all(planId) as { order_id: number }[]).map((r) => r.order_id);
  }
}

function toPlan(r: PlanRow): Plan | null {
  let doc: unknown;
  try {
    doc = JSON.parse(r.body);
  } catch {
    return null;
  }
  const body = PlanBodySchema.safeParse(doc);
  return body.success ? { id: r.id, name: r.name, notes: r.notes, body: body.data, createdAt: r.created_at, updatedAt: r.updated_at } : null;
}
