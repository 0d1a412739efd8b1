import type { Handler } from '../types';

export const heatmapLevels: Handler<'heatmap.levels'> = (input, s) => s.heatmap.levels(input);
