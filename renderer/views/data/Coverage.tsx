import { useState } from 'react';
import type { Gap, SeriesInfo } from '#shared/domain/market-series';
import { useApi } from '../../api/context';
import { coverageWindows } from './coverage-windows';
import { count, coverageEnd, utc } from './data-format';

/**
 * A series' coverage: range, candles, its separate windows (excerpts imported apart) and the holes
 * inside them (candles the source is missing), which are not the same thing to a trader.
 */
export function Coverage({ series }: { series: SeriesInfo }) {
  const api = useApi();
  const [all, setAll] = useState<{ id: number; gaps: Gap[] } | null>(null);
  const known = all && all.id === series.id ? { ...series, gaps: all.gaps } : series;
  const c = coverageWindows(known);
  const sorted = c.windows.length > 0;
  // Until every gap is listed the two cannot be told apart: all of them are shown as gaps.
  const holes = sorted ? c.holes : known.gaps;
  return (
    <div className="dv-coverage" data-testid="coverage">
      <dl className="dv-dl">
        <dt>From</dt>
        <dd className="num">{utc(series.from)} UTC</dd>
        <dt>To</dt>
        <dd className="num">{utc(coverageEnd(series.to, series.interval))} UTC</dd>
        <dt>Candles</dt>
        <dd className="num">{count(series.rows)}</dd>
        {sorted && (
          <>
            <dt>Windows</dt>
            <dd className="num" data-testid="coverage-windows" data-windows={c.windows.length}>
              {c.windows.length === 1 ? 'one' : `${c.windows.length} separate windows`}
              {c.windows.length > 1 && (
                <ul className="dv-gaps num" aria-label="Separate windows">
                  {c.windows.map((w) => (
                    <li key={w.from}>
                      {utc(w.from)} → {utc(w.to)} <span className="faint">({count(w.candles)} candles)</span>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        <dt>{sorted ? 'Holes' : 'Gaps'}</dt>
        <dd className="num" data-testid="coverage-gaps">
          {series.gapCount === 0
            ? 'none'
            : sorted
              ? c.holes.length === 0
                ? 'none inside a window'
                : `${count(c.holes.length)} inside ${c.windows.length === 1 ? 'the window' : 'the windows'} (${count(c.holeCandles)} candles missing)`
              : `${count(series.gapCount)} (${count(series.missing)} candles missing)`}
        </dd>
      </dl>
      {holes.length > 0 && (
        <ul className="dv-gaps num" aria-label={sorted ? 'Holes inside the windows' : 'Gaps in the series'}>
          {holes.map((g) => (
            <li key={g.from}>
              {utc(g.from)} → {utc(g.to)} <span className="faint">({count(g.missing)} missing)</span>
            </li>
          ))}
          {known.gaps.length < series.gapCount && (
            <li>
              <button
                type="button"
                className="dv-link"
                onClick={() => void api.call('market.gaps', { seriesId: series.id, limit: 10_000 }).then((r) => r.ok && setAll({ id: series.id, gaps: r.value.gaps }))}
              >
                Show all {count(series.gapCount)} gaps
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

