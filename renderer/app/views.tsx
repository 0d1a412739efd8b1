import type { ReactNode } from 'react';
import type { IconName } from '../components/Icon';
import { PlannedView } from '../views/planned/PlannedView';
import { DataView } from '../views/data/DataView';
import { DecayView } from '../views/decay/DecayView';
import { SettingsView } from '../views/settings/SettingsView';
import { TradeView } from '../views/trade/TradeView';

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
  {
    id: 'heatmap',
    label: 'Heatmap',
    icon: 'heatmap',
    render: () => (
      <PlannedView
        title="Liquidation heatmap"
        purpose="Where the crowd's and your own liquidations sit by price over time."
        plan={['Liquidation levels by price and time.', 'Cumulative liquidation map around the current price.']}
      />
    ),
  },
  { id: 'decay', label: 'Decay', icon: 'decay', render: () => <DecayView /> },
  {
    id: 'planner',
    label: 'Planner',
    icon: 'planner',
    render: () => (
      <PlannedView
        title="Stop-loss planner"
        purpose="Size a position from risk and invalidation, and check the stop sits before liquidation."
        plan={['Fixed-fractional size with fees and slippage.', 'Scale-out ladder and trailing-stop replay.', 'Send the plan to paper trading with the hard stop attached.']}
      />
    ),
  },
  {
    id: 'journal',
    label: 'Journal',
    icon: 'journal',
    render: () => (
      <PlannedView
        title="Journal"
        purpose="Every closed paper trade and imported exchange history, with notes and statistics."
        plan={['Import of real exchange exports.', 'Win rate, expectancy, R-multiples, MAE/MFE, drawdown, equity curve.']}
      />
    ),
  },
  { id: 'data', label: 'Data', icon: 'data', render: () => <DataView /> },
  { id: 'settings', label: 'Settings', icon: 'settings', render: () => <SettingsView /> },
];
