import { useEffect, useMemo, useState } from 'react';
import type { LiquidationView } from '#shared/domain/trading-history';
import type { Output } from '#shared/ipc/contract';
import type { JournalTrip } from '#shared/journal/journal-trip';
import { useApi } from '../../api/context';
import { useSettings } from '../../app/settings-context';
import { CandleChart, type ChartLine, type ChartMarker } from '../../components/chart/CandleChart';
import { formatDecimal } from '../../components/format/decimal-text';
import { Waterfall } from '../trade/explain/Waterfall';
import { AnnotationEditor } from './AnnotationEditor';
import { moneyDp } from './trip-columns';
import { duration, num, utcDateTime } from './use-journal';

type Detail = Output<'journal.trip'>;

/** The chart's horizontal lines: entry and exit over the trip's span, the planned stop and the liquidation fill. */
function chartLines(d: Detail): ChartLine[] {
  const t = d.trip;
  const inTrip = d.candles.filter((c) => c.t >= t.openedAt - 60_000 && c.t <= t.closedAt);
  const times = inTrip.length > 0 ? inTrip.map((c) => c.t) : d.candles.map((c) => c.t);
  const flat = (id: string, label: string, tone: ChartLine['tone'], value: string | null, span = times): ChartLine | null =>
    value === null || span.length === 0 ? null : { id, label, tone, points: span.map((x) => ({ t: x, value })) };
  const all = d.candles.map((c) => c.t);
  const liq = d.fills.find((f) => f.liquidation);
  return [
    flat('entry', `Entry ${t.entryPrice}`, 'accent', t.entryPrice),
    flat('exit', `Exit ${t.exitPrice}`, 'faint', t.exitPrice),
    flat('stop', `Planned stop ${t.plannedStop ?? ''}`, 'warn', t.plannedStop, all),
    flat('liquidation', `Liquidation fill ${liq?.price ?? ''}`, 'warn', liq?.price ?? null, all),
  ].filter((l): l is ChartLine => l !== null);
}

/**
 * One point marker per fill at its price: entries (opening fills) in the trip's direction colour,
 * exits plain, a liquidation fill in warning colour; the first entry and the last exit are labelled.
 */
function fillMarkers(d: Detail): ChartMarker[] {
  const firstEntry = d.fills.findIndex((f) => f.effect === 'open');
  const lastExit = d.fills.map((f) => f.effect).lastIndexOf('close');
  return d.fills.map((f, i) => ({
    t: f.t,
    price: f.price,
    shape: f.side === 'buy' ? 'arrowUp' : 'arrowDown',
    tone: f.liquidation ? 'warn' : f.effect === 'open' ? (d.trip.side === 'long' ? 'up' : 'down') : 'faint',
    text: f.liquidation ? 'Liquidation' : i === firstEntry ? 'Entry' : i === lastExit ? 'Exit' : '',
  }));
}

