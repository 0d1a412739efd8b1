import type { Handler } from '../types';

export const heatmapDetail: Handler<'heatmap.detail'> = (input, s) => s.heatmap.detail(input);
