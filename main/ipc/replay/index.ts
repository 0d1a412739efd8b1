import type { Channel } from '#shared/ipc/contract';
import type { Handler, HandlerSlice } from '../types';
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

/**
 * A reloaded session's replay catches up with the trading log in slices (the clock's resume), so
 * main stays live; every replay call answers as if that had been done at once: it waits for the
 * catching up (and replay.load, which starts it, answers once it is over).
 */
function afterCatchingUp<C extends ReplayChannel>(handler: Handler<C>): Handler<C> {
  return (input, s) => (s.replay.catchingUp ? s.replay.caughtUp().then(() => handler(input, s)) : handler(input, s));
}

const handlers = {
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

export const replayHandlers = Object.fromEntries(Object.entries(handlers).map(([channel, handler]) => [channel, afterCatchingUp(handler as Handler<ReplayChannel>)])) as typeof handlers;
