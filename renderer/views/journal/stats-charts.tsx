import type { JournalStats } from '#shared/journal/journal-stats';
import { num, utcDay } from './use-journal';

const W = 560;
const H = 180;

function scale(min: number, max: number, from: number, to: number) {
  const span = max - min || 1;
  return (v: number) => from + ((v - min) / span) * (to - from);
}

/** Cumulative net (line) over the drawdown from the running peak (area below zero). */
export function EquityChart({ stats }: { stats: JournalStats }) {
  const pts = stats.equity;
  if (pts.length < 2) return <p className="faint">Too few trips for an equity curve.</p>;
  const x = scale(pts[0]!.t, pts[pts.length - 1]!.t, 4, W - 4);
  const lo = Math.min(0, ...pts.map((p) => Math.min(p.equity, p.drawdown)));
  const hi = Math.max(0, ...pts.map((p) => p.equity));
  const y = scale(lo, hi, H - 4, 4);
  const line = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.equity).toFixed(1)}`).join('');
  const dd = `M${x(pts[0]!.t)},${y(0)}${pts.map((p) => `L${x(p.t).toFixed(1)},${y(p.drawdown).toFixed(1)}`).join('')}L${x(pts[pts.length - 1]!.t)},${y(0)}Z`;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="jv-svg" role="img" aria-label={`Equity curve: ${num(stats.totalNet)} ${stats.asset ?? ''} over ${stats.count} trips; deepest drawdown ${num(stats.maxDrawdown.depth)}`} data-testid="journal-equity">
      <line x1={0} x2={W} y1={y(0)} y2={y(0)} className="jv-axis" />
      <path d={dd} className="jv-dd" />
      <path d={line} className="jv-line" />
      {/* The scale in words: highest and lowest value, first and last close (UTC). */}
      <text x={6} y={14} className="jv-tick">{`${num(hi)} ${stats.asset ?? ''}`}</text>
      <text x={6} y={H - 8} className="jv-tick">{num(lo)}</text>
      <text x={W - 6} y={14} className="jv-tick" textAnchor="end">{`${new Date(pts[0]!.t).toISOString().slice(0, 10)} → ${new Date(pts[pts.length - 1]!.t).toISOString().slice(0, 10)}`}</text>
    </svg>
  );
}

export function RHistogram({ stats }: { stats: JournalStats }) {
  const max = Math.max(1, ...stats.rHistogram.map((b) => b.count));
  const bw = W / stats.rHistogram.length;
  if (stats.tripsWithR === 0) return <p className="faint">No trip has a planned stop, so none has an R multiple.</p>;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="jv-svg" role="img" aria-label={`R distribution over ${stats.tripsWithR} trips with a stop`} data-testid="journal-r-histogram">
      {stats.rHistogram.map((b, i) => {
        const h = ((H - 22) * b.count) / max;
        const label = b.from <= -99 ? `<${b.to}` : b.to >= 99 ? `≥${b.from}` : `${b.from}`;
        return (
          <g key={i}>
            <rect x={i * bw + 2} y={H - 18 - h} width={bw - 4} height={h} className={b.to <= 0 ? 'jv-bar down' : 'jv-bar up'}>
              <title>{`${label}…${b.to >= 99 ? '' : b.to} R: ${b.count}`}</title>
            </rect>
            <text x={i * bw + bw / 2} y={H - 4} className="jv-tick" textAnchor="middle">
              {label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ExcursionScatter({ stats }: { stats: JournalStats }) {
  if (stats.scatter.length === 0) return <p className="faint" data-testid="journal-scatter-missing">No MAE/MFE: the workspace has no stored candles for these symbols ({stats.scatterMissing} trips). Import their klines in Data.</p>;
  const maxX = Math.max(0.01, ...stats.scatter.map((p) => p.maePct));
  const maxY = Math.max(0.01, ...stats.scatter.map((p) => p.mfePct));
  const x = scale(0, maxX, 30, W - 6);
  const y = scale(0, maxY, H - 20, 6);
  return (
    <figure className="jv-fig">
      <svg viewBox={`0 0 ${W} ${H}`} className="jv-svg" role="img" aria-label={`MAE against MFE for ${stats.scatter.length} trips`} data-testid="journal-scatter">
        <line x1={30} x2={W} y1={H - 20} y2={H - 20} className="jv-axis" />
        <line x1={30} x2={30} y1={0} y2={H - 20} className="jv-axis" />
        {stats.scatter.map((p) => (
          <circle key={p.id} cx={x(p.maePct)} cy={y(p.mfePct)} r={3} className={p.net >= 0 ? 'jv-dot up' : 'jv-dot down'} />
        ))}
        <text x={W - 6} y={H - 6} className="jv-tick" textAnchor="end">MAE % →</text>
        <text x={34} y={12} className="jv-tick">MFE %</text>
      </svg>
      {stats.scatterMissing > 0 && <figcaption className="faint">{stats.scatterMissing} trips have no MAE/MFE (no stored candles or ticks for them).</figcaption>}
    </figure>
  );
}

/** Daily net by UTC day, one square per day of the covered weeks. */
export function PnlCalendar({ stats }: { stats: JournalStats }) {
  if (stats.calendar.length === 0) return null;
  const byDay = new Map(stats.calendar.map((c) => [c.day, c]));
  const first = Date.parse(`${stats.calendar[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${stats.calendar[stats.calendar.length - 1]!.day}T00:00:00Z`);
  const start = first - (((new Date(first).getUTCDay() + 6) % 7) * 86_400_000);
  const days: number[] = [];
  for (let t = start; t <= last && days.length < 7 * 60; t += 86_400_000) days.push(t);
  const maxAbs = Math.max(1e-12, ...stats.calendar.map((c) => Math.abs(c.net)));
  return (
    <div className="jv-calendar" role="grid" aria-label="Daily net result" data-testid="journal-calendar">
      {days.map((t) => {
        const day = utcDay(t);
        const c = byDay.get(day);
        const k = c ? Math.min(1, Math.abs(c.net) / maxAbs) : 0;
        return (
          <span
            key={day}
            role="gridcell"
            className={`jv-day${c ? (c.net >= 0 ? ' up' : ' down') : ''}`}
            style={c ? { opacity: 0.25 + 0.75 * k } : undefined}
            title={c ? `${day}: ${num(c.net)} (${c.trips} trips)` : day}
          />
        );
      })}
    </div>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function WeekHourHeatmap({ stats }: { stats: JournalStats }) {
  const maxAbs = Math.max(1e-12, ...stats.heatmap.flat().map((c) => Math.abs(c.net)));
  return (
    <table className="jv-heat" aria-label="Net result by weekday and hour of close (UTC)" data-testid="journal-heatmap">
      <tbody>
        {stats.heatmap.map((row, d) => (
          <tr key={d}>
            <th scope="row">{WEEKDAYS[d]}</th>
            {row.map((c, h) => (
              <td key={h} className={c.trips === 0 ? '' : c.net >= 0 ? 'up' : 'down'} style={c.trips ? { opacity: 0.25 + 0.75 * Math.min(1, Math.abs(c.net) / maxAbs) } : undefined} title={`${WEEKDAYS[d]} ${h}:00 UTC: ${num(c.net)} (${c.trips} trips)`} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
