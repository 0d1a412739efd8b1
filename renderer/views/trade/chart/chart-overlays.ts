import type { PositionView } from '#shared/domain/trading-account';
import type { FillView, FundingPaymentView, LiquidationView } from '#shared/domain/trading-history';
import type { OrderView } from '#shared/domain/trading-orders';
import type { ChartLine, ChartMarker } from './chart-controller';

/** At most this many markers on the chart: the newest; a marker per fill of a long session would bury the candles. */
const MAX_MARKERS = 400;

/** The position's levels and the resting orders as price lines; stop and TP lines carry their order id. */
export function chartLines(position: PositionView | null, orders: readonly OrderView[], fmtQty: (q: string) => string): ChartLine[] {
  const out: ChartLine[] = [];
  if (position) {
    const p = position;
    out.push({ id: 'entry', kind: 'entry', price: p.entryPrice, label: `Entry ${p.side} ${fmtQty(p.quantity)}` });
    if (p.liquidationPrice) out.push({ id: 'liq', kind: 'liquidation', price: p.liquidationPrice, label: 'Liquidation' });
    if (p.bankruptcyPrice) out.push({ id: 'bankruptcy', kind: 'bankruptcy', price: p.bankruptcyPrice, label: 'Bankruptcy' });
  }
  const attached = new Set<number>();
  if (position?.stopLoss) {
    attached.add(position.stopLoss.orderId);
    out.push({ id: `o${position.stopLoss.orderId}`, kind: 'stop', price: position.stopLoss.triggerPrice, label: 'Stop', orderId: position.stopLoss.orderId });
  }
  position?.takeProfits.forEach((t, i) => {
    attached.add(t.orderId);
    if (t.triggerPrice) out.push({ id: `o${t.orderId}`, kind: 'takeProfit', price: t.triggerPrice, label: `TP${position.takeProfits.length > 1 ? ` ${i + 1}` : ''}`, orderId: t.orderId });
  });
  for (const o of orders) {
    if (attached.has(o.id)) continue;
    const isStop = o.type === 'stopMarket' || o.type === 'stopLimit';
    const isTp = o.type === 'takeProfitMarket' || o.type === 'takeProfitLimit';
    const price = o.triggerPrice ?? o.price;
    if (!price) continue;
    if (isStop || isTp) {
      out.push({ id: `o${o.id}`, kind: isStop ? 'stop' : 'takeProfit', price, label: `${isStop ? 'Stop' : 'TP'} #${o.id}`, orderId: o.id });
    } else {
      out.push({ id: `o${o.id}`, kind: 'order', price, label: `${o.side === 'buy' ? 'Buy' : 'Sell'} ${o.closePosition ? '' : fmtQty(o.quantity)}`.trim() });
    }
  }
  return out;
}

/** Fills, funding, the trader's liquidations and ADL, and the crowd's liquidations counted per bar. */
export function chartMarkers(
  fills: readonly FillView[],
  funding: readonly FundingPaymentView[],
  liquidations: readonly LiquidationView[],
  crowdByBar: ReadonlyMap<number, number>,
  barMs: number,
): ChartMarker[] {
  const out: ChartMarker[] = [];
  for (const f of fills) {
    if (f.liquidity === 'liquidation' || f.liquidity === 'adl') continue;
    out.push({ t: f.t, kind: f.side === 'buy' ? 'buy' : 'sell', text: f.side === 'buy' ? 'B' : 'S' });
  }
  for (const f of funding) out.push({ t: f.t, kind: 'funding', text: 'F' });
  for (const l of liquidations) {
    if (l.isTrader) out.push({ t: l.t, kind: 'liquidation', text: 'LIQ' });
    if (l.adl.some((s) => s.account === 'me')) out.push({ t: l.t, kind: 'adl', text: 'ADL' });
  }
  // One dot per bar with the market's liquidations; only the three heaviest bars that are not
  // next to one another carry their count, so a cascade reads as a run of dots with its peaks
  // labelled rather than a pile of overlapping text.
  const byCount = [...crowdByBar].sort((a, b) => b[1] - a[1]);
  const labelled: number[] = [];
  for (const [t] of byCount) {
    if (labelled.length === 3) break;
    if (labelled.every((l) => Math.abs(l - t) > 4 * barMs)) labelled.push(t);
  }
  for (const [t, n] of crowdByBar) out.push({ t, kind: 'crowdLiquidation', text: labelled.includes(t) ? `${n} liq` : '' });
  out.sort((a, b) => a.t - b.t);
  return out.slice(-MAX_MARKERS);
}
