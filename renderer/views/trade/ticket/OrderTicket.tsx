import { forwardRef, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type FormEvent } from 'react';
import type { MarginMode } from '#shared/domain/exchange';
import type { MarketView, PositionView } from '#shared/domain/trading-account';
import type { OrderRequest, OrderSide, OrderType, TimeInForce, TriggerSource } from '#shared/domain/trading-orders';
import { ORDER_TYPES, TIME_IN_FORCE } from '#shared/domain/trading-orders';
import type { OrderPreview } from '#shared/domain/trading-queries';
import { ConfirmDialog } from '../../../components/dialog/ConfirmDialog';
import { Segmented } from '../../../components/Segmented';
import { useFmt } from '../format';
import { LeverageControl } from './LeverageControl';
import { usePricePrefill } from './use-price-prefill';
import { TakeProfitLadder } from './TakeProfitLadder';
import { AttachedSummary } from './AttachedSummary';
import { TicketPreview } from './TicketPreview';
import { TicketPlanBanner } from './TicketPlanBanner';
import { ticketFromPlan } from './plan-to-ticket';
import { lossAtStop } from './ticket-risk';
import { usePlanHandoff } from './use-plan-handoff';
import { armPlanTrailing } from './plan-trailing';
import { disarmTrailing } from '../../../app/pending-trailing';
import { TrailingPendingNote } from './TrailingPendingNote';
import { TicketQuantity } from './TicketQuantity';
import { INITIAL_TICKET, ORDER_TYPE_LABELS, buildOrder, canAttach, isConditional, needsPrice, needsTrigger, type TicketState } from './ticket-state';

export interface TicketHandle {
  /** Shift+B / Shift+S: send the ticket as a buy or a sell. */
  submit(side: OrderSide): void;
  focusQuantity(): void;
  /** A price picked on the chart. */
  setPrice(price: string): void;
}

export interface OrderTicketProps {
  readonly market: MarketView | null;
  readonly position: PositionView | null;
  readonly leverage: number;
  readonly marginMode: MarginMode;
  readonly onLeverage: (n: number) => Promise<string | null>;
  readonly onMarginMode: (m: MarginMode) => Promise<string | null>;
  /** The engine's preview of exactly this order, or the reason it could not be computed. */
  readonly preview: (req: OrderRequest) => Promise<OrderPreview | string>;
  /** Sends the order (with the plan it came from, if any); resolves with the refusal, or null when the engine accepted it. */
  readonly submit: (req: OrderRequest & { planId?: string }) => Promise<{ message: string; field: string | null } | null>;
  /** Bumped as the market moves, so the preview follows the mark. */
  readonly previewVersion: number;
  readonly atr: string | null;
  readonly confirmMarket: boolean;
  /** The account's margin balance, for the "Risk" quantity unit. */
  readonly equity?: string | null;
}

type FieldError = { field: string; message: string } | null;
const FIELD_OF: Record<string, string> = { triggerPrice: 'trigger', price: 'price', quantity: 'quantity', callbackRate: 'callback', activationPrice: 'activation' };

