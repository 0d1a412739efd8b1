import type { HeatmapLevelsView } from '#shared/domain/heatmap';

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

/** The heatmap as it is drawn (PNG): its stacked canvases (base, path, dots, live, axes) composed in their order. */
export function exportPng(name: string): void {
  const base = document.querySelector<HTMLCanvasElement>('canvas[data-testid="heatmap-canvas"]');
  if (!base) return;
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const ctx = out.getContext('2d')!;
  for (const id of ['heatmap-canvas', 'heatmap-canvas-path', 'heatmap-canvas-dots', 'heatmap-canvas-live', 'heatmap-canvas-axes']) {
    const c = document.querySelector<HTMLCanvasElement>(`canvas[data-testid="${id}"]`);
    if (c) ctx.drawImage(c, 0, 0);
  }
  download(name, out.toDataURL('image/png'));
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
