import type { ChartColors } from '../../components/chart/chart-colors';

/** One colour per instrument: tokens from a qualitative set, margin positions dashed in the same hue, spot in the text colour. */
const HUES = ['#4f8cff', '#e5a93a', '#c86bfa', '#1fc07f', '#f0506e', '#2bb3c0', '#ff8a3d', '#8f9bff', '#d4c94a', '#ff6fb5'];

export function instrumentColor(instrument: string, leverages: readonly string[], c: ChartColors): string {
  if (instrument === 'spot') return c.text;
  const lev = instrument.split(':')[1]?.split('#')[0] ?? '';
  const i = leverages.indexOf(lev);
  return HUES[(i < 0 ? 0 : i) % HUES.length]!;
}
