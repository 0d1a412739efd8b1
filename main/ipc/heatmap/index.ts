import type { Channel } from '#shared/ipc/contract';
import type { HandlerSlice } from '../types';
import { heatmapDetail } from './heatmap.detail';
import { heatmapGrid } from './heatmap.grid';
import { heatmapLevels } from './heatmap.levels';

type HeatmapChannel = Extract<Channel, `heatmap.${string}`>;

export const heatmapHandlers = {
  'heatmap.grid': heatmapGrid,
  'heatmap.levels': heatmapLevels,
  'heatmap.detail': heatmapDetail,
} satisfies HandlerSlice<HeatmapChannel>;
