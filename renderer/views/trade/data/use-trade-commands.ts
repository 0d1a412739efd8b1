import { useMemo } from 'react';
import type { MarginMode } from '#shared/domain/exchange';
import type { AmendRequest, OrderRequest, OrderView } from '#shared/domain/trading-orders';
import type { OrderPreview } from '#shared/domain/trading-queries';
import type { IpcError } from '#shared/ipc/errors';
import type { TradingState } from '#shared/ipc/channels/trading';
import { useApi } from '../../../api/context';
import { triggerText } from '#shared/domain/trigger-direction';
import { useToasts } from '../../../components/toast/toast-context';
import type { Fmt } from '../format';

export interface Refusal {
  readonly message: string;
  readonly field: string | null;
}

function refusal(e: IpcError): Refusal {
  const field = typeof e.details?.field === 'string' ? e.details.field : (e.details?.issues?.[0]?.path.split('.')[0] ?? null);
  return { message: e.message, field: field || null };
}

/**
 * The trader's commands, each answered by the engine: a refusal comes back with its reason
 * (and the field to blame) and is also toasted, so a shortcut that fails is never silent.
 */
export function useTradeCommands(onState: (s: TradingState) => void, fmt: Fmt) {
  const api = useApi();
  const toasts = useToasts();
  return useMemo(() => {
    const refused = (what: string, e: IpcError): Refusal => {
      toasts.push({ kind: 'error', title: `${what} refused`, body: e.message, ttlMs: 8000 });
      return refusal(e);
    };
    return {
      /** `planId`: the order comes from a saved plan (linked to it for the journal). */
      async place(req: OrderRequest & { planId?: string }): Promise<Refusal | null> {
        const r = await api.call('trading.placeOrder', req);
        if (!r.ok) return refused('Order', r.error);
        const o = r.value.order;
        if (o && (o.status === 'open' || o.status === 'pending')) {
          const trigger = o.triggerPrice ? ` · ${triggerText(o, fmt.price(o.triggerPrice))}` : o.price ? ` at ${fmt.price(o.price)}` : '';
          toasts.push({
            kind: 'info',
            title: `${o.status === 'pending' ? 'Conditional order' : 'Order'} placed`,
            body: `#${o.id} ${o.side === 'buy' ? 'Buy' : 'Sell'} ${o.closePosition ? 'to close' : fmt.qty(o.quantity)} ${o.symbol}${trigger}`,
          });
        }
        return null;
      },
      async preview(req: OrderRequest): Promise<OrderPreview | string> {
        const r = await api.call('trading.preview', req);
        return r.ok ? r.value : r.error.message;
      },
      async cancel(o: OrderView): Promise<void> {
        const r = await api.call('trading.cancelOrder', { orderId: o.id });
        if (!r.ok) refused('Cancel', r.error);
      },
      async cancelAll(symbol?: string): Promise<void> {
        const r = await api.call('trading.cancelAll', symbol ? { symbol } : {});
        if (!r.ok) refused('Cancel all', r.error);
        else toasts.push({ kind: 'info', title: `Canceled ${r.value.canceled} order${r.value.canceled === 1 ? '' : 's'}` });
      },
      async amend(req: AmendRequest): Promise<Refusal | null> {
        const r = await api.call('trading.amendOrder', req);
        if (!r.ok) return refused('Amend', r.error);
        const o = r.value;
        toasts.push({ kind: 'info', title: `Order #${o.id} amended`, body: o.triggerPrice ? triggerText(o, fmt.price(o.triggerPrice)) : `Price ${fmt.price(o.price)}` });
        return null;
      },
      async close(symbol: string): Promise<void> {
        const r = await api.call('trading.closePosition', { symbol });
        if (!r.ok) refused('Close', r.error);
      },
      async setLeverage(symbol: string, leverage: number): Promise<string | null> {
        const r = await api.call('trading.setLeverage', { symbol, leverage });
        if (!r.ok) return refused('Leverage change', r.error).message;
        onState(r.value);
        return null;
      },
      async setMarginMode(symbol: string, mode: MarginMode): Promise<string | null> {
        const r = await api.call('trading.setMarginMode', { symbol, mode });
        if (!r.ok) return refused('Margin mode change', r.error).message;
        onState(r.value);
        return null;
      },
      async adjustMargin(symbol: string, amount: string): Promise<string | null> {
        const r = await api.call('trading.adjustMargin', { symbol, amount });
        if (!r.ok) return refused('Margin change', r.error).message;
        onState(r.value);
        return null;
      },
    };
  }, [api, toasts, onState, fmt]);
}

export type TradeCommands = ReturnType<typeof useTradeCommands>;
