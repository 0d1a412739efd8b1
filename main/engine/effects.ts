import type { DecimalString } from '#shared/money/decimal';
import type {
  BalanceEntry,
  FillView,
  FundingPaymentView,
  InsuranceEntry,
  LiquidationView,
} from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { AccountId } from './model/ids';

/**
 * What an event did, in the order it happened. The service persists these rows with the event
 * (one transaction) and pushes them to the renderer. Per-fill, per-order and per-payment effects
 * are reported for accounts that keep history (the trader); liquidations, ADL and insurance
 * changes for everyone (the market's cascade is part of what the trader watches).
 */
export type Effect =
  | { readonly kind: 'order'; readonly order: OrderView; readonly account: AccountId }
  | { readonly kind: 'fill'; readonly fill: FillView }
  | { readonly kind: 'funding'; readonly payment: FundingPaymentView }
  | {
      readonly kind: 'fundingSettled';
      readonly t: number;
      readonly symbol: string;
      readonly rate: DecimalString;
      readonly markPrice: DecimalString;
      readonly positions: number;
      /** Total paid by the paying side (before rounding dust). */
      readonly paid: DecimalString;
    }
  | { readonly kind: 'liquidation'; readonly liquidation: LiquidationView }
  | { readonly kind: 'insurance'; readonly entry: InsuranceEntry }
  | { readonly kind: 'balance'; readonly entry: BalanceEntry }
  | { readonly kind: 'position'; readonly account: AccountId; readonly symbol: string }
  | {
      readonly kind: 'triggered';
      readonly account: AccountId;
      readonly orderId: number;
      readonly symbol: string;
      readonly price: DecimalString;
    }
  | { readonly kind: 'crowdArrived'; readonly t: number; readonly opened: number; readonly skipped: number };

export type EffectKind = Effect['kind'];

/** Result of applying one event. `rejected` carries the refusal of a command (state unchanged). */
export type ApplyResult =
  | { readonly ok: true; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly rejection: Rejection };

export interface Rejection {
  /** Machine-readable reason, e.g. 'tickSize', 'insufficientMargin', 'leverageAboveBracket'. */
  readonly code: string;
  readonly message: string;
  /** The offending input field, when one is to blame. */
  readonly field?: string;
}
