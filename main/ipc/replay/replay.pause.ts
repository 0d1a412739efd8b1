import type { Handler } from '../types';

export const replayPause: Handler<'replay.pause'> = (_input, s) => s.replay.pause();
