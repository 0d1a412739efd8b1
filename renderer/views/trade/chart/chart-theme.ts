import type { ChartOptions, DeepPartial } from 'lightweight-charts';
import { baseChartOptions, type ChartColors } from '../../../components/chart/chart-colors';

export { alpha as withAlpha, readChartColors, type ChartColors } from '../../../components/chart/chart-colors';

/**
 * The shared chart look (components/chart, also the Data view's) with the Trade chart's own
 * needs: room under the candles for the volume histogram, and a right offset for the forming bar.
 */
export function chartOptions(c: ChartColors, priceDp: number): DeepPartial<ChartOptions> {
  const base = baseChartOptions(c, priceDp, false);
  return {
    ...base,
    rightPriceScale: { ...base.rightPriceScale, scaleMargins: { top: 0.08, bottom: 0.22 } },
    timeScale: { ...base.timeScale, rightOffset: 6 },
  };
}