export function TripDetail(props: { id: string; onClose: () => void; onSaved: (t: JournalTrip) => void }) {
  const api = useApi();
  const { settings } = useSettings();
  const [loaded, setLoaded] = useState<{ id: string; detail: Detail } | null>(null);
  const [liqOf, setLiq] = useState<{ id: string; liq: LiquidationView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const detail = loaded?.id === props.id ? loaded.detail : null;
  const liq = liqOf?.id === props.id ? liqOf.liq : null;
  useEffect(() => {
    let live = true;
    const id = props.id;
    void api.call('journal.trip', { id }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error.message);
      setLoaded({ id, detail: r.value });
      const liqId = r.value.trip.liquidationId;
      if (liqId !== null) void api.call('trading.liquidation', { id: liqId }).then((l) => live && l.ok && setLiq({ id, liq: l.value }));
    });
    return () => {
      live = false;
    };
  }, [api, props.id]);
  const lines = useMemo(() => (detail ? chartLines(detail) : []), [detail]);
  const markers = useMemo(() => (detail ? fillMarkers(detail) : []), [detail]);
  if (error) return <p role="alert">{error}</p>;
  if (!detail) return <p className="faint">Loading the trip…</p>;
  const t = detail.trip;
  const dp = moneyDp(t.asset);
  const priceDp = Math.min(8, Math.max(2, (t.entryPrice.split('.')[1] ?? '').replace(/0+$/, '').length));
  return (
    <section className="jv-detail card" aria-label={`Trip ${t.symbol} ${t.side}`} data-testid="journal-trip-detail">
      <header className="jv-detail-head">
        <h2>
          {t.symbol} {t.side} · {utcDateTime(t.openedAt)} → {utcDateTime(t.closedAt)} <span className="faint">({duration(t.holdingMs)})</span>
        </h2>
        <button type="button" className="btn-ghost" onClick={props.onClose} data-testid="journal-detail-close">
          Close
        </button>
      </header>
      <dl className="jv-facts">
        <div><dt>Net</dt><dd className={Number(t.net) >= 0 ? 'up' : 'down'} data-testid="journal-detail-net">{formatDecimal(t.net, dp, { sign: 'always' })} {t.asset}</dd></div>
        <div><dt>Realized</dt><dd>{formatDecimal(t.realizedPnl, dp)}</dd></div>
        <div><dt>Fees</dt><dd>{Object.entries(t.feesByAsset).map(([a, v]) => `${formatDecimal(v, moneyDp(a))} ${a}`).join(' + ') || '0'}</dd></div>
        <div><dt>Funding</dt><dd>{formatDecimal(t.funding, dp, { sign: 'always' })}</dd></div>
        {t.insuranceClear !== '0' && <div><dt>Insurance clear</dt><dd className="down">{formatDecimal(t.insuranceClear, dp)}</dd></div>}
        <div><dt>Size</dt><dd>{t.quantity}</dd></div>
        <div><dt>Entry → exit</dt><dd>{formatDecimal(t.entryPrice, priceDp)} → {formatDecimal(t.exitPrice, priceDp)}</dd></div>
        <div><dt>Leverage / margin</dt><dd>{t.leverage === null ? '—' : `${t.leverage}x`} / {t.marginMode ?? '—'}</dd></div>
        <div><dt>Planned stop</dt><dd>{t.plannedStop === null ? 'none' : `${t.plannedStop} (${t.stopSource})`}</dd></div>
        <div><dt>R</dt><dd data-testid="journal-detail-r">{num(t.rMultiple)}</dd></div>
        <div><dt>MAE / MFE</dt><dd>{t.maePct === null ? (t.excursionNote ?? '—') : `${num(t.maePct)}% / ${num(t.mfePct)}% (${t.excursionSource})`}</dd></div>
        {t.scenario && <div><dt>Scenario</dt><dd>{t.scenario}</dd></div>}
        {!t.complete && <div><dt>Note</dt><dd className="warn">The export starts inside this trip: its entry is missing.</dd></div>}
      </dl>
      <div className="jv-chart" data-testid="journal-trip-chart" data-bars={detail.candles.length}>
        {detail.candles.length > 0 ? (
          <CandleChart candles={detail.candles} lines={lines} markers={markers} priceDecimals={priceDp} theme={settings.theme} label={`${t.symbol} around the trip: ${detail.chartNote}`} secondsVisible={t.source === 'paper'} />
        ) : null}
        <p className="faint jv-chart-note">{detail.chartNote}</p>
      </div>
      {liq && (
        <div className="jv-waterfall" data-testid="journal-waterfall">
          <h3>Liquidation waterfall</h3>
          <Waterfall liq={liq} />
        </div>
      )}
      <AnnotationEditor key={t.id} trip={t} onSaved={props.onSaved} />
      <details>
        <summary>{detail.fills.length} fills</summary>
        <table className="jv-fills">
          <thead>
            <tr><th>Time</th><th>Side</th><th>Price</th><th>Qty</th><th>Fee</th><th>Realized</th><th /></tr>
          </thead>
          <tbody>
            {detail.fills.map((f, i) => (
              <tr key={i}>
                <td>{utcDateTime(f.t)}</td><td>{f.side}</td><td className="num">{f.price}</td><td className="num">{f.quantity}</td>
                <td className="num">{f.fee} {f.feeAsset}</td><td className="num">{f.realizedPnl}</td><td>{f.liquidation ? 'liquidation' : f.effect}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
