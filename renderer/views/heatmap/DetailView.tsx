import type { HeatmapDetail } from '#shared/domain/heatmap';
import { formatDecimal } from '../../components/format/decimal-text';

/** Exact amounts of a cell or level, with its leverage and margin-mode mix (hover card). */
export function DetailView({ d, priceDp, qtyDp, title }: { d: HeatmapDetail; priceDp: number; qtyDp: number; title: string }) {
  const money = (s: string) => formatDecimal(s, 0);
  const row = (label: string, a: HeatmapDetail['long'], key: string) => (
    <tr data-testid={`heatmap-detail-${key}`} data-quantity={a.quantity} data-notional={a.notional} data-count={a.count}>
      <th scope="row">{label}</th>
      <td>{formatDecimal(a.quantity, qtyDp)}</td>
      <td>{money(a.notional)}</td>
      <td>{a.count}</td>
    </tr>
  );
  const bands = d.leverage.filter((b) => Number(b.quantity) > 0);
  return (
    <div className="hm-detail">
      <p className="hm-detail-title">
        {title} · {formatDecimal(d.priceFrom, priceDp)} – {formatDecimal(d.priceTo, priceDp)}
      </p>
      <p className="faint">
        {new Date(d.t).toISOString().replace('T', ' ').slice(0, 19)} UTC{d.markPrice ? ` · mark ${formatDecimal(d.markPrice, priceDp)}` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th />
            <th>Quantity</th>
            <th>Notional</th>
            <th>Count</th>
          </tr>
        </thead>
        <tbody>
          {row('Longs', d.long, 'long')}
          {row('Shorts', d.short, 'short')}
          {row('Stops', d.stops, 'stops')}
        </tbody>
      </table>
      {bands.length > 0 && (
        <p className="hm-mix">
          {bands.map((b) => (
            <span key={`${b.side}${b.upTo}`}>
              {b.side} ≤{b.upTo}×: {formatDecimal(b.quantity, qtyDp)} ({b.count})
            </span>
          ))}
        </p>
      )}
      <p className="hm-mix">
        <span>cross {formatDecimal(d.cross.quantity, qtyDp)} ({d.cross.count})</span>
        <span>isolated {formatDecimal(d.isolated.quantity, qtyDp)} ({d.isolated.count})</span>
        {d.mine > 0 && <span className="warn-text">yours: {d.mine}</span>}
      </p>
      <p className="faint">Notional = quantity × mark at that time.</p>
    </div>
  );
}
