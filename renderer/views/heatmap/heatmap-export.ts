import type { HeatmapLevelsView } from '#shared/domain/heatmap';

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

/** The heatmap canvas as it is drawn (PNG). */
export function exportPng(name: string): void {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="heatmap-canvas"]');
  if (canvas) download(name, canvas.toDataURL('image/png'));
}

/** The levels at the cursor, exact decimals, one row per level (CSV). */
export function levelsCsv(l: HeatmapLevelsView): string {
  const head = ['at', 'source', 'markPrice', 'priceFrom', 'priceTo', 'longQuantity', 'longNotional', 'longCount', 'shortQuantity', 'shortNotional', 'shortCount', 'stopsQuantity', 'stopsNotional', 'stopsCount'];
  const rows = l.levels.map((v) => [l.at, l.source, l.markPrice, v.priceFrom, v.priceTo, v.long.quantity, v.long.notional, v.long.count, v.short.quantity, v.short.notional, v.short.count, v.stops.quantity, v.stops.notional, v.stops.count].join(','));
  return `${head.join(',')}\n${rows.join('\n')}\n`;
}

export function exportCsv(l: HeatmapLevelsView | null, name: string): void {
  if (!l) return;
  const url = URL.createObjectURL(new Blob([levelsCsv(l)], { type: 'text/csv' }));
  download(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
