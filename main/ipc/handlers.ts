import type { Channel } from '#shared/ipc/contract';
import { appHandlers } from './app/index';
import { settingsHandlers } from './settings/index';
import { marketHandlers } from './market/index';
import { replayHandlers } from './replay/index';
import { tradingHandlers } from './trading/index';
import { plansHandlers } from './plans/index';
import { journalHandlers } from './journal/index';
import { heatmapHandlers } from './heatmap/index';
import { decayHandlers } from './decay/index';
import type { HandlerTable } from './types';

/** Main's side of the contract: a missing channel or a wrong signature fails to compile. */
export const handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...marketHandlers,
  ...replayHandlers,
  ...tradingHandlers,
  ...plansHandlers,
  ...journalHandlers,
  ...heatmapHandlers,
  ...decayHandlers,
} satisfies HandlerTable;

// Spread members escape excess-property checks, so an extra (uncontracted) handler is caught here.
type Extra = Exclude<keyof typeof handlers, Channel>;
export const noExtraHandlers: [Extra] extends [never] ? true : never = true;
