import type { z } from 'zod';
import { appChannels } from './channels/app';
import { settingsChannels } from './channels/settings';
import { marketChannels } from './channels/market';
import { replayChannels } from './channels/replay';
import { tradingChannels } from './channels/trading';
import { plansChannels } from './channels/plans';
import { journalChannels } from './channels/journal';
import { heatmapChannels } from './channels/heatmap';
import { decayChannels } from './channels/decay';

/**
 * THE IPC contract: every channel the renderer may call, with its input and output schema.
 * The Electron preload, main's handler table, the web host and the renderer client are all
 * derived from this one table. Domain tables live in ./channels/<domain>.ts.
 */
export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...marketChannels,
  ...replayChannels,
  ...tradingChannels,
  ...plansChannels,
  ...journalChannels,
  ...heatmapChannels,
  ...decayChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller sends (before parsing: decimals as strings, optional fields may be absent). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
