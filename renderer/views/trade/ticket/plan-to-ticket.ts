import type { OrderRequest } from '#shared/domain/trading-orders';
import { Dec, toWire } from '#shared/money/decimal';
import type { PlanHandoff } from '../../../app/plan-handoff-types';
import { INITIAL_TICKET, type TicketState } from './ticket-state';

/** The ticket filled with a plan's entry and bracket, exactly as the Planner built them. */
export function ticketFromPlan(h: PlanHandoff): TicketState {
  const e: OrderRequest = h.entry;
  const tps = e.attached?.takeProfits ?? [];
  return {
    ...INITIAL_TICKET,
    side: e.side,
    type: e.type,
    price: e.price ?? '',
    timeInForce: e.timeInForce ?? 'GTC',
    quantity: e.quantity ?? '',
    unit: 'base',
    triggerSource: e.attached?.stopLoss?.triggerSource ?? 'mark',
    stopOn: !!e.attached?.stopLoss,
    stopPrice: e.attached?.stopLoss?.triggerPrice ?? '',
    tpOn: tps.length > 0,
    // Shares as percent text, exact ("50", not "50.00000001").
    takeProfits: tps.length ? tps.map((r) => ({ price: r.triggerPrice, percent: toWire(new Dec(r.fraction).mul(100)) })) : INITIAL_TICKET.takeProfits,
  };
}
