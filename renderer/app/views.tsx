import type { ReactNode } from 'react';
import type { IconName } from '../components/Icon';
import { DataView } from '../views/data/DataView';
import { JournalView } from '../views/journal/JournalView';
import { DecayView } from '../views/decay/DecayView';
import { SettingsView } from '../views/settings/SettingsView';
import { TradeView } from '../views/trade/TradeView';
import { PlannerView } from '../views/planner/PlannerView';
import { HeatmapView } from '../views/heatmap/HeatmapView';

export const VIEW_IDS = ['trade', 'heatmap', 'decay', 'planner', 'journal', 'data', 'settings'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface ViewDef {
  readonly id: ViewId;
  readonly label: string;
  /** Icon for the rail; the label is always shown and read to screen readers. */
  readonly icon: IconName;
  readonly render: () => ReactNode;
}

export const VIEWS: readonly ViewDef[] = [
  { id: 'trade', label: 'Trade', icon: 'trade', render: () => <TradeView /> },
  { id: 'heatmap', label: 'Heatmap', icon: 'heatmap', render: () => <HeatmapView /> },
  { id: 'decay', label: 'Decay', icon: 'decay', render: () => <DecayView /> },
  { id: 'planner', label: 'Planner', icon: 'planner', render: () => <PlannerView /> },
  { id: 'journal', label: 'Journal', icon: 'journal', render: () => <JournalView /> },
  { id: 'data', label: 'Data', icon: 'data', render: () => <DataView /> },
  { id: 'settings', label: 'Settings', icon: 'settings', render: () => <SettingsView /> },
];
