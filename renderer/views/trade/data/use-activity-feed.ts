import { useCallback, useEffect, useState } from 'react';
import type { FillView, FundingPaymentView, LiquidationView } from '#shared/domain/trading-history';
import type { TradingActivity } from '#shared/ipc/channels/trading';
import { dec, toWire } from '#shared/money/decimal';
import { triggerText } from '#shared/domain/trigger-direction';
import { formatDecimal, formatPercent, signOf } from '../../../components/format/decimal-text';
import { useApi } from '../../../api/context';
import { useToasts } from '../../../components/toast/toast-context';
import type { Fmt } from '../format';
import { fundDelta } from '../tables/history-columns';

export interface FeedActions {
  openWaterfall(l: LiquidationView): void;
  explainFunding(f: FundingPaymentView): void;
}

/** Fills of one order in one push become one toast: "Bought 0.030 BTC at 60,012.3 (3 fills)". */
function groupFills(fills: readonly FillView[]): FillView[][] {
  const groups = new Map<string, FillView[]>();
  for (const f of fills) {
    if (f.liquidity === 'liquidation' || f.liquidity === 'adl') continue;
    const key = `${f.orderId ?? 'x'}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

function vwap(fills: readonly FillView[]): { qty: string; price: string; fee: string } {
  let q = dec(0);
  let notional = dec(0);
  let fee = dec(0);
  for (const f of fills) {
    q = q.plus(f.quantity);
    notional = notional.plus(dec(f.quantity).mul(f.price));
    fee = fee.plus(f.fee);
  }
  return { qty: toWire(q), price: toWire(q.isZero() ? 0 : notional.div(q)), fee: toWire(fee) };
}

/**
 * Turns each 'trading.activity' push into toasts (fills, stop and take-profit triggers, the
 * trader's liquidation, ADL against the trader, funding) and counts the market's liquidations
 * per bar for the chart's crowd markers.
 */
/** How many of the market's stored liquidations seed the chart's counts (newest first). */
const CROWD_HISTORY_ROWS = 10_000;

export function useActivityFeed(fmt: Fmt, base: string, barMs: number, epoch: string, actions: FeedActions) {
  const toasts = useToasts();
  const [crowdByBar, setCrowdByBar] = useState<ReadonlyMap<number, number>>(new Map());

  const onActivity = useCallback(
    (a: TradingActivity) => {
      // Toasts are text: money with its sign and thousands separators ("+1,295.65").
      const signed = (v: string): string => formatDecimal(v, fmt.moneyDp, { sign: 'always' });
      const kinds = new Map(a.orders.map((o) => [o.id, o]));
      for (const group of groupFills(a.fills)) {
        const first = group[0]!;
        const { qty, price, fee } = vwap(group);
        toasts.push({
          kind: 'fill',
          title: `${first.side === 'buy' ? 'Bought' : 'Sold'} ${fmt.qty(qty)} ${base} at ${fmt.price(price)}`,
          body: `${group.length > 1 ? `${group.length} fills · ` : ''}fee ${fmt.money(fee)} USDT${signOf(first.realizedPnl) !== 0 ? ` · realized ${signed(first.realizedPnl)}` : ''}`,
        });
      }
      for (const t of a.triggered) {
        const o = kinds.get(t.orderId);
        const tp = o?.type === 'takeProfitMarket' || o?.type === 'takeProfitLimit' || o?.role === 'takeProfit';
        toasts.push({
          kind: 'stop',
          title: `${tp ? 'Take-profit' : o?.type === 'trailingStop' ? 'Trailing stop' : 'Stop'} triggered at ${fmt.price(t.price)}`,
          body: o
            ? `${o.side === 'buy' ? 'Buy' : 'Sell'} ${o.closePosition ? 'to close' : `${fmt.qty(o.quantity)} ${base}`}${o.triggerPrice ? ` · ${triggerText(o, fmt.price(o.triggerPrice))}` : ''}`
            : t.symbol,
        });
      }
      for (const l of a.liquidations) {
        if (l.isTrader) {
          toasts.push({
            kind: 'liquidation',
            title: `Liquidated: ${l.side} ${fmt.qty(l.quantity)} ${base}${l.partial ? ' (partial)' : ''}`,
            body: `Mark ${fmt.price(l.markPrice)} crossed ${fmt.price(l.liquidationPrice)} · insurance fund ${signed(fundDelta(l))}`,
            action: { label: 'Waterfall', run: () => actions.openWaterfall(l) },
          });
        }
        const mine = l.adl.filter((s) => s.account === 'me');
        if (mine.length > 0) {
          const q = mine.reduce((acc, s) => acc.plus(s.quantity), dec(0));
          toasts.push({
            kind: 'adl',
            title: `Auto-deleveraged: your ${mine[0]!.side} lost ${fmt.qty(toWire(q))} ${base}`,
            body: `Closed at the bankruptcy price ${fmt.price(mine[0]!.price)} of a liquidated ${l.side}`,
            action: { label: 'Waterfall', run: () => actions.openWaterfall(l) },
          });
        }
      }
      for (const f of a.funding) {
        const paid = signOf(f.amount) < 0;
        toasts.push({
          kind: 'funding',
          title: `Funding ${paid ? 'paid' : 'received'}: ${fmt.money(f.amount.replace(/^-/, ''))} USDT`,
          body: `Rate ${formatPercent(f.rate, 4, { sign: 'always' })} on ${fmt.money(f.notional)} at mark ${fmt.price(f.markPrice)}`,
          action: { label: 'Explain', run: () => actions.explainFunding(f) },
        });
      }
      if (a.marketLiquidations > 0 && a.liquidations.length > 0) {
        // Each liquidation the push carries goes to its own bar; the ones it only counted go to
        // the bar of the newest one.
        setCrowdByBar((m) => {
          const next = new Map(m);
          const bar = (t: number): number => Math.floor(t / barMs) * barMs;
          for (const l of a.liquidations) next.set(bar(l.t), (next.get(bar(l.t)) ?? 0) + 1);
          const newest = bar(Math.max(...a.liquidations.map((l) => l.t)));
          const extra = a.marketLiquidations - a.liquidations.length;
          if (extra > 0) next.set(newest, (next.get(newest) ?? 0) + extra);
          return next;
        });
      }
    },
    [toasts, fmt, base, barMs, actions],
  );

  // The market's liquidations so far (a view opened mid-replay, or after a seek), counted per
  // bar from the stored history; pushes then add to the counts.
  const api = useApi();
  useEffect(() => {
    let live = true;
    void (async () => {
      const counts = new Map<number, number>();
      for (let offset = 0; offset < CROWD_HISTORY_ROWS; offset += 500) {
        const r = await api.call('trading.liquidations', { scope: 'all', offset, limit: 500 });
        if (!r.ok || !live) return;
        for (const l of r.value.rows) {
          const bar = Math.floor(l.t / barMs) * barMs;
          counts.set(bar, (counts.get(bar) ?? 0) + 1);
        }
        if (offset + 500 >= r.value.total) break;
      }
      if (live) setCrowdByBar(counts);
    })();
    return () => {
      live = false;
    };
  }, [api, barMs, epoch]);

  return { onActivity, crowdByBar };
}
