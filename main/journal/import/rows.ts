/**
 * What a journal import reads out of an account export, normalised: decimals stay text (exact,
 * never floats), times are ms UTC, fees are positive when paid whatever the file's sign convention.
 * `line` is where the row was in its file, for messages.
 */
export type PositionSide = 'long' | 'short' | 'both';

export interface FillRow {
  readonly account: string;
  readonly venue: string;
  readonly symbol: string;
  readonly tradeId: string;
  readonly t: number;
  readonly orderId: string | null;
  readonly side: 'buy' | 'sell';
  readonly positionSide: PositionSide;
  readonly price: string;
  /** In the unit the exchange counts the position in: base units, or contracts for COIN-M. */
  readonly quantity: string;
  readonly fee: string;
  readonly feeAsset: string;
  /** As exported; null when the layout has none (computed from the round trip then). */
  readonly realizedPnl: string | null;
  readonly settleAsset: string;
  readonly maker: boolean | null;
}

export interface TransactionRow {
  readonly account: string;
  readonly venue: string;
  readonly txId: string;
  readonly type: string;
  readonly asset: string;
  readonly t: number;
  readonly amount: string;
  readonly symbol: string | null;
}

export interface OrderRow {
  readonly account: string;
  readonly venue: string;
  readonly orderId: string;
  readonly symbol: string;
  readonly t: number;
  readonly type: string;
  readonly side: 'buy' | 'sell';
  readonly positionSide: PositionSide;
  readonly stopPrice: string | null;
  readonly status: string;
  readonly clientOrderId: string | null;
  readonly executed: string;
}

export interface PositionRow {
  readonly account: string;
  readonly venue: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly opened: number;
  readonly closed: number | null;
  readonly marginMode: 'cross' | 'isolated' | null;
  readonly entryPrice: string;
  readonly closePrice: string | null;
  readonly closingPnl: string;
  /** Status, closed volume, PnL and entry: one position appears once per partial close. */
  readonly rowKey: string;
}

/** A closed position as a venue reports it whole (Bybit Closed P&L): a round trip without fills. */
export interface ClosedRow {
  readonly account: string;
  readonly venue: string;
  readonly key: string;
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly openedAt: number | null;
  readonly closedAt: number;
  readonly quantity: string;
  readonly entryPrice: string;
  readonly exitPrice: string;
  readonly closedPnl: string;
  readonly asset: string;
  readonly exitType: string;
}

export interface ParsedRows {
  fills: FillRow[];
  transactions: TransactionRow[];
  orders: OrderRow[];
  positions: PositionRow[];
  closed: ClosedRow[];
}

export function emptyRows(): ParsedRows {
  return { fills: [], transactions: [], orders: [], positions: [], closed: [] };
}
