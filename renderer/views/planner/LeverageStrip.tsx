import type { LeverageStrip as Strip } from '#shared/plan/leverage-strip';
import { formatPercent } from '../../components/format/decimal-text';

const W = 560;
const H = 120;
const PAD = { l: 38, r: 18, t: 8, b: 20 };

/**
 * Liquidation distance against leverage (log scale on leverage: the ~1/leverage curve reads as a
 * falling line), the stop's distance as a horizontal line: points above it are safe. Drawn from
 * the exact figures, which become floats only here, to draw.
 */
export function LeverageStrip({ strip, onPick }: { strip: Strip; onPick: (leverage: number) => void }) {
  const pts = strip.points.filter((p) => p.distance !== null);
  if (pts.length === 0) return <p className="faint pl-strip-empty">No liquidation price at any leverage for this size (the margin covers any move).</p>;
  const maxLev = Math.max(strip.bracketMax, 2);
  const stop = Number(strip.stopDistance);
  const maxD = Math.max(stop * 1.6, ...pts.map((p) => Number(p.distance)).filter((d) => d < 1));
  const x = (lev: number) => PAD.l + (Math.log(lev) / Math.log(maxLev)) * (W - PAD.l - PAD.r);
  const y = (d: number) => PAD.t + (1 - Math.min(d, maxD) / maxD) * (H - PAD.t - PAD.b);
  const line = pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.leverage).toFixed(1)},${y(Number(p.distance)).toFixed(1)}`).join(' ');
  const firstUnsafe = pts.find((p) => !p.safe);
  // The last tick is the bracket's limit; 100 would collide with 125 on a log axis.
  const ticks = [...[1, 2, 5, 10, 20, 50].filter((t) => t < maxLev * 0.8), maxLev];
  return (
    <figure className="pl-strip" data-testid="planner-strip">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Liquidation distance against leverage up to ${maxLev}x; the stop is ${formatPercent(strip.stopDistance, 2)} from the entry${firstUnsafe ? `; from ${firstUnsafe.leverage}x liquidation comes before the stop` : '; every leverage keeps the stop first'}`}>
        {firstUnsafe && <rect className="pl-strip-unsafe" x={x(firstUnsafe.leverage)} y={PAD.t} width={W - PAD.r - x(firstUnsafe.leverage)} height={H - PAD.t - PAD.b} />}
        <line className="pl-strip-axis" x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} />
        {ticks.map((t) => (
          <g key={t}>
            <line className="pl-strip-grid" x1={x(t)} x2={x(t)} y1={PAD.t} y2={H - PAD.b} />
            <text className="pl-strip-label" x={x(t)} y={H - 6} textAnchor="middle">
              {t}x
            </text>
          </g>
        ))}
        <text className="pl-strip-label" x={4} y={y(stop) - 3}>
          stop {formatPercent(strip.stopDistance, 1)}
        </text>
        <line className="pl-strip-stop" x1={PAD.l} x2={W - PAD.r} y1={y(stop)} y2={y(stop)} />
        <path className="pl-strip-curve" d={line} />
        {pts.map((p) => (
          <circle key={p.leverage} className={p.safe ? 'pl-dot safe' : 'pl-dot unsafe'} cx={x(p.leverage)} cy={y(Number(p.distance))} r={p.leverage === strip.chosen ? 4 : 2} onClick={() => onPick(p.leverage)}>
            <title>
              {p.leverage}x: liquidation {formatPercent(p.distance, 2)} from the entry ({p.safe ? 'safe' : 'before the stop'})
            </title>
          </circle>
        ))}
        <line className="pl-strip-chosen" x1={x(strip.chosen)} x2={x(strip.chosen)} y1={PAD.t} y2={H - PAD.b} />
      </svg>
      <figcaption className="faint">
        Liquidation distance by leverage (curve), the stop's distance (dashed). Shaded: liquidation before the stop. Bracket limit at this size: {strip.bracketMax}x. Click a point to use it.
      </figcaption>
    </figure>
  );
}
