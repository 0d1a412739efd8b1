import { memo, useState } from 'react';
import type { HeatmapDetail, HeatmapLevelsView } from '#shared/domain/heatmap';
import { LEVERAGE_BANDS } from '#shared/domain/heatmap';
import { formatDecimal } from '../../components/format/decimal-text';

export type SplitMode = 'side' | 'leverage' | 'mode';

interface Props {
  readonly levels: HeatmapLevelsView | null;
  readonly split: SplitMode;
  readonly showStops: boolean;
  readonly priceDp: number;
  hover(level: number): Promise<HeatmapDetail | null>;
  renderDetail(d: HeatmapDetail): React.ReactNode;
}

const W = 320;
const LABEL = 64;

/**
 * The cumulative liquidation map at the cursor: one row per level (highest price on top), long
 * liquidations to the left of the axis, short to the right, stops as their own thin layer, with
 * the cumulative curves from the mark outwards (longs down, shorts up) and the trader's own
 * positions marked. Bars split by leverage band or margin mode; hover gives the exact amounts.
 * Memoised: it changes with the levels (every refresh), not with every replay tick of the view.
 */
export const CumulativeMap = memo(function CumulativeMap({ levels, split, showStops, priceDp, hover, renderDetail }: Props) {
  const [tip, setTip] = useState<{ y: number; detail: HeatmapDetail } | null>(null);
  if (!levels) return <p className="faint hm-empty">No levels yet: load a scenario and play it.</p>;
  const n = levels.levels.length;
  const rowH = Math.max(8, Math.min(18, Math.floor(560 / Math.max(1, n))));
  const H = n * rowH;
  const half = (W - LABEL) / 2;
  const cx = LABEL + half;
  const mark = Number(levels.markPrice);
  const q = (s: string) => Number(s);
  const maxQ = Math.max(1e-12, ...levels.levels.map((l) => Math.max(q(l.long.quantity), q(l.short.quantity), showStops ? q(l.stops.quantity) : 0)));
  const yOf = (i: number) => H - (i + 1) * rowH;
  const top = q(levels.levels[n - 1]?.priceTo ?? '0');
  const bottom = q(levels.levels[0]?.priceFrom ?? '0');
  const yPrice = (p: number) => H - ((p - bottom) / Math.max(1e-12, top - bottom)) * H;
  // Cumulative from the mark outwards: longs below it (falling price liquidates them), shorts above.
  const totalLong = levels.levels.reduce((a, l) => a + (q(l.priceTo) <= mark || q(l.priceFrom) < mark ? q(l.long.quantity) : 0), 0) || 1;
  const totalShort = levels.levels.reduce((a, l) => a + (q(l.priceFrom) >= mark || q(l.priceTo) > mark ? q(l.short.quantity) : 0), 0) || 1;
  const longCurve: string[] = [];
  let acc = 0;
  for (let i = n - 1; i >= 0; i--) {
    const l = levels.levels[i]!;
    if (q(l.priceFrom) >= mark) continue;
    acc += q(l.long.quantity);
    longCurve.push(`${cx - (acc / totalLong) * half},${yOf(i) + rowH / 2}`);
  }
  const shortCurve: string[] = [];
  acc = 0;
  for (let i = 0; i < n; i++) {
    const l = levels.levels[i]!;
    if (q(l.priceTo) <= mark) continue;
    acc += q(l.short.quantity);
    shortCurve.push(`${cx + (acc / totalShort) * half},${yOf(i) + rowH / 2}`);
  }
  const segs = (i: number, side: 'long' | 'short'): { w: number; cls: string }[] => {
    const l = levels.levels[i]!;
    const s = levels.split[i]!;
    const total = q(l[side].quantity);
    if (split === 'side' || total <= 0) return [{ w: total, cls: `hm-bar-${side}` }];
    if (split === 'leverage') return s[side].map((x, k) => ({ w: x, cls: `hm-bar-${side} hm-band-${k}` }));
    const share = s.cross + s.isolated > 0 ? s.cross / (s.cross + s.isolated) : 0;
    return [
      { w: total * share, cls: `hm-bar-${side} hm-cross` },
      { w: total * (1 - share), cls: `hm-bar-${side} hm-isolated` },
    ];
  };
  const scale = (x: number) => (x / maxQ) * (half - 4);

  return (
    <div className="hm-cum" data-testid="heatmap-cumulative" data-source={levels.source} data-at={levels.at} data-bins={levels.bins} onMouseLeave={() => setTip(null)}>
      <svg width={W} height={H + 4} role="img" aria-label={`Cumulative liquidation map at ${levels.at}: long liquidations left, short right`}>
        {levels.levels.map((l, i) => {
          let xl = cx;
          let xr = cx;
          return (
            <g key={l.priceFrom}>
              {i % Math.ceil(n / 14) === 0 && (
                <text x={2} y={yOf(i) + rowH - 2} className="hm-axis-label">
                  {formatDecimal(l.priceFrom, Math.min(priceDp, 1))}
                </text>
              )}
              {segs(i, 'long').map((sg, k) => {
                const w = scale(sg.w);
                xl -= w;
                return <rect key={`l${k}`} x={xl} y={yOf(i) + 1} width={w} height={rowH - 2} className={sg.cls} />;
              })}
              {segs(i, 'short').map((sg, k) => {
                const w = scale(sg.w);
                const x = xr;
                xr += w;
                return <rect key={`s${k}`} x={x} y={yOf(i) + 1} width={w} height={rowH - 2} className={sg.cls} />;
              })}
              {showStops && q(l.stops.quantity) > 0 && <rect x={cx - scale(q(l.stops.quantity)) / 2} y={yOf(i) + rowH - 3} width={scale(q(l.stops.quantity))} height={2} className="hm-bar-stops" />}
              {levels.split[i]!.mine > 0 && (
                <text x={W - 14} y={yOf(i) + rowH - 2} className="hm-mine" data-testid="heatmap-own-level" data-level={i}>
                  ◀
                </text>
              )}
              <rect
                x={LABEL}
                y={yOf(i)}
                width={W - LABEL}
                height={rowH}
                className="hm-hit"
                data-testid={`heatmap-level-${i}`}
                onMouseEnter={() => void hover(i).then((d) => d && setTip({ y: yOf(i), detail: d }))}
              />
            </g>
          );
        })}
        <line x1={cx} x2={cx} y1={0} y2={H} className="hm-axis" />
        <polyline points={longCurve.join(' ')} className="hm-curve-long" />
        <polyline points={shortCurve.join(' ')} className="hm-curve-short" />
        <line x1={LABEL} x2={W} y1={yPrice(mark)} y2={yPrice(mark)} className="hm-mark-line" />
        <text x={LABEL + 2} y={yPrice(mark) - 3} className="hm-mark-label">
          mark {formatDecimal(levels.markPrice, priceDp)}
        </text>
      </svg>
      {tip && (
        <div className="hm-tip hm-level-tip" style={{ top: Math.min(tip.y + 10, H - 120), left: 8 }} data-testid="heatmap-level-tip">
          {renderDetail(tip.detail)}
        </div>
      )}
      {split === 'leverage' && (
        <p className="hm-legend">
          {LEVERAGE_BANDS.map((b, k) => (
            <span key={b} className={`hm-band-${k}`}>
              ≤{b}×
            </span>
          ))}
        </p>
      )}
    </div>
  );
});
