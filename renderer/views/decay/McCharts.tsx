import type { Output } from '#shared/ipc/contract';

type Mc = Output<'decay.monteCarlo'>;
type Grid = Output<'decay.grid'>;

const W = 560;
const H = 220;
const PAD = { l: 44, r: 10, t: 10, b: 26 };

/** Axis numbers that fit: 0.16, 5.0, 1.6e3, 1.6e-4. */
function tick(v: number): string {
  if (v >= 1000 || v < 0.001) return v.toExponential(1).replace('e+', 'e');
  return v.toPrecision(2);
}

const LEGEND = ['token', 'margin', 'spot'] as const;
const LEGEND_CLS = { token: 'tok', margin: 'mar', spot: 'spot' } as const;

/** Terminal values on log bins: token, margin position and spot of one leverage, overlaid. */
export function Histogram({ mc, index }: { mc: Mc; index: number }) {
  const h = mc.histogram;
  if (!h) return null;
  const K = mc.perLeverage.length;
  const series = [
    { name: 'token', cls: 'tok', s: h.series[index]! },
    { name: 'margin', cls: 'mar', s: h.series[K + index]! },
    { name: 'spot', cls: 'spot', s: h.series[2 * K]! },
  ];
  const max = Math.max(1, ...series.flatMap((x) => x.s.counts));
  const n = h.edges.length - 1;
  const bw = (W - PAD.l - PAD.r) / n;
  const y = (c: number) => H - PAD.b - (c / max) * (H - PAD.t - PAD.b);
  const ticks = [0, Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4), n];
  return (
    <svg className="dc-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Histogram of terminal values (log bins)" data-testid="decay-histogram">
      {series.map((x) => (
        <path key={x.name} className={`dc-hist ${x.cls}`} d={x.s.counts.map((c, i) => `${i === 0 ? 'M' : 'L'}${PAD.l + i * bw},${y(c)} L${PAD.l + (i + 1) * bw},${y(c)}`).join(' ')} />
      ))}
      <line className="dc-axis" x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} />
      {ticks.map((i) => (
        <text key={i} className="dc-tick" x={PAD.l + i * bw} y={H - 8} textAnchor={i === 0 ? 'start' : i === n ? 'end' : 'middle'}>
          {tick(h.edges[i]!)}
        </text>
      ))}
      <text className="dc-tick" x={PAD.l + 2} y={PAD.t + 10}>
        paths per bin · value at the end (start = 1, log bins)
      </text>
      {series.map((x, i) => (
        <text key={x.name} className={`dc-legend ${x.cls}`} x={W - PAD.r - 4} y={PAD.t + 12 + i * 14} textAnchor="end">
          {x.name}
          {x.s.zeros > 0 ? ` (${x.s.zeros} at 0)` : ''}
        </text>
      ))}
    </svg>
  );
}

/** Quantiles over time (5-95% and 25-75% bands, median line) for token, margin and spot of one leverage, log scale. */
export function Fan({ mc, index }: { mc: Mc; index: number }) {
  const f = mc.fan;
  if (!f) return null;
  const K = mc.perLeverage.length;
  const sets = [
    { cls: 'tok', q: f.series[index]! },
    { cls: 'mar', q: f.series[K + index]! },
    { cls: 'spot', q: f.series[2 * K]! },
  ];
  const all = sets.flatMap((s) => s.q.flat()).filter((v) => v > 0);
  const lo = Math.log(Math.max(0.01, Math.min(...all)));
  const hi = Math.log(Math.max(...all));
  const last = f.days[f.days.length - 1]! || 1;
  const x = (d: number) => PAD.l + (d / last) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - ((Math.log(Math.max(v, 0.01)) - lo) / (hi - lo || 1)) * (H - PAD.t - PAD.b);
  const band = (q: number[][], a: number, b: number) =>
    `${f.days.map((d, i) => `${i === 0 ? 'M' : 'L'}${x(d)},${y(q[i]![a]!)}`).join(' ')} ${[...f.days].reverse().map((d, j) => `L${x(d)},${y(q[f.days.length - 1 - j]![b]!)}`).join(' ')} Z`;
  const yTicks = [lo, (lo + hi) / 2, hi].map(Math.exp);
  const floored = Math.exp(lo) <= 0.0100001;
  return (
    <svg className="dc-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Fan chart of value quantiles over time" data-testid="decay-fan">
      {sets.map((s) => (
        <g key={s.cls} className={`dc-fan ${s.cls}`}>
          <path className="outer" d={band(s.q, 0, 4)} />
          <path className="inner" d={band(s.q, 1, 3)} />
          <path className="median" d={f.days.map((d, i) => `${i === 0 ? 'M' : 'L'}${x(d)},${y(s.q[i]![2]!)}`).join(' ')} />
        </g>
      ))}
      <line className="dc-axis" x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} />
      {hi > 0 && lo < 0 && <line className="dc-one" x1={PAD.l} x2={W - PAD.r} y1={y(1)} y2={y(1)} />}
      {yTicks.map((v, i) => (
        <text key={v} className="dc-tick" x={PAD.l - 4} y={y(v) + 3} textAnchor="end">
          {i === 0 && floored ? '≤0.01' : tick(v)}
        </text>
      ))}
      {hi > 0 && lo < 0 && (
        <text className="dc-tick" x={PAD.l - 4} y={y(1) + 3} textAnchor="end">
          1
        </text>
      )}
      {LEGEND.map((name, i) => (
        <text key={name} className={`dc-legend ${LEGEND_CLS[name]}`} x={PAD.l + 6} y={H - PAD.b - 8 - (LEGEND.length - 1 - i) * 14}>
          {name}
        </text>
      ))}
      {[0, Math.round(last / 2), last].map((d) => (
        <text key={d} className="dc-tick" x={x(d)} y={H - 8} textAnchor={d === last ? 'end' : d === 0 ? 'start' : 'middle'}>
          day {d}
        </text>
      ))}
    </svg>
  );
}

/** Median decay (token / spot^L − 1) over volatility × leverage. */
export function Heatmap({ grid }: { grid: Grid }) {
  const worst = Math.max(0.01, ...grid.cells.flat().map((v) => Math.abs(Math.min(0, v))));
  return (
    <table className="dc-heat" data-testid="decay-heatmap">
      <thead>
        <tr>
          <th scope="col">σ \ L</th>
          {grid.leverages.map((l) => (
            <th key={l} scope="col">
              {l}x
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.volatilities.map((v, i) => (
          <tr key={v}>
            <th scope="row">{Math.round(v * 100)}%</th>
            {grid.cells[i]!.map((c, j) => (
              <td key={j} data-testid="decay-heat-cell" style={{ ['--heat' as string]: String(Math.min(1, Math.abs(Math.min(0, c)) / worst)) }} title={`σ ${v}, ${grid.leverages[j]}x: median ${(c * 100).toFixed(2)}%`}>
                {(c * 100).toFixed(1)}%
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
