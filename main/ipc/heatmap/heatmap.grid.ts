import type { Handler } from '../types';

export const heatmapGrid: Handler<'heatmap.grid'> = (input, s) => s.heatmap.grid(input);
