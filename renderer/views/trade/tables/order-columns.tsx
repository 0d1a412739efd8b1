import type { OrderReason, OrderStatus, OrderView } from '#shared/domain/trading-orders';
import { triggerText } from '#shared/domain/trigger-direction';
import type { ColumnSpec } from '../../../components/table/column-spec';
import { ORDER_TYPE_LABELS } from '../ticket/ticket-state';
import type { Fmt } from '../format';
import { SideTag } from './cells';

const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Waiting for trigger',
  open: 'Open',
  partiallyFilled: 'Partially filled',
  filled: 'Filled',
  canceled: 'Canceled',
  expired: 'Expired',
};

const REASON_LABELS: Record<OrderReason, string> = {
  placed: 'Placed',
  filled: 'Filled',
  partialFill: 'Partial fill',
  triggered: 'Triggered',
  canceledByUser: 'Canceled by you',
  amended: 'Amended',
  iocRemainder: 'IOC remainder canceled',
  fokUnfilled: 'FOK could not fill',
  postOnlyWouldTake: 'Post-only would take',
  reduceOnlyNothingToReduce: 'Reduce-only: nothing to reduce',
  positionClosed: 'Position closed',
  liquidation: 'Canceled by liquidation',
  adl: 'Canceled by ADL',
  priceProtection: 'Price protection',
  noLiquidity: 'No liquidity',
  resized: 'Resized with the position',
  marginInsufficient: 'Insufficient margin',
};

function typeLabel(o: OrderView): string {
  const base = ORDER_TYPE_LABELS[o.type];
  if (o.role === 'stopLoss') return `${base} (stop)`;
  if (o.role === 'takeProfit') return `${base} (TP)`;
  return base;
}

export interface OrderActions {
  cancel(o: OrderView): void;
  amend(o: OrderView): void;
}

const common = (fmt: Fmt): ColumnSpec<OrderView>[] => [
  { id: 'time', header: 'Time', value: (o) => o.createdAt, sort: 'number', time: true, size: 142, cell: (o) => fmt.time(o.createdAt) },
  { id: 'symbol', header: 'Symbol', value: (o) => o.symbol, size: 84 },
  { id: 'type', header: 'Type', value: (o) => typeLabel(o), size: 132 },
  { id: 'side', header: 'Side', value: (o) => o.side, size: 52, cell: (o) => <SideTag side={o.side} /> },
  { id: 'price', header: 'Price', description: 'Limit price', value: (o) => o.price, align: 'end', size: 96, cell: (o) => (o.price ? fmt.price(o.price) : o.type === 'market' || o.type.endsWith('Market') || o.type === 'trailingStop' ? 'Market' : '—') },
  {
    id: 'trigger',
    header: 'Trigger',
    description: 'Trigger price and the price it watches',
    value: (o) => o.triggerPrice,
    align: 'end',
    size: 130,
    cell: (o) => (o.triggerPrice ? triggerText(o, fmt.price(o.triggerPrice)) : o.type === 'trailingStop' ? `${fmt.pct(o.callbackRate, 2)} cb` : '—'),
  },
  { id: 'quantity', header: 'Amount', value: (o) => o.quantity, align: 'end', size: 88, cell: (o) => (o.closePosition ? 'Close all' : fmt.qty(o.quantity)) },
  { id: 'filled', header: 'Filled', value: (o) => o.filledQuantity, align: 'end', size: 84, cell: (o) => fmt.qty(o.filledQuantity) },
];

/** Resting and pending orders, with cancel and amend. */
export function openOrderColumns(fmt: Fmt, act: OrderActions): ColumnSpec<OrderView>[] {
  return [
    ...common(fmt),
    { id: 'reduceOnly', header: 'Reduce only', value: (o) => (o.reduceOnly || o.closePosition ? 'Yes' : 'No'), size: 70, align: 'center' },
    { id: 'tif', header: 'TIF', description: 'Time in force', value: (o) => o.timeInForce, size: 64 },
    { id: 'status', header: 'Status', value: (o) => STATUS_LABELS[o.status], size: 118 },
    {
      id: 'actions',
      header: 'Actions',
      pinEnd: true,
      size: 130,
      hideable: false,
      sort: false,
      csv: false,
      cell: (o) => (
        <span className="cell-actions">
          <button type="button" className="btn-ghost" onClick={() => act.amend(o)} aria-label={`Amend order ${o.id}`} data-testid="order-amend">
            Amend
          </button>
          <button type="button" className="btn-ghost" onClick={() => act.cancel(o)} aria-label={`Cancel order ${o.id}`} data-testid="order-cancel">
            Cancel
          </button>
        </span>
      ),
    },
  ];
}

/** Every order that ended, with the reason it ended. */
export function orderHistoryColumns(fmt: Fmt): ColumnSpec<OrderView>[] {
  return [
    { id: 'id', header: 'Order', value: (o) => o.id, sort: 'number', size: 64, align: 'end', defaultHidden: true },
    ...common(fmt),
    { id: 'average', header: 'Avg. fill', value: (o) => o.averagePrice, align: 'end', size: 96, cell: (o) => fmt.price(o.averagePrice) },
    { id: 'status', header: 'Status', value: (o) => STATUS_LABELS[o.status], size: 100 },
    { id: 'reason', header: 'Reason', value: (o) => REASON_LABELS[o.reason], size: 170 },
    { id: 'updated', header: 'Updated', value: (o) => o.updatedAt, sort: 'number', time: true, size: 142, cell: (o) => fmt.time(o.updatedAt), defaultHidden: true },
  ];
}
