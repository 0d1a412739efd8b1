import type { OrderRequest } from '../domain/trading-orders';
import type { DecimalString } from '../money/decimal';
import type { PlanInputs } from './plan-body';
import type { PlanExits } from './plan-exits';
import type { PlanOutputs } from './compute-plan';

/** The orders a plan places: the entry with its bracket, and the trailing stop for the runner. */
export interface PlanOrders {
  readonly entry: OrderRequest;
  /** Reduce-only, placed right after the entry; null when the plan has no trailing stop. */
  readonly trailing: OrderRequest | null;
}

/**
 * One translation of a plan into engine orders, used by "Send to ticket" (which fills the ticket
 * with them) and by "Test on history" (which scripts them), so what is tested is what is sent.
 * Attached orders watch the mark (the ticket's default, and the price liquidation uses).
 */
export function planOrders(inputs: PlanInputs, out: PlanOutputs, exits: PlanExits): PlanOrders {
  const buy = out.side === 'long';
  const q = out.quantity as OrderRequest['quantity'];
  const takeProfits = exits.problems.length > 0 ? [] : exits.rungs.filter((r) => !r.belowMinQty).map((r) => ({ triggerPrice: r.price as DecimalString, fraction: Number(r.percent) / 100, triggerSource: 'mark' as const }));
  const entry: OrderRequest = {
    symbol: inputs.symbol,
    side: buy ? 'buy' : 'sell',
    type: inputs.entryKind,
    quantity: q,
    ...(inputs.entryKind === 'limit' ? { price: out.entry as OrderRequest['price'], timeInForce: 'GTC' as const } : {}),
    attached: {
      stopLoss: { triggerPrice: out.stop as DecimalString, triggerSource: 'mark' },
      ...(takeProfits.length > 0 ? { takeProfits } : {}),
    },
  };
  const runner = exits.runner !== '0' ? exits.runner : out.quantity;
  const trailing: OrderRequest | null = exits.trailing
    ? {
        symbol: inputs.symbol,
        side: buy ? 'sell' : 'buy',
        type: 'trailingStop',
        quantity: runner as OrderRequest['quantity'],
        reduceOnly: true,
        triggerSource: 'mark',
        callbackRate: exits.trailing.callbackRate as OrderRequest['callbackRate'],
        ...(exits.trailing.activationPrice ? { activationPrice: exits.trailing.activationPrice as OrderRequest['activationPrice'] } : {}),
      }
    : null;
  return { entry, trailing };
}
