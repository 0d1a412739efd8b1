import type { Channel } from '#shared/ipc/contract';
import { allAfterTrading } from '../after-trading';
import type { HandlerSlice } from '../types';
import { heatmapDetail } from './heatmap.detail';
import { heatmapGrid } from './heatmap.grid';
import { heatmapLevels } from './heatmap.levels';

type HeatmapChannel = Extract<Channel, `heatmap.${string}`>;

/** The heatmap reads the trading engine: its calls wait while it is mid-event, as trading calls do (after-trading.ts). */
export const heatmapHandlers = allAfterTrading({
  'heatmap.grid': heatmapGrid,
  'heatmap.levels': heatmapLevels,
  'heatmap.detail': heatmapDetail,
} satisfies HandlerSlice<HeatmapChannel>);
