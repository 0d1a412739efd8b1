import type { Handler } from '../types';

export const replayUnload: Handler<'replay.unload'> = (_input, s) => s.replay.unload();
