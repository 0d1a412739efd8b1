import type { Handler } from '../types';

export const replayPlay: Handler<'replay.play'> = (_input, s) => s.replay.play();
