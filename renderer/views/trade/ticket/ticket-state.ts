import type { OrderRequest, OrderSide, OrderType, TimeInForce, TriggerSource } from '#shared/domain/trading-orders';
import { CONDITIONAL_TYPES, LIMIT_PRICED_TYPES } from '#shared/domain/trading-orders';
import { Dec, floorTo, toWire } from '#shared/money/decimal';
import { parseUserDecimal } from '../../../components/format/decimal-text';
import { riskQuantity, type RiskContext, type RiskIn } from './ticket-risk';

/** What the trader has typed into the ticket; text fields stay text until the order is built. */
export type QuantityUnit = 'base' | 'quote' | 'percent' | 'risk';

export interface TakeProfitRungInput {
  readonly price: string;
  /** Percent of the filled entry this rung closes. */
  readonly percent: string;
}

export interface TicketState {
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly price: string;
  readonly trigger: string;
  readonly triggerSource: TriggerSource;
  readonly timeInForce: TimeInForce;
  readonly quantity: string;
  readonly unit: QuantityUnit;
  /** "Risk" unit: the quantity field is a % of equity or cash lost at the attached stop. */
  readonly riskIn: RiskIn;
  readonly reduceOnly: boolean;
  readonly closePosition: boolean;
  /** Trailing stop callback, in percent as typed ("1" = 1%). */
  readonly callbackPercent: string;
  readonly activation: string;
  readonly stopOn: boolean;
  readonly stopPrice: string;
  readonly tpOn: boolean;
  readonly takeProfits: readonly TakeProfitRungInput[];
}

export const INITIAL_TICKET: TicketState = {
  side: 'buy',
  type: 'limit',
  price: '',
  trigger: '',
  triggerSource: 'mark',
  timeInForce: 'GTC',
  quantity: '',
  unit: 'base',
  riskIn: 'percent',
  reduceOnly: false,
  closePosition: false,
  callbackPercent: '1',
  activation: '',
  stopOn: false,
  stopPrice: '',
  tpOn: false,
  takeProfits: [{ price: '', percent: '100' }],
};

export const ORDER_TYPE_LABELS: Record<OrderType, string> = {
  market: 'Market',
  limit: 'Limit',
  stopMarket: 'Stop market',
  stopLimit: 'Stop limit',
  takeProfitMarket: 'Take profit market',
  takeProfitLimit: 'Take profit limit',
  trailingStop: 'Trailing stop',
};

export const needsPrice = (t: OrderType): boolean => LIMIT_PRICED_TYPES.includes(t);
export const needsTrigger = (t: OrderType): boolean => CONDITIONAL_TYPES.includes(t) && t !== 'trailingStop';
export const isConditional = (t: OrderType): boolean => CONDITIONAL_TYPES.includes(t);
/** Attached stop/TP make sense on an order that opens or adds to a position. */
export const canAttach = (s: TicketState): boolean => !s.reduceOnly && !s.closePosition && (s.type === 'market' || s.type === 'limit' || s.type === 'stopMarket' || s.type === 'stopLimit');

/** What the ticket needs to turn typed text into an exact order. All decimals are strings. */
export interface TicketContext {
  readonly symbol: string;
  readonly tickSize: string;
  readonly stepSize: string;
  /** Price used to convert a quote amount into base: the limit price, else the last price. */
  readonly lastPrice: string | null;
  /** Largest quantity the preview says this side can open; "% of available" is a share of it. */
  readonly maxOpen: string | null;
  /** Equity, profile, leverage and margin mode for the "Risk" unit. */
  readonly risk?: RiskContext;
}

export type BuildResult = { readonly ok: true; readonly request: OrderRequest; readonly quantity: string | null } | { readonly ok: false; readonly field: string; readonly message: string };

function fail(field: string, message: string): BuildResult {
  return { ok: false, field, message };
}

/**
 * The base quantity the trader asked for, exact: quote amounts divide by the reference price and
 * percentages take a share of the max open quantity, both floored to the step (decimal.js, never
 * float; the result is an order size, not a balance).
 */
