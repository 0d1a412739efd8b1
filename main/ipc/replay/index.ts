import type { Channel } from '#shared/ipc/contract';
import type { HandlerSlice } from '../types';
import { replayUnload } from './replay.unload';
import { replayPlay } from './replay.play';
import { replayPause } from './replay.pause';
import { replaySpeed } from './replay.speed';
import { replayStep } from './replay.step';
import { replaySeek } from './replay.seek';
import { replayStatus } from './replay.status';
import { replayBars } from './replay.bars';
import { replayIndexSources } from './replay.indexSources';
import { replayLoad } from './replay.load';
import { replayPauseOn } from './replay.pauseOn';

type ReplayChannel = Extract<Channel, `replay.${string}`>;

export const replayHandlers = {
  'replay.load': replayLoad,
  'replay.unload': replayUnload,
  'replay.play': replayPlay,
  'replay.pause': replayPause,
  'replay.speed': replaySpeed,
  'replay.step': replayStep,
  'replay.seek': replaySeek,
  'replay.status': replayStatus,
  'replay.bars': replayBars,
  'replay.indexSources': replayIndexSources,
  'replay.pauseOn': replayPauseOn,
} satisfies HandlerSlice<ReplayChannel>;
