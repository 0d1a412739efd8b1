import type { Dec } from '#shared/money/decimal';
import type {
  OrderReason,
  OrderSide,
  OrderStatus,
  OrderType,
  TimeInForce,
  TriggerSource,
} from '#shared/domain/trading-orders';
import type { AccountId } from './ids';

export type OrderRole = 'entry' | 'stopLoss' | 'takeProfit';

/** A take-profit rung waiting for its entry to fill (prices already checked). */
export interface PlannedRung {
  readonly trigger: Dec;
  readonly fraction: number;
  readonly price: Dec | null;
  readonly source: TriggerSource;
}

/** What an entry order creates once it fills, sized from the filled quantity. */
export interface PlannedBracket {
  readonly stopLoss: { readonly trigger: Dec; readonly source: TriggerSource } | null;
  readonly takeProfits: readonly PlannedRung[];
}

/**
 * A live or finished order inside the engine. Mutable by the engine only; copies go out as
 * OrderView. `qty` of a closePosition order is 0 until it triggers (it takes the position then).
 */
export interface Order {
  readonly id: number;
  readonly account: AccountId;
  readonly clientOrderId: string | null;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  status: OrderStatus;
  qty: Dec;
  filled: Dec;
  /** Σ fill qty × price, for the average price. */
  filledValue: Dec;
  price: Dec | null;
  trigger: Dec | null;
  readonly triggerSource: TriggerSource;
  readonly timeInForce: TimeInForce;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  readonly callbackRate: Dec | null;
  readonly activation: Dec | null;
  /** Trailing stop: best price since activation (highest for a sell, lowest for a buy). */
  trailingExtreme: Dec | null;
  /** A stop-limit / take-profit-limit whose trigger fired and now rests as a limit. */
  triggered: boolean;
  readonly parentId: number | null;
  readonly role: OrderRole | null;
  /** Entry orders: the protective orders to create from fills. */
  readonly bracket: PlannedBracket | null;
  /** Take-profit rung: share of the parent's filled quantity it closes, and its place in the ladder. */
  readonly fraction: number | null;
  readonly rung: number | null;
  readonly createdAt: number;
  updatedAt: number;
  reason: OrderReason;
}

export function isFinal(status: OrderStatus): boolean {
  switch (status) {
    case 'filled':
    case 'canceled':
    case 'expired':
      return true;
    case 'pending':
    case 'open':
    case 'partiallyFilled':
      return false;
    default: {
      const never: never = status;
      throw new Error(`unknown order status ${String(never)}`);
    }
  }
}

/**
 * The order life cycle. Every status change goes through here, so an impossible transition
 * (a filled order re-opened, a canceled one filled) is a bug caught where it happens.
 */
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['pending', 'open', 'partiallyFilled', 'filled', 'canceled', 'expired'],
  open: ['open', 'partiallyFilled', 'filled', 'canceled', 'expired'],
  partiallyFilled: ['partiallyFilled', 'filled', 'canceled', 'expired'],
  filled: [],
  canceled: [],
  expired: [],
};

export function transition(order: Order, to: OrderStatus, reason: OrderReason, t: number): void {
  if (!NEXT[order.status].includes(to)) {
    throw new Error(`order ${order.id}: illegal transition ${order.status} -> ${to} (${reason})`);
  }
  order.status = to;
  order.reason = reason;
  order.updatedAt = t;
}

export function remaining(order: Order): Dec {
  return order.qty.minus(order.filled);
}

/** Whether the order waits for a trigger (not yet fired). */
export function awaitsTrigger(order: Order): boolean {
  return order.status === 'pending';
}

export function isConditional(type: OrderType): boolean {
  switch (type) {
    case 'stopMarket':
    case 'stopLimit':
    case 'takeProfitMarket':
    case 'takeProfitLimit':
    case 'trailingStop':
      return true;
    case 'market':
    case 'limit':
      return false;
    default: {
      const never: never = type;
      throw new Error(`unknown order type ${String(never)}`);
    }
  }
}

/** Whether the order, once live, rests at a limit price. */
export function restsAtLimit(type: OrderType): boolean {
  return type === 'limit' || type === 'stopLimit' || type === 'takeProfitLimit';
}

/**
 * Direction a conditional order fires in: 'down' fires when the watched price falls to the
 * trigger (a sell stop, a buy take-profit), 'up' when it rises to it.
 */
export function triggerDirection(type: OrderType, side: OrderSide): 'up' | 'down' {
  const stopLike = type === 'stopMarket' || type === 'stopLimit' || type === 'trailingStop';
  if (stopLike) return side === 'sell' ? 'down' : 'up';
  return side === 'sell' ? 'up' : 'down';
}