export function baseQuantity(s: TicketState, ctx: TicketContext): { ok: true; value: string } | { ok: false; message: string } {
  const typed = parseUserDecimal(s.quantity);
  if (!typed) return { ok: false, message: 'Enter a quantity greater than zero.' };
  let base: Dec;
  if (s.unit === 'base') {
    base = new Dec(typed);
  } else if (s.unit === 'risk') {
    if (!ctx.risk) return { ok: false, message: 'Risk sizing needs the account.' };
    const entry = needsPrice(s.type) ? parseUserDecimal(s.price) : ctx.lastPrice;
    const r = riskQuantity({ risk: s.quantity, riskIn: s.riskIn, side: s.side, entry, stop: s.stopOn ? parseUserDecimal(s.stopPrice) : null, symbol: ctx.symbol }, ctx.risk);
    if (!r.ok) return r;
    base = new Dec(r.value);
  } else if (s.unit === 'quote') {
    const ref = needsPrice(s.type) ? parseUserDecimal(s.price) : ctx.lastPrice;
    if (!ref) return { ok: false, message: 'A quote amount needs a price to convert at.' };
    base = new Dec(typed).div(ref);
  } else {
    if (new Dec(typed).gt(100)) return { ok: false, message: 'A percentage is at most 100.' };
    if (!ctx.maxOpen) return { ok: false, message: 'Max open quantity is not known yet.' };
    base = new Dec(ctx.maxOpen).mul(typed).div(100);
  }
  const floored = floorTo(base, ctx.stepSize);
  if (!floored.gt(0)) return { ok: false, message: `Below the step size ${ctx.stepSize}.` };
  return { ok: true, value: toWire(floored) };
}

/**
 * Builds the OrderRequest the engine validates; refuses here only what the ticket itself can see.
 * `quantityOptional` (for the live preview) leaves out a quantity that is missing or unusable, so
 * the preview can still say how much the account could open.
 */
export function buildOrder(s: TicketState, ctx: TicketContext, opts: { quantityOptional?: boolean } = {}): BuildResult {
  const request: { -readonly [K in keyof OrderRequest]: OrderRequest[K] } = { symbol: ctx.symbol, side: s.side, type: s.type };
  let quantity: string | null = null;
  if (!(s.closePosition && isConditional(s.type))) {
    const q = baseQuantity(s, ctx);
    if (q.ok) {
      quantity = q.value;
      request.quantity = q.value as OrderRequest['quantity'];
    } else if (!opts.quantityOptional) {
      return fail('quantity', q.message);
    }
  } else {
    request.closePosition = true;
  }
  if (needsPrice(s.type)) {
    const p = parseUserDecimal(s.price);
    if (!p) return fail('price', 'Enter a limit price.');
    request.price = p as OrderRequest['price'];
  }
  if (needsTrigger(s.type)) {
    const t = parseUserDecimal(s.trigger);
    if (!t) return fail('trigger', 'Enter a trigger price.');
    request.triggerPrice = t as OrderRequest['triggerPrice'];
  }
  if (isConditional(s.type)) request.triggerSource = s.triggerSource;
  if (s.type === 'trailingStop') {
    const pct = parseUserDecimal(s.callbackPercent);
    if (!pct) return fail('callback', 'Enter a callback rate.');
    request.callbackRate = toWire(new Dec(pct).div(100)) as OrderRequest['callbackRate'];
    const act = s.activation.trim() ? parseUserDecimal(s.activation) : null;
    if (s.activation.trim() && !act) return fail('activation', 'The activation price is not a price.');
    if (act) request.activationPrice = act as OrderRequest['activationPrice'];
  }
  if (s.type === 'limit' || s.type === 'stopLimit' || s.type === 'takeProfitLimit') request.timeInForce = s.timeInForce;
  if (s.reduceOnly) request.reduceOnly = true;
  if (canAttach(s) && (s.stopOn || s.tpOn)) {
    const attached: NonNullable<OrderRequest['attached']> = {};
    if (s.stopOn) {
      const sp = parseUserDecimal(s.stopPrice);
      if (!sp) return fail('stopPrice', 'Enter the stop price or turn the stop off.');
      (attached as { stopLoss?: unknown }).stopLoss = { triggerPrice: sp, triggerSource: s.triggerSource };
    }
    if (s.tpOn) {
      const rungs = [];
      let total = new Dec(0);
      for (const [i, r] of s.takeProfits.entries()) {
        const price = parseUserDecimal(r.price);
        const pct = parseUserDecimal(r.percent);
        if (!price) return fail(`tp${i}`, `Take-profit ${i + 1}: enter a price.`);
        if (!pct) return fail(`tp${i}`, `Take-profit ${i + 1}: enter the share to close.`);
        const fraction = new Dec(pct).div(100);
        total = total.plus(fraction);
        // The schema takes a JS number for the fraction: a share, not money.
        rungs.push({ triggerPrice: price, fraction: fraction.toNumber(), triggerSource: s.triggerSource });
      }
      if (total.gt(1)) return fail('tp0', 'Take-profit shares add up to more than 100%.');
      (attached as { takeProfits?: unknown }).takeProfits = rungs;
    }
    request.attached = attached;
  }
  return { ok: true, request: request as OrderRequest, quantity };
}