/** The order ticket: every order type the engine supports, attached stop and TP ladder, live preview. */
export const OrderTicket = forwardRef<TicketHandle, OrderTicketProps>(function OrderTicket(props, ref) {
  const { market, position, leverage, marginMode, onLeverage, onMarginMode, preview, submit, previewVersion, atr, confirmMarket, equity = null } = props;
  const fmt = useFmt();
  const ids = { side: useId(), mode: useId(), unit: useId(), src: useId(), type: useId() };
  const [s, setS] = useState<TicketState>(INITIAL_TICKET);
  const patch = (p: Partial<TicketState>): void => setS((prev) => ({ ...prev, ...p }));
  const [error, setError] = useState<FieldError>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<OrderRequest | null>(null);
  const [pv, setPv] = useState<{ key: string; value: OrderPreview | string } | null>(null);
  const qtyRef = useRef<HTMLInputElement>(null);
  const priceRef = useRef<HTMLInputElement>(null);

  const symbol = market?.symbol ?? 'BTCUSDT';
  // The slider stops where the bracket of the position held stops (a 2 M notional cannot take
  // 125x); without a position, at the symbol's first bracket. Leverage is a whole number.
  const maxLeverage = Math.floor(Math.min(Number(market?.spec.maxLeverage ?? 125), Number(position?.bracket.maxLeverage ?? Infinity)));
  const base = symbol.replace(/USDT$|USD$|BUSD$/, '');
  const ctx = useMemo(
    () => ({
      symbol,
      tickSize: market?.spec.tickSize ?? '0.1',
      stepSize: market?.spec.stepSize ?? '0.001',
      lastPrice: market?.last ?? null,
      maxOpen: pv && typeof pv.value !== 'string' ? pv.value.maxOpenQuantity : null,
      risk: { equity, profile: market?.profile ?? 'binance-usdm', leverage, marginMode },
    }),
    [symbol, market?.spec.tickSize, market?.spec.stepSize, market?.last, pv, equity, market?.profile, leverage, marginMode],
  );
  // A plan sent from the Planner fills the whole bracket, its leverage and margin mode.
  const handoff = usePlanHandoff((h) => {
    setS(ticketFromPlan(h));
    setError(null);
    if (h.marginMode !== marginMode) void onMarginMode(h.marginMode);
    if (h.leverage !== leverage) void onLeverage(h.leverage);
  });

  // The preview asks for exactly what the ticket would send, minus a quantity it cannot read yet;
  // when a field it needs is missing, it says which instead of going blank.
  const previewBuild = useMemo(() => {
    const r = buildOrder(s, ctx, { quantityOptional: true });
    return r.ok ? { request: r.request, missing: null } : { request: null, missing: { field: r.field, message: r.message } };
    // maxOpen feeds the "%" unit only; leaving it out stops the preview from chasing its own answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [s, ctx.symbol, ctx.tickSize, ctx.stepSize, s.unit === 'quote' || s.unit === 'risk' ? ctx.lastPrice : null, s.unit === 'percent' ? ctx.maxOpen : null, s.unit === 'risk' ? ctx.risk : null]);
  const previewReq = previewBuild.request;
  const previewKey = previewReq ? JSON.stringify(previewReq) : '';
  useEffect(() => {
    if (!previewReq || !market) return;
    let live = true;
    const timer = setTimeout(() => {
      void preview(previewReq).then((value) => live && setPv({ key: previewKey, value }));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // previewKey captures previewReq; previewVersion re-asks as the mark moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewKey, previewVersion, market != null, preview]);

  usePricePrefill(s.type, market?.last, setS);

  const send = async (req: OrderRequest): Promise<void> => {
    setBusy(true);
    const plan = handoff.plan;
    const planId = plan?.planId ?? undefined;
    // The plan's trailing stop is reduce-only: it follows a market entry at once, a resting entry on its fill.
    const tag = plan?.trailing && req.type !== 'market' ? armPlanTrailing(plan, req.clientOrderId) : null;
    const entry = tag ? { ...req, clientOrderId: tag } : req;
    let refusal = await submit(planId ? { ...entry, planId } : entry);
    if (refusal && tag) disarmTrailing(tag);
    if (!refusal && !tag && plan?.trailing) refusal = await submit(planId ? { ...plan.trailing, planId } : plan.trailing);
    if (!refusal && plan) handoff.clear();
    setBusy(false);
    setError(refusal ? { field: refusal.field ? (FIELD_OF[refusal.field] ?? refusal.field) : 'form', message: refusal.message } : null);
  };

  const trySubmit = (side: OrderSide = s.side): void => {
    const state = { ...s, side };
    if (side !== s.side) patch({ side });
    const r = buildOrder(state, ctx);
    if (!r.ok) {
      setError({ field: r.field, message: r.message });
      if (r.field === 'quantity') qtyRef.current?.focus();
      if (r.field === 'price') priceRef.current?.focus();
      return;
    }
    setError(null);
    if (r.request.type === 'market' && confirmMarket) setConfirming(r.request);
    else void send(r.request);
  };

  useImperativeHandle(ref, () => ({
    submit: (side) => trySubmit(side),
    focusQuantity: () => qtyRef.current?.focus(),
    setPrice: (price) => {
      patch({ price });
      priceRef.current?.focus();
    },
  }));

  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    trySubmit();
  };

  const preview_ = pv && typeof pv.value !== 'string' ? pv.value : null;
  const previewError = pv && typeof pv.value === 'string' ? pv.value : null;
  const invalid = (f: string): true | undefined => (error?.field === f ? true : undefined);
  const buy = s.side === 'buy';
  const conditional = isConditional(s.type);

  return (
    <form className="ticket" aria-label="Order ticket" onSubmit={onSubmit} data-testid="ticket" noValidate>
      <div className="ticket-top">
        <span id={ids.mode} className="sr-only">
          Margin mode
        </span>
        <Segmented<MarginMode>
          labelledBy={ids.mode}
          options={[
            { value: 'isolated', label: 'Isolated' },
            { value: 'cross', label: 'Cross' },
          ]}
          value={marginMode}
          onChange={(m) => void onMarginMode(m).then((err) => err && setError({ field: 'mode', message: err }))}
          testId="ticket-margin-mode"
        />
        <LeverageControl value={leverage} max={maxLeverage} onCommit={onLeverage} />
      </div>
      {error?.field === 'mode' && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}

      <span id={ids.side} className="sr-only">
        Side
      </span>
      <Segmented<OrderSide>
        labelledBy={ids.side}
        options={[
          { value: 'buy', label: 'Buy / Long' },
          { value: 'sell', label: 'Sell / Short' },
        ]}
        value={s.side}
        onChange={(side) => patch({ side })}
        testId="ticket-side"
      />

      <label className="tk-field">
        <span className="field-label">Order type</span>
        <select value={s.type} onChange={(e) => patch({ type: e.target.value as OrderType })} data-testid="ticket-type">
          {ORDER_TYPES.map((t) => (
            <option key={t} value={t}>
              {ORDER_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>

      {needsTrigger(s.type) && (
        <div className="tk-field">
          <label className="field-label" htmlFor={`${ids.type}-trigger`}>
            Trigger price
          </label>
          <div className="tk-input">
            <input id={`${ids.type}-trigger`} className="num" inputMode="decimal" value={s.trigger} aria-invalid={invalid('trigger')} onChange={(e) => patch({ trigger: e.target.value })} data-testid="ticket-trigger" />
            <span className="unit">USDT</span>
          </div>
        </div>
      )}
      {conditional && (
        <div className="tk-inline">
          <span id={ids.src} className="field-label">
            Trigger on
          </span>
          <Segmented<TriggerSource>
            labelledBy={ids.src}
            options={[
              { value: 'mark', label: 'Mark' },
              { value: 'last', label: 'Last' },
            ]}
            value={s.triggerSource}
            onChange={(triggerSource) => patch({ triggerSource })}
            testId="ticket-trigger-source"
          />
        </div>
      )}

      {needsPrice(s.type) && (
        <div className="tk-field">
          <label className="field-label" htmlFor={`${ids.type}-price`}>
            Price
          </label>
          <div className="tk-input">
            <input ref={priceRef} id={`${ids.type}-price`} className="num" inputMode="decimal" value={s.price} aria-invalid={invalid('price')} placeholder={fmt.price(market?.last)} onChange={(e) => patch({ price: e.target.value })} data-testid="ticket-price" />
            <button type="button" className="btn-ghost" onClick={() => market?.last && patch({ price: market.last })} aria-label="Use the last price" data-testid="ticket-price-last">
              Last
            </button>
          </div>
        </div>
      )}

      {s.type === 'trailingStop' && (
        <div className="tk-grid2">
          <label className="tk-field">
            <span className="field-label">Callback %</span>
            <input className="num" inputMode="decimal" value={s.callbackPercent} aria-invalid={invalid('callback')} onChange={(e) => patch({ callbackPercent: e.target.value })} data-testid="ticket-callback" />
          </label>
          <label className="tk-field">
            <span className="field-label">Activation (optional)</span>
            <input className="num" inputMode="decimal" value={s.activation} aria-invalid={invalid('activation')} onChange={(e) => patch({ activation: e.target.value })} data-testid="ticket-activation" />
          </label>
        </div>
      )}

      {!(s.closePosition && conditional) && (
        <TicketQuantity s={s} patch={patch} inputRef={qtyRef} fieldId={ids.type} unitId={ids.unit} base={base} invalid={invalid('quantity')} resolvedQuantity={previewReq?.quantity ?? null} />
      )}

      <div className="tk-checks">
        {(s.type === 'limit' || s.type === 'stopLimit' || s.type === 'takeProfitLimit') && (
          <label className="tk-tif">
            <span className="field-label">TIF</span>
            <select value={s.timeInForce} onChange={(e) => patch({ timeInForce: e.target.value as TimeInForce })} data-testid="ticket-tif" aria-label="Time in force">
              {TIME_IN_FORCE.map((t) => (
                <option key={t} value={t}>
                  {t === 'postOnly' ? 'Post only' : t}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={s.reduceOnly} onChange={(e) => patch({ reduceOnly: e.target.checked })} data-testid="ticket-reduce-only" />
          Reduce only
        </label>
        {(s.type === 'stopMarket' || s.type === 'takeProfitMarket') && (
          <label className="check">
            <input type="checkbox" checked={s.closePosition} onChange={(e) => patch({ closePosition: e.target.checked })} data-testid="ticket-close-position" />
            Close position
          </label>
        )}
      </div>

      {canAttach(s) && (
        <div className="tk-attached">
          <label className="check">
            <input type="checkbox" checked={s.stopOn} onChange={(e) => patch({ stopOn: e.target.checked })} data-testid="ticket-stop-on" />
            Stop loss
          </label>
          {s.stopOn && (
            <input className="num" inputMode="decimal" aria-label="Stop-loss trigger price" aria-invalid={invalid('stopPrice')} value={s.stopPrice} onChange={(e) => patch({ stopPrice: e.target.value })} data-testid="ticket-stop-price" />
          )}
          <label className="check">
            <input type="checkbox" checked={s.tpOn} onChange={(e) => patch({ tpOn: e.target.checked })} data-testid="ticket-tp-on" />
            Take-profit ladder
          </label>
          {s.tpOn && <TakeProfitLadder rungs={s.takeProfits} onChange={(takeProfits) => patch({ takeProfits })} invalid={error?.field ?? null} />}
        </div>
      )}

      <button type="submit" className={`btn-solid ticket-submit ${buy ? 'buy' : 'sell'}`} disabled={busy || !market} data-testid="ticket-submit">
        {buy ? 'Buy / Long' : 'Sell / Short'} {ORDER_TYPE_LABELS[s.type].toLowerCase()}
        <kbd>{buy ? 'Shift+B' : 'Shift+S'}</kbd>
      </button>
      {handoff.plan && <TicketPlanBanner plan={handoff.plan} onClear={handoff.clear} />}
      <TrailingPendingNote />
      <TicketPreview
        preview={preview_}
        atr={atr}
        stale={pv?.key !== previewKey}
        stopPrice={s.stopOn ? s.stopPrice : null}
        lossAtStop={
          canAttach(s) && s.stopOn
            ? lossAtStop({ side: s.side, quantity: previewReq?.quantity ?? null, entry: preview_?.referencePrice ?? null, stop: s.stopPrice.trim() || null, entryFeeRate: preview_?.feeRate ?? null, profile: market?.profile ?? 'binance-usdm' })
            : null
        }
        equity={equity}
        missing={previewBuild.missing}
      />
      {previewError && <p className="pv-warn">Preview unavailable: {previewError}</p>}
      {error && error.field !== 'mode' && (
        <p className="field-error" role="alert" data-testid="ticket-error">
          {error.message}
        </p>
      )}

      {position && (
        <p className="tk-position faint">
          Holding {position.side} {fmt.qty(position.quantity)} {base} at {fmt.price(position.entryPrice)}
        </p>
      )}

      {confirming && (
        <ConfirmDialog
          title={`${confirming.side === 'buy' ? 'Buy' : 'Sell'} ${confirming.quantity ?? ''} ${base} at market?`}
          confirmLabel={confirming.side === 'buy' ? 'Buy at market' : 'Sell at market'}
          tone={confirming.side === 'buy' ? 'buy' : 'sell'}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const req = confirming;
            setConfirming(null);
            void send(req);
          }}
        >
          <p>
            Expected average fill {fmt.price(preview_?.referencePrice)}, cost {fmt.money(preview_?.cost)}, liquidation price {fmt.price(preview_?.liquidationPrice)}.
          </p>
          <AttachedSummary request={confirming} />
          <p className="faint">Market orders walk the modeled book and may slip. You can turn this question off in Settings.</p>
        </ConfirmDialog>
      )}
    </form>
  );
});
