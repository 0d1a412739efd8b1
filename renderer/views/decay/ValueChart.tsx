import { useEffect, useRef } from 'react';
import { LineSeries, LineStyle, PriceScaleMode, createChart, createSeriesMarkers, type IChartApi, type SeriesMarker, type UTCTimestamp } from 'lightweight-charts';
import type { LabOutput } from '#shared/domain/decay-lab';
import { baseChartOptions, readChartColors } from '../../components/chart/chart-colors';
import { instrumentColor } from './palette';

/**
 * Every instrument's value (start = 1) at each daily close on one lightweight-charts v5 chart.
 * Threshold rebalances are markers on their token's line, a liquidation or wipe-out a marker on
 * the day it happened. Values become floats here only to be drawn.
 */
export function ValueChart({ result, logScale, theme, hidden }: { result: LabOutput; logScale: boolean; theme: string; hidden: ReadonlySet<string> }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = readChartColors();
    const api = createChart(el, baseChartOptions(c, 3, false));
    api.applyOptions({ rightPriceScale: { mode: logScale ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal } });
    chart.current = api;
    const leverages = [...new Set(result.rows.filter((r) => r.leverage !== null).map((r) => r.leverage!))];
    const time = (day: number) => (Math.round(result.times[day]! / 1000) as UTCTimestamp);
    for (const row of result.rows) {
      if (hidden.has(row.instrument)) continue;
      const color = instrumentColor(row.instrument, leverages, c);
      const s = api.addSeries(LineSeries, {
        color,
        lineWidth: row.kind === 'spot' ? 2 : 1,
        lineStyle: row.kind === 'margin' ? LineStyle.Dashed : LineStyle.Solid,
        priceLineVisible: false,
        // A line that ended at 0 (liquidated, wiped out) would label its last drawn value on log scale.
        lastValueVisible: row.endedDay === null || !logScale,
        title: row.instrument,
      });
      // Log scale cannot draw 0: a wiped-out or liquidated instrument's line stops at its last positive value.
      s.setData(row.path.map((v, day) => (Number(v) > 0 || !logScale ? { time: time(day), value: Number(v) } : { time: time(day) })));
      const markers: SeriesMarker<UTCTimestamp>[] = row.events
        .filter((e) => e.reason !== 'daily')
        .map((e) => ({ time: time(e.day), position: 'aboveBar' as const, color, shape: 'circle' as const, size: 0.6 }));
      if (row.endedDay !== null) markers.push({ time: time(row.endedDay), position: 'belowBar', color: c.down, shape: 'arrowUp', text: row.kind === 'margin' ? 'liquidated' : 'wiped out' });
      // One marker per day is enough to see where the rule fired.
      const seen = new Set<number>();
      createSeriesMarkers(
        s,
        markers.filter((m) => (seen.has(m.time) && m.text === undefined ? false : (seen.add(m.time), true))),
      );
    }
    api.timeScale().fitContent();
    return () => {
      api.remove();
      chart.current = null;
    };
  }, [result, logScale, theme, hidden]);

  return (
    <div
      ref={box}
      className="dc-chart"
      role="img"
      aria-label={`Value of each instrument from a start of 1 on ${result.description}`}
      data-testid="decay-chart"
      data-series={result.rows.filter((r) => !hidden.has(r.instrument)).length}
      data-log={logScale ? 'true' : 'false'}
    />
  );
}
