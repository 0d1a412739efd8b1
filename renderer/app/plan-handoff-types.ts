import type { MarginMode } from '#shared/domain/exchange';
import type { OrderRequest } from '#shared/domain/trading-orders';

/**
 * A plan on its way from the Planner to the Trade view's ticket: the whole bracket (entry with
 * its attached stop and take-profit ladder, the trailing stop), the leverage and margin mode,
 * and the saved plan's id (orders placed from it are linked to it). Held here, outside both
 * views, because switching view unmounts the Planner before the ticket mounts.
 */
export interface PlanHandoff {
  readonly planId: string | null;
  readonly planName: string;
  readonly entry: OrderRequest;
  readonly trailing: OrderRequest | null;
  readonly leverage: number;
  readonly marginMode: MarginMode;
  /** Bumped per send, so sending the same plan twice fills the ticket twice. */
  readonly serial: number;
}
